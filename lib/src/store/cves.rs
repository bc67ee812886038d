//! CVEs and their links to targets and releases: rows and SQL.

use std::collections::HashMap;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, params};

use super::releases;
use crate::model::{Cve, Time, Version};

/// A CVE from `SELECT id, title, date, severity, state, created_at`, without its links.
fn row_to_cve(r: &rusqlite::Row<'_>) -> rusqlite::Result<Cve> {
    Ok(Cve {
        id: r.get(0)?,
        title: r.get(1)?,
        date: r.get(2)?,
        severity: r.get(3)?,
        state: r.get(4)?,
        created_at: r.get(5)?,
        links: vec![],
    })
}

pub fn get(db: &Connection, id: &str) -> anyhow::Result<Option<Cve>> {
    let c = db
        .query_row(
            "SELECT id, title, date, severity, state, created_at FROM cves WHERE id = ?1",
            [id],
            row_to_cve,
        )
        .optional()?;
    c.map(|c| with_links(db, c)).transpose()
}

fn with_links(db: &Connection, c: Cve) -> anyhow::Result<Cve> {
    let mut one = vec![c];
    attach_links(db, &mut one)?;
    Ok(one.pop().expect("one CVE in, one out"))
}

/// Fills in the links of many CVEs with one query (never one per CVE).
fn attach_links(db: &Connection, list: &mut [Cve]) -> anyhow::Result<()> {
    if list.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = list.iter().map(|c| c.id.as_str()).collect();
    let mut stmt = db.prepare_cached(
        "SELECT l.cve, l.target, r.version FROM cve_links l LEFT JOIN releases r ON r.id = l.release_id
         WHERE l.cve IN (SELECT value FROM json_each(?1))",
    )?;
    let mut by_cve: HashMap<String, Vec<(String, Option<Version>)>> = HashMap::new();
    let rows = stmt.query_map([serde_json::to_string(&ids)?], |r| {
        let version = match r.get_ref(2)? {
            ValueRef::Null => None,
            _ => Some(releases::version(r, 2)?),
        };
        Ok((r.get::<_, String>(0)?, (r.get(1)?, version)))
    })?;
    for row in rows {
        let (cve, link) = row?;
        by_cve.entry(cve).or_default().push(link);
    }
    for c in list {
        let mut links = by_cve.remove(c.id.as_str()).unwrap_or_default();
        // By target, the target itself first, then its releases in version order.
        links.sort();
        c.links = links
            .into_iter()
            .map(|(t, v)| match v {
                Some(v) => format!("{t}@{v}"),
                None => t,
            })
            .collect();
    }
    Ok(())
}

/// CVEs by id, with their links, in the order given; unknown ids are skipped.
fn get_many(db: &Connection, ids: &[String]) -> anyhow::Result<Vec<Cve>> {
    let mut stmt = db.prepare_cached(
        "SELECT id, title, date, severity, state, created_at FROM cves
         WHERE id IN (SELECT value FROM json_each(?1))",
    )?;
    let mut found: HashMap<String, Cve> = stmt
        .query_map([serde_json::to_string(ids)?], row_to_cve)?
        .map(|c| c.map(|c| (c.id.to_string(), c)))
        .collect::<Result<_, _>>()?;
    let mut out: Vec<Cve> = ids.iter().filter_map(|id| found.remove(id)).collect();
    attach_links(db, &mut out)?;
    Ok(out)
}

/// The CVE ids that concern each of many releases (linked to it, or to its target without a
/// version), sorted, with two queries whatever the number of releases.
pub fn ids_of_releases(
    db: &Connection,
    releases: &[(i64, &str)],
) -> anyhow::Result<HashMap<i64, Vec<String>>> {
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    if releases.is_empty() {
        return Ok(out);
    }
    let ids: Vec<i64> = releases.iter().map(|(id, _)| *id).collect();
    let mut stmt = db.prepare_cached(
        "SELECT release_id, cve FROM cve_links WHERE release_id IN (SELECT value FROM json_each(?1))",
    )?;
    for row in stmt.query_map([serde_json::to_string(&ids)?], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })? {
        let (id, cve) = row?;
        out.entry(id).or_default().push(cve);
    }
    let mut stmt =
        db.prepare_cached("SELECT target, cve FROM cve_links WHERE release_id IS NULL")?;
    let mut of_target: HashMap<String, Vec<String>> = HashMap::new();
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (target, cve) = row?;
        of_target.entry(target).or_default().push(cve);
    }
    for (id, target) in releases {
        if let Some(more) = of_target.get(*target) {
            out.entry(*id).or_default().extend(more.iter().cloned());
        }
    }
    for list in out.values_mut() {
        list.sort();
        list.dedup();
    }
    Ok(out)
}

pub fn insert(db: &Connection, c: &Cve) -> anyhow::Result<()> {
    db.execute(
        "INSERT INTO cves (id, title, date, severity, state, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![c.id, c.title, c.date, c.severity, c.state, c.created_at],
    )?;
    Ok(())
}

/// Links a CVE to a target (release None) or a release; false if the link existed.
/// Whether `cve` is linked to `target` (and the release, when given).
pub fn is_linked(
    db: &Connection,
    cve: &str,
    target: &str,
    release_id: Option<i64>,
) -> anyhow::Result<bool> {
    Ok(db.query_row(
        "SELECT count(*) > 0 FROM cve_links WHERE cve = ?1 AND target = ?2 AND release_id IS ?3",
        params![cve, target, release_id],
        |r| r.get(0),
    )?)
}

pub fn link(
    db: &Connection,
    cve: &str,
    target: &str,
    release_id: Option<i64>,
    now: Time,
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
    get_many(db, &ids)
}

/// CVEs that concern a release: linked to it, or to its target without a version.
pub fn of_release(db: &Connection, release_id: i64, target: &str) -> anyhow::Result<Vec<Cve>> {
    let mut stmt = db.prepare(
        "SELECT DISTINCT cve FROM cve_links WHERE release_id = ?1 OR (release_id IS NULL AND target = ?2) ORDER BY cve",
    )?;
    let ids: Vec<String> = stmt
        .query_map(params![release_id, target], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    get_many(db, &ids)
}
