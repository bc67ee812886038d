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
use crate::model::{Phase, RevisionNo, Stage, Time};
use crate::perm::{self, Action};
use crate::store::events::{self, Event, GENESIS};
use crate::store::{releases, users, votes};
use crate::votes::{Decision, Outcome};

#[cfg(test)]
#[path = "history_props.rs"]
mod props;
use super::access;
use super::apply::apply;
use super::rules;
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
    /// What kind of rule it breaks: `sync` fails the verification for the ones
    /// [`VoidKind::refused`] names.
    pub grounds: VoidKind,
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
        | Change::VoteReview { revision, .. }
        | Change::VoteClose { revision, .. } => {
            Some((e.target.clone(), revision.map(|r| r.to_string())))
        }
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
            if let Some(
                bc @ (Change::VoteCast { .. }
                | Change::VoteImport { .. }
                | Change::VoteReview { .. }),
            ) = bc
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

/// Whether the events of `ordered` after its first `applied` ones (which the index `db` holds,
/// in that order) can be replayed onto it as they are: true unless a new vote close did not
/// see a ballot of its vote that the index holds already. Such a ballot turns void (or void for
/// another reason) by the close, so the index no longer is the replay of its events; a close
/// that follows every ballot of its vote the index holds (the usual case: its writer had them)
/// voids only new ones, which the replay of the new events judges itself. Costs a read of the
/// vote's ballots and a walk of the close's ancestry, not a replay.
pub fn tail_replays_alone(
    db: &Connection,
    ordered: &[Event],
    applied: usize,
) -> anyhow::Result<bool> {
    let mut index: Option<HashMap<&str, usize>> = None;
    for (ci, close) in ordered.iter().enumerate().skip(applied) {
        if close.kind != "vote.close" {
            continue;
        }
        let Ok(c) = Change::read(&close.kind, &close.payload) else {
            continue;
        };
        let key = vote_key(close, &c);
        let ballots: Vec<String> = events::of_kinds_on(
            db,
            &["vote.cast", "vote.import", "vote.review"],
            &close.target,
        )?
        .into_iter()
        .filter(|b| {
            Change::read(&b.kind, &b.payload)
                .ok()
                .is_some_and(|bc| vote_key(b, &bc) == key)
        })
        .map(|b| b.hash)
        .collect();
        if ballots.is_empty() {
            continue;
        }
        let index = index.get_or_insert_with(|| {
            ordered
                .iter()
                .enumerate()
                .map(|(i, e)| (e.hash.as_str(), i))
                .collect()
        });
        // The close's ancestors among the applied events: what its writer had seen.
        let mut seen: HashSet<usize> = HashSet::new();
        let mut stack = vec![ci];
        while let Some(i) = stack.pop() {
            for p in events::parents_of(&ordered[i]) {
                if let Some(&j) = index.get(p.as_str())
                    && seen.insert(j)
                {
                    stack.push(j);
                }
            }
        }
        let unseen = ballots.iter().any(|h| {
            index
                .get(h.as_str())
                .is_none_or(|i| *i < applied && !seen.contains(i))
        });
        if unseen {
            return Ok(false);
        }
    }
    Ok(true)
}

/// One grant or revoke of a PMC role that holds, in the order: what decides whether a ballot
/// binds at its time.
#[derive(Debug, Clone)]
struct PmcChange {
    project: String,
    user: String,
    at: Time,
    granted: bool,
}

/// What replay has read of users, roles and policies, kept between events until an event
/// changes it: most events ask the same questions (is the actor a user, what may they do).
#[derive(Default)]
pub struct Known {
    users: HashSet<String>,
    holders: HashMap<(String, String), perm::Holder>,
    /// Store-wide holders (store roles, PMC anywhere), by user.
    store_holders: HashMap<String, perm::Holder>,
    /// Holders through a role on any project, by user.
    anywhere_holders: HashMap<String, perm::Holder>,
    /// Whether any policy asks for signed events: until one does, no unsigned event is void.
    signing_policy: Option<bool>,
    /// The owner of each registered key asked about.
    key_owners: HashMap<String, Option<String>>,
    /// Whether a store.init holds.
    initialized: Option<bool>,
    /// The PMC grants and revokes that hold, in the order (void ones left out).
    pmc: Vec<PmcChange>,
}

