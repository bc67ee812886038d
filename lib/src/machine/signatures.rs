//! The signatures of a history being replayed (SPEC §7): checked on verifying threads (and by
//! the replay itself while it waits) as the replay runs, and each event's verdict decided at
//! its place in the order.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread::Scope;

use rusqlite::Connection;

use crate::model::event::Change;
use crate::pgp;
use crate::store::events::{self, Event};
use crate::store::votes;

use super::history::Known;

/// Signatures in a batch: large enough that a batch costs little per signature, small enough
/// that the replay soon has the verdicts it waits for.
const CHUNK: usize = 128;

/// What there is to check: the keyring of the whole history, and each signed event (its hash,
/// signature, record and time), in the replay's order.
pub struct ToCheck {
    ring: pgp::Keyring,
    signed: Vec<(String, String, Vec<u8>, jiff::Timestamp)>,
}

/// The signatures of `typed`, against the newest certificate of every key the history (and the
/// `index` it continues) holds, each judged at its event's own time: a key revoked or expired
/// later does not void what it signed while valid (a hard revocation, for a compromised key,
/// does: as gpg and sqv judge). `None` when no event is signed.
pub fn to_check(
    index: Option<&Connection>,
    typed: &[(Event, Option<Change>)],
) -> anyhow::Result<Option<ToCheck>> {
    use rayon::prelude::*;
    if typed.iter().all(|(e, _)| e.signature.is_none()) {
        return Ok(None);
    }
    let indexed = match index {
        Some(db) => crate::store::keys::list(db, None)?,
        None => Vec::new(),
    };
    let mut certs: HashMap<String, String> = indexed
        .into_iter()
        .map(|k| (k.fingerprint.to_string(), k.armored))
        .collect();
    for (_, c) in typed {
        match c {
            Some(Change::KeyImport { keys, .. }) => {
                for (i, k) in keys.iter().enumerate() {
                    let fpr = match &k.fingerprint {
                        Some(f) => f.to_string(),
                        None => format!("#{i}"),
                    };
                    certs.insert(fpr, k.certificate.clone());
                }
            }
            Some(Change::KeyGenerate {
                fingerprint,
                certificate,
                ..
            }) => {
                certs.insert(fingerprint.to_string(), certificate.clone());
            }
            _ => {}
        }
    }
    // An unreadable certificate (a hand-made key event, void on replay) leaves only itself out.
    let ring = pgp::Keyring::from_readable(certs.values());
    let signed = typed
        .par_iter()
        .filter_map(|(e, _)| {
            let sig = e.signature.clone()?;
            let at = crate::clock::parse_time(&e.time).ok()?;
            Some((e.hash.clone(), sig, events::record(e), at))
        })
        .collect();
    Ok(Some(ToCheck { ring, signed }))
}

/// The batches of a history's signatures, claimed one at a time, in order, by whichever thread
/// is free: the verifying threads, and the replay itself when it waits for a verdict.
struct Batches {
    ring: pgp::Keyring,
    signed: Vec<(String, String, Vec<u8>, jiff::Timestamp)>,
    next: AtomicUsize,
}

type Verdict = (String, pgp::SigCheck);

impl Batches {
    /// Checks the next unclaimed batch; `None` when every batch is claimed.
    fn check_next(&self) -> Option<Vec<Verdict>> {
        let start = self
            .next
            .fetch_add(1, Ordering::Relaxed)
            .checked_mul(CHUNK)?;
        let chunk = self
            .signed
            .get(start..)?
            .get(..CHUNK.min(self.signed.len() - start))?;
        if chunk.is_empty() {
            return None;
        }
        let items: Vec<pgp::Detached<'_>> = chunk
            .iter()
            .map(|(_, sig, record, at)| (sig.as_bytes(), record.as_slice(), *at))
            .collect();
        let checks = self.ring.verify_batch(&items);
        Some(
            chunk
                .iter()
                .map(|(hash, ..)| hash.clone())
                .zip(checks)
                .collect(),
        )
    }
}

/// The verdict on each signed event's signature, by its hash, as the verifying threads send
/// them: the replay waits only for a verdict that is not there yet (checking a batch itself
/// meanwhile), so the checks of later events run while earlier ones are applied.
pub struct Verdicts {
    ready: HashMap<String, pgp::SigCheck>,
    incoming: Option<(Arc<Batches>, mpsc::Receiver<Vec<Verdict>>)>,
}

impl Verdicts {
    /// Starts checking `to_check` on threads of `scope`, a batch at a time: one per core but
    /// one, the replay's own thread being the last (it checks batches when it waits).
    pub fn start<'scope>(scope: &'scope Scope<'scope, '_>, to_check: Option<ToCheck>) -> Verdicts {
        let Some(ToCheck { ring, signed }) = to_check else {
            return Verdicts {
                ready: HashMap::new(),
                incoming: None,
            };
        };
        let batches = Arc::new(Batches {
            ring,
            signed,
            next: AtomicUsize::new(0),
        });
        let (tx, rx) = mpsc::channel();
        let threads = rayon::current_num_threads().saturating_sub(1).max(1);
        for _ in 0..threads {
            let (batches, tx) = (Arc::clone(&batches), tx.clone());
            scope.spawn(move || {
                while let Some(verdicts) = batches.check_next() {
                    if tx.send(verdicts).is_err() {
                        return; // the replay stopped and wants no more
                    }
                }
            });
        }
        Verdicts {
            ready: HashMap::new(),
            incoming: Some((batches, rx)),
        }
    }

    /// The verdict on the event with this hash, checking batches or waiting for them while it
    /// is not there; `None` if its signature was never checked (its time is unreadable).
    fn get(&mut self, hash: &str) -> Option<&pgp::SigCheck> {
        while !self.ready.contains_key(hash) {
            let Some((batches, rx)) = &self.incoming else {
                break;
            };
            if let Ok(verdicts) = rx.try_recv() {
                self.ready.extend(verdicts);
            } else if let Some(verdicts) = batches.check_next() {
                self.ready.extend(verdicts);
            } else {
                match rx.recv() {
                    Ok(verdicts) => self.ready.extend(verdicts),
                    Err(_) => self.incoming = None,
                }
            }
        }
        self.ready.get(hash)
    }
}

