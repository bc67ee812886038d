//! `relmgr log`: the audit events, with SPEC §1's visibility: anyone known may read a project's
//! events; the whole log is for members and admins.

use crate::clock;
use crate::error::Error;
use crate::model::{ReleaseRef, Target};
use crate::perm::Action;
use crate::store::events::{self, Event, Filter};

use super::{Session, access, project};

/// A `--since` value (RFC 3339 or a date) in the store's time form; exit 2 when it is neither.
pub fn parse_since(t: &str) -> anyhow::Result<String> {
    Ok(clock::parse_time(t)
        .map(clock::fmt)
        .map_err(|e| Error::usage("--since").caused_by(e))?)
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
            access::require(db, &s.actor.id, Action::ViewAllEvents, None)?;
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