impl Known {
    /// What the index `db` holds before the replay of further events: the PMC role changes of
    /// its log that hold (an index being built from scratch holds none yet).
    pub fn of(db: &Connection) -> anyhow::Result<Known> {
        let mut stmt = db.prepare(
            "SELECT target, time, type, json_extract(payload, '$.user') FROM events
             WHERE type IN ('role.grant', 'role.revoke') AND void IS NULL
               AND json_extract(payload, '$.role') = 'pmc'
             ORDER BY seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)? == "role.grant",
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        let mut pmc = Vec::new();
        for row in rows {
            let (project, at, granted, user) = row?;
            if let (Ok(at), Some(user)) = (Time::parse_lenient(&at), user) {
                pmc.push(PmcChange {
                    project,
                    user,
                    at,
                    granted,
                });
            }
        }
        Ok(Known {
            pmc,
            ..Known::default()
        })
    }

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

    fn initialized(&mut self, db: &Connection) -> anyhow::Result<bool> {
        if let Some(i) = self.initialized {
            return Ok(i);
        }
        let any: bool = db.query_row("SELECT count(*) > 0 FROM users", [], |r| r.get(0))?;
        self.initialized = Some(any);
        Ok(any)
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

    /// Whether `user` may do `action` on `project` at this point: `Some(void)` when not.
    fn needs(
        &mut self,
        db: &Connection,
        user: &str,
        project: &str,
        action: Action,
    ) -> anyhow::Result<Option<Void>> {
        let h = self.holder(db, user, project)?;
        Ok(perm::check(action, h).err().map(|refusal| {
            Void::new(
                VoidKind::NotAllowed,
                format!(
                    "{user} may not {} on {project} at this point: that needs {}",
                    action.describe(),
                    refusal.needs
                ),
            )
        }))
    }

    /// [`Known::needs`] for a store-wide action (store roles, PMC of some project).
    fn needs_store(
        &mut self,
        db: &Connection,
        user: &str,
        action: Action,
    ) -> anyhow::Result<Option<Void>> {
        if !self.store_holders.contains_key(user) {
            let h = access::holder(db, user, None)?;
            self.store_holders.insert(user.to_string(), h);
        }
        Ok(perm::check(action, &self.store_holders[user])
            .err()
            .map(|refusal| {
                Void::new(
                    VoidKind::NotAllowed,
                    format!(
                        "{user} may not {} at this point: that needs {}",
                        action.describe(),
                        refusal.needs
                    ),
                )
            }))
    }

    /// [`Known::needs`] through a role on any project (keys, CVEs): as
    /// [`access::require_anywhere`].
    fn needs_anywhere(
        &mut self,
        db: &Connection,
        user: &str,
        action: Action,
    ) -> anyhow::Result<Option<Void>> {
        if !self.anywhere_holders.contains_key(user) {
            let h = access::holder_anywhere(db, user)?;
            self.anywhere_holders.insert(user.to_string(), h);
        }
        Ok(
            access::refuse_anywhere(user, action, &self.anywhere_holders[user])
                .err()
                .map(|err| Void::new(VoidKind::NotAllowed, format!("{err:#} (at this point)"))),
        )
    }

    /// Whether `user` held the PMC role of `project` at `at` (a time as events carry it),
    /// by the role changes that hold before this point of the order.
    /// Whether `user` held the PMC role of `project` at `at`: the time a payload gives, else
    /// the event's own (an event time that is no time: never).
    fn pmc_at(&self, user: &str, project: &str, at: Option<Time>, e: &Event) -> bool {
        let Some(at) = at.or_else(|| Time::parse_lenient(&e.time).ok()) else {
            return false;
        };
        self.pmc
            .iter()
            .rev()
            .find(|c| c.user == user && c.project == project && c.at <= at)
            .is_some_and(|c| c.granted)
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
            let owner = crate::store::keys::find(db, fingerprint)?
                .filter(|k| k.retired_at.is_none())
                .and_then(|k| k.user);
            self.key_owners.insert(fingerprint.to_string(), owner);
        }
        Ok(self.key_owners[fingerprint].as_deref())
    }

    /// Forgets who holds what (a user or role changed).
    fn forget_holders(&mut self) {
        self.users.clear();
        self.holders.clear();
        self.store_holders.clear();
        self.anywhere_holders.clear();
    }

