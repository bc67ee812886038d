//! Operations: one file per command group. Each takes typed inputs, checks permissions through
//! [`crate::machine::access`], changes the store through `Store::write` (one transaction with its event) and
//! returns a report struct. Nothing here prints.

pub mod candidates;
pub mod check;
pub mod check_dir;
pub mod check_git;
pub mod cve;
pub mod deadline;
pub mod download_page;
pub mod fetch;
pub mod fsck;
pub mod ingest;
pub mod init;
pub mod key_owner;
pub mod keys;
pub mod lifecycle;
pub mod log;
pub mod mail;
pub mod policy;
pub mod project;
pub mod publish;
pub mod published;
pub mod release;
pub mod role;
pub mod sbom;
pub mod share;
pub mod smtp;
pub mod stage;
pub mod sync;
pub mod user;
pub mod verify;
pub mod vote;
pub mod vote_import;

use crate::error::Error;
use crate::model::event::Change;
use crate::store::{Actor, ActorKind, Store, users};

/// An open store and the user acting on it.
pub struct Session {
    pub store: Store,
    pub actor: Actor,
    /// The key that signs every event this session writes (SPEC §7).
    pub event_key: EventKey,
}

/// Gives the passphrase of the key it is told (its user ID and key id, for the prompt).
pub type PassphraseSource = dyn FnMut(&str) -> anyhow::Result<String>;

/// Where a session's event-signing key stands: none, configured but not loaded yet (loaded at
/// the first write, so that reading never asks for a passphrase), or in use.
pub enum EventKey {
    None,
    Pending {
        path: std::path::PathBuf,
        passphrase: Box<PassphraseSource>,
    },
    Loaded {
        fingerprint: crate::model::Fingerprint,
    },
}

impl Session {
    /// Opens a session for `user` (already chosen from `--as`, `$RELMGR_USER` or config).
    pub fn new(store: Store, user: Option<String>) -> anyhow::Result<Session> {
        let Some(id) = user.or_else(|| store.config.user.clone()) else {
            return Err(Error::usage("no acting user: pass --as USER or set $RELMGR_USER").into());
        };
        let Some(row) = users::get(store.db(), &id)? else {
            return Err(Error::not_allowed(format!(
                "unknown user {id:?}: only known users may act"
            ))
            .hint("add them with `relmgr user add ID`, or act as a known user with --as")
            .into());
        };
        let kind = if row.kind == "service" {
            ActorKind::Service
        } else {
            ActorKind::Person
        };
        Ok(Session {
            store,
            actor: Actor { id, kind },
            event_key: EventKey::None,
        })
    }
}

/// An event a command has decided to write: its target, its change and, for users, the
/// erasable personal data that travels beside it.
pub struct Emit {
    pub target: String,
    pub change: Change,
    pub pii: Option<serde_json::Value>,
}

impl Emit {
    pub fn new(target: impl Into<String>, change: Change) -> Emit {
        Emit {
            target: target.into(),
            change,
            pii: None,
        }
    }
    pub fn with_pii(mut self, pii: serde_json::Value) -> Emit {
        self.pii = Some(pii);
        self
    }
}

