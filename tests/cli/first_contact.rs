//! First contact (issue #31, item 1): the dead ends a newcomer following the tour met, each
//! reproduced and recovered WITHOUT deleting the store: a KEYS file of several keys imported
//! `--user` for users without emails, a key given to the wrong user, an admin without a key
//! setting a signing policy, and a store a signing policy locked already (an older relmgr let
//! it be set).

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::common::{T0, TestEnv};
use crate::forged::{Clone, Forger};
use crate::sync::{T1, T2, git};

const T3: &str = "2027-01-05T13:00:00Z";

/// Keys made elsewhere (another store, as each person's own gpg would): for each `(id, name)`,
/// an Ed25519 key with the user ID `Name <id@example.org>`, its secret in `dir/<id>.sec.asc`;
/// returns the KEYS file holding all of them (`dir/<file>`).
fn keys_made_elsewhere(dir: &Path, file: &str, people: &[(&str, &str)]) -> PathBuf {
    let elsewhere = TestEnv::new();
    for (id, name) in people {
        let email = format!("{id}@example.org");
        elsewhere.ok(&[
            "user",
            "add",
            id,
            "--name",
            name,
            "--email",
            &email,
            "--consent",
        ]);
        let secret = dir.join(format!("{id}.sec.asc"));
        elsewhere.ok(&[
            "key",
            "generate",
            "--user",
            id,
            "-o",
            secret.to_str().unwrap(),
        ]);
    }
    let keys = dir.join(file);
    elsewhere.ok(&["key", "export", "-o", keys.to_str().unwrap()]);
    keys
}

