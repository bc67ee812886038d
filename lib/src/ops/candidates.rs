//! `publish DIR [TARGET] --candidates` (SPEC §6): every revision under vote written to
//! `DIR/<target>/<version>-<rcN>/` — the layout of a dist/dev area — with each package, its
//! `.asc` and its `.sha512` (the files of the store's `releases/` tree) and the project's
//! `KEYS`, so that voters can check it (`relmgr verify --dir`, `check --dir`) and fetch it
//! (`relmgr fetch --from DIR|URL`).
//!
//! Like `publish`, incremental (a file already in place is not touched) and each file lands by
//! temp file and rename. It removes nothing (a vote that ended leaves its directory for the RM to
//! clear) and records nothing: the store does not change, so there is no event.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::checksums;
use crate::error::Error;
use crate::machine::access;
use crate::model::{Phase, Stage, Target};
use crate::perm::Action;
use crate::store::releases::{self, StoredPackage};
use crate::store::{keys as key_rows, objects, tree};

use super::keys::keys_file;
use super::publish::{Source, write_files};
use super::{Session, project};

/// One revision written.
#[derive(Debug, Serialize)]
pub struct CandidateDir {
    pub release: String,
    pub revision: String,
    /// Relative to the publication's directory: `<target>/<version>-<rcN>`.
    pub path: String,
    pub packages: Vec<String>,
}

/// What `publish --candidates` did.
#[derive(Debug, Serialize)]
pub struct CandidatesReport {
    pub dir: String,
    pub candidates: Vec<CandidateDir>,
    pub written: usize,
    pub unchanged: usize,
}

/// The files of one package in a candidate directory: the package, its `.sha512` and its `.asc`.
fn package_files(
    store_dir: &Path,
    base: &str,
    p: &StoredPackage,
    files: &mut BTreeMap<String, Source>,
) -> anyhow::Result<()> {
    let (Some(sha512), None) = (&p.sha512, &p.external_url) else {
        return Ok(()); // external packages have no bytes here
    };
    let path = format!("{base}/{}", p.name);
    let file_name = p.name.rsplit('/').next().unwrap_or(&p.name);
    files.insert(
        path.clone(),
        Source::Object(objects::path(store_dir, &p.sha256)),
    );
    files.insert(
        format!("{path}.sha512"),
        Source::Bytes(checksums::sha512sum_line(sha512, file_name).into_bytes()),
    );
    if let Some(asc) = tree::asc_text(p)? {
        files.insert(format!("{path}.asc"), Source::Bytes(asc.into_bytes()));
    }
    Ok(())
}

/// `publish DIR [TARGET] --candidates` (pmc or rm of each project written).
pub fn publish_candidates(
    s: &Session,
    dir: &Path,
    target: Option<&Target>,
) -> anyhow::Result<CandidatesReport> {
    let db = s.store.db();
    if let Some(t) = target {
        project::load(db, t)?;
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Error::usage(format!("{} is not a directory", dir.display())).into());
    }
    let t = target.map(|t| t.to_string());
    let include_products = target.is_some_and(|t| t.product.is_none());
    let mut under_vote = Vec::new();
    for rel in releases::list(db, t.as_deref(), include_products, Some(Stage::Candidate))? {
        for rev in releases::revisions(db, rel.id)? {
            if rev.phase == Phase::Voting {
                under_vote.push((rel.clone(), rev));
            }
        }
    }
    let projects: BTreeSet<String> = match target {
        Some(t) => [t.project.to_string()].into(),
        None => under_vote.iter().map(|(r, _)| r.project.clone()).collect(),
    };
    for p in &projects {
        access::require(db, &s.actor.id, Action::Publish, Some(p))?;
    }
    if under_vote.is_empty() {
        return Err(
            Error::wrong_state("nothing to publish: no revision is under vote")
                .hint("`relmgr vote start TARGET@VERSION` puts the newest revision to the vote")
                .into(),
        );
    }

    let mut files: BTreeMap<String, Source> = BTreeMap::new();
    let mut candidates = Vec::new();
    for (rel, rev) in &under_vote {
        let packages = releases::packages(db, rev.id)?;
        super::fetch::require_bytes(s, rel, rev, &packages)?;
        let base = format!("{}/{}-{}", rel.target, rel.version, rev.label());
        for p in &packages {
            package_files(&s.store.dir, &base, p, &mut files)?;
        }
        let members = key_rows::of_project(db, Some(&rel.project))?;
        files.insert(
            format!("{base}/KEYS"),
            Source::Bytes(keys_file(&members, Some(&rel.project))?.into_bytes()),
        );
        candidates.push(CandidateDir {
            release: format!("{}@{}", rel.target, rel.version),
            revision: rev.label(),
            path: base,
            packages: packages
                .iter()
                .filter(|p| p.external_url.is_none())
                .map(|p| p.name.clone())
                .collect(),
        });
    }

    std::fs::create_dir_all(dir)
        .map_err(|e| Error::usage(dir.display().to_string()).caused_by(e))?;
    let dir = dir.canonicalize()?;
    let (written, unchanged) = write_files(&dir, &files)?;
    objects::sync_dir(&dir);
    Ok(CandidatesReport {
        dir: dir.display().to_string(),
        candidates,
        written,
        unchanged,
    })
}
