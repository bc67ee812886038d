//! Reads for many releases at once, for the list commands (and `release show`, a list of one):
//! one query per table whatever the number of releases, never one query per row. Ids go to
//! SQLite as one JSON array (`json_each`), so a page of ten and all 10,000 take the same path.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::model::{Package, Phase, Stage, Version};

use super::releases::{
    PACKAGE_COLS, REVISION_COLS, Revision, Signature, StageChange, StoredPackage, row_to_revision,
};

fn json_ids(ids: &[i64]) -> anyhow::Result<String> {
    Ok(serde_json::to_string(ids)?)
}

/// Every revision of each release, by release id, oldest first.
pub fn revisions(
    db: &Connection,
    release_ids: &[i64],
) -> anyhow::Result<HashMap<i64, Vec<Revision>>> {
    let mut stmt = db.prepare_cached(&format!(
        "SELECT {REVISION_COLS} FROM revisions
         WHERE release_id IN (SELECT value FROM json_each(?1)) ORDER BY release_id, number"
    ))?;
    let mut out: HashMap<i64, Vec<Revision>> = HashMap::new();
    for rev in stmt.query_map([json_ids(release_ids)?], row_to_revision)? {
        let rev = rev?;
        out.entry(rev.release_id).or_default().push(rev);
    }
    Ok(out)
}

/// The packages of each revision with their signatures, by revision id, sorted by name.
pub fn packages(
    db: &Connection,
    revision_ids: &[i64],
) -> anyhow::Result<HashMap<i64, Vec<StoredPackage>>> {
    let ids = json_ids(revision_ids)?;
    let mut stmt = db.prepare_cached(&format!(
        "SELECT revision_id, {PACKAGE_COLS} FROM packages
         WHERE revision_id IN (SELECT value FROM json_each(?1)) ORDER BY revision_id, name"
    ))?;
    let mut sigs_of: HashMap<i64, Vec<Signature>> = HashMap::new();
    let mut sigs = db.prepare_cached(
        "SELECT s.package_id, s.fingerprint, s.signer_fpr, s.armored, s.signed_at
         FROM signatures s JOIN packages p ON p.id = s.package_id
         WHERE p.revision_id IN (SELECT value FROM json_each(?1))
         ORDER BY s.package_id, s.fingerprint",
    )?;
    for row in sigs.query_map([&ids], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            Signature {
                fingerprint: r.get(1)?,
                signer: r.get(2)?,
                armored: r.get(3)?,
                signed_at: r.get(4)?,
            },
        ))
    })? {
        let (package, sig) = row?;
        sigs_of.entry(package).or_default().push(sig);
    }
    let mut out: HashMap<i64, Vec<StoredPackage>> = HashMap::new();
    let rows = stmt.query_map([&ids], |r| {
        let id: i64 = r.get(1)?;
        Ok((
            r.get::<_, i64>(0)?,
            StoredPackage {
                id,
                package: Package {
                    name: r.get(2)?,
                    size: r.get::<_, i64>(3)? as u64,
                    sha256: r.get(4)?,
                    sha512: r.get(5)?,
                    media_type: r.get(6)?,
                    platform: r.get(7)?,
                    arch: r.get(8)?,
                    channel: r.get(9)?,
                    external_url: r.get(10)?,
                    source: r.get(11)?,
                },
                signatures: vec![],
            },
        ))
    })?;
    for row in rows {
        let (revision, mut p) = row?;
        p.signatures = sigs_of.remove(&p.id).unwrap_or_default();
        out.entry(revision).or_default().push(p);
    }
    Ok(out)
}

/// The vote state of each revision that has a vote (`open` or its outcome), by revision id.
pub fn vote_states(db: &Connection, revision_ids: &[i64]) -> anyhow::Result<HashMap<i64, String>> {
    let mut stmt = db.prepare_cached(
        "SELECT revision_id, coalesce(outcome, 'open') FROM vote_rounds
         WHERE revision_id IN (SELECT value FROM json_each(?1))",
    )?;
    let rows = stmt.query_map([json_ids(revision_ids)?], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The stage history of each release, by release id, in order.
pub fn stage_histories(
    db: &Connection,
    release_ids: &[i64],
) -> anyhow::Result<HashMap<i64, Vec<StageChange>>> {
    let mut stmt = db.prepare_cached(
        "SELECT release_id, stage, phase, at, actor, note FROM stage_history
         WHERE release_id IN (SELECT value FROM json_each(?1)) ORDER BY release_id, seq",
    )?;
    let mut out: HashMap<i64, Vec<StageChange>> = HashMap::new();
    for row in stmt.query_map([json_ids(release_ids)?], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            StageChange {
                stage: r.get(1)?,
                phase: r.get(2)?,
                at: r.get(3)?,
                actor: r.get(4)?,
                note: r.get(5)?,
            },
        ))
    })? {
        let (id, change) = row?;
        out.entry(id).or_default().push(change);
    }
    Ok(out)
}

/// One row of `release list`'s table: a release at its newest revision, with no packages,
/// signatures, votes or history read (the human list prints five columns of 10,000 releases).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseSummary {
    pub target: String,
    pub version: Version,
    /// The newest revision's number (`rcN`).
    pub revision: u32,
    pub stage: Stage,
    pub phase: Option<Phase>,
    /// Packages in the newest revision.
    pub packages: u64,
}

/// The releases `release list` shows (those with a revision), each at its newest revision, by
/// target then version: one query. The filters are `releases::list_since`'s, plus `channel`:
/// only releases with a package in that channel in their newest revision.
pub fn summaries(
    db: &Connection,
    target: Option<&str>,
    include_products: bool,
    stage: Option<Stage>,
    since: Option<crate::model::Time>,
    channel: Option<&str>,
) -> anyhow::Result<Vec<ReleaseSummary>> {
    let mut stmt = db.prepare_cached(
        "SELECT r.target, r.version, v.number, r.stage, r.phase,
                (SELECT count(*) FROM packages p WHERE p.revision_id = v.id)
         FROM releases r JOIN revisions v ON v.release_id = r.id
          AND v.number = (SELECT max(number) FROM revisions WHERE release_id = r.id)
         WHERE (?1 IS NULL OR r.target = ?1 OR (?2 AND r.project = ?1))
           AND (?3 IS NULL OR r.stage = ?3)
           AND (?4 IS NULL OR r.created_at >= ?4)
           AND (?5 IS NULL OR EXISTS
                (SELECT 1 FROM packages p WHERE p.revision_id = v.id AND p.channel = ?5))",
    )?;
    let rows = stmt.query_map(
        rusqlite::params![target, include_products, stage, since, channel],
        |r| {
            Ok(ReleaseSummary {
                target: r.get(0)?,
                version: super::releases::version(r, 1)?,
                revision: r.get(2)?,
                stage: r.get(3)?,
                phase: r.get(4)?,
                packages: r.get::<_, i64>(5)? as u64,
            })
        },
    )?;
    let mut out: Vec<ReleaseSummary> = rows.collect::<Result<_, _>>()?;
    out.sort_by(|a, b| (&a.target, &a.version).cmp(&(&b.target, &b.version)));
    Ok(out)
}
