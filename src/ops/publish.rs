//! `publish DIR [TARGET] --key SECRET.asc`: the dist tree of SPEC §4 — every current release's
//! packages with `.asc` and `.sha512` under `<project>[/<product>]/<version>/`, a `KEYS` per
//! project, the download pages (`index.html`, SPEC §9) — and a signed `snapshot.json` listing
//! every current (also archived) and revoked release.
//!
//! Incremental: a file whose content is already in place is not touched. Ordered so a reader
//! never sees a snapshot that names a missing file: new and changed files land first (a temp file
//! and a rename each), then `snapshot.json.asc` and `snapshot.json` (renames), and only then do files
//! of revoked and archived releases leave the tree. The snapshot's version only rises.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Value, json};

use crate::checksums;
use crate::clock;
use crate::error::Error;
use crate::model::Package;
use crate::model::Target;
use crate::model::event::Change;
use crate::model::{Phase, Stage, Time};
use crate::ops::Emit;
use crate::perm::Action;
use crate::pgp;
use crate::store::releases::{self, Release};
use crate::store::{cves, keys as key_rows, objects, publications, tree};

use super::keys::{Signer, keys_file, pgp_error};
use super::{Session, access, download_page, project};

/// Where a published file's bytes come from.
pub(super) enum Source {
    Object(PathBuf),
    Bytes(Vec<u8>),
}

#[derive(Debug, Serialize)]
pub struct Publication {
    pub dir: String,
    pub version: u64,
    pub expires: Time,
    pub releases: usize,
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

fn release_path(rel: &Release) -> String {
    format!("{}/{}", rel.target, rel.version)
}

fn same_content(dest: &Path, src: &Source) -> bool {
    let Ok(meta) = std::fs::metadata(dest) else {
        return false;
    };
    match src {
        Source::Bytes(b) => {
            meta.len() == b.len() as u64 && std::fs::read(dest).is_ok_and(|d| &d == b)
        }
        Source::Object(obj) => {
            let Ok(om) = std::fs::metadata(obj) else {
                return false;
            };
            if om.len() != meta.len() {
                return false;
            }
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                if om.ino() == meta.ino() && om.dev() == meta.dev() {
                    return true;
                }
            }
            matches!((crate::digest::sha512_file(obj), crate::digest::sha512_file(dest)), (Ok(a), Ok(b)) if a == b)
        }
    }
}

fn place(dest: &Path, src: &Source) -> anyhow::Result<()> {
    let parent = dest.parent().expect("published files live in a directory");
    std::fs::create_dir_all(parent)?;
    let tmp = parent.join(format!(
        ".{}.tmp-{}",
        dest.file_name().and_then(|n| n.to_str()).unwrap_or("f"),
        std::process::id()
    ));
    let _ = std::fs::remove_file(&tmp);
    match src {
        Source::Bytes(b) => std::fs::write(&tmp, b)?,
        Source::Object(obj) => tree::link_or_copy(obj, &tmp)?,
    }
    std::fs::rename(&tmp, dest)?;
    Ok(())
}

/// Places under `dir` each of `files` (by path relative to it) whose content differs from what is
/// there; returns how many were written and how many were already the same.
pub(super) fn write_files(
    dir: &Path,
    files: &BTreeMap<String, Source>,
) -> anyhow::Result<(usize, usize)> {
    let (mut written, mut unchanged) = (0, 0);
    for (rel_path, src) in files {
        let dest = dir.join(rel_path);
        if same_content(&dest, src) {
            unchanged += 1;
        } else {
            place(&dest, src)?;
            written += 1;
        }
    }
    Ok((written, unchanged))
}

/// The releases a publication covers: current and revoked ones of the target (a project
/// includes its products), or of every project.
fn covered(s: &Session, target: Option<&Target>) -> anyhow::Result<Vec<Release>> {
    let db = s.store.db();
    let t = target.map(|t| t.to_string());
    let include_products = target.is_some_and(|t| t.product.is_none());
    let mut out = releases::list(db, t.as_deref(), include_products, Some(Stage::Current))?;
    out.extend(releases::list(
        db,
        t.as_deref(),
        include_products,
        Some(Stage::Revoked),
    )?);
    out.sort_by(|a, b| (&a.target, &a.version).cmp(&(&b.target, &b.version)));
    Ok(out)
}

