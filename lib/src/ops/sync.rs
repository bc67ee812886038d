//! `relmgr sync`: the history shared through git (SPEC §6). Fetch the remote's clone refs,
//! verify every new event record, merge (the union of the events, in the order every clone
//! computes), bring the index up to date by replaying, and push this clone's own ref.
//!
//! The index is a cache of the history: when the merged order only adds events after the ones
//! the index holds, they are replayed onto it, whatever their types (a vote close too, unless
//! it did not see a ballot the index applied: [`history::tail_replays_alone`]); when a merge
//! puts events before ones already applied, the index is rebuilt from scratch beside the live
//! one and swapped in (docs/rule-book.md, "Cost").

use std::path::Path;

use serde::Serialize;

use crate::error::Error;
use crate::git::{CLONES, GitError, Incoming, Repo, SetAside};
use crate::store::events::{self, Event};
use crate::store::{Store, shared};

use crate::machine::history::{self, Voided};

/// What `sync` did.
#[derive(Debug, Serialize)]
pub struct SyncReport {
    pub remote: String,
    /// Whether this sync made the store (a fresh clone).
    pub created: bool,
    /// Events that came from the remote.
    pub fetched: usize,
    /// Whether this clone's ref was pushed.
    pub pushed: bool,
    /// Events applied to the index by this sync (the new ones, or all on a rebuild).
    pub applied: usize,
    /// Whether the index was rebuilt from scratch (a merge reordered applied events).
    pub rebuilt: bool,
    /// Events of the history that are void, with their reasons (the ones this sync added).
    pub voided: Vec<Voided>,
    /// The remote's refs not taken at all, with the reason: nothing of them moved a local ref.
    pub set_aside: Vec<SetAside>,
    /// Other clones' refs that the remote holds behind this clone's copy (they lost events
    /// this clone has seen: rewound, or pushed there from elsewhere). What was seen is kept.
    pub rewound: Vec<String>,
    /// Other clones' refs this clone holds and the remote does not (deleted there, or taken
    /// from another remote). What was seen is kept.
    pub disappeared: Vec<String>,
    /// Events in this clone's refs that follow an event no ref holds: kept in git, never
    /// applied (a ref taken before relmgr set such refs aside).
    pub orphaned: Vec<Orphan>,
}

/// An event whose ancestry is missing.
#[derive(Debug, Clone, Serialize)]
pub struct Orphan {
    pub hash: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// The event it follows that no ref holds (itself, or an ancestor's).
    pub missing: String,
}

impl SyncReport {
    /// The voided events that relmgr's commands would have refused (not allowed, forged, or
    /// unsigned where the policy wants them signed), as opposed to honest races: `sync` exits 3
    /// naming them (SPEC §6, §7).
    pub fn refused_voids(&self) -> Vec<&Voided> {
        self.voided.iter().filter(|v| v.grounds.refused()).collect()
    }

    /// What this sync found wrong with the shared history itself, one line each: refs set
    /// aside, rewound or gone, events whose ancestry is missing. `sync` exits 3 naming them.
    pub fn history_problems(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .set_aside
            .iter()
            .map(|s| format!("{} was set aside: {}", s.ref_name, s.reason))
            .collect();
        out.extend(self.rewound.iter().map(|r| {
            format!(
                "{}'s {r} lost events this clone holds (rewound); they are kept here",
                self.remote
            )
        }));
        out.extend(self.disappeared.iter().map(|r| {
            format!(
                "{}'s {r} is gone (this clone holds it); its events are kept here",
                self.remote
            )
        }));
        out.extend(self.orphaned.iter().map(|o| {
            format!(
                "event {} ({}) follows {}, which no ref holds: it is not applied",
                o.hash, o.kind, o.missing
            )
        }));
        out
    }
}

/// Maps git's errors to relmgr's: a rewritten or conflicting history is a verification failure
/// (exit 3), a missing remote or history is not found (6), no repository is a wrong state (5).
pub fn git_error(e: GitError) -> anyhow::Error {
    let msg = e.to_string();
    match e {
        GitError::NotARepo => Error::wrong_state(msg)
            .hint("sharing needs the store inside a git work tree: `git init` or clone the project's repository")
            .into(),
        GitError::NoSuchRemote { .. } => Error::not_found(msg)
            .hint("name a remote of `git remote -v`, a URL or a path")
            .into(),
        GitError::NoRelmgrRefs(_) => Error::not_found(msg)
            .hint("the first clone shares its history with `relmgr sync` from its store")
            .into(),
        GitError::Conflict { .. } | GitError::Malformed { .. } => {
            Error::verification(msg)
                .hint("the remote's history was changed behind relmgr's back; nothing was taken")
                .into()
        }
        _ => Error::failed(msg).caused_by(e).into(),
    }
}