/// Whether an event holds under the signature policy at its place in the order: `Some(reason)`
/// when it does not. An event is signed when a signature over its bytes verifies with its
/// ACTOR's registered key at its time; any other signature beside it (anyone may add a
/// `<hash>.asc` to their own ref) is ignored and dropped from the event, so that it changes
/// nothing on any clone, whenever it arrives. Sets `e.signer` from the actor's good signature.
/// A user's first key registration ([`super::history::first_key_registration`]) needs no
/// signature.
pub fn decide(
    db: &Connection,
    e: &mut Event,
    change: &Change,
    checks: &mut Verdicts,
    known: &mut Known,
) -> anyhow::Result<Option<String>> {
    let mut ignored = None;
    if e.signature.is_some() {
        match checks.get(&e.hash) {
            Some(pgp::SigCheck::Good {
                primary_fingerprint,
                ..
            }) => {
                let owner = known.key_owner(db, primary_fingerprint)?;
                if owner == Some(e.actor.as_str()) {
                    e.signer = Some(primary_fingerprint.clone());
                    return Ok(None);
                }
                ignored = Some(format!(
                    "its signature by key {primary_fingerprint}, not a registered key of {}, is ignored",
                    e.actor
                ));
            }
            Some(pgp::SigCheck::Bad { reason }) => {
                ignored = Some(format!("its bad signature ({reason}) is ignored"));
            }
            Some(pgp::SigCheck::UnknownKey { issuer }) => {
                ignored = Some(format!(
                    "its signature by key {issuer}, which the history does not hold, is ignored"
                ));
            }
            None => ignored = Some("its unreadable signature is ignored".into()),
        }
        e.signature = None;
        e.signer = None;
    }
    if !known.signing_policy(db)? {
        return Ok(None);
    }
    let level = votes::signed_events(db, &e.target)?;
    if votes::must_be_signed(&level, &e.kind)
        && !super::history::first_key_registration(db, &e.actor, change)?
    {
        let also = ignored.map(|i| format!("; {i}")).unwrap_or_default();
        return Ok(Some(format!(
            "unsigned, but signed events are `{level}` for {}{also}",
            e.target
        )));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let p = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .join("fixtures/keys")
            .join(name);
        std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    /// 300 signed records (three batches), the one at 150 edited after signing.
    fn to_check() -> ToCheck {
        let now = jiff::Timestamp::now();
        let key = pgp::load_signing_key(
            &fixture("alice.sec.asc"),
            &mut || anyhow::bail!("no passphrase"),
            now,
        )
        .expect("key");
        let cert = String::from_utf8(fixture("alice.pub.asc")).expect("utf8");
        let signed = (0..300)
            .map(|i| {
                let record = format!("{{\"seq\":{i}}}").into_bytes();
                let sig = pgp::sign_detached(&key, &record, now).expect("sign");
                let record = if i == 150 {
                    b"{\"seq\":-1}".to_vec()
                } else {
                    record
                };
                (format!("h{i}"), sig, record, now)
            })
            .collect();
        ToCheck {
            ring: pgp::Keyring::new([cert]).expect("ring"),
            signed,
        }
    }

    #[test]
    fn every_verdict_reaches_the_replay_whatever_order_it_asks_in() {
        std::thread::scope(|scope| {
            let mut v = Verdicts::start(scope, Some(to_check()));
            // The last first (it waits for every batch), then the others, then one never
            // checked.
            assert!(matches!(v.get("h299"), Some(pgp::SigCheck::Good { .. })));
            for i in (0..299).rev() {
                let verdict = v.get(&format!("h{i}")).cloned();
                match (i, verdict) {
                    (150, Some(pgp::SigCheck::Bad { reason })) => {
                        assert!(reason.contains("does not match the data"), "{reason}")
                    }
                    (150, other) => panic!("150: {other:?}"),
                    (_, Some(pgp::SigCheck::Good { .. })) => {}
                    (i, other) => panic!("{i}: {other:?}"),
                }
            }
            assert_eq!(v.get("not signed"), None);
        });
    }

    #[test]
    fn a_replay_that_stops_early_stops_the_checks() {
        std::thread::scope(|scope| {
            let mut v = Verdicts::start(scope, Some(to_check()));
            assert!(v.get("h0").is_some());
            drop(v); // the scope ends: the verifying thread stops at its next send
        });
        std::thread::scope(|scope| {
            let mut v = Verdicts::start(scope, None);
            assert_eq!(v.get("h0"), None);
        });
    }
}
