//! Integrity queries for `fsck`: SQLite's own checks and the index's view of objects.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::Connection;

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
    pub sha256: String,
    pub sha512: String,
    pub id: i64,
    pub release_id: i64,
    /// Its release's target and version, shared by the release's packages.
    pub target: Arc<str>,
    pub version: Arc<str>,
    /// The revision's number (`rcN`).
    pub revision: u32,
    pub name: String,
    /// (fingerprint, armored) of each stored signature, by fingerprint.
    pub signatures: Vec<(String, String)>,
}

impl Managed {
    /// `target@version rcN name`, for messages.
    pub fn place(&self) -> String {
        format!(
            "{}@{} rc{} {}",
            self.target, self.version, self.revision, self.name
        )
    }
}

/// Every managed package of every revision with its signatures, by target, version (SPEC §4),
/// revision and name: two queries, whatever the number of packages. Versions compare by
/// parsing: each release's version is parsed and ranked once, not once per package.
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
        "SELECT r.id, r.target, r.version, v.number, p.name, p.sha256, p.sha512, p.id
         FROM packages p JOIN revisions v ON v.id = p.revision_id JOIN releases r ON r.id = v.release_id
         WHERE p.external_url IS NULL",
    )?;
    // Each release's target and version, read once and shared by its packages' rows.
    let mut releases: HashMap<i64, (Arc<str>, Arc<str>)> = HashMap::new();
    let packages: Vec<Managed> = stmt
        .query_map([], |r| {
            let release_id: i64 = r.get(0)?;
            let (target, version) = match releases.entry(release_id) {
                std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
                std::collections::hash_map::Entry::Vacant(new) => {
                    let (target, version): (String, String) = (r.get(1)?, r.get(2)?);
                    new.insert((target.into(), version.into()))
                }
            };
            let (revision, name): (u32, String) = (r.get(3)?, r.get(4)?);
            let id: i64 = r.get(7)?;
            Ok(Managed {
                sha256: r.get(5)?,
                sha512: r.get(6)?,
                id,
                release_id,
                target: target.clone(),
                version: version.clone(),
                revision,
                name,
                signatures: sigs.remove(&id).unwrap_or_default(),
            })
        })?
        .collect::<Result<_, _>>()?;
    // Versions compare by parsing (SPEC §4): each release's version is parsed and ranked once.
    let mut order: Vec<(&str, Version, i64)> = Vec::with_capacity(releases.len());
    for (id, (target, text)) in &releases {
        let version = super::releases::parse_version(text).map_err(anyhow::Error::msg)?;
        order.push((target, version, *id));
    }
    order.sort_unstable();
    let rank: HashMap<i64, usize> = order
        .into_iter()
        .enumerate()
        .map(|(i, (.., id))| (id, i))
        .collect();
    let mut packages = packages;
    packages.sort_unstable_by(|a, b| {
        (rank[&a.release_id], a.revision, &a.name).cmp(&(rank[&b.release_id], b.revision, &b.name))
    });
    Ok(packages)
}

