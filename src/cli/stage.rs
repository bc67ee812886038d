//! `relmgr stage`, `unstage`, `sign` and `verify`: the hot path.

use std::path::PathBuf;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::output::table;
use relmgr::error::Error;
use relmgr::model::{External, Labels};
use relmgr::model::{PackageName, ReleaseRef, RevisionNo};
use relmgr::ops::Session;
use relmgr::ops::keys::{self, Signer};
use relmgr::ops::verify::{self, Verification};
use relmgr::ops::{ingest, stage};

use super::key::passphrase_source;
use super::release::size;
use super::{Ctx, parse};

#[derive(Debug, clap::Args)]
pub struct StageArgs {
    /// The release: TARGET@VERSION, e.g. demo@1.2.0 (a version never carries its rcN)
    #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
    pub release: ReleaseRef,
    /// Files and directories to stage (directories keep their inner paths as names)
    #[arg(required_unless_present = "external")]
    pub paths: Vec<PathBuf>,
    /// Platform of these packages (linux, windows, macos, any, …)
    #[arg(long)]
    pub platform: Option<String>,
    /// CPU architecture (x64, arm64, …)
    #[arg(long)]
    pub arch: Option<String>,
    /// Channel (stable, beta, …)
    #[arg(long)]
    pub channel: Option<String>,
    /// Check these packages as source archives (LICENSE, NOTICE, compiled files, headers)
    #[arg(long, conflicts_with = "binary")]
    pub source: bool,
    /// Check these packages as binary distributions (no source checks), whatever their content
    #[arg(long)]
    pub binary: bool,
    /// Sign each file with this secret key while staging (one read per file)
    #[arg(long, value_name = "SECRET.asc")]
    pub sign: Option<PathBuf>,
    /// Stage an external package: its https:// or oci:// URL
    #[arg(long, value_name = "URL", requires_all = ["sha256", "size"], conflicts_with = "sign")]
    pub external: Option<String>,
    /// The external package's SHA-256 (64 hex digits)
    #[arg(long, value_name = "HEX", requires = "external")]
    pub sha256: Option<String>,
    /// The external package's size in bytes
    #[arg(long, value_name = "BYTES", requires = "external")]
    pub size: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct UnstageArgs {
    /// The release: TARGET@VERSION, e.g. demo@1.2.0 (a version never carries its rcN)
    #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
    pub release: ReleaseRef,
    /// The package name, as `release show` lists it
    #[arg(value_parser = parse::<PackageName>)]
    pub name: PackageName,
}

#[derive(Debug, clap::Args)]
pub struct SignArgs {
    /// The release: TARGET@VERSION, e.g. demo@1.2.0 (a version never carries its rcN)
    #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
    pub release: ReleaseRef,
    /// Your secret key (passphrase: $RELMGR_PASSPHRASE_FILE, else a prompt)
    #[arg(long, value_name = "SECRET.asc")]
    pub key: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The release to verify (its files in the store's releases/ tree)
    #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases(), required_unless_present = "dir", conflicts_with = "dir")]
    pub release: Option<ReleaseRef>,
    /// The revision to verify [default: the newest]
    #[arg(long, value_parser = parse::<RevisionNo>)]
    pub revision: Option<RevisionNo>,
    /// Verify a directory of packages instead (e.g. a download, or a published tree: every
    /// file must be listed by its unexpired snapshot.json)
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// A KEYS file to verify signatures with [default: DIR/KEYS, else the store's keys];
    /// without a store, the snapshot versions seen are kept beside it in KEYS.seen.json
    #[arg(long, value_name = "KEYS", requires = "dir")]
    pub keys: Option<PathBuf>,
}

/// A byte-progress bar on stderr when allowed and the work is large enough to watch.
pub(super) fn progress_bar(ctx: &Ctx, total: u64, files: usize) -> Option<ProgressBar> {
    if !ctx.out.progress_allowed() || (total < 64 * 1024 * 1024 && files < 50) {
        return None;
    }
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {bytes}/{total_bytes} {bytes_per_sec} {wide_bar} {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    Some(bar)
}

pub fn load_signer(ctx: &Ctx, s: &Session, path: &std::path::Path) -> anyhow::Result<Signer> {
    let signer = keys::load_signer(s, path, &mut passphrase_source(ctx))?;
    for w in &signer.warnings {
        ctx.out.warn(w);
    }
    Ok(signer)
}

pub fn stage(ctx: &Ctx, a: StageArgs) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    let inputs = ingest::collect(&a.paths)?;
    let external = match (&a.external, &a.sha256, &a.size) {
        (Some(u), Some(h), Some(n)) => Some(External::parse(u, h, n)?),
        _ => None,
    };
    let labels = Labels {
        platform: a.platform,
        arch: a.arch,
        channel: a.channel,
        source: match (a.source, a.binary) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        },
    };
    labels.validate()?;
    let signer = a
        .sign
        .as_deref()
        .map(|p| load_signer(ctx, &s, p))
        .transpose()?;
    let total: u64 = inputs.iter().map(|i| i.size).sum();
    let bar = progress_bar(ctx, total, inputs.len());
    let tick = |n: u64| {
        if let Some(b) = &bar {
            b.inc(n);
        }
    };
    let r = stage::stage(
        &mut s,
        &a.release,
        &inputs,
        external.as_ref(),
        &labels,
        signer.as_ref(),
        &tick,
    )?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if r.new_revision {
        ctx.out.status(&format!(
            "Started revision {} of {}.",
            r.revision, r.release
        ));
    }
    ctx.out.data(&r, || {
        format!(
            "Staged {} package{} ({}) into {} {}{}.",
            r.packages.len(),
            if r.packages.len() == 1 { "" } else { "s" },
            size(r.bytes),
            r.release,
            r.revision,
            r.signed_by
                .as_ref()
                .map(|f| format!(", signed by {f}"))
                .unwrap_or_default()
        )
    });
    Ok(ExitCode::SUCCESS)
}

pub fn unstage(ctx: &Ctx, a: UnstageArgs) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    let r = stage::unstage(&mut s, &a.release, &a.name)?;
    ctx.out.data(&r, || {
        format!("Removed {} from {} {}.", r.removed, r.release, r.revision)
    });
    Ok(ExitCode::SUCCESS)
}

