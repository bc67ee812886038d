//! Public signing keys: their rows and their SQL, plus `keys/<FINGERPRINT>.asc` files.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use crate::model::Time;

/// A subkey as stored.
#[derive(Debug, Clone, Serialize)]
pub struct SubkeyRecord {
    pub fingerprint: crate::model::Fingerprint,
    pub key_id: String,
    pub algorithm: String,
    pub bits: Option<u32>,
    pub created_at: Time,
    pub expires_at: Option<Time>,
    pub for_signing: bool,
}

/// A key as stored (the certificate's armor is in `keys/<FINGERPRINT>.asc`).
#[derive(Debug, Clone, Serialize)]
pub struct KeyRecord {
    pub fingerprint: crate::model::Fingerprint,
    pub key_id: String,
    pub user: Option<String>,
    pub algorithm: String,
    pub bits: Option<u32>,
    pub created_at: Time,
    pub expires_at: Option<Time>,
    pub revoked_at: Option<Time>,
    pub revocation: Option<String>,
    pub user_ids: Vec<String>,
    pub can_sign: bool,
    pub retired_at: Option<Time>,
    pub imported_at: Time,
    /// The public certificate, ASCII-armored (never secret material).
    #[serde(skip)]
    pub armored: String,
    pub subkeys: Vec<SubkeyRecord>,
}

const COLS: &str = "fingerprint, key_id, user_id, algorithm, bits, created_at, expires_at, revoked_at, revocation, user_ids, can_sign, retired_at, imported_at, armored";

fn row_to_key(r: &Row<'_>) -> rusqlite::Result<KeyRecord> {
    let uids: String = r.get(9)?;
    Ok(KeyRecord {
        fingerprint: r.get(0)?,
        key_id: r.get(1)?,
        user: r.get(2)?,
        algorithm: r.get(3)?,
        bits: r.get(4)?,
        created_at: r.get(5)?,
        expires_at: r.get(6)?,
        revoked_at: r.get(7)?,
        revocation: r.get(8)?,
        user_ids: serde_json::from_str(&uids).unwrap_or_default(),
        can_sign: r.get(10)?,
        retired_at: r.get(11)?,
        imported_at: r.get(12)?,
        armored: r.get(13)?,
        subkeys: vec![],
    })
}

fn with_subkeys(db: &Connection, k: KeyRecord) -> anyhow::Result<KeyRecord> {
    let mut one = vec![k];
    attach_subkeys(db, &mut one)?;
    Ok(one.pop().expect("one key in, one out"))
}

/// Fills in the subkeys of many keys with one query (never one per key).
fn attach_subkeys(db: &Connection, list: &mut [KeyRecord]) -> anyhow::Result<()> {
    if list.is_empty() {
        return Ok(());
    }
    let fprs: Vec<&str> = list.iter().map(|k| k.fingerprint.as_str()).collect();
    let mut stmt = db.prepare_cached(
        "SELECT primary_fpr, fingerprint, key_id, algorithm, bits, created_at, expires_at, for_signing
         FROM subkeys WHERE primary_fpr IN (SELECT value FROM json_each(?1))
         ORDER BY primary_fpr, created_at, fingerprint",
    )?;
    let mut by_primary: std::collections::HashMap<String, Vec<SubkeyRecord>> =
        std::collections::HashMap::new();
    let rows = stmt.query_map([serde_json::to_string(&fprs)?], |r| {
        Ok((
            r.get::<_, String>(0)?,
            SubkeyRecord {
                fingerprint: r.get(1)?,
                key_id: r.get(2)?,
                algorithm: r.get(3)?,
                bits: r.get(4)?,
                created_at: r.get(5)?,
                expires_at: r.get(6)?,
                for_signing: r.get(7)?,
            },
        ))
    })?;
    for row in rows {
        let (primary, sub) = row?;
        by_primary.entry(primary).or_default().push(sub);
    }
    for k in list {
        k.subkeys = by_primary
            .remove(k.fingerprint.as_str())
            .unwrap_or_default();
    }
    Ok(())
}

