//! `vote import THREAD.mbox`: reads every message of a mailing-list thread
//! ([`crate::votes::mbox`]), records each sender's last vote as a ballot of the user with that
//! email, and reports what was read from every message, so that the RM can review the tally.
//!
//! A mail's `Date:` places its vote: one dated before the vote opened, after its end time or
//! after now (or not dated at all) is listed with the reason and not recorded, and a voter's
//! last message inside the window wins. The work is linear in the size of the mbox (maps, not
//! searches, per message), so the 64 MiB the import accepts takes seconds.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::error::Error;
use crate::model::event::{Change, GuestVote, ImportedBallot};
use crate::model::{ReleaseRef, Time};
use crate::ops::Emit;
use crate::perm::{self, Action};
use crate::store::users;
use crate::store::votes::{self, BallotRow};
use crate::votes::comment::cap;
use crate::votes::{self as rule, Reading};

use super::vote::{managed_round, num_value, refuse_closed, value_num};
use super::{Session, access};

/// The most bytes of a mail's subject that an import reports.
const SUBJECT_MAX_BYTES: usize = 1024;

/// A sender's last vote and what the import did with it.
#[derive(Debug, Serialize)]
pub struct ImportedVote {
    pub email: String,
    pub user: Option<String>,
    pub vote: String,
    pub binding: Option<bool>,
    pub date: Option<Time>,
    /// `recorded`, `duplicate`, `unknown-sender` or `not-allowed`.
    pub result: String,
}

