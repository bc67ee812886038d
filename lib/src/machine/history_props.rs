//! The property of the shared history (issue #26): random histories written by several clones
//! (each writing after the heads it has, some events forged: actions their actors may not take),
//! delivered to every clone in random orders and applied as `sync` applies them (onto the index
//! when the merged order only adds events after the applied ones, else rebuilt from scratch),
//! give every clone the same index, equal to one replay of the whole history from scratch.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use rusqlite::Connection;
use serde_json::json;

use crate::store::events::{self, Event, GENESIS};
use crate::store::integrity;

use super::{order, replay_in};

const USERS: [&str; 4] = ["admin", "pmc1", "dev", "eve"];

/// One step of a scenario: a clone writes an event (`who` acts, `what` picks the change), or a
/// clone takes in everything another has (a sync through the remote).
#[derive(Debug, Clone)]
enum Step {
    Write { clone: usize, who: usize, what: u8 },
    Sync { from: usize, to: usize },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..3usize, 0..USERS.len(), 0..8u8)
            .prop_map(|(clone, who, what)| Step::Write { clone, who, what }),
        1 => (0..3usize, 0..3usize).prop_map(|(from, to)| Step::Sync { from, to }),
    ]
}

/// The change a step writes: users, roles, policies and consents, every one of them something
/// some actor may do and others may not.
fn change(what: u8, n: usize) -> (&'static str, String, serde_json::Value) {
    let user = USERS[n % USERS.len()];
    match what {
        0 => (
            "user.add",
            format!("user:{user}"),
            json!({"id": user, "kind": "person", "consent": false}),
        ),
        1 => (
            "role.grant",
            "demo".into(),
            json!({"user": user, "role": "pmc", "changed": true}),
        ),
        2 => (
            "role.revoke",
            "demo".into(),
            json!({"user": user, "role": "pmc", "changed": true}),
        ),
        3 => (
            "role.grant",
            "demo".into(),
            json!({"user": user, "role": "committer", "changed": true}),
        ),
        4 => (
            "policy.set",
            "demo".into(),
            json!({"version": null, "min_hours": n as u32 % 5, "manual": null,
                   "pause_on_veto": null, "checklist": null}),
        ),
        5 => (
            "user.consent.grant",
            format!("user:{user}"),
            json!({"id": user}),
        ),
        6 => (
            "role.grant",
            "store".into(),
            json!({"user": user, "role": "admin", "changed": true}),
        ),
        _ => (
            "store.init",
            format!("user:{user}"),
            json!({"user": user, "kind": "person", "roles": ["admin"], "consent": false}),
        ),
    }
}

fn event(
    kind: &str,
    target: String,
    payload: serde_json::Value,
    actor: &str,
    parents: Vec<String>,
    time: String,
) -> Event {
    let mut e = Event {
        seq: 0,
        time,
        actor: actor.into(),
        actor_kind: "person".into(),
        kind: kind.into(),
        target,
        payload,
        pii: None,
        pii_hash: None,
        hash: String::new(),
        prev_hash: GENESIS.into(),
        parents: Some(parents),
        void: None,
        signature: None,
        signer: None,
    };
    e.hash = events::event_hash(&e);
    e
}

/// The heads of a set of events: the ones no other follows.
fn heads(set: &BTreeMap<String, Event>) -> Vec<String> {
    let followed: BTreeSet<&String> = set
        .values()
        .flat_map(|e| e.parents.iter().flatten())
        .collect();
    set.keys()
        .filter(|h| !followed.contains(h))
        .cloned()
        .collect()
}

