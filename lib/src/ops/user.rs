//! Users: add, edit, list, show, consent. Personal data (name, email) of a user who holds no
//! committer or PMC role is kept only with recorded consent; revoking consent erases it from the
//! user and from the audit log's erasable part, and keeps the user's votes under the id.

use serde::Serialize;
use serde_json::json;

use crate::error::Error;
use crate::machine::access;
use crate::machine::index::user_target;
use crate::machine::rules::check_email;
use crate::model::event::{Change, UserKind};
use crate::model::{Time, UserId};
use crate::store::{events, projects, users, users::User};

use super::{Emit, Session};

/// Loads a user or fails with exit 6.
pub fn load(db: &rusqlite::Connection, id: &str) -> anyhow::Result<User> {
    users::get(db, id)?.ok_or_else(|| {
        Error::not_found(format!("no user {id}"))
            .hint("see `relmgr user list`")
            .into()
    })
}

fn check_pii(name: Option<&str>, email: Option<&str>) -> anyhow::Result<()> {
    if let Some(n) = name
        && (n.trim().is_empty() || n.chars().any(char::is_control))
    {
        return Err(
            Error::usage(format!("name {n:?} is empty or holds control characters")).into(),
        );
    }
    if let Some(n) = name {
        crate::model::check_no_bidi("name", n)?;
    }
    if let Some(e) = email {
        check_email(e)?;
    }
    Ok(())
}

/// Input of `user add`.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub id: UserId,
    pub name: Option<String>,
    pub email: Option<String>,
    pub service: bool,
    pub consent: bool,
}

pub fn add(s: &mut Session, new: NewUser) -> anyhow::Result<UserView> {
    // Who may add users, and that the user is new: the rule book's (history::decide), in the
    // write transaction.
    check_pii(new.name.as_deref(), new.email.as_deref())?;
    let has_pii = new.name.is_some() || new.email.is_some();
    if has_pii && !new.consent {
        return Err(Error::usage(format!(
            "{} holds no committer or PMC role, so their name and email are kept only with consent",
            new.id
        ))
        .hint("pass --consent once they agreed, or add them without --name/--email, grant the role, then `relmgr user edit`")
        .into());
    }
    let now = Time::now()?;
    let user = User {
        id: new.id.to_string(),
        name: new.name.clone(),
        email: new.email.clone(),
        kind: if new.service { "service" } else { "person" }.into(),
        consent: new.consent,
        consent_at: new.consent.then_some(now),
        created_at: now,
    };
    let mut e = Emit::new(
        user_target(&user.id),
        Change::UserAdd {
            id: user.id.parse()?,
            kind: if new.service {
                UserKind::Service
            } else {
                UserKind::Person
            },
            consent: user.consent,
        },
    );
    if has_pii {
        e = e.with_pii(json!({"name": user.name, "email": user.email}));
    }
    s.emit(e)?;
    show(s, &new.id)
}

/// `user edit`: sets name and/or email; needs consent or a committer/PMC role.
pub fn edit(
    s: &mut Session,
    id: &UserId,
    name: Option<String>,
    email: Option<String>,
) -> anyhow::Result<UserView> {
    // Who may edit whom: the rule book's (history::decide), in the write transaction.
    let user = load(s.store.db(), id.as_str())?;
    check_pii(name.as_deref(), email.as_deref())?;
    if !user.consent && !access::is_committer_or_pmc(s.store.db(), id.as_str())? {
        return Err(Error::usage(format!(
            "{id} holds no committer or PMC role and has not consented: their name and email cannot be kept"
        ))
        .hint(format!("record consent first: `relmgr user consent {id} grant`"))
        .into());
    }
    let name = name.or(user.name);
    let email = email.or(user.email);
    s.emit(
        Emit::new(
            user_target(id.as_str()),
            Change::UserEdit { id: id.clone() },
        )
        .with_pii(json!({"name": name, "email": email})),
    )?;
    show(s, id)
}

/// What `consent` did.
#[derive(Debug, Serialize)]
pub struct ConsentReport {
    pub user: String,
    pub consent: bool,
    /// The fields erased (on revoke).
    pub erased: Vec<String>,
    /// How many audit events had their personal data erased.
    pub events_erased: usize,
}

pub fn consent(s: &mut Session, id: &UserId, grant: bool) -> anyhow::Result<ConsentReport> {
    // Who may record whose consent: the rule book's (history::decide).
    let user = load(s.store.db(), id.as_str())?;
    let id_text = id.as_str();
    let mut erased = Vec::new();
    if !grant {
        if user.name.is_some() {
            erased.push("name".to_string());
        }
        if user.email.is_some() {
            erased.push("email".to_string());
        }
    }
    let events_erased = s.emit_with(|db| {
        // The events whose personal data the revocation erases.
        let n = if grant {
            0
        } else {
            events::with_pii(db, &user_target(id.as_str()))?
        };
        let (id, erased) = (id.clone(), erased.clone());
        let change = if grant {
            Change::ConsentGrant {
                id,
                erased,
                events_erased: 0,
            }
        } else {
            Change::ConsentRevoke {
                id,
                erased,
                events_erased: n as u64,
            }
        };
        Ok((n, Emit::new(user_target(id_text), change)))
    })?;
    Ok(ConsentReport {
        user: id.to_string(),
        consent: grant,
        erased,
        events_erased,
    })
}

/// What `user show` prints.
#[derive(Debug, Serialize)]
pub struct UserView {
    #[serde(flatten)]
    pub user: User,
    pub roles: Vec<projects::RoleGrant>,
}

pub fn show(s: &Session, id: &UserId) -> anyhow::Result<UserView> {
    let user = load(s.store.db(), id.as_str())?;
    let roles = projects::list_roles(s.store.db(), None, Some(id.as_str()))?;
    Ok(UserView { user, roles })
}

pub fn list(s: &Session) -> anyhow::Result<Vec<UserView>> {
    let db = s.store.db();
    let roles = projects::list_roles(db, None, None)?;
    Ok(users::list(db)?
        .into_iter()
        .map(|u| UserView {
            roles: roles.iter().filter(|r| r.user == u.id).cloned().collect(),
            user: u,
        })
        .collect())
}