    /// Forgets what `change` (the event `e`, which held) may have changed.
    fn applied(&mut self, e: &Event, change: &Change) {
        match change {
            Change::KeyImport { .. }
            | Change::KeyGenerate { .. }
            | Change::KeyRetire { .. }
            | Change::KeyAssign { .. } => {
                self.key_owners.clear();
            }
            Change::RoleGrant { user, role, .. } | Change::RoleRevoke { user, role, .. } => {
                if role == "pmc"
                    && let Ok(at) = Time::parse_lenient(&e.time)
                {
                    self.pmc.push(PmcChange {
                        project: e.target.clone(),
                        user: user.to_string(),
                        at,
                        granted: matches!(change, Change::RoleGrant { .. }),
                    });
                }
                self.forget_holders();
            }
            Change::StoreInit { .. } => {
                self.initialized = Some(true);
                self.forget_holders();
            }
            // A new user, or consent given or taken, changes what that one user holds.
            Change::UserAdd { id, .. }
            | Change::ConsentGrant { id, .. }
            | Change::ConsentRevoke { id, .. } => {
                self.holders.retain(|(user, _), _| user != id);
                self.store_holders.remove(id.as_str());
                self.anywhere_holders.remove(id.as_str());
            }
            Change::PolicySet { .. } => self.signing_policy = None,
            _ => {}
        }
    }
}

/// Whether `change` by `actor` is the actor's first key registration: a `key.generate` or
/// `key.import` that registers keys for the actor only, when no key (of any status) is
/// registered to the actor at this point. Such an event is accepted unsigned even where the
/// policy asks for signed key events (SPEC §7 as amended, docs/keys.md): a user cannot sign with
/// a key they do not have yet. Anything else (a second key, a key for someone else, a key
/// given to the actor by `key.assign`) is not.
pub fn first_key_registration(
    db: &Connection,
    actor: &str,
    change: &Change,
) -> anyhow::Result<bool> {
    let own = match change {
        Change::KeyGenerate { owner, .. } => owner.as_deref() == Some(actor),
        Change::KeyImport { owner, keys } => {
            !keys.is_empty()
                && keys
                    .iter()
                    .all(|k| k.owner.as_ref().or(owner.as_ref()).map(|o| o.as_str()) == Some(actor))
        }
        _ => false,
    };
    if !own {
        return Ok(false);
    }
    let has_key: bool = db
        .prepare_cached("SELECT count(*) > 0 FROM keys WHERE user_id = ?1")?
        .query_row([actor], |r| r.get(0))?;
    Ok(!has_key)
}

/// Why an event is void, as a command refusing the same event would say it: the kind maps to
/// the command's exit code (SPEC §5) and tells `sync` which voids to report as a failed
/// verification.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum VoidKind {
    /// The actor lacks the role at that point of the history (a command: exit 4).
    NotAllowed,
    /// The state at that point does not allow it: a vote closed, a release revoked (exit 5).
    WrongState,
    /// The event claims what no command writes: another voter, a binding vote its voter could
    /// not cast, a second store init, a value that is not one of its type's (exit 2).
    Forged,
    /// Unsigned where the policy asks for its actor's signature (exit 4, SPEC §7).
    Signature,
    /// A ballot the close of its vote did not see (concurrent with it): nobody's fault.
    Unseen,
}

impl VoidKind {
    /// Whether a clone that receives such an event reports it as a failed verification (exit
    /// 3): everything but an honest race (a ballot the close did not see, a release that
    /// moved on concurrently).
    pub fn refused(self) -> bool {
        matches!(
            self,
            VoidKind::NotAllowed | VoidKind::Forged | VoidKind::Signature
        )
    }
}

/// Why one event is void.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Void {
    pub kind: VoidKind,
    pub reason: String,
}

impl Void {
    pub fn new(kind: VoidKind, reason: impl Into<String>) -> Void {
        Void {
            kind,
            reason: reason.into(),
        }
    }

    /// The error a command that wrote this event gets: the same words, its exit code.
    pub fn into_error(self) -> crate::error::Error {
        use crate::error::Error;
        match self.kind {
            VoidKind::NotAllowed | VoidKind::Signature => Error::not_allowed(self.reason),
            VoidKind::WrongState | VoidKind::Unseen => Error::wrong_state(self.reason),
            VoidKind::Forged => Error::usage(self.reason),
        }
    }
}

fn not_allowed(reason: String) -> Option<Void> {
    Some(Void::new(VoidKind::NotAllowed, reason))
}

fn wrong_state(reason: String) -> Option<Void> {
    Some(Void::new(VoidKind::WrongState, reason))
}

fn forged(reason: String) -> Option<Void> {
    Some(Void::new(VoidKind::Forged, reason))
}

/// A URL an event names for people to open: http(s) with a host, else the event is forged.
fn web_url(u: &str) -> Option<Void> {
    rules::check_url("URL", u)
        .err()
        .and_then(|_| forged(format!("{u:?} is not an http(s) URL")))
}

