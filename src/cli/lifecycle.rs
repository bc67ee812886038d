//! `relmgr promote`, `announce`, `revoke` and `cve …`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::model::{ReleaseRef, Target};
use crate::ops::{cve, lifecycle};
use crate::output::{fields, join, table};
use crate::store::cves::Cve;

use super::{Ctx, parse};

#[derive(Debug, clap::Args)]
pub struct PromoteArgs {
    #[arg(value_parser = parse::<ReleaseRef>)]
    pub release: ReleaseRef,
    /// Archive the target's earlier current releases (they stay listed in the snapshot)
    #[arg(long)]
    pub archive_prior: bool,
}

#[derive(Debug, clap::Args)]
pub struct AnnounceArgs {
    #[arg(value_parser = parse::<ReleaseRef>)]
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
    #[arg(value_parser = parse::<ReleaseRef>)]
    pub release: ReleaseRef,
    /// Why, for the snapshot and the log
    #[arg(long)]
    pub reason: String,
    /// A CVE this revocation is about (repeatable; it must have been added)
    #[arg(long = "cve", value_name = "ID")]
    pub cves: Vec<String>,
}

#[derive(Debug, clap::Subcommand)]
pub enum CveCmd {
    /// Record a CVE
    Add {
        id: String,
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
    Link { id: String, target: String },
    /// List CVEs, of one target or all
    List {
        #[arg(value_parser = parse::<Target>)]
        target: Option<Target>,
    },
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
    let r = lifecycle::announce(&mut s, &a.release, a.template.as_deref())?;
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

fn render(c: &Cve) -> String {
    fields(&[
        ("cve", Some(c.id.clone())),
        ("title", Some(c.title.clone())),
        ("date", Some(c.date.clone())),
        ("severity", c.severity.clone()),
        ("state", c.state.clone()),
        ("links", join(&c.links)),
    ])
}

pub fn run_cve(ctx: &Ctx, cmd: CveCmd) -> anyhow::Result<ExitCode> {
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
                            c.id.clone(),
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

#[derive(Debug, clap::Args)]
pub struct PublishArgs {
    /// The directory to write the dist tree into (created if missing)
    pub dir: PathBuf,
    /// Publish only this project or product [default: every project]
    #[arg(value_parser = parse::<Target>)]
    pub target: Option<Target>,
    /// Your secret key, to sign snapshot.json
    #[arg(long, value_name = "SECRET.asc")]
    pub key: PathBuf,
    /// How many days the snapshot stays valid
    #[arg(long, default_value_t = 30, value_name = "DAYS")]
    pub expires_days: u32,
    /// Make the download pages' package links absolute under URL (a mirror network)
    #[arg(long, value_name = "URL", value_parser = parse_page_url)]
    pub base_url: Option<String>,
    /// Make the pages' .asc, .sha512 and KEYS links absolute under URL (the canonical site)
    #[arg(long, value_name = "URL", value_parser = parse_page_url)]
    pub canonical_url: Option<String>,
}

/// An http(s) URL for the download page's links.
fn parse_page_url(s: &str) -> Result<String, String> {
    let u = url::Url::parse(s).map_err(|e| format!("{s}: {e}"))?;
    if !matches!(u.scheme(), "https" | "http") || u.host_str().is_none() {
        return Err(format!("{s}: not an http(s) URL"));
    }
    if u.query().is_some() || u.fragment().is_some() {
        return Err(format!("{s}: a base URL takes no query or fragment"));
    }
    Ok(u.to_string())
}

pub fn publish(ctx: &Ctx, a: PublishArgs) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    let signer = super::stage::load_signer(ctx, &s, &a.key)?;
    let urls = crate::page::Urls {
        base: a.base_url,
        canonical: a.canonical_url,
    };
    let r = crate::ops::publish::publish(
        &mut s,
        &a.dir,
        a.target.as_ref(),
        &signer,
        a.expires_days,
        &urls,
    )?;
    ctx.out.data(&r, || {
        format!(
            "Published snapshot {} of {} releases into {} ({} files written, {} unchanged, {} removed); it expires {}.",
            r.version, r.releases, r.dir, r.written, r.unchanged, r.removed, r.expires
        )
    });
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, clap::Args)]
pub struct SbomArgs {
    #[arg(value_parser = parse::<ReleaseRef>)]
    pub release: ReleaseRef,
    #[arg(long, value_enum)]
    pub format: crate::ops::sbom::Format,
    /// The revision to describe [default: the released one, else the newest]
    #[arg(long, value_parser = parse::<crate::model::RevisionNo>)]
    pub revision: Option<crate::model::RevisionNo>,
    /// Write to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `sbom`: the document itself is the output (also with --json).
pub fn sbom(ctx: &Ctx, a: SbomArgs) -> anyhow::Result<ExitCode> {
    let s = ctx.session()?;
    let doc = crate::ops::sbom::sbom(&s, &a.release, a.revision, a.format)?;
    match a.output {
        Some(p) => {
            std::fs::write(&p, &doc)
                .map_err(|e| crate::error::Error::usage(p.display().to_string()).caused_by(e))?;
            ctx.out.status(&format!("Wrote {}.", p.display()));
        }
        None => crate::output::write_stdout(&doc),
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, clap::Args)]
pub struct FsckArgs {
    /// Remove leftovers of interrupted runs and rebuild the releases/ tree and keys/
    #[arg(long)]
    pub repair: bool,
}

pub fn fsck(ctx: &Ctx, a: FsckArgs) -> anyhow::Result<ExitCode> {
    use crate::ops::fsck::Progress;
    let s = ctx.session()?;
    // A bar on a terminal only (never with --json or --quiet), for stores worth watching.
    let bar = std::sync::OnceLock::new();
    let progress = |p: Progress| match p {
        Progress::Objects(n) if n >= 1000 && ctx.out.progress_allowed() => {
            let b = indicatif::ProgressBar::new(n);
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} checking objects {pos}/{len} {per_sec} {wide_bar} {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            let _ = bar.set(b);
        }
        Progress::Objects(_) => {}
        Progress::ObjectDone => {
            if let Some(b) = bar.get() {
                b.inc(1);
            }
        }
    };
    let r = crate::ops::fsck::fsck(&s, a.repair, &progress)?;
    if let Some(b) = bar.get() {
        b.finish_and_clear();
    }
    ctx.out.data(&r, || {
        let mut t = format!(
            "Checked {} objects, {} packages, {} signatures and {} events.",
            r.objects, r.packages, r.signatures, r.events
        );
        if !r.findings.is_empty() {
            t.push('\n');
            t.push_str(&table(
                &["kind", "where", "problem", "repaired"],
                r.findings.iter().map(|f| {
                    vec![
                        f.kind.clone(),
                        f.place.clone(),
                        f.problem.clone(),
                        if f.repaired { "yes" } else { "no" }.into(),
                    ]
                }),
            ));
        }
        if !r.notes.is_empty() {
            t.push_str(
                "\nNotes: leftovers of interrupted runs (harmless; `fsck --repair` removes them).\n",
            );
            t.push_str(&table(
                &["where", "what", "removed"],
                r.notes.iter().map(|n| {
                    vec![
                        n.place.clone(),
                        n.problem.clone(),
                        if n.repaired { "yes" } else { "no" }.into(),
                    ]
                }),
            ));
        }
        t.push_str(if r.ok {
            "\nThe store is sound."
        } else {
            "\nfsck found problems."
        });
        t
    });
    Ok(if r.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(crate::error::Kind::Verification.exit_code())
    })
}
