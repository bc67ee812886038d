//! Staging: `stage`, `unstage` and `sign`. Each managed file is read ONCE: the bytes go to a
//! temp object while SHA-256 and SHA-512 are computed on two worker threads from the same
//! buffers, and with `--sign` the SHA-512 context is the OpenPGP signature's own, so the
//! checksum and the signature cost one hash. Many files are processed in parallel. Objects are
//! committed (fsync + rename) before the one transaction that records the packages and their
//! event.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::json;

use crate::clock;
use crate::digest::{self, Sink};
use crate::error::Error;
use crate::model::{PackageName, ReleaseRef};
use crate::perm::Action;
use crate::pgp::{PgpError, Sha512Signing, SigningKey};
use crate::store::releases::{self, NewPackage, Release, Revision, Signature};
use crate::store::{EventDraft, objects, tree};

use super::keys::{Signer, pgp_error};
use super::{Session, access, project, release};

/// Platform, arch, channel and source flag of the packages being staged.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    pub platform: Option<String>,
    pub arch: Option<String>,
    pub channel: Option<String>,
    /// `--source` (true) or `--binary` (false): overrides the checks' judgement.
    pub source: Option<bool>,
}

/// A package whose bytes live elsewhere.
#[derive(Debug, Clone)]
pub struct External {
    pub url: String,
    pub sha256: String,
    pub size: u64,
}

fn check_label(what: &str, v: &str) -> anyhow::Result<()> {
    let ok = !v.is_empty()
        && v.len() <= 32
        && v.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && v.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if !ok {
        return Err(Error::usage(format!(
            "{what} {v:?} is not valid: lowercase letters, digits, '.', '_', '-'"
        ))
        .into());
    }
    Ok(())
}

impl Labels {
    pub fn validate(&self) -> anyhow::Result<()> {
        if let Some(p) = &self.platform {
            check_label("platform", p)?;
        }
        if let Some(a) = &self.arch {
            check_label("arch", a)?;
        }
        if let Some(c) = &self.channel {
            check_label("channel", c)?;
        }
        Ok(())
    }
}

impl External {
    /// SPEC §5: `https://` (or `oci://`) URLs, 64 hex digits, a positive size.
    pub fn parse(url: &str, sha256: &str, size: &str) -> anyhow::Result<External> {
        let parsed = url::Url::parse(url)
            .map_err(|e| Error::usage(format!("--external {url:?} is not a URL")).caused_by(e))?;
        if !matches!(parsed.scheme(), "https" | "oci")
            || parsed.host_str().is_none_or(str::is_empty)
        {
            return Err(Error::usage(format!(
                "--external {url:?} must be an https:// or oci:// URL"
            ))
            .into());
        }
        if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(Error::usage(format!(
                "--external {url:?} holds whitespace or control characters"
            ))
            .into());
        }
        if sha256.len() != 64 || !sha256.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::usage(format!("--sha256 {sha256:?} is not 64 hex digits")).into());
        }
        let size: u64 =
            size.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                Error::usage(format!("--size {size:?} is not a positive integer"))
            })?;
        Ok(External {
            url: url.to_string(),
            sha256: sha256.to_ascii_lowercase(),
            size,
        })
    }

    /// The package name: the URL's last path segment (or the image name for oci://).
    pub fn name(&self) -> anyhow::Result<PackageName> {
        let trimmed = self.url.split(['?', '#']).next().unwrap_or("");
        let last = trimmed
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("");
        let last = last.replace([':', '@'], "-");
        last.parse().map_err(|e: Error| {
            Error::usage(format!(
                "cannot name a package after {}: {}",
                self.url, e.message
            ))
            .into()
        })
    }
}

/// A file to stage: its package name and where it is.
#[derive(Debug, Clone)]
pub struct Input {
    pub name: PackageName,
    pub path: PathBuf,
    pub size: u64,
}