/// The URLs of a project's metadata that the mails use (`download_url`, `candidates_url`):
/// each as `project edit` takes it (an http(s) URL without control characters or white space;
/// the candidates one a base, without query or fragment), else the event is forged. The older
/// fields (homepage…) are as they always were: not judged here.
fn meta_urls_void(meta: &crate::model::event::MetaFields) -> Option<Void> {
    if let Some(u) = &meta.download_url
        && rules::check_url("download URL", u).is_err()
    {
        return forged(format!("download URL {u:?} is not an http(s) URL"));
    }
    if let Some(u) = &meta.candidates_url
        && rules::check_base_url("candidates URL", u).is_err()
    {
        return forged(format!("candidates URL {u:?} is not an http(s) base URL"));
    }
    None
}

/// A guest's vote of a `vote.import`: a vote value, an email that is no user's (a user's vote is
/// a ballot), a name without control characters.
/// `emails` is [`users::emails`], read once for the import (a query per guest made an import of
/// 600k guests parse 600k statements).
fn guest_void(
    emails: &HashMap<String, String>,
    g: &crate::model::event::GuestVote,
) -> anyhow::Result<Option<Void>> {
    if rules::check_email(&g.email).is_err() {
        return Ok(forged(format!("{:?} is not an email address", g.email)));
    }
    if let Some(name) = &g.name
        && !rules::is_guest_name(name)
    {
        return Ok(forged(format!(
            "the name of guest {} is not a name",
            g.email
        )));
    }
    if let Some(id) = emails.get(&g.email.to_ascii_lowercase()) {
        return Ok(forged(format!(
            "{} is the email of user {id}: their vote is a ballot, not a guest's",
            g.email
        )));
    }
    Ok(None)
}

/// The revision a vote event names, as the index holds it: every vote event names one (`rcN`;
/// a ballot without one would escape the rule that voids the ballots its close did not see),
/// and its release must have it. `Err(void)` when not.
fn named_revision(
    db: &Connection,
    e: &Event,
    revision: &Option<RevisionNo>,
) -> anyhow::Result<Result<releases::Revision, Option<Void>>> {
    // A label that is no `rcN` does not read as the payload's type: only a missing one is left.
    let Some(n) = revision else {
        return Ok(Err(forged("it names no revision".into())));
    };
    let rev = match release_of(db, e)? {
        Some(rel) => releases::revision(db, rel.id, n.0)?,
        None => None,
    };
    Ok(rev.ok_or_else(|| wrong_state(format!("{} has no revision {n}", e.target))))
}

