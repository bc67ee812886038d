//! The audit log: one hash-chained event per mutation, appended in the same transaction as the
//! change. `hash = SHA-256(prev_hash || "\n" || canonical JSON of the event)`, where the first
//! event's `prev_hash` is 64 zeros. Personal data that may have to be erased lives in the `pii`
//! column beside a salted hash; the chain covers the hash, so erasing the data keeps the chain
//! intact.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::{Value, json};

mod record;

pub use record::{
    canonical, canonical_change, event_hash, event_hash_of_text, from_record, parents_of, record,
    record_of_text, sha256_hex, stored_hash_holds,
};

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Service,
    System,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Service => "service",
            ActorKind::System => "system",
        }
    }
}

/// The acting user of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: String,
    pub kind: ActorKind,
}

/// What a change says about itself; [`append`] adds seq, time, actor and the chain.
#[derive(Debug, Clone)]
pub struct EventDraft {
    pub kind: String,
    pub target: String,
    pub payload: Value,
    /// The payload already in canonical form ([`EventDraft::canonical`]); `payload` is then
    /// `Null`, and so is the appended event's.
    pub payload_text: Option<String>,
    /// Erasable personal data (names, emails), kept outside the hash.
    pub pii: Option<Value>,
}

impl EventDraft {
    pub fn new(kind: &str, target: impl Into<String>, payload: Value) -> Self {
        EventDraft {
            kind: kind.to_string(),
            target: target.into(),
            payload,
            payload_text: None,
            pii: None,
        }
    }
    /// A draft whose payload is given as its canonical text ([`canonical_change`]): no JSON
    /// value of it is built, and the appended event's `payload` is `Null` (its writer judges
    /// the typed change it has).
    pub fn canonical(kind: &str, target: impl Into<String>, payload: String) -> Self {
        EventDraft {
            payload_text: Some(payload),
            ..EventDraft::new(kind, target, Value::Null)
        }
    }
    pub fn with_pii(mut self, pii: Value) -> Self {
        self.pii = Some(pii);
        self
    }
}

/// One event as `log` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub seq: i64,
    pub time: String,
    pub actor: String,
    pub actor_kind: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub target: String,
    pub payload: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pii: Option<Value>,
    #[serde(skip)]
    pub pii_hash: Option<String>,
    pub hash: String,
    pub prev_hash: String,
    /// The events this one was written after (SPEC §6); `None` for events of the linear log of
    /// earlier versions, whose one parent is `prev_hash`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parents: Option<Vec<String>>,
    /// Why the event changed nothing: it was not valid in the merged order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub void: Option<String>,
    /// The actor's detached OpenPGP signature (armored) over the event's [`record`] (SPEC §7).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// The primary fingerprint of the key that made `signature`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<crate::model::Fingerprint>,
}

/// Signs an event's record at the event's time: the armored detached signature and the
/// primary fingerprint of the key that made it.
pub type SignFn = dyn Fn(&[u8], &str) -> anyhow::Result<(String, crate::model::Fingerprint)>;

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Appends one event inside the caller's transaction.
pub fn append(db: &Connection, actor: &Actor, draft: &EventDraft) -> anyhow::Result<Event> {
    append_signed(db, actor, draft, None)
}

/// [`append`], signing the event's record with `sign` when given.
pub fn append_signed(
    db: &Connection,
    actor: &Actor,
    draft: &EventDraft,
    sign: Option<&SignFn>,
) -> anyhow::Result<Event> {
    let last: Option<(i64, String)> = db
        .query_row(
            "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (seq, prev_hash) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_string()),
    };
    let parents = heads(db)?;
    // Never earlier than what it follows: a laptop whose clock is behind cannot reorder what it
    // has seen (SPEC §6).
    let latest_parent: Option<crate::model::Time> = if parents.is_empty() {
        None
    } else {
        db.query_row(
            "SELECT max(time) FROM events WHERE hash IN (SELECT value FROM json_each(?1))",
            [serde_json::to_string(&parents)?],
            |r| r.get(0),
        )?
    };
    let now = crate::model::Time::now()?;
    let time = latest_parent.map_or(now, |t| t.max(now)).to_string();
    let pii = draft
        .pii
        .as_ref()
        .map(|data| json!({ "salt": uuid::Uuid::new_v4().simple().to_string(), "data": data }));
    let pii_hash = pii.as_ref().map(|p| sha256_hex(canonical(p).as_bytes()));
    let mut event = Event {
        seq,
        time,
        actor: actor.id.clone(),
        actor_kind: actor.kind.as_str().to_string(),
        kind: draft.kind.clone(),
        target: draft.target.clone(),
        // No copy of a payload given as text (the event keeps `Null`).
        payload: match draft.payload_text {
            Some(_) => Value::Null,
            None => draft.payload.clone(),
        },
        pii,
        pii_hash,
        hash: String::new(),
        prev_hash,
        parents: Some(parents),
        void: None,
        signature: None,
        signer: None,
    };
    let written;
    let text = match &draft.payload_text {
        Some(text) => text.as_str(),
        None => {
            written = canonical(&draft.payload);
            written.as_str()
        }
    };
    event.hash = event_hash_of_text(&event, text);
    if let Some(sign) = sign {
        let (signature, signer) = sign(&record_of_text(&event, text), &event.time)?;
        event.signature = Some(signature);
        event.signer = Some(signer);
    }
    insert_text(db, &event, text)?;
    Ok(event)
}