/// Expands files and directories (walked in a stable order; names relative to the directory),
/// refusing symlinks, devices and anything else that is not a regular file or folder.
pub fn collect(paths: &[PathBuf]) -> anyhow::Result<Vec<Input>> {
    let mut out: Vec<Input> = Vec::new();
    for path in paths {
        let meta = std::fs::symlink_metadata(path)
            .map_err(|e| Error::usage(path.display().to_string()).caused_by(e))?;
        if meta.file_type().is_symlink() {
            return Err(Error::usage(format!(
                "{} is a symlink: stage the file itself",
                path.display()
            ))
            .into());
        }
        if meta.is_file() {
            let name = path.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
                Error::usage(format!("{}: the file name is not UTF-8", path.display()))
            })?;
            out.push(Input {
                name: name.parse()?,
                path: path.clone(),
                size: meta.len(),
            });
        } else if meta.is_dir() {
            let before = out.len();
            for entry in walkdir::WalkDir::new(path)
                .follow_links(false)
                .sort_by_file_name()
            {
                let entry =
                    entry.map_err(|e| Error::usage(path.display().to_string()).caused_by(e))?;
                let ft = entry.file_type();
                if ft.is_dir() {
                    continue;
                }
                if !ft.is_file() {
                    let kind = if ft.is_symlink() {
                        "a symlink"
                    } else {
                        "not a regular file"
                    };
                    return Err(Error::usage(format!(
                        "{} is {kind}: relmgr stages only regular files",
                        entry.path().display()
                    ))
                    .into());
                }
                let rel = entry.path().strip_prefix(path).unwrap_or(entry.path());
                let mut parts = Vec::new();
                for c in rel.components() {
                    let s = c.as_os_str().to_str().ok_or_else(|| {
                        Error::usage(format!(
                            "{}: the file name is not UTF-8",
                            entry.path().display()
                        ))
                    })?;
                    parts.push(s.to_string());
                }
                let name: PackageName = parts.join("/").parse()?;
                let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                out.push(Input {
                    name,
                    path: entry.into_path(),
                    size,
                });
            }
            if out.len() == before {
                return Err(Error::usage(format!("{} holds no files", path.display())).into());
            }
        } else {
            return Err(Error::usage(format!(
                "{} is not a regular file or directory",
                path.display()
            ))
            .into());
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for i in &out {
        if !seen.insert(i.name.as_str()) {
            return Err(Error::usage(format!("two files would both be named {}", i.name)).into());
        }
    }
    Ok(out)
}

/// A media type from the file name, for the SBOM and `release show`.
pub fn media_type(name: &str) -> Option<&'static str> {
    let n = name.to_ascii_lowercase();
    let table: &[(&str, &str)] = &[
        (".tar.gz", "application/gzip"),
        (".tgz", "application/gzip"),
        (".tar.bz2", "application/x-bzip2"),
        (".tar.xz", "application/x-xz"),
        (".tar", "application/x-tar"),
        (".zip", "application/zip"),
        (".jar", "application/java-archive"),
        (".war", "application/java-archive"),
        (".whl", "application/zip"),
        (".deb", "application/vnd.debian.binary-package"),
        (".rpm", "application/x-rpm"),
        (".msi", "application/x-msi"),
        (".dmg", "application/x-apple-diskimage"),
        (".json", "application/json"),
        (".txt", "text/plain"),
        (".md", "text/markdown"),
        (".pom", "application/xml"),
        (".xml", "application/xml"),
    ];
    table
        .iter()
        .find(|(ext, _)| n.ends_with(ext))
        .map(|(_, t)| *t)
}

/// SHA-512 through the signature's own hash context, on the hashing worker thread.
struct SigningSink<'a> {
    hasher: Sha512Signing,
    key: Option<&'a SigningKey>,
    time: Timestamp,
}

impl Sink for SigningSink<'_> {
    type Output = Result<([u8; 64], Option<String>), PgpError>;
    fn update(&mut self, data: &[u8]) {
        self.hasher.update(data);
    }
    fn finish(self) -> Self::Output {
        self.hasher.finish(self.key, self.time)
    }
}

