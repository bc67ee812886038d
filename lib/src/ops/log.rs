//! `relmgr log`: the audit events, with SPEC §1's visibility: anyone known may read a project's
//! events; the whole log is for members and admins.

use crate::error::Error;
use crate::machine::access;
use crate::model::{ReleaseRef, Target, Time};
use crate::perm::Action;
use crate::store::events::{self, Event, Filter};

use super::{Session, project};

/// A `--since` value (RFC 3339 or a date); exit 2 when it is neither.
pub fn parse_since(t: &str) -> anyhow::Result<Time> {
    Ok(Time::parse_lenient(t).map_err(|e| Error::usage("--since").caused_by(e))?)
}

/// `target` is a project, `project/product` or `target@version`; `since` RFC 3339 or a date.
pub fn log(
    s: &Session,
    target: Option<&str>,
    since: Option<&str>,
    limit: Option<usize>,
) -> anyhow::Result<Vec<Event>> {
    let db = s.store.db();
    let since = since.map(parse_since).transpose()?;
    let target = match target {
        None => {
            access::require(db, &s.actor.id, Action::ViewAllEvents, None)
                .map_err(|e| with_project_hint(db, &s.actor.id, e))?;
            None
        }
        Some(t) => {
            let parsed: Target = if t.contains('@') {
                t.parse::<ReleaseRef>()?.target
            } else {
                t.parse()?
            };
            project::load(db, &parsed)?;
            access::require(
                db,
                &s.actor.id,
                Action::ViewProjectEvents,
                Some(parsed.project.as_str()),
            )?;
            Some(t.to_string())
        }
    };
    let mut list = events::list(
        db,
        &Filter {
            target,
            since,
            limit,
        },
    )?;
    for e in &mut list {
        // Personal data is shown only to those who may see everything.
        e.pii = None;
    }
    Ok(list)
}

/// What `log --event N --export DIR` wrote.
#[derive(Debug, serde::Serialize)]
pub struct Exported {
    pub seq: i64,
    pub hash: String,
    /// `event-SEQ.json`: the exact bytes the signature covers (the event's canonical record).
    pub record: String,
    /// `event-SEQ.json.asc`: the detached signature, when the event is signed.
    pub signature: Option<String>,
    pub signer: Option<crate::model::Fingerprint>,
}

/// One event by its seq or (a prefix of at least 8 hex digits of) its hash, for a reader who
/// may see its target's events.
pub fn event(s: &Session, which: &str) -> anyhow::Result<Event> {
    let db = s.store.db();
    let found = match which.parse::<i64>() {
        Ok(seq) if which.len() < 8 => events::get(db, seq)?,
        _ if which.len() >= 8 && which.chars().all(|c| c.is_ascii_hexdigit()) => {
            events::by_hash_prefix(db, &which.to_ascii_lowercase())?
        }
        _ => return Err(Error::usage(format!("--event {which:?}: a seq or a hash")).into()),
    };
    let Some(mut e) = found else {
        return Err(Error::not_found(format!("no event {which}")).into());
    };
    let project = crate::machine::rules::project_of(&e.target);
    let in_project = crate::store::projects::get(db, None, &project)?.is_some();
    if in_project {
        access::require(db, &s.actor.id, Action::ViewProjectEvents, Some(&project))?;
    } else {
        access::require(db, &s.actor.id, Action::ViewAllEvents, None)?;
    }
    e.pii = None;
    Ok(e)
}

/// Writes the event's record and signature into `dir`, so that `gpg --verify` and `sqv` check
/// the event without relmgr.
pub fn export(s: &Session, which: &str, dir: &std::path::Path) -> anyhow::Result<Exported> {
    let e = event(s, which)?;
    std::fs::create_dir_all(dir)
        .map_err(|err| Error::usage(format!("--export {}", dir.display())).caused_by(err))?;
    let record = dir.join(format!("event-{}.json", e.seq));
    std::fs::write(&record, events::record(&e))?;
    let signature = match &e.signature {
        Some(sig) => {
            let p = dir.join(format!("event-{}.json.asc", e.seq));
            std::fs::write(&p, sig)?;
            Some(p.display().to_string())
        }
        None => None,
    };
    Ok(Exported {
        seq: e.seq,
        hash: e.hash,
        record: record.display().to_string(),
        signature,
        signer: e.signer,
    })
}

/// A refusal to show every event, with the way to see what the user may: their projects' logs.
fn with_project_hint(db: &rusqlite::Connection, user: &str, e: anyhow::Error) -> anyhow::Error {
    let projects: Vec<String> = crate::store::projects::list_roles(db, None, Some(user))
        .unwrap_or_default()
        .into_iter()
        .filter(|g| g.target != "store")
        .map(|g| g.target)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    match (e.downcast::<Error>(), projects.first()) {
        (Ok(err), Some(first)) => err
            .hint(format!(
                "see a project's events: `relmgr log {first}` (yours: {})",
                projects.join(", ")
            ))
            .into(),
        (Ok(err), None) => err.into(),
        (Err(e), _) => e,
    }
}