fn package_entry(p: &Package, path: Option<String>) -> Value {
    let mut e = json!({"name": p.name, "sha512": p.sha512, "sha256": p.sha256, "size": p.size, "platform": p.platform, "arch": p.arch});
    match (&p.external_url, path) {
        (Some(url), _) => e["url"] = json!(url),
        (None, Some(path)) => e["path"] = json!(path),
        (None, None) => {}
    }
    e
}

pub fn publish(
    s: &mut Session,
    dir: &Path,
    target: Option<&Target>,
    signer: &Signer,
    expires_days: u32,
    urls: &crate::page::Urls,
) -> anyhow::Result<Publication> {
    if let Some(t) = target {
        project::load(s.store.db(), t)?;
    }
    if expires_days == 0 || expires_days > 3650 {
        return Err(Error::usage("--expires-days must be between 1 and 3650").into());
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Error::usage(format!("{} is not a directory", dir.display())).into());
    }
    let list = covered(s, target)?;
    let projects: BTreeSet<String> = match target {
        Some(t) => [t.project.to_string()].into(),
        None => list.iter().map(|r| r.project.clone()).collect(),
    };
    for p in &projects {
        access::require(s.store.db(), &s.actor.id, Action::Publish, Some(p))?;
    }
    if projects.is_empty() {
        return Err(
            Error::wrong_state("nothing to publish: no current or revoked releases").into(),
        );
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::usage(dir.display().to_string()).caused_by(e))?;
    let dir = dir.canonicalize()?;
    let db = s.store.db();
    let now_ts = clock::now()?;
    let now = Time::new(now_ts);
    let expires = Time::new(now_ts.checked_add(jiff::SignedDuration::from_hours(
        24 * i64::from(expires_days),
    ))?);

    // What the tree must hold.
    let mut files: BTreeMap<String, Source> = BTreeMap::new();
    let mut entries = Vec::new();
    let mut shown = Vec::new();
    for rel in &list {
        let rev = releases::passed_revision(db, rel.id)?.or(releases::newest_revision(db, rel.id)?);
        let packages = match &rev {
            Some(rev) => releases::packages(db, rev.id)?,
            None => vec![],
        };
        let in_tree = rel.stage == Stage::Current && rel.phase != Some(Phase::Archived);
        if in_tree && let Some(rev) = &rev {
            super::fetch::require_bytes(s, rel, rev, &packages)?;
        }
        let base = release_path(rel);
        let mut pkg_entries = Vec::new();
        for p in &packages {
            let path = format!("{base}/{}", p.name);
            if in_tree && p.external_url.is_none() {
                let file_name = p.name.rsplit('/').next().unwrap_or(&p.name);
                files.insert(
                    path.clone(),
                    Source::Object(objects::path(&s.store.dir, &p.sha256)),
                );
                if let Some(h) = &p.sha512 {
                    files.insert(
                        format!("{path}.sha512"),
                        Source::Bytes(checksums::sha512sum_line(h, file_name).into_bytes()),
                    );
                }
                if let Some(asc) = tree::asc_text(p)? {
                    files.insert(format!("{path}.asc"), Source::Bytes(asc.into_bytes()));
                }
            }
            pkg_entries.push(package_entry(
                p,
                (in_tree && p.external_url.is_none()).then_some(path),
            ));
        }
        if in_tree && let Some(rev) = &rev {
            // SBOMs beside the packages, each with its .asc and .sha512. A document that did not
            // change keeps its signature, so a rerun touches nothing.
            let input = super::sbom::input(s, rel, rev)?;
            for format in [super::sbom::Format::Cyclonedx, super::sbom::Format::Spdx] {
                let name = format!(
                    "{}-{}.{}",
                    rel.target.replace('/', "-"),
                    rel.version,
                    format.suffix()
                );
                let path = format!("{base}/{name}");
                let doc = super::sbom::render(&input, format)?.into_bytes();
                let asc_path = dir.join(format!("{path}.asc"));
                let keep = same_content(&dir.join(&path), &Source::Bytes(doc.clone()))
                    && asc_path.is_file();
                let asc = match keep {
                    true => std::fs::read(&asc_path)?,
                    false => pgp::sign_detached(&signer.key, &doc, now_ts)
                        .map_err(|e| pgp_error(e, "signing an SBOM"))?
                        .into_bytes(),
                };
                let sha512 = crate::digest::to_hex(<sha2::Sha512 as sha2::Digest>::digest(&doc));
                files.insert(
                    format!("{path}.sha512"),
                    Source::Bytes(checksums::sha512sum_line(&sha512, &name).into_bytes()),
                );
                files.insert(format!("{path}.asc"), Source::Bytes(asc));
                files.insert(path, Source::Bytes(doc));
            }
        }
        let cve_ids: Vec<String> = cves::of_release(db, rel.id, &rel.target)?
            .into_iter()
            .map(|c| c.id.to_string())
            .collect();
        let channels: BTreeSet<&str> = packages
            .iter()
            .filter_map(|p| p.channel.as_deref())
            .collect();
        entries.push(json!({
            "release": format!("{}@{}", rel.target, rel.version),
            "revision": rev.as_ref().map(|r| r.label()),
            "stage": rel.stage,
            "phase": rel.phase,
            "channel": if channels.len() == 1 { channels.iter().next().map(|c| c.to_string()) } else { None },
            "reason": rel.reason,
            "revoked_at": rel.revoked_at,
            "cves": cve_ids,
            "packages": pkg_entries,
        }));
        shown.push(download_page::Shown {
            release: rel,
            packages,
            in_tree,
            cves: cve_ids,
        });
    }
    for p in &projects {
        let members = key_rows::of_project(db, Some(p))?;
        files.insert(
            format!("{p}/KEYS"),
            Source::Bytes(keys_file(&members, Some(p))?.into_bytes()),
        );
    }
    // The download pages (SPEC §9); the top one only when every project is published, since a
    // publication of one target does not know what else the directory holds.
    for (path, html) in download_page::pages(db, &projects, &shown, urls, target.is_none())? {
        files.insert(path, Source::Bytes(html.into_bytes()));
    }

    // The snapshot version only rises: above what the store recorded and what the dir holds.
    let dir_text = dir.display().to_string();
    let recorded = publications::version(db, &dir_text)?;
    let on_disk: u64 = std::fs::read(dir.join("snapshot.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .and_then(|v| v["version"].as_u64())
        .unwrap_or(0);
    let version = recorded.max(on_disk) + 1;
    let snapshot = json!({
        "version": version,
        "published_at": now,
        "expires": expires,
        "publisher": s.actor.id,
        "releases": entries,
    });
    let snapshot_text = serde_json::to_string_pretty(&snapshot)? + "\n";
    let snapshot_sig = pgp::sign_detached(&signer.key, snapshot_text.as_bytes(), now_ts)
        .map_err(|e| pgp_error(e, "signing snapshot.json"))?;

    // 1. New and changed files.
    let (written, unchanged) = write_files(&dir, &files)?;
    crate::store::crash_point("publish:files-written");
    // 2. The snapshot, signature first so the pair is consistent as soon as the json lands.
    place(
        &dir.join("snapshot.json.asc"),
        &Source::Bytes(snapshot_sig.into_bytes()),
    )?;
    place(
        &dir.join("snapshot.json"),
        &Source::Bytes(snapshot_text.into_bytes()),
    )?;
    objects::sync_dir(&dir);
    crate::store::crash_point("publish:snapshot-written");
    // 3. Files no longer published (revoked, archived, unstaged) leave the projects' trees.
    let mut removed = 0;
    for p in &projects {
        let root = dir.join(p);
        if !root.is_dir() {
            continue;
        }
        let prefix = match target {
            Some(t) => t.to_string(),
            None => p.clone(),
        };
        for e in walkdir::WalkDir::new(&root).contents_first(true) {
            let e = e?;
            let rel_path = e
                .path()
                .strip_prefix(&dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .replace('\\', "/");
            if !(rel_path == prefix
                || rel_path.starts_with(&format!("{prefix}/"))
                || rel_path == format!("{p}/KEYS"))
            {
                continue;
            }
            if e.file_type().is_dir() {
                if e.path() != root
                    && std::fs::read_dir(e.path()).is_ok_and(|mut d| d.next().is_none())
                {
                    std::fs::remove_dir(e.path())?;
                }
            } else if !files.contains_key(&rel_path) {
                std::fs::remove_file(e.path())?;
                removed += 1;
            }
        }
    }
    let released = list.len();
    s.emit(Emit::new(
        target
            .map(|t| t.to_string())
            .unwrap_or_else(|| "store".into()),
        Change::Publish {
            dir: dir_text.clone(),
            version,
            expires: Some(expires.to_string()),
            written: json!(written),
            removed: json!(removed),
            fingerprint: Some(signer.record.fingerprint.to_string()),
        },
    ))?;
    Ok(Publication {
        dir: dir_text,
        version,
        expires,
        releases: released,
        written,
        unchanged,
        removed,
    })
}
