//! `vote import THREAD.mbox`: reads every message of a mailing-list thread
//! ([`crate::votes::mbox`]), records each sender's last vote as a ballot of the user with that
//! email, and reports what was read from every message, so that the RM can review the tally.
//!
//! A mail's `Date:` places its vote: one dated before the vote opened, after its end time or
//! after now (or not dated at all) is listed with the reason and not recorded, and a voter's
//! last message inside the window wins. The work is linear in the size of the mbox (maps, not
//! searches, per message), so the 64 MiB the import accepts takes seconds.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::error::Error;
use crate::model::event::{Change, GuestVote, ImportedBallot, ReviewItem};
use crate::model::{ReleaseRef, Time};
use crate::ops::Emit;
use crate::perm::{self, Action};
use crate::store::events::{self, Filter};
use crate::store::users;
use crate::store::votes::{self, BallotRow};
use crate::votes::comment::cap;
use crate::votes::{self as rule, Reading, Value};

use super::Session;
use super::vote::{managed_round, refuse_closed};
use crate::machine::{access, rules};

/// The most bytes of a mail's subject that an import reports.
const SUBJECT_MAX_BYTES: usize = 1024;

/// A sender's last vote and what the import did with it.
#[derive(Debug, Serialize)]
pub struct ImportedVote {
    pub email: String,
    pub user: Option<String>,
    pub vote: &'static str,
    pub binding: Option<bool>,
    pub date: Option<Time>,
    /// `recorded`, `duplicate`, `unknown-sender` or `not-allowed`.
    pub result: &'static str,
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
    pub read: &'static str,
    /// The vote read (`+1`, `0`, `-1`), when `read` is `vote`.
    pub vote: Option<&'static str>,
    /// The user with the sender's email, for a vote.
    pub user: Option<String>,
    /// Whether the vote is binding, for a vote that counts.
    pub binding: Option<bool>,
    /// For a vote: `recorded`, `duplicate`, `unknown-sender`, `not-allowed` (as in `votes`),
    /// `replaced` by a later message of the same sender, or not recorded because of its date:
    /// `undated`, `dated-before-open`, `dated-in-future`, `dated-after-close`.
    pub result: Option<&'static str>,
    /// For a replaced vote: the number of the sender's later message that counts instead.
    pub replaced_by: Option<usize>,
    /// Why an unreadable message could not be read, why a vote's date keeps it out, why it
    /// needs review, or how a vote was settled (`changed from -1 to +1`, `withdrew -1: counts
    /// as 0`).
    pub note: Option<String>,
    /// The sender's own lines that hold the vote or that made the message need review.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<String>,
    /// For a message that needed review: the id that `--set` and `--ignore` name.
    pub review_id: Option<String>,
    /// For a message that needed review: `pending`, or the release manager's decision (`+1`,
    /// `0`, `-1`, `none`).
    pub review: Option<Cow<'static, str>>,
}

/// A decision of the release manager on a message that needs review (a payload type).
pub use crate::votes::Decision;

/// One decision recorded by this import.
#[derive(Debug, Serialize)]
pub struct Reviewed {
    pub message_id: String,
    pub from: String,
    /// `+1`, `0`, `-1` or `none`.
    pub decision: Decision,
    pub voter: Option<String>,
    pub binding: Option<bool>,
}

/// The messages of a vote's imports that need review and are not decided yet, in the order
/// imported; and every decision made, by message id. Read from the history (the import and
/// review events that hold), so that a fresh clone sees what an old one sees.
pub fn reviews(
    db: &rusqlite::Connection,
    r: &ReleaseRef,
    label: &str,
) -> anyhow::Result<(Vec<ReviewItem>, BTreeMap<String, Decision>)> {
    let target = r.to_string();
    let mut items: Vec<ReviewItem> = Vec::new();
    let mut decided: BTreeMap<String, Decision> = BTreeMap::new();
    let mut seen: HashSet<String> = HashSet::new();
    let filter = Filter {
        target: Some(target.clone()),
        since: None,
        limit: None,
    };
    for e in events::list(db, &filter)? {
        if e.target != target || e.void.is_some() {
            continue;
        }
        if e.kind != "vote.import" && e.kind != "vote.review" {
            continue;
        }
        match Change::read(&e.kind, &e.payload) {
            Ok(Change::VoteImport {
                revision, review, ..
            }) if revision.is_none_or(|n| n.to_string() == label) => {
                for item in review {
                    if seen.insert(item.message_id.clone()) {
                        items.push(item);
                    }
                }
            }
            Ok(Change::VoteReview {
                revision,
                message_id,
                decision,
                ..
            }) if revision.is_none_or(|n| n.to_string() == label) => {
                decided.insert(message_id, decision);
            }
            _ => {}
        }
    }
    items.retain(|i| !decided.contains_key(&i.message_id));
    Ok((items, decided))
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
    /// The decisions on messages that needed review, recorded now (`--set`, `--ignore`,
    /// `--review`).
    pub reviewed: Vec<Reviewed>,
    /// How many messages of this vote still need review (from this thread or earlier imports).
    pub needs_review: usize,
}

