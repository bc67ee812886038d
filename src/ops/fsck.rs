//! `relmgr fsck [--repair]`: checks every object's SHA-256 against its name, every managed
//! package's bytes against the index's SHA-256 and SHA-512, every stored package signature, the
//! event chain, SQLite's own integrity, and the derived files (the `releases/` tree, `keys/`).
//! `--repair` removes leftovers of killed runs (temp files, unreferenced objects) and rebuilds
//! the derived files; it cannot repair changed bytes or a broken chain, which stay findings.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::Serialize;

use crate::clock;
use crate::pgp::SigCheck;
use crate::store::{check, events, keys, releases};

use super::stage::parallel;
use super::{Session, verify};

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// `object`, `package`, `signature`, `events`, `sqlite`, `leftover`, `tree`, `keys`.
    pub kind: String,
    /// What and where.
    pub place: String,
    pub problem: String,
    /// Fixed by --repair.
    pub repaired: bool,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub ok: bool,
    pub objects: usize,
    pub packages: usize,
    pub signatures: usize,
    pub events: i64,
    pub findings: Vec<Finding>,
}

fn finding(kind: &str, place: impl Into<String>, problem: impl Into<String>) -> Finding {
    Finding {
        kind: kind.into(),
        place: place.into(),
        problem: problem.into(),
        repaired: false,
    }
}

