//! Integrity queries for `fsck`: SQLite's own checks and the index's view of objects.

use std::collections::HashMap;

use rusqlite::Connection;

use super::releases;
use crate::model::Version;

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
    pub release_id: i64,
    pub target: String,
    pub version: String,
    /// The revision's number (`rcN`).
    pub revision: u32,
    pub name: String,
    /// (fingerprint, armored) of each stored signature, by fingerprint.
    pub signatures: Vec<(String, String)>,
}

/// Every managed package of every revision with its signatures, by target, version (SPEC §4),
/// revision and name: two queries, whatever the number of packages.
pub fn managed_packages(db: &Connection) -> anyhow::Result<Vec<Managed>> {
    let mut sigs: HashMap<i64, Vec<(String, String)>> = HashMap::new();
    let mut stmt = db.prepare(
        "SELECT package_id, fingerprint, armored FROM signatures ORDER BY package_id, fingerprint",
    )?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?))))? {
        let (id, sig) = row?;
        sigs.entry(id).or_default().push(sig);
    }
    let mut stmt = db.prepare(
        "SELECT r.target, r.version, v.number, p.name, p.sha256, p.sha512, p.id, r.id
         FROM packages p JOIN revisions v ON v.id = p.revision_id JOIN releases r ON r.id = v.release_id
         WHERE p.external_url IS NULL",
    )?;
    let rows = stmt.query_map([], |r| {
        let key: (String, Version, u32, String) =
            (r.get(0)?, releases::version(r, 1)?, r.get(2)?, r.get(3)?);
        let id: i64 = r.get(6)?;
        Ok((
            key.clone(),
            Managed {
                place: format!("{}@{} rc{} {}", key.0, key.1, key.2, key.3),
                sha256: r.get(4)?,
                sha512: r.get(5)?,
                id,
                release_id: r.get(7)?,
                version: key.1.to_string(),
                target: key.0,
                revision: key.2,
                name: key.3,
                signatures: vec![],
            },
        ))
    })?;
    let out: Vec<_> = rows.collect::<Result<_, _>>()?;
    // Versions compare by parsing (SPEC §4): rank each distinct (target, version) once, then
    // sort the packages by rank, revision and name, not 100,000 packages by parsed versions.
    let mut releases: Vec<(&String, &Version)> = out
        .iter()
        .map(|(k, _)| (&k.0, &k.1))
        .collect::<std::collections::HashSet<_>>()
        .into_iter()
        .collect();
    releases.sort_unstable();
    let rank: HashMap<(&String, &Version), usize> = releases
        .into_iter()
        .enumerate()
        .map(|(i, r)| (r, i))
        .collect();
    let mut order: Vec<(usize, u32, &String, usize)> = out
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (rank[&(&k.0, &k.1)], k.2, &k.3, i))
        .collect();
    order.sort_unstable();
    let order: Vec<usize> = order.into_iter().map(|(.., i)| i).collect();
    let mut slots: Vec<Option<_>> = out.into_iter().map(Some).collect();
    let out: Vec<_> = order
        .into_iter()
        .map(|i| slots[i].take().expect("once"))
        .collect();
    Ok(out
        .into_iter()
        .map(|(_, mut m)| {
            m.signatures = sigs.remove(&m.id).unwrap_or_default();
            m
        })
        .collect())
}

