//! `relmgr log`.

use std::process::ExitCode;

use crate::cli::output::table;
use relmgr::ops;

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
    /// One event, by its seq or its hash (8 or more hex digits)
    #[arg(long, value_name = "SEQ", conflicts_with_all = ["target", "since", "limit"])]
    pub event: Option<String>,
    /// With --event: write event-SEQ.json (the signed bytes) and event-SEQ.json.asc into DIR
    #[arg(long, value_name = "DIR", requires = "event")]
    pub export: Option<std::path::PathBuf>,
}

pub fn run(ctx: &Ctx, a: Args) -> anyhow::Result<ExitCode> {
    let s = ctx.session()?;
    if let Some(which) = &a.event {
        if let Some(dir) = &a.export {
            let x = ops::log::export(&s, which, dir)?;
            ctx.out.data(&x, || match &x.signature {
                Some(sig) => format!(
                    "Wrote {} and {} (signed by {}).",
                    x.record,
                    sig,
                    x.signer.as_deref().unwrap_or("?")
                ),
                None => format!("Wrote {} (the event is not signed).", x.record),
            });
            return Ok(ExitCode::SUCCESS);
        }
        let e = ops::log::event(&s, which)?;
        ctx.out.data(&e, || {
            let mut out = crate::cli::output::fields(&[
                ("seq", Some(e.seq.to_string())),
                ("time", Some(e.time.clone())),
                ("actor", Some(format!("{} ({})", e.actor, e.actor_kind))),
                ("type", Some(e.kind.clone())),
                ("target", Some(e.target.clone())),
                ("hash", Some(e.hash.clone())),
                ("parents", e.parents.as_ref().map(|p| p.join(" "))),
                ("signer", e.signer.as_ref().map(|f| f.to_string())),
                ("void", e.void.clone()),
            ]);
            out.push('\n');
            out.push_str(&serde_json::to_string_pretty(&e.payload).expect("JSON"));
            out
        });
        return Ok(ExitCode::SUCCESS);
    }
    let events = ops::log::log(&s, a.target.as_deref(), a.since.as_deref(), a.limit)?;
    ctx.out.data(&events, || {
        if events.is_empty() {
            return "No events.".into();
        }
        table(
            &["seq", "time", "actor", "type", "target", "hash"],
            events.iter().map(|e| {
                let mut kind = e.kind.clone();
                if e.signature.is_some() {
                    kind.push_str(" (signed)");
                }
                if let Some(why) = &e.void {
                    kind.push_str(&format!(" VOID: {why}"));
                }
                vec![
                    e.seq.to_string(),
                    e.time.clone(),
                    e.actor.clone(),
                    kind,
                    e.target.clone(),
                    e.hash[..12].to_string(),
                ]
            }),
        )
    });
    Ok(ExitCode::SUCCESS)
}