pub fn sign(ctx: &Ctx, a: SignArgs) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    let signer = load_signer(ctx, &s, &a.key)?;
    let managed: Vec<u64> = relmgr::ops::release::show(&s, &a.release, None)
        .map(|v| {
            v.packages
                .iter()
                .filter(|p| p.external_url.is_none())
                .map(|p| p.size)
                .collect()
        })
        .unwrap_or_default();
    let bar = progress_bar(ctx, managed.iter().sum(), managed.len());
    let tick = |n: u64| {
        if let Some(b) = &bar {
            b.inc(n);
        }
    };
    let r = stage::sign(&mut s, &a.release, &signer, &tick)?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    ctx.out.data(&r, || {
        let mut t = format!(
            "Signed {} package{} of {} {} with {}.",
            r.signed.len(),
            if r.signed.len() == 1 { "" } else { "s" },
            r.release,
            r.revision,
            r.fingerprint
        );
        if !r.skipped.is_empty() {
            t.push_str(&format!(
                "\nExternal packages are not signed here: {}.",
                r.skipped.join(", ")
            ));
        }
        t
    });
    Ok(ExitCode::SUCCESS)
}

/// Each signature of a package: its key id and verdict, e.g. `875B9C0B9A99E21C ok,
/// 1F2E3D4C5B6A7980 unknown key, bad`.
fn signatures_cell(sigs: &[verify::SignatureLine]) -> String {
    let line = |s: &verify::SignatureLine| {
        let key = s.key.as_deref().map(|k| &k[k.len().saturating_sub(16)..]);
        let status = s.status.replace('-', " ");
        match key {
            Some(k) => format!("{k} {status}"),
            None => status,
        }
    };
    sigs.iter().map(line).collect::<Vec<_>>().join(", ")
}

fn render(r: &Verification) -> String {
    let mut out = table(
        &["package", "checksum", "signature", "signatures", "problems"],
        r.packages.iter().map(|p| {
            vec![
                p.name.clone(),
                p.checksum.clone(),
                p.signature.clone(),
                signatures_cell(&p.signatures),
                p.problems.join("; "),
            ]
        }),
    );
    for (what, list) in [
        ("No package for", &r.orphans),
        ("Not allowed in a release", &r.stray),
        ("Not a regular file", &r.other),
    ] {
        if !list.is_empty() {
            out.push_str(&format!("\n{what}: {}", list.join(", ")));
        }
    }
    out.push_str(&format!("\nKeys: {}.", r.keys));
    if let Some(sn) = &r.snapshot {
        // Below the tree's top: which snapshot judged the part, and which part.
        let (at, part) = match (&sn.top, &sn.within) {
            (Some(top), Some(within)) => (
                format!(" (at the tree's top, {top})"),
                format!(" under {within}/"),
            ),
            _ => (String::new(), " in the tree".to_string()),
        };
        out.push_str(&format!(
            "\nSnapshot: snapshot.json{at} version {}, signature {}{}, {} listed package{}{part}.",
            sn.version.map_or("?".into(), |v| v.to_string()),
            sn.signature,
            signatures_cell(&sn.signatures)
                .split_once(' ')
                .filter(|_| sn.signature == "ok")
                .map_or(String::new(), |(k, _)| format!(" by {k}")),
            sn.packages,
            if sn.packages == 1 { "" } else { "s" },
        ));
        for p in &sn.problems {
            out.push_str(&format!("\n  {p}"));
        }
    }
    out.push_str(if r.ok {
        "\nAll packages verified."
    } else {
        "\nVerification FAILED."
    });
    out
}

pub fn verify(ctx: &Ctx, a: VerifyArgs) -> anyhow::Result<ExitCode> {
    let report = match (&a.release, &a.dir) {
        (Some(r), None) => {
            let s = ctx.session()?;
            verify::verify_release(&s, r, a.revision)?
        }
        (None, Some(dir)) => {
            // Downstream users verify without a store; one is used when found: its keys, and
            // the snapshot versions it has seen.
            let session = ctx.session().ok();
            verify::verify_dir(dir, a.keys.as_deref(), session.as_ref())?
        }
        _ => return Err(Error::usage("give TARGET@VERSION or --dir DIR").into()),
    };
    ctx.out.data(&report, || render(&report));
    if report.ok {
        Ok(ExitCode::SUCCESS)
    } else {
        // The report is the output; the exit code says it failed.
        Ok(ExitCode::from(
            relmgr::error::Kind::Verification.exit_code(),
        ))
    }
}
