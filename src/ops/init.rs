//! `relmgr init`: a new store whose first user is its admin; in a git work tree, kept out of
//! `git status` by a line in `.git/info/exclude` (SPEC §6).

use std::io::ErrorKind;
use std::path::Path;

use anyhow::Context;
use serde::Serialize;
use serde_json::json;

use crate::git;
use crate::model::UserId;
use crate::store::{Actor, ActorKind, EventDraft, Store, projects, users};

#[derive(Debug, Serialize)]
pub struct Initialized {
    pub store: String,
    pub user: String,
    pub schema_version: u32,
    /// The pattern added to (or already in) `.git/info/exclude` when the store is inside a
    /// git work tree, e.g. `/.relmgr/`; None outside one.
    pub git_exclude: Option<String>,
}

/// Creates `dir/.relmgr` with `user` as admin. The user gives their own name and email, which
/// counts as consent to keep them.
pub fn init(
    dir: &Path,
    user: &UserId,
    name: Option<String>,
    email: Option<String>,
) -> anyhow::Result<Initialized> {
    // Asked before anything is created, so that a git that refuses the repository (say, for
    // its ownership) leaves no store behind. No git at all: no repository to care about.
    let repo = match git::Repo::discover(nearest_existing(dir)) {
        Ok(repo) => repo,
        Err(git::GitError::Run { source, .. }) if source.kind() == ErrorKind::NotFound => None,
        Err(e) => return Err(anyhow::Error::new(e).context("while looking for a git work tree")),
    };
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
    // Last, so that a failure here still leaves a whole store.
    let git_exclude = match repo {
        Some(repo) => Some(exclude_store(&repo, &store.dir).with_context(|| {
            format!(
                "created {}, but could not add it to the info/exclude of {}",
                store.dir.display(),
                repo.git_dir().display()
            )
        })?),
        None => None,
    };
    Ok(Initialized {
        store: store.dir.display().to_string(),
        user: user.to_string(),
        schema_version: crate::store::schema::CURRENT,
        git_exclude,
    })
}

/// `dir`, or its nearest ancestor that exists (`init` creates the missing ones).
fn nearest_existing(dir: &Path) -> &Path {
    let mut d = dir;
    while !d.exists() {
        match d.parent() {
            Some(p) if !p.as_os_str().is_empty() => d = p,
            _ => return Path::new("."),
        }
    }
    d
}

/// Adds the store (`/<path from the work tree's root>/.relmgr/`) to the repository's
/// `info/exclude`, once; returns the pattern.
fn exclude_store(repo: &git::Repo, store: &Path) -> anyhow::Result<String> {
    let store = store.canonicalize()?;
    let root = repo.root().canonicalize()?;
    let rel = store.strip_prefix(&root).with_context(|| {
        format!(
            "{} is not inside the work tree {}",
            store.display(),
            root.display()
        )
    })?;
    let mut pattern = String::new();
    for part in rel.components() {
        let part = part
            .as_os_str()
            .to_str()
            .with_context(|| format!("{} is not UTF-8", store.display()))?;
        pattern.push('/');
        for c in part.chars() {
            // Characters that mean something in a gitignore pattern, taken literally.
            if matches!(c, '\\' | '*' | '?' | '[' | ']' | ' ' | '!' | '#') {
                pattern.push('\\');
            }
            pattern.push(c);
        }
    }
    pattern.push('/');
    repo.exclude(&pattern)?;
    Ok(pattern)
}
