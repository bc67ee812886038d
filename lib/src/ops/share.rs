//! The shared history's records (SPEC §6): each event travels as one record named by its hash,
//! holding its canonical bytes ([`events::record`]); its erasable personal data, when it has any,
//! as a second record `<hash>.pii`, and its signature as `<hash>.asc`. Key certificates need no
//! records of their own: the key events carry them. Exporting this clone's new events into its
//! git ref happens here, in the ops layer: the store itself never runs git.

use std::path::Path;

use anyhow::Context;

use crate::git::{Record, Repo};
use crate::store::Store;
use crate::store::events::{self, Event};
use crate::store::shared::{exported_through, set_exported_through};

/// The records of the events after `seq`, and the last one's seq: each record written from the
/// payload's stored text when that text is its canonical form (its hash holds over it, as for
/// every event relmgr writes), else from the payload read (#29 item 6: the value of a 64 MiB
/// thread's import took a gigabyte).
fn records_after(
    db: &rusqlite::Connection,
    seq: i64,
) -> anyhow::Result<(Vec<Record>, usize, Option<i64>)> {
    let mut out = Vec::new();
    let (mut n, mut last) = (0, None);
    events::each_after(db, seq, |mut e, payload| {
        let bytes = match &e.parents {
            Some(_) => Some(events::record_of_text(&e, payload))
                .filter(|b| events::sha256_hex(b) == e.hash),
            None => (events::event_hash_of_text(&e, payload) == e.hash)
                .then(|| events::record_of_text(&e, payload)),
        };
        let bytes = bytes.unwrap_or_else(|| {
            e.payload = events::stored_value(payload.to_string());
            events::record(&e)
        });
        push_records(&mut out, &e, bytes);
        n += 1;
        last = Some(e.seq);
        Ok(())
    })?;
    Ok((out, n, last))
}

/// The records of one event whose record is `bytes`: it, its personal data, its signature.
fn push_records(out: &mut Vec<Record>, e: &Event, bytes: Vec<u8>) {
    out.push(Record {
        name: e.hash.clone(),
        bytes,
    });
    if let Some(pii) = &e.pii {
        out.push(Record {
            name: format!("{}.pii", e.hash),
            bytes: events::canonical(pii).into_bytes(),
        });
    }
    if let Some(sig) = &e.signature {
        out.push(Record {
            name: format!("{}.asc", e.hash),
            bytes: sig.clone().into_bytes(),
        });
    }
}

/// A record that is not what its name says.
#[derive(Debug, thiserror::Error)]
#[error("history record {name}: {problem}")]
pub struct BadRecord {
    pub name: String,
    pub problem: String,
}

/// Reads records back into events: every event record must hash to its name (an edited event
/// does not), and personal data must match the hash its event holds (else it is left out).
pub fn events_of(records: &[Record]) -> Result<Vec<Event>, BadRecord> {
    let pii: std::collections::HashMap<&str, &[u8]> = records
        .iter()
        .filter_map(|r| Some((r.name.strip_suffix(".pii")?, r.bytes.as_slice())))
        .collect();
    let signatures: std::collections::HashMap<&str, &[u8]> = records
        .iter()
        .filter_map(|r| Some((r.name.strip_suffix(".asc")?, r.bytes.as_slice())))
        .collect();
    let mut out = Vec::with_capacity(records.len());
    for r in records.iter().filter(|r| !r.name.contains('.')) {
        let bad = |problem: &str| BadRecord {
            name: r.name.clone(),
            problem: problem.to_string(),
        };
        let mut e = events::from_record(&r.bytes).ok_or_else(|| bad("not an event record"))?;
        if e.hash != r.name {
            return Err(bad(
                "its content does not hash to its name: the event was edited",
            ));
        }
        if let Some(bytes) = pii.get(r.name.as_str())
            && let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes)
            && e.pii_hash.as_deref()
                == Some(events::sha256_hex(events::canonical(&value).as_bytes()).as_str())
        {
            e.pii = Some(value);
        }
        // Verified on replay, where its signer is found.
        e.signature = signatures
            .get(r.name.as_str())
            .map(|b| String::from_utf8_lossy(b).into_owned());
        out.push(e);
    }
    Ok(out)
}

/// The git repository that holds the store at `dir` (its `.relmgr`), if any: for a caller
/// that has the store's directory and not the store (fsck asks on a thread of its own).
pub fn repo_of(dir: &Path) -> anyhow::Result<Option<Repo>> {
    Ok(Repo::discover(dir.parent().unwrap_or(dir))?)
}

/// Adds this clone's events that are not in its git ref yet. Returns how many.
pub fn export(store: &mut Store) -> anyhow::Result<usize> {
    let Some(clone) = store.config.clone_id.clone() else {
        return Ok(0);
    };
    let Some(repo) = repo_of(&store.dir)? else {
        return Ok(0);
    };
    let from = exported_through(store.db())?;
    let (records, n, last) = records_after(store.db(), from)?;
    let Some(last) = last else {
        return Ok(0);
    };
    let at = crate::clock::now()?;
    repo.append_new(&clone, &records, at)
        .context("while adding events to the shared history")?;
    set_exported_through(store.db(), last)?;
    Ok(n)
}

/// What could not be exported after a change was recorded: the change stands (it is in the
/// index and the log), and the next write or `sync` exports it, but the user is told, once per
/// command, why git failed. Kept here for the command line to print after the command.
static UNSHARED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Exports after a write: a git failure is remembered for [`take_unshared`], never dropped.
pub fn export_after_write(store: &mut Store) {
    if store.config.clone_id.is_none() {
        return;
    }
    if let Err(e) = export(store) {
        UNSHARED
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(format!("{e:#}"));
    }
}

/// The export failures since the last call, oldest first.
pub fn take_unshared() -> Vec<String> {
    std::mem::take(&mut *UNSHARED.lock().unwrap_or_else(|p| p.into_inner()))
}
