//! Release-check ignores and stored check results: rows and SQL.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::model::Time;

#[derive(Debug, Clone, Serialize)]
pub struct IgnoreRow {
    pub target: String,
    pub pattern: String,
    pub reason: String,
    pub added_by: String,
    pub added_at: Time,
}

/// Ignores of these targets (a product's checks also honour its project's).
pub fn ignores(db: &Connection, targets: &[&str]) -> anyhow::Result<Vec<IgnoreRow>> {
    let mut out = Vec::new();
    let mut stmt = db.prepare(
        "SELECT target, pattern, reason, added_by, added_at FROM check_ignores WHERE target = ?1 ORDER BY pattern",
    )?;
    for t in targets {
        let rows = stmt.query_map([t], |r| {
            Ok(IgnoreRow {
                target: r.get(0)?,
                pattern: r.get(1)?,
                reason: r.get(2)?,
                added_by: r.get(3)?,
                added_at: r.get(4)?,
            })
        })?;
        for r in rows {
            out.push(r?);
        }
    }
    Ok(out)
}

/// Adds an ignore; false if the pattern was there already.
pub fn add_ignore(db: &Connection, row: &IgnoreRow) -> anyhow::Result<bool> {
    Ok(db.execute(
        "INSERT OR IGNORE INTO check_ignores (target, pattern, reason, added_by, added_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![row.target, row.pattern, row.reason, row.added_by, row.added_at],
    )? == 1)
}

/// Removes an ignore; false if there was none.
pub fn remove_ignore(db: &Connection, target: &str, pattern: &str) -> anyhow::Result<bool> {
    Ok(db.execute(
        "DELETE FROM check_ignores WHERE target = ?1 AND pattern = ?2",
        params![target, pattern],
    )? == 1)
}

/// Stores (replaces) the results of a revision's checks.
pub fn store_results(
    db: &Connection,
    revision_id: i64,
    results: &serde_json::Value,
    at: Time,
) -> anyhow::Result<()> {
    db.execute(
        "INSERT INTO check_results (revision_id, results, checked_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(revision_id) DO UPDATE SET results = excluded.results, checked_at = excluded.checked_at",
        params![revision_id, serde_json::to_string(results)?, at],
    )?;
    Ok(())
}