/// Whether `e` is valid on the state `db` holds before it: `Some(void)` when it is not. The
/// rule book: for every event type, who may do it (roles at this point of the order, void
/// events excluded) and in which state, exactly as the command that writes it. What a payload
/// claims that the history decides (who voted, whether a ballot binds) is computed here and
/// written back into `change`, which is what [`apply`] then applies.
pub fn decide(
    db: &Connection,
    e: &Event,
    change: &mut Change,
    known: &mut Known,
) -> anyhow::Result<Option<Void>> {
    if let Change::StoreInit { user, .. } = change {
        if known.initialized(db)? {
            return Ok(forged("the store was initialized already".into()));
        }
        if *user != e.actor {
            return Ok(forged(format!(
                "a store is initialized by its first user, not by {} for {user}",
                e.actor
            )));
        }
        return Ok(None);
    }
    if !known.is_user(db, &e.actor)? {
        return Ok(not_allowed(format!("{} is not a user here", e.actor)));
    }
    // The project whose roles decide; a store-wide target (`user:ID`…) stands for itself and
    // names no project.
    let project = rules::project_of(&e.target);
    let actor = e.actor.as_str();
    match change {
        Change::StoreInit { .. } => unreachable!("decided above"),
        Change::UserAdd { id, .. } => {
            if let Some(v) = known.needs_store(db, actor, Action::ManageUsers)? {
                return Ok(Some(v));
            }
            if known.is_user(db, id)? {
                return Ok(wrong_state(format!("user {id} exists already")));
            }
        }
        Change::UserEdit { id }
        | Change::ConsentGrant { id, .. }
        | Change::ConsentRevoke { id, .. } => {
            if id != actor
                && let Some(v) = known.needs_store(db, actor, Action::ManageUsers)?
            {
                return Ok(Some(v));
            }
            if !known.is_user(db, id)? {
                return Ok(wrong_state(format!("no user {id}")));
            }
        }
        Change::ProjectCreate { meta } => {
            if let Some(v) = meta_urls_void(meta) {
                return Ok(Some(v));
            }
            if let Some(v) = known.needs_store(db, actor, Action::Administer)? {
                return Ok(Some(v));
            }
            if crate::store::projects::get(db, None, &e.target)?.is_some() {
                return Ok(wrong_state(format!("project {} exists already", e.target)));
            }
        }
        Change::ProductCreate { meta }
        | Change::ProjectEdit { meta }
        | Change::ProductEdit { meta } => {
            if let Some(v) = meta_urls_void(meta) {
                return Ok(Some(v));
            }
            if let Some(v) = known.needs(db, actor, &project, Action::ManageRelease)? {
                return Ok(Some(v));
            }
        }
        Change::RoleGrant { user, role, .. } | Change::RoleRevoke { user, role, .. } => {
            // A role that is none is refused as the payload is read (it does not parse).
            let parsed = *role;
            let store_wide = e.target == "store";
            if parsed.is_store_wide() != store_wide {
                return Ok(forged(format!("{role} is not a role of {}", e.target)));
            }
            let action = if store_wide {
                Action::Administer
            } else {
                Action::ManageRoles
            };
            let v = if store_wide {
                known.needs_store(db, actor, action)?
            } else {
                known.needs(db, actor, &project, action)?
            };
            if v.is_some() {
                return Ok(v);
            }
            if !known.is_user(db, user)? {
                return Ok(wrong_state(format!("no user {user}")));
            }
        }
        // Who may give whom a key: the chain of trust of signed history. A key registered
        // for someone else (or for nobody) needs that right at this point in the order, else a
        // forged import could make its author sign as another.
        Change::KeyImport { owner, keys } => {
            let foreign = keys
                .iter()
                .any(|k| k.owner.as_ref().or(owner.as_ref()).map(|o| o.as_str()) != Some(actor));
            if foreign && let Some(v) = known.needs_anywhere(db, actor, Action::ManageAnyKey)? {
                return Ok(Some(v));
            }
        }
        Change::KeyGenerate { owner, .. } => {
            let action = if owner.as_deref().is_none_or(|o| o == actor) {
                Action::ManageOwnKey
            } else {
                Action::ManageAnyKey
            };
            if let Some(v) = known.needs_anywhere(db, actor, action)? {
                return Ok(Some(v));
            }
        }
        Change::KeyRetire { fingerprint } => {
            let Some(k) = crate::store::keys::find(db, fingerprint)? else {
                return Ok(wrong_state(format!("no key {fingerprint}")));
            };
            let action = if k.user.as_deref() == Some(actor) {
                Action::ManageOwnKey
            } else {
                Action::ManageAnyKey
            };
            if let Some(v) = known.needs_anywhere(db, actor, action)? {
                return Ok(Some(v));
            }
            if k.retired_at.is_some() {
                return Ok(wrong_state(format!("key {fingerprint} is retired already")));
            }
        }
        // Moving a key between users is managing someone else's key, whoever it goes to; the
        // key must still sign (a retired or revoked key stays where it is, with what it signed),
        // and the owner it names as the one it had must be the one it has at this point (of two
        // concurrent assignments, the second in the order is void).
        Change::KeyAssign {
            fingerprint,
            from,
            owner,
        } => {
            if let Some(v) = known.needs_anywhere(db, actor, Action::ManageAnyKey)? {
                return Ok(Some(v));
            }
            let Some(k) = crate::store::keys::find(db, fingerprint)?
                .filter(|k| k.fingerprint.as_str() == fingerprint.as_str())
            else {
                return Ok(wrong_state(format!("no key {fingerprint}")));
            };
            if !known.is_user(db, owner)? {
                return Ok(wrong_state(format!("no user {owner}")));
            }
            if k.retired_at.is_some() {
                return Ok(wrong_state(format!(
                    "key {fingerprint} is retired: it stays with {}",
                    k.user.as_deref().unwrap_or("no owner")
                )));
            }
            if k.revoked_at.is_some() {
                return Ok(wrong_state(format!(
                    "key {fingerprint} is revoked: it stays with {}",
                    k.user.as_deref().unwrap_or("no owner")
                )));
            }
            if k.user.as_deref() == Some(owner.as_str()) {
                return Ok(wrong_state(format!(
                    "key {fingerprint} is {owner}'s already"
                )));
            }
            if k.user.as_deref() != from.as_deref() {
                return Ok(wrong_state(format!(
                    "key {fingerprint} is {} at this point, not {} as the assignment says",
                    k.user
                        .as_deref()
                        .map_or("nobody's".to_string(), |u| format!("{u}'s")),
                    from.as_deref()
                        .map_or("nobody's".to_string(), |u| format!("{u}'s")),
                )));
            }
        }
        Change::PolicySet { .. } => {
            if let Some(v) = known.needs(db, actor, &project, Action::ManageRelease)? {
                return Ok(Some(v));
            }
        }
        Change::CveAdd { .. } => {
            if let Some(v) = known.needs_anywhere(db, actor, Action::ManageRelease)? {
                return Ok(Some(v));
            }
        }
        Change::CveLink { .. }
        | Change::IgnoreAdd { .. }
        | Change::IgnoreRemove { .. }
        | Change::MailSent { .. } => {
            if let Some(v) = known.needs(db, actor, &project, Action::ManageRelease)? {
                return Ok(Some(v));
            }
        }
        Change::Publish {
            base_url,
            canonical_url,
            ..
        } => {
            for u in [base_url, canonical_url].into_iter().flatten() {
                if let Some(v) = web_url(u) {
                    return Ok(Some(v));
                }
            }
            let v = if e.target == "store" {
                known.needs_anywhere(db, actor, Action::Publish)?
            } else {
                known.needs(db, actor, &project, Action::Publish)?
            };
            if v.is_some() {
                return Ok(v);
            }
        }
        // A report anyone who may read the release may write.
        Change::Check { git, .. } => {
            if let Some(g) = git
                && (g.reference.is_empty()
                    || g.reference.starts_with('-')
                    || g.reference
                        .chars()
                        .any(|c| c.is_control() || c.is_whitespace())
                    || !rules::is_object_id(&g.commit))
            {
                return Ok(forged(format!(
                    "{:?} at {:?} is not a git reference and commit",
                    g.reference, g.commit
                )));
            }
            if release_of(db, e)?.is_none() {
                return Ok(wrong_state(format!("no release {}", e.target)));
            }
        }
        Change::Stage { .. } | Change::Unstage { .. } | Change::Sign { .. } => {
            if let Some(v) = known.needs(db, actor, &project, Action::ManageRelease)? {
                return Ok(Some(v));
            }
            if let Some(rel) = release_of(db, e)?
                && rel.stage == Stage::Revoked
            {
                return Ok(wrong_state(format!("{} is revoked", e.target)));
            }
        }
        Change::VoteStart {
            revision,
            own_vote,
            binding,
            opened_at,
            candidates_url,
            ..
        } => {
            if let Some(v) = known.needs(db, actor, &project, Action::ManageRelease)? {
                return Ok(Some(v));
            }
            if let Some(v) = candidates_url.as_deref().and_then(web_url) {
                return Ok(Some(v));
            }
            let rev = match named_revision(db, e, revision)? {
                Ok(rev) => rev,
                Err(v) => return Ok(v),
            };
            if rev.phase != Phase::Draft {
                return Ok(wrong_state(format!(
                    "{} is not a draft any more",
                    rev.label()
                )));
            }
            let binds = own_vote.is_some() && known.pmc_at(actor, &project, *opened_at, e);
            if let Some(v) = claimed_binding(*binding && own_vote.is_some(), binds, actor, &project)
            {
                return Ok(Some(v));
            }
            *binding = binds;
        }
        Change::VoteCast {
            revision,
            voter,
            binding,
            ..
        } => {
            if voter != actor {
                return Ok(forged(format!(
                    "the ballot names {voter} as its voter, but {actor} cast it"
                )));
            }
            if let Some(v) = known.needs(db, actor, &project, Action::Vote)? {
                return Ok(Some(v));
            }
            if let Some(v) = open_round(db, e, revision)? {
                return Ok(Some(v));
            }
            let binds = known.pmc_at(actor, &project, None, e);
            if let Some(v) = claimed_binding(*binding, binds, actor, &project) {
                return Ok(Some(v));
            }
            *binding = binds;
        }
        Change::VoteImport {
            revision,
            ballots,
            guests,
            review,
        } => {
            if review
                .iter()
                .any(|r| r.message_id.trim().is_empty() || r.from.trim().is_empty())
            {
                return Ok(forged(
                    "a message to review names no message or sender".into(),
                ));
            }
            if let Some(v) = known.needs(db, actor, &project, Action::ManageRelease)? {
                return Ok(Some(v));
            }
            if let Some(v) = open_round(db, e, revision)? {
                return Ok(Some(v));
            }
            let emails = if guests.is_empty() {
                HashMap::new()
            } else {
                users::emails(db)?
            };
            for g in guests.iter() {
                if let Some(v) = guest_void(&emails, g)? {
                    return Ok(Some(v));
                }
            }
            for b in ballots.iter_mut() {
                if !known.is_user(db, &b.voter)? {
                    return Ok(forged(format!(
                        "the ballot of {} names no user here",
                        b.voter
                    )));
                }
                if let Some(v) = known.needs(db, &b.voter, &project, Action::Vote)? {
                    return Ok(forged(format!("an imported ballot: {}", v.reason)));
                }
                let binds = known.pmc_at(&b.voter, &project, b.cast_at, e);
                if let Some(v) = claimed_binding(b.binding, binds, &b.voter, &project) {
                    return Ok(forged(format!("an imported ballot: {}", v.reason)));
                }
                b.binding = binds;
            }
        }
        Change::VoteReview {
            revision,
            message_id,
            from,
            decision,
            voter,
            binding,
            cast_at,
        } => {
            // The release manager's decision on a message that needed review (#29): judged as
            // the import's ballots are, by the same rule for the command and replay.
            if message_id.trim().is_empty() || from.trim().is_empty() {
                return Ok(forged("the review names no message or sender".into()));
            }
            if let Some(v) = known.needs(db, actor, &project, Action::ManageRelease)? {
                return Ok(Some(v));
            }
            if let Some(v) = open_round(db, e, revision)? {
                return Ok(Some(v));
            }
            if *decision == Decision::Ignore {
                if voter.is_some() || *binding {
                    return Ok(forged("a review that records no vote names a voter".into()));
                }
            } else {
                let Some(voter) = voter else {
                    return Ok(forged("a reviewed vote names no voter".into()));
                };
                if !known.is_user(db, voter)? {
                    return Ok(forged(format!(
                        "the reviewed vote of {voter} names no user here"
                    )));
                }
                if let Some(v) = known.needs(db, voter, &project, Action::Vote)? {
                    return Ok(forged(format!("a reviewed vote: {}", v.reason)));
                }
                let binds = known.pmc_at(voter, &project, *cast_at, e);
                if let Some(v) = claimed_binding(*binding, binds, voter, &project) {
                    return Ok(forged(format!("a reviewed vote: {}", v.reason)));
                }
                *binding = binds;
            }
        }
        Change::VoteClose {
            revision,
            request,
            outcome,
        } => {
            if let Some(v) = known.needs(db, actor, &project, Action::ManageRelease)? {
                return Ok(Some(v));
            }
            let rev = match named_revision(db, e, revision)? {
                Ok(rev) => rev,
                Err(v) => return Ok(v),
            };
            match votes::round(db, rev.id)? {
                None => {
                    return Ok(wrong_state(format!(
                        "no vote on {} was started",
                        rev.label()
                    )));
                }
                Some(r)
                    if matches!(
                        r.outcome,
                        Some(Outcome::Passed | Outcome::Failed | Outcome::Abandoned)
                    ) =>
                {
                    return Ok(wrong_state(format!(
                        "the vote on {} was closed already",
                        rev.label()
                    )));
                }
                Some(round) => return vote_outcome(db, e, &rev, &round, *request, *outcome),
            }
        }
        Change::Promote { .. } | Change::Revoke { .. } | Change::Announce { .. } => {
            if let Some(v) = known.needs(db, actor, &project, Action::ManageRelease)? {
                return Ok(Some(v));
            }
            let Some(rel) = release_of(db, e)? else {
                return Ok(wrong_state(format!("no release {}", e.target)));
            };
            let r = &e.target;
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
            if let Some(why) = refused {
                return Ok(wrong_state(why));
            }
        }
    }
    Ok(None)
}