/// The guests' votes recorded by the imports that hold on revision `label` of `release`, in
/// the order of the history (the `[RESULT]` mail names them; a second import skips them).
pub(crate) fn imported_guests(
    db: &rusqlite::Connection,
    release: &str,
    label: &str,
) -> anyhow::Result<Vec<GuestVote>> {
    let filter = crate::store::events::Filter {
        target: Some(release.to_string()),
        since: None,
        limit: None,
    };
    let mut out = Vec::new();
    for e in crate::store::events::list(db, &filter)? {
        if e.target != release || e.kind != "vote.import" || e.void.is_some() {
            continue;
        }
        if let Ok(Change::VoteImport {
            revision, guests, ..
        }) = Change::read(&e.kind, &e.payload)
            && revision.is_some_and(|n| n.to_string() == label)
        {
            out.extend(guests);
        }
    }
    Ok(out)
}

/// The guests' votes already recorded for revision `label` of `r`, as (email, vote), so that a
/// second import of the same thread records none again.
fn recorded_guests(
    s: &Session,
    r: &ReleaseRef,
    label: &str,
) -> anyhow::Result<HashSet<(String, Value)>> {
    Ok(imported_guests(s.store.db(), &r.to_string(), label)?
        .into_iter()
        .map(|g| (g.email.to_ascii_lowercase(), g.vote))
        .collect())
}

/// The id of a message to review: its Message-ID, or `FROM DATE` when it has none.
fn review_id(m: &rule::MailMessage) -> Option<String> {
    m.message_id.clone().or_else(|| {
        let from = m.from_email.as_deref()?;
        Some(match m.date {
            Some(d) => format!("{from} {}", Time::new(d)),
            None => from.to_string(),
        })
    })
}

/// Asks the release manager about one message that needs review: `None` leaves it pending.
pub type Ask<'a> = &'a mut dyn FnMut(&ReviewItem) -> anyhow::Result<Option<Decision>>;