/// One message of the thread and what was read from it.
#[derive(Debug, Serialize)]
pub struct ImportedMessage {
    /// Its position in the mbox, from 1.
    pub number: usize,
    pub message_id: Option<String>,
    /// The sender's address, lower-cased.
    pub from: Option<String>,
    pub date: Option<Time>,
    pub subject: String,
    /// Whether it is the call for the vote (the `[VOTE]` mail).
    pub call: bool,
    /// What was read: `vote`, `template`, `quoted-vote`, `no-vote`, `after-result` or
    /// `unreadable`.
    pub read: String,
    /// The vote read (`+1`, `0`, `-1`), when `read` is `vote`.
    pub vote: Option<String>,
    /// The user with the sender's email, for a vote.
    pub user: Option<String>,
    /// Whether the vote is binding, for a vote that counts.
    pub binding: Option<bool>,
    /// For a vote: `recorded`, `duplicate`, `unknown-sender`, `not-allowed` (as in `votes`),
    /// `replaced` by a later message of the same sender, or not recorded because of its date:
    /// `undated`, `dated-before-open`, `dated-in-future`, `dated-after-close`.
    pub result: Option<String>,
    /// For a replaced vote: the number of the sender's later message that counts instead.
    pub replaced_by: Option<usize>,
    /// Why an unreadable message could not be read, or why a vote's date keeps it out.
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ImportReport {
    pub release: String,
    pub revision: String,
    /// Each sender's last vote, by email.
    pub votes: Vec<ImportedVote>,
    /// The messages that gave no vote, with why (`message N from EMAIL: REASON`).
    pub ignored: Vec<String>,
    /// Every message of the thread, in mbox order.
    pub messages: Vec<ImportedMessage>,
}

/// The most bytes of a guest's name that an import records.
const GUEST_NAME_MAX_BYTES: usize = 256;

/// The guests' votes already recorded for revision `label` of `r`, as (email, vote), so that a
/// second import of the same thread records none again.
fn recorded_guests(
    s: &Session,
    r: &ReleaseRef,
    label: &str,
) -> anyhow::Result<HashSet<(String, String)>> {
    let mut seen = HashSet::new();
    let target = r.to_string();
    let filter = crate::store::events::Filter {
        target: Some(target.clone()),
        since: None,
        limit: None,
    };
    for e in crate::store::events::list(s.store.db(), &filter)? {
        if e.target != target || e.kind != "vote.import" || e.void.is_some() {
            continue;
        }
        if let Ok(Change::VoteImport {
            revision, guests, ..
        }) = Change::read(&e.kind, &e.payload)
            && revision.as_deref() == Some(label)
        {
            for g in guests {
                seen.insert((g.email.to_ascii_lowercase(), g.vote));
            }
        }
    }
    Ok(seen)
}

/// `vote import THREAD.mbox`: each sender's last vote, mapped to users by email.
pub fn import(s: &mut Session, r: &ReleaseRef, mbox: &Path) -> anyhow::Result<ImportReport> {
    let (rev, round) = managed_round(s, r)?;
    refuse_closed(&round, r)?;
    let meta = std::fs::metadata(mbox)
        .map_err(|e| Error::usage(mbox.display().to_string()).caused_by(e))?;
    if !meta.is_file() || meta.len() > 64 * 1024 * 1024 {
        return Err(Error::usage(format!(
            "{} is not a mailbox file of at most 64 MiB",
            mbox.display()
        ))
        .into());
    }
    let bytes = std::fs::read(mbox)?;
    let mut thread = rule::parse_thread(&bytes)
        .map_err(|e| Error::usage(mbox.display().to_string()).caused_by(e))?;
    let db = s.store.db();
    let project = r.target.project.as_str();
    let now = Time::now()?;
    rule::apply_window(
        &mut thread,
        round.opened_at.timestamp(),
        round.closes_at.timestamp(),
        now.timestamp(),
    );
    // The mail ballots already recorded, to tell a duplicate in one lookup.
    let existing: HashSet<(String, Time, i8)> = votes::ballots(db, rev.id)?
        .into_iter()
        .filter(|b| b.source == "mail")
        .map(|b| (b.voter, b.cast_at, b.value))
        .collect();
    // Users by email, read once: a thread of many unknown senders asks no query per sender.
    // The first user (by id) with an email wins, case folded as `users::by_email` folds it.
    let mut by_email: HashMap<String, users::User> = HashMap::new();
    for u in users::list(db)? {
        if let Some(e) = u.email.as_deref().map(str::to_ascii_lowercase) {
            by_email.entry(e).or_insert(u);
        }
    }
    let user_of = |email: &str| by_email.get(&email.to_ascii_lowercase());
    let mut report = Vec::new();
    let existing_guests = recorded_guests(s, r, &rev.label())?;
    let mut guests = Vec::new();
    // The message number of each counted vote, to its entry in `report`.
    let mut counted: BTreeMap<usize, usize> = BTreeMap::new();
    let mut rows = Vec::new();
    for (mv, value) in rule::last_votes(&thread) {
        let Some(email) = mv.from_email.clone() else {
            continue;
        };
        counted.insert(mv.number, report.len());
        let date = mv.date.map(Time::new);
        let mut item = ImportedVote {
            email,
            user: None,
            vote: value.to_string(),
            binding: None,
            date,
            result: String::new(),
        };
        let Some(u) = user_of(&item.email) else {
            // Not a ballot, but a voice of the thread: the [RESULT] names it (non-binding).
            if !existing_guests.contains(&(item.email.to_ascii_lowercase(), value.to_string())) {
                guests.push(GuestVote {
                    name: mv.from_name.as_deref().map(|n| {
                        let n: String = n.chars().filter(|c| !c.is_control()).collect();
                        cap(&n, GUEST_NAME_MAX_BYTES)
                    }),
                    email: item.email.clone(),
                    vote: value.to_string(),
                    cast_at: date.map(|d| d.to_string()),
                });
            }
            item.result = "unknown-sender".into();
            report.push(item);
            continue;
        };
        item.user = Some(u.id.clone());
        if perm::check(Action::Vote, &access::holder(db, &u.id, Some(project))?).is_err() {
            item.result = "not-allowed".into();
            report.push(item);
            continue;
        }
        // Inside the window, so dated.
        let cast_at = date.unwrap_or(now);
        let binding = access::was_pmc(db, &u.id, project, cast_at)?;
        item.binding = Some(binding);
        let dup = existing.contains(&(u.id.clone(), cast_at, value_num(value)));
        item.result = if dup { "duplicate" } else { "recorded" }.into();
        if !dup {
            rows.push(BallotRow {
                voter: u.id.clone(),
                value: value_num(value),
                binding,
                comment: Some(cap(
                    &format!("from the mail thread: {}", mv.subject),
                    SUBJECT_MAX_BYTES,
                )),
                cast_at,
                source: "mail".into(),
                signature: None,
                signer: None,
            });
        }
        report.push(item);
    }
    let mut messages = Vec::with_capacity(thread.messages.len());
    for m in &thread.messages {
        let mut item = ImportedMessage {
            number: m.number,
            message_id: m.message_id.clone(),
            from: m.from_email.clone(),
            date: m.date.map(Time::new),
            subject: cap(&m.subject, SUBJECT_MAX_BYTES),
            call: m.call,
            read: m.reading.code().into(),
            vote: m.vote().map(|v| v.to_string()),
            user: None,
            binding: None,
            result: None,
            replaced_by: m.replaced_by,
            note: match (&m.reading, m.outside) {
                (Reading::Unreadable(why), _) => Some(why.clone()),
                (_, Some(o)) => Some(o.reason().to_string()),
                _ => None,
            },
        };
        if let Some(v) = counted.get(&m.number).and_then(|&i| report.get(i)) {
            item.user = v.user.clone();
            item.binding = v.binding;
            item.result = Some(v.result.clone());
        } else if let Some(o) = m.outside {
            item.result = Some(o.code().into());
        } else if m.replaced_by.is_some() {
            if let Some(email) = &m.from_email {
                item.user = user_of(email).map(|u| u.id.clone());
            }
            item.result = Some("replaced".into());
        }
        messages.push(item);
    }
    if !rows.is_empty() || !guests.is_empty() {
        let ballots = rows
            .iter()
            .map(|b| ImportedBallot {
                voter: b.voter.clone(),
                vote: num_value(b.value).to_string(),
                binding: b.binding,
                cast_at: Some(b.cast_at.to_string()),
            })
            .collect();
        s.emit(Emit::new(
            r.to_string(),
            Change::VoteImport {
                revision: Some(rev.label()),
                ballots,
                guests,
            },
        ))?;
    }
    Ok(ImportReport {
        release: r.to_string(),
        revision: rev.label(),
        votes: report,
        ignored: thread.ignored(),
        messages,
    })
}
