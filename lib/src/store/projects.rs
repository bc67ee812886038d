//! Projects, products and roles: their rows and their SQL.

use rusqlite::{Connection, OptionalExtension, Row, named_params, params};
use serde::Serialize;

/// The metadata shared by projects and products: the fields their create and edit events
/// carry, one type for the index and the log.
pub use crate::model::event::MetaFields as Meta;

/// A project (`project` is None) or a product of one.
#[derive(Debug, Clone, Serialize)]
pub struct Project {
    /// The target: `key` or `project/key`.
    pub target: String,
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(flatten)]
    pub meta: Meta,
    /// The newest current release's version.
    pub version: Option<String>,
    pub created_at: crate::model::Time,
}

/// A project's row has no parent, a product's has its project's key: one table for both levels,
/// so every statement below is one statement for both, the level being `parent IS :parent`.
const COLS: &str = "key, name, description, homepage, source_url, license, support_url, notify_emails, version, created_at, header_licenses, parent, target, download_url, candidates_url";

fn row_to_project(r: &Row<'_>) -> rusqlite::Result<Project> {
    let key: String = r.get(0)?;
    let emails: String = r.get(7)?;
    let header: String = r.get(10)?;
    Ok(Project {
        target: r.get(12)?,
        key,
        project: r.get(11)?,
        meta: Meta {
            name: r.get(1)?,
            description: r.get(2)?,
            homepage: r.get(3)?,
            source_url: r.get(4)?,
            license: r.get(5)?,
            support_url: r.get(6)?,
            notify_emails: serde_json::from_str(&emails).unwrap_or_default(),
            header_licenses: serde_json::from_str(&header).unwrap_or_default(),
            download_url: r.get(13)?,
            candidates_url: r.get(14)?,
        },
        version: r.get(8)?,
        created_at: r.get(9)?,
    })
}

/// A project (`parent` None) or a product of `parent`.
pub fn get(db: &Connection, parent: Option<&str>, key: &str) -> anyhow::Result<Option<Project>> {
    Ok(db
        .prepare_cached(&format!(
            "SELECT {COLS} FROM projects WHERE parent IS :parent AND key = :key"
        ))?
        .query_row(
            named_params! {":key": key, ":parent": parent},
            row_to_project,
        )
        .optional()?)
}

/// The projects (`parent` None) or the products of `parent`, by key.
pub fn list(db: &Connection, parent: Option<&str>) -> anyhow::Result<Vec<Project>> {
    let mut stmt = db.prepare(&format!(
        "SELECT {COLS} FROM projects WHERE parent IS :parent ORDER BY key"
    ))?;
    let rows = stmt.query_map(named_params! {":parent": parent}, row_to_project)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every product of every project, by project and key.
pub fn all_products(db: &Connection) -> anyhow::Result<Vec<Project>> {
    let mut stmt = db.prepare(&format!(
        "SELECT {COLS} FROM projects WHERE parent IS NOT NULL ORDER BY parent, key"
    ))?;
    let rows = stmt.query_map([], row_to_project)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Inserts a project (`parent` None) or a product: the row with its target, key and name, then
/// the rest of its metadata as [`update`] sets it.
pub fn insert(
    db: &Connection,
    parent: Option<&str>,
    key: &str,
    meta: &Meta,
    now: crate::model::Time,
) -> anyhow::Result<()> {
    db.prepare_cached(
        "INSERT INTO projects (target, parent, key, name, created_at)
         VALUES (coalesce(:parent || '/', '') || :key, :parent, :key, :name, :now)",
    )?
    .execute(named_params! {":parent": parent, ":key": key, ":name": meta.name, ":now": now})?;
    update(db, parent, key, meta)
}

/// Replaces the metadata of a project (`parent` None) or product.
pub fn update(db: &Connection, parent: Option<&str>, key: &str, meta: &Meta) -> anyhow::Result<()> {
    db.prepare_cached(
        "UPDATE projects SET name = :name, description = :description, homepage = :homepage,
            source_url = :source_url, license = :license, support_url = :support_url,
            notify_emails = :notify_emails, header_licenses = :header_licenses,
            download_url = :download_url, candidates_url = :candidates_url
         WHERE parent IS :parent AND key = :key",
    )?
    .execute(named_params! {
        ":name": meta.name,
        ":description": meta.description,
        ":homepage": meta.homepage,
        ":source_url": meta.source_url,
        ":license": meta.license,
        ":support_url": meta.support_url,
        ":notify_emails": serde_json::to_string(&meta.notify_emails)?,
        ":header_licenses": serde_json::to_string(&meta.header_licenses)?,
        ":download_url": meta.download_url,
        ":candidates_url": meta.candidates_url,
        ":key": key,
        ":parent": parent,
    })?;
    Ok(())
}

/// One role held by one user, on a project or store-wide (`project` = None).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RoleGrant {
    /// The project, or `store` for admin and member.
    pub target: String,
    pub user: String,
    pub role: String,
    pub granted_at: crate::model::Time,
    pub granted_by: String,
}

fn scope(project: Option<&str>) -> &str {
    project.unwrap_or("")
}

/// Grants a role; returns false when the user held it already.
pub fn grant_role(
    db: &Connection,
    project: Option<&str>,
    user: &str,
    role: &str,
    by: &str,
    now: crate::model::Time,
) -> anyhow::Result<bool> {
    let n = db.execute(
        "INSERT OR IGNORE INTO roles (project, user_id, role, granted_at, granted_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![scope(project), user, role, now, by],
    )?;
    Ok(n == 1)
}

/// Revokes a role; returns false when the user did not hold it.
/// Whether `user` holds `role` on `project` (None: store-wide).
pub fn has_role(
    db: &Connection,
    project: Option<&str>,
    user: &str,
    role: &str,
) -> anyhow::Result<bool> {
    Ok(db.query_row(
        "SELECT count(*) > 0 FROM roles WHERE project = ?1 AND user_id = ?2 AND role = ?3",
        params![scope(project), user, role],
        |r| r.get(0),
    )?)
}

pub fn revoke_role(
    db: &Connection,
    project: Option<&str>,
    user: &str,
    role: &str,
) -> anyhow::Result<bool> {
    let n = db.execute(
        "DELETE FROM roles WHERE project = ?1 AND user_id = ?2 AND role = ?3",
        params![scope(project), user, role],
    )?;
    Ok(n == 1)
}

/// Roles, filtered by project (`Some("")` for store-wide ones) and/or user.
pub fn list_roles(
    db: &Connection,
    project: Option<&str>,
    user: Option<&str>,
) -> anyhow::Result<Vec<RoleGrant>> {
    let mut stmt = db.prepare(
        "SELECT project, user_id, role, granted_at, granted_by FROM roles
         WHERE (?1 IS NULL OR project = ?1) AND (?2 IS NULL OR user_id = ?2)
         ORDER BY project = '' DESC, project, user_id, role",
    )?;
    let rows = stmt.query_map(params![project, user], |r| {
        let p: String = r.get(0)?;
        Ok(RoleGrant {
            target: if p.is_empty() { "store".into() } else { p },
            user: r.get(1)?,
            role: r.get(2)?,
            granted_at: r.get(3)?,
            granted_by: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Sets the version string of a project (`parent` None) or product.
pub fn set_version(
    db: &Connection,
    parent: Option<&str>,
    key: &str,
    version: Option<&str>,
) -> anyhow::Result<()> {
    db.prepare_cached(
        "UPDATE projects SET version = :version WHERE parent IS :parent AND key = :key",
    )?
    .execute(named_params! {":version": version, ":key": key, ":parent": parent})?;
    Ok(())
}