/// A new clone id.
fn new_clone_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Gives a store inside a git work tree its clone id and keeps `.relmgr/` out of git's view.
pub fn share(store: &mut Store) -> anyhow::Result<Option<Repo>> {
    let Some(repo) = super::share::repo_of(&store.dir)? else {
        return Ok(None);
    };
    // Resolved and escaped: a relative, symlinked or oddly named store is excluded too.
    match repo.exclude_dir(&store.dir) {
        Ok(_) | Err(GitError::OutsideWorkTree { .. }) => {}
        Err(e) => return Err(git_error(e)),
    }
    if store.config.clone_id.is_none() {
        store.config.clone_id = Some(new_clone_id());
        store.save_config()?;
    }
    Ok(Some(repo))
}

/// Creates the store of a fresh clone at `parent/.relmgr`, for `user`, before its first sync.
pub fn create_clone_store(parent: &Path, user: &str) -> anyhow::Result<Store> {
    // Refuse before anything is made outside a git work tree.
    Repo::open(parent).map_err(git_error)?;
    let mut store = Store::create(parent, user)?;
    share(&mut store)?;
    Ok(store)
}

/// Runs a sync of `store` with `remote`.
pub fn sync(
    store: &mut Store,
    remote: &str,
    push: bool,
    created: bool,
) -> anyhow::Result<SyncReport> {
    let repo = match share(store)? {
        Some(r) => r,
        None => return Err(git_error(GitError::NotARepo)),
    };
    super::share::export(store)?;
    let clone = store.config.clone_id.clone().expect("shared");
    let incoming = match repo.fetch(remote) {
        Ok(i) => Some(i),
        // A remote nobody has shared to yet: this clone's push starts it.
        Err(GitError::NoRelmgrRefs(_)) if !created => None,
        Err(e) => return Err(git_error(e)),
    };
    let mut fetched = 0;
    let mut delta = None;
    let (mut set_aside, mut rewound, mut disappeared) = (vec![], vec![], vec![]);
    let own = format!("{CLONES}{clone}");
    let mut own_rewritten = false;
    if let Some(mut inc) = incoming {
        // Judge every new record, ref by ref, before any local ref moves: a ref with a bad
        // record or a missing ancestry is set aside whole; the others are taken.
        let new_events = judge(&mut inc);
        fetched = new_events.len();
        repo.accept(&inc).map_err(git_error)?;
        delta = Some(new_events);
        set_aside = inc.set_asides().to_vec();
        own_rewritten = set_aside
            .iter()
            .any(|s| s.ref_name.ends_with(&format!("'s {own}")));
        rewound = others(inc.behind_on_remote(), &own);
        disappeared = others(inc.missing_on_remote(), &own);
    }
    let (applied, rebuilt, voided, orphaned) = catch_up_with(store, &repo, delta)?;
    let mut pushed = false;
    // The remote's copy of this clone's own ref was rewritten by someone else: a push would be
    // refused; it stays as it is, named among the refs set aside.
    if push && !own_rewritten {
        repo.push(remote, &clone).map_err(git_error)?;
        pushed = true;
    }
    Ok(SyncReport {
        remote: remote.to_string(),
        created,
        fetched,
        pushed,
        applied,
        rebuilt,
        voided,
        set_aside,
        rewound,
        disappeared,
        orphaned,
    })
}

/// The refs of `refs` other than `own`.
fn others(refs: &[String], own: &str) -> Vec<String> {
    refs.iter().filter(|r| *r != own).cloned().collect()
}