/// What hashing one file produced.
#[derive(Debug, Clone)]
pub struct Hashed {
    pub size: u64,
    pub sha256: String,
    pub sha512: String,
    pub signature: Option<String>,
}

/// Reads `src` once into a new object (unless `into_store` is None) with both digests and,
/// with a key, the detached signature.
pub fn hash_into_store(
    src: &Path,
    into_store: Option<&Path>,
    key: Option<&SigningKey>,
    time: Timestamp,
    progress: &(dyn Fn(u64) + Sync),
) -> anyhow::Result<Hashed> {
    let mut file =
        File::open(src).map_err(|e| Error::usage(src.display().to_string()).caused_by(e))?;
    let sink = SigningSink {
        hasher: Sha512Signing::new(),
        key,
        time,
    };
    let mut last = 0u64;
    let mut report = |n: u64| {
        progress(n - last);
        last = n;
    };
    let (size, sha256, signed) = match into_store {
        Some(store_dir) => {
            let (tmp_path, tmp) = objects::temp_file(store_dir)?;
            let mut tmp = objects::WriteBehind::new(tmp);
            let result = digest::read_once(&mut file, Some(&mut tmp), sink, &mut report)
                .and_then(|r| tmp.flush().and_then(|_| tmp.sync()).map(|_| r));
            let (size, sha256, signed) = match result {
                Ok(r) => r,
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp_path);
                    return Err(
                        anyhow::Error::new(e).context(format!("while reading {}", src.display()))
                    );
                }
            };
            crate::store::crash_point("stage:temp-written");
            // The handle (and its lock) lives until the temp file is renamed into objects/.
            objects::commit(store_dir, &tmp_path, &digest::to_hex(sha256))?;
            drop(tmp);
            (size, sha256, signed)
        }
        None => digest::read_once(&mut file, None, sink, &mut report)
            .with_context(|| format!("while reading {}", src.display()))?,
    };
    let (sha512, signature) =
        signed.map_err(|e| pgp_error(e, &format!("signing {}", src.display())))?;
    Ok(Hashed {
        size,
        sha256: digest::to_hex(sha256),
        sha512: digest::to_hex(sha512),
        signature,
    })
}

/// Runs `work` over `items` on rayon's pool (one thread per core), keeping the order of
/// results; an error stops the remaining work and is returned.
pub fn parallel<I: Sync, T: Send>(
    items: &[I],
    work: impl Fn(&I) -> anyhow::Result<T> + Sync,
) -> anyhow::Result<Vec<T>> {
    use rayon::prelude::*;
    items.par_iter().map(&work).collect()
}

/// What `stage` did.
#[derive(Debug, Serialize)]
pub struct StageReport {
    pub release: String,
    pub revision: String,
    /// The revision was created by this command (rc1, or rcN+1 after a vote started).
    pub new_revision: bool,
    pub packages: Vec<release::PackageView>,
    pub signed_by: Option<String>,
    pub bytes: u64,
}

/// Refuses staging into a release that is revoked or already current.
fn check_stageable(rel: &Release) -> anyhow::Result<()> {
    match rel.stage.as_str() {
        "revoked" => Err(Error::wrong_state(format!(
            "{}@{} is revoked: its version is blocked for good",
            rel.target, rel.version
        ))
        .hint("stage a new version")
        .into()),
        "current" => Err(Error::wrong_state(format!(
            "{}@{} is released already: nothing of it changes",
            rel.target, rel.version
        ))
        .hint("stage a new version")
        .into()),
        _ => Ok(()),
    }
}

