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

const COLS: &str = "key, name, description, homepage, source_url, license, support_url, notify_emails, version, created_at, header_licenses";

fn row_to_project(r: &Row<'_>, project: Option<String>) -> rusqlite::Result<Project> {
    let key: String = r.get(0)?;
    let emails: String = r.get(7)?;
    let header: String = r.get(10)?;
    Ok(Project {
        target: match &project {
            Some(p) => format!("{p}/{key}"),
            None => key.clone(),
        },
        key,
        project,
        meta: Meta {
            name: r.get(1)?,
            description: r.get(2)?,
            homepage: r.get(3)?,
            source_url: r.get(4)?,
            license: r.get(5)?,
            support_url: r.get(6)?,
            notify_emails: serde_json::from_str(&emails).unwrap_or_default(),
            header_licenses: serde_json::from_str(&header).unwrap_or_default(),
        },
        version: r.get(8)?,
        created_at: r.get(9)?,
    })
}

/// Where a target's row is: a project (`parent` None) in `projects`, a product in `products`
/// beside its project's key. The condition matches the parent given as `:parent`, so every
/// statement below is one statement for both levels. (One table for both would be a migration.)
fn level(parent: Option<&str>) -> (&'static str, &'static str) {
    match parent {
        None => ("projects", ":parent IS NULL"),
        Some(_) => ("products", "project = :parent"),
    }
}

/// A project (`parent` None) or a product of `parent`.
pub fn get(db: &Connection, parent: Option<&str>, key: &str) -> anyhow::Result<Option<Project>> {
    let (table, of_parent) = level(parent);
    Ok(db
        .prepare_cached(&format!(
            "SELECT {COLS} FROM {table} WHERE key = :key AND {of_parent}"
        ))?
        .query_row(named_params! {":key": key, ":parent": parent}, |r| {
            row_to_project(r, parent.map(str::to_string))
        })
        .optional()?)
}

/// The projects (`parent` None) or the products of `parent`, by key.
pub fn list(db: &Connection, parent: Option<&str>) -> anyhow::Result<Vec<Project>> {
    let (table, of_parent) = level(parent);
    let mut stmt = db.prepare(&format!(
        "SELECT {COLS} FROM {table} WHERE {of_parent} ORDER BY key"
    ))?;
    let rows = stmt.query_map(named_params! {":parent": parent}, |r| {
        row_to_project(r, parent.map(str::to_string))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every product of every project, by project and key.
pub fn all_products(db: &Connection) -> anyhow::Result<Vec<Project>> {
    let mut stmt = db.prepare(&format!(
        "SELECT {COLS}, project FROM products ORDER BY project, key"
    ))?;
    let rows = stmt.query_map([], |r| {
        let p: String = r.get(11)?;
        row_to_project(r, Some(p))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Inserts a project (`parent` None) or a product: the row with its key and name, then the rest
/// of its metadata as [`update`] sets it.
pub fn insert(
    db: &Connection,
    parent: Option<&str>,
    key: &str,
    meta: &Meta,
    now: crate::model::Time,
) -> anyhow::Result<()> {
    match parent {
        None => db.execute(
            "INSERT INTO projects (key, name, created_at) VALUES (?1, ?2, ?3)",
            params![key, meta.name, now],
        )?,
        Some(p) => db.execute(
            "INSERT INTO products (project, key, name, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![p, key, meta.name, now],
        )?,
    };
    update(db, parent, key, meta)
}

/// Replaces the metadata of a project (`parent` None) or product.
pub fn update(db: &Connection, parent: Option<&str>, key: &str, meta: &Meta) -> anyhow::Result<()> {
    let (table, of_parent) = level(parent);
    db.prepare_cached(&format!(
        "UPDATE {table} SET name = :name, description = :description, homepage = :homepage,
            source_url = :source_url, license = :license, support_url = :support_url,
            notify_emails = :notify_emails, header_licenses = :header_licenses
         WHERE key = :key AND {of_parent}"
    ))?
    .execute(named_params! {
        ":name": meta.name,
        ":description": meta.description,
        ":homepage": meta.homepage,
        ":source_url": meta.source_url,
        ":license": meta.license,
        ":support_url": meta.support_url,
        ":notify_emails": serde_json::to_string(&meta.notify_emails)?,
        ":header_licenses": serde_json::to_string(&meta.header_licenses)?,
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
    let (table, of_parent) = level(parent);
    db.prepare_cached(&format!(
        "UPDATE {table} SET version = :version WHERE key = :key AND {of_parent}"
    ))?
    .execute(named_params! {":version": version, ":key": key, ":parent": parent})?;
    Ok(())
}
