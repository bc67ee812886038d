//! `relmgr publish DIR [TARGET]`: the dist tree, KEYS, the signed snapshot and the download
//! pages; with `--candidates`, the revisions under vote in the layout of a dist/dev area.

use std::path::PathBuf;
use std::process::ExitCode;

use relmgr::model::Target;

use super::{Ctx, parse};

#[derive(Debug, clap::Args)]
pub struct PublishArgs {
    /// The directory to write the dist tree into (created if missing); files that publish
    /// did not write stay, and symlinked directories inside it are refused
    pub dir: PathBuf,
    /// Publish only this project or product [default: every project]
    #[arg(value_parser = parse::<Target>)]
    pub target: Option<Target>,
    /// Your secret key, to sign snapshot.json
    #[arg(
        long,
        value_name = "SECRET.asc",
        required_unless_present = "candidates"
    )]
    pub key: Option<PathBuf>,
    /// How many days the snapshot stays valid
    #[arg(long, default_value_t = 30, value_name = "DAYS")]
    pub expires_days: u32,
    /// Make the download pages' package links absolute under URL (a mirror network)
    #[arg(long, value_name = "URL", value_parser = parse_page_url)]
    pub base_url: Option<String>,
    /// Make the pages' .asc, .sha512 and KEYS links absolute under URL (the canonical site)
    #[arg(long, value_name = "URL", value_parser = parse_page_url)]
    pub canonical_url: Option<String>,
    /// Link each release's notes on the download pages: a URL where `{version}` (and
    /// `{target}`) stand for the release, e.g. https://demo.example.org/changes-{version}.html
    #[arg(long, value_name = "URL", value_parser = parse_notes_url)]
    pub notes_url: Option<String>,
    /// Link older releases on the archive page under URL/<target>/<version>/ (where they are
    /// kept, e.g. https://archive.apache.org/dist/)
    #[arg(long, value_name = "URL", value_parser = parse_page_url)]
    pub archive_url: Option<String>,
    /// Write the revisions under vote to DIR/<target>/<version>-<rcN>/ (packages, .asc, .sha512,
    /// KEYS) for voters to check and fetch, instead of the dist tree
    #[arg(long, conflicts_with_all = ["key", "expires_days", "base_url", "canonical_url", "notes_url", "archive_url"])]
    pub candidates: bool,
}

/// An http(s) URL for the download page's links.
pub(super) fn parse_page_url(s: &str) -> Result<String, String> {
    let u = url::Url::parse(s).map_err(|e| format!("{s}: {e}"))?;
    if !matches!(u.scheme(), "https" | "http") || u.host_str().is_none() {
        return Err(format!("{s}: not an http(s) URL"));
    }
    if u.query().is_some() || u.fragment().is_some() {
        return Err(format!("{s}: a base URL takes no query or fragment"));
    }
    Ok(u.to_string())
}

/// A release-notes URL template: an http(s) URL once `{version}` and `{target}` are filled in.
fn parse_notes_url(s: &str) -> Result<String, String> {
    let filled = s.replace("{version}", "1.0.0").replace("{target}", "demo");
    let u = url::Url::parse(&filled).map_err(|e| format!("{s}: {e}"))?;
    if !matches!(u.scheme(), "https" | "http") || u.host_str().is_none() {
        return Err(format!("{s}: not an http(s) URL"));
    }
    if filled
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"<>{}".contains(c))
    {
        return Err(format!(
            "{s}: only {{version}} and {{target}} may be in braces"
        ));
    }
    Ok(s.to_string())
}

pub fn run(ctx: &Ctx, a: PublishArgs) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    if a.candidates {
        return candidates(ctx, &s, a);
    }
    let key = a
        .key
        .as_deref()
        .ok_or_else(|| relmgr::error::Error::usage("publish needs --key SECRET.asc"))?;
    let signer = super::stage::load_signer(ctx, &s, key)?;
    let urls = relmgr::page::Urls {
        base: a.base_url,
        canonical: a.canonical_url,
        notes: a.notes_url,
        archive: a.archive_url,
    };
    let r = relmgr::ops::publish::publish(
        &mut s,
        &a.dir,
        a.target.as_ref(),
        &signer,
        a.expires_days,
        &urls,
    )?;
    ctx.out.data(&r, || {
        let mut text = format!(
            "Published snapshot {} of {} releases into {} ({} files written, {} unchanged, {} removed); it expires {}.",
            r.version, r.releases, r.dir, r.written, r.unchanged, r.removed, r.expires
        );
        if !r.kept.is_empty() {
            // Files publish did not write stay; a long list (a checkout's .svn/) is cut.
            const SHOWN: usize = 10;
            let more = r.kept.len().saturating_sub(SHOWN);
            text.push_str(&format!(
                "\nKept {} file{} that publish did not write: {}{}",
                r.kept.len(),
                if r.kept.len() == 1 { "" } else { "s" },
                r.kept[..r.kept.len().min(SHOWN)].join(", "),
                if more > 0 { format!(" and {more} more") } else { String::new() }
            ));
        }
        text
    });
    Ok(ExitCode::SUCCESS)
}

/// `publish DIR [TARGET] --candidates`.
fn candidates(ctx: &Ctx, s: &relmgr::ops::Session, a: PublishArgs) -> anyhow::Result<ExitCode> {
    let r = relmgr::ops::candidates::publish_candidates(s, &a.dir, a.target.as_ref())?;
    ctx.out.data(&r, || {
        let dirs: Vec<String> = r.candidates.iter().map(|c| c.path.clone()).collect();
        format!(
            "Wrote {} revision{} under vote into {} ({}; {} files written, {} unchanged).",
            r.candidates.len(),
            if r.candidates.len() == 1 { "" } else { "s" },
            r.dir,
            dirs.join(", "),
            r.written,
            r.unchanged
        )
    });
    Ok(ExitCode::SUCCESS)
}
