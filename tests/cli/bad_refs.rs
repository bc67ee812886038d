//! A bad ref blocks no one (SPEC §6): a remote clone ref with a record whose ancestry is
//! missing, an edited record, a rewritten tip, a rewind or a deletion is named by `sync` (exit
//! 3) while everything else is taken, the clone's own events are still pushed, and every clone
//! (old, fresh, rebuilt) ends with the same answers. The forgeries are written as a member
//! would: into their own clone's ref, with git plumbing.

use std::path::Path;

use relmgr::git::{Record, Repo};
use relmgr::store::events;

use crate::sync::{Clone, T1, T2, git, three_clones};

/// This clone's id, from its `config.toml`.
fn clone_id(c: &Clone) -> String {
    let config = std::fs::read_to_string(c.dir.join(".relmgr/config.toml")).unwrap();
    config
        .lines()
        .find_map(|l| l.strip_prefix("clone_id = \""))
        .and_then(|l| l.strip_suffix('"'))
        .expect("a shared clone has an id")
        .to_string()
}

/// Writes, into the ref of clone `id` in the git repository at `dir`, a copy of one of its
/// events that follows `parent` instead of its own parents: a record that hashes to its name
/// and whose ancestry no ref holds. Returns its name.
fn forge_following(dir: &Path, id: &str, parent: &str) -> String {
    let repo = Repo::discover(dir).unwrap().unwrap();
    let records = repo.read_all().unwrap();
    let mut e = records
        .iter()
        .filter(|r| !r.name.contains('.'))
        .filter_map(|r| events::from_record(&r.bytes))
        .find(|e| e.parents.is_some() && e.kind == "vote.cast")
        .expect("a ballot to copy");
    e.parents = Some(vec![parent.to_string()]);
    e.time = "2027-01-05T11:30:00Z".into();
    let bytes = events::record(&e);
    let name = events::sha256_hex(&bytes);
    let at = jiff::Timestamp::from_second(1_800_000_000).unwrap();
    repo.append(
        id,
        &[Record {
            name: name.clone(),
            bytes,
        }],
        at,
    )
    .unwrap();
    name
}

fn code_and_stderr(c: &Clone, now: &str, args: &[&str]) -> (i32, String) {
    c.code(now, args)
}

#[test]
fn a_ref_whose_ancestry_is_missing_is_set_aside_and_blocks_no_one() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, c) = three_clones(root.path());
    // C (the member who forges) votes honestly, shares, then adds to its own ref a record
    // that follows an event that exists nowhere, and pushes it with git.
    c.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    c.ok(T1, &["sync"]);
    let c_id = clone_id(&c);
    let forged = forge_following(&c.dir, &c_id, &"f".repeat(64));
    git(
        &c.dir,
        &[
            "push",
            "-q",
            "origin",
            &format!("refs/relmgr/clones/{c_id}:refs/relmgr/clones/{c_id}"),
        ],
    );
    // B votes: its sync names C's ref, takes everything else and still pushes its ballot.
    b.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    let (code, err) = code_and_stderr(&b, T1, &["sync"]);
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains(&format!("refs/relmgr/clones/{c_id} was set aside")),
        "{err}"
    );
    assert!(err.contains("which no ref holds"), "{err}");
    // A takes B's ballot (and C's, which B never needed), not the forged record; again and
    // again: the bad ref stays named, nothing else is blocked.
    for _ in 0..2 {
        let out = a.run(T1, &["--json", "sync"]);
        assert_eq!(out.status.code(), Some(3));
        let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(r["pushed"], true, "{r}");
        assert_eq!(r["set_aside"].as_array().unwrap().len(), 1, "{r}");
        assert!(
            r["set_aside"][0]["ref"].as_str().unwrap().ends_with(&c_id),
            "{r}"
        );
    }
    let status = a.json(T1, &["vote", "status", "demo@1.0.0"]);
    assert_eq!(
        status["binding"]["plus"], 1,
        "B's ballot came; C's ref did not: {status}"
    );
    // Nothing of C's ref moved A's: A holds no ref of C at all.
    let refs = git(
        &a.dir,
        &["for-each-ref", "--format=%(refname)", "refs/relmgr/"],
    );
    assert!(!refs.contains(&c_id), "{refs}");
    // A fresh clone gets the same answers, and so does A's index rebuilt from git.
    let d_dir = root.path().join("d");
    git(root.path(), &["clone", "-q", "remote.git", "d"]);
    let d = Clone { dir: d_dir };
    let out = d.run(T1, &["sync", "--user", "pmc1"]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        d.dir.join(".relmgr/index.db").exists(),
        "the store was made"
    );
    let answers = a.answers(T1);
    assert_eq!(d.answers(T1), answers);
    assert_eq!(b.answers(T1), answers);
    std::fs::remove_file(a.dir.join(".relmgr/index.db")).unwrap();
    assert_eq!(a.answers(T1), answers);
    let log = answers.1.as_array().unwrap();
    assert!(
        !log.iter().any(|e| e["hash"] == forged.as_str()),
        "the forged record is in no clone's log"
    );
    // (B and D never fetched the package bytes, which fsck would name; A holds them.)
    let out = a.run(T1, &["--as", "admin", "fsck"]);
    assert!(
        out.status.success(),
        "fsck: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // C itself holds the record in its own ref (taken before relmgr judged it): its sync
    // applies everything else, names the record it cannot order, and still pushes.
    let out = c.run(T1, &["--json", "sync"]);
    assert_eq!(out.status.code(), Some(3));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["orphaned"][0]["hash"], forged.as_str(), "{r}");
    assert_eq!(r["orphaned"][0]["missing"], "f".repeat(64), "{r}");
    // C's own honest ballot travels in the ref that was set aside whole: only C counts it.
    assert_eq!(
        c.json(T1, &["vote", "status", "demo@1.0.0"])["binding"]["plus"],
        2
    );
}

