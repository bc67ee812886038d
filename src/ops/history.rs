//! The history as a whole: the order every clone computes from the same events (SPEC §6), the
//! validity of each event in that order (decide), and replay (decide, then [`apply`], for every
//! event in order) into an index. A command checks its own event before writing it; replay
//! re-decides every event because a merged order may hold events that were valid where they
//! were written and are not any more (a ballot cast while the RM closed the vote). Such an event
//! is kept, marked void with its reason, and changes nothing.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use rusqlite::Connection;
use serde::Serialize;

use crate::model::ReleaseRef;
use crate::model::event::Change;
use crate::model::{Phase, Stage};
use crate::perm::{self, Action};
use crate::store::events::{self, Event, GENESIS};
use crate::store::{releases, users, votes};
use crate::votes::Outcome;

use super::access;
use super::apply::{apply, revision_of};
use super::signatures::{self, Verdicts};

/// An event that is kept but changed nothing, and why.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Voided {
    pub seq: i64,
    #[serde(rename = "type")]
    pub kind: String,
    pub actor: String,
    pub target: String,
    pub hash: String,
    pub reason: String,
    /// Void for its signature: unsigned where the policy wants it signed, badly signed, or
    /// signed with another's key.
    #[serde(skip)]
    pub by_signature: bool,
}

/// A history that cannot be ordered: an event follows one that is not there, or a cycle.
#[derive(Debug, thiserror::Error)]
#[error("the history is incomplete: event {event} follows {missing}, which is not in it")]
pub struct Incomplete {
    pub event: String,
    pub missing: String,
}

/// Orders a set of events the way every clone orders it: an event after the events it follows
/// (its parents), and among events not ordered so, by time, then by hash. Duplicates (the same
/// hash) count once. `seq` and `prev_hash` are set to the place in the order.
pub fn order(events: Vec<Event>) -> Result<Vec<Event>, Incomplete> {
    let mut by_hash: HashMap<String, Event> = HashMap::with_capacity(events.len());
    for e in events {
        by_hash.entry(e.hash.clone()).or_insert(e);
    }
    let mut waiting: HashMap<&str, usize> = HashMap::with_capacity(by_hash.len());
    let mut children: HashMap<String, Vec<&str>> = HashMap::new();
    for (hash, e) in &by_hash {
        let parents = events::parents_of(e);
        for p in &parents {
            if !by_hash.contains_key(p) {
                return Err(Incomplete {
                    event: hash.clone(),
                    missing: p.clone(),
                });
            }
            children.entry(p.clone()).or_default().push(hash.as_str());
        }
        waiting.insert(hash.as_str(), parents.len());
    }
    let mut ready: BinaryHeap<Reverse<(&str, &str)>> = waiting
        .iter()
        .filter(|(_, n)| **n == 0)
        .map(|(h, _)| Reverse((by_hash[*h].time.as_str(), *h)))
        .collect();
    let mut out_order: Vec<String> = Vec::with_capacity(by_hash.len());
    while let Some(Reverse((_, h))) = ready.pop() {
        out_order.push(h.to_string());
        for c in children.get(h).map(Vec::as_slice).unwrap_or_default() {
            let n = waiting.get_mut(c).expect("known");
            *n -= 1;
            if *n == 0 {
                ready.push(Reverse((by_hash[*c].time.as_str(), c)));
            }
        }
    }
    if out_order.len() != by_hash.len() {
        let stuck = waiting
            .iter()
            .find(|(h, _)| !out_order.iter().any(|o| o == *h))
            .map(|(h, _)| h.to_string())
            .unwrap_or_default();
        return Err(Incomplete {
            event: stuck.clone(),
            missing: stuck,
        });
    }
    let mut out = Vec::with_capacity(out_order.len());
    let mut prev = GENESIS.to_string();
    for (i, h) in out_order.into_iter().enumerate() {
        let mut e = by_hash.remove(&h).expect("ordered once");
        e.seq = i as i64 + 1;
        e.prev_hash = prev;
        prev = e.hash.clone();
        e.void = None;
        out.push(e);
    }
    Ok(out)
}

