//! Roles: grant, revoke, list. Project roles (pmc, committer, rm) are held per project and apply
//! to its products; admin and member are store-wide (target `store`).

use serde::Serialize;

use crate::error::Error;
use crate::model::event::Change;
use crate::model::{Role, UserId};
use crate::perm::Action;
use crate::store::{projects, projects::RoleGrant};

use super::{Emit, Session, access, project, user};

/// Where a role is held: `store`, or a project key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Store,
    Project(crate::model::Key),
}

impl std::str::FromStr for Scope {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        if s == "store" {
            return Ok(Scope::Store);
        }
        let t: crate::model::Target = s.parse()?;
        if t.product.is_some() {
            return Err(Error::usage(format!(
                "roles are held per project, not per product: use {}",
                t.project
            )));
        }
        Ok(Scope::Project(t.project))
    }
}

fn check_scope(s: &Session, scope: &Scope, role: Role) -> anyhow::Result<Option<String>> {
    let db = s.store.db();
    match scope {
        Scope::Store => {
            if !role.is_store_wide() {
                return Err(
                    Error::usage(format!("{role} is a project role: name the project")).into(),
                );
            }
            access::require(db, &s.actor.id, Action::Administer, None)?;
            Ok(None)
        }
        Scope::Project(key) => {
            if role.is_store_wide() {
                return Err(Error::usage(format!(
                    "{role} is a store role: use the target `store`"
                ))
                .into());
            }
            project::load(
                db,
                &crate::model::Target {
                    project: key.clone(),
                    product: None,
                },
            )?;
            access::require(db, &s.actor.id, Action::ManageRoles, Some(key.as_str()))?;
            Ok(Some(key.to_string()))
        }
    }
}

/// What grant and revoke did.
#[derive(Debug, Serialize)]
pub struct RoleChange {
    pub target: String,
    pub user: String,
    pub role: String,
    /// false when nothing changed (already held / not held).
    pub changed: bool,
    /// Personal data erased because the user no longer may keep it without consent.
    pub erased: Vec<String>,
}

pub fn grant(
    s: &mut Session,
    scope: &Scope,
    who: &UserId,
    role: Role,
) -> anyhow::Result<RoleChange> {
    let project = check_scope(s, scope, role)?;
    user::load(s.store.db(), who.as_str())?;
    let target = project.clone().unwrap_or_else(|| "store".into());
    let changed = s.emit_with(|db| {
        let changed = !projects::has_role(db, project.as_deref(), who.as_str(), role.as_str())?;
        let change = Change::RoleGrant {
            user: who.to_string(),
            role: role.to_string(),
            changed,
        };
        Ok((changed, Emit::new(target.clone(), change)))
    })?;
    Ok(RoleChange {
        target,
        user: who.to_string(),
        role: role.to_string(),
        changed,
        erased: vec![],
    })
}

pub fn revoke(
    s: &mut Session,
    scope: &Scope,
    who: &UserId,
    role: Role,
) -> anyhow::Result<RoleChange> {
    let project = check_scope(s, scope, role)?;
    user::load(s.store.db(), who.as_str())?;
    if role == Role::Admin && who.as_str() == s.actor.id {
        let admins = projects::list_roles(s.store.db(), Some(""), None)?
            .iter()
            .filter(|g| g.role == "admin")
            .count();
        if admins <= 1 {
            return Err(Error::wrong_state("refusing to revoke the store's last admin").into());
        }
    }
    let target = project.clone().unwrap_or_else(|| "store".into());
    let (changed, erased) = s.emit_with(|db| {
        // What the revocation does: `apply` revokes and erases, the event tells.
        let (changed, erased) = super::dry_run(db, |db| {
            let changed =
                projects::revoke_role(db, project.as_deref(), who.as_str(), role.as_str())?;
            Ok((changed, user::erase_if_unconsented(db, who.as_str())?))
        })?;
        let change = Change::RoleRevoke {
            user: who.to_string(),
            role: role.to_string(),
            changed,
            erased: erased.clone(),
        };
        Ok(((changed, erased), Emit::new(target.clone(), change)))
    })?;
    Ok(RoleChange {
        target,
        user: who.to_string(),
        role: role.to_string(),
        changed,
        erased,
    })
}

pub fn list(s: &Session, scope: Option<&Scope>) -> anyhow::Result<Vec<RoleGrant>> {
    let filter = match scope {
        None => None,
        Some(Scope::Store) => Some(String::new()),
        Some(Scope::Project(k)) => {
            project::load(
                s.store.db(),
                &crate::model::Target {
                    project: k.clone(),
                    product: None,
                },
            )?;
            Some(k.to_string())
        }
    };
    projects::list_roles(s.store.db(), filter.as_deref(), None)
}
