//! The store's side of the shared history (SPEC §6): which events went to this clone's git ref,
//! the records they travel as, and reading records back into events.
//!
//! Each event travels as one record named by its hash, holding its canonical bytes
//! ([`events::record`]); its erasable personal data, when it has any, as a second record
//! `<hash>.pii`. Key certificates need no records of their own: the key events carry them.

use std::path::Path;

use anyhow::Context;
use rusqlite::{Connection, OptionalExtension, params};

use crate::git::{Record, Repo};
use crate::store::events::{self, Event};

use super::Store;

/// The `seq` up to which this clone's events are in its git ref.
pub fn exported_through(db: &Connection) -> anyhow::Result<i64> {
    Ok(db
        .query_row(
            "SELECT value FROM sync_state WHERE key = 'exported_through'",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

pub fn set_exported_through(db: &Connection, seq: i64) -> anyhow::Result<()> {
    db.execute(
        "INSERT INTO sync_state (key, value) VALUES ('exported_through', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![seq.to_string()],
    )?;
    Ok(())
}

/// The records of `events`.
pub fn records(events: &[Event]) -> Vec<Record> {
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        out.push(Record {
            name: e.hash.clone(),
            bytes: events::record(e),
        });
        if let Some(pii) = &e.pii {
            out.push(Record {
                name: format!("{}.pii", e.hash),
                bytes: events::canonical(pii).into_bytes(),
            });
        }
        if let Some(sig) = &e.signature {
            out.push(Record {
                name: format!("{}.asc", e.hash),
                bytes: sig.clone().into_bytes(),
            });
        }
    }
    out
}

/// A record that is not what its name says.
#[derive(Debug, thiserror::Error)]
#[error("history record {name}: {problem}")]
pub struct BadRecord {
    pub name: String,
    pub problem: String,
}

/// Reads records back into events: every event record must hash to its name (an edited event
/// does not), and personal data must match the hash its event holds (else it is left out).
pub fn events_of(records: &[Record]) -> Result<Vec<Event>, BadRecord> {
    let pii: std::collections::HashMap<&str, &[u8]> = records
        .iter()
        .filter_map(|r| Some((r.name.strip_suffix(".pii")?, r.bytes.as_slice())))
        .collect();
    let signatures: std::collections::HashMap<&str, &[u8]> = records
        .iter()
        .filter_map(|r| Some((r.name.strip_suffix(".asc")?, r.bytes.as_slice())))
        .collect();
    let mut out = Vec::with_capacity(records.len());
    for r in records.iter().filter(|r| !r.name.contains('.')) {
        let bad = |problem: &str| BadRecord {
            name: r.name.clone(),
            problem: problem.to_string(),
        };
        let mut e = events::from_record(&r.bytes).ok_or_else(|| bad("not an event record"))?;
        if e.hash != r.name {
            return Err(bad(
                "its content does not hash to its name: the event was edited",
            ));
        }
        if let Some(bytes) = pii.get(r.name.as_str())
            && let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes)
            && e.pii_hash.as_deref()
                == Some(events::sha256_hex(events::canonical(&value).as_bytes()).as_str())
        {
            e.pii = Some(value);
        }
        // Verified on replay, where its signer is found.
        e.signature = signatures
            .get(r.name.as_str())
            .map(|b| String::from_utf8_lossy(b).into_owned());
        out.push(e);
    }
    Ok(out)
}

/// The git repository that holds the store at `dir` (its `.relmgr`), if any: for a caller
/// that has the store's directory and not the store (fsck asks on a thread of its own).
pub fn repo_of(dir: &Path) -> anyhow::Result<Option<Repo>> {
    Ok(Repo::discover(dir.parent().unwrap_or(dir))?)
}

impl Store {
    /// The git repository that holds this store, if any.
    pub fn repo(&self) -> anyhow::Result<Option<Repo>> {
        repo_of(&self.dir)
    }

    /// Adds this clone's events that are not in its git ref yet. Returns how many.
    pub fn export(&mut self) -> anyhow::Result<usize> {
        let Some(clone) = self.config.clone_id.clone() else {
            return Ok(0);
        };
        let Some(repo) = self.repo()? else {
            return Ok(0);
        };
        let from = exported_through(&self.conn)?;
        let pending = events::after(&self.conn, from)?;
        let Some(last) = pending.last().map(|e| e.seq) else {
            return Ok(0);
        };
        let n = pending.len();
        let at = crate::clock::now()?;
        repo.append_new(&clone, &records(&pending), at)
            .context("while adding events to the shared history")?;
        set_exported_through(&self.conn, last)?;
        Ok(n)
    }

    /// Closes the index and puts `replacement` (a complete index file) in its place, then
    /// reopens it.
    pub fn replace_index(&mut self, replacement: &std::path::Path) -> anyhow::Result<()> {
        let index = self.dir.join("index.db");
        // A connection to a throwaway in-memory database holds the place while the file moves.
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        old.close().map_err(|(_, e)| e)?;
        for side in ["index.db-wal", "index.db-shm"] {
            let p = self.dir.join(side);
            if p.exists() {
                std::fs::remove_file(&p)?;
            }
        }
        std::fs::rename(replacement, &index)?;
        let mut conn = super::open_connection(&index, false)?;
        super::schema::migrate(&mut conn)?;
        self.conn = conn;
        Ok(())
    }

    /// A new, empty index file beside the live one, for a rebuild.
    pub fn scratch_file(&self) -> anyhow::Result<(std::path::PathBuf, Connection)> {
        let path = self
            .dir
            .join(format!("index.db.rebuild-{}", std::process::id()));
        if path.exists() {
            std::fs::remove_file(&path)?;
        }
        let mut conn = super::open_connection(&path, true)?;
        conn.pragma_update(None, "synchronous", "OFF")?;
        super::schema::migrate(&mut conn)?;
        Ok((path, conn))
    }

    /// The connection for this module's writers (sync's replay of new events).
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}
