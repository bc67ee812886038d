//! Staging: `stage`, `unstage` and `sign` decide (permissions, states, names) and record the
//! packages with their one event; the one read per file that copies, hashes and signs it is
//! `super::ingest`. Objects are committed (fsync + rename) before the transaction that records
//! the packages.

use serde::Serialize;

use crate::clock;
use crate::error::Error;
use crate::machine::access;
use crate::machine::index::draft_revision;
use crate::machine::rules::check_stageable;
use crate::model::event::{Change, PackageSignature};
use crate::model::{External, Labels, Package, PackageName, ReleaseRef, media_type};
use crate::model::{Fingerprint, Time};
use crate::ops::Emit;
use crate::perm::Action;
use crate::store::releases::{self, Release, Revision, StoredPackage};
use crate::store::{objects, tree};

use super::ingest::{Input, hash_all_into_store, hash_file};
use super::keys::Signer;
use super::{Session, parallel, project, release};

/// What `stage` did.
#[derive(Debug, Serialize)]
pub struct StageReport {
    pub release: String,
    pub revision: String,
    /// The revision was created by this command (rc1, or rcN+1 after a vote started).
    pub new_revision: bool,
    pub packages: Vec<StoredPackage>,
    pub signed_by: Option<Fingerprint>,
    pub bytes: u64,
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
    for i in inputs {
        i.name.check_new()?;
    }
    if let Some(x) = external {
        x.name()?.check_new()?;
    }
    let time = clock::now()?;
    let now = Time::new(time);
    let key = signer.map(|s| &s.key);
    let store_dir = s.store.dir.clone();
    let hashed = hash_all_into_store(inputs, &store_dir, key, time, progress)?;
    let mut new: Vec<(Package, Option<String>)> = inputs
        .iter()
        .zip(hashed)
        .map(|(i, h)| {
            (
                Package {
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
            Package {
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
    let signing_fpr = signer.map(|s| Fingerprint::from_computed(s.key.signing_fingerprint()));
    let actor = s.actor.id.clone();
    let mut replaced: Vec<String> = Vec::new();
    let (rel, rev, new_revision) = s.emit_with(|db| {
        // The revision the packages go to, as `apply` will find or make it.
        let (rel, rev, new_revision) = super::dry_run(db, |db| draft_revision(db, r, &actor, now))?;
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
        let change = Change::Stage {
            release: Some(r.to_string()),
            revision: Some(rev.no()),
            new_revision,
            packages: new.iter().map(|(p, sig)| p.staged(sig.clone())).collect(),
            signed_by: signed_by.clone(),
            signer: signing_fpr.clone(),
        };
        Ok(((rel, rev, new_revision), Emit::new(r.to_string(), change)))
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
            .into_iter()
            .filter(|p| names.contains(&p.name.as_str()))
            .collect(),
        signed_by,
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
        .map(|p| p.package.sha256)
        .collect();
    let removed = s.emit_with(|db| {
        if !releases::packages(db, rev.id)?
            .iter()
            .any(|p| p.name == name.as_str())
        {
            return Err(
                Error::not_found(format!("{r} {} has no package {name}", rev.label())).into(),
            );
        }
        let change = Change::Unstage {
            revision: Some(rev.no()),
            name: name.to_string(),
        };
        Ok(((), Emit::new(r.to_string(), change)))
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
    pub fingerprint: crate::model::Fingerprint,
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
    super::fetch::require_bytes(s, &rel, &rev, &packages)?;
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
    let store_dir = s.store.dir.clone();
    let sigs = parallel(&managed, |p| {
        let h = hash_file(
            &objects::path(&store_dir, &p.sha256),
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
    let signing = Fingerprint::from_computed(signer.key.signing_fingerprint());
    s.emit(Emit::new(
        r.to_string(),
        Change::Sign {
            revision: Some(rev.no()),
            fingerprint: fpr.clone(),
            signer: Some(signing),
            signatures: managed
                .iter()
                .zip(&sigs)
                .map(|(p, a)| PackageSignature {
                    name: p.name.clone(),
                    signature: a.clone(),
                })
                .collect(),
        },
    ))?;
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