/// The release and revision label a ballot or close speaks of.
fn vote_key(e: &Event, c: &Change) -> Option<(String, Option<String>)> {
    match c {
        Change::VoteCast { revision, .. }
        | Change::VoteImport { revision, .. }
        | Change::VoteClose { revision, .. } => Some((e.target.clone(), revision.clone())),
        _ => None,
    }
}

/// Ballots that a close did not see: a close counts the ballots it follows (the ones its
/// writer had); a ballot concurrent with it is void, whatever its time, so that a clone coming
/// back online cannot change a closed vote (and what was built on it).
fn unseen_by_close(ordered: &[(Event, Option<Change>)]) -> HashMap<usize, String> {
    let index: HashMap<&str, usize> = ordered
        .iter()
        .enumerate()
        .map(|(i, (e, _))| (e.hash.as_str(), i))
        .collect();
    let mut void = HashMap::new();
    for (ci, (close, change)) in ordered.iter().enumerate() {
        let Some(c @ Change::VoteClose { .. }) = change else {
            continue;
        };
        let key = vote_key(close, c);
        // The close's ancestors: what its writer had seen.
        let mut seen: HashSet<usize> = HashSet::new();
        let mut stack = vec![ci];
        while let Some(i) = stack.pop() {
            for p in events::parents_of(&ordered[i].0) {
                if let Some(&j) = index.get(p.as_str())
                    && seen.insert(j)
                {
                    stack.push(j);
                }
            }
        }
        for (bi, (ballot, bc)) in ordered[..ci].iter().enumerate() {
            if let Some(bc @ (Change::VoteCast { .. } | Change::VoteImport { .. })) = bc
                && vote_key(ballot, bc) == key
                && !seen.contains(&bi)
            {
                void.entry(bi).or_insert_with(|| {
                    format!(
                        "not seen by the close of the vote (event {}, by {})",
                        close.hash.get(..12).unwrap_or(&close.hash),
                        close.actor
                    )
                });
            }
        }
    }
    void
}

/// What replay has read of users, roles and policies, kept between events until an event
/// changes it: most events ask the same questions (is the actor a user, what may they do).
#[derive(Default)]
pub struct Known {
    users: HashSet<String>,
    holders: HashMap<(String, String), perm::Holder>,
    /// Whether any policy asks for signed events: until one does, no unsigned event is void.
    signing_policy: Option<bool>,
    /// The owner of each registered key asked about.
    key_owners: HashMap<String, Option<String>>,
}

impl Known {
    fn is_user(&mut self, db: &Connection, id: &str) -> anyhow::Result<bool> {
        if self.users.contains(id) {
            return Ok(true);
        }
        let known = users::get(db, id)?.is_some();
        if known {
            self.users.insert(id.to_string());
        }
        Ok(known)
    }

    fn holder(
        &mut self,
        db: &Connection,
        user: &str,
        project: &str,
    ) -> anyhow::Result<&perm::Holder> {
        let key = (user.to_string(), project.to_string());
        if !self.holders.contains_key(&key) {
            let h = access::holder(db, user, Some(project))?;
            self.holders.insert(key.clone(), h);
        }
        Ok(&self.holders[&key])
    }

    pub(super) fn signing_policy(&mut self, db: &Connection) -> anyhow::Result<bool> {
        if let Some(known) = self.signing_policy {
            return Ok(known);
        }
        let any: bool = db.query_row(
            "SELECT count(*) > 0 FROM policies WHERE signed_events IN ('binding', 'all')",
            [],
            |r| r.get(0),
        )?;
        self.signing_policy = Some(any);
        Ok(any)
    }

    pub(super) fn key_owner(
        &mut self,
        db: &Connection,
        fingerprint: &str,
    ) -> anyhow::Result<Option<&str>> {
        if !self.key_owners.contains_key(fingerprint) {
            let owner = crate::store::keys::find(db, fingerprint)?.and_then(|k| k.user);
            self.key_owners.insert(fingerprint.to_string(), owner);
        }
        Ok(self.key_owners[fingerprint].as_deref())
    }

