//! The history shared through git (SPEC §6): a bare remote and three clones, each with its own
//! store and user, merged by `relmgr sync`; judged by git itself and by comparing the clones.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common::T0;

pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub(crate) struct Clone {
    pub(crate) dir: PathBuf,
}

impl Clone {
    pub(crate) fn run(&self, now: &str, args: &[&str]) -> std::process::Output {
        Command::new(assert_cmd::cargo::cargo_bin("relmgr"))
            .current_dir(&self.dir)
            .args(args)
            .env_remove("RELMGR_STORE")
            .env_remove("RELMGR_USER")
            .env("HOME", &self.dir)
            .env("RELMGR_NOW", now)
            .env("NO_COLOR", "1")
            .env("CI", "1")
            .output()
            .unwrap()
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
    pub(crate) fn answers(&self, now: &str) -> (Value, Value, Value) {
        (
            self.json(now, &["vote", "status", "demo@1.0.0"]),
            self.json(now, &["--as", "admin", "log"]),
            self.json(now, &["release", "show", "demo@1.0.0"]),
        )
    }
}

pub(crate) const T1: &str = "2027-01-05T11:00:00Z";
pub(crate) const T2: &str = "2027-01-05T12:00:00Z";

/// A bare remote; clone A with a store where rm staged and signed demo@1.0.0 and started a vote
/// (min-hours 0), shared by `sync`; clones B (pmc2) and C (pmc3) made by `sync --user`.
pub(crate) fn three_clones(root: &Path) -> (Clone, Clone, Clone) {
    git(root, &["init", "-q", "--bare", "remote.git"]);
    for c in ["a", "b", "c"] {
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
    for u in ["pmc1", "pmc2", "pmc3", "rm"] {
        a.ok(T0, &["user", "add", u]);
    }
    for u in ["pmc1", "pmc2", "pmc3"] {
        a.ok(T0, &["role", "grant", "demo", u, "pmc"]);
    }
    a.ok(T0, &["role", "grant", "demo", "rm", "rm"]);
    a.ok(T0, &["policy", "set", "demo", "--min-hours", "0"]);
    a.ok(
        T0,
        &[
            "--as",
            "rm",
            "key",
            "generate",
            "--user",
            "rm",
            "-o",
            "../rm.sec.asc",
        ],
    );
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
    assert_eq!(
        git(&a.dir, &["status", "--porcelain"]),
        "",
        "the store is excluded from git"
    );
    let r = a.json(T0, &["sync"]);
    assert_eq!(r["pushed"], true);
    let b = Clone {
        dir: root.join("b"),
    };
    let c = Clone {
        dir: root.join("c"),
    };
    for (clone, user) in [(&b, "pmc2"), (&c, "pmc3")] {
        let r = clone.json(T0, &["sync", "--user", user]);
        assert_eq!(r["created"], true);
        assert!(r["fetched"].as_u64().unwrap() > 10, "{r}");
    }
    (a, b, c)
}

#[test]
fn three_clones_vote_through_git_and_agree_on_everything() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, c) = three_clones(root.path());
    // The bytes do not travel through git: B has none until it fetches them from A's tree.
    let (code, err) = b.code(T0, &["check", "demo@1.0.0"]);
    assert_eq!(code, 6, "{err}");
    assert!(err.contains("relmgr fetch"), "{err}");
    b.ok(
        T0,
        &["fetch", "demo@1.0.0", "--from", "../a/.relmgr/releases"],
    );
    b.ok(T0, &["check", "demo@1.0.0"]);
    // C fetches the same over HTTP, from the candidates A publishes for voters.
    a.ok(T0, &["--as", "rm", "publish", "../dev", "--candidates"]);
    let server = crate::fetch::Server::serving(&root.path().join("dev"));
    c.ok(T0, &["fetch", "demo@1.0.0", "--from", &server.url()]);
    drop(server);
    c.ok(T0, &["verify", "demo@1.0.0"]);
    // B votes and shares; C votes before pulling B's vote.
    b.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    c.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    b.ok(T1, &["sync"]);
    c.ok(T1, &["sync"]);
    a.ok(T1, &["sync"]);
    a.ok(T1, &["--as", "pmc1", "vote", "cast", "demo@1.0.0", "+1"]);
    let closed = a.json(T1, &["--as", "rm", "vote", "close", "demo@1.0.0"]);
    assert_eq!(closed["outcome"], "passed", "{closed}");
    a.ok(T1, &["--as", "rm", "promote", "demo@1.0.0"]);
    a.ok(T1, &["sync"]);
    // A vote C casts after A closed, before C pulled the close: void everywhere.
    c.ok(T2, &["vote", "cast", "demo@1.0.0", "-1"]);
    let r = c.json(T2, &["sync"]);
    assert_eq!(r["voided"].as_array().unwrap().len(), 1, "{r}");
    assert_eq!(r["voided"][0]["type"], "vote.cast");
    assert_eq!(r["voided"][0]["actor"], "pmc3");
    for clone in [&a, &b] {
        clone.ok(T2, &["sync"]);
    }
    let answers = a.answers(T2);
    assert_eq!(answers.0["outcome"], "passed");
    assert_eq!(answers.0["binding"]["plus"], 3);
    assert_eq!(answers.0["binding"]["minus"], 0);
    assert_eq!(answers.2["stage"], "current");
    for clone in [&b, &c] {
        assert_eq!(
            clone.answers(T2),
            answers,
            "{} differs",
            clone.dir.display()
        );
    }
    let log = answers.1.as_array().unwrap();
    let void: Vec<&Value> = log.iter().filter(|e| e.get("void").is_some()).collect();
    assert_eq!(void.len(), 1, "the late ballot is kept, marked void");
    // The index is a cache: delete it and the next command rebuilds it from git.
    std::fs::remove_file(b.dir.join(".relmgr/index.db")).unwrap();
    assert_eq!(b.answers(T2), answers);
    // fsck on every clone: the index equals a replay of the history.
    for clone in [&a, &b, &c] {
        let out = clone.run(T2, &["--json", "--as", "admin", "fsck"]);
        assert!(
            out.status.success(),
            "fsck in {}: {}",
            clone.dir.display(),
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

/// A close that follows every ballot a clone applied is replayed onto that clone's index like
/// any new event (no rebuild, issue #26 item 6); one that missed a ballot the clone applied
/// voids it, which takes a rebuild. Either way every clone ends as a fresh clone's replay.
#[test]
fn a_close_replays_onto_the_index_unless_it_missed_an_applied_ballot() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, c) = three_clones(root.path());
    b.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    b.ok(T1, &["sync"]);
    c.ok(T1, &["sync"]);
    // C casts a ballot A's close will not see, and applies it.
    c.ok(T1, &["vote", "cast", "demo@1.0.0", "-1"]);
    a.ok(T1, &["sync"]);
    for voter in ["pmc1", "pmc3"] {
        a.ok(T1, &["--as", voter, "vote", "cast", "demo@1.0.0", "+1"]);
    }
    let closed = a.json(T1, &["--as", "rm", "vote", "close", "demo@1.0.0"]);
    assert_eq!(closed["outcome"], "passed", "{closed}");
    a.ok(T1, &["sync"]);
    let r = b.json(T1, &["sync"]);
    assert_eq!(
        r["rebuilt"], false,
        "the close saw every ballot B applied: {r}"
    );
    assert_eq!(r["applied"], 3, "{r}");
    assert_eq!(r["voided"].as_array().unwrap().len(), 0, "{r}");
    let r = c.json(T1, &["sync"]);
    assert_eq!(
        r["rebuilt"], true,
        "C applied a ballot the close did not see: {r}"
    );
    let voided = r["voided"].as_array().unwrap();
    assert_eq!(voided.len(), 1, "{r}");
    assert_eq!(voided[0]["actor"], "pmc3");
    assert_eq!(voided[0]["type"], "vote.cast");
    a.ok(T2, &["sync"]);
    b.ok(T2, &["sync"]);
    git(root.path(), &["clone", "-q", "remote.git", "d"]);
    let d = Clone {
        dir: root.path().join("d"),
    };
    d.ok(T2, &["sync", "--user", "admin"]);
    let answers = d.answers(T2);
    assert_eq!(answers.0["outcome"], "passed");
    for clone in [&a, &b, &c] {
        assert_eq!(
            clone.answers(T2),
            answers,
            "{} differs from a fresh clone",
            clone.dir.display()
        );
        if clone.dir != a.dir {
            clone.ok(
                T2,
                &["fetch", "demo@1.0.0", "--from", "../a/.relmgr/releases"],
            );
        }
        let out = clone.run(T2, &["--json", "--as", "admin", "fsck"]);
        assert!(
            out.status.success(),
            "fsck in {}: {}",
            clone.dir.display(),
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn two_clones_pushing_at_the_same_moment_both_land() {
    let root = tempfile::tempdir().unwrap();
    let (_a, b, c) = three_clones(root.path());
    b.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    c.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    let (rb, rc) = std::thread::scope(|s| {
        let hb = s.spawn(|| b.code(T1, &["sync"]));
        let hc = s.spawn(|| c.code(T1, &["sync"]));
        (hb.join().unwrap(), hc.join().unwrap())
    });
    assert_eq!(rb.0, 0, "{}", rb.1);
    assert_eq!(rc.0, 0, "{}", rc.1);
    for clone in [&b, &c] {
        clone.ok(T1, &["sync"]);
    }
    for clone in [&b, &c] {
        let st = clone.json(T1, &["vote", "status", "demo@1.0.0"]);
        assert_eq!(st["binding"]["plus"], 2, "nothing lost: {st}");
    }
    assert_eq!(b.answers(T1), c.answers(T1));
}

#[test]
fn a_tampered_ref_is_set_aside_and_nothing_of_it_changes() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, _c) = three_clones(root.path());
    b.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    b.ok(T1, &["sync"]);
    // Forge: in the remote, B's ref now points at a commit whose event blob was edited.
    let remote = root.path().join("remote.git");
    let refs = git(
        &remote,
        &["for-each-ref", "--format=%(refname)", "refs/relmgr/clones/"],
    );
    let a_ref = git(
        &a.dir,
        &["for-each-ref", "--format=%(refname)", "refs/relmgr/clones/"],
    );
    let b_ref = refs
        .lines()
        .find(|r| !a_ref.lines().any(|x| x == *r))
        .unwrap()
        .to_string();
    let tip = git(&remote, &["rev-parse", &b_ref]).trim().to_string();
    let tree = git(&remote, &["ls-tree", "-r", &tip]);
    // The ballot's record: the one whose bytes hold "vote.cast".
    let (mode_oid_path, bytes) = tree
        .lines()
        .map(|l| {
            let oid = l.split_whitespace().nth(2).unwrap();
            (l.to_string(), git(&remote, &["cat-file", "-p", oid]))
        })
        .find(|(_, b)| b.contains("\"vote.cast\""))
        .unwrap();
    let path = mode_oid_path.split('\t').nth(1).unwrap().to_string();
    let forged = bytes.replace("\"+1\"", "\"-1\"");
    let work = root.path().join("forge");
    std::fs::create_dir_all(&work).unwrap();
    std::fs::write(work.join("blob"), forged).unwrap();
    let blob = git(
        &remote,
        &["hash-object", "-w", work.join("blob").to_str().unwrap()],
    )
    .trim()
    .to_string();
    let index = work.join("index");
    let with_index = |args: &[&str]| {
        let out = Command::new("git")
            .current_dir(&remote)
            .args(args)
            .env("GIT_INDEX_FILE", &index)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    with_index(&["read-tree", &tip]);
    with_index(&[
        "update-index",
        "--cacheinfo",
        &format!("100644,{blob},{path}"),
    ]);
    let new_tree = with_index(&["write-tree"]);
    let commit = git(
        &remote,
        &["commit-tree", &new_tree, "-p", &tip, "-m", "forged"],
    )
    .trim()
    .to_string();
    git(&remote, &["update-ref", &b_ref, &commit]);
    let before = a.answers(T1);
    let (code, err) = a.code(T1, &["sync"]);
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains("edited") || err.contains("different bytes"),
        "{err}"
    );
    assert_eq!(a.answers(T1), before, "the local store is unchanged");
    // A forged chain (a ref rewritten to an unrelated commit) is refused too.
    let empty_tree = git(&remote, &["hash-object", "-t", "tree", "-w", "/dev/null"])
        .trim()
        .to_string();
    let rewrite = git(&remote, &["commit-tree", &empty_tree, "-m", "rewritten"])
        .trim()
        .to_string();
    git(&remote, &["update-ref", &b_ref, &rewrite]);
    let (code, err) = b.code(T1, &["sync"]);
    assert_eq!(code, 3, "{err}");
}

#[test]
fn sync_outside_git_or_with_a_bad_remote_says_why() {
    let env = crate::common::TestEnv::new();
    let err = env.fails(5, &["sync"]);
    assert!(err.contains("git"), "{err}");
    let root = tempfile::tempdir().unwrap();
    git(root.path(), &["init", "-q", "plain"]);
    let c = Clone {
        dir: root.path().join("plain"),
    };
    // A fresh clone of a remote without relmgr history: nothing is created.
    git(root.path(), &["init", "-q", "--bare", "empty.git"]);
    let (code, err) = c.code(T0, &["sync", "../empty.git", "--user", "bob"]);
    assert_eq!(code, 6, "{err}");
    assert!(!c.dir.join(".relmgr").exists());
    let (code, err) = c.code(T0, &["sync", "nosuchremote", "--user", "bob"]);
    assert_eq!(code, 6, "{err}");
    assert!(!c.dir.join(".relmgr").exists());
}

#[test]
fn an_unsigned_binding_vote_from_another_clone_is_void_everywhere() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, c) = three_clones(root.path());
    // A asks for signed binding actions and shares it; C, not yet synced, votes unsigned.
    a.ok(
        T1,
        &[
            "key",
            "generate",
            "--user",
            "admin",
            "-o",
            "../admin.sec.asc",
        ],
    );
    a.ok(T1, &["policy", "set", "demo", "--signed-events", "binding"]);
    a.ok(T1, &["sync"]);
    c.ok(T2, &["vote", "cast", "demo@1.0.0", "+1"]);
    let (code, err) = c.code(T2, &["sync"]);
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains("vote.cast by pmc3") && err.contains("unsigned"),
        "{err}"
    );
    for clone in [&a, &b] {
        let (code, err) = clone.code(T2, &["sync"]);
        assert_eq!(code, 3, "{} : {err}", clone.dir.display());
    }
    for clone in [&a, &b, &c] {
        let st = clone.json(T2, &["vote", "status", "demo@1.0.0"]);
        assert_eq!(st["binding"]["plus"], 0, "not counted: {st}");
        assert_eq!(st["not_counted"][0]["voter"], "pmc3", "{st}");
    }
    let fsck = a.json(T2, &["--as", "admin", "fsck"]);
    let notes = fsck["notes"].to_string();
    assert!(notes.contains("vote.cast by pmc3 is void"), "{fsck}");
}