/// The fingerprint of `env`'s key whose first user ID names `who`.
fn fpr_of(env: &TestEnv, who: &str) -> String {
    let list = env.json(&["key", "list"]);
    list.as_array()
        .unwrap()
        .iter()
        .find(|k| k["user_ids"][0].as_str().unwrap().contains(who))
        .unwrap_or_else(|| panic!("no key of {who}: {list}"))["fingerprint"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Each key's owner, by the name in its first user ID.
fn owners(env: &TestEnv) -> Vec<(String, Value)> {
    let list = env.json(&["key", "list"]);
    let mut out: Vec<(String, Value)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                k["user_ids"][0].as_str().unwrap().to_string(),
                k["user"].clone(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The tour's store: users without emails (alice and bob with names, carol with none), PMC of
/// demo.
fn tour_store() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&[
        "project",
        "create",
        "demo",
        "--name",
        "Apache Demo",
        "--license",
        "Apache-2.0",
    ]);
    for (u, name) in [
        ("alice", Some("Alice Example")),
        ("bob", Some("Bob  Builder")),
        ("carol", None),
    ] {
        env.ok(&["user", "add", u]);
        env.ok(&["role", "grant", "demo", u, "pmc"]);
        if let Some(n) = name {
            env.ok(&["user", "edit", u, "--name", n]);
        }
    }
    env
}

/// (a) `key import KEYS --user ID` on a file of several keys gives the user only the keys
/// whose user IDs match them (here by name: the users have no emails); one that matches no key
/// is refused with the keys listed, and `key assign` gives that user theirs.
#[test]
fn a_keys_file_imported_for_one_user_gives_them_only_their_key() {
    let env = tour_store();
    let keys = keys_made_elsewhere(
        env.path(),
        "KEYS",
        &[
            ("alice", "Alice Example"),
            ("bob", "Bob Builder"),
            ("carol", "Carol Clark"),
        ],
    );
    let keys = keys.to_str().unwrap();
    // The whole file, for alice: only her key is imported, the two others are left out.
    let r = env.json(&["key", "import", keys, "--user", "alice"]);
    let mut results: Vec<(String, String, Value)> = r["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                k["user_id"].as_str().unwrap().to_string(),
                k["result"].as_str().unwrap().to_string(),
                k["owner"].clone(),
            )
        })
        .collect();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        results,
        vec![
            (
                "Alice Example <alice@example.org>".into(),
                "imported".into(),
                json!("alice")
            ),
            (
                "Bob Builder <bob@example.org>".into(),
                "skipped".into(),
                Value::Null
            ),
            (
                "Carol Clark <carol@example.org>".into(),
                "skipped".into(),
                Value::Null
            ),
        ],
        "{r}"
    );
    assert!(
        r["keys"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("no user ID with the name Alice Example"),
        "{r}"
    );
    assert_eq!(env.json(&["key", "list"]).as_array().unwrap().len(), 1);
    // The human output says what was left out and how to go on.
    let out = env
        .run(&["key", "import", keys, "--user", "alice"])
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("2 key(s) of the file are not alice's"),
        "{err}"
    );

    // The tour's way: the whole file without --user leaves the others unowned (no emails)...
    env.ok(&["key", "import", keys]);
    // ... and importing it again for bob gives bob his (matched by name, spaces aside).
    let r = env.json(&["key", "import", keys, "--user", "bob"]);
    let bob = r["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["result"] != "skipped")
        .unwrap()
        .clone();
    assert_eq!(
        (bob["owner"].as_str(), bob["result"].as_str()),
        (Some("bob"), Some("updated"))
    );

    // carol has no name and no email: no key is hers by its user IDs, and nothing is written.
    let before = env.events();
    let err = env.fails(2, &["key", "import", keys, "--user", "carol"]);
    assert!(err.contains("none of the 3 keys is carol's"), "{err}");
    for who in ["Alice Example", "Bob Builder", "Carol Clark"] {
        assert!(
            err.contains(&fpr_of(&env, who)),
            "the keys are listed: {err}"
        );
    }
    assert!(err.contains("relmgr key assign FPR --user carol"), "{err}");
    assert_eq!(env.events(), before);
    // The recovery: key assign.
    let carol = fpr_of(&env, "Carol Clark");
    let v = env.json(&["key", "assign", &carol, "--user", "carol"]);
    assert_eq!(v["user"], "carol", "{v}");
    assert_eq!(
        owners(&env),
        vec![
            ("Alice Example <alice@example.org>".into(), json!("alice")),
            ("Bob Builder <bob@example.org>".into(), json!("bob")),
            ("Carol Clark <carol@example.org>".into(), json!("carol")),
        ]
    );
    // A user with an email is matched by it: alice's key is hers, the file gives dave nothing.
    env.ok(&[
        "user",
        "add",
        "dave",
        "--email",
        "dave@example.org",
        "--consent",
    ]);
    let err = env.fails(2, &["key", "import", keys, "--user", "dave"]);
    assert!(err.contains("dave has the email dave@example.org"), "{err}");
    // And carol signs with her key now.
    let mut c = env.cmd();
    c.args([
        "--as",
        "carol",
        "role",
        "grant",
        "demo",
        "dave",
        "committer",
    ])
    .env("RELMGR_SIGNING_KEY", env.path().join("carol.sec.asc"));
    c.assert().success();
    let log = env.json(&["log"]);
    let last = log.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["signer"], carol.as_str(), "{last}");
    assert_eq!(env.json(&["fsck"])["ok"], true);
}

/// (b) A key imported for the wrong user: importing it for the right one is refused (it
/// belongs to alice), and `key assign` moves it; who may, and what it refuses.
#[test]
fn a_key_given_to_the_wrong_user_is_moved_by_key_assign() {
    let env = tour_store();
    env.ok(&["user", "add", "dev"]);
    env.ok(&["role", "grant", "demo", "dev", "committer"]);
    let bob_keys = keys_made_elsewhere(env.path(), "bob.asc", &[("bob", "Bob Builder")]);
    let bob_keys = bob_keys.to_str().unwrap();
    // One key and --user: the user's, as --user says (the mistake the tour made).
    env.ok(&["key", "import", bob_keys, "--user", "alice"]);
    let fpr = fpr_of(&env, "Bob Builder");
    let err = env.fails(5, &["key", "import", bob_keys, "--user", "bob"]);
    assert!(err.contains("belongs to alice"), "{err}");
    let sign_as = |user: &str, args: &[&str]| {
        let mut c = env.cmd();
        c.args(["--as", user])
            .args(args)
            .env("RELMGR_SIGNING_KEY", env.path().join("bob.sec.asc"));
        c.output().unwrap()
    };
    let grant = ["role", "grant", "demo", "dev", "rm"];
    let out = sign_as("bob", &grant);
    assert_eq!(out.status.code(), Some(4), "bob cannot sign with it yet");
    assert!(String::from_utf8_lossy(&out.stderr).contains("belongs to alice"));

    // Who may move it: the right to manage other users' keys (pmc, admin); not a committer.
    let err = env.fails(4, &["--as", "dev", "key", "assign", &fpr, "--user", "bob"]);
    assert!(err.contains("manage other users' keys"), "{err}");
    let err = env.fails(5, &["key", "assign", &fpr, "--user", "alice"]);
    assert!(err.contains("alice's already"), "{err}");
    let err = env.fails(6, &["key", "assign", &fpr, "--user", "nobody"]);
    assert!(err.contains("nobody"), "{err}");
    // By its key id too; a PMC member may.
    let key_id = &fpr[fpr.len() - 16..];
    let v = env.json(&["--as", "alice", "key", "assign", key_id, "--user", "bob"]);
    assert_eq!(v["user"], "bob");
    let e = env
        .json(&["log"])
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(e["type"], "key.assign");
    assert_eq!(
        e["payload"],
        json!({"fingerprint": fpr, "from": "alice", "owner": "bob"})
    );
    let out = sign_as("bob", &grant);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(sign_as("alice", &grant).status.code(), Some(4));
    // A retired key stays where it is.
    env.ok(&["key", "remove", &fpr]);
    let err = env.fails(5, &["key", "assign", &fpr, "--user", "carol"]);
    assert!(err.contains("retired"), "{err}");
    assert_eq!(env.json(&["fsck"])["ok"], true);
}

