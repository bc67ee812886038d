//! `relmgr promote`, `announce` and `revoke`.

use std::path::PathBuf;
use std::process::ExitCode;

use relmgr::model::ReleaseRef;
use relmgr::ops::lifecycle;

use super::{Ctx, parse};

#[derive(Debug, clap::Args)]
pub struct PromoteArgs {
    /// The release: TARGET@VERSION, e.g. demo@1.2.0 (a version never carries its rcN)
    #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
    pub release: ReleaseRef,
    /// Archive the target's earlier current releases (they stay listed in the snapshot)
    #[arg(long)]
    pub archive_prior: bool,
}

#[derive(Debug, clap::Args)]
pub struct AnnounceArgs {
    /// The release: TARGET@VERSION, e.g. demo@1.2.0 (a version never carries its rcN)
    #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
    pub release: ReleaseRef,
    /// A template with {name} {version} {release} {packages} {download} {keys} {cves} {description} {actor}
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// Write the mail to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub send: super::mail::SendArgs,
}

#[derive(Debug, clap::Args)]
pub struct RevokeArgs {
    /// The release: TARGET@VERSION, e.g. demo@1.2.0 (a version never carries its rcN)
    #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
    pub release: ReleaseRef,
    /// Why, for the snapshot and the log
    #[arg(long)]
    pub reason: String,
    /// A CVE this revocation is about (repeatable; it must have been added)
    #[arg(long = "cve", value_name = "ID")]
    pub cves: Vec<String>,
}

pub fn promote(ctx: &Ctx, a: PromoteArgs) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    let r = lifecycle::promote(&mut s, &a.release, a.archive_prior)?;
    ctx.out.data(&r, || {
        let mut t = format!(
            "{} ({}) is now current and distributing.",
            r.release, r.revision
        );
        if !r.archived.is_empty() {
            t.push_str(&format!("\nArchived: {}.", r.archived.join(", ")));
        }
        t
    });
    Ok(ExitCode::SUCCESS)
}

pub fn announce(ctx: &Ctx, a: AnnounceArgs) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    let prepared = a.send.prepare(&s, &a.release.target)?;
    let r = lifecycle::announce(
        &mut s,
        &a.release,
        a.template.as_deref(),
        prepared.is_some(),
    )?;
    if !r.missing.is_empty() {
        ctx.out.warn(&format!(
            "the [ANNOUNCE] mail holds placeholders instead of {}: `announce --send` would refuse it.",
            r.missing.join(" and ")
        ));
    }
    let mail = format!("Subject: {}\n\n{}", r.subject, r.body);
    if let Some(p) = &a.output {
        std::fs::write(p, &mail)?;
    } else {
        ctx.out.status(&format!("{} is announced.", r.release));
    }
    let sent = super::mail::send_after(ctx, &mut s, prepared)?;
    let human = match (&a.output, &sent) {
        (Some(p), _) => format!(
            "{} is announced; the mail is in {}.",
            r.release,
            p.display()
        ),
        (None, Some(_)) => String::new(),
        (None, None) => mail.clone(),
    };
    ctx.out
        .data(&super::mail::WithSent { report: &r, sent }, || human);
    Ok(ExitCode::SUCCESS)
}

pub fn revoke(ctx: &Ctx, a: RevokeArgs) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    let r = lifecycle::revoke(&mut s, &a.release, &a.reason, &a.cves)?;
    ctx.out.data(&r, || {
        format!(
            "Revoked {} (was {}): {}.",
            r.release, r.previous_stage, r.reason
        )
    });
    Ok(ExitCode::SUCCESS)
}