/// Per table, its compared rows, sorted.
pub type State = Vec<(&'static str, Vec<String>)>;

/// A second, read-only connection to the index of the store at `dir` (its `.relmgr`), for a
/// check that runs on another thread (a connection is used by one thread at a time).
pub fn open_read_only(dir: &std::path::Path) -> anyhow::Result<Connection> {
    open_for_reading(dir, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
}

/// A connection to the index of the store at `dir` for SQLite's own checks
/// ([`sqlite_problems`]), opened for writing though it writes nothing (`query_only`): SQLite
/// parses a table's CHECK constraints only on a connection that may write, and
/// `integrity_check` verifies only the constraints it parsed (on a read-only connection, none).
pub fn open_for_checks(dir: &std::path::Path) -> anyhow::Result<Connection> {
    let db = open_for_reading(dir, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    db.pragma_update(None, "query_only", "ON")?;
    Ok(db)
}

/// A connection of its own to the index of the store at `dir`, opened with `mode`, for reading
/// the whole index.
fn open_for_reading(
    dir: &std::path::Path,
    mode: rusqlite::OpenFlags,
) -> anyhow::Result<Connection> {
    let db = Connection::open_with_flags(
        dir.join("index.db"),
        mode | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    db.busy_timeout(std::time::Duration::from_secs(60))?;
    // A check reads the whole index, some tables more than once: mapped, its pages cost no
    // read() each.
    db.pragma_update(None, "mmap_size", MMAP_SIZE)?;
    super::statements(&db)?;
    Ok(db)
}

/// How much of the index a check maps into memory (SQLite's `mmap_size`).
const MMAP_SIZE: i64 = 1 << 30;

/// The rows `fsck` compares between the live index and one rebuilt from the event log: per
/// table, one text per row over the columns that events determine (no times, no personal data).
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

/// The compared rows of one of the [`QUERIES`] tables, sorted.
pub fn rows(db: &Connection, table: &str) -> anyhow::Result<Vec<String>> {
    let (_, sql) = QUERIES
        .iter()
        .find(|(t, _)| *t == table)
        .ok_or_else(|| anyhow::anyhow!("no compared table {table}"))?;
    let mut stmt = db.prepare(sql)?;
    let mut rows: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<_, _>>()?;
    rows.sort();
    Ok(rows)
}

/// Per table, a digest of the compared rows that does not depend on their order: how many,
/// and the sum of their hashes under `key`. Read without copying a row: two indexes whose
/// digests agree under a key drawn for this run hold the same rows (short of a 64-bit
/// collision nobody can aim at without the key); where they disagree, [`rows`] says how.
pub fn digests(
    db: &Connection,
    key: &std::hash::RandomState,
) -> anyhow::Result<Vec<(&'static str, (u64, u64))>> {
    use std::hash::BuildHasher;
    let mut out = Vec::with_capacity(QUERIES.len());
    for (table, sql) in QUERIES {
        let mut stmt = db.prepare(sql)?;
        let mut rows = stmt.query([])?;
        let (mut count, mut sum) = (0u64, 0u64);
        while let Some(r) = rows.next()? {
            let text = r.get_ref(0)?.as_bytes()?;
            count += 1;
            sum = sum.wrapping_add(key.hash_one(text));
        }
        out.push((*table, (count, sum)));
    }
    Ok(out)
}

/// A fresh, empty index in memory with the current schema, for replaying the log into.
pub fn scratch_index() -> anyhow::Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // A scratch copy is thrown away: its journal is in memory and nothing is synced. It keeps a
    // journal all the same: replay undoes an event whose apply fails half-way by rolling back
    // to the event's savepoint, which without one (`journal_mode` OFF) left the half behind.
    // Its CHECK constraints are off: every row the replay writes was written by relmgr under
    // the same CHECKs into the live index (one transaction with its event, and the chain
    // holds, else there is no replay), the compared rows must equal the live ones, and the
    // live index's CHECKs are verified by `integrity_check` (on a connection that parses them:
    // [`open_for_checks`]). Triggers and foreign keys stay on.
    conn.pragma_update(None, "journal_mode", "MEMORY")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    super::schema::migrate(&mut conn)?;
    conn.pragma_update(None, "ignore_check_constraints", "ON")?;
    // Indexes no replayed event reads through (commands look objects up by SHA-256; `apply`
    // never does) are left out: each cost a B-tree insert per row, a third of the replay. So is
    // the trigger that refuses a package in a frozen revision row by row: packages are written
    // only by `releases::put_packages`, which refuses such a revision itself, once per event
    // (the trigger's lookup per row was a quarter of the replay). The trigger that refuses a
    // digest that is not lower-case hex goes too, for the reason the CHECKs are off.
    conn.execute_batch(
        "DROP INDEX packages_by_sha256; DROP TRIGGER packages_frozen_insert; \
         DROP TRIGGER packages_hex_insert;",
    )?;
    super::statements(&conn)?;
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use rusqlite::StatementStatus;

    #[test]
    fn a_cached_statement_is_not_prepared_again_for_each_new_binding() {
        // Without a stable plan, SQLite parsed this statement again whenever `?1` went from
        // 0 or 1 to another value and back: a quarter of a replay's time.
        let db = super::scratch_index().unwrap();
        let mut stmt = db
            .prepare_cached(
                "SELECT coalesce(max(seq), 0) + 1 FROM stage_history WHERE release_id = ?1",
            )
            .unwrap();
        for id in [0, 1, 2, 1, 0, 5, 1] {
            let next: i64 = stmt.query_row([id], |r| r.get(0)).unwrap();
            assert_eq!(next, 1);
        }
        assert_eq!(stmt.get_status(StatementStatus::RePrepare), 0);
    }

    #[test]
    fn a_savepoint_rolled_back_in_the_scratch_index_leaves_nothing_behind() {
        // Replay undoes an event whose apply fails half-way (ROLLBACK TO its savepoint).
        let mut db = super::scratch_index().unwrap();
        let tx = db.transaction().unwrap();
        tx.execute_batch(
            "INSERT INTO users (id, kind, consent, created_at) VALUES ('a', 'person', 0, '2026-01-01T00:00:00Z');
             SAVEPOINT event;
             INSERT INTO users (id, kind, consent, created_at) VALUES ('b', 'person', 0, '2026-01-01T00:00:00Z');
             ROLLBACK TO event;
             RELEASE event;",
        )
        .unwrap();
        let users: Vec<String> = tx
            .prepare("SELECT id FROM users ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(users, ["a"]);
    }

    #[test]
    fn managed_packages_come_by_target_then_version_order_then_revision_and_name() {
        let db = super::scratch_index().unwrap();
        db.execute_batch(
            "INSERT INTO projects (target, key, name, created_at)
                 VALUES ('p', 'p', 'p', '2026-01-01T00:00:00Z');
             INSERT INTO releases (id, project, target, version, stage, phase, created_at) VALUES
               (1, 'p', 'p', '1.10', 'candidate', 'draft', '2026-01-01T00:00:00Z'),
               (2, 'p', 'p', '1.9', 'candidate', 'draft', '2026-01-01T00:00:00Z');
             INSERT INTO revisions (id, release_id, number, phase, created_at) VALUES
               (1, 1, 1, 'draft', '2026-01-01T00:00:00Z'),
               (2, 2, 2, 'draft', '2026-01-01T00:00:00Z'),
               (3, 2, 1, 'draft', '2026-01-01T00:00:00Z');",
        )
        .unwrap();
        let sha = "a".repeat(64);
        for (rev, name) in [(1, "z"), (1, "a"), (2, "b"), (3, "c")] {
            db.execute(
                "INSERT INTO packages (revision_id, name, size, sha256, sha512, added_at)
                 VALUES (?1, ?2, 1, ?3, ?4, '2026-01-01T00:00:00Z')",
                rusqlite::params![rev, name, sha, "b".repeat(128)],
            )
            .unwrap();
        }
        let got: Vec<String> = super::managed_packages(&db)
            .unwrap()
            .iter()
            .map(|m| m.place())
            .collect();
        assert_eq!(
            got,
            ["p@1.9 rc1 c", "p@1.9 rc2 b", "p@1.10 rc1 a", "p@1.10 rc1 z"]
        );
    }
}
