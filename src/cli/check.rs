//! `relmgr check TARGET@VERSION [--strict]` and `relmgr check ignore add|list|remove`.

use std::process::ExitCode;

use crate::checks::Outcome;
use crate::error::{Error, Kind};
use crate::model::{ReleaseRef, RevisionNo, Target};
use crate::ops::check::{self, Report};
use crate::output::table;

use super::{Ctx, parse};

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct CheckArgs {
    #[command(subcommand)]
    pub cmd: Option<CheckSub>,
    /// The release to check (its newest revision unless --revision)
    #[arg(value_parser = parse::<ReleaseRef>, required = true)]
    pub release: Option<ReleaseRef>,
    #[arg(long, value_parser = parse::<RevisionNo>)]
    pub revision: Option<RevisionNo>,
    /// Warnings fail too (exit 3)
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum CheckSub {
    /// Findings a project accepts, by glob over `PACKAGE`, `CHECK:PACKAGE` or `PACKAGE:ENTRY`
    #[command(subcommand)]
    Ignore(IgnoreCmd),
}

#[derive(Debug, clap::Subcommand)]
pub enum IgnoreCmd {
    /// Ignore findings matching PATTERN (recorded as an event)
    Add {
        #[arg(value_parser = parse::<Target>)]
        target: Target,
        pattern: String,
        /// Why the finding is acceptable
        #[arg(long)]
        reason: String,
    },
    /// List a target's ignores
    List {
        #[arg(value_parser = parse::<Target>)]
        target: Target,
    },
    /// Stop ignoring PATTERN
    Remove {
        #[arg(value_parser = parse::<Target>)]
        target: Target,
        pattern: String,
    },
}

fn word(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "pass",
        Outcome::Warn => "warn",
        Outcome::Fail => "fail",
        Outcome::Skip => "skip",
    }
}

/// The check × package table, with pass rows folded away when there are many (and said so).
pub fn render(r: &Report) -> String {
    let shown: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.result != Outcome::Pass || r.findings.len() <= 40)
        .collect();
    let mut out = table(
        &["package", "check", "result", "reason"],
        shown.iter().map(|f| {
            vec![
                f.package.clone(),
                f.check.clone(),
                word(f.result).into(),
                f.reason.clone(),
            ]
        }),
    );
    out.push_str(&format!(
        "\n{} {}: {} pass, {} warn, {} fail, {} skip.",
        r.release, r.revision, r.pass, r.warn, r.fail, r.skip
    ));
    let hidden = r.findings.len() - shown.len();
    if hidden > 0 {
        out.push_str(&format!(
            "\n{hidden} passing rows not shown: --json lists every row and every flagged file."
        ));
    }
    out
}

pub fn run(ctx: &Ctx, a: CheckArgs) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    match (a.cmd, a.release) {
        (Some(CheckSub::Ignore(cmd)), _) => match cmd {
            IgnoreCmd::Add {
                target,
                pattern,
                reason,
            } => {
                let row = check::ignore_add(&mut s, &target, &pattern, &reason)?;
                ctx.out.data(&row, || {
                    format!(
                        "{} now ignores {:?}: {}.",
                        row.target, row.pattern, row.reason
                    )
                });
            }
            IgnoreCmd::List { target } => {
                let rows = check::ignore_list(&s, &target)?;
                ctx.out.data(&rows, || {
                    if rows.is_empty() {
                        return "No ignores.".into();
                    }
                    table(
                        &["pattern", "reason", "by", "at"],
                        rows.iter().map(|r| {
                            vec![
                                r.pattern.clone(),
                                r.reason.clone(),
                                r.added_by.clone(),
                                r.added_at.clone(),
                            ]
                        }),
                    )
                });
            }
            IgnoreCmd::Remove { target, pattern } => {
                check::ignore_remove(&mut s, &target, &pattern)?;
                ctx.out.data(
                    &serde_json::json!({"target": target.to_string(), "removed": pattern}),
                    || format!("{target} no longer ignores {pattern:?}."),
                );
            }
        },
        (None, Some(r)) => {
            let rep = check::check(&mut s, &r, a.revision)?;
            ctx.out.data(&rep.findings, || render(&rep));
            if rep.fail > 0 || (a.strict && rep.warn > 0) {
                return Ok(ExitCode::from(Kind::Verification.exit_code()));
            }
        }
        (None, None) => return Err(Error::usage("give TARGET@VERSION").into()),
    }
    Ok(ExitCode::SUCCESS)
}
