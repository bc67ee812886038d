//! The canonical record of an event: the bytes the shared history stores, its hash covers and
//! its signature signs (SPEC §6, §7), and the chain hash of the linear log of earlier versions.

use std::io::Write;

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{Event, GENESIS};
use crate::model::event::Change;

/// Serializes a JSON value with object keys sorted at every level, no whitespace: the one form
/// that is hashed.
pub fn canonical(value: &Value) -> String {
    let mut out = Vec::new();
    write_canonical(value, &mut out);
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes `value` in canonical form; keys and scalars as serde_json writes them (no copies:
/// fsck hashes every event's payload).
pub(super) fn write_canonical<W: Write>(value: &Value, out: &mut W) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            put(out, b"{");
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    put(out, b",");
                }
                write_json(k.as_str(), out);
                put(out, b":");
                write_canonical(&map[*k], out);
            }
            put(out, b"}");
        }
        Value::Array(items) => {
            put(out, b"[");
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    put(out, b",");
                }
                write_canonical(v, out);
            }
            put(out, b"]");
        }
        other => write_json(other, out),
    }
}

pub(super) fn write_json<T: Serialize + ?Sized, W: Write>(value: &T, out: &mut W) {
    serde_json::to_writer(&mut *out, value).expect("a string or a JSON scalar serializes");
}

/// Writes bytes to memory or a hasher, which cannot fail.
fn put<W: Write>(out: &mut W, bytes: &[u8]) {
    out.write_all(bytes)
        .expect("memory and a hasher take every byte");
}

/// A change as it is stored: its type and the canonical form of its payload, the same bytes as
/// [`canonical`] of [`Change::to_parts`]'s payload. A `vote.import` is written item by item, from
/// its typed fields, with no JSON value of the whole payload: an import of a 64 MiB thread
/// records some 600k guests, whose value tree took about 1 KB each, twice (#29 item 6).
pub fn canonical_change(change: &Change) -> (String, String) {
    match change {
        Change::VoteImport {
            revision,
            ballots,
            guests,
            review,
        } => {
            // The fields in sorted order; `guests` and `review` are skipped when empty, as
            // their `skip_serializing_if` skips them.
            let mut out =
                Vec::with_capacity(64 + 128 * (ballots.len() + guests.len() + review.len()));
            out.extend_from_slice(b"{\"ballots\":");
            write_items(ballots, &mut out);
            if !guests.is_empty() {
                out.extend_from_slice(b",\"guests\":");
                write_items(guests, &mut out);
            }
            if !review.is_empty() {
                out.extend_from_slice(b",\"review\":");
                write_items(review, &mut out);
            }
            out.extend_from_slice(b",\"revision\":");
            write_canonical(&to_value(revision), &mut out);
            out.push(b'}');
            let text = String::from_utf8(out).expect("serde_json writes UTF-8");
            (VOTE_IMPORT.to_string(), text)
        }
        other => {
            let (kind, payload) = other.to_parts();
            (kind, canonical(&payload))
        }
    }
}

/// The type of a `vote.import` event.
const VOTE_IMPORT: &str = "vote.import";

fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).expect("a change serializes")
}

/// A JSON array of `items`, each in canonical form (one small value at a time).
fn write_items<T: Serialize>(items: &[T], out: &mut Vec<u8>) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_canonical(&to_value(item), out);
    }
    out.push(b']');
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// The hash of an event: for a shared-history event the SHA-256 of its [`record`], else (the
/// linear log of earlier versions) the chain hash over its predecessor's hash.
pub fn event_hash(e: &Event) -> String {
    hash_with(e, Field::Canonical(&e.payload))
}

/// Whether `e.hash` is the hash of the event whose payload is `payload`, its text as the index
/// stores it (`e.payload` unused). First over the stored text as it is, which is the hash of
/// the event when that text is its canonical form, as relmgr writes it: fsck hashes a whole log
/// so, without building each payload's value. Only on a miss is the payload read and hashed in
/// canonical form (the same JSON stored in another form holds, as it does over the value).
pub fn stored_hash_holds(e: &Event, payload: &str) -> bool {
    hash_with(e, Field::Text(payload)) == e.hash || {
        let value = super::stored_value(payload.to_string());
        hash_with(e, Field::Canonical(&value)) == e.hash
    }
}

/// The hash of an event whose payload is given as its canonical text (`e.payload` unused): what
/// [`event_hash`] gives over the value that text is the canonical form of.
pub fn event_hash_of_text(e: &Event, payload: &str) -> String {
    hash_with(e, Field::Text(payload))
}

fn hash_with(e: &Event, payload: Field<'_>) -> String {
    match &e.parents {
        Some(_) => {
            // The record hashed as it is written, not built first: an import's is some 60 MB.
            let mut hasher = Sha256::new();
            write_record(e, payload, &mut hasher);
            hex::encode(hasher.finalize())
        }
        None => linear_hash(e, payload),
    }
}

