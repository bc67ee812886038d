//! Releases, revisions, packages and signatures: their rows and their SQL. A release is
//! `target@version`; a candidate has revisions `rc1`, `rc2`, …; packages belong to a revision.
//! The schema's triggers keep frozen revisions (phase other than `draft`) unchangeable.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use crate::model::{Package, Phase, Stage, Time, Version};

/// A release row.
#[derive(Debug, Clone, Serialize)]
pub struct Release {
    #[serde(skip)]
    pub id: i64,
    pub project: String,
    pub target: String,
    pub version: Version,
    pub stage: Stage,
    pub phase: Option<Phase>,
    pub created_at: Time,
    pub revoked_at: Option<Time>,
    pub reason: Option<String>,
}

/// A revision row.
#[derive(Debug, Clone, Serialize)]
pub struct Revision {
    #[serde(skip)]
    pub id: i64,
    #[serde(skip)]
    pub release_id: i64,
    pub number: u32,
    pub phase: Phase,
    pub created_at: Time,
    pub frozen_at: Option<Time>,
    pub manifest_hash: Option<String>,
}

impl Revision {
    pub fn label(&self) -> String {
        format!("rc{}", self.number)
    }
    /// Its number as the typed `rcN` events carry.
    pub fn no(&self) -> crate::model::RevisionNo {
        crate::model::RevisionNo(self.number)
    }
    pub fn is_draft(&self) -> bool {
        self.phase == Phase::Draft
    }
}

/// One signature of a package.
#[derive(Debug, Clone, Serialize)]
pub struct Signature {
    /// The primary key's fingerprint (a subkey's signature counts for its primary).
    pub fingerprint: crate::model::Fingerprint,
    /// The (sub)key that made it.
    pub signer: crate::model::Fingerprint,
    #[serde(skip)]
    pub armored: String,
    pub signed_at: Time,
}

/// A package as the index holds it: the [`Package`] with what the index adds, its row id and its
/// signatures. Derefs to the package, and serializes as SPEC §5's `release show` prints a package
/// (the package's fields and `signatures`, the signers' fingerprints).
#[derive(Debug, Clone, Serialize)]
pub struct StoredPackage {
    #[serde(skip)]
    pub id: i64,
    #[serde(flatten)]
    pub package: Package,
    #[serde(serialize_with = "fingerprints")]
    pub signatures: Vec<Signature>,
}

impl std::ops::Deref for StoredPackage {
    type Target = Package;
    fn deref(&self) -> &Package {
        &self.package
    }
}

fn fingerprints<S: serde::Serializer>(sigs: &[Signature], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(sigs.iter().map(|sig| &sig.fingerprint))
}

const RELEASE_COLS: &str =
    "id, project, target, version, stage, phase, created_at, revoked_at, reason";

/// A stored version, parsed again: one that does not parse means a corrupt store.
pub(crate) fn version(r: &Row<'_>, i: usize) -> rusqlite::Result<Version> {
    let text: String = r.get(i)?;
    parse_version(&text).map_err(|message| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, message.into())
    })
}

/// A release's version as the index stores it, read; what is wrong with it, if it does not
/// read (a corrupt store).
pub(crate) fn parse_version(text: &str) -> Result<Version, String> {
    text.parse().map_err(|e: crate::error::Error| {
        format!("corrupt store: release version {text:?}: {}", e.message)
    })
}

fn row_to_release(r: &Row<'_>) -> rusqlite::Result<Release> {
    Ok(Release {
        id: r.get(0)?,
        project: r.get(1)?,
        target: r.get(2)?,
        version: version(r, 3)?,
        stage: r.get(4)?,
        phase: r.get(5)?,
        created_at: r.get(6)?,
        revoked_at: r.get(7)?,
        reason: r.get(8)?,
    })
}

pub fn get(db: &Connection, target: &str, version: &str) -> anyhow::Result<Option<Release>> {
    Ok(db
        .prepare_cached(&format!(
            "SELECT {RELEASE_COLS} FROM releases WHERE target = ?1 AND version = ?2"
        ))?
        .query_row([target, version], row_to_release)
        .optional()?)
}

