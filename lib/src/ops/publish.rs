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

use anyhow::Context;
use serde::Serialize;
use serde_json::{Value, json};

use crate::checksums;
use crate::clock;
use crate::error::Error;
use crate::machine::access;
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
use super::{Session, download_page, project};

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
    /// Files under the published projects' directories that publish did not write (and so
    /// never removes), e.g. a checkout's `.svn/`: left as they are.
    pub kept: Vec<String>,
}

fn release_path(rel: &Release) -> String {
    format!("{}/{}", rel.target, rel.version)
}

fn same_content(dest: &Path, src: &Source) -> bool {
    // A symlink, a directory or anything not a regular file is replaced, never read through.
    let Ok(meta) = std::fs::symlink_metadata(dest) else {
        return false;
    };
    if !meta.file_type().is_file() {
        return false;
    }
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
            // A hard link to the store's object (what publish wrote before it copied): writing
            // to the published file would change the object, so it is replaced by a copy.
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                if om.ino() == meta.ino() && om.dev() == meta.dev() {
                    return false;
                }
            }
            matches!((crate::digest::sha512_file(obj), crate::digest::sha512_file(dest)), (Ok(a), Ok(b)) if a == b)
        }
    }
}

/// The directory of `rel_path` under `dir`, made where missing, each step checked: a symbolic
/// link (or a file) where a directory should be is refused with its path (exit 2), so nothing
/// is ever written outside `dir`.
fn safe_parent(dir: &Path, rel_path: &str) -> anyhow::Result<PathBuf> {
    let mut at = dir.to_path_buf();
    let parts: Vec<&str> = rel_path.split('/').collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_dir() => {}
            Ok(m) if m.file_type().is_symlink() => {
                return Err(Error::usage(format!(
                    "{} is a symbolic link inside {}: publish never follows one (it could write \
                     outside the directory); replace it with a directory",
                    at.display(),
                    dir.display()
                ))
                .into());
            }
            Ok(_) => {
                return Err(Error::usage(format!(
                    "{} is in the way of a directory publish writes",
                    at.display()
                ))
                .into());
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => std::fs::create_dir(&at)
                .map_err(|e| Error::usage(at.display().to_string()).caused_by(e))?,
            Err(e) => return Err(Error::usage(at.display().to_string()).caused_by(e).into()),
        }
    }
    Ok(at)
}

/// A new file at `tmp`: created, never opened through a symlink (`O_EXCL` and `O_NOFOLLOW`).
fn create_new(tmp: &Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW).mode(0o644);
    }
    o.open(tmp)
}

/// Writes `src` to `rel_path` under `dir` through a temp file and a rename. An object is
/// copied, not hard-linked: a published file is the mirror's to change, and a change must not
/// reach the store's object. Where the filesystem can, the copy is a reflink (blocks shared
/// until written), else a plain copy (`copy_file_range`).
fn place(dir: &Path, rel_path: &str, src: &Source) -> anyhow::Result<()> {
    let parent = safe_parent(dir, rel_path)?;
    let file_name = rel_path.rsplit('/').next().unwrap_or(rel_path);
    let dest = parent.join(file_name);
    let tmp = parent.join(format!(".{file_name}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let mut out = create_new(&tmp).with_context(|| format!("while creating {}", tmp.display()))?;
    let written = match src {
        Source::Bytes(b) => std::io::Write::write_all(&mut out, b),
        Source::Object(obj) => std::fs::File::open(obj).and_then(|mut from| {
            #[cfg(target_os = "linux")]
            if rustix::fs::ioctl_ficlone(&out, &from).is_ok() {
                return Ok(());
            }
            std::io::copy(&mut from, &mut out).map(|_| ())
        }),
    };
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(anyhow::Error::from(e).context(format!("while writing {}", dest.display())));
    }
    drop(out);
    std::fs::rename(&tmp, &dest)?;
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
        if same_content(&dir.join(rel_path), src) {
            unchanged += 1;
        } else {
            place(dir, rel_path, src)?;
            written += 1;
        }
    }
    Ok((written, unchanged))
}

/// What a snapshot says publish wrote into the tree: each listed package with its `.asc` and
/// `.sha512`, each listed SBOM with its sidecars, and (for a snapshot older than the `sboms`
/// field) the SBOMs publish writes beside the packages of a release. Only relative paths of
/// plain components under one of `projects` count: a snapshot is read from the directory, and
/// whoever can write there must not steer publish's removals outside it.
fn written_by(snapshot: &Value, projects: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut add = |path: &str| {
        let plain = path
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != ".." && !c.contains('\\'));
        let project = path.split('/').next().unwrap_or("");
        if plain && path.contains('/') && projects.contains(project) {
            for suffix in ["", ".asc", ".sha512"] {
                out.insert(format!("{path}{suffix}"));
            }
        }
    };
    for rel in snapshot["releases"].as_array().into_iter().flatten() {
        let mut in_tree = false;
        for p in rel["packages"].as_array().into_iter().flatten() {
            if let Some(path) = p["path"].as_str() {
                add(path);
                in_tree = true;
            }
        }
        for p in rel["sboms"].as_array().into_iter().flatten() {
            if let Some(path) = p["path"].as_str() {
                add(path);
            }
        }
        if in_tree
            && let Some(r) = rel["release"]
                .as_str()
                .and_then(|r| r.parse::<crate::model::ReleaseRef>().ok())
        {
            let (target, version) = (r.target.to_string(), r.version.to_string());
            for format in [super::sbom::Format::Cyclonedx, super::sbom::Format::Spdx] {
                add(&format!(
                    "{target}/{version}/{}-{version}.{}",
                    target.replace('/', "-"),
                    format.suffix()
                ));
            }
        }
    }
    out
}

