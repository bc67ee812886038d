//! Loads what the acting user holds and asks `perm::check`. The only bridge between the
//! permission table and the store.

use rusqlite::Connection;

use crate::error::Error;
use crate::model::Role;
use crate::perm::{self, Action, Holder};
use crate::store::{projects, users};

/// What `user` holds with respect to `project` (None: store-wide decisions).
pub fn holder(db: &Connection, user: &str, project: Option<&str>) -> anyhow::Result<Holder> {
    let grants = projects::list_roles(db, None, Some(user))?;
    let parse = |r: &str| r.parse::<Role>().ok();
    let mut h = Holder::default();
    for g in &grants {
        let Some(role) = parse(&g.role) else { continue };
        if g.target == "store" {
            h.store.push(role);
        } else {
            if role == Role::Pmc {
                h.pmc_anywhere = true;
            }
            if Some(g.target.as_str()) == project {
                h.project.push(role);
            }
        }
    }
    h.consent = users::get(db, user)?.is_some_and(|u| u.consent);
    Ok(h)
}

/// Refuses with exit 4 unless `user` may do `action` on `project`.
pub fn require(
    db: &Connection,
    user: &str,
    action: Action,
    project: Option<&str>,
) -> anyhow::Result<()> {
    let h = holder(db, user, project)?;
    perm::check(action, &h).map_err(|refusal| {
        let on = project.map(|p| format!(" on {p}")).unwrap_or_default();
        Error::not_allowed(format!(
            "{user} may not {}{on}: that needs {}",
            action.describe(),
            refusal.needs
        ))
        .into()
    })
}

/// Whether the user holds a committer or PMC role anywhere (their PII needs no consent).
pub fn is_committer_or_pmc(db: &Connection, user: &str) -> anyhow::Result<bool> {
    Ok(projects::list_roles(db, None, Some(user))?
        .iter()
        .any(|g| g.role == "pmc" || g.role == "committer"))
}

/// Refuses with exit 4 unless `user` may do `action` through a role on any project (or a store
/// role): for store-wide things such as keys.
pub fn require_anywhere(db: &Connection, user: &str, action: Action) -> anyhow::Result<()> {
    let h = holder_anywhere(db, user)?;
    refuse_anywhere(user, action, &h)
}

/// What `user` holds through a role on any project (or a store role): for store-wide things
/// such as keys.
pub fn holder_anywhere(db: &Connection, user: &str) -> anyhow::Result<Holder> {
    let mut h = holder(db, user, None)?;
    for g in projects::list_roles(db, None, Some(user))? {
        if g.target != "store"
            && let Ok(role) = g.role.parse::<Role>()
        {
            h.project.push(role);
        }
    }
    Ok(h)
}

/// [`require_anywhere`] for a holder already loaded.
pub fn refuse_anywhere(user: &str, action: Action, h: &Holder) -> anyhow::Result<()> {
    perm::check(action, h).map_err(|refusal| {
        Error::not_allowed(format!(
            "{user} may not {}: that needs {}",
            action.describe(),
            refusal.needs
        ))
        .into()
    })
}

/// Whether `user` was PMC of `project` at time `at`, from the role events.
pub fn was_pmc(
    db: &Connection,
    user: &str,
    project: &str,
    at: crate::model::Time,
) -> anyhow::Result<bool> {
    let history = crate::store::events::role_history(db, project, user, "pmc", at)?;
    Ok(history.last().is_some_and(|(_, granted)| *granted))
}