pub fn get_by_id(db: &Connection, id: i64) -> anyhow::Result<Release> {
    Ok(db
        .prepare_cached(&format!(
            "SELECT {RELEASE_COLS} FROM releases WHERE id = ?1"
        ))?
        .query_row([id], row_to_release)?)
}

/// Releases of a target (or of a project and all its products with `include_products`), or all,
/// by target and then version (SPEC §4's order, which SQL cannot sort by).
pub fn list(
    db: &Connection,
    target: Option<&str>,
    include_products: bool,
    stage: Option<Stage>,
) -> anyhow::Result<Vec<Release>> {
    list_since(db, target, include_products, stage, None)
}

/// [`list`], narrowed to the releases created at or after `since` (store time form).
pub fn list_since(
    db: &Connection,
    target: Option<&str>,
    include_products: bool,
    stage: Option<Stage>,
    since: Option<crate::model::Time>,
) -> anyhow::Result<Vec<Release>> {
    let mut stmt = db.prepare_cached(&format!(
        "SELECT {RELEASE_COLS} FROM releases
         WHERE (?1 IS NULL OR target = ?1 OR (?2 AND project = ?1))
           AND (?3 IS NULL OR stage = ?3)
           AND (?4 IS NULL OR created_at >= ?4)
         ORDER BY target, id"
    ))?;
    let rows = stmt.query_map(
        params![target, include_products, stage, since],
        row_to_release,
    )?;
    let mut out: Vec<Release> = rows.collect::<Result<_, _>>()?;
    out.sort_by(|a, b| (&a.target, &a.version).cmp(&(&b.target, &b.version)));
    Ok(out)
}

pub fn insert(
    db: &Connection,
    project: &str,
    target: &str,
    version: &str,
    now: Time,
) -> anyhow::Result<i64> {
    db.prepare_cached("INSERT INTO releases (project, target, version, stage, phase, created_at) VALUES (?1, ?2, ?3, 'candidate', 'draft', ?4)")?.execute(
        params![project, target, version, now],
    )?;
    Ok(db.last_insert_rowid())
}

/// Sets stage and phase, and records the move in the stage history.
pub fn set_stage(
    db: &Connection,
    release_id: i64,
    stage: Stage,
    phase: Option<Phase>,
    actor: &str,
    now: Time,
    note: Option<&str>,
) -> anyhow::Result<()> {
    db.prepare_cached("UPDATE releases SET stage = ?2, phase = ?3 WHERE id = ?1")?
        .execute(params![release_id, stage, phase])?;
    db.prepare_cached("INSERT INTO stage_history (release_id, seq, stage, phase, at, actor, note)
         VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM stage_history WHERE release_id = ?1), ?2, ?3, ?4, ?5, ?6)")?.execute(
        params![release_id, stage, phase, now, actor, note],
    )?;
    Ok(())
}

/// One entry of a release's stage history.
#[derive(Debug, Clone, Serialize)]
pub struct StageChange {
    pub stage: Stage,
    pub phase: Option<Phase>,
    pub at: Time,
    pub actor: String,
    pub note: Option<String>,
}

pub(crate) const REVISION_COLS: &str =
    "id, release_id, number, phase, created_at, frozen_at, manifest_hash";

pub(crate) fn row_to_revision(r: &Row<'_>) -> rusqlite::Result<Revision> {
    Ok(Revision {
        id: r.get(0)?,
        release_id: r.get(1)?,
        number: r.get(2)?,
        phase: r.get(3)?,
        created_at: r.get(4)?,
        frozen_at: r.get(5)?,
        manifest_hash: r.get(6)?,
    })
}