    /// Forgets what `change` may have changed.
    fn applied(&mut self, change: &Change) {
        match change {
            Change::KeyImport { .. } | Change::KeyGenerate { .. } | Change::KeyRetire { .. } => {
                self.key_owners.clear();
            }
            Change::StoreInit { .. }
            | Change::UserAdd { .. }
            | Change::ConsentGrant { .. }
            | Change::ConsentRevoke { .. }
            | Change::RoleGrant { .. }
            | Change::RoleRevoke { .. } => {
                self.users.clear();
                self.holders.clear();
            }
            Change::PolicySet { .. } => self.signing_policy = None,
            _ => {}
        }
    }
}

/// Whether `e` is valid on the state `db` holds before it: `Some(reason)` when it is not.
pub fn decide(
    db: &Connection,
    e: &Event,
    change: &Change,
    known: &mut Known,
) -> anyhow::Result<Option<String>> {
    if !matches!(change, Change::StoreInit { .. }) && !known.is_user(db, &e.actor)? {
        return Ok(Some(format!("{} is not a user here", e.actor)));
    }
    let project = e.target.split(['/', '@']).next().unwrap_or_default();
    let mut needs = |action: Action| -> anyhow::Result<Option<String>> {
        let h = known.holder(db, &e.actor, project)?;
        Ok(perm::check(action, h).err().map(|refusal| {
            format!(
                "{} may not {} on {project} at this point: that needs {}",
                e.actor,
                action.describe(),
                refusal.needs
            )
        }))
    };
    match change {
        Change::VoteCast { revision, .. } | Change::VoteImport { revision, .. } => {
            if let Some(why) = needs(Action::Vote)? {
                return Ok(Some(why));
            }
            let (_, rev) = revision_of(db, e, revision.as_deref())?;
            match votes::round(db, rev.id)? {
                None => return Ok(Some(format!("no vote on {} was started", rev.label()))),
                Some(r) if r.closure.is_some() => {
                    return Ok(Some(format!(
                        "the vote on {} was closed before it",
                        rev.label()
                    )));
                }
                Some(_) => {}
            }
        }
        Change::VoteClose { revision, .. } => {
            if let Some(why) = needs(Action::ManageRelease)? {
                return Ok(Some(why));
            }
            let (_, rev) = revision_of(db, e, revision.as_deref())?;
            if let Some(r) = votes::round(db, rev.id)?
                && matches!(
                    r.outcome,
                    Some(Outcome::Passed | Outcome::Failed | Outcome::Abandoned)
                )
            {
                return Ok(Some(format!(
                    "the vote on {} was closed already",
                    rev.label()
                )));
            }
        }
        Change::VoteStart { revision, .. } => {
            if let Some(why) = needs(Action::ManageRelease)? {
                return Ok(Some(why));
            }
            let (_, rev) = revision_of(db, e, revision.as_deref())?;
            if rev.phase != Phase::Draft {
                return Ok(Some(format!("{} is not a draft any more", rev.label())));
            }
        }
        Change::Promote { .. } | Change::Revoke { .. } | Change::Announce { .. } => {
            if let Some(why) = needs(Action::ManageRelease)? {
                return Ok(Some(why));
            }
            let r: ReleaseRef = e.target.parse()?;
            if let Some(rel) = releases::get(db, &r.target.to_string(), r.version.as_str())? {
                let refused = match change {
                    Change::Promote { .. } if rel.stage != Stage::Candidate => {
                        Some(format!("{r} was promoted or revoked already"))
                    }
                    Change::Promote { .. } if rel.phase != Some(Phase::Passed) => {
                        Some(format!("{r} has no passed vote"))
                    }
                    Change::Revoke { .. } if rel.stage == Stage::Revoked => {
                        Some(format!("{r} was revoked already"))
                    }
                    Change::Announce { .. } if rel.stage != Stage::Current => {
                        Some(format!("{r} is not current"))
                    }
                    _ => None,
                };
                if refused.is_some() {
                    return Ok(refused);
                }
            }
        }
        Change::Stage { .. } | Change::Unstage { .. } | Change::Sign { .. } => {
            if let Some(why) = needs(Action::ManageRelease)? {
                return Ok(Some(why));
            }
        }
        // Who may give whom a role or a key: the chain of trust of signed history. A key
        // registered for someone else needs that right at this point in the order, else a
        // forged import could make its author sign as another.
        Change::RoleGrant { .. } | Change::RoleRevoke { .. } => {
            let action = if e.target == "store" {
                Action::Administer
            } else {
                Action::ManageRoles
            };
            if let Some(why) = needs(action)? {
                return Ok(Some(why));
            }
        }
        Change::KeyImport { owner, keys } => {
            let foreign = keys.iter().any(|k| {
                k.owner
                    .as_ref()
                    .or(owner.as_ref())
                    .is_some_and(|o| *o != e.actor)
            });
            if foreign
                && let Err(err) = access::require_anywhere(db, &e.actor, Action::ManageAnyKey)
            {
                return Ok(Some(format!("{err:#}")));
            }
        }
        Change::KeyGenerate { owner, .. } => {
            if owner.as_ref().is_some_and(|o| *o != e.actor)
                && let Err(err) = access::require_anywhere(db, &e.actor, Action::ManageAnyKey)
            {
                return Ok(Some(format!("{err:#}")));
            }
        }
        _ => {}
    }
    Ok(None)
}