pub fn fsck(s: &Session, repair: bool) -> anyhow::Result<Report> {
    let db = s.store.db();
    let dir = &s.store.dir;
    let mut findings = Vec::new();

    for p in check::sqlite_problems(db)? {
        findings.push(finding("sqlite", "index.db", p));
    }
    let breaks = events::verify_chain(db)?;
    for b in &breaks {
        findings.push(finding(
            "events",
            format!("event {}", b.seq),
            b.problem.clone(),
        ));
    }
    // The log must rebuild the index (only meaningful when the chain holds).
    if breaks.is_empty() {
        for d in super::replay::differences(db)? {
            findings.push(finding("replay", "index.db", d));
        }
    }

    // Objects: each file's SHA-256 must be its name.
    let root = dir.join("objects").join("sha256");
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    if root.is_dir() {
        for e in walkdir::WalkDir::new(&root)
            .min_depth(2)
            .max_depth(2)
            .sort_by_file_name()
        {
            let e = e?;
            if e.file_type().is_file() {
                let prefix = e
                    .path()
                    .parent()
                    .and_then(|p| p.file_name())
                    .and_then(|n| n.to_str())
                    .unwrap_or("");
                let name = format!("{prefix}{}", e.file_name().to_string_lossy());
                files.push((name, e.into_path()));
            }
        }
    }
    // Each object is read once: its SHA-256, its SHA-512 and every stored signature over it.
    let packages = check::managed_packages(db)?;
    let keyring = verify::store_keyring(s)?;
    let now = clock::now()?;
    let mut sig_jobs = Vec::new();
    for p in &packages {
        for (fpr, armored) in check::signatures_of(db, p.id)? {
            sig_jobs.push((p.place.clone(), p.sha256.clone(), fpr, armored));
        }
    }
    let mut jobs_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (_, sha256, _, _)) in sig_jobs.iter().enumerate() {
        jobs_of.entry(sha256.as_str()).or_default().push(i);
    }
    let reads = parallel(&files, |(name, path)| {
        let jobs = jobs_of.get(name.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        let sigs: Vec<&[u8]> = jobs.iter().map(|&j| sig_jobs[j].3.as_bytes()).collect();
        Ok(verify::read_signed(path, &sigs, &keyring, now)?)
    })?;
    let mut sig_results: Vec<SigCheck> = sig_jobs
        .iter()
        .map(|(_, sha256, _, _)| SigCheck::Bad {
            reason: format!("cannot read the signed data: its object {sha256} is missing"),
        })
        .collect();
    let mut by_sha256: BTreeMap<String, String> = BTreeMap::new();
    for ((name, _), sums) in files.iter().zip(reads) {
        let actual = sums.sha256;
        if &actual != name {
            findings.push(finding(
                "object",
                format!(
                    "objects/sha256/{}/{}",
                    &name[..2.min(name.len())],
                    name.get(2..).unwrap_or("")
                ),
                format!("content hashes to {actual}, not to its name"),
            ));
        }
        by_sha256.insert(name.clone(), sums.sha512);
        let jobs = jobs_of.get(name.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        for (&j, each) in jobs.iter().zip(sums.verdicts) {
            sig_results[j] = crate::pgp::judge(&each);
        }
    }

    // Packages: their object exists and has the recorded SHA-512.
    let mut referenced = BTreeSet::new();
    for p in &packages {
        referenced.insert(p.sha256.clone());
        match by_sha256.get(&p.sha256) {
            None => findings.push(finding(
                "package",
                p.place.clone(),
                format!("its object {} is missing", p.sha256),
            )),
            Some(actual) if actual != &p.sha512 => findings.push(finding(
                "package",
                p.place.clone(),
                "the stored bytes do not match the recorded SHA-512",
            )),
            Some(_) => {}
        }
    }

    // Signatures: each stored signature verifies over the object.
    for ((place, _, fpr, _), res) in sig_jobs.iter().zip(&sig_results) {
        match res {
            SigCheck::Good {
                primary_fingerprint,
                ..
            } if primary_fingerprint == fpr => {}
            SigCheck::Good {
                primary_fingerprint,
                ..
            } => findings.push(finding(
                "signature",
                place.clone(),
                format!("recorded for {fpr} but made by {primary_fingerprint}"),
            )),
            SigCheck::Bad { reason } => findings.push(finding(
                "signature",
                place.clone(),
                format!("by {fpr}: {reason}"),
            )),
            SigCheck::UnknownKey { issuer } => findings.push(finding(
                "signature",
                place.clone(),
                format!("made by {issuer}, which is not registered"),
            )),
        }
    }

    // Leftovers: temp files, half-built revision directories of an interrupted tree rebuild,
    // and unreferenced objects (harmless; --repair removes them). Collected first, removed after
    // the walks, so a walk never descends into what it just removed.
    let mut leftovers: Vec<(PathBuf, &str)> = Vec::new();
    for e in walkdir::WalkDir::new(dir.join("tmp")).min_depth(1) {
        leftovers.push((e?.into_path(), "a temp file of an interrupted run"));
    }
    let rel_root = dir.join("releases");
    if rel_root.is_dir() {
        let mut walk = walkdir::WalkDir::new(&rel_root).min_depth(1).into_iter();
        while let Some(e) = walk.next() {
            let e = e?;
            let name = e.file_name().to_string_lossy();
            if e.file_type().is_dir()
                && name.starts_with('.')
                && (name.contains(".tmp-") || name.contains(".old-"))
            {
                walk.skip_current_dir();
                leftovers.push((e.into_path(), "a directory of an interrupted tree rebuild"));
            }
        }
    }
    for (path, what) in leftovers {
        let place = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .display()
            .to_string();
        let mut f = finding("leftover", place, what);
        if repair {
            f.repaired = if path.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            }
            .is_ok();
        }
        findings.push(f);
    }
    for (name, path) in &files {
        if !referenced.contains(name) {
            let mut f = finding(
                "leftover",
                format!("objects/sha256/{}", name),
                "an object no package refers to",
            );
            if repair {
                let mut perms = std::fs::metadata(path)?.permissions();
                #[allow(clippy::permissions_set_readonly_false)]
                perms.set_readonly(false);
                let _ = std::fs::set_permissions(path, perms);
                f.repaired = std::fs::remove_file(path).is_ok();
            }
            findings.push(f);
        }
    }

    // Derived files: every managed package is in the tree; keys/ mirrors the index.
    let mut stale_trees = BTreeSet::new();
    for (release_id, number) in check::all_revisions(db)? {
        let rel = releases::get_by_id(db, release_id)?;
        let rev = releases::revision(db, release_id, number)?.expect("listed");
        let tree_dir =
            crate::store::tree::revision_dir(dir, &rel.target, &rel.version, &rev.label());
        for p in releases::packages(db, rev.id)? {
            if p.external_url.is_none()
                && (!tree_dir.join(&p.name).is_file()
                    || !tree_dir.join(format!("{}.sha512", p.name)).is_file())
            {
                stale_trees.insert((release_id, number));
                findings.push(finding(
                    "tree",
                    format!(
                        "releases/{}/{}/{}/{}",
                        rel.target,
                        rel.version,
                        rev.label(),
                        p.name
                    ),
                    "missing from the releases/ tree",
                ));
            }
        }
    }
    if repair {
        for (release_id, number) in &stale_trees {
            let rel = releases::get_by_id(db, *release_id)?;
            let rev = releases::revision(db, *release_id, *number)?.expect("listed");
            super::stage::rebuild_tree(s, &rel, &rev)?;
        }
        for f in findings.iter_mut().filter(|f| f.kind == "tree") {
            f.repaired = true;
        }
    }
    for k in keys::list(db, None)? {
        let path = dir.join("keys").join(format!("{}.asc", k.fingerprint));
        if std::fs::read_to_string(&path).ok().as_deref() != Some(k.armored.as_str()) {
            let mut f = finding(
                "keys",
                format!("keys/{}.asc", k.fingerprint),
                "missing or different from the index",
            );
            if repair {
                f.repaired = super::keys::write_key_file(dir, &k).is_ok();
            }
            findings.push(f);
        }
    }

    let ok = findings.iter().all(|f| f.repaired);
    Ok(Report {
        ok,
        objects: files.len(),
        packages: packages.len(),
        signatures: sig_jobs.len(),
        events: events::count(db)?,
        findings,
    })
}