/// (c) An admin without a key cannot set a signing policy (it would lock them out), nor can
/// anyone while no admin holds a usable key; with keys it holds and binds them.
#[test]
fn a_signing_policy_needs_its_author_and_an_admin_to_hold_a_key() {
    let env = TestEnv::with_project();
    let before = env.events();
    let err = env.fails(2, &["policy", "set", "demo", "--signed-events", "binding"]);
    assert!(err.contains("would lock admin out"), "{err}");
    assert!(err.contains("relmgr key generate --user admin"), "{err}");
    assert!(err.contains("RELMGR_SIGNING_KEY"), "{err}");
    // The rm holds a key, but no admin does.
    env.ok(&[
        "--as",
        "rm",
        "key",
        "generate",
        "--user",
        "rm",
        "-o",
        "rm.sec.asc",
    ]);
    let before_rm = env.events();
    let err = env.fails(
        2,
        &[
            "--as",
            "rm",
            "policy",
            "set",
            "demo",
            "--signed-events",
            "all",
        ],
    );
    assert!(err.contains("no admin able to sign"), "{err}");
    assert_eq!(env.events(), before_rm);
    assert_eq!(before + 1, before_rm, "only the key was registered");
    assert_eq!(
        env.json(&["policy", "show", "demo"])["signed_events"],
        "none"
    );
    // A retired key is no usable key.
    env.ok(&["key", "generate", "--user", "admin", "-o", "old.sec.asc"]);
    let old = env.json(&["key", "list", "--user", "admin"])[0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    env.ok(&["key", "remove", &old]);
    env.fails(2, &["policy", "set", "demo", "--signed-events", "binding"]);
    // With a key: set, and it binds the admin too.
    let mut c = env.cmd();
    c.args(["key", "generate", "--user", "admin", "-o", "admin.sec.asc"]);
    c.assert().success();
    env.ok(&["policy", "set", "demo", "--signed-events", "binding"]);
    assert_eq!(
        env.json(&["policy", "show", "demo"])["signed_events"],
        "binding"
    );
    let err = env.fails(4, &["role", "grant", "demo", "dev", "rm"]);
    assert!(err.contains("must be signed"), "{err}");
    let mut c = env.cmd();
    c.args(["role", "grant", "demo", "dev", "rm"])
        .env("RELMGR_SIGNING_KEY", env.path().join("admin.sec.asc"));
    c.assert().success();
    // Lifting it needs no check.
    let mut c = env.cmd();
    c.args(["policy", "set", "demo", "--signed-events", "none"])
        .env("RELMGR_SIGNING_KEY", env.path().join("admin.sec.asc"));
    c.assert().success();
    assert_eq!(env.json(&["fsck"])["ok"], true);
}

/// A store of admin (no key), with pmc1, pmc2 (PMC of demo) and rm, shared through a remote;
/// clone `o` is admin's second machine, whose relmgr is an older one: it set
/// `--signed-events binding` without a key (a raw, unsigned `policy.set` in its ref, as that
/// version wrote it). Returns (a, o) with `a` synced to the locked history.
fn locked_by_an_older_version(root: &Path) -> (Clone, Clone) {
    git(root, &["init", "-q", "--bare", "remote.git"]);
    for c in ["a", "o", "f"] {
        git(root, &["clone", "-q", "remote.git", c]);
    }
    let a = Clone {
        dir: root.join("a"),
    };
    let o = Clone {
        dir: root.join("o"),
    };
    a.ok(T0, &["init", "--user", "admin"]);
    a.ok(
        T0,
        &[
            "project",
            "create",
            "demo",
            "--name",
            "Demo",
            "--license",
            "Apache-2.0",
        ],
    );
    for u in ["pmc1", "pmc2", "rm"] {
        a.ok(T0, &["user", "add", u]);
    }
    for u in ["pmc1", "pmc2"] {
        a.ok(T0, &["role", "grant", "demo", u, "pmc"]);
    }
    a.ok(T0, &["role", "grant", "demo", "rm", "rm"]);
    // A key imported for the wrong user (bob's fixture key, given to pmc1).
    let bob = crate::common::fixture("keys/bob.pub.asc");
    a.ok(T0, &["key", "import", &bob, "--user", "pmc1"]);
    a.ok(T0, &["sync"]);
    o.ok(T0, &["sync", "--user", "admin"]);
    let mut older = Forger::new(
        Path::new(&crate::common::fixture("keys/alice.sec.asc")),
        "admin",
    );
    older.unsigned_event(
        "policy.set",
        "demo",
        json!({"version": 1, "min_hours": null, "manual": null, "pause_on_veto": null,
               "checklist": null, "signed_events": "binding"}),
        &o.heads(T1),
        T1,
    );
    older.push(&o);
    a.ok(T1, &["sync"]);
    (a, o)
}

/// (d) A store locked by an older version's policy: a user without a key registers a first
/// key unsigned and goes on signing; a second unsigned key registration, or a `key.assign` by
/// someone without the right, is void on every clone (old and fresh alike).
#[test]
fn in_a_locked_store_a_first_key_is_registered_unsigned_and_nothing_more() {
    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    let (a, o) = locked_by_an_older_version(root);
    assert_eq!(
        a.json(T1, &["policy", "show", "demo"])["signed_events"],
        "binding"
    );
    // The lock: admin (no key) can grant nothing.
    let (code, err) = a.code(T1, &["role", "grant", "demo", "rm", "committer"]);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("admin has no key yet") && err.contains("key generate --user admin"),
        "the way out is named: {err}"
    );
    // A first key each, unsigned: the rm generates one, the admin too.
    let rm_key = root.join("rm.sec.asc");
    let admin_key = root.join("admin.sec.asc");
    a.ok(
        T1,
        &[
            "--as",
            "rm",
            "key",
            "generate",
            "--user",
            "rm",
            "-o",
            rm_key.to_str().unwrap(),
        ],
    );
    a.ok(
        T1,
        &[
            "key",
            "generate",
            "--user",
            "admin",
            "-o",
            admin_key.to_str().unwrap(),
        ],
    );
    let log = a.json(T1, &["--as", "admin", "log"]);
    let firsts: Vec<&Value> = log.as_array().unwrap().iter().rev().take(2).collect();
    assert!(
        firsts
            .iter()
            .all(|e| e["type"] == "key.generate" && e["signature"].is_null()),
        "{log}"
    );
    // A second one, unsigned, is refused (exit 4); signed with the first, it is accepted.
    let second = root.join("rm2.sec.asc");
    let gen2 = [
        "--as",
        "rm",
        "key",
        "generate",
        "--user",
        "rm",
        "-o",
        second.to_str().unwrap(),
    ];
    let (code, err) = a.code(T1, &gen2);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("must be signed"), "{err}");
    // They go on, signed: the admin grants a role, and moves pmc1's wrong key to pmc2.
    let signed = |args: &[&str], key: &Path| {
        let out = a.run_env(T1, args, &[("RELMGR_SIGNING_KEY", key)]);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    signed(&["role", "grant", "demo", "rm", "committer"], &admin_key);
    let bob_fpr = a.json(T1, &["key", "list", "--user", "pmc1"])[0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    signed(&["key", "assign", &bob_fpr, "--user", "pmc2"], &admin_key);
    signed(
        &["--as", "rm", "policy", "set", "demo", "--min-hours", "0"],
        &rm_key,
    );
    a.ok(T2, &["sync"]);

    // Forged on o: an unsigned second key of rm (bob's key is pmc2's, so alice's fixture key),
    // and a key.assign of the admin's key to rm, signed by rm, who may not manage others' keys.
    o.ok(T2, &["sync"]);
    let admin_fpr = a.json(T2, &["key", "list", "--user", "admin"])[0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    let alice_pub = std::fs::read_to_string(crate::common::fixture("keys/alice.pub.asc")).unwrap();
    let alice_fpr = relmgr::pgp::parse_keyring(alice_pub.as_bytes())
        .unwrap()
        .into_iter()
        .find_map(|p| match p {
            relmgr::pgp::ParsedCert::Accepted(i) => Some(i.primary.fingerprint.to_string()),
            _ => None,
        })
        .unwrap();
    let heads = o.heads(T2);
    let mut unsigned = Forger::new_at(&rm_key, "rm", T2);
    let second_key = unsigned.unsigned_event(
        "key.generate",
        "keys",
        json!({"owner": "rm", "fingerprint": alice_fpr, "certificate": alice_pub}),
        &heads,
        T3,
    );
    unsigned.push(&o);
    // An unsigned import by pmc1 (no key is theirs since theirs moved) of a key for pmc2: a
    // first key is one's own only.
    let mut pmc1 = Forger::new_at(&rm_key, "pmc1", T2);
    let for_another = pmc1.unsigned_event(
        "key.import",
        "keys",
        json!({"owner": "pmc2", "keys": [
            {"fingerprint": alice_fpr, "owner": "pmc2", "certificate": alice_pub}]}),
        &heads,
        T3,
    );
    pmc1.push(&o);
    let mut rm = Forger::new_at(&rm_key, "rm", T2);
    let assign = rm.event(
        "key.assign",
        "keys",
        json!({"fingerprint": admin_fpr, "from": "admin", "owner": "rm"}),
        std::slice::from_ref(&second_key),
        T3,
    );
    rm.push(&o);

    // Every clone voids both: the old ones (a, o) and a fresh one.
    let f = Clone {
        dir: root.join("f"),
    };
    for (clone, args) in [
        (&a, vec!["sync"]),
        (&o, vec!["sync"]),
        (&f, vec!["sync", "--user", "pmc1"]),
    ] {
        let (code, err) = clone.code(T3, &args);
        assert_eq!(code, 3, "{}: {err}", clone.dir.display());
        assert!(
            err.contains("key.generate by rm")
                && err.contains("key.assign by rm")
                && err.contains("key.import by pmc1"),
            "{err}"
        );
        let log = clone.json(T3, &["--as", "admin", "log"]);
        for (hash, why) in [
            (&second_key, "unsigned"),
            (&for_another, "unsigned"),
            (&assign, "manage other users' keys"),
        ] {
            let e = log
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["hash"] == hash.as_str())
                .unwrap();
            assert!(e["void"].as_str().unwrap().contains(why), "{e}");
        }
    }
    // And they agree on every key and its owner: the first keys hold, the assignment by the
    // admin holds, the forged ones changed nothing.
    let keys = |c: &Clone| {
        let list = c.json(T3, &["key", "list"]);
        list.as_array()
            .unwrap()
            .iter()
            .map(|k| (k["fingerprint"].clone(), k["user"].clone()))
            .collect::<Vec<_>>()
    };
    let on_a = keys(&a);
    assert_eq!(on_a.len(), 3, "{on_a:?}");
    assert!(on_a.contains(&(json!(bob_fpr), json!("pmc2"))), "{on_a:?}");
    assert!(
        on_a.contains(&(json!(admin_fpr), json!("admin"))),
        "{on_a:?}"
    );
    assert_eq!(keys(&o), on_a);
    assert_eq!(keys(&f), on_a);
    for c in [&a, &o, &f] {
        assert_eq!(c.json(T3, &["--as", "admin", "fsck"])["ok"], true);
    }
}
