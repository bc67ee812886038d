//! `relmgr policy show|set|history`.

use std::process::ExitCode;

use clap::builder::BoolishValueParser;
use relmgr::model::Target;
use relmgr::ops::policy::{self, Change, Effective};

use crate::cli::output::{fields, table};

use super::{Ctx, parse};

#[derive(Debug, clap::Subcommand)]
pub enum PolicyCmd {
    /// Show the vote policy in force for a project or product, and where each field comes from
    Show {
        /// A project or a product: PROJECT or PROJECT/PRODUCT
        #[arg(value_parser = parse::<Target>)]
        target: Target,
    },
    /// Set fields of the vote policy (a new policy version; pmc, rm or admin)
    #[command(group(
        clap::ArgGroup::new("change")
            .required(true)
            .multiple(true)
            .args(["min_hours", "manual", "pause_on_veto", "checklist", "clear_checklist", "signed_events"])
    ))]
    Set {
        /// A project or a product: PROJECT or PROJECT/PRODUCT
        #[arg(value_parser = parse::<Target>)]
        target: Target,
        #[command(flatten)]
        change: ChangeArgs,
    },
    /// Every version of a target's own policy, with who set it and when
    History {
        /// A project or a product: PROJECT or PROJECT/PRODUCT
        #[arg(value_parser = parse::<Target>)]
        target: Target,
    },
}

/// `policy set`'s flags (the `///` lines are their help): what it changes, None leaving a field
/// as it is.
#[derive(Debug, Default, Clone, clap::Args)]
pub struct ChangeArgs {
    /// Minimum hours a vote stays open (0: it may close as soon as the rule holds)
    #[arg(long, value_name = "N")]
    pub min_hours: Option<u32>,
    /// Record votes but let the RM decide (true/false)
    #[arg(long, value_name = "BOOL", value_parser = BoolishValueParser::new())]
    pub manual: Option<bool>,
    /// A passing vote with any -1 waits for the RM to confirm or abandon it (true/false)
    #[arg(long, value_name = "BOOL", value_parser = BoolishValueParser::new())]
    pub pause_on_veto: Option<bool>,
    /// A markdown file shown to voters as the checklist
    #[arg(long, value_name = "FILE")]
    pub checklist: Option<std::path::PathBuf>,
    /// Remove the checklist
    #[arg(long, conflicts_with = "checklist")]
    pub clear_checklist: bool,
    /// Which events must be signed by their actor's key: none, binding (votes, closes, roles,
    /// keys, policy, promote, revoke, publish) or all
    #[arg(long, value_name = "LEVEL", value_parser = ["none", "binding", "all"])]
    pub signed_events: Option<String>,
}

impl From<ChangeArgs> for Change {
    fn from(a: ChangeArgs) -> Change {
        Change {
            min_hours: a.min_hours,
            manual: a.manual,
            pause_on_veto: a.pause_on_veto,
            checklist: a.checklist,
            clear_checklist: a.clear_checklist,
            signed_events: a.signed_events,
        }
    }
}

fn render(e: &Effective) -> String {
    let src = |f: &str| {
        e.sources
            .get(f)
            .and_then(|v| v.as_str())
            .unwrap_or("default")
            .to_string()
    };
    fields(&[
        ("target", Some(e.target.clone())),
        (
            "version",
            Some(
                e.version
                    .map_or("none (inherited)".into(), |v| v.to_string()),
            ),
        ),
        (
            "min_hours",
            Some(format!("{} ({})", e.policy.min_hours, src("min_hours"))),
        ),
        (
            "manual",
            Some(format!("{} ({})", e.policy.manual, src("manual"))),
        ),
        (
            "pause_on_veto",
            Some(format!(
                "{} ({})",
                e.policy.pause_on_veto,
                src("pause_on_veto")
            )),
        ),
        (
            "checklist",
            Some(match &e.policy.checklist {
                Some(c) => format!("{} lines ({})", c.lines().count(), src("checklist")),
                None => "none".into(),
            }),
        ),
        ("signed_events", Some(e.signed_events.clone())),
    ])
}

pub fn run(ctx: &Ctx, cmd: PolicyCmd) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    match cmd {
        PolicyCmd::Show { target } => {
            let e = policy::effective(&s, &target)?;
            ctx.out.data(&e, || render(&e));
        }
        PolicyCmd::Set { target, change } => {
            let e = policy::set(&mut s, &target, change.into())?;
            ctx.out.status(&format!(
                "Set policy version {} of {}.",
                e.version.unwrap_or(0),
                e.target
            ));
            ctx.out.data(&e, || render(&e));
        }
        PolicyCmd::History { target } => {
            let h = policy::history(&s, &target)?;
            ctx.out.data(&h, || {
                if h.is_empty() {
                    return format!(
                        "{target} never set its own policy; see `relmgr policy show {target}`."
                    );
                }
                let opt = |v: Option<String>| v.unwrap_or_else(|| "inherit".into());
                table(
                    &[
                        "version",
                        "set at",
                        "by",
                        "min_hours",
                        "manual",
                        "pause_on_veto",
                        "checklist",
                    ],
                    h.iter().map(|r| {
                        vec![
                            r.version.to_string(),
                            r.set_at.to_string(),
                            r.set_by.clone(),
                            opt(r.min_hours.map(|v| v.to_string())),
                            opt(r.manual.map(|v| v.to_string())),
                            opt(r.pause_on_veto.map(|v| v.to_string())),
                            match &r.checklist {
                                None => "inherit".into(),
                                Some(c) if c.is_empty() => "none".into(),
                                Some(c) => format!("{} lines", c.lines().count()),
                            },
                        ]
                    }),
                )
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}
