//! Typed payloads (issue #26 item 3): vote values, review decisions, a close's request and
//! outcome, times and fingerprints are types in the event payloads. A forged record holding a
//! value that is none of them is void on every clone with its reason ("its payload does not
//! read: …") and `sync` exits 3 naming it, never read as a default; what earlier relmgr versions
//! wrote still reads.

use std::path::Path;

use serde_json::json;

use relmgr::model::event::Change;

use crate::forged::{Clone, Forger, setup};
use crate::sync::{T1, T2};

#[test]
fn a_forged_payload_value_that_is_not_its_type_is_void_naming_why() {
    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    let a = setup(root);
    let d = Clone {
        dir: root.join("d"),
    };
    d.ok(T1, &["sync", "--user", "dave"]);
    let heads = d.heads(T1);
    let fpr = "AB".repeat(20);
    let rel = "demo@1.0.0";
    let cases: Vec<(&str, &str, serde_json::Value, &str)> = vec![
        (
            "vote.cast",
            rel,
            json!({"revision": "rc1", "voter": "dave", "vote": "+2", "binding": false,
                   "comment": null, "signature": null, "signer": null}),
            "\"+2\" is not a vote",
        ),
        (
            "vote.cast",
            rel,
            json!({"revision": "rc1", "voter": "dave", "vote": "+1", "binding": false,
                   "comment": null, "signature": null, "signer": "xyz"}),
            "\"xyz\" is not a key fingerprint",
        ),
        (
            "vote.import",
            rel,
            json!({"revision": "rc1", "ballots": [
                {"voter": "pmc1", "vote": "+1", "binding": true, "cast_at": "soon"}]}),
            "\"soon\"",
        ),
        (
            "vote.import",
            rel,
            json!({"revision": "rc1", "ballots": [], "guests": [
                {"name": "Gina", "email": "gina@example.net", "vote": "yes", "cast_at": null}]}),
            "\"yes\" is not a vote",
        ),
        (
            "vote.import",
            rel,
            json!({"revision": "rc1", "ballots": [], "review": [
                {"message_id": "m1@x", "from": "gina@example.net", "date": "last tuesday",
                 "why": "unclear", "lines": []}]}),
            "\"last tuesday\"",
        ),
        (
            "vote.start",
            rel,
            json!({"revision": "rc1", "manifest_hash": "", "opened_at": T2,
                   "closes_at": "soon", "own_vote": null}),
            "\"soon\"",
        ),
        (
            "vote.start",
            rel,
            json!({"revision": "rc1", "manifest_hash": "", "opened_at": T2,
                   "closes_at": T2, "own_vote": "-2"}),
            "\"-2\" is not a vote",
        ),
        (
            "vote.review",
            rel,
            json!({"revision": "rc1", "message_id": "m1@x", "from": "gina@example.net",
                   "decision": "maybe", "voter": null, "binding": false, "cast_at": null}),
            "\"maybe\" is not a decision",
        ),
        (
            "vote.review",
            rel,
            json!({"revision": "rc1", "message_id": "m1@x", "from": "gina@example.net",
                   "decision": "+1", "voter": "pmc1", "binding": true, "cast_at": "tomorrow"}),
            "\"tomorrow\"",
        ),
        (
            "vote.close",
            rel,
            json!({"revision": "rc1", "request": "closed", "outcome": "won"}),
            "won",
        ),
        (
            "vote.close",
            rel,
            json!({"revision": "rc1", "request": "slammed", "outcome": "passed"}),
            "slammed",
        ),
        (
            "release.sign",
            rel,
            json!({"revision": "rc1", "fingerprint": "xyz", "signatures": []}),
            "\"xyz\" is not a key fingerprint",
        ),
        (
            "release.stage",
            rel,
            json!({"release": rel, "revision": "rc1", "packages": [], "signed_by": fpr,
                   "signer": "0x1234"}),
            "\"0x1234\" is not a key fingerprint",
        ),
        (
            "publish",
            "store",
            json!({"dir": "/tmp/www", "version": 9, "expires": "never", "written": 0,
                   "removed": 0, "fingerprint": fpr}),
            "\"never\"",
        ),
        (
            "publish",
            "store",
            json!({"dir": "/tmp/www", "version": 9, "expires": T2, "written": 0,
                   "removed": 0, "fingerprint": "DEADBEEF"}),
            "\"DEADBEEF\" is not a key fingerprint",
        ),
    ];
    let dave_key = root.join("dave.sec.asc");
    let mut f = Forger::new(&dave_key, "dave");
    let forged: Vec<(String, &str, &str)> = cases
        .iter()
        .map(|(kind, target, payload, why)| {
            (
                f.event(kind, target, payload.clone(), &heads, T2),
                *kind,
                *why,
            )
        })
        .collect();
    f.push(&d);

    let (code, err) = a.code(T2, &["sync"]);
    assert_eq!(code, 3, "{err}");
    for (_, kind, _) in &forged {
        assert!(err.contains(&format!("{kind} by dave")), "{kind}: {err}");
    }
    let log = a.json(T2, &["--as", "admin", "log"]);
    for (hash, kind, why) in &forged {
        let e = log
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["hash"] == hash.as_str())
            .unwrap_or_else(|| panic!("{kind} {hash} in the log"));
        let void = e["void"].as_str().unwrap_or_default();
        assert!(
            void.contains("its payload does not read") && void.contains(why),
            "{kind}: {void:?} should say {why:?}"
        );
    }
    // Nothing of them counts: the vote is as the honest clones left it.
    let st = a.json(T2, &["vote", "status", rel]);
    assert_eq!(st["outcome"], "open", "{st}");
    assert_eq!(st["binding"]["plus"], 0, "{st}");
    assert_eq!(st["non_binding"]["plus"], 0, "{st}");
    assert_eq!(st["needs_review"], 0, "{st}");

    // The command side refuses such values before writing anything.
    let before = a
        .json(T2, &["--as", "admin", "log"])
        .as_array()
        .unwrap()
        .len();
    for args in [
        &["--as", "pmc1", "vote", "cast", rel, "+2"][..],
        &["--as", "pmc1", "vote", "cast", rel, "yes"][..],
    ] {
        let (code, err) = a.code(T2, args);
        assert_eq!(code, 2, "{args:?}: {err}");
    }
    let after = a
        .json(T2, &["--as", "admin", "log"])
        .as_array()
        .unwrap()
        .len();
    assert_eq!(before, after, "nothing written");
}