/// Replays `ordered` (events in their computed order, `seq` set) into `db`: each event is
/// stored, decided and, when valid, applied; a void event is stored with its reason. One
/// transaction; returns the voided events.
pub fn replay_into(db: &mut Connection, ordered: Vec<Event>) -> anyhow::Result<Vec<Voided>> {
    let tx = db.transaction()?;
    let voided = replay_in(&tx, ordered, true)?;
    tx.commit()?;
    Ok(voided)
}

/// [`replay_into`] inside the caller's transaction. `keep_log`: store the events too (an index
/// being built); fsck's scratch replay compares the other tables only and skips it.
pub fn replay_in(
    db: &Connection,
    ordered: Vec<Event>,
    keep_log: bool,
) -> anyhow::Result<Vec<Voided>> {
    // A page cache up to 256 MiB for the replay, not SQLite's 2 MiB: a sync that replays a
    // whole history in one transaction spilled its pages to the WAL and read them back
    // (270,000 calls for an index of 10,000 releases). Other commands keep the small one: a
    // large cache is memory to fill, and fsck reads the whole index.
    let cache: i64 = db.pragma_query_value(None, "cache_size", |r| r.get(0))?;
    db.pragma_update(None, "cache_size", -(256i64 << 10))?;
    let voided =
        std::thread::scope(|scope| Replay::start(scope, Some(db), ordered)?.run(db, keep_log));
    db.pragma_update(None, "cache_size", cache)?;
    voided
}

/// A replay under way: its events read as typed changes, and their signatures being checked on
/// a thread of the caller's scope from the moment it starts, so that the caller can prepare
/// the index to replay into meanwhile.
pub struct Replay {
    typed: Vec<(Event, Option<Change>)>,
    unseen: HashMap<usize, String>,
    checks: Verdicts,
    /// fsck's replay of a log as recorded: see [`Replay::start_without_log`].
    as_recorded: bool,
}