/// The events no other event follows, sorted: the parents of the next event.
pub fn heads(db: &Connection) -> anyhow::Result<Vec<String>> {
    let mut stmt = db.prepare_cached("SELECT hash FROM heads ORDER BY hash")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Stores an event as it is (its seq, hash and void decided), and moves the heads past it.
pub fn insert(db: &Connection, e: &Event) -> anyhow::Result<()> {
    insert_text(db, e, &canonical(&e.payload))
}

/// [`insert`] of an event whose payload is given as its canonical text (`e.payload` unused).
fn insert_text(db: &Connection, e: &Event, payload: &str) -> anyhow::Result<()> {
    db.prepare_cached(
        "INSERT INTO events (seq, time, actor, actor_kind, type, target, payload, pii, pii_hash, prev_hash, hash, parents, void, signature, signer)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        e.seq,
        e.time,
        e.actor,
        e.actor_kind,
        e.kind,
        e.target,
        payload,
        e.pii.as_ref().map(canonical),
        e.pii_hash,
        e.prev_hash,
        e.hash,
        e.parents.as_ref().map(|p| serde_json::to_string(p).expect("strings")),
        e.void,
        e.signature,
        e.signer,
    ])?;
    let mut drop = db.prepare_cached("DELETE FROM heads WHERE hash = ?1")?;
    for p in parents_of(e) {
        drop.execute([p])?;
    }
    db.prepare_cached("INSERT OR IGNORE INTO heads (hash) VALUES (?1)")?
        .execute([&e.hash])?;
    Ok(())
}

/// Which events to list.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// Events of this target and everything under it (`p`, `p/q`, `p@v`, `p/q@v`).
    pub target: Option<String>,
    /// Events at or after this time (store form).
    pub since: Option<crate::model::Time>,
    /// At most this many, the first in order.
    pub limit: Option<usize>,
}

