//! Finding releases and revisions, and the views `release list` and `release show` print.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Error;
use crate::model::{Phase, Stage, Time};
use crate::model::{ReleaseRef, RevisionNo, Target};
use crate::store::release_sets::ReleaseSummary;
use crate::store::releases::{self, Release, Revision, StageChange, StoredPackage};
use crate::store::{cves, release_sets};

use super::{Session, project};

/// Loads a release or fails with exit 6 (the target must exist too).
pub fn load(db: &Connection, r: &ReleaseRef) -> anyhow::Result<Release> {
    project::load(db, &r.target)?;
    let target = r.target.to_string();
    if let Some(rel) = releases::get(db, &target, r.version.as_str())? {
        return Ok(rel);
    }
    let hint = match near_version(r.version.as_str()) {
        Some(version) if releases::get(db, &target, &version)?.is_some() => {
            format!("did you mean {target}@{version}?")
        }
        _ => format!("see `relmgr release list {target}`"),
    };
    Err(Error::not_found(format!("no release {r}"))
        .hint(hint)
        .into())
}

/// What a person may have meant by a version that names no release: the version without the
/// leading `v` of a git tag's name (`v1.2.0`). (A version with its revision, `1.2.0-rc1`, is
/// refused where it is parsed, with the same advice.)
fn near_version(version: &str) -> Option<String> {
    version
        .strip_prefix(['v', 'V'])
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .map(str::to_string)
}