/// Finds a key by primary fingerprint, long key id, or a subkey's fingerprint or key id
/// (a subkey resolves to its primary). Input is uppercase hex without spaces.
pub fn find(db: &Connection, id: &str) -> anyhow::Result<Option<KeyRecord>> {
    let found = db
        .query_row(
            &format!(
                "SELECT {COLS} FROM keys WHERE fingerprint = ?1 OR key_id = ?1
                 OR fingerprint IN (SELECT primary_fpr FROM subkeys WHERE fingerprint = ?1 OR key_id = ?1)
                 ORDER BY fingerprint LIMIT 1"
            ),
            [id],
            row_to_key,
        )
        .optional()?;
    found.map(|k| with_subkeys(db, k)).transpose()
}

/// Keys, of one user or all, sorted by user then fingerprint.
pub fn list(db: &Connection, user: Option<&str>) -> anyhow::Result<Vec<KeyRecord>> {
    let mut stmt = db.prepare(&format!(
        "SELECT {COLS} FROM keys WHERE ?1 IS NULL OR user_id = ?1 ORDER BY user_id, fingerprint"
    ))?;
    let mut rows: Vec<KeyRecord> = stmt
        .query_map([user], row_to_key)?
        .collect::<Result<_, _>>()?;
    attach_subkeys(db, &mut rows)?;
    Ok(rows)
}

/// Inserts or replaces a key's row and subkeys (a merge of a known key replaces its facts but
/// keeps its owner, retirement and import time).
pub fn upsert(db: &Connection, k: &KeyRecord) -> anyhow::Result<()> {
    db.execute(
        &format!(
            "INSERT INTO keys ({COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
             ON CONFLICT(fingerprint) DO UPDATE SET
               key_id = excluded.key_id, user_id = coalesce(keys.user_id, excluded.user_id),
               algorithm = excluded.algorithm, bits = excluded.bits, created_at = excluded.created_at,
               expires_at = excluded.expires_at, revoked_at = excluded.revoked_at,
               revocation = excluded.revocation, user_ids = excluded.user_ids, can_sign = excluded.can_sign,
               armored = excluded.armored"
        ),
        params![
            k.fingerprint,
            k.key_id,
            k.user,
            k.algorithm,
            k.bits,
            k.created_at,
            k.expires_at,
            k.revoked_at,
            k.revocation,
            serde_json::to_string(&k.user_ids)?,
            k.can_sign,
            k.retired_at,
            k.imported_at,
            k.armored
        ],
    )?;
    db.execute(
        "DELETE FROM subkeys WHERE primary_fpr = ?1",
        [&k.fingerprint],
    )?;
    for s in &k.subkeys {
        db.execute(
            "INSERT OR REPLACE INTO subkeys (fingerprint, key_id, primary_fpr, algorithm, bits, created_at, expires_at, for_signing)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![s.fingerprint, s.key_id, k.fingerprint, s.algorithm, s.bits, s.created_at, s.expires_at, s.for_signing],
        )?;
    }
    Ok(())
}

/// Marks a key retired: it still verifies old signatures but signs nothing new.
pub fn retire(db: &Connection, fingerprint: &str, now: Time) -> anyhow::Result<()> {
    db.execute(
        "UPDATE keys SET retired_at = ?2 WHERE fingerprint = ?1",
        params![fingerprint, now],
    )?;
    Ok(())
}

/// Gives a key to another owner (`key.assign`).
pub fn assign(db: &Connection, fingerprint: &str, owner: &str) -> anyhow::Result<()> {
    db.execute(
        "UPDATE keys SET user_id = ?2 WHERE fingerprint = ?1",
        params![fingerprint, owner],
    )?;
    Ok(())
}

/// The fingerprints of keys owned by the members (pmc, committer, rm) of a project, or of all
/// keys with an owner when `project` is None.
pub fn of_project(db: &Connection, project: Option<&str>) -> anyhow::Result<Vec<KeyRecord>> {
    let all = list(db, None)?;
    let Some(p) = project else {
        return Ok(all.into_iter().filter(|k| k.user.is_some()).collect());
    };
    let mut stmt = db.prepare("SELECT DISTINCT user_id FROM roles WHERE project = ?1")?;
    let members: Vec<String> = stmt
        .query_map([p], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(all
        .into_iter()
        .filter(|k| k.user.as_ref().is_some_and(|u| members.contains(u)))
        .collect())
}