/// Finds or creates the draft revision to stage into, inside the caller's transaction.
pub(crate) fn draft_revision(
    db: &rusqlite::Connection,
    r: &ReleaseRef,
    actor: &str,
    now: &str,
) -> anyhow::Result<(Release, Revision, bool)> {
    let target = r.target.to_string();
    let rel = match releases::get(db, &target, r.version.as_str())? {
        Some(rel) => rel,
        None => {
            let id = releases::insert(
                db,
                r.target.project.as_str(),
                &target,
                r.version.as_str(),
                now,
            )?;
            releases::set_stage(
                db,
                id,
                "candidate",
                Some("draft"),
                actor,
                now,
                Some("created by stage"),
            )?;
            releases::get_by_id(db, id)?
        }
    };
    check_stageable(&rel)?;
    match releases::newest_revision(db, rel.id)? {
        Some(rev) if rev.is_draft() => Ok((rel, rev, false)),
        newest => {
            let number = newest.as_ref().map_or(1, |n| n.number + 1);
            let id = releases::insert_revision(db, rel.id, number, now)?;
            if let Some(prev) = &newest {
                releases::copy_packages(db, prev.id, id, now)?;
            }
            if rel.phase.as_deref() != Some("draft") {
                releases::set_stage(
                    db,
                    rel.id,
                    "candidate",
                    Some("draft"),
                    actor,
                    now,
                    Some(&format!("rc{number} staged")),
                )?;
            }
            let rev = releases::revision(db, rel.id, number)?.expect("just inserted");
            Ok((releases::get_by_id(db, rel.id)?, rev, true))
        }
    }
}

/// Deletes the objects of `dropped` that no package refers to any more.
fn collect_garbage(s: &Session, dropped: &[String]) -> anyhow::Result<()> {
    for sha256 in dropped {
        if !releases::object_referenced(s.store.db(), sha256)? {
            objects::remove(&s.store.dir, sha256)?;
        }
    }
    Ok(())
}

/// Rebuilds the tree of a revision from the index.
pub fn rebuild_tree(s: &Session, rel: &Release, rev: &Revision) -> anyhow::Result<()> {
    let packages = releases::packages(s.store.db(), rev.id)?;
    let dir = tree::revision_dir(
        &s.store.dir,
        &rel.target,
        rel.version.as_str(),
        &rev.label(),
    );
    tree::rebuild(&s.store.dir, &dir, &packages)
}