impl Replay {
    /// Reads `ordered` and starts checking its signatures against the keys of the history and
    /// of `index` (the index the history continues, if any).
    pub fn start<'scope>(
        scope: &'scope std::thread::Scope<'scope, '_>,
        index: Option<&Connection>,
        ordered: Vec<Event>,
    ) -> anyhow::Result<Replay> {
        let typed = ordered
            .into_iter()
            .map(|e| {
                let c = Change::read(&e.kind, &e.payload).ok();
                (e, c)
            })
            .collect();
        Replay::begin(scope, index, typed, false)
    }

    /// [`Replay::start`] for a replay that keeps no log (fsck's, of the log as the index
    /// recorded it, read already as typed changes: [`super::replay::read_recorded`]): the
    /// payloads and personal data are given up once the signatures to check are known, so that
    /// a large log's memory is not held twice. An event the log says was applied is applied
    /// without a savepoint to roll back to (each costs a copy of every page the event
    /// touches): should it fail, the log does not replay as recorded, which fsck reports
    /// instead of comparing.
    pub fn start_without_log<'scope>(
        scope: &'scope std::thread::Scope<'scope, '_>,
        index: Option<&Connection>,
        typed: Vec<(Event, Option<Change>)>,
    ) -> anyhow::Result<Replay> {
        Replay::begin(scope, index, typed, true)
    }

    fn begin<'scope>(
        scope: &'scope std::thread::Scope<'scope, '_>,
        index: Option<&Connection>,
        mut typed: Vec<(Event, Option<Change>)>,
        as_recorded: bool,
    ) -> anyhow::Result<Replay> {
        let unseen = unseen_by_close(&typed);
        let checks = Verdicts::start(scope, signatures::to_check(index, &typed)?);
        if as_recorded {
            for (e, _) in &mut typed {
                e.payload = serde_json::Value::Null;
                e.pii = None;
            }
        }
        Ok(Replay {
            typed,
            unseen,
            checks,
            as_recorded,
        })
    }

    /// Decides each event in order (its signature first, the verdicts arriving from the
    /// verifying threads), applies what holds into `db` and voids the rest.
    pub fn run(self, db: &Connection, keep_log: bool) -> anyhow::Result<Vec<Voided>> {
        let Replay {
            typed,
            unseen,
            mut checks,
            as_recorded,
        } = self;
        let mut known = Known::default();
        let mut voided = Vec::new();
        for (i, (mut e, change)) in typed.into_iter().enumerate() {
            let mut by_signature = false;
            let reason = match &change {
                None => Some(format!("unknown event type or payload ({})", e.kind)),
                Some(_) if unseen.contains_key(&i) => unseen.get(&i).cloned(),
                Some(c) => match signatures::decide(db, &mut e, &mut checks, &mut known) {
                    Ok(Some(why)) => {
                        by_signature = true;
                        Some(why)
                    }
                    Ok(None) => match decide(db, &e, c, &mut known) {
                        Ok(r) => r,
                        Err(err) => Some(format!("{err:#}")),
                    },
                    Err(err) => Some(format!("{err:#}")),
                },
            };
            let reason = match (reason, &change) {
                (None, Some(c)) => {
                    // An event the recorded log says was applied needs no way back in fsck's
                    // replay (see `start_without_log`).
                    let savepoint = !(as_recorded && e.void.is_none());
                    if savepoint {
                        db.prepare_cached("SAVEPOINT event")?.execute([])?;
                    }
                    match apply(db, &e, c) {
                        Ok(()) => {
                            if savepoint {
                                db.prepare_cached("RELEASE event")?.execute([])?;
                            }
                            known.applied(c);
                            None
                        }
                        Err(err) => {
                            if savepoint {
                                db.prepare_cached("ROLLBACK TO event")?.execute([])?;
                                db.prepare_cached("RELEASE event")?.execute([])?;
                            }
                            Some(format!("{err:#}"))
                        }
                    }
                }
                (r, _) => r,
            };
            e.void = reason.clone();
            if keep_log {
                events::insert(db, &e)?;
            }
            if let Some(reason) = reason {
                voided.push(Voided {
                    seq: e.seq,
                    kind: e.kind.clone(),
                    actor: e.actor.clone(),
                    target: e.target.clone(),
                    hash: e.hash.clone(),
                    reason,
                    by_signature,
                });
            }
        }
        Ok(voided)
    }
}
