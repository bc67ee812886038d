//! `check --git REF` and format parity: the tree side of `relmgr check`. Reads a commit's
//! tree with the `git` program (`git ls-tree -r -z REF`, so the user's git, config and
//! repository formats work as for git) and turns the per-package file maps of
//! `crate::checks::tree` into findings.

use std::path::Path;
use std::process::Command;

use crate::checks::{self, Files, Finding, Outcome};
use crate::error::Error;
use crate::machine::rules::is_object_id;

/// The files of `git_ref` in the repository around `dir`: path → blob id. Submodules
/// (commits) are left out: a source archive holds their files, if anything.
pub fn git_tree(dir: &Path, git_ref: &str) -> anyhow::Result<Files> {
    if git_ref.starts_with('-') {
        return Err(Error::usage(format!("--git {git_ref:?}: not a git reference")).into());
    }
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["ls-tree", "-r", "-z", "--full-tree", git_ref, "--"])
        .output()
        .map_err(|e| Error::usage("cannot run git").caused_by(e))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(Error::not_found(format!(
            "git ls-tree {git_ref} in {}: {}",
            dir.display(),
            err.trim()
        ))
        .hint("--git takes a tag or commit of the repository around the store or the current directory")
        .into());
    }
    let mut files = Files::new();
    for record in out.stdout.split(|b| *b == 0).filter(|r| !r.is_empty()) {
        let record = String::from_utf8_lossy(record);
        let Some((meta, path)) = record.split_once('\t') else {
            continue;
        };
        let mut parts = meta.split(' ');
        let (_mode, kind, blob) = (parts.next(), parts.next(), parts.next());
        if let (Some("blob"), Some(blob)) = (kind, blob) {
            files.insert(path.to_string(), blob.to_string());
        }
    }
    Ok(files)
}

/// The commit `git_ref` names in the repository around `dir` (full hex id), after
/// [`git_tree`] read it.
pub fn git_commit(dir: &Path, git_ref: &str) -> anyhow::Result<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "--verify", "--end-of-options"])
        .arg(format!("{git_ref}^{{commit}}"))
        .output()
        .map_err(|e| Error::usage("cannot run git").caused_by(e))?;
    let commit = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || !is_object_id(&commit) {
        return Err(Error::not_found(format!(
            "git rev-parse {git_ref} in {}: {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
        .into());
    }
    Ok(commit)
}

/// Whether some packages differ only by archive format, so parity needs their file maps.
pub fn has_format_pairs(names: &[String]) -> bool {
    let mut stems: Vec<String> = names
        .iter()
        .filter_map(|n| {
            let dir = n.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            checks::archive_name(n).map(|stem| format!("{dir}/{stem}"))
        })
        .collect();
    let before = stems.len();
    stems.sort();
    stems.dedup();
    stems.len() < before
}

/// One checked package as the tree findings need it.
pub struct TreeInput {
    pub name: String,
    pub source: bool,
    pub files: Option<Files>,
}

/// `source-tree` findings (with `git = Some((REF, tree))`) and `format-parity` findings.
pub fn tree_findings(packages: &[TreeInput], git: Option<(&str, &Files)>) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some((git_ref, tree)) = git {
        for p in packages {
            if checks::archive_name(&p.name).is_none() {
                continue;
            }
            match (&p.files, p.source) {
                (Some(files), true) => {
                    out.extend(checks::compare_git(&p.name, files, tree, git_ref))
                }
                (None, true) => out.push(Finding::new(
                    &p.name,
                    "source-tree",
                    Outcome::Skip,
                    "not compared: the archive could not be read to the end, or holds more \
                     than 200,000 files",
                )),
                (_, false) => out.push(Finding::new(
                    &p.name,
                    "source-tree",
                    Outcome::Skip,
                    "not a source archive",
                )),
            }
        }
    }
    let with_files: Vec<(String, Files)> = packages
        .iter()
        .filter_map(|p| p.files.clone().map(|f| (p.name.clone(), f)))
        .collect();
    out.extend(checks::parity(&with_files));
    out
}
