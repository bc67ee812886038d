//! The names a shell completes from the store (`relmgr release show de<TAB>`): release
//! references and user ids, read on a read-only connection of their own.

use rusqlite::Connection;

/// Every release as `target@version` (e.g. `demo@1.2.0`), by target, oldest first.
pub fn release_refs(db: &Connection) -> anyhow::Result<Vec<String>> {
    let mut st = db.prepare("SELECT target || '@' || version FROM releases ORDER BY target, id")?;
    let rows = st.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every user id with its name, if one is kept (personal data: only for consenting users).
pub fn user_ids(db: &Connection) -> anyhow::Result<Vec<(String, Option<String>)>> {
    let mut st = db.prepare("SELECT id, name FROM users ORDER BY id")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