/// Judges the records `inc` brings, ref by ref, and sets aside every ref that holds a record
/// that is not an event or does not hash to its name, or an event whose ancestry neither this
/// clone nor another ref taken holds (repeated until no taken ref lacks one). Returns the
/// events of the refs left, each once.
fn judge(inc: &mut Incoming) -> Vec<Event> {
    let mut per_ref: Vec<(String, Vec<Event>)> = Vec::new();
    let mut bad: Vec<(String, String)> = Vec::new();
    for (ref_name, records) in inc.brought() {
        match super::share::events_of(records) {
            Ok(events) => per_ref.push((ref_name.clone(), events)),
            Err(e) => bad.push((ref_name.clone(), e.to_string())),
        }
    }
    for (r, why) in bad {
        inc.set_aside(&r, why);
    }
    loop {
        let known: std::collections::HashSet<&str> = per_ref
            .iter()
            .flat_map(|(_, es)| es.iter().map(|e| e.hash.as_str()))
            .collect();
        let lacking = per_ref.iter().enumerate().find_map(|(i, (_, es))| {
            es.iter().find_map(|e| {
                events::parents_of(e)
                    .into_iter()
                    .find(|p| !known.contains(p.as_str()) && !inc.is_held(p))
                    .map(|p| {
                        (
                            i,
                            format!("its event {} follows {p}, which no ref holds", e.hash),
                        )
                    })
            })
        });
        let Some((i, why)) = lacking else { break };
        let (r, _) = per_ref.remove(i);
        inc.set_aside(&r, why);
    }
    let mut seen = std::collections::HashSet::new();
    per_ref
        .into_iter()
        .flat_map(|(_, es)| es)
        .filter(|e| seen.insert(e.hash.clone()))
        .collect()
}

/// Brings the index up to the history in git (see [`catch_up_index`]), then the files derived
/// from it: `keys/<FINGERPRINT>.asc`.
fn catch_up_with(
    store: &mut Store,
    repo: &Repo,
    delta: Option<Vec<Event>>,
) -> anyhow::Result<(usize, bool, Vec<Voided>, Vec<Orphan>)> {
    let out = catch_up_index(store, repo, delta)?;
    if out.0 > 0 {
        for k in crate::store::keys::list(store.db(), None)? {
            if !super::keys::key_file_current(&store.dir, &k) {
                super::keys::write_key_file(&store.dir, &k)?;
            }
        }
    }
    Ok(out)
}

/// Brings the index up to the history in git: replays new events onto it, or rebuilds it when
/// the merged order puts events before ones it applied. Returns (applied, rebuilt, voided,
/// orphaned): events whose ancestry no ref holds are left out of the order and listed.
///
/// Only what is new is read in full: the events the index holds take part in the order by
/// their hashes, times and parents (a skeleton read from the index); the new ones come from
/// `delta` (the events `fetch` brought, verified) when it holds them all, else from every
/// record in git.
fn catch_up_index(
    store: &mut Store,
    repo: &Repo,
    delta: Option<Vec<Event>>,
) -> anyhow::Result<(usize, bool, Vec<Voided>, Vec<Orphan>)> {
    let have: Vec<Event> = events::skeleton(store.db())?;
    let applied: std::collections::HashSet<&str> = have.iter().map(|e| e.hash.as_str()).collect();
    let unapplied: std::collections::HashSet<String> = repo
        .names()
        .map_err(git_error)?
        .into_iter()
        .filter(|n| !n.contains('.') && !applied.contains(n.as_str()))
        .collect();
    if unapplied.is_empty() {
        return Ok((0, false, vec![], vec![]));
    }
    let in_delta = delta.as_ref().is_some_and(|d| {
        let names: std::collections::HashSet<&str> = d.iter().map(|e| e.hash.as_str()).collect();
        unapplied.iter().all(|n| names.contains(n.as_str()))
    });
    let candidates = match delta {
        Some(d) if in_delta => d,
        _ => super::share::events_of(&repo.read_all().map_err(git_error)?)
            .map_err(|e| Error::verification(e.to_string()))?,
    };
    let new: Vec<Event> = candidates
        .into_iter()
        .filter(|e| unapplied.contains(&e.hash))
        .collect();
    let (new, orphaned) = with_ancestry(&have, new);
    if new.is_empty() {
        return Ok((0, false, vec![], orphaned));
    }
    let mut all = have.clone();
    all.extend(new);
    let ordered = history::order(all).map_err(|e| Error::verification(e.to_string()))?;
    // New events after all the applied ones replay onto the index, unless one of them is a
    // vote close that did not see a ballot the index applied: a close voids the concurrent
    // ballots before it.
    let prefix = have.len() <= ordered.len()
        && have.iter().zip(&ordered).all(|(a, b)| a.hash == b.hash)
        && history::tail_replays_alone(store.db(), &ordered, have.len())?;
    if prefix {
        let tail: Vec<Event> = ordered.into_iter().skip(have.len()).collect();
        let n = tail.len();
        if n == 0 {
            return Ok((0, false, vec![], orphaned));
        }
        let last = tail.last().map(|e| e.seq).unwrap_or(0);
        let conn = store.conn_mut();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let voided = history::replay_in(&tx, tail, true)?;
        shared::set_exported_through(&tx, last)?;
        tx.commit()?;
        return Ok((n, false, voided, orphaned));
    }
    let before: std::collections::HashSet<String> = have
        .iter()
        .filter(|e| e.void.is_some())
        .map(|e| e.hash.clone())
        .collect();
    // A rebuild replays everything: the applied events in full, from the index (the new ones
    // are not there and come as they are), at their new places.
    let mut full: std::collections::HashMap<String, Event> =
        events::list(store.db(), &events::Filter::default())?
            .into_iter()
            .map(|e| (e.hash.clone(), e))
            .collect();
    let ordered: Vec<Event> = ordered
        .into_iter()
        .map(|e| match full.remove(&e.hash) {
            Some(f) => Event {
                seq: e.seq,
                prev_hash: e.prev_hash,
                void: None,
                ..f
            },
            None => e,
        })
        .collect();
    let n = ordered.len();
    let (path, mut conn) = store.scratch_file()?;
    let last = ordered.last().map(|e| e.seq).unwrap_or(0);
    let voided = history::replay_into(&mut conn, ordered)?;
    shared::set_exported_through(&conn, last)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    conn.close().map_err(|(_, e)| e)?;
    store.replace_index(&path)?;
    let voided = voided
        .into_iter()
        .filter(|v| !before.contains(&v.hash))
        .collect();
    Ok((n, true, voided, orphaned))
}