pub fn revisions(db: &Connection, release_id: i64) -> anyhow::Result<Vec<Revision>> {
    let mut stmt = db.prepare(&format!(
        "SELECT {REVISION_COLS} FROM revisions WHERE release_id = ?1 ORDER BY number"
    ))?;
    let rows = stmt.query_map([release_id], row_to_revision)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn revision(db: &Connection, release_id: i64, number: u32) -> anyhow::Result<Option<Revision>> {
    Ok(db
        .prepare_cached(&format!(
            "SELECT {REVISION_COLS} FROM revisions WHERE release_id = ?1 AND number = ?2"
        ))?
        .query_row(params![release_id, number], row_to_revision)
        .optional()?)
}

pub fn newest_revision(db: &Connection, release_id: i64) -> anyhow::Result<Option<Revision>> {
    Ok(db
        .prepare_cached(&format!(
            "SELECT {REVISION_COLS} FROM revisions WHERE release_id = ?1 ORDER BY number DESC LIMIT 1"
        ))?
        .query_row([release_id], row_to_revision)
        .optional()?)
}

pub fn insert_revision(
    db: &Connection,
    release_id: i64,
    number: u32,
    now: Time,
) -> anyhow::Result<i64> {
    db.prepare_cached("INSERT INTO revisions (release_id, number, phase, created_at) VALUES (?1, ?2, 'draft', ?3)")?.execute(
        params![release_id, number, now],
    )?;
    Ok(db.last_insert_rowid())
}

/// Moves a revision to another phase; leaving `draft` freezes it with its manifest hash.
pub fn set_revision_phase(
    db: &Connection,
    revision_id: i64,
    phase: Phase,
    frozen: Option<(Time, &str)>,
) -> anyhow::Result<()> {
    match frozen {
        Some((at, manifest)) => db
            .prepare_cached(
                "UPDATE revisions SET phase = ?2, frozen_at = ?3, manifest_hash = ?4 WHERE id = ?1",
            )?
            .execute(params![revision_id, phase, at, manifest])?,
        None => db
            .prepare_cached("UPDATE revisions SET phase = ?2 WHERE id = ?1")?
            .execute(params![revision_id, phase])?,
    };
    Ok(())
}

pub(crate) const PACKAGE_COLS: &str =
    "id, name, size, sha256, sha512, media_type, platform, arch, channel, external_url, source";

/// The packages of a revision with their signatures, sorted by name.
pub fn packages(db: &Connection, revision_id: i64) -> anyhow::Result<Vec<StoredPackage>> {
    Ok(super::release_sets::packages(db, &[revision_id])?
        .remove(&revision_id)
        .unwrap_or_default())
}

/// Inserts packages, each replacing a same-named one of the (draft) revision; their ids, in
/// order. Each statement is looked up once for all, the time written once, and only a name
/// already taken is deleted first: a replay (fsck) puts 100,000 packages through here. A
/// revision that is not a draft any more is refused here, once per call, with the words of the
/// schema's trigger that refuses it row by row (`packages_frozen_insert`, which fsck's scratch
/// index can therefore leave out).
pub fn put_packages<'a>(
    db: &Connection,
    revision_id: i64,
    packages: impl IntoIterator<Item = &'a Package>,
    now: Time,
) -> anyhow::Result<Vec<i64>> {
    let phase: Option<Phase> = db
        .prepare_cached("SELECT phase FROM revisions WHERE id = ?1")?
        .query_row([revision_id], |r| r.get(0))
        .optional()?;
    if phase.is_some_and(|p| p != Phase::Draft) {
        anyhow::bail!("the revision is frozen");
    }
    let mut taken: std::collections::HashSet<String> = db
        .prepare_cached("SELECT name FROM packages WHERE revision_id = ?1")?
        .query_map([revision_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut delete =
        db.prepare_cached("DELETE FROM packages WHERE revision_id = ?1 AND name = ?2")?;
    let mut insert = db.prepare_cached(
        "INSERT INTO packages (revision_id, name, size, sha256, sha512, media_type, platform, arch, channel, external_url, added_at, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let now = now.to_string();
    let mut ids = Vec::new();
    for p in packages {
        if !taken.insert(p.name.clone()) {
            delete.execute(params![revision_id, p.name])?;
        }
        insert.execute(params![
            revision_id,
            p.name,
            p.size as i64,
            p.sha256,
            p.sha512,
            p.media_type,
            p.platform,
            p.arch,
            p.channel,
            p.external_url,
            now,
            p.source
        ])?;
        ids.push(db.last_insert_rowid());
    }
    Ok(ids)
}

/// Removes a package from a (draft) revision; false if there was none of that name.
pub fn delete_package(db: &Connection, revision_id: i64, name: &str) -> anyhow::Result<bool> {
    Ok(db
        .prepare_cached("DELETE FROM packages WHERE revision_id = ?1 AND name = ?2")?
        .execute(params![revision_id, name])?
        == 1)
}

/// Copies every package and signature of one revision into another (rc2 starts from rc1).
pub fn copy_packages(db: &Connection, from: i64, to: i64, now: Time) -> anyhow::Result<()> {
    let from = packages(db, from)?;
    let ids = put_packages(db, to, from.iter().map(|p| &p.package), now)?;
    for (p, id) in from.into_iter().zip(ids) {
        for s in p.signatures {
            put_signature(db, id, &s)?;
        }
    }
    Ok(())
}

/// Records a signature of a package (one per primary key; a new one replaces the old).
pub fn put_signature(db: &Connection, package_id: i64, s: &Signature) -> anyhow::Result<()> {
    db.prepare_cached("DELETE FROM signatures WHERE package_id = ?1 AND fingerprint = ?2")?
        .execute(params![package_id, s.fingerprint])?;
    db.prepare_cached(
        "INSERT INTO signatures (package_id, fingerprint, signer_fpr, armored, signed_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![package_id, s.fingerprint, s.signer, s.armored, s.signed_at])?;
    Ok(())
}

/// Marks a release revoked with its reason.
pub fn revoke(db: &Connection, release_id: i64, reason: &str, now: Time) -> anyhow::Result<()> {
    db.prepare_cached("UPDATE releases SET revoked_at = ?2, reason = ?3 WHERE id = ?1")?
        .execute(params![release_id, now, reason])?;
    Ok(())
}

/// The newest revision whose vote passed, if any.
pub fn passed_revision(db: &Connection, release_id: i64) -> anyhow::Result<Option<Revision>> {
    Ok(db.prepare_cached(&format!("SELECT {REVISION_COLS} FROM revisions WHERE release_id = ?1 AND phase = 'passed' ORDER BY number DESC LIMIT 1"))?.query_row(
            [release_id],
            row_to_revision,
        )
        .optional()?)
}

/// Whether any package (of any revision) still refers to this object.
pub fn object_referenced(db: &Connection, sha256: &str) -> anyhow::Result<bool> {
    Ok(db
        .prepare_cached(
            "SELECT count(*) > 0 FROM packages WHERE sha256 = ?1 AND external_url IS NULL",
        )?
        .query_row([sha256], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A package goes only into a draft revision: `put_packages` refuses a frozen one itself,
    /// with the words of the schema's trigger, so that fsck's scratch index can leave the
    /// trigger out and a replay still voids the same events.
    #[test]
    fn packages_go_only_into_a_draft_revision_even_without_the_trigger() {
        let mut db = Connection::open_in_memory().unwrap();
        crate::store::schema::migrate(&mut db).unwrap();
        db.execute_batch(
            "DROP TRIGGER packages_frozen_insert;
             INSERT INTO projects (target, key, name, created_at) VALUES ('demo', 'demo', 'Demo', 't');
             INSERT INTO releases (id, project, target, version, stage, phase, created_at)
                 VALUES (1, 'demo', 'demo', '1.0', 'candidate', 'voting', 't');
             INSERT INTO revisions (id, release_id, number, phase, created_at)
                 VALUES (1, 1, 1, 'voting', 't'), (2, 1, 2, 'draft', 't');",
        )
        .unwrap();
        let p = Package {
            name: "demo-1.0.tar.gz".into(),
            size: 3,
            sha256: "ab".repeat(32),
            sha512: Some("cd".repeat(64)),
            media_type: None,
            platform: None,
            arch: None,
            channel: None,
            external_url: None,
            source: None,
        };
        let now: Time = "2027-01-05T10:00:00Z".parse().unwrap();
        let err = put_packages(&db, 1, [&p], now).unwrap_err();
        assert_eq!(err.to_string(), "the revision is frozen");
        assert_eq!(put_packages(&db, 2, [&p], now).unwrap().len(), 1);
        let count: i64 = db
            .query_row("SELECT count(*) FROM packages", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 1);
    }
}