#[test]
fn no_push_keeps_the_votes_local_and_fsck_sees_history_the_index_lacks() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, c) = three_clones(root.path());
    b.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    let r = b.json(T1, &["sync", "--no-push"]);
    assert_eq!(r["pushed"], false);
    c.ok(T1, &["sync"]);
    let plus = |clone: &Clone| {
        clone.json(T1, &["vote", "status", "demo@1.0.0"])["binding"]["plus"].clone()
    };
    assert_eq!(plus(&c), 0, "B's vote stayed on B");
    b.ok(T1, &["sync"]);
    c.ok(T1, &["sync"]);
    assert_eq!(plus(&c), 1);
    // History that reached git behind relmgr's back (a plain `git fetch`) is named by fsck
    // until a sync applies it.
    c.ok(T1, &["vote", "cast", "demo@1.0.0", "+1"]);
    c.ok(T1, &["sync"]);
    git(
        &a.dir,
        &["fetch", "-q", "origin", "+refs/relmgr/*:refs/relmgr/*"],
    );
    let out = a.run(T1, &["--json", "--as", "admin", "fsck"]);
    assert_eq!(out.status.code(), Some(3));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "history"),
        "{report}"
    );
    a.ok(T1, &["sync"]);
    a.ok(T1, &["--as", "admin", "fsck"]);
    assert_eq!(plus(&a), 2);
}

