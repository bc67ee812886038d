//! `relmgr cve add|link|list`.

use std::process::ExitCode;

use crate::cli::output::{fields, join, table};
use relmgr::model::Cve;
use relmgr::model::Target;
use relmgr::ops::cve;

use super::{Ctx, parse};

#[derive(Debug, clap::Subcommand)]
pub enum CveCmd {
    /// Record a CVE
    Add {
        /// The CVE id, CVE-YYYY-NNNN
        id: String,
        /// The CVE's title
        #[arg(long)]
        title: String,
        /// Publication date, YYYY-MM-DD
        #[arg(long)]
        date: String,
        /// critical, high, medium, low, info, none, unknown
        #[arg(long)]
        severity: Option<String>,
        /// resolved, resolved_with_pedigree, exploitable, in_triage, false_positive, not_affected
        #[arg(long)]
        state: Option<String>,
    },
    /// Link a CVE to a project, product or release (TARGET[@VERSION])
    Link {
        /// The CVE id, CVE-YYYY-NNNN
        id: String,
        /// A project, a product (PROJECT/PRODUCT) or a release (TARGET@VERSION)
        target: String,
    },
    /// List CVEs, of one target or all
    List {
        /// A project or a product: PROJECT or PROJECT/PRODUCT
        #[arg(value_parser = parse::<Target>)]
        target: Option<Target>,
    },
}

fn render(c: &Cve) -> String {
    fields(&[
        ("cve", Some(c.id.to_string())),
        ("title", Some(c.title.clone())),
        ("date", Some(c.date.clone())),
        ("severity", c.severity.clone()),
        ("state", c.state.clone()),
        ("links", join(&c.links)),
    ])
}

pub fn run(ctx: &Ctx, cmd: CveCmd) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    match cmd {
        CveCmd::Add {
            id,
            title,
            date,
            severity,
            state,
        } => {
            let c = cve::add(
                &mut s,
                &id,
                &title,
                &date,
                severity.as_deref(),
                state.as_deref(),
            )?;
            ctx.out.data(&c, || render(&c));
        }
        CveCmd::Link { id, target } => {
            let c = cve::link(&mut s, &id, &target)?;
            ctx.out.data(&c, || render(&c));
        }
        CveCmd::List { target } => {
            let list = cve::list(&s, target.as_ref())?;
            ctx.out.data(&list, || {
                if list.is_empty() {
                    return "No CVEs.".into();
                }
                table(
                    &["cve", "date", "severity", "state", "title", "links"],
                    list.iter().map(|c| {
                        vec![
                            c.id.to_string(),
                            c.date.clone(),
                            c.severity.clone().unwrap_or_default(),
                            c.state.clone().unwrap_or_default(),
                            c.title.clone(),
                            c.links.join(", "),
                        ]
                    }),
                )
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}
