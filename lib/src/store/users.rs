//! Users: their rows and their SQL.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use crate::model::Time;

/// A user as the store knows them.
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: String,
    pub name: Option<String>,
    pub email: Option<String>,
    /// `person` or `service`.
    pub kind: String,
    pub consent: bool,
    pub consent_at: Option<Time>,
    pub created_at: Time,
}

const COLS: &str = "id, name, email, kind, consent, consent_at, created_at";

fn row_to_user(r: &Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: r.get(0)?,
        name: r.get(1)?,
        email: r.get(2)?,
        kind: r.get(3)?,
        consent: r.get(4)?,
        consent_at: r.get(5)?,
        created_at: r.get(6)?,
    })
}

pub fn get(db: &Connection, id: &str) -> anyhow::Result<Option<User>> {
    Ok(db
        .prepare_cached(&format!("SELECT {COLS} FROM users WHERE id = ?1"))?
        .query_row([id], row_to_user)
        .optional()?)
}

/// Finds a user by email, case-insensitively.
pub fn by_email(db: &Connection, email: &str) -> anyhow::Result<Option<User>> {
    Ok(db
        .query_row(
            &format!("SELECT {COLS} FROM users WHERE lower(email) = lower(?1) ORDER BY id LIMIT 1"),
            [email],
            row_to_user,
        )
        .optional()?)
}

/// Every user's email, ASCII lower-cased as `by_email` folds it, to the id of the first user
/// (by id) who has it: one query for a whole import's guests instead of one per guest.
pub fn emails(db: &Connection) -> anyhow::Result<std::collections::HashMap<String, String>> {
    let mut stmt = db.prepare("SELECT id, email FROM users WHERE email IS NOT NULL ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = std::collections::HashMap::new();
    for row in rows {
        let (id, email) = row?;
        out.entry(email.to_ascii_lowercase()).or_insert(id);
    }
    Ok(out)
}

pub fn list(db: &Connection) -> anyhow::Result<Vec<User>> {
    let mut stmt = db.prepare(&format!("SELECT {COLS} FROM users ORDER BY id"))?;
    let rows = stmt.query_map([], row_to_user)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn insert(db: &Connection, u: &User) -> anyhow::Result<()> {
    db.prepare_cached(&format!(
        "INSERT INTO users ({COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    ))?
    .execute(params![
        u.id,
        u.name,
        u.email,
        u.kind,
        u.consent,
        u.consent_at,
        u.created_at
    ])?;
    Ok(())
}

/// Sets name and email (None erases them).
pub fn set_pii(
    db: &Connection,
    id: &str,
    name: Option<&str>,
    email: Option<&str>,
) -> anyhow::Result<()> {
    db.execute(
        "UPDATE users SET name = ?2, email = ?3 WHERE id = ?1",
        params![id, name, email],
    )?;
    Ok(())
}

pub fn set_consent(
    db: &Connection,
    id: &str,
    consent: bool,
    at: Option<Time>,
) -> anyhow::Result<()> {
    db.execute(
        "UPDATE users SET consent = ?2, consent_at = ?3 WHERE id = ?1",
        params![id, consent, at],
    )?;
    Ok(())
}