/// A payload (or personal data) as stored, read as JSON; text that is not JSON stays a string.
pub fn stored_value(text: String) -> Value {
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

fn row_to_event(r: &rusqlite::Row<'_>) -> rusqlite::Result<Event> {
    let mut e = row_to_event_unread(r)?;
    e.payload = stored_value(r.get(6)?);
    Ok(e)
}

/// An event of the row with its payload left `Null` (unread).
fn row_to_event_unread(r: &rusqlite::Row<'_>) -> rusqlite::Result<Event> {
    let pii: Option<String> = r.get(7)?;
    Ok(Event {
        seq: r.get(0)?,
        time: r.get(1)?,
        actor: r.get(2)?,
        actor_kind: r.get(3)?,
        kind: r.get(4)?,
        target: r.get(5)?,
        payload: Value::Null,
        pii: pii.map(stored_value),
        pii_hash: r.get(8)?,
        prev_hash: r.get(9)?,
        hash: r.get(10)?,
        parents: r
            .get::<_, Option<String>>(11)?
            .map(|p| serde_json::from_str(&p).unwrap_or_default()),
        void: r.get(12)?,
        signature: r.get(13)?,
        signer: r.get(14)?,
    })
}

const SELECT: &str = "SELECT seq, time, actor, actor_kind, type, target, payload, pii, pii_hash, prev_hash, hash, parents, void, signature, signer FROM events";

/// Lists events in order (the first `limit` of them, when given).
///
/// The target test is written as ranges, not `LIKE`, so that SQLite answers it from
/// `events_by_target`: `p/…` sorts between `p/` and `p0`, `p@…` between `p@` and `pA`.
pub fn list(db: &Connection, filter: &Filter) -> anyhow::Result<Vec<Event>> {
    let mut stmt = db.prepare_cached(&format!(
        "{SELECT} WHERE (?1 IS NULL OR target = ?1
                          OR (target >= ?1 || '/' AND target < ?1 || '0')
                          OR (target >= ?1 || '@' AND target < ?1 || 'A'))
           AND (?2 IS NULL OR time >= ?2) ORDER BY seq LIMIT ?3"
    ))?;
    let limit = filter
        .limit
        .map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
    let rows = stmt.query_map(params![filter.target, filter.since, limit], row_to_event)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The events of type `kinds` on exactly `target`, in order (sync asks for the ballots of a
/// release a new close speaks of; `events_by_target` answers it).
pub fn of_kinds_on(db: &Connection, kinds: &[&str], target: &str) -> anyhow::Result<Vec<Event>> {
    let mut stmt = db.prepare_cached(&format!(
        "{SELECT} WHERE target = ?1 AND type IN (SELECT value FROM json_each(?2)) ORDER BY seq"
    ))?;
    let kinds = serde_json::to_string(kinds)?;
    let rows = stmt.query_map(params![target, kinds], row_to_event)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The whole log in order, each event handed to `f` with its payload's text as stored,
/// borrowed from SQLite's row (`event.payload` is left `Null`): fsck reads every payload once
/// this way, without copying it or building a JSON value of it, checks each one's hash over
/// that text ([`stored_soundness`]) and reads its change straight from it.
pub fn each_stored(
    db: &Connection,
    f: impl FnMut(Event, &str) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    each_after(db, i64::MIN, f)
}

/// The events after `seq`, in order, each handed to `f` with its payload's text as stored
/// ([`each_stored`]'s way): the export reads a new event's record from that text without a
/// JSON value of it.
pub fn each_after(
    db: &Connection,
    seq: i64,
    mut f: impl FnMut(Event, &str) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut stmt = db.prepare_cached(&format!("{SELECT} WHERE seq > ?1 ORDER BY seq"))?;
    let mut rows = stmt.query([seq])?;
    while let Some(r) = rows.next()? {
        let event = row_to_event_unread(r)?;
        let payload = r.get_ref(6)?.as_str()?;
        f(event, payload)?;
    }
    Ok(())
}

/// The event with sequence number `seq`.
pub fn get(db: &Connection, seq: i64) -> anyhow::Result<Option<Event>> {
    Ok(db
        .query_row(&format!("{SELECT} WHERE seq = ?1"), [seq], row_to_event)
        .optional()?)
}

/// The events after `seq`, in order (what this clone has not shared yet).
pub fn after(db: &Connection, seq: i64) -> anyhow::Result<Vec<Event>> {
    let mut stmt = db.prepare_cached(&format!("{SELECT} WHERE seq > ?1 ORDER BY seq"))?;
    let rows = stmt.query_map([seq], row_to_event)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every event without its payload and personal data (`Null`, `None`): what ordering a merged
/// history needs of the events already applied (hash, time, parents), read cheaply.
pub fn skeleton(db: &Connection) -> anyhow::Result<Vec<Event>> {
    let mut stmt = db.prepare(
        "SELECT seq, time, actor, actor_kind, type, target, 'null', NULL, pii_hash, prev_hash, hash,
                parents, void, signature, signer FROM events ORDER BY seq",
    )?;
    let rows = stmt.query_map([], row_to_event)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The events that are kept void, in order.
pub fn voided(db: &Connection) -> anyhow::Result<Vec<Event>> {
    let mut stmt = db.prepare(&format!("{SELECT} WHERE void IS NOT NULL ORDER BY seq"))?;
    let rows = stmt.query_map([], row_to_event)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The first event (in order) whose hash starts with `prefix` (lower-case hex), if any.
pub fn by_hash_prefix(db: &Connection, prefix: &str) -> anyhow::Result<Option<Event>> {
    Ok(db
        .query_row(
            &format!("{SELECT} WHERE substr(hash, 1, length(?1)) = ?1 ORDER BY seq LIMIT 1"),
            [prefix],
            row_to_event,
        )
        .optional()?)
}

/// Number of events.
pub fn count(db: &Connection) -> anyhow::Result<i64> {
    Ok(db.query_row("SELECT count(*) FROM events", [], |r| r.get(0))?)
}

/// A place where the chain does not hold.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChainBreak {
    pub seq: i64,
    pub problem: String,
}

/// Checks the whole chain: sequence numbers without gaps, each `prev_hash` equal to the previous
/// `hash`, each `hash` recomputed, and each kept `pii` matching its `pii_hash`.
pub fn verify_chain(db: &Connection) -> anyhow::Result<Vec<ChainBreak>> {
    let (mut events, mut sound) = (Vec::new(), Vec::new());
    each_stored(db, |e, payload| {
        sound.push(stored_soundness(&e, payload));
        events.push(e);
        Ok(())
    })?;
    Ok(chain_breaks(events.iter(), sound))
}

/// Whether an event's hash and its kept personal data hold, its payload given as the stored
/// text ([`stored_hash_holds`]: the verdict is the one over the read payload).
pub fn stored_soundness(e: &Event, payload: &str) -> (bool, bool) {
    (stored_hash_holds(e, payload), pii_holds(e))
}

/// Whether an event's kept personal data matches its hash.
fn pii_holds(e: &Event) -> bool {
    match &e.pii {
        Some(pii) => Some(sha256_hex(canonical(pii).as_bytes())) == e.pii_hash,
        None => true,
    }
}

/// The chain's breaks: `events` in order, `sound` whether each one's hash and personal data
/// hold ([`stored_soundness`]).
pub fn chain_breaks<'a>(
    events: impl Iterator<Item = &'a Event>,
    sound: Vec<(bool, bool)>,
) -> Vec<ChainBreak> {
    let mut breaks = Vec::new();
    let mut prev = GENESIS;
    let mut expected_seq = 1;
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (e, (hash_holds, pii_holds)) in events.zip(sound) {
        let mut problem = |p: String| {
            breaks.push(ChainBreak {
                seq: e.seq,
                problem: p,
            })
        };
        if e.seq != expected_seq {
            problem(format!("expected event {expected_seq}, found {}", e.seq));
        }
        if e.prev_hash != prev {
            problem("prev_hash is not the previous event's hash".into());
        }
        if !hash_holds {
            problem("the hash does not match the event's content".into());
        }
        if !pii_holds {
            problem("the personal data does not match its hash".into());
        }
        if let Some(parents) = &e.parents
            && let Some(p) = parents.iter().find(|p| !seen.contains(p.as_str()))
        {
            problem(format!("it follows event {p}, which is not before it"));
        }
        seen.insert(&e.hash);
        prev = &e.hash;
        expected_seq = e.seq + 1;
    }
    breaks
}

/// How many events of `user_target` still hold personal data ([`erase_pii`] would erase them).
pub fn with_pii(db: &Connection, user_target: &str) -> anyhow::Result<usize> {
    Ok(db.query_row(
        "SELECT count(*) FROM events WHERE target = ?1 AND pii IS NOT NULL",
        params![user_target],
        |r| r.get::<_, i64>(0),
    )? as usize)
}

/// Erases the personal data kept with the events of one user (consent revoked). The chain stays
/// valid because it covers only the data's salted hash.
pub fn erase_pii(db: &Connection, user_target: &str) -> anyhow::Result<usize> {
    Ok(db.execute(
        "UPDATE events SET pii = NULL WHERE target = ?1 AND pii IS NOT NULL",
        params![user_target],
    )?)
}

/// The grants and revocations of one role of one user on one project up to `until`, oldest
/// first, as (time, granted). The log is the role history: it answers "was she PMC then?".
pub fn role_history(
    db: &Connection,
    project: &str,
    user: &str,
    role: &str,
    until: crate::model::Time,
) -> anyhow::Result<Vec<(String, bool)>> {
    let mut stmt = db.prepare(
        "SELECT time, type FROM events
         WHERE target = ?1 AND type IN ('role.grant', 'role.revoke')
           AND json_extract(payload, '$.user') = ?2 AND json_extract(payload, '$.role') = ?3
           AND time <= ?4 AND void IS NULL
         ORDER BY seq",
    )?;
    let rows = stmt.query_map(params![project, user, role, until], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)? == "role.grant",
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash as it was first written (a Value built with `json!`, then its canonical form):
    /// the faster [`event_hash`] must give the same bytes, or every stored chain breaks.
    #[test]
    fn event_hash_is_the_canonical_form_of_its_fields() {
        for (payload, pii_hash) in [
            (
                json!({"b": [1, {"z": null, "y": "x\u{e9}\"\\"}], "a": 2.5}),
                None,
            ),
            (
                json!({"packages": [{"name": "a b.tar.gz", "size": 3}]}),
                Some("ab".to_string()),
            ),
            (json!("not an object"), None),
        ] {
            let e = Event {
                seq: 7,
                time: "2027-01-05T10:00:00Z".into(),
                actor: "rm \u{1F600}".into(),
                actor_kind: "person".into(),
                kind: "release.stage".into(),
                target: "demo@1.0.0".into(),
                payload,
                pii: None,
                pii_hash,
                hash: String::new(),
                prev_hash: GENESIS.into(),
                parents: None,
                void: None,
                signature: None,
                signer: None,
            };
            let body = json!({
                "seq": e.seq, "time": e.time, "actor": e.actor, "actor_kind": e.actor_kind,
                "type": e.kind, "target": e.target, "payload": e.payload, "pii_hash": e.pii_hash,
            });
            let reference = format!("{}\n{}", e.prev_hash, canonical(&body));
            assert_eq!(event_hash(&e), sha256_hex(reference.as_bytes()));
        }
    }

    #[test]
    fn canonical_sorts_keys_at_every_level() {
        let v = json!({"b": 1, "a": {"d": [1, {"z": null, "y": "x"}], "c": true}});
        assert_eq!(
            canonical(&v),
            r#"{"a":{"c":true,"d":[1,{"y":"x","z":null}]},"b":1}"#
        );
    }

    /// #29 item 6: a `vote.import` is written item by item from its typed fields; its bytes
    /// must be those of the value path ([`canonical`] of [`Change::to_parts`]) that wrote every
    /// import so far, or its hash, signature and replay would differ. With guests and messages
    /// to review (names, quotes, control characters, non-ASCII), and without.
    #[test]
    fn an_import_is_written_as_its_value_was() {
        use crate::model::event::{Change, GuestVote, ImportedBallot, ReviewItem};
        let ballot = |voter: &str, cast_at: Option<&str>| ImportedBallot {
            voter: voter.parse().unwrap(),
            vote: crate::votes::Value::Minus,
            binding: true,
            cast_at: cast_at.map(|t| t.parse().unwrap()),
        };
        let guest = |name: Option<&str>, email: &str| GuestVote {
            name: name.map(str::to_string),
            email: email.into(),
            vote: crate::votes::Value::Plus,
            cast_at: Some("2024-02-05T10:00:00Z".parse().unwrap()),
        };
        let item = |id: &str, lines: &[&str]| ReviewItem {
            message_id: id.into(),
            from: "x@example.org".into(),
            // A dated item and an undated one: a typed time is written as the value path did.
            date: (id == "y").then(|| "2024-02-05T11:00:00Z".parse().unwrap()),
            why: "two values \"+1\" and -1".into(),
            lines: lines.iter().map(|l| l.to_string()).collect(),
        };
        let changes = [
            Change::VoteImport {
                revision: Some(crate::model::RevisionNo(2)),
                ballots: vec![
                    ballot("bob", Some("2024-02-05T09:00:00Z")),
                    ballot("al", None),
                ],
                guests: vec![
                    guest(Some("Zoë \"Z\" Müller"), "zoe@example.org"),
                    guest(None, "a\\b@example.org"),
                    guest(Some("tab\there \u{1F600}"), "u@example.org"),
                ],
                review: vec![
                    item("<id@x>", &["+1 if", "-1 \u{7f} </script>"]),
                    item("y", &[]),
                ],
            },
            Change::VoteImport {
                revision: None,
                ballots: vec![],
                guests: vec![guest(Some("n"), "n@example.org")],
                review: vec![],
            },
            Change::VoteImport {
                revision: Some(crate::model::RevisionNo(1)),
                ballots: vec![ballot("bob", None)],
                guests: vec![],
                review: vec![item("z", &["0.5"])],
            },
            Change::VoteImport {
                revision: Some(crate::model::RevisionNo(1)),
                ballots: vec![],
                guests: vec![],
                review: vec![],
            },
            Change::VoteCast {
                revision: Some(crate::model::RevisionNo(1)),
                voter: "bob".parse().unwrap(),
                vote: crate::votes::Value::Plus,
                binding: false,
                comment: Some("ok".into()),
                signature: None,
                signer: None,
            },
        ];
        for c in &changes {
            let (kind, value) = c.to_parts();
            assert_eq!(canonical_change(c), (kind, canonical(&value)), "{c:?}");
        }
    }

    fn db() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::schema::migrate(&mut conn).unwrap();
        conn
    }

    #[test]
    fn chain_links_and_detects_tampering() {
        let conn = db();
        let actor = Actor {
            id: "alice".into(),
            kind: ActorKind::Person,
        };
        for i in 0..3 {
            append(
                &conn,
                &actor,
                &EventDraft::new("test", "demo", json!({"i": i})),
            )
            .unwrap();
        }
        let events = list(&conn, &Filter::default()).unwrap();
        assert_eq!(events[0].prev_hash, GENESIS);
        assert_eq!(events[1].prev_hash, events[0].hash);
        assert_eq!(events[2].prev_hash, events[1].hash);
        assert!(verify_chain(&conn).unwrap().is_empty());
        conn.execute_batch(
            "DROP TRIGGER events_no_update; UPDATE events SET payload = '{\"i\":7}' WHERE seq = 2;",
        )
        .unwrap();
        let breaks = verify_chain(&conn).unwrap();
        assert_eq!(breaks.len(), 1);
        assert_eq!(breaks[0].seq, 2);
    }

    /// The chain is checked over the payloads' stored text (fsck's fast path); a payload stored
    /// in another form of the same JSON is hashed in canonical form and holds, as it does over
    /// the read payload; a payload whose content changed does not.
    #[test]
    fn the_chain_over_stored_text_holds_as_over_read_payloads() {
        let conn = db();
        let actor = Actor {
            id: "alice".into(),
            kind: ActorKind::Person,
        };
        for i in 0..4 {
            append(
                &conn,
                &actor,
                &EventDraft::new("test", "demo", json!({"i": i, "s": "\u{e9}\"x"})),
            )
            .unwrap();
        }
        assert!(verify_chain(&conn).unwrap().is_empty());
        let stored = |conn: &Connection| {
            let mut texts = Vec::new();
            each_stored(conn, |e, payload| {
                assert_eq!(e.payload, Value::Null);
                texts.push(payload.to_string());
                Ok(())
            })
            .unwrap();
            texts
        };
        let before = stored(&conn);
        assert_eq!(before[1], canonical(&json!({"i": 1, "s": "\u{e9}\"x"})));
        conn.execute_batch(
            r#"DROP TRIGGER events_no_update;
             UPDATE events SET payload = ' { "s" : "\u00e9\"x", "i" : 1 } ' WHERE seq = 2;
             UPDATE events SET payload = '{"i":9}' WHERE seq = 3;"#,
        )
        .unwrap();
        assert_ne!(stored(&conn)[1], before[1]);
        let read = list(&conn, &Filter::default()).unwrap();
        assert_eq!(read[1].payload, json!({"i": 1, "s": "\u{e9}\"x"}));
        assert_eq!(event_hash(&read[1]), read[1].hash);
        let breaks = verify_chain(&conn).unwrap();
        assert_eq!(breaks.iter().map(|b| b.seq).collect::<Vec<_>>(), [3]);
    }

    #[test]
    fn erasing_pii_keeps_the_chain() {
        let conn = db();
        let actor = Actor {
            id: "admin".into(),
            kind: ActorKind::Person,
        };
        let draft = EventDraft::new("user.add", "user:bob", json!({"id": "bob"}))
            .with_pii(json!({"name": "Bob", "email": "bob@example.org"}));
        append(&conn, &actor, &draft).unwrap();
        assert_eq!(erase_pii(&conn, "user:bob").unwrap(), 1);
        assert!(verify_chain(&conn).unwrap().is_empty());
        let e = &list(&conn, &Filter::default()).unwrap()[0];
        assert!(e.pii.is_none());
    }

    #[test]
    fn the_log_is_append_only() {
        let conn = db();
        let actor = Actor {
            id: "a".into(),
            kind: ActorKind::System,
        };
        append(&conn, &actor, &EventDraft::new("t", "x", json!({}))).unwrap();
        assert!(conn.execute("DELETE FROM events", []).is_err());
        assert!(conn.execute("UPDATE events SET type = 'u'", []).is_err());
    }

    #[test]
    fn target_filter_covers_children_only() {
        let conn = db();
        let actor = Actor {
            id: "a".into(),
            kind: ActorKind::System,
        };
        for t in ["demo", "demo/web", "demo@1.0", "demolition", "other"] {
            append(&conn, &actor, &EventDraft::new("t", t, json!({}))).unwrap();
        }
        let f = Filter {
            target: Some("demo".into()),
            since: None,
            limit: None,
        };
        let got: Vec<String> = list(&conn, &f)
            .unwrap()
            .into_iter()
            .map(|e| e.target)
            .collect();
        assert_eq!(got, ["demo", "demo/web", "demo@1.0"]);
    }
}