/// The canonical record of an event, the bytes the shared history stores and its hash covers:
/// `{actor, actor_kind, parents, payload, pii_hash, target, time, type, v: 2}` with sorted keys
/// and no whitespace. An event of the linear log has `v: 1` and also `seq` and `prev_hash`, from
/// which its chain hash is recomputed.
pub fn record(e: &Event) -> Vec<u8> {
    record_with(e, Field::Canonical(&e.payload))
}

/// [`record`] of an event whose payload is given as its canonical text (`e.payload` unused).
pub fn record_of_text(e: &Event, payload: &str) -> Vec<u8> {
    record_with(e, Field::Text(payload))
}

fn record_with<'a>(e: &'a Event, payload: Field<'a>) -> Vec<u8> {
    let mut body = Vec::with_capacity(1024);
    write_record(e, payload, &mut body);
    body
}

fn write_record<'a, W: Write>(e: &'a Event, payload: Field<'a>, out: &mut W) {
    let mut fields = common_fields(e, payload);
    match &e.parents {
        Some(parents) => {
            fields.push(("parents", Field::Json(json_of(parents))));
            fields.push(("v", Field::Json("2".into())));
        }
        None => {
            fields.push(("prev_hash", Field::Json(json_of(&e.prev_hash))));
            fields.push(("seq", Field::Json(json_of(&e.seq))));
            fields.push(("v", Field::Json("1".into())));
        }
    }
    write_object(fields, out);
}

/// One field of a hashed object: JSON text already written (owned or borrowed), or a value to
/// write canonically.
enum Field<'a> {
    Json(String),
    Text(&'a str),
    Canonical(&'a Value),
}

fn json_of<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("a string or a JSON scalar serializes")
}

/// The fields every hashed form of an event holds.
fn common_fields<'a>(e: &'a Event, payload: Field<'a>) -> Vec<(&'static str, Field<'a>)> {
    vec![
        ("actor", Field::Json(json_of(&e.actor))),
        ("actor_kind", Field::Json(json_of(&e.actor_kind))),
        ("payload", payload),
        ("pii_hash", Field::Json(json_of(&e.pii_hash))),
        ("target", Field::Json(json_of(&e.target))),
        ("time", Field::Json(json_of(&e.time))),
        ("type", Field::Json(json_of(&e.kind))),
    ]
}

/// Writes `fields` as one JSON object in sorted key order, without building (and copying the
/// payload into) a Value: fsck hashes every event.
fn write_object<W: Write>(mut fields: Vec<(&'static str, Field<'_>)>, out: &mut W) {
    fields.sort_by_key(|(k, _)| *k);
    put(out, b"{");
    for (i, (k, v)) in fields.iter().enumerate() {
        if i > 0 {
            put(out, b",");
        }
        write_json(*k, out);
        put(out, b":");
        match v {
            Field::Json(text) => put(out, text.as_bytes()),
            Field::Text(text) => put(out, text.as_bytes()),
            Field::Canonical(value) => write_canonical(value, out),
        }
    }
    put(out, b"}");
}

/// A record read back (from the shared history): the event it describes, with `seq` 0 for a
/// shared-history event (its place is computed) and its hash recomputed. `None`: not a record.
pub fn from_record(bytes: &[u8]) -> Option<Event> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct R {
        actor: String,
        actor_kind: String,
        parents: Option<Vec<String>>,
        payload: Value,
        pii_hash: Option<String>,
        prev_hash: Option<String>,
        seq: Option<i64>,
        target: String,
        time: String,
        #[serde(rename = "type")]
        kind: String,
        v: u8,
    }
    let r: R = serde_json::from_slice(bytes).ok()?;
    let linear = r.v == 1;
    if linear != r.parents.is_none() || linear != r.seq.is_some() || (r.v != 1 && r.v != 2) {
        return None;
    }
    let mut e = Event {
        seq: r.seq.unwrap_or(0),
        time: r.time,
        actor: r.actor,
        actor_kind: r.actor_kind,
        kind: r.kind,
        target: r.target,
        payload: r.payload,
        pii: None,
        pii_hash: r.pii_hash,
        hash: String::new(),
        prev_hash: r.prev_hash.unwrap_or_else(|| GENESIS.to_string()),
        parents: r.parents,
        void: None,
        signature: None,
        signer: None,
    };
    e.hash = event_hash(&e);
    Some(e)
}

/// The events `e` follows: its parents, or for the linear log its predecessor.
pub fn parents_of(e: &Event) -> Vec<String> {
    match &e.parents {
        Some(p) => p.clone(),
        None if e.prev_hash == GENESIS => vec![],
        None => vec![e.prev_hash.clone()],
    }
}

/// The chain hash of an event of the linear log: SHA-256 of its predecessor's hash, a newline,
/// and the canonical form of `{actor, actor_kind, payload, pii_hash, seq, target, time, type}`.
fn linear_hash(e: &Event, payload: Field<'_>) -> String {
    let mut fields = common_fields(e, payload);
    fields.push(("seq", Field::Json(json_of(&e.seq))));
    let mut body = Vec::with_capacity(1024);
    body.extend_from_slice(e.prev_hash.as_bytes());
    body.push(b'\n');
    write_object(fields, &mut body);
    sha256_hex(&body)
}
