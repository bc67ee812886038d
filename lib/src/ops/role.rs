//! Roles: grant, revoke, list. Project roles (pmc, committer, rm) are held per project and apply
//! to its products; admin and member are store-wide (target `store`).

use serde::Serialize;

use crate::error::Error;
use crate::model::event::Change;
use crate::model::{Role, UserId};
use crate::store::{projects, projects::RoleGrant};

use super::{Emit, Session, project, user};

/// Where a role is held: `store`, or a project key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Store,
    Project(crate::model::TargetKey),
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
            // Who may grant it: the rule book's (history::decide), in the write transaction.
            Ok(None)
        }
        Scope::Project(key) => {
            if role.is_store_wide() {
                return Err(Error::usage(format!(
                    "{role} is a store role: use the target `store`"
                ))
                .into());
            }
            project::load(db, &crate::model::Target::of_project(key.clone()))?;
            Ok(Some(key.to_string()))
        }
    }
}

/// A role of a user where it is held: what [`grant`] gives and [`revoke`] takes away.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub scope: Scope,
    pub user: UserId,
    pub role: Role,
}

impl Assignment {
    /// The prologue of grant and revoke: the scope fits the role and the actor may change roles
    /// there, and the user exists. Returns the project (None: store-wide) and the event's target.
    fn check(&self, s: &Session) -> anyhow::Result<(Option<String>, String)> {
        let project = check_scope(s, &self.scope, self.role)?;
        user::load(s.store.db(), self.user.as_str())?;
        let target = project.clone().unwrap_or_else(|| "store".into());
        Ok((project, target))
    }

    fn report(&self, target: String, changed: bool, erased: Vec<String>) -> RoleChange {
        RoleChange {
            target,
            user: self.user.to_string(),
            role: self.role.to_string(),
            changed,
            erased,
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

pub fn grant(s: &mut Session, a: &Assignment) -> anyhow::Result<RoleChange> {
    let (project, target) = a.check(s)?;
    let (who, role) = (&a.user, a.role);
    let changed = s.emit_with(|db| {
        let changed = !projects::has_role(db, project.as_deref(), who.as_str(), role.as_str())?;
        let change = Change::RoleGrant {
            user: who.clone(),
            role,
            changed,
        };
        Ok((changed, Emit::new(target.clone(), change)))
    })?;
    Ok(a.report(target, changed, vec![]))
}

pub fn revoke(s: &mut Session, a: &Assignment) -> anyhow::Result<RoleChange> {
    let (project, target) = a.check(s)?;
    let (who, role) = (&a.user, a.role);
    if role == Role::Admin && who.as_str() == s.actor.id {
        let admins = projects::list_roles(s.store.db(), Some(""), None)?
            .iter()
            .filter(|g| g.role == "admin")
            .count();
        if admins <= 1 {
            return Err(Error::wrong_state("refusing to revoke the store's last admin").into());
        }
    }
    let (changed, erased) = s.emit_with(|db| {
        // What the revocation does: `apply` revokes and erases, the event tells.
        let (changed, erased) = super::dry_run(db, |db| {
            let changed =
                projects::revoke_role(db, project.as_deref(), who.as_str(), role.as_str())?;
            Ok((
                changed,
                crate::machine::index::erase_if_unconsented(db, who.as_str())?,
            ))
        })?;
        let change = Change::RoleRevoke {
            user: who.clone(),
            role,
            changed,
            erased: erased.clone(),
        };
        Ok(((changed, erased), Emit::new(target.clone(), change)))
    })?;
    Ok(a.report(target, changed, erased))
}

pub fn list(s: &Session, scope: Option<&Scope>) -> anyhow::Result<Vec<RoleGrant>> {
    let filter = match scope {
        None => None,
        Some(Scope::Store) => Some(String::new()),
        Some(Scope::Project(k)) => {
            project::load(s.store.db(), &crate::model::Target::of_project(k.clone()))?;
            Some(k.to_string())
        }
    };
    projects::list_roles(s.store.db(), filter.as_deref(), None)
}
