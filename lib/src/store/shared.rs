//! The store's side of the shared history (SPEC §6): which events went to this clone's git ref,
//! and replacing the index by a rebuilt one. The store never runs git: the records the events
//! travel as, and the export into the clone's ref, are [`crate::ops::share`]'s.

use rusqlite::{Connection, OptionalExtension, params};

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

impl Store {
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
