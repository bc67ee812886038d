//! `relmgr sync`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::output::table;
use relmgr::error::Error;
use relmgr::ops::sync::{self, DEFAULT_REMOTE};
use relmgr::store::{self, Store};

use super::Ctx;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The git remote (a name, URL or path) [default: origin]
    pub remote: Option<String>,
    /// Fetch and merge only; do not push this clone's events
    #[arg(long)]
    pub no_push: bool,
    /// In a clone without a store: create it, with this user as the clone's user
    #[arg(long, value_name = "ID")]
    pub user: Option<String>,
}

pub fn run(ctx: &Ctx, a: Args) -> anyhow::Result<ExitCode> {
    let remote = a.remote.as_deref().unwrap_or(DEFAULT_REMOTE);
    let (mut store, created) = match store::locate(ctx.global.store.as_deref()) {
        Ok(dir) => (Store::open(&dir)?, false),
        Err(not_found) => {
            let Some(user) = &a.user else {
                return Err(not_found);
            };
            let user: relmgr::model::UserId = user.parse()?;
            let parent = match &ctx.global.store {
                Some(dir) => dir.clone(),
                None => git_root()?,
            };
            (sync::create_clone_store(&parent, user.as_str())?, true)
        }
    };
    let dir = store.dir.clone();
    let report = match sync::sync(&mut store, remote, !a.no_push, created) {
        Ok(r) => r,
        Err(e) => {
            if created {
                // A first sync that failed leaves nothing behind.
                drop(store);
                let _ = std::fs::remove_dir_all(&dir);
            }
            return Err(e);
        }
    };
    ctx.out.data(&report, || {
        let mut lines = vec![format!(
            "{}{} new events from {}, {} applied{}{}.",
            if report.created {
                "Store created; "
            } else {
                ""
            },
            report.fetched,
            report.remote,
            report.applied,
            if report.rebuilt {
                " (index rebuilt)"
            } else {
                ""
            },
            if report.pushed { ", pushed" } else { "" },
        )];
        if !report.voided.is_empty() {
            lines.push(format!("{} events are void:", report.voided.len()));
            lines.push(table(
                &["seq", "type", "actor", "reason"],
                report.voided.iter().map(|v| {
                    vec![
                        v.seq.to_string(),
                        v.kind.clone(),
                        v.actor.clone(),
                        v.reason.clone(),
                    ]
                }),
            ));
        }
        lines.join("\n")
    });
    let problems = report.history_problems();
    let bad = report.refused_voids();
    if problems.is_empty() && bad.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let mut named = problems;
    named.extend(
        bad.iter()
            .map(|v| format!("event {} ({} by {}): {}", v.seq, v.kind, v.actor, v.reason)),
    );
    let hint = if report.set_aside.is_empty() && report.orphaned.is_empty() {
        "the index is up to date with everything else; ask the authors of void events about them (an unsigned one: to sign with their registered key)"
    } else {
        "everything else was taken and the index is up to date; a set-aside ref changes nothing here until its owner repairs it on the remote"
    };
    Err(Error::verification(format!(
        "the shared history has {} problem(s) ({} event(s) that relmgr refuses are void): {}",
        named.len(),
        bad.len(),
        named.join("; ")
    ))
    .hint(hint)
    .into())
}

/// The root of the git work tree around the current directory.
fn git_root() -> anyhow::Result<PathBuf> {
    let cwd = std::env::current_dir()?;
    match relmgr::git::Repo::discover(&cwd).map_err(sync::git_error)? {
        Some(r) => Ok(r.root().to_path_buf()),
        None => Err(Error::wrong_state(format!(
            "{} is not inside a git work tree, and has no relmgr store",
            cwd.display()
        ))
        .hint("clone the project's repository, then run `relmgr sync --user ID` in it")
        .into()),
    }
}