/// A change git will not take into the clone's ref (here: its ref is locked by another git) is
/// recorded and said, not silently dropped; the next write exports both.
#[test]
fn a_git_failure_after_a_change_is_said_and_the_next_write_exports_it() {
    let root = tempfile::tempdir().unwrap();
    git(root.path(), &["init", "-q", "--bare", "remote.git"]);
    git(root.path(), &["clone", "-q", "remote.git", "a"]);
    let a = Clone {
        dir: root.path().join("a"),
    };
    a.ok(T0, &["init", "--user", "admin"]);
    let refs = git(
        &a.dir,
        &["for-each-ref", "--format=%(refname)", "refs/relmgr/clones/"],
    );
    let refname = refs.trim();
    assert!(refname.starts_with("refs/relmgr/clones/"), "{refs}");
    let count = || {
        git(&a.dir, &["rev-list", "--count", refname])
            .trim()
            .to_string()
    };
    let before = count();
    let lock = a.dir.join(".git").join(format!("{refname}.lock"));
    std::fs::write(&lock, "").unwrap();
    let out = a.run(T0, &["user", "add", "bob"]);
    assert!(out.status.success(), "the change itself stands");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: recorded here, but not yet in the shared history")
            && stderr.contains("relmgr sync"),
        "{stderr}"
    );
    assert_eq!(count(), before, "git took nothing");
    let user = a.json(T0, &["user", "show", "bob"]);
    assert_eq!(user["id"], "bob", "{user}");
    std::fs::remove_file(&lock).unwrap();
    let out = a.run(T0, &["user", "add", "carol"]);
    assert!(out.status.success());
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("warning"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after: u64 = count().parse().unwrap();
    let before: u64 = before.parse().unwrap();
    assert!(after > before, "both events exported: {before} -> {after}");
    let log = a.json(T0, &["log"]);
    let n = log.as_array().map(|a| a.len()).unwrap_or(0);
    assert!(n >= 3, "{log}");
    a.ok(T0, &["fsck"]);
}
