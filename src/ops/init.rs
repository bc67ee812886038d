//! `relmgr init`: a new store whose first user is its admin.

use std::path::Path;

use serde::Serialize;
use serde_json::json;

use crate::model::UserId;
use crate::store::{Actor, ActorKind, EventDraft, Store, projects, users};

#[derive(Debug, Serialize)]
pub struct Initialized {
    pub store: String,
    pub user: String,
    pub schema_version: u32,
}

/// Creates `dir/.relmgr` with `user` as admin. The user gives their own name and email, which
/// counts as consent to keep them.
pub fn init(
    dir: &Path,
    user: &UserId,
    name: Option<String>,
    email: Option<String>,
) -> anyhow::Result<Initialized> {
    let mut store = Store::create(dir, user.as_str())?;
    let now = super::now_text()?;
    let actor = Actor {
        id: user.to_string(),
        kind: ActorKind::Person,
    };
    let has_pii = name.is_some() || email.is_some();
    store.write(&actor, |db| {
        users::insert(
            db,
            &users::User {
                id: user.to_string(),
                name: name.clone(),
                email: email.clone(),
                kind: "person".into(),
                consent: has_pii,
                consent_at: has_pii.then(|| now.clone()),
                created_at: now.clone(),
            },
        )?;
        projects::grant_role(db, None, user.as_str(), "admin", user.as_str(), &now)?;
        let mut ev = EventDraft::new(
            "store.init",
            format!("user:{user}"),
            json!({"user": user.as_str(), "kind": "person", "roles": ["admin"], "consent": has_pii, "schema_version": crate::store::schema::CURRENT}),
        );
        if has_pii {
            ev = ev.with_pii(json!({"name": name, "email": email}));
        }
        Ok(((), ev))
    })?;
    Ok(Initialized {
        store: store.dir.display().to_string(),
        user: user.to_string(),
        schema_version: crate::store::schema::CURRENT,
    })
}
