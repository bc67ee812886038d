//! `relmgr init`: a new store whose first user is its admin.

use std::path::Path;

use anyhow::Context;
use serde::Serialize;
use serde_json::json;

use crate::model::UserId;
use crate::model::event::Change;
use crate::store::{Actor, ActorKind, EventDraft, Store};

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
    if let Some(e) = &email {
        crate::machine::rules::check_email(e)?;
    }
    // The store's path as git gives work trees (absolute, symlinks resolved), so that
    // `sync::share` finds it inside the work tree and excludes it: a relative or symlinked
    // DIR would not start with git's root.
    std::fs::create_dir_all(dir).with_context(|| format!("while creating {}", dir.display()))?;
    let dir = dir
        .canonicalize()
        .with_context(|| format!("while resolving {}", dir.display()))?;
    let mut store = Store::create(&dir, user.as_str())?;
    let actor = Actor {
        id: user.to_string(),
        kind: ActorKind::Person,
    };
    let has_pii = name.is_some() || email.is_some();
    let (kind, payload) = Change::StoreInit {
        user: user.parse()?,
        kind: crate::model::event::UserKind::Person,
        roles: vec![crate::model::Role::Admin],
        consent: has_pii,
        schema_version: Some(crate::store::schema::CURRENT),
    }
    .to_parts();
    store.write_event(
        &actor,
        |_| {
            let mut ev = EventDraft::new(&kind, format!("user:{user}"), payload);
            if has_pii {
                ev = ev.with_pii(json!({"name": name, "email": email}));
            }
            Ok(((), ev))
        },
        crate::machine::history::judge_and_apply,
    )?;
    // Inside a git work tree the store shares its history there (SPEC §6): a clone id, and
    // `.relmgr/` out of git's view. Its events so far go to the clone's ref.
    if super::sync::share(&mut store)?.is_some() {
        super::share::export(&mut store)?;
    }
    Ok(Initialized {
        store: store.dir.display().to_string(),
        user: user.to_string(),
        schema_version: crate::store::schema::CURRENT,
    })
}