/// What an index says: the compared tables' digests, and each event's verdict in order.
type State = (
    Vec<(&'static str, (u64, u64))>,
    Vec<(String, Option<String>)>,
);

/// A clone's index and the events it holds (applied, in order).
struct Index {
    db: Connection,
    have: Vec<Event>,
}

impl Index {
    fn new() -> Index {
        Index {
            db: integrity::scratch_index().expect("scratch"),
            have: vec![],
        }
    }

    /// Takes in `incoming` as `sync` does: replayed onto the index when the merged order keeps
    /// the applied events first, else rebuilt from scratch.
    fn catch_up(&mut self, incoming: &BTreeMap<String, Event>) {
        let known: BTreeSet<&str> = self.have.iter().map(|e| e.hash.as_str()).collect();
        let new: Vec<Event> = incoming
            .values()
            .filter(|e| !known.contains(e.hash.as_str()))
            .cloned()
            .collect();
        if new.is_empty() {
            return;
        }
        let mut all = self.have.clone();
        all.extend(new);
        let ordered = order(all).expect("a complete history");
        let prefix = self
            .have
            .iter()
            .zip(&ordered)
            .all(|(a, b)| a.hash == b.hash)
            && super::tail_replays_alone(&self.db, &ordered, self.have.len()).unwrap();
        if prefix {
            let tail: Vec<Event> = ordered[self.have.len()..].to_vec();
            let tx = self.db.transaction().unwrap();
            replay_in(&tx, tail, true).unwrap();
            tx.commit().unwrap();
        } else {
            self.db = integrity::scratch_index().unwrap();
            let tx = self.db.transaction().unwrap();
            replay_in(&tx, ordered.clone(), true).unwrap();
            tx.commit().unwrap();
        }
        self.have = ordered;
    }

    /// Everything the index says: the compared tables, and each event's verdict.
    fn state(&self) -> State {
        let digests = integrity::digests(&self.db, &FIXED).unwrap();
        let mut stmt = self
            .db
            .prepare("SELECT hash, void FROM events ORDER BY seq")
            .unwrap();
        let verdicts = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        (digests, verdicts)
    }
}

static FIXED: std::sync::LazyLock<std::hash::RandomState> =
    std::sync::LazyLock::new(std::hash::RandomState::new);

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_clone_ends_with_the_index_of_one_replay_from_scratch(
        steps in prop::collection::vec(step(), 8..40),
        deliveries in prop::collection::vec(prop::collection::vec(0..3usize, 2..8), 3),
    ) {
        // The first clone's history starts the store: admin's init, demo, pmc1 pmc.
        let t = |i: usize| format!("2027-01-05T10:{:02}:{:02}Z", i / 60, i % 60);
        let mut start: BTreeMap<String, Event> = BTreeMap::new();
        let init = event("store.init", "user:admin".into(),
            json!({"user": "admin", "kind": "person", "roles": ["admin"], "consent": false}),
            "admin", vec![], t(0));
        let project = event("project.create", "demo".into(), json!({"meta": {"name": "Demo"}}),
            "admin", vec![init.hash.clone()], t(1));
        let pmc1 = event("user.add", "user:pmc1".into(),
            json!({"id": "pmc1", "kind": "person", "consent": false}),
            "admin", vec![project.hash.clone()], t(2));
        for e in [init, project, pmc1] {
            start.insert(e.hash.clone(), e);
        }
        // Each clone's events, as its ref holds them at each step (cumulative).
        let mut clones: Vec<BTreeMap<String, Event>> = vec![start.clone(), start.clone(), start];
        let mut snapshots: Vec<Vec<BTreeMap<String, Event>>> = vec![vec![], vec![], vec![]];
        for (i, s) in steps.iter().enumerate() {
            match s {
                Step::Write { clone, who, what } => {
                    let (kind, target, payload) = change(*what, i);
                    let parents = heads(&clones[*clone]);
                    let e = event(kind, target, payload, USERS[*who], parents, t(i + 3));
                    clones[*clone].insert(e.hash.clone(), e);
                }
                Step::Sync { from, to } => {
                    let theirs = clones[*from].clone();
                    clones[*to].extend(theirs);
                }
            }
            for (c, set) in clones.iter().enumerate() {
                snapshots[c].push(set.clone());
            }
        }
        let everything: BTreeMap<String, Event> =
            clones.iter().flat_map(|c| c.clone()).collect();
        let mut scratch = Index::new();
        scratch.catch_up(&everything);
        let want = scratch.state();
        // Each clone receives the others' refs as they were at random steps, in random order,
        // then everything.
        for (c, picks) in deliveries.iter().enumerate() {
            let mut index = Index::new();
            index.catch_up(&clones[c]);
            for (k, from) in picks.iter().enumerate() {
                let at = (k * 7 + c) % snapshots[*from].len();
                index.catch_up(&snapshots[*from][at]);
            }
            index.catch_up(&everything);
            prop_assert_eq!(index.state(), want.clone(), "clone {}", c);
        }
    }
}
