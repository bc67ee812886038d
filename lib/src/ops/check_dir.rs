//! `relmgr check --dir DIR [--keys KEYS]`: the voter's kit. The release checks on a downloaded
//! candidate, with no store: signatures against KEYS (default `DIR/KEYS`) and checksums (read
//! as `verify --dir` reads them), then the archive, contents, header and layout checks of
//! `crate::checks` on every package. Naming is skipped (no project to compare with).

use std::path::Path;

use crate::checks::{self, Context, Finding, Outcome, PackageInput};
use crate::distdir;
use crate::error::Error;

use super::check::{CheckReport, report_of};
use super::check_git;
use super::parallel;
use super::verify::{self, PackageCheck};

/// The signature row of one package, from `verify --dir`'s verdict.
fn signature_finding(c: &PackageCheck, keys: &str) -> Finding {
    let (result, reason) = match c.signature.as_str() {
        "ok" => (
            Outcome::Pass,
            format!(
                "signed by {}",
                c.signer.as_deref().unwrap_or("a key in KEYS")
            ),
        ),
        "missing" => (Outcome::Fail, "no signature (.asc)".to_string()),
        "unknown-key" => {
            let by: Vec<&str> = c
                .signatures
                .iter()
                .filter_map(|s| s.key.as_deref())
                .collect();
            (
                Outcome::Fail,
                format!("signed by {}, which is not in {keys}", by.join(", ")),
            )
        }
        _ => (
            Outcome::Fail,
            format!("bad signature: {}", c.problems.join("; ")),
        ),
    };
    Finding::new(&c.name, "signature", result, reason)
}

/// The checksum row of one package.
fn checksum_finding(c: &PackageCheck) -> Finding {
    let (result, reason) = match c.checksum.as_str() {
        "ok" => (Outcome::Pass, "the checksum file matches".to_string()),
        "missing" => (Outcome::Fail, "no checksum file (.sha512)".to_string()),
        _ => (
            Outcome::Fail,
            format!("checksum mismatch: {}", c.problems.join("; ")),
        ),
    };
    Finding::new(&c.name, "checksum", result, reason)
}

/// The options of `check --dir`.
#[derive(Debug, Clone, Default)]
pub struct DirOptions {
    /// The KEYS file [default: DIR/KEYS].
    pub keys: Option<std::path::PathBuf>,
    /// Compare source archives with this git ref.
    pub git: Option<String>,
    /// Globs over package names: source archives.
    pub source: Vec<String>,
    /// Globs over package names: not source archives.
    pub binary: Vec<String>,
    /// The project's license (SPDX); `None`: Apache rules.
    pub license: Option<String>,
    /// A file of exclusion patterns for the header check.
    pub ignore_file: Option<std::path::PathBuf>,
}

fn globs(list: &[String], flag: &str) -> anyhow::Result<globset::GlobSet> {
    let mut b = globset::GlobSetBuilder::new();
    for g in list {
        let glob = globset::Glob::new(g).map_err(|e| Error::usage(format!("{flag} {g:?}: {e}")))?;
        b.add(glob);
    }
    Ok(b.build()?)
}

/// [`check_dir`] with every option of `check --dir`.
pub fn check_dir_with(dir: &Path, opts: &DirOptions) -> anyhow::Result<CheckReport> {
    let keys = opts.keys.as_deref();
    let git_ref = opts.git.as_deref();
    let source = globs(&opts.source, "--source")?;
    let binary = globs(&opts.binary, "--binary")?;
    let scan =
        distdir::scan(dir).map_err(|e| Error::usage(dir.display().to_string()).caused_by(e))?;
    if scan.packages.is_empty() {
        return Err(Error::usage(format!("{} holds no packages", dir.display())).into());
    }
    let mut verified = verify::verify_dir(dir, keys, None)?;
    let mut ctx = Context::new("", "");
    ctx.flag_hint = "check --dir --source GLOB".into();
    if let Some(l) = &opts.license {
        if spdx::Expression::parse_mode(l, spdx::ParseMode::LAX).is_err() {
            return Err(Error::usage(format!("--license {l:?} is not an SPDX expression")).into());
        }
        ctx.license = Some(l.clone());
    }
    if let Some(f) = &opts.ignore_file {
        let text = std::fs::read_to_string(f)
            .map_err(|e| Error::usage(format!("--ignore-file {}: {e}", f.display())))?;
        ctx.excludes = text.lines().map(str::to_string).collect();
    }
    let names: Vec<String> = scan.packages.iter().map(|p| p.name.clone()).collect();
    ctx.hash_files = git_ref.is_some() || check_git::has_format_pairs(&names);
    let here = std::env::current_dir()?;
    let git_tree = git_ref
        .map(|r| check_git::git_tree(&here, r).map(|t| (r, t)))
        .transpose()?;
    let checked = parallel(&scan.packages, |p| {
        Ok(checks::inspect(
            &ctx,
            &PackageInput {
                name: p.name.clone(),
                path: Some(p.path.clone()),
                source: match (source.is_match(&p.name), binary.is_match(&p.name)) {
                    (true, _) => Some(true),
                    (false, true) => Some(false),
                    (false, false) => None,
                },
            },
        ))
    })?;
    // Below a published tree's top, verify names its files from the top (`demo/1.0.0/x`);
    // check names them from the directory named.
    if let Some(w) = verified.snapshot.as_ref().and_then(|s| s.within.clone()) {
        let prefix = format!("{w}/");
        for v in &mut verified.packages {
            if let Some(name) = v.name.strip_prefix(&prefix) {
                v.name = name.to_string();
            }
        }
    }
    let mut findings = Vec::new();
    for (p, c) in scan.packages.iter().zip(&checked) {
        if let Some(v) = verified.packages.iter().find(|v| v.name == p.name) {
            findings.push(signature_finding(v, &verified.keys));
            findings.push(checksum_finding(v));
        }
        findings.extend(c.findings.iter().cloned());
    }
    let trees: Vec<check_git::TreeInput> = scan
        .packages
        .iter()
        .zip(&checked)
        .map(|(p, c)| check_git::TreeInput {
            name: p.name.clone(),
            source: c.source,
            files: c.files.clone(),
        })
        .collect();
    let git = git_tree.as_ref().map(|(r, t)| (*r, t));
    findings.extend(check_git::tree_findings(&trees, git));
    let signed: Vec<bool> = scan
        .packages
        .iter()
        .map(|p| p.signature.is_some())
        .collect();
    let sha512: Vec<bool> = scan.packages.iter().map(|p| p.sha512.is_some()).collect();
    let sources: Vec<bool> = checked.iter().map(|c| c.source).collect();
    findings.extend(checks::check_layout(
        &ctx, &names, &signed, &sha512, &sources,
    ));
    for stray in &scan.stray {
        findings.push(Finding::new(
            stray,
            "layout",
            Outcome::Fail,
            "a checksum or signature kind a release must not carry (.md5, .sha1, .sig, …)",
        ));
    }
    for orphan in &scan.orphans {
        findings.push(Finding::new(
            orphan,
            "layout",
            Outcome::Warn,
            "a signature or checksum file without its package",
        ));
    }
    Ok(report_of(&dir.display().to_string(), "", findings))
}
