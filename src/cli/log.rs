//! `relmgr log`.

use std::process::ExitCode;

use crate::ops;
use crate::output::table;

use super::Ctx;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only events of this project, product or release (and what is under it)
    pub target: Option<String>,
    /// Only events at or after this time (RFC 3339 or YYYY-MM-DD)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// At most N events, the oldest first (with --since: the first N from that time on, a page)
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

pub fn run(ctx: &Ctx, a: Args) -> anyhow::Result<ExitCode> {
    let s = ctx.session()?;
    let events = ops::log::log(&s, a.target.as_deref(), a.since.as_deref(), a.limit)?;
    ctx.out.data(&events, || {
        if events.is_empty() {
            return "No events.".into();
        }
        table(
            &["seq", "time", "actor", "type", "target", "hash"],
            events.iter().map(|e| {
                vec![
                    e.seq.to_string(),
                    e.time.clone(),
                    e.actor.clone(),
                    e.kind.clone(),
                    e.target.clone(),
                    e.hash[..12].to_string(),
                ]
            }),
        )
    });
    Ok(ExitCode::SUCCESS)
}