/// `stage TARGET@VERSION PATH... | --external URL --sha256 HEX --size N`.
pub fn stage(
    s: &mut Session,
    r: &ReleaseRef,
    inputs: &[Input],
    external: Option<&External>,
    labels: &Labels,
    signer: Option<&Signer>,
    progress: &(dyn Fn(u64) + Sync),
) -> anyhow::Result<StageReport> {
    let db = s.store.db();
    project::load(db, &r.target)?;
    access::require(
        db,
        &s.actor.id,
        Action::ManageRelease,
        Some(r.target.project.as_str()),
    )?;
    if let Some(rel) = releases::get(db, &r.target.to_string(), r.version.as_str())? {
        check_stageable(&rel)?;
    }
    labels.validate()?;
    let time = clock::now()?;
    let now = clock::fmt(time);
    let key = signer.map(|s| &s.key);
    let store_dir = s.store.dir.clone();
    let hashed = parallel(inputs, |i| {
        hash_into_store(&i.path, Some(&store_dir), key, time, progress)
    })?;
    let mut new: Vec<(NewPackage, Option<String>)> = inputs
        .iter()
        .zip(hashed)
        .map(|(i, h)| {
            (
                NewPackage {
                    name: i.name.to_string(),
                    size: h.size,
                    sha256: h.sha256,
                    sha512: Some(h.sha512),
                    media_type: media_type(i.name.as_str()).map(str::to_string),
                    platform: labels.platform.clone(),
                    arch: labels.arch.clone(),
                    channel: labels.channel.clone(),
                    external_url: None,
                    source: labels.source,
                },
                h.signature,
            )
        })
        .collect();
    if let Some(x) = external {
        let name = x.name()?;
        if inputs.iter().any(|i| i.name == name) {
            return Err(Error::usage(format!("two packages would both be named {name}")).into());
        }
        new.push((
            NewPackage {
                name: name.to_string(),
                size: x.size,
                sha256: x.sha256.clone(),
                sha512: None,
                media_type: None,
                platform: labels.platform.clone(),
                arch: labels.arch.clone(),
                channel: labels.channel.clone(),
                external_url: Some(x.url.clone()),
                source: labels.source,
            },
            None,
        ));
    }
    crate::store::crash_point("stage:objects-written");
    let signed_by = signer.map(|s| s.record.fingerprint.clone());
    let signing_fpr = signer.map(|s| s.key.signing_fingerprint());
    let actor = s.actor.id.clone();
    let mut replaced: Vec<String> = Vec::new();
    let (rel, rev, new_revision) = s.store.write(&s.actor, |db| {
        let (rel, rev, new_revision) = draft_revision(db, r, &actor, &now)?;
        let before = releases::packages(db, rev.id)?;
        replaced = before
            .iter()
            .filter(|o| {
                o.external_url.is_none()
                    && new
                        .iter()
                        .any(|(p, _)| p.name == o.name && p.sha256 != o.sha256)
            })
            .map(|o| o.sha256.clone())
            .collect();
        for (p, sig) in &new {
            let id = releases::put_package(db, rev.id, p, &now)?;
            if let (Some(armored), Some(fpr), Some(signer)) = (sig, &signed_by, &signing_fpr) {
                releases::put_signature(
                    db,
                    id,
                    &Signature {
                        fingerprint: fpr.clone(),
                        signer: signer.clone(),
                        armored: armored.clone(),
                        signed_at: now.clone(),
                    },
                )?;
            }
        }
        let payload = json!({
            "release": r.to_string(),
            "revision": rev.label(),
            "new_revision": new_revision,
            "packages": new.iter().map(|(p, sig)| json!({
                "name": p.name, "size": p.size, "sha256": p.sha256, "sha512": p.sha512,
                "media_type": p.media_type, "platform": p.platform, "arch": p.arch,
                "channel": p.channel, "external_url": p.external_url, "signature": sig,
                "source": p.source,
            })).collect::<Vec<_>>(),
            "signed_by": signed_by,
        });
        Ok((
            (rel, rev, new_revision),
            EventDraft::new("release.stage", r.to_string(), payload),
        ))
    })?;
    rebuild_tree(s, &rel, &rev)?;
    collect_garbage(s, &replaced)?;
    let all = releases::packages(s.store.db(), rev.id)?;
    let names: Vec<&str> = new.iter().map(|(p, _)| p.name.as_str()).collect();
    Ok(StageReport {
        release: r.to_string(),
        revision: rev.label(),
        new_revision,
        packages: all
            .iter()
            .filter(|p| names.contains(&p.name.as_str()))
            .map(release::PackageView::from)
            .collect(),
        signed_by: signer.map(|s| s.record.fingerprint.clone()),
        bytes: new
            .iter()
            .filter(|(p, _)| p.external_url.is_none())
            .map(|(p, _)| p.size)
            .sum(),
    })
}

/// The newest revision of a release, which must be a draft (exit 5 otherwise).
fn draft_of(s: &Session, r: &ReleaseRef) -> anyhow::Result<(Release, Revision)> {
    let db = s.store.db();
    let rel = release::load_managed(s, r)?;
    check_stageable(&rel)?;
    let rev = release::revision(db, &rel, None)?;
    if !rev.is_draft() {
        return Err(Error::wrong_state(format!(
            "{r} {} is frozen ({}): nothing of it changes",
            rev.label(),
            rev.phase
        ))
        .hint("staging again makes the next revision in draft")
        .into());
    }
    Ok((rel, rev))
}

#[derive(Debug, Serialize)]
pub struct UnstageReport {
    pub release: String,
    pub revision: String,
    pub removed: String,
}