/// Whether `rel_path` under `dir` can be reached without a symlink: removals go only there.
fn reachable(dir: &Path, rel_path: &str) -> bool {
    let mut at = dir.to_path_buf();
    let parts: Vec<&str> = rel_path.split('/').collect();
    parts[..parts.len().saturating_sub(1)].iter().all(|p| {
        at.push(p);
        std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_dir())
    })
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
            let mut entry = package_entry(p, (in_tree && p.external_url.is_none()).then_some(path));
            // The archive's Software Heritage directory id (issue #30), when relmgr reads it.
            if in_tree
                && p.external_url.is_none()
                && let Some(id) =
                    crate::checks::swhid(&objects::path(&s.store.dir, &p.sha256), &p.name)
            {
                entry["swhid"] = json!(id);
            }
            pkg_entries.push(entry);
        }
        let mut sbom_entries = Vec::new();
        let mut sbom_links = Vec::new();
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
                // Listed like the packages, so that `verify --dir` knows every file in the tree.
                sbom_entries
                    .push(json!({"name": name, "sha512": sha512, "size": doc.len(), "path": path}));
                sbom_links.push((name.clone(), path.clone(), doc.len() as u64));
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
            "sboms": sbom_entries,
        }));
        shown.push(download_page::Shown {
            release: rel,
            packages,
            in_tree,
            cves: cve_ids,
            sboms: sbom_links,
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
    let previous: Value = std::fs::read(dir.join("snapshot.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .unwrap_or(Value::Null);
    let on_disk: u64 = previous["version"].as_u64().unwrap_or(0);
    let previously = written_by(&previous, &projects);
    // Above what this store has seen of its projects, too (verified from another clone's
    // publication): else its own new tree would look like a rollback to it.
    let seen = publications::seen(db)?;
    let seen_max = projects.iter().filter_map(|p| seen.get(p)).max().copied();
    let version = recorded.max(on_disk).max(seen_max.unwrap_or(0)) + 1;
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
        &dir,
        "snapshot.json.asc",
        &Source::Bytes(snapshot_sig.into_bytes()),
    )?;
    place(
        &dir,
        "snapshot.json",
        &Source::Bytes(snapshot_text.into_bytes()),
    )?;
    objects::sync_dir(&dir);
    crate::store::crash_point("publish:snapshot-written");
    // 3. Files no longer published (revoked, archived, unstaged) leave the projects' trees:
    // only those the previous snapshot says publish wrote. Everything else stays, reported.
    let prefixes: Vec<String> = projects
        .iter()
        .map(|p| match target {
            Some(t) => t.to_string(),
            None => p.clone(),
        })
        .collect();
    let under_prefix = |path: &str| {
        prefixes.iter().any(|x| {
            path.strip_prefix(x.as_str())
                .is_some_and(|r| r.starts_with('/'))
        })
    };
    let mut removed = 0;
    for path in &previously {
        if files.contains_key(path) || !under_prefix(path) || !reachable(&dir, path) {
            continue;
        }
        let full = dir.join(path);
        if std::fs::symlink_metadata(&full).is_ok_and(|m| !m.file_type().is_dir()) {
            std::fs::remove_file(&full)?;
            removed += 1;
            // Directories that this emptied go too, up to the project's.
            let mut up = full.parent();
            while let Some(d) = up {
                if d.parent() == Some(dir.as_path()) || !d.starts_with(&dir) {
                    break;
                }
                if std::fs::remove_dir(d).is_err() {
                    break;
                }
                up = d.parent();
            }
        }
    }
    let kept = kept_files(&dir, &prefixes, &files);
    let released = list.len();
    s.emit(Emit::new(
        target
            .map(|t| t.to_string())
            .unwrap_or_else(|| "store".into()),
        Change::Publish {
            dir: dir_text.clone(),
            version,
            expires: Some(expires),
            written: json!(written),
            removed: json!(removed),
            fingerprint: Some(signer.record.fingerprint.clone()),
            base_url: urls.base.clone(),
            canonical_url: urls.canonical.clone(),
        },
    ))?;
    for p in &projects {
        publications::saw(s.store.db(), p, version, now)?;
    }
    Ok(Publication {
        dir: dir_text,
        version,
        expires,
        releases: released,
        written,
        unchanged,
        removed,
        kept,
    })
}

/// The files under each of `prefixes` in `dir` that this publication did not write: left as
/// they were (a checkout's `.svn/`, releases publish never wrote), reported. Symlinks are
/// listed, not followed.
fn kept_files(dir: &Path, prefixes: &[String], files: &BTreeMap<String, Source>) -> Vec<String> {
    let mut kept = Vec::new();
    for prefix in prefixes {
        let walk = walkdir::WalkDir::new(dir.join(prefix))
            .follow_links(false)
            .sort_by_file_name();
        for e in walk.into_iter().filter_map(Result::ok) {
            if e.file_type().is_dir() {
                continue;
            }
            let rel_path = e
                .path()
                .strip_prefix(dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .replace('\\', "/");
            if !files.contains_key(&rel_path) {
                kept.push(rel_path);
            }
        }
    }
    kept
}
