//! Finding releases and revisions, and the views `release list` and `release show` print.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Error;
use crate::model::{ReleaseRef, RevisionNo, Target};
use crate::store::releases::{self, Package, Release, Revision, StageChange};
use crate::store::{cves, votes};

use super::{Session, project};

/// Loads a release or fails with exit 6 (the target must exist too).
pub fn load(db: &Connection, r: &ReleaseRef) -> anyhow::Result<Release> {
    project::load(db, &r.target)?;
    releases::get(db, &r.target.to_string(), r.version.as_str())?.ok_or_else(|| {
        Error::not_found(format!("no release {r}"))
            .hint(format!("see `relmgr release list {}`", r.target))
            .into()
    })
}

/// Loads a release the acting user manages (pmc, rm or admin of its project), else exit 6 / 4:
/// the prologue of every command that changes a release.
pub fn load_managed(s: &Session, r: &ReleaseRef) -> anyhow::Result<Release> {
    let db = s.store.db();
    let rel = load(db, r)?;
    super::access::require(
        db,
        &s.actor.id,
        crate::perm::Action::ManageRelease,
        Some(r.target.project.as_str()),
    )?;
    Ok(rel)
}

/// The named revision, or the newest one.
pub fn revision(
    db: &Connection,
    rel: &Release,
    which: Option<RevisionNo>,
) -> anyhow::Result<Revision> {
    let found = match which {
        Some(n) => releases::revision(db, rel.id, n.0)?,
        None => releases::newest_revision(db, rel.id)?,
    };
    found.ok_or_else(|| {
        let what = which
            .map(|n| n.to_string())
            .unwrap_or_else(|| "revision".into());
        Error::not_found(format!("{}@{} has no {what}", rel.target, rel.version)).into()
    })
}

/// A package as SPEC §5's `release show` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct PackageView {
    pub name: String,
    pub size: u64,
    pub sha256: String,
    pub sha512: Option<String>,
    pub signatures: Vec<String>,
    pub media_type: Option<String>,
    pub platform: Option<String>,
    pub arch: Option<String>,
    pub channel: Option<String>,
    pub external_url: Option<String>,
}

impl From<&Package> for PackageView {
    fn from(p: &Package) -> Self {
        PackageView {
            name: p.name.clone(),
            size: p.size,
            sha256: p.sha256.clone(),
            sha512: p.sha512.clone(),
            signatures: p.signatures.iter().map(|s| s.fingerprint.clone()).collect(),
            media_type: p.media_type.clone(),
            platform: p.platform.clone(),
            arch: p.arch.clone(),
            channel: p.channel.clone(),
            external_url: p.external_url.clone(),
        }
    }
}

/// One revision in the release's history.
#[derive(Debug, Clone, Serialize)]
pub struct RevisionSummary {
    pub revision: String,
    pub phase: String,
    pub created_at: String,
    pub frozen_at: Option<String>,
    pub vote: Option<String>,
}

/// What `release show` prints.
#[derive(Debug, Clone, Serialize)]
pub struct ReleaseView {
    pub release: String,
    pub target: String,
    pub version: String,
    pub revision: String,
    pub stage: String,
    pub phase: Option<String>,
    pub revision_phase: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
    pub reason: Option<String>,
    pub manifest_hash: Option<String>,
    pub packages: Vec<PackageView>,
    pub revisions: Vec<RevisionSummary>,
    pub history: Vec<StageChange>,
    /// The vote outcome of the shown revision, if a vote was started.
    pub vote: Option<String>,
    /// CVEs linked to this release (or to its target without a version).
    pub cves: Vec<String>,
}

fn vote_state(db: &Connection, rev: &Revision) -> anyhow::Result<Option<String>> {
    Ok(votes::round(db, rev.id)?.map(|r| r.outcome.unwrap_or_else(|| "open".into())))
}

pub fn view(db: &Connection, rel: &Release, rev: &Revision) -> anyhow::Result<ReleaseView> {
    let packages = releases::packages(db, rev.id)?;
    let mut revisions = Vec::new();
    for r in releases::revisions(db, rel.id)? {
        revisions.push(RevisionSummary {
            revision: r.label(),
            phase: r.phase.clone(),
            created_at: r.created_at.clone(),
            frozen_at: r.frozen_at.clone(),
            vote: vote_state(db, &r)?,
        });
    }
    Ok(ReleaseView {
        release: format!("{}@{}", rel.target, rel.version),
        target: rel.target.clone(),
        version: rel.version.to_string(),
        revision: rev.label(),
        stage: rel.stage.clone(),
        phase: rel.phase.clone(),
        revision_phase: rev.phase.clone(),
        created_at: rel.created_at.clone(),
        revoked_at: rel.revoked_at.clone(),
        reason: rel.reason.clone(),
        manifest_hash: rev.manifest_hash.clone(),
        packages: packages.iter().map(PackageView::from).collect(),
        revisions,
        history: releases::stage_history(db, rel.id)?,
        vote: vote_state(db, rev)?,
        cves: cves::of_release(db, rel.id, &rel.target)?
            .into_iter()
            .map(|c| c.id)
            .collect(),
    })
}

pub fn show(s: &Session, r: &ReleaseRef, which: Option<RevisionNo>) -> anyhow::Result<ReleaseView> {
    let db = s.store.db();
    let rel = load(db, r)?;
    let rev = revision(db, &rel, which)?;
    view(db, &rel, &rev)
}

/// `release list [TARGET] [--stage S] [--channel C]`: a project's list includes its products' releases.
pub fn list(
    s: &Session,
    target: Option<&Target>,
    stage: Option<&str>,
    channel: Option<&str>,
) -> anyhow::Result<Vec<ReleaseView>> {
    let db = s.store.db();
    if let Some(t) = target {
        project::load(db, t)?;
    }
    let target_text = target.map(|t| t.to_string());
    let include_products = target.is_some_and(|t| t.product.is_none());
    let mut out = Vec::new();
    for rel in releases::list(db, target_text.as_deref(), include_products, stage)? {
        if let Some(rev) = releases::newest_revision(db, rel.id)? {
            let v = view(db, &rel, &rev)?;
            if channel.is_none_or(|c| v.packages.iter().any(|p| p.channel.as_deref() == Some(c))) {
                out.push(v);
            }
        }
    }
    Ok(out)
}
