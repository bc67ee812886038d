//! Projects, products and roles: their rows and their SQL.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

/// The metadata shared by projects and products.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Meta {
    pub name: String,
    pub description: Option<String>,
    pub homepage: Option<String>,
    pub source_url: Option<String>,
    pub license: Option<String>,
    pub support_url: Option<String>,
    pub notify_emails: Vec<String>,
    /// SPDX ids accepted in file headers (`--header-license`); empty: the license's ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_licenses: Vec<String>,
}

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
    pub created_at: String,
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

pub fn get_project(db: &Connection, key: &str) -> anyhow::Result<Option<Project>> {
    Ok(db
        .query_row(
            &format!("SELECT {COLS} FROM projects WHERE key = ?1"),
            [key],
            |r| row_to_project(r, None),
        )
        .optional()?)
}

pub fn list_projects(db: &Connection) -> anyhow::Result<Vec<Project>> {
    let mut stmt = db.prepare(&format!("SELECT {COLS} FROM projects ORDER BY key"))?;
    let rows = stmt.query_map([], |r| row_to_project(r, None))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get_product(db: &Connection, project: &str, key: &str) -> anyhow::Result<Option<Project>> {
    Ok(db
        .query_row(
            &format!("SELECT {COLS} FROM products WHERE project = ?1 AND key = ?2"),
            [project, key],
            |r| row_to_project(r, Some(project.to_string())),
        )
        .optional()?)
}

pub fn list_products(db: &Connection, project: Option<&str>) -> anyhow::Result<Vec<Project>> {
    let mut stmt = db.prepare(&format!(
        "SELECT {COLS}, project FROM products WHERE ?1 IS NULL OR project = ?1 ORDER BY project, key"
    ))?;
    let rows = stmt.query_map([project], |r| {
        let p: String = r.get(11)?;
        row_to_project(r, Some(p))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Inserts a project (`project` None) or a product.
pub fn insert(
    db: &Connection,
    project: Option<&str>,
    key: &str,
    meta: &Meta,
    now: &str,
) -> anyhow::Result<()> {
    let emails = serde_json::to_string(&meta.notify_emails)?;
    match project {
        None => db.execute(
            "INSERT INTO projects (key, name, description, homepage, source_url, license, support_url, notify_emails, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![key, meta.name, meta.description, meta.homepage, meta.source_url, meta.license, meta.support_url, emails, now],
        )?,
        Some(p) => db.execute(
            "INSERT INTO products (project, key, name, description, homepage, source_url, license, support_url, notify_emails, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![p, key, meta.name, meta.description, meta.homepage, meta.source_url, meta.license, meta.support_url, emails, now],
        )?,
    };
    set_header_licenses(db, project, key, &meta.header_licenses)
}

/// Replaces the metadata of a project or product.
pub fn update(
    db: &Connection,
    project: Option<&str>,
    key: &str,
    meta: &Meta,
) -> anyhow::Result<()> {
    let emails = serde_json::to_string(&meta.notify_emails)?;
    let set = "name = ?1, description = ?2, homepage = ?3, source_url = ?4, license = ?5, support_url = ?6, notify_emails = ?7";
    match project {
        None => db.execute(
            &format!("UPDATE projects SET {set} WHERE key = ?8"),
            params![
                meta.name,
                meta.description,
                meta.homepage,
                meta.source_url,
                meta.license,
                meta.support_url,
                emails,
                key
            ],
        )?,
        Some(p) => db.execute(
            &format!("UPDATE products SET {set} WHERE key = ?8 AND project = ?9"),
            params![
                meta.name,
                meta.description,
                meta.homepage,
                meta.source_url,
                meta.license,
                meta.support_url,
                emails,
                key,
                p
            ],
        )?,
    };
    set_header_licenses(db, project, key, &meta.header_licenses)
}

fn set_header_licenses(
    db: &Connection,
    project: Option<&str>,
    key: &str,
    ids: &[String],
) -> anyhow::Result<()> {
    let ids = serde_json::to_string(ids)?;
    match project {
        None => db.execute(
            "UPDATE projects SET header_licenses = ?1 WHERE key = ?2",
            params![ids, key],
        )?,
        Some(p) => db.execute(
            "UPDATE products SET header_licenses = ?1 WHERE key = ?2 AND project = ?3",
            params![ids, key, p],
        )?,
    };
    Ok(())
}

/// One role held by one user, on a project or store-wide (`project` = None).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RoleGrant {
    /// The project, or `store` for admin and member.
    pub target: String,
    pub user: String,
    pub role: String,
    pub granted_at: String,
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
    now: &str,
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

/// Sets the version string of a project (`product` None) or product.
pub fn set_version(
    db: &Connection,
    project: &str,
    product: Option<&str>,
    version: Option<&str>,
) -> anyhow::Result<()> {
    match product {
        None => db.execute(
            "UPDATE projects SET version = ?2 WHERE key = ?1",
            params![project, version],
        )?,
        Some(p) => db.execute(
            "UPDATE products SET version = ?3 WHERE project = ?1 AND key = ?2",
            params![project, p, version],
        )?,
    };
    Ok(())
}