/// Per table, its compared rows, sorted.
pub type State = Vec<(&'static str, Vec<String>)>;

/// A second, read-only connection to the index of the store at `dir` (its `.relmgr`), for a
/// check that runs on another thread (a connection is used by one thread at a time).
pub fn open_read_only(dir: &std::path::Path) -> anyhow::Result<Connection> {
    let db = Connection::open_with_flags(
        dir.join("index.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    db.busy_timeout(std::time::Duration::from_secs(60))?;
    // A check reads the whole index, some tables more than once: mapped, its pages cost no
    // read() each.
    db.pragma_update(None, "mmap_size", MMAP_SIZE)?;
    Ok(db)
}

/// How much of the index a read-only check maps into memory (SQLite's `mmap_size`).
const MMAP_SIZE: i64 = 1 << 30;

/// The state `fsck` compares between the live index and one rebuilt from the event log: per
/// table, its rows as text over the columns that events determine (no times, no personal data).
pub fn state(db: &Connection) -> anyhow::Result<State> {
    const QUERIES: &[(&str, &str)] = &[
        (
            "users",
            "SELECT id || '|' || kind || '|' || consent FROM users",
        ),
        (
            "projects",
            "SELECT target || '|' || name || '|' || coalesce(description,'') || '|' || coalesce(homepage,'') || '|' || coalesce(source_url,'') || '|' || coalesce(license,'') || '|' || coalesce(support_url,'') || '|' || notify_emails || '|' || coalesce(version,'') || '|' || header_licenses FROM projects",
        ),
        (
            "roles",
            "SELECT project || '|' || user_id || '|' || role FROM roles",
        ),
        (
            "keys",
            "SELECT fingerprint || '|' || coalesce(user_id,'') || '|' || (retired_at IS NOT NULL) || '|' || armored FROM keys",
        ),
        (
            "policies",
            "SELECT target || '|' || version || '|' || coalesce(min_hours,'-') || '|' || coalesce(manual,'-') || '|' || coalesce(pause_on_veto,'-') || '|' || coalesce(checklist,'-') FROM policies",
        ),
        (
            "releases",
            "SELECT target || '@' || version || '|' || stage || '|' || coalesce(phase,'') || '|' || coalesce(reason,'') FROM releases",
        ),
        (
            "revisions",
            "SELECT r.target || '@' || r.version || '|rc' || v.number || '|' || v.phase FROM revisions v JOIN releases r ON r.id = v.release_id",
        ),
        (
            "packages",
            "SELECT r.target || '@' || r.version || '|rc' || v.number || '|' || p.name || '|' || p.size || '|' || p.sha256 || '|' || coalesce(p.sha512,'') || '|' || coalesce(p.platform,'') || '|' || coalesce(p.arch,'') || '|' || coalesce(p.channel,'') || '|' || coalesce(p.external_url,'') || '|' || coalesce(p.source,'-') FROM packages p JOIN revisions v ON v.id = p.revision_id JOIN releases r ON r.id = v.release_id",
        ),
        (
            "signatures",
            "SELECT r.target || '@' || r.version || '|rc' || v.number || '|' || p.name || '|' || s.fingerprint || '|' || s.armored FROM signatures s JOIN packages p ON p.id = s.package_id JOIN revisions v ON v.id = p.revision_id JOIN releases r ON r.id = v.release_id",
        ),
        (
            "votes",
            "SELECT r.target || '@' || r.version || '|rc' || v.number || '|' || coalesce(o.outcome,'open') || '|' || coalesce(o.closure,'') FROM vote_rounds o JOIN revisions v ON v.id = o.revision_id JOIN releases r ON r.id = v.release_id",
        ),
        (
            "ballots",
            "SELECT r.target || '@' || r.version || '|rc' || v.number || '|' || b.voter || '|' || b.value || '|' || b.binding || '|' || b.source FROM ballots b JOIN revisions v ON v.id = b.revision_id JOIN releases r ON r.id = v.release_id",
        ),
        (
            "cves",
            "SELECT id || '|' || title || '|' || date || '|' || coalesce(severity,'') || '|' || coalesce(state,'') FROM cves",
        ),
        (
            "cve_links",
            "SELECT l.cve || '|' || l.target || '|' || coalesce(r.version,'') FROM cve_links l LEFT JOIN releases r ON r.id = l.release_id",
        ),
        (
            "check_ignores",
            "SELECT target || '|' || pattern || '|' || reason FROM check_ignores",
        ),
    ];
    let mut out = Vec::new();
    for (table, sql) in QUERIES {
        let mut stmt = db.prepare(sql)?;
        let mut rows: Vec<String> = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
        rows.sort();
        out.push((*table, rows));
    }
    Ok(out)
}

/// A fresh, empty index in memory with the current schema, for replaying the log into.
pub fn scratch_index() -> anyhow::Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // A scratch copy is thrown away: no journal, no syncs. Its CHECK constraints are off: every
    // row the replay writes was written by relmgr under the same CHECKs into the live index
    // (one transaction with its event, and the chain holds, else there is no replay), the
    // compared rows must equal the live ones, and the live index's CHECKs are verified by
    // `integrity_check`. Triggers and foreign keys stay on.
    conn.pragma_update(None, "journal_mode", "OFF")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    super::schema::migrate(&mut conn)?;
    conn.pragma_update(None, "ignore_check_constraints", "ON")?;
    conn.set_prepared_statement_cache_capacity(super::STATEMENT_CACHE);
    Ok(conn)
}