/// A command's event, appended in its write transaction, judged by the rule book that replay
/// runs ([`decide`]) on the state it applies to, then applied as decided: the command refuses
/// what any clone's replay would void, with the exit code of the void's kind (SPEC §5), and
/// what it applies is what replay applies. The one hook every write goes through.
pub fn judge_and_apply(db: &Connection, e: &Event) -> anyhow::Result<()> {
    judge_and_apply_change(db, e, Change::read(&e.kind, &e.payload)?)
}

/// [`judge_and_apply`] of the change `e` records, given typed by its writer (`e.payload` is
/// not read: a command writes the payload as text from the change and builds no value of it).
pub fn judge_and_apply_change(
    db: &Connection,
    e: &Event,
    mut change: Change,
) -> anyhow::Result<()> {
    let mut known = Known::of(db)?;
    if let Some(v) = decide(db, e, &mut change, &mut known)? {
        return Err(v.into_error().into());
    }
    apply(db, e, &change)
}

/// Whether a close's outcome is the one its vote's rule gives, from the ballots that hold at
/// this point and the event's time: a close claiming another outcome is forged, one the rule
/// refuses (too early, a manual vote closed as-is) is void.
fn vote_outcome(
    db: &Connection,
    e: &Event,
    rev: &releases::Revision,
    round: &votes::Round,
    closure: crate::votes::Closure,
    claimed: Outcome,
) -> anyhow::Result<Option<Void>> {
    use crate::votes::{Closure, rule::CloseRequest};
    let request = match closure {
        Closure::Closed => CloseRequest::AsIs,
        Closure::Confirmed => CloseRequest::Confirm,
        Closure::Abandoned => CloseRequest::Abandon,
        Closure::Open => return Ok(forged("a close that leaves the vote open".into())),
    };
    let Ok(at) = Time::parse_lenient(&e.time) else {
        return Ok(forged(format!("{:?} is not a time", e.time)));
    };
    let rows = votes::ballots(db, rev.id)?;
    let outcome = crate::votes::rule::close(
        &super::vote_round::policy(round)?,
        &super::vote_round::ballots(&rows),
        round.opened_at.timestamp(),
        round.closes_at.timestamp(),
        at.timestamp(),
        request,
        &round.closure.unwrap_or(Closure::Open),
    );
    Ok(match outcome {
        Err(refusal) => wrong_state(format!("{}: {refusal}", rev.label())),
        Ok(o) if o != claimed => forged(format!(
            "it says the vote on {} {claimed}, but its ballots make it {o}",
            rev.label()
        )),
        Ok(_) => None,
    })
}

