//! Integrity queries for `fsck`: SQLite's own checks and the index's view of objects.

use rusqlite::Connection;

/// `PRAGMA integrity_check` and `foreign_key_check` problems, as text.
pub fn sqlite_problems(db: &Connection) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stmt = db.prepare("PRAGMA integrity_check")?;
    for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let row = row?;
        if row != "ok" {
            out.push(format!("integrity_check: {row}"));
        }
    }
    let mut stmt = db.prepare("PRAGMA foreign_key_check")?;
    for row in stmt.query_map([], |r| {
        Ok(format!(
            "foreign key broken in {} row {:?}",
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?
        ))
    })? {
        out.push(row?);
    }
    Ok(out)
}

/// A managed package as fsck sees it.
#[derive(Debug, Clone)]
pub struct Managed {
    /// `target@version rcN name`, for messages.
    pub place: String,
    pub sha256: String,
    pub sha512: String,
    pub id: i64,
}

/// Every managed package of every revision.
pub fn managed_packages(db: &Connection) -> anyhow::Result<Vec<Managed>> {
    let mut stmt = db.prepare(
        "SELECT r.target || '@' || r.version, 'rc' || v.number, p.name, p.sha256, p.sha512, p.id
         FROM packages p JOIN revisions v ON v.id = p.revision_id JOIN releases r ON r.id = v.release_id
         WHERE p.external_url IS NULL ORDER BY r.target, r.version, v.number, p.name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Managed {
            place: format!(
                "{} {} {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?
            ),
            sha256: r.get(3)?,
            sha512: r.get(4)?,
            id: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every (release id, revision id) pair, for rebuilding trees.
pub fn all_revisions(db: &Connection) -> anyhow::Result<Vec<(i64, u32)>> {
    let mut stmt =
        db.prepare("SELECT release_id, number FROM revisions ORDER BY release_id, number")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// (fingerprint, armored) of each signature of a package.
pub fn signatures_of(db: &Connection, package_id: i64) -> anyhow::Result<Vec<(String, String)>> {
    let mut stmt = db.prepare(
        "SELECT fingerprint, armored FROM signatures WHERE package_id = ?1 ORDER BY fingerprint",
    )?;
    let rows = stmt.query_map([package_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