#[test]
fn a_rewound_or_deleted_ref_is_reported_and_what_was_seen_is_kept() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, c) = three_clones(root.path());
    let remote = root.path().join("remote.git");
    let a_ref = format!("refs/relmgr/clones/{}", clone_id(&a));
    let before_revoke = git(&remote, &["rev-parse", &a_ref]).trim().to_string();
    a.ok(
        T1,
        &[
            "--as",
            "rm",
            "revoke",
            "demo@1.0.0",
            "--reason",
            "broken build",
        ],
    );
    a.ok(T1, &["sync"]);
    // The commit that carried the revoke is dated by relmgr's clock ($RELMGR_NOW = T1).
    assert_eq!(
        git(&remote, &["log", "-1", "--format=%ct", &a_ref]).trim(),
        "1799146800"
    );
    c.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    c.ok(T1, &["sync"]);
    b.ok(T1, &["sync"]);
    assert_eq!(
        b.json(T1, &["release", "show", "demo@1.0.0"])["stage"],
        "revoked"
    );
    // Someone with push access drops the revoke (a force-push to the older tip) and deletes
    // C's ref.
    git(&remote, &["update-ref", &a_ref, &before_revoke]);
    let c_ref = format!("refs/relmgr/clones/{}", clone_id(&c));
    git(&remote, &["update-ref", "-d", &c_ref]);
    let out = b.run(T2, &["--json", "sync"]);
    assert_eq!(out.status.code(), Some(3));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["rewound"], serde_json::json!([a_ref]), "{r}");
    assert_eq!(r["disappeared"], serde_json::json!([c_ref]), "{r}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rewound") && err.contains("is gone"), "{err}");
    assert_eq!(
        b.json(T2, &["release", "show", "demo@1.0.0"])["stage"],
        "revoked",
        "what B saw is kept"
    );
    assert_eq!(
        b.json(T2, &["vote", "status", "demo@1.0.0"])["binding"]["plus"],
        1
    );
}

#[test]
fn a_ref_replaced_by_another_clones_tip_is_set_aside() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, c) = three_clones(root.path());
    let remote = root.path().join("remote.git");
    b.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    b.ok(T1, &["sync"]);
    c.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    c.ok(T1, &["sync"]);
    a.ok(T1, &["sync"]);
    // B's ref now points at C's tip: not a descendant of what A holds of B.
    let b_ref = format!("refs/relmgr/clones/{}", clone_id(&b));
    let c_ref = format!("refs/relmgr/clones/{}", clone_id(&c));
    let c_tip = git(&remote, &["rev-parse", &c_ref]).trim().to_string();
    git(&remote, &["update-ref", &b_ref, &c_tip]);
    a.ok(T2, &["--as", "pmc1", "vote", "cast", "demo@1.0.0", "+1"]);
    let before = a.answers(T2);
    let (code, err) = a.code(T2, &["sync"]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains(&format!("{b_ref} was set aside")), "{err}");
    assert!(err.contains("does not descend"), "{err}");
    assert_eq!(a.answers(T2), before, "nothing changed but the push");
    // A's own ballot was pushed all the same: C takes it.
    let out = c.run(T2, &["--json", "sync"]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r["fetched"].as_u64().unwrap() >= 1, "{r}");
    assert_eq!(
        c.json(T2, &["vote", "status", "demo@1.0.0"])["binding"]["plus"],
        3
    );
}

/// A member adds a signature of their own beside another clone's unsigned event, in their own
/// ref: that ref is set aside whole on every clone, old or fresh, whatever the order the refs
/// arrive in, so no clone takes the extra signature and all judge the event alike.
#[test]
fn a_signature_beside_another_clones_event_sets_its_ref_aside() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, c) = three_clones(root.path());
    // An event of A's (unsigned): its first vote.start.
    let repo = Repo::discover(&c.dir).unwrap().unwrap();
    let start = repo
        .read_all()
        .unwrap()
        .into_iter()
        .filter_map(|r| events::from_record(&r.bytes).map(|e| (r.name, e)))
        .find(|(_, e)| e.kind == "vote.start")
        .map(|(name, _)| name)
        .expect("A's vote.start");
    let c_id = clone_id(&c);
    c.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    c.ok(T1, &["sync"]);
    let at = jiff::Timestamp::from_second(1_800_000_000).unwrap();
    let extra = Record {
        name: format!("{start}.asc"),
        bytes: b"-----BEGIN PGP SIGNATURE-----\n\nwA==\n-----END PGP SIGNATURE-----\n".to_vec(),
    };
    repo.append(&c_id, &[extra], at).unwrap();
    git(
        &c.dir,
        &[
            "push",
            "-q",
            "origin",
            &format!("refs/relmgr/clones/{c_id}:refs/relmgr/clones/{c_id}"),
        ],
    );
    let (code, err) = b.code(T1, &["sync"]);
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains(&c_id) && err.contains("without the event"),
        "{err}"
    );
    let (code, _) = a.code(T1, &["sync"]);
    assert_eq!(code, 3);
    git(root.path(), &["clone", "-q", "remote.git", "d"]);
    let d = Clone {
        dir: root.path().join("d"),
    };
    let out = d.run(T2, &["sync", "--user", "pmc1"]);
    assert_eq!(out.status.code(), Some(3));
    let answers = a.answers(T2);
    assert_eq!(b.answers(T2), answers);
    assert_eq!(d.answers(T2), answers);
}