/// `unstage TARGET@VERSION NAME`: only from a draft.
pub fn unstage(
    s: &mut Session,
    r: &ReleaseRef,
    name: &PackageName,
) -> anyhow::Result<UnstageReport> {
    let (rel, rev) = draft_of(s, r)?;
    let dropped: Vec<String> = releases::packages(s.store.db(), rev.id)?
        .into_iter()
        .filter(|p| p.name == name.as_str() && p.external_url.is_none())
        .map(|p| p.sha256)
        .collect();
    let removed = s.store.write(&s.actor, |db| {
        if !releases::delete_package(db, rev.id, name.as_str())? {
            return Err(
                Error::not_found(format!("{r} {} has no package {name}", rev.label())).into(),
            );
        }
        Ok((
            (),
            EventDraft::new(
                "release.unstage",
                r.to_string(),
                json!({"revision": rev.label(), "name": name.as_str()}),
            ),
        ))
    });
    removed?;
    rebuild_tree(s, &rel, &rev)?;
    collect_garbage(s, &dropped)?;
    Ok(UnstageReport {
        release: r.to_string(),
        revision: rev.label(),
        removed: name.to_string(),
    })
}

#[derive(Debug, Serialize)]
pub struct SignReport {
    pub release: String,
    pub revision: String,
    pub fingerprint: String,
    pub signed: Vec<String>,
    /// External packages: their bytes are not here to sign.
    pub skipped: Vec<String>,
}

/// `sign TARGET@VERSION --key SECRET.asc`: a detached signature for every managed package of
/// the draft, checking on the way that each object still has the SHA-512 the index records.
pub fn sign(
    s: &mut Session,
    r: &ReleaseRef,
    signer: &Signer,
    progress: &(dyn Fn(u64) + Sync),
) -> anyhow::Result<SignReport> {
    let (rel, rev) = draft_of(s, r)?;
    let packages = releases::packages(s.store.db(), rev.id)?;
    let managed: Vec<_> = packages
        .iter()
        .filter(|p| p.external_url.is_none())
        .collect();
    if managed.is_empty() {
        return Err(
            Error::wrong_state(format!("{r} {} has no package to sign", rev.label())).into(),
        );
    }
    let time = clock::now()?;
    let now = clock::fmt(time);
    let store_dir = s.store.dir.clone();
    let sigs = parallel(&managed, |p| {
        let h = hash_into_store(
            &objects::path(&store_dir, &p.sha256),
            None,
            Some(&signer.key),
            time,
            progress,
        )?;
        if Some(&h.sha512) != p.sha512.as_ref() || h.sha256 != p.sha256 {
            return Err(Error::verification(format!(
                "the stored bytes of {} do not match their checksums",
                p.name
            ))
            .hint("run `relmgr fsck`")
            .into());
        }
        Ok(h.signature.expect("a key was given"))
    })?;
    let fpr = signer.record.fingerprint.clone();
    let signing = signer.key.signing_fingerprint();
    s.store.write(&s.actor, |db| {
        for (p, armored) in managed.iter().zip(&sigs) {
            releases::put_signature(
                db,
                p.id,
                &Signature { fingerprint: fpr.clone(), signer: signing.clone(), armored: armored.clone(), signed_at: now.clone() },
            )?;
        }
        let payload = json!({
            "revision": rev.label(), "fingerprint": fpr,
            "signatures": managed.iter().zip(&sigs).map(|(p, a)| json!({"name": p.name, "signature": a})).collect::<Vec<_>>(),
        });
        Ok(((), EventDraft::new("release.sign", r.to_string(), payload)))
    })?;
    rebuild_tree(s, &rel, &rev)?;
    Ok(SignReport {
        release: r.to_string(),
        revision: rev.label(),
        fingerprint: fpr,
        signed: managed.iter().map(|p| p.name.clone()).collect(),
        skipped: packages
            .iter()
            .filter(|p| p.external_url.is_some())
            .map(|p| p.name.clone())
            .collect(),
    })
}
