//! Publications: the last snapshot version written into each publish directory, and the
//! highest snapshot version seen per project (written or verified), against rollbacks.

use rusqlite::{Connection, OptionalExtension, params};

use crate::model::Time;

pub fn version(db: &Connection, dir: &str) -> anyhow::Result<u64> {
    Ok(db
        .query_row(
            "SELECT version FROM publications WHERE dir = ?1",
            [dir],
            |r| r.get::<_, i64>(0),
        )
        .optional()?
        .map_or(0, |v| v as u64))
}

pub fn record(db: &Connection, dir: &str, version: u64, now: Time) -> anyhow::Result<()> {
    db.execute(
        "INSERT INTO publications (dir, version, published_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(dir) DO UPDATE SET version = excluded.version, published_at = excluded.published_at",
        params![dir, version as i64, now],
    )?;
    Ok(())
}

/// Every directory this store published into (`publish` records it resolved), with the last
/// snapshot version written there.
pub fn dirs(db: &Connection) -> anyhow::Result<Vec<(String, u64)>> {
    let mut stmt = db.prepare("SELECT dir, version FROM publications ORDER BY dir")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (dir, version) = row?;
        out.push((dir, version as u64));
    }
    Ok(out)
}

/// The highest `snapshot.json` version this store has written or verified, per project
/// (schema 8's `snapshots_seen`): `verify --dir` refuses an older one.
pub fn seen(db: &Connection) -> anyhow::Result<std::collections::BTreeMap<String, u64>> {
    let mut stmt = db.prepare("SELECT project, version FROM snapshots_seen")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    let mut out = std::collections::BTreeMap::new();
    for row in rows {
        let (project, version) = row?;
        out.insert(project, version as u64);
    }
    Ok(out)
}

/// Records that `project`'s snapshot `version` was seen; a lower one never replaces a higher.
pub fn saw(db: &Connection, project: &str, version: u64, now: Time) -> anyhow::Result<()> {
    db.execute(
        "INSERT INTO snapshots_seen (project, version, seen_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(project) DO UPDATE SET version = excluded.version, seen_at = excluded.seen_at
         WHERE excluded.version > snapshots_seen.version",
        params![project, version as i64, now],
    )?;
    Ok(())
}
