//! CVEs and their links to targets and releases: rows and SQL.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::releases;
use crate::model::Version;

#[derive(Debug, Clone, Serialize)]
pub struct Cve {
    pub id: String,
    pub title: String,
    pub date: String,
    pub severity: Option<String>,
    pub state: Option<String>,
    pub created_at: String,
    /// `target` or `target@version` for each link.
    pub links: Vec<String>,
}

pub fn get(db: &Connection, id: &str) -> anyhow::Result<Option<Cve>> {
    let c = db
        .query_row(
            "SELECT id, title, date, severity, state, created_at FROM cves WHERE id = ?1",
            [id],
            |r| {
                Ok(Cve {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    date: r.get(2)?,
                    severity: r.get(3)?,
                    state: r.get(4)?,
                    created_at: r.get(5)?,
                    links: vec![],
                })
            },
        )
        .optional()?;
    c.map(|c| with_links(db, c)).transpose()
}

fn with_links(db: &Connection, mut c: Cve) -> anyhow::Result<Cve> {
    let mut stmt = db.prepare(
        "SELECT l.target, r.version FROM cve_links l LEFT JOIN releases r ON r.id = l.release_id
         WHERE l.cve = ?1",
    )?;
    let mut links: Vec<(String, Option<Version>)> = stmt
        .query_map([&c.id], |r| {
            let version = match r.get_ref(1)? {
                ValueRef::Null => None,
                _ => Some(releases::version(r, 1)?),
            };
            Ok((r.get(0)?, version))
        })?
        .collect::<Result<_, _>>()?;
    // By target, the target itself first, then its releases in version order.
    links.sort();
    c.links = links
        .into_iter()
        .map(|(t, v)| match v {
            Some(v) => format!("{t}@{v}"),
            None => t,
        })
        .collect();
    Ok(c)
}

pub fn insert(db: &Connection, c: &Cve) -> anyhow::Result<()> {
    db.execute(
        "INSERT INTO cves (id, title, date, severity, state, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![c.id, c.title, c.date, c.severity, c.state, c.created_at],
    )?;
    Ok(())
}

/// Links a CVE to a target (release None) or a release; false if the link existed.
pub fn link(
    db: &Connection,
    cve: &str,
    target: &str,
    release_id: Option<i64>,
    now: &str,
) -> anyhow::Result<bool> {
    let exists: bool = db.query_row(
        "SELECT count(*) > 0 FROM cve_links WHERE cve = ?1 AND target = ?2 AND release_id IS ?3",
        params![cve, target, release_id],
        |r| r.get(0),
    )?;
    if exists {
        return Ok(false);
    }
    db.execute(
        "INSERT INTO cve_links (cve, target, release_id, linked_at) VALUES (?1, ?2, ?3, ?4)",
        params![cve, target, release_id, now],
    )?;
    Ok(true)
}

/// CVEs linked to a target (and its products for a project), or all.
pub fn list(db: &Connection, target: Option<&str>) -> anyhow::Result<Vec<Cve>> {
    let mut stmt = db.prepare(
        "SELECT DISTINCT c.id FROM cves c LEFT JOIN cve_links l ON l.cve = c.id
         WHERE ?1 IS NULL OR l.target = ?1 OR l.target LIKE ?1 || '/%'
         ORDER BY c.id",
    )?;
    let ids: Vec<String> = stmt
        .query_map([target], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.iter()
        .filter_map(|id| get(db, id).transpose())
        .collect()
}

/// CVEs that concern a release: linked to it, or to its target without a version.
pub fn of_release(db: &Connection, release_id: i64, target: &str) -> anyhow::Result<Vec<Cve>> {
    let mut stmt = db.prepare(
        "SELECT DISTINCT cve FROM cve_links WHERE release_id = ?1 OR (release_id IS NULL AND target = ?2) ORDER BY cve",
    )?;
    let ids: Vec<String> = stmt
        .query_map(params![release_id, target], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.iter()
        .filter_map(|id| get(db, id).transpose())
        .collect()
}

/// CVEs linked to exactly this release.
pub fn linked_to_release(db: &Connection, release_id: i64) -> anyhow::Result<Vec<String>> {
    let mut stmt =
        db.prepare("SELECT DISTINCT cve FROM cve_links WHERE release_id = ?1 ORDER BY cve")?;
    let ids = stmt
        .query_map([release_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}