/// Every event the stores of earlier versions hold (fixtures/stores/v1, v8) reads as its type.
#[test]
fn events_of_earlier_versions_still_read() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/stores");
    for version in ["v1", "v8"] {
        let tmp = tempfile::tempdir().unwrap();
        for file in ["index.db", "index.db-wal", "index.db-shm"] {
            let from = fixtures.join(version).join(file);
            if from.exists() {
                std::fs::copy(&from, tmp.path().join(file)).unwrap();
            }
        }
        let db = rusqlite::Connection::open(tmp.path().join("index.db")).unwrap();
        let mut stmt = db
            .prepare("SELECT seq, type, payload FROM events ORDER BY seq")
            .unwrap();
        let rows: Vec<(i64, String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(rows.len() > 10, "{version}: {} events", rows.len());
        let mut kinds = std::collections::BTreeSet::new();
        for (seq, kind, payload) in rows {
            if let Err(e) = Change::parse(&kind, &payload) {
                panic!("{version} event {seq} ({kind}) does not read: {e}: {payload}");
            }
            kinds.insert(kind);
        }
        for typed in [
            "vote.start",
            "vote.cast",
            "vote.close",
            "publish",
            "release.stage",
        ] {
            assert!(kinds.contains(typed), "{version} has no {typed}");
        }
    }
}