/// Loads a release the acting user manages (pmc, rm or admin of its project), else exit 6 / 4:
/// the prologue of every command that changes a release.
pub fn load_managed(s: &Session, r: &ReleaseRef) -> anyhow::Result<Release> {
    let db = s.store.db();
    let rel = load(db, r)?;
    crate::machine::access::require(
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

/// One revision in the release's history.
#[derive(Debug, Clone, Serialize)]
pub struct RevisionSummary {
    pub revision: String,
    pub phase: Phase,
    pub created_at: Time,
    pub frozen_at: Option<Time>,
    pub vote: Option<String>,
}

/// What `release show` prints.
#[derive(Debug, Clone, Serialize)]
pub struct ReleaseView {
    pub release: String,
    pub target: String,
    pub version: String,
    pub revision: String,
    pub stage: Stage,
    pub phase: Option<Phase>,
    pub revision_phase: Phase,
    pub created_at: Time,
    pub revoked_at: Option<Time>,
    pub reason: Option<String>,
    pub manifest_hash: Option<String>,
    pub packages: Vec<StoredPackage>,
    pub revisions: Vec<RevisionSummary>,
    pub history: Vec<StageChange>,
    /// The vote outcome of the shown revision, if a vote was started.
    pub vote: Option<String>,
    /// CVEs linked to this release (or to its target without a version).
    pub cves: Vec<String>,
}

/// The views of many releases, each at its chosen revision, with one query per table
/// (`store::release_sets`), never one per release.
fn views(db: &Connection, chosen: &[(&Release, &Revision)]) -> anyhow::Result<Vec<ReleaseView>> {
    let release_ids: Vec<i64> = chosen.iter().map(|(rel, _)| rel.id).collect();
    let mut revisions = release_sets::revisions(db, &release_ids)?;
    let all_revisions: Vec<i64> = revisions.values().flatten().map(|r| r.id).collect();
    let shown: Vec<i64> = chosen.iter().map(|(_, rev)| rev.id).collect();
    let mut packages = release_sets::packages(db, &shown)?;
    let vote_states = release_sets::vote_states(db, &all_revisions)?;
    let mut history = release_sets::stage_histories(db, &release_ids)?;
    let targets: Vec<(i64, &str)> = chosen
        .iter()
        .map(|(rel, _)| (rel.id, rel.target.as_str()))
        .collect();
    let mut cve_ids = cves::ids_of_releases(db, &targets)?;
    Ok(chosen
        .iter()
        .map(|(rel, rev)| ReleaseView {
            release: format!("{}@{}", rel.target, rel.version),
            target: rel.target.clone(),
            version: rel.version.to_string(),
            revision: rev.label(),
            stage: rel.stage,
            phase: rel.phase,
            revision_phase: rev.phase,
            created_at: rel.created_at,
            revoked_at: rel.revoked_at,
            reason: rel.reason.clone(),
            manifest_hash: rev.manifest_hash.clone(),
            packages: packages.remove(&rev.id).unwrap_or_default(),
            revisions: revisions
                .remove(&rel.id)
                .unwrap_or_default()
                .into_iter()
                .map(|r| RevisionSummary {
                    revision: r.label(),
                    vote: vote_states.get(&r.id).cloned(),
                    phase: r.phase,
                    created_at: r.created_at,
                    frozen_at: r.frozen_at,
                })
                .collect(),
            history: history.remove(&rel.id).unwrap_or_default(),
            vote: vote_states.get(&rev.id).cloned(),
            cves: cve_ids.remove(&rel.id).unwrap_or_default(),
        })
        .collect())
}

pub fn view(db: &Connection, rel: &Release, rev: &Revision) -> anyhow::Result<ReleaseView> {
    Ok(views(db, &[(rel, rev)])?
        .pop()
        .expect("one release in, one view out"))
}

pub fn show(s: &Session, r: &ReleaseRef, which: Option<RevisionNo>) -> anyhow::Result<ReleaseView> {
    let db = s.store.db();
    let rel = load(db, r)?;
    let rev = revision(db, &rel, which)?;
    view(db, &rel, &rev)
}

/// What `release list` selects.
#[derive(Debug, Default, Clone, Copy)]
pub struct ListFilter<'a> {
    /// A project (with its products) or a product; all when None.
    pub target: Option<&'a Target>,
    pub stage: Option<Stage>,
    /// Only releases with a package in this channel (in their newest revision).
    pub channel: Option<&'a str>,
    /// Only releases created at or after this time (RFC 3339 or YYYY-MM-DD).
    pub since: Option<&'a str>,
    /// At most this many, the first in the list's order (target, then version).
    pub limit: Option<usize>,
}

/// A [`ListFilter`] checked and in the store's terms: the target's text, whether its products
/// count, the `since` time.
struct StoreFilter {
    target: Option<String>,
    include_products: bool,
    since: Option<Time>,
}

fn store_filter(db: &Connection, f: &ListFilter<'_>) -> anyhow::Result<StoreFilter> {
    if let Some(t) = f.target {
        project::load(db, t)?;
    }
    Ok(StoreFilter {
        target: f.target.map(|t| t.to_string()),
        include_products: f.target.is_some_and(|t| t.product.is_none()),
        since: f.since.map(super::log::parse_since).transpose()?,
    })
}

/// `release list` for people: the same releases in the same order as [`list`], each as the row
/// of its table (newest revision, stage, phase, package count), read with one query.
pub fn list_summaries(s: &Session, f: &ListFilter<'_>) -> anyhow::Result<Vec<ReleaseSummary>> {
    let db = s.store.db();
    let sf = store_filter(db, f)?;
    let mut rows = release_sets::summaries(
        db,
        sf.target.as_deref(),
        sf.include_products,
        f.stage,
        sf.since,
        f.channel,
    )?;
    if let Some(n) = f.limit {
        rows.truncate(n);
    }
    Ok(rows)
}

/// `release list [TARGET] [--stage S] [--channel C] [--since T] [--limit N]`: a project's list
/// includes its products' releases. A release without a revision yet is not listed.
pub fn list(s: &Session, f: &ListFilter<'_>) -> anyhow::Result<Vec<ReleaseView>> {
    let db = s.store.db();
    let sf = store_filter(db, f)?;
    let rels = releases::list_since(
        db,
        sf.target.as_deref(),
        sf.include_products,
        f.stage,
        sf.since,
    )?;
    let ids: Vec<i64> = rels.iter().map(|r| r.id).collect();
    let mut newest = release_sets::revisions(db, &ids)?;
    let mut chosen: Vec<(&Release, Revision)> = Vec::new();
    for rel in &rels {
        if let Some(rev) = newest.remove(&rel.id).and_then(|mut v| v.pop()) {
            chosen.push((rel, rev));
        }
    }
    if let Some(c) = f.channel {
        let shown: Vec<i64> = chosen.iter().map(|(_, rev)| rev.id).collect();
        let packages = release_sets::packages(db, &shown)?;
        chosen.retain(|(_, rev)| {
            packages
                .get(&rev.id)
                .is_some_and(|ps| ps.iter().any(|p| p.channel.as_deref() == Some(c)))
        });
    }
    if let Some(n) = f.limit {
        chosen.truncate(n);
    }
    let pairs: Vec<(&Release, &Revision)> = chosen.iter().map(|(rel, rev)| (*rel, rev)).collect();
    views(db, &pairs)
}

#[cfg(test)]
mod tests {
    use super::near_version;

    #[test]
    fn near_versions_a_person_may_have_meant() {
        assert_eq!(near_version("v1.2.0").as_deref(), Some("1.2.0"));
        assert_eq!(near_version("V2").as_deref(), Some("2"));
        assert_eq!(near_version("1.2.0"), None);
        assert_eq!(near_version("vx"), None);
    }
}