impl Session {
    /// Writes one decided event, judges it by the rule book and applies it
    /// ([`history::judge_and_apply`]) in one transaction: the
    /// index changes only the way replaying the log changes it. `decide` runs inside the
    /// transaction (its reads see the state the event applies to) and returns the event.
    pub fn emit_with<T>(
        &mut self,
        decide: impl FnOnce(&rusqlite::Connection) -> anyhow::Result<(T, Emit)>,
    ) -> anyhow::Result<T> {
        self.load_event_key()?;
        let signing = self.store.event_signer.is_some();
        let actor = self.actor.id.clone();
        // The typed change, handed from the writing to the judging: the event's payload is
        // written as canonical text from it and never read back into a value (#29 item 6).
        let typed: std::cell::Cell<Option<Change>> = std::cell::Cell::new(None);
        let value = self.store.write_event(
            &self.actor,
            |db| {
                let (value, e) = decide(db)?;
                let (kind, payload) = crate::store::events::canonical_change(&e.change);
                let level = crate::store::votes::signed_events(db, &e.target)?;
                if !signing
                    && crate::store::votes::must_be_signed(&level, &kind)
                    && !crate::machine::history::first_key_registration(db, &actor, &e.change)?
                {
                    let has_key = !crate::store::keys::list(db, Some(&actor))?.is_empty();
                    let hint = if has_key {
                        "set `signing_key = \"PATH\"` in config.toml or $RELMGR_SIGNING_KEY to your registered secret key".to_string()
                    } else {
                        format!(
                            "{actor} has no key yet: register a first one (it needs no signature) with `relmgr --as {actor} key generate --user {actor} -o SECRET.asc`, then set `signing_key` in config.toml or $RELMGR_SIGNING_KEY to it"
                        )
                    };
                    return Err(Error::not_allowed(format!(
                        "{kind} on {} must be signed by {actor}'s key (signed events: {level})",
                        e.target
                    ))
                    .hint(hint)
                    .into());
                }
                // What replay judges: the change read back from the payload, but for an import,
                // whose typed change is that reading already (the same fields, none defaulted)
                // and would otherwise be held twice.
                let change = match e.change {
                    c @ Change::VoteImport { .. } => c,
                    _ => Change::parse(&kind, &payload)?,
                };
                typed.set(Some(change));
                let mut draft = crate::store::EventDraft::canonical(&kind, e.target, payload);
                draft.pii = e.pii;
                Ok((value, draft))
            },
            |db, event| {
                let change = typed
                    .take()
                    .ok_or_else(|| anyhow::anyhow!("no change to judge"))?;
                crate::machine::history::judge_and_apply_change(db, event, change)
            },
        )?;
        // Into the shared history at once, so that the index stays a cache; should git fail
        // here, the change stands, the user is told, and the next write or `sync` exports it.
        share::export_after_write(&mut self.store);
        Ok(value)
    }

    /// Signs the events of this session with `signer` (already checked to be a registered,
    /// valid key of the actor).
    pub fn use_signer(&mut self, signer: keys::Signer) {
        let fingerprint = signer.record.fingerprint.clone();
        let fpr = fingerprint.clone();
        let key = signer.key;
        self.store.event_signer = Some(Box::new(move |bytes: &[u8], time: &str| {
            let at = crate::clock::parse_time(time).map_err(|e| anyhow::anyhow!(e))?;
            let sig = crate::pgp::sign_detached(&key, bytes, at)
                .map_err(|e| anyhow::anyhow!("signing the event: {e}"))?;
            Ok((sig, fpr.clone()))
        }));
        self.event_key = EventKey::Loaded { fingerprint };
    }

    /// Loads a configured signing key at the first write.
    fn load_event_key(&mut self) -> anyhow::Result<()> {
        if let EventKey::Pending { .. } = self.event_key {
            let EventKey::Pending {
                path,
                mut passphrase,
            } = std::mem::replace(&mut self.event_key, EventKey::None)
            else {
                unreachable!("matched above")
            };
            let signer = keys::load_signer(self, &path, &mut *passphrase)?;
            self.use_signer(signer);
        }
        Ok(())
    }

    /// [`Session::emit_with`] for an event decided already.
    pub fn emit(&mut self, e: Emit) -> anyhow::Result<()> {
        self.emit_with(|_| Ok(((), e)))
    }
}

/// Runs `f` inside a savepoint that is rolled back: what a change would do, without doing it
/// (a command's decision may need the state its event leads to).
pub fn dry_run<T>(
    db: &rusqlite::Connection,
    f: impl FnOnce(&rusqlite::Connection) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    db.execute_batch("SAVEPOINT dry_run")?;
    let out = f(db);
    db.execute_batch("ROLLBACK TO dry_run; RELEASE dry_run")?;
    out
}

/// Runs `work` over `items` on rayon's pool (one thread per core), keeping the order of
/// results; an error stops the remaining work and is returned.
pub fn parallel<I: Sync, T: Send>(
    items: &[I],
    work: impl Fn(&I) -> anyhow::Result<T> + Sync,
) -> anyhow::Result<Vec<T>> {
    use rayon::prelude::*;
    items.par_iter().map(&work).collect()
}
