//! The canonical record of an event: the bytes the shared history stores, its hash covers and
//! its signature signs (SPEC §6, §7), and the chain hash of the linear log of earlier versions.

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{Event, GENESIS};

/// Serializes a JSON value with object keys sorted at every level, no whitespace: the one form
/// that is hashed.
pub fn canonical(value: &Value) -> String {
    let mut out = Vec::new();
    write_canonical(value, &mut out);
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes `value` in canonical form; keys and scalars as serde_json writes them (no copies:
/// fsck hashes every event's payload).
pub(super) fn write_canonical(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push(b'{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_json(k.as_str(), out);
                out.push(b':');
                write_canonical(&map[*k], out);
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(v, out);
            }
            out.push(b']');
        }
        other => write_json(other, out),
    }
}

pub(super) fn write_json<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) {
    serde_json::to_writer(&mut *out, value).expect("a string or a JSON scalar serializes");
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// The hash of an event: for a shared-history event the SHA-256 of its [`record`], else (the
/// linear log of earlier versions) the chain hash over its predecessor's hash.
pub fn event_hash(e: &Event) -> String {
    match &e.parents {
        Some(_) => sha256_hex(&record(e)),
        None => linear_hash(e),
    }
}

/// The canonical record of an event, the bytes the shared history stores and its hash covers:
/// `{actor, actor_kind, parents, payload, pii_hash, target, time, type, v: 2}` with sorted keys
/// and no whitespace. An event of the linear log has `v: 1` and also `seq` and `prev_hash`, from
/// which its chain hash is recomputed.
pub fn record(e: &Event) -> Vec<u8> {
    let mut body = Vec::with_capacity(1024);
    body.extend_from_slice(b"{\"actor\":");
    write_json(&e.actor, &mut body);
    body.extend_from_slice(b",\"actor_kind\":");
    write_json(&e.actor_kind, &mut body);
    if let Some(parents) = &e.parents {
        body.extend_from_slice(b",\"parents\":");
        write_json(parents, &mut body);
    }
    body.extend_from_slice(b",\"payload\":");
    write_canonical(&e.payload, &mut body);
    body.extend_from_slice(b",\"pii_hash\":");
    write_json(&e.pii_hash, &mut body);
    if e.parents.is_none() {
        body.extend_from_slice(b",\"prev_hash\":");
        write_json(&e.prev_hash, &mut body);
        body.extend_from_slice(b",\"seq\":");
        write_json(&e.seq, &mut body);
    }
    body.extend_from_slice(b",\"target\":");
    write_json(&e.target, &mut body);
    body.extend_from_slice(b",\"time\":");
    write_json(&e.time, &mut body);
    body.extend_from_slice(b",\"type\":");
    write_json(&e.kind, &mut body);
    body.extend_from_slice(if e.parents.is_some() {
        b",\"v\":2}"
    } else {
        b",\"v\":1}"
    });
    body
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

/// The chain hash of an event of the linear log, given its predecessor's hash.
fn linear_hash(e: &Event) -> String {
    // The canonical form of {seq, time, actor, actor_kind, type, target, payload, pii_hash},
    // written in its sorted key order without building (and copying the payload into) a Value.
    let mut body = Vec::with_capacity(1024);
    body.extend_from_slice(e.prev_hash.as_bytes());
    body.extend_from_slice(b"\n{\"actor\":");
    write_json(&e.actor, &mut body);
    body.extend_from_slice(b",\"actor_kind\":");
    write_json(&e.actor_kind, &mut body);
    body.extend_from_slice(b",\"payload\":");
    write_canonical(&e.payload, &mut body);
    body.extend_from_slice(b",\"pii_hash\":");
    write_json(&e.pii_hash, &mut body);
    body.extend_from_slice(b",\"seq\":");
    write_json(&e.seq, &mut body);
    body.extend_from_slice(b",\"target\":");
    write_json(&e.target, &mut body);
    body.extend_from_slice(b",\"time\":");
    write_json(&e.time, &mut body);
    body.extend_from_slice(b",\"type\":");
    write_json(&e.kind, &mut body);
    body.push(b'}');
    sha256_hex(&body)
}
