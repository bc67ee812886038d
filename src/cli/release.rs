//! `relmgr release list|show`.

use std::process::ExitCode;

use crate::cli::output::{fields, table};
use relmgr::model::{ReleaseRef, RevisionNo, Target};
use relmgr::ops::release::{self, ReleaseView};
use relmgr::store::release_sets::ReleaseSummary;

use super::{Ctx, parse};

#[derive(Debug, clap::Subcommand)]
pub enum ReleaseCmd {
    /// List releases (of a project with its products, of a product, or all), by target and version
    List {
        /// A project or a product: PROJECT or PROJECT/PRODUCT
        #[arg(value_parser = parse::<Target>)]
        target: Option<Target>,
        /// Only releases in this stage
        #[arg(long, value_parser = stage_parser())]
        stage: Option<relmgr::model::Stage>,
        /// Only releases with a package in this channel
        #[arg(long)]
        channel: Option<String>,
        /// Only releases created at or after this time (RFC 3339 or YYYY-MM-DD)
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
        /// At most N releases, the first in the list's order (by target, then version)
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
    /// Show a release's newest (or named) revision and its packages
    Show {
        /// The release: TARGET@VERSION, e.g. demo@1.2.0 (a version never carries its rcN)
        #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
        release: ReleaseRef,
        /// The revision to show, e.g. rc1 [default: the newest]
        #[arg(long, value_parser = parse::<RevisionNo>)]
        revision: Option<RevisionNo>,
    },
}

pub use relmgr::page::human_size as size;

/// `--stage`: one of the stages, listed in `--help` and completions.
fn stage_parser() -> impl clap::builder::TypedValueParser<Value = relmgr::model::Stage> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(relmgr::model::Stage::ALL.map(|s| s.as_str())).map(
        |s| {
            s.parse::<relmgr::model::Stage>()
                .expect("one of the possible values")
        },
    )
}

pub fn render(v: &ReleaseView) -> String {
    let mut out = fields(&[
        ("release", Some(v.release.clone())),
        (
            "revision",
            Some(format!("{} ({})", v.revision, v.revision_phase)),
        ),
        (
            "stage",
            Some(match &v.phase {
                Some(p) => format!("{} / {p}", v.stage),
                None => v.stage.to_string(),
            }),
        ),
        ("vote", v.vote.clone()),
        ("reason", v.reason.clone()),
        ("cves", crate::cli::output::join(&v.cves)),
        (
            "revisions",
            Some(
                v.revisions
                    .iter()
                    .map(|r| format!("{} {}", r.revision, r.phase))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ),
    ]);
    out.push('\n');
    if v.packages.is_empty() {
        out.push_str("No packages yet.");
    } else {
        out.push_str(&table(
            &["package", "size", "sha512", "signed by", "platform"],
            v.packages.iter().map(|p| {
                vec![
                    p.name.clone(),
                    size(p.size),
                    p.sha512
                        .as_deref()
                        .map(|h| format!("{}…", &h[..16]))
                        .unwrap_or_else(|| "external".into()),
                    p.signatures
                        .iter()
                        .map(|s| s.fingerprint.key_id().to_string())
                        .collect::<Vec<_>>()
                        .join(" "),
                    [p.platform.clone(), p.arch.clone(), p.channel.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join("/"),
                ]
            }),
        ));
    }
    out
}

/// `release list`'s table.
fn list_table(rows: &[ReleaseSummary]) -> String {
    if rows.is_empty() {
        return "No releases.".into();
    }
    table(
        &["release", "revision", "stage", "phase", "packages"],
        rows.iter().map(|r| {
            vec![
                format!("{}@{}", r.target, r.version),
                format!("rc{}", r.revision),
                r.stage.to_string(),
                r.phase.map(|p| p.to_string()).unwrap_or_default(),
                r.packages.to_string(),
            ]
        }),
    )
}

pub fn run(ctx: &Ctx, cmd: ReleaseCmd) -> anyhow::Result<ExitCode> {
    let s = ctx.session()?;
    match cmd {
        ReleaseCmd::List {
            target,
            stage,
            channel,
            since,
            limit,
        } => {
            let filter = release::ListFilter {
                target: target.as_ref(),
                stage,
                channel: channel.as_deref(),
                since: since.as_deref(),
                limit,
            };
            if ctx.out.json {
                let list = release::list(&s, &filter)?;
                ctx.out.data(&list, String::new);
            } else {
                // Five columns: the slim rows, not every release's full view.
                let rows = release::list_summaries(&s, &filter)?;
                ctx.out.data(&(), || list_table(&rows));
            }
        }
        ReleaseCmd::Show {
            release: r,
            revision,
        } => {
            let v = release::show(&s, &r, revision)?;
            ctx.out.data(&v, || render(&v));
        }
    }
    Ok(ExitCode::SUCCESS)
}