/// `vote import THREAD.mbox`: each sender's last vote, mapped to users by email; the messages
/// that need review listed (and recorded as such); then the release manager's decisions
/// (`decisions` by id, then `ask` for each message still pending, when given), each an event.
pub fn import(
    s: &mut Session,
    r: &ReleaseRef,
    mbox: &Path,
    decisions: &[(String, Decision)],
    ask: Option<Ask<'_>>,
) -> anyhow::Result<ImportReport> {
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
    // The thread owns what it read: the 64 MiB are not held through the rest.
    drop(bytes);
    let db = s.store.db();
    let project = r.target.project.as_str();
    let now = Time::now()?;
    rule::apply_window(
        &mut thread,
        round.opened_at.timestamp(),
        round.closes_at.timestamp(),
        now.timestamp(),
    );
    let (pending_before, decided_before) = reviews(db, r, &rev.label())?;
    // The messages of this thread that need review and are new to the history.
    let mut new_review: Vec<ReviewItem> = Vec::new();
    let mut seen: HashSet<String> = pending_before
        .iter()
        .map(|i| i.message_id.clone())
        .collect();
    for m in &thread.messages {
        let (Reading::Review(why), None, Some(id), Some(from)) =
            (&m.reading, m.outside, review_id(m), m.from_email.as_deref())
        else {
            continue;
        };
        // One set of the ids seen: a search per message made 450k messages take 17 minutes.
        if !decided_before.contains_key(&id) && seen.insert(id.clone()) {
            new_review.push(ReviewItem {
                message_id: id,
                from: from.to_string(),
                date: m.date.map(Time::new),
                why: why.clone(),
                lines: m.lines.clone(),
            });
        }
    }
    // Decisions name messages that need review: refused before anything is recorded.
    for (id, _) in decisions {
        if !seen.contains(id) {
            let why = if decided_before.contains_key(id) {
                "was decided already"
            } else {
                "is no message that needs review"
            };
            return Err(Error::usage(format!("{id:?} {why}"))
                .hint("the ids are in `relmgr vote import`'s review column and `vote status`")
                .into());
        }
    }
    // A copy of every id to review (450k of them in a thread where each message needs one).
    drop(seen);
    // The mail ballots already recorded, to tell a duplicate in one lookup.
    let existing: HashSet<(String, Time, Value)> = votes::ballots(db, rev.id)?
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
    let last_votes = rule::last_votes(&thread);
    let mut report = Vec::with_capacity(last_votes.len());
    let existing_guests = recorded_guests(s, r, &rev.label())?;
    let mut guests = Vec::new();
    // For each message (by number, from 1), the index of its entry in `report` when its vote
    // counts (`usize::MAX` when not): a map of 600k entries took some 40 MB.
    let mut counted: Vec<usize> = vec![usize::MAX; thread.messages.len() + 1];
    let mut rows = Vec::new();
    for (mv, value) in last_votes {
        let Some(email) = mv.from_email.clone() else {
            continue;
        };
        if let Some(c) = counted.get_mut(mv.number) {
            *c = report.len();
        }
        let date = mv.date.map(Time::new);
        let mut item = ImportedVote {
            email,
            user: None,
            vote: value.as_str(),
            binding: None,
            date,
            result: "",
        };
        let Some(u) = user_of(&item.email) else {
            // Not a ballot, but a voice of the thread: the [RESULT] names it (non-binding).
            if !existing_guests.contains(&(item.email.to_ascii_lowercase(), value)) {
                guests.push(GuestVote {
                    name: mv.from_name.as_deref().map(rules::guest_name),
                    email: item.email.clone(),
                    vote: value,
                    cast_at: date,
                });
            }
            item.result = "unknown-sender";
            report.push(item);
            continue;
        };
        item.user = Some(u.id.clone());
        if perm::check(Action::Vote, &access::holder(db, &u.id, Some(project))?).is_err() {
            item.result = "not-allowed";
            report.push(item);
            continue;
        }
        // Inside the window, so dated.
        let cast_at = date.unwrap_or(now);
        let binding = access::was_pmc(db, &u.id, project, cast_at)?;
        item.binding = Some(binding);
        let dup = existing.contains(&(u.id.clone(), cast_at, value));
        item.result = if dup { "duplicate" } else { "recorded" };
        if !dup {
            rows.push(BallotRow {
                voter: u.id.clone(),
                value,
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
    // The new messages to review go into the event; a copy is kept only when decisions follow
    // (a thread of 450k messages to review is not held twice).
    let keep = !decisions.is_empty() || ask.is_some();
    let kept_review = if keep { new_review.clone() } else { Vec::new() };
    let uncounted = if keep { 0 } else { new_review.len() };
    // Recorded before the thread becomes the report: the event (600k guests of a 64 MiB thread)
    // is not held beside both the thread and the report while one is moved into the other.
    if !rows.is_empty() || !guests.is_empty() || !new_review.is_empty() {
        let ballots = rows
            .iter()
            .map(|b| {
                Ok(ImportedBallot {
                    voter: b.voter.parse()?,
                    vote: b.value,
                    binding: b.binding,
                    cast_at: Some(b.cast_at),
                })
            })
            .collect::<anyhow::Result<_>>()?;
        s.emit(Emit::new(
            r.to_string(),
            Change::VoteImport {
                revision: Some(rev.no()),
                ballots,
                guests,
                review: new_review,
            },
        ))?;
    }
    let ignored = thread.ignored();
    // The thread is used up here: its strings move into the report rather than being copied
    // (a thread of 600k messages is held once, not twice). Taken from the end, its list given
    // back as it empties, then the report's turned around: the two lists are never both whole.
    let mut thread_messages = thread.messages;
    let mut messages = Vec::with_capacity(thread_messages.len());
    while let Some(m) = thread_messages.pop() {
        if thread_messages.len() % (1 << 16) == 0 {
            thread_messages.shrink_to_fit();
        }
        let review_id = (matches!(m.reading, Reading::Review(_)) && m.outside.is_none())
            .then(|| review_id(&m))
            .flatten();
        let vote = m.vote().map(Value::as_str);
        let read = m.reading.code();
        let mut item = ImportedMessage {
            number: m.number,
            message_id: m.message_id,
            from: m.from_email,
            date: m.date.map(Time::new),
            subject: if m.subject.len() > SUBJECT_MAX_BYTES {
                cap(&m.subject, SUBJECT_MAX_BYTES)
            } else {
                m.subject
            },
            call: m.call,
            read,
            vote,
            user: None,
            binding: None,
            result: None,
            replaced_by: m.replaced_by,
            note: match (m.reading, m.outside) {
                (Reading::Unreadable(why), _) => Some(why),
                (_, Some(o)) => Some(o.reason().to_string()),
                (Reading::Review(why), None) => Some(why),
                _ => m.how,
            },
            lines: m.lines,
            review_id,
            review: None,
        };
        if let Some(v) = counted.get(m.number).and_then(|&i| report.get(i)) {
            item.user = v.user.clone();
            item.binding = v.binding;
            item.result = Some(v.result);
        } else if let Some(o) = m.outside {
            item.result = Some(o.code());
        } else if m.replaced_by.is_some() {
            if let Some(email) = &item.from {
                item.user = user_of(email).map(|u| u.id.clone());
            }
            item.result = Some("replaced");
        }
        messages.push(item);
    }
    messages.reverse();
    // The decisions: those given by id, then each message still pending that `ask` settles.
    let mut pending: Vec<ReviewItem> = pending_before;
    pending.extend(kept_review);
    let mut reviewed = Vec::new();
    let chosen: HashMap<&str, Decision> =
        decisions.iter().map(|(id, d)| (id.as_str(), *d)).collect();
    let mut left = Vec::with_capacity(pending.len());
    for item in pending {
        match chosen.get(item.message_id.as_str()) {
            Some(d) => reviewed.push(decide(s, r, &rev.label(), &item, *d, now)?),
            None => left.push(item),
        }
    }
    let mut pending = left;
    if let Some(ask) = ask {
        // Those left pending, in order (a removal from the list for each decision was
        // quadratic in a long review).
        let mut still = Vec::with_capacity(pending.len());
        for item in pending {
            match ask(&item)? {
                Some(d) => reviewed.push(decide(s, r, &rev.label(), &item, d, now)?),
                None => still.push(item),
            }
        }
        pending = still;
    }
    let decided: BTreeMap<&str, Decision> = reviewed
        .iter()
        .map(|d| (d.message_id.as_str(), d.decision))
        .chain(decided_before.iter().map(|(k, v)| (k.as_str(), *v)))
        .collect();
    for m in &mut messages {
        if let Some(id) = &m.review_id {
            m.review = Some(
                decided
                    .get(id.as_str())
                    .map_or("pending", |d| d.as_str())
                    .into(),
            );
        }
    }
    Ok(ImportReport {
        release: r.to_string(),
        revision: rev.label(),
        votes: report,
        ignored,
        messages,
        reviewed,
        needs_review: pending.len() + uncounted,
    })
}

/// Records the release manager's decision on one message that needs review: a `vote.review`
/// event (a ballot of the user with the sender's address, or none).
fn decide(
    s: &mut Session,
    r: &ReleaseRef,
    label: &str,
    item: &ReviewItem,
    d: Decision,
    now: Time,
) -> anyhow::Result<Reviewed> {
    let db = s.store.db();
    let project = r.target.project.as_str();
    let (voter, binding, cast_at) = match d {
        Decision::Ignore => (None, false, None),
        Decision::Vote(_) => {
            let Some(u) = users::by_email(db, &item.from)? else {
                return Err(Error::usage(format!(
                    "no user has the email {}: their vote cannot be recorded",
                    item.from
                ))
                .hint("add the user first, or decide `none` (--ignore)")
                .into());
            };
            if let Err(e) = perm::check(Action::Vote, &access::holder(db, &u.id, Some(project))?) {
                return Err(Error::not_allowed(format!(
                    "{} may not vote on {r}: that needs {}",
                    u.id, e.needs
                ))
                .into());
            }
            let at = item.date.unwrap_or(now);
            let binding = access::was_pmc(db, &u.id, project, at)?;
            (Some(u.id), binding, Some(at))
        }
    };
    s.emit(Emit::new(
        r.to_string(),
        Change::VoteReview {
            revision: Some(label.parse()?),
            message_id: item.message_id.clone(),
            from: item.from.clone(),
            decision: d,
            voter: voter.as_deref().map(str::parse).transpose()?,
            binding,
            cast_at,
        },
    ))?;
    Ok(Reviewed {
        message_id: item.message_id.clone(),
        from: item.from.clone(),
        decision: d,
        binding: voter.as_ref().map(|_| binding),
        voter,
    })
}
