//! Forged history (issue #26): a team member who edits their own clone (its index, its git ref)
//! cannot make the other clones accept what relmgr's commands would refuse. The forged records
//! are made here, by a generator that writes events with relmgr's own record format into the
//! attacker's ref and signs them with the attacker's own registered key, as a determined
//! committer could; every clone (old, fresh, rebuilt) must void them alike, with a reason, and
//! `sync` must exit 3 naming them.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use relmgr::git::{Record, Repo};
use relmgr::store::events::{self, Event};

use crate::common::T0;
use crate::sync::{T1, T2, git};

const T3: &str = "2027-01-05T13:00:00Z";

/// One clone of the project's repository, with its own store and user.
pub(crate) struct Clone {
    pub(crate) dir: PathBuf,
}

impl Clone {
    pub(crate) fn run_env(
        &self,
        now: &str,
        args: &[&str],
        env: &[(&str, &Path)],
    ) -> std::process::Output {
        let mut c = Command::new(assert_cmd::cargo::cargo_bin("relmgr"));
        c.current_dir(&self.dir)
            .args(args)
            .env_remove("RELMGR_STORE")
            .env_remove("RELMGR_USER")
            .env_remove("RELMGR_SIGNING_KEY")
            .env("HOME", &self.dir)
            .env("RELMGR_NOW", now)
            .env("NO_COLOR", "1")
            .env("CI", "1");
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().unwrap()
    }
    pub(crate) fn run(&self, now: &str, args: &[&str]) -> std::process::Output {
        self.run_env(now, args, &[])
    }
    pub(crate) fn ok(&self, now: &str, args: &[&str]) -> String {
        let out = self.run(now, args);
        assert!(
            out.status.success(),
            "relmgr {args:?} in {}: {}",
            self.dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
    pub(crate) fn json(&self, now: &str, args: &[&str]) -> Value {
        let mut full = vec!["--json"];
        full.extend_from_slice(args);
        serde_json::from_str(&self.ok(now, &full)).unwrap()
    }
    pub(crate) fn code(&self, now: &str, args: &[&str]) -> (i32, String) {
        let out = self.run(now, args);
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
    /// What every clone must agree on.
    fn answers(&self, now: &str) -> (Value, Value, Value, Value) {
        (
            self.json(now, &["vote", "status", "demo@1.0.0"]),
            self.json(now, &["--as", "admin", "log"]),
            self.json(now, &["release", "show", "demo@1.0.0"]),
            self.json(now, &["--as", "admin", "policy", "show", "demo"]),
        )
    }
    pub(crate) fn clone_id(&self) -> String {
        let config = std::fs::read_to_string(self.dir.join(".relmgr/config.toml")).unwrap();
        let line = config
            .lines()
            .find(|l| l.starts_with("clone_id"))
            .expect("a shared store has a clone id");
        line.split('"').nth(1).unwrap().to_string()
    }
    /// The heads of this clone's history: the events no other event follows.
    pub(crate) fn heads(&self, now: &str) -> Vec<String> {
        let log = self.json(now, &["--as", "admin", "log"]);
        let log = log.as_array().unwrap();
        let followed: std::collections::HashSet<&str> = log
            .iter()
            .flat_map(|e| e["parents"].as_array().into_iter().flatten())
            .filter_map(Value::as_str)
            .collect();
        let mut heads: Vec<String> = log
            .iter()
            .map(|e| e["hash"].as_str().unwrap().to_string())
            .filter(|h| !followed.contains(h.as_str()))
            .collect();
        heads.sort();
        heads
    }
}

/// The forger: events in relmgr's record format, signed with the attacker's own key, appended
/// to the attacker's own ref with git and pushed with git.
pub(crate) struct Forger {
    key: relmgr::pgp::SigningKey,
    actor: String,
    records: Vec<Record>,
}

impl Forger {
    pub(crate) fn new(secret: &Path, actor: &str) -> Forger {
        Forger::new_at(secret, actor, T0)
    }

    /// [`Forger::new`] with a key that can sign at `now` (one made after [`T0`]).
    pub(crate) fn new_at(secret: &Path, actor: &str, now: &str) -> Forger {
        let bytes = std::fs::read(secret).unwrap();
        let now: jiff::Timestamp = now.parse().unwrap();
        let key = relmgr::pgp::load_signing_key(&bytes, &mut || anyhow::bail!("none"), now)
            .expect("the attacker's key");
        Forger {
            key,
            actor: actor.into(),
            records: vec![],
        }
    }

    fn sign(&self, bytes: &[u8], time: &str) -> String {
        relmgr::pgp::sign_detached(&self.key, bytes, time.parse().unwrap()).unwrap()
    }

    /// Adds a signed event; returns its hash.
    pub(crate) fn event(
        &mut self,
        kind: &str,
        target: &str,
        payload: Value,
        parents: &[String],
        time: &str,
    ) -> String {
        self.add(kind, target, payload, parents, time, true)
    }

    /// Adds an event without a signature (as a relmgr without a signing key writes); returns
    /// its hash.
    pub(crate) fn unsigned_event(
        &mut self,
        kind: &str,
        target: &str,
        payload: Value,
        parents: &[String],
        time: &str,
    ) -> String {
        self.add(kind, target, payload, parents, time, false)
    }

    fn add(
        &mut self,
        kind: &str,
        target: &str,
        payload: Value,
        parents: &[String],
        time: &str,
        signed: bool,
    ) -> String {
        let mut e = Event {
            seq: 0,
            time: time.into(),
            actor: self.actor.clone(),
            actor_kind: "person".into(),
            kind: kind.into(),
            target: target.into(),
            payload,
            pii: None,
            pii_hash: None,
            hash: String::new(),
            prev_hash: events::GENESIS.into(),
            parents: Some(parents.to_vec()),
            void: None,
            signature: None,
            signer: None,
        };
        e.hash = events::event_hash(&e);
        let bytes = events::record(&e);
        let sig = signed.then(|| self.sign(&bytes, time));
        self.records.push(Record {
            name: e.hash.clone(),
            bytes,
        });
        if let Some(sig) = sig {
            self.records.push(Record {
                name: format!("{}.asc", e.hash),
                bytes: sig.into_bytes(),
            });
        }
        e.hash
    }

    /// Appends the records to `clone`'s own ref and pushes that ref to origin.
    pub(crate) fn push(&mut self, clone: &Clone) {
        let repo = Repo::open(&clone.dir).unwrap();
        let id = clone.clone_id();
        repo.append_new(&id, &self.records, T1.parse().unwrap())
            .unwrap();
        let r = format!("refs/relmgr/clones/{id}");
        git(&clone.dir, &["push", "-q", "origin", &format!("{r}:{r}")]);
        self.records.clear();
    }
}

/// The remote and clone A (admin's store): project demo, pmc1..pmc3 PMC, rm release manager,
/// dave committer, keys for rm and dave, demo@1.0.0 staged and under vote (min-hours 0).
pub(crate) fn setup(root: &Path) -> Clone {
    git(root, &["init", "-q", "--bare", "remote.git"]);
    for c in ["a", "b", "d", "f"] {
        git(root, &["clone", "-q", "remote.git", c]);
    }
    let a = Clone {
        dir: root.join("a"),
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
    for u in ["pmc1", "pmc2", "pmc3", "rm", "dave"] {
        a.ok(T0, &["user", "add", u]);
    }
    for u in ["pmc1", "pmc2", "pmc3"] {
        a.ok(T0, &["role", "grant", "demo", u, "pmc"]);
    }
    a.ok(T0, &["role", "grant", "demo", "rm", "rm"]);
    a.ok(T0, &["role", "grant", "demo", "dave", "committer"]);
    a.ok(T0, &["policy", "set", "demo", "--min-hours", "0"]);
    for u in ["rm", "dave"] {
        a.ok(
            T0,
            &[
                "key",
                "generate",
                "--user",
                u,
                "-o",
                &format!("../{u}.sec.asc"),
            ],
        );
    }
    std::fs::create_dir_all(root.join("dist")).unwrap();
    std::fs::write(
        root.join("dist/demo-1.0.0-src.tar.gz"),
        crate::common::clean_source(),
    )
    .unwrap();
    a.ok(
        T0,
        &[
            "--as",
            "rm",
            "stage",
            "demo@1.0.0",
            "../dist",
            "--sign",
            "../rm.sec.asc",
        ],
    );
    a.ok(T0, &["--as", "rm", "vote", "start", "demo@1.0.0"]);
    a.ok(T0, &["sync"]);
    a
}

#[test]
fn forged_events_are_void_on_every_clone_and_honest_ones_still_apply() {
    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    let a = setup(root);
    let b = Clone {
        dir: root.join("b"),
    };
    let d = Clone {
        dir: root.join("d"),
    };
    b.ok(T0, &["sync", "--user", "pmc2"]);
    d.ok(T0, &["sync", "--user", "dave"]);
    // Honest work: pmc2 votes on B; pmc1 (rita's part) grants rm the committer role, unsigned.
    b.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    b.ok(T1, &["sync"]);
    a.ok(
        T1,
        &["--as", "pmc1", "role", "grant", "demo", "rm", "committer"],
    );
    let grant = a.json(T1, &["--as", "admin", "log"]);
    let grant = grant.as_array().unwrap().last().unwrap().clone();
    assert_eq!(grant["type"], "role.grant");
    let grant = grant["hash"].as_str().unwrap().to_string();
    a.ok(T1, &["sync"]);
    b.ok(T1, &["sync"]);
    d.ok(T1, &["sync"]);

    // 1. dave makes himself pmc in his own index, then sets the policy with his own key.
    {
        let db = rusqlite::Connection::open(d.dir.join(".relmgr/index.db")).unwrap();
        db.execute(
            "INSERT INTO roles (project, user_id, role, granted_at, granted_by)
             VALUES ('demo', 'dave', 'pmc', ?1, 'admin')",
            [T0],
        )
        .unwrap();
    }
    let dave_key = root.join("dave.sec.asc");
    let out = d.run_env(
        T2,
        &["policy", "set", "demo", "--min-hours", "500"],
        &[("RELMGR_SIGNING_KEY", &dave_key)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // 2-7. Raw records in dave's own ref, signed by dave.
    let heads = d.heads(T2);
    let rm_fpr = a.json(T2, &["key", "list", "--user", "rm"])[0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    let mut f = Forger::new(&dave_key, "dave");
    let forged_cast = f.event(
        "vote.cast",
        "demo@1.0.0",
        json!({"revision": "rc1", "voter": "pmc3", "vote": "+1", "binding": true,
               "comment": null, "signature": null, "signer": null}),
        &heads,
        T2,
    );
    let forged_import = f.event(
        "vote.import",
        "demo@1.0.0",
        json!({"revision": "rc1", "ballots": [
            {"voter": "pmc1", "vote": "+1", "binding": true, "cast_at": T2},
            {"voter": "pmc3", "vote": "+1", "binding": true, "cast_at": T2}]}),
        &heads,
        T2,
    );
    let forged_init = f.event(
        "store.init",
        "user:eve",
        json!({"user": "eve", "kind": "person", "roles": ["admin"], "consent": false,
               "schema_version": null}),
        &heads,
        T2,
    );
    let forged_retire = f.event(
        "key.retire",
        "keys",
        json!({"fingerprint": rm_fpr}),
        &heads,
        T2,
    );
    // A value that is not its type (issue #26 item 3): the payload does not read, the event is
    // void naming why, never read as some default role.
    let forged_role = f.event(
        "role.revoke",
        "demo",
        json!({"user": "pmc1", "role": "overlord", "changed": true, "erased": []}),
        &heads,
        T2,
    );
    for i in 0..40 {
        f.event(
            "user.add",
            &format!("user:sock{i}"),
            json!({"id": format!("sock{i}"), "kind": "person", "consent": false}),
            &heads,
            T2,
        );
    }
    // (dave's signature beside pmc1's unsigned grant sets his whole ref aside: that attack is
    // bad_refs::a_signature_beside_another_clones_event_sets_its_ref_aside.)
    f.push(&d);

    // The old clones: sync names the forged events and exits 3; the honest ones hold.
    for clone in [&a, &b] {
        let (code, err) = clone.code(T2, &["sync"]);
        assert_eq!(code, 3, "{}: {err}", clone.dir.display());
        for named in [
            "policy.set by dave",
            "vote.cast by dave",
            "vote.import by dave",
            "store.init by dave",
            "key.retire by dave",
            "user.add by dave",
            "role.revoke by dave",
        ] {
            assert!(err.contains(named), "{named} not named: {err}");
        }
        assert!(!err.contains("role.grant"), "the grant holds: {err}");
    }
    let log = a.json(T2, &["--as", "admin", "log"]);
    let void_of = |hash: &str| -> String {
        log.as_array()
            .unwrap()
            .iter()
            .find(|e| e["hash"] == hash)
            .unwrap_or_else(|| panic!("{hash} in the log"))["void"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        void_of(&forged_cast).contains("pmc3"),
        "{}",
        void_of(&forged_cast)
    );
    assert!(!void_of(&forged_import).is_empty());
    assert!(
        void_of(&forged_role).contains("its payload does not read")
            && void_of(&forged_role).contains("overlord"),
        "{}",
        void_of(&forged_role)
    );
    assert!(!void_of(&forged_init).is_empty());
    assert!(!void_of(&forged_retire).is_empty());
    assert_eq!(void_of(&grant), "", "pmc1's unsigned grant holds");
    let st = a.json(T2, &["vote", "status", "demo@1.0.0"]);
    assert_eq!(st["binding"]["plus"], 1, "only pmc2's ballot counts: {st}");
    let policy = a.json(T2, &["--as", "admin", "policy", "show", "demo"]);
    assert_eq!(policy["min_hours"], 0, "{policy}");
    let users = a.json(T2, &["--as", "admin", "user", "list"]);
    assert!(
        !users.to_string().contains("sock") && !users.to_string().contains("eve"),
        "{users}"
    );
    let keys = a.json(T2, &["key", "list", "--user", "rm"]);
    assert!(keys[0]["retired_at"].is_null(), "{keys}");
    let roles = a
        .json(T2, &["--as", "admin", "role", "list", "demo"])
        .to_string();
    assert!(roles.contains("committer"), "{roles}");

    // 8. dave casts a ballot with "revision": null before he sees the close; the RM closes.
    let heads = d.heads(T2);
    let mut f = Forger::new(&dave_key, "dave");
    let null_ballot = f.event(
        "vote.cast",
        "demo@1.0.0",
        json!({"revision": null, "voter": "dave", "vote": "-1", "binding": false,
               "comment": null, "signature": null, "signer": null}),
        &heads,
        T3,
    );
    a.ok(T2, &["--as", "pmc1", "vote", "cast", "demo@1.0.0", "+1"]);
    a.ok(T2, &["--as", "pmc3", "vote", "cast", "demo@1.0.0", "+1"]);
    let closed = a.json(T2, &["--as", "rm", "vote", "close", "demo@1.0.0"]);
    assert_eq!(closed["outcome"], "passed", "{closed}");
    a.ok(T2, &["--as", "rm", "promote", "demo@1.0.0"]);
    a.ok(T2, &["sync"]);
    f.push(&d);
    let (code, err) = a.code(T3, &["sync"]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("vote.cast by dave"), "{err}");
    let (code, err) = b.code(T3, &["sync"]);
    assert_eq!(code, 3, "{err}");

    // A fresh clone takes the same history and judges it the same way.
    let fresh = Clone {
        dir: root.join("f"),
    };
    let (code, err) = fresh.code(T3, &["sync", "--user", "pmc3"]);
    assert_eq!(code, 3, "{err}");
    let answers = a.answers(T3);
    assert_eq!(answers.0["outcome"], "passed", "{}", answers.0);
    assert_eq!(answers.0["binding"]["plus"], 3, "{}", answers.0);
    assert_eq!(answers.0["non_binding"]["minus"], 0, "{}", answers.0);
    assert_eq!(answers.2["stage"], "current");
    let log = answers.1.as_array().unwrap();
    let null_void = log
        .iter()
        .find(|e| e["hash"] == null_ballot.as_str())
        .unwrap();
    assert!(null_void["void"].is_string(), "{null_void}");
    let grant_event = log.iter().find(|e| e["hash"] == grant.as_str()).unwrap();
    assert!(grant_event.get("signature").is_none(), "{grant_event}");
    for clone in [&b, &fresh] {
        assert_eq!(
            clone.answers(T3),
            answers,
            "{} differs",
            clone.dir.display()
        );
    }
    // A rebuilt index (deleted, replayed from git) agrees too.
    std::fs::remove_file(b.dir.join(".relmgr/index.db")).unwrap();
    assert_eq!(b.answers(T3), answers, "the rebuilt index differs");
    // The bytes do not travel through git: each clone fetches them before fsck checks them.
    for clone in [&b, &fresh] {
        clone.ok(
            T3,
            &["fetch", "demo@1.0.0", "--from", "../a/.relmgr/releases"],
        );
    }
    for clone in [&a, &b, &fresh] {
        let out = clone.run(T3, &["--json", "--as", "admin", "fsck"]);
        assert!(
            out.status.success(),
            "fsck in {}: {}",
            clone.dir.display(),
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

/// A project.edit whose `download_url` or `candidates_url` no `project edit` takes (a line break
/// that would put a line of its own into the mails, a scheme that is no web page's) is void on
/// every clone, old and fresh, though the rm who signed it may edit the project; the honest edit
/// that follows holds everywhere.
#[test]
fn a_project_edit_with_a_bad_url_is_void_on_every_clone() {
    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    let a = setup(root);
    let f = Clone {
        dir: root.join("f"),
    };
    f.ok(T1, &["sync", "--user", "rm"]);
    let heads = f.heads(T1);
    let meta = |download: &str, candidates: &str| {
        json!({"meta": {"name": "Demo", "description": null, "homepage": null,
                        "source_url": null, "license": "Apache-2.0", "support_url": null,
                        "notify_emails": [], "download_url": download,
                        "candidates_url": candidates}})
    };
    let mut forger = Forger::new(&root.join("rm.sec.asc"), "rm");
    let broken = forger.event(
        "project.edit",
        "demo",
        meta(
            "https://downloads.example.org/demo/\nBcc: everyone@example.org",
            "https://dist.example.org/dev/",
        ),
        &heads,
        T2,
    );
    let scheme = forger.event(
        "project.edit",
        "demo",
        meta("javascript:alert(1)", "https://dist.example.org/dev/?x=1"),
        &heads,
        T2,
    );
    forger.push(&f);

    let (code, err) = a.code(T2, &["sync"]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("project.edit by rm"), "{err}");
    let d = Clone {
        dir: root.join("d"),
    };
    let (code, err) = d.code(T2, &["sync", "--user", "pmc1"]);
    assert_eq!(code, 3, "a fresh clone judges them the same: {err}");
    for clone in [&a, &d] {
        let log = clone.json(T2, &["--as", "admin", "log"]);
        for hash in [&broken, &scheme] {
            let e = log
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["hash"] == hash.as_str())
                .unwrap_or_else(|| panic!("{hash} in the log of {}", clone.dir.display()));
            assert!(e["void"].as_str().is_some_and(|v| v.contains("URL")), "{e}");
        }
        let p = clone.json(T2, &["project", "show", "demo"]);
        assert!(
            p.get("download_url").is_none() && p.get("candidates_url").is_none(),
            "{}: {p}",
            clone.dir.display()
        );
    }
    // The honest edit holds, and the index is what the history replays to.
    a.ok(
        T3,
        &[
            "--as",
            "rm",
            "project",
            "edit",
            "demo",
            "--download-url",
            "https://downloads.example.org/demo/",
        ],
    );
    let p = a.json(T3, &["project", "show", "demo"]);
    assert_eq!(
        p["download_url"], "https://downloads.example.org/demo/",
        "{p}"
    );
    let out = a.run(T3, &["--json", "--as", "admin", "fsck"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