/// Splits `new` into the events whose every ancestor is in `have` or `new` and the rest (an
/// event that follows a missing event, or follows such an event), which cannot be ordered.
fn with_ancestry(have: &[Event], new: Vec<Event>) -> (Vec<Event>, Vec<Orphan>) {
    let mut known: std::collections::HashSet<String> =
        have.iter().chain(&new).map(|e| e.hash.clone()).collect();
    let mut missing_of: std::collections::HashMap<String, String> =
        std::collections::HashMap::new();
    // Until nothing changes: an event with a parent not known is taken out, which may take
    // out its children in the next round.
    loop {
        let mut changed = false;
        for e in &new {
            if !known.contains(&e.hash) {
                continue;
            }
            if let Some(p) = events::parents_of(e)
                .into_iter()
                .find(|p| !known.contains(p))
            {
                let root = missing_of.get(&p).cloned().unwrap_or(p);
                missing_of.insert(e.hash.clone(), root);
                known.remove(&e.hash);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let (kept, out): (Vec<Event>, Vec<Event>) =
        new.into_iter().partition(|e| known.contains(&e.hash));
    let orphans = out
        .into_iter()
        .map(|e| Orphan {
            missing: missing_of.remove(&e.hash).unwrap_or_default(),
            hash: e.hash,
            kind: e.kind,
        })
        .collect();
    (kept, orphans)
}

/// After opening: a store whose index was missing is replayed from its shared history.
pub fn catch_up(store: &mut Store) -> anyhow::Result<()> {
    if !store.needs_replay {
        return Ok(());
    }
    let Some(repo) = super::share::repo_of(&store.dir)? else {
        return Ok(());
    };
    catch_up_with(store, &repo, None)?;
    store.needs_replay = false;
    Ok(())
}

/// The default remote.
pub const DEFAULT_REMOTE: &str = "origin";

#[cfg(test)]
mod tests {
    use super::*;

    fn event(hash: &str, parents: &[&str]) -> Event {
        let mut e = events::from_record(
            br#"{"actor":"a","actor_kind":"person","parents":[],"payload":{},"pii_hash":null,"target":"store","time":"2027-01-01T00:00:00Z","type":"user.add","v":2}"#,
        )
        .unwrap();
        e.hash = hash.to_string();
        e.parents = Some(parents.iter().map(|p| p.to_string()).collect());
        e
    }

    /// An event that follows a missing one is left out, and so is every event after it; the
    /// rest is kept whatever the order it came in.
    #[test]
    fn events_after_a_missing_one_are_left_out_with_the_missing_root() {
        let have = vec![event("h1", &[])];
        let new = vec![
            event("n3", &["n2"]),
            event("n2", &["gone"]),
            event("n1", &["h1"]),
            event("n4", &["n1", "n3"]),
        ];
        let (kept, orphans) = with_ancestry(&have, new);
        let kept: Vec<&str> = kept.iter().map(|e| e.hash.as_str()).collect();
        assert_eq!(kept, ["n1"]);
        let mut orphans: Vec<(String, String)> =
            orphans.into_iter().map(|o| (o.hash, o.missing)).collect();
        orphans.sort();
        let want = [("n2", "gone"), ("n3", "gone"), ("n4", "gone")];
        assert_eq!(
            orphans,
            want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec()
        );
    }
}
