//! Publications: the last snapshot version written into each publish directory.

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