/// A ballot that claims to bind when its voter held no PMC role at its time: void (whether it
/// binds is the history's to say; one that binds though it did not claim to is counted so).
fn claimed_binding(claimed: bool, binds: bool, voter: &str, project: &str) -> Option<Void> {
    (claimed && !binds).then(|| {
        Void::new(
            VoidKind::NotAllowed,
            format!(
                "{voter} may not cast a binding vote on {project} at this point: that needs pmc"
            ),
        )
    })
}

/// The release an event's target names, if it exists.
fn release_of(db: &Connection, e: &Event) -> anyhow::Result<Option<releases::Release>> {
    let Ok(r) = e.target.parse::<ReleaseRef>() else {
        return Ok(None);
    };
    releases::get(db, &r.target.to_string(), r.version.as_str())
}

/// Whether a ballot's vote is open: `Some(void)` when it is not.
fn open_round(
    db: &Connection,
    e: &Event,
    revision: &Option<RevisionNo>,
) -> anyhow::Result<Option<Void>> {
    let rev = match named_revision(db, e, revision)? {
        Ok(rev) => rev,
        Err(v) => return Ok(v),
    };
    Ok(match votes::round(db, rev.id)? {
        None => wrong_state(format!("no vote on {} was started", rev.label())),
        Some(r) if r.closure.is_some() => {
            wrong_state(format!("the vote on {} was closed before it", rev.label()))
        }
        Some(_) => None,
    })
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
        let mut known = Known::of(db)?;
        let mut voided = Vec::new();
        for (i, (mut e, change)) in typed.into_iter().enumerate() {
            let mut change = change;
            let void = match &mut change {
                // Why it does not read, when the payload is still here (a value that is not
                // its type: a role that is none, a user id that cannot be one…).
                None => Some(Void::new(
                    VoidKind::Forged,
                    match Change::read(&e.kind, &e.payload) {
                        Err(bad) if !e.payload.is_null() => {
                            format!("its payload does not read: {}", bad.source)
                        }
                        _ => format!("unknown event type or payload ({})", e.kind),
                    },
                )),
                Some(_) if unseen.contains_key(&i) => unseen
                    .get(&i)
                    .map(|why| Void::new(VoidKind::Unseen, why.clone())),
                Some(c) => match signatures::decide(db, &mut e, c, &mut checks, &mut known) {
                    Ok(Some(why)) => Some(Void::new(VoidKind::Signature, why)),
                    Ok(None) => match decide(db, &e, c, &mut known) {
                        Ok(v) => v,
                        Err(err) => Some(Void::new(VoidKind::WrongState, format!("{err:#}"))),
                    },
                    Err(err) => Some(Void::new(VoidKind::WrongState, format!("{err:#}"))),
                },
            };
            let void = match (void, &change) {
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
                            known.applied(&e, c);
                            None
                        }
                        Err(err) => {
                            if savepoint {
                                db.prepare_cached("ROLLBACK TO event")?.execute([])?;
                                db.prepare_cached("RELEASE event")?.execute([])?;
                            }
                            Some(Void::new(VoidKind::WrongState, format!("{err:#}")))
                        }
                    }
                }
                (v, _) => v,
            };
            e.void = void.as_ref().map(|v| v.reason.clone());
            if keep_log {
                events::insert(db, &e)?;
            }
            if let Some(v) = void {
                voided.push(Voided {
                    seq: e.seq,
                    kind: e.kind.clone(),
                    actor: e.actor.clone(),
                    target: e.target.clone(),
                    hash: e.hash.clone(),
                    reason: v.reason,
                    grounds: v.kind,
                });
            }
        }
        Ok(voided)
    }
}
