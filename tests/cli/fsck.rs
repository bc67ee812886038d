//! fsck: a clean store is sound; edited objects, signatures and events are found (exit 3);
//! leftovers and derived files are repaired.

use crate::common::TestEnv;

fn store_with_release() -> TestEnv {
    let env = TestEnv::with_rm_key();
    env.write("dist/demo-1.0-src.tar.gz", b"source bytes");
    env.write("dist/demo-1.0.zip", b"zip bytes");
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.0",
        "dist",
        "--sign",
        "rm.sec.asc",
    ]);
    env
}

fn object_of(env: &TestEnv, name: &str) -> std::path::PathBuf {
    let sha: String = env
        .db()
        .query_row("SELECT sha256 FROM packages WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .unwrap();
    env.store_dir()
        .join("objects/sha256")
        .join(&sha[..2])
        .join(&sha[2..])
}

fn kinds(v: &serde_json::Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}

fn problems(v: &serde_json::Value) -> Vec<&str> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["problem"].as_str().unwrap())
        .collect()
}

fn fsck_fails(env: &TestEnv) -> serde_json::Value {
    let out = env
        .run(&["--json", "fsck"])
        .code(3)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn a_clean_store_is_sound() {
    let env = store_with_release();
    let r = env.json(&["fsck"]);
    assert_eq!(r["ok"], true);
    assert_eq!(r["objects"], 2);
    assert_eq!(r["signatures"], 2);
}

#[test]
fn an_edited_object_is_found() {
    let env = store_with_release();
    let obj = object_of(&env, "demo-1.0.zip");
    let mut perms = std::fs::metadata(&obj).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&obj, perms).unwrap();
    std::fs::write(&obj, b"zip bytez").unwrap();
    let r = fsck_fails(&env);
    let k = kinds(&r);
    assert!(
        k.contains(&"object".to_string())
            && k.contains(&"package".to_string())
            && k.contains(&"signature".to_string()),
        "{k:?}"
    );
}

#[test]
fn an_edited_signature_is_found() {
    let env = store_with_release();
    env.tampered(); // on purpose: the log need not replay
    let other: String = env.db().query_row("SELECT armored FROM signatures s JOIN packages p ON p.id = s.package_id WHERE p.name = 'demo-1.0.zip'", [], |r| r.get(0)).unwrap();
    env.db()
        .execute_batch(
            "DROP TRIGGER signatures_frozen_insert; DROP TRIGGER signatures_frozen_delete;",
        )
        .unwrap();
    env.db()
        .execute("UPDATE signatures SET armored = ?1 WHERE package_id = (SELECT id FROM packages WHERE name = 'demo-1.0-src.tar.gz')", [other])
        .unwrap();
    // Found twice: the signature does not verify, and the log says another was recorded.
    assert_eq!(kinds(&fsck_fails(&env)), ["replay", "replay", "signature"]);
}

#[test]
fn an_edited_event_is_found() {
    let env = store_with_release();
    env.tampered(); // on purpose: the log need not replay
    env.db()
        .execute_batch(
            "DROP TRIGGER events_no_update; UPDATE events SET actor = 'mallory' WHERE seq = 3;",
        )
        .unwrap();
    let r = fsck_fails(&env);
    assert_eq!(kinds(&r), ["events"]);
    assert_eq!(r["findings"][0]["place"], "event 3");
}

#[test]
fn repair_removes_leftovers_and_rebuilds_derived_files() {
    let env = store_with_release();
    std::fs::write(env.store_dir().join("tmp/obj-123-dead"), b"half written").unwrap();
    let orphan = env
        .store_dir()
        .join("objects/sha256/00/".to_string() + &"0".repeat(62));
    std::fs::create_dir_all(orphan.parent().unwrap()).unwrap();
    std::fs::write(&orphan, b"").unwrap();
    std::fs::remove_file(env.store_dir().join("releases/demo/1.0/rc1/demo-1.0.zip")).unwrap();
    for k in std::fs::read_dir(env.store_dir().join("keys")).unwrap() {
        std::fs::remove_file(k.unwrap().path()).unwrap();
    }
    let r = fsck_fails(&env);
    let k = kinds(&r);
    for want in ["tree", "keys", "object"] {
        assert!(k.contains(&want.to_string()), "{want} in {k:?}");
    }
    // The dead run's temp file and the unreferenced object are notes, not findings.
    let notes: Vec<&str> = r["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["place"].as_str().unwrap())
        .collect();
    assert!(notes.contains(&"tmp/obj-123-dead"), "{notes:?}");
    assert!(
        notes.iter().any(|n| n.starts_with("objects/sha256/00/")),
        "{notes:?}"
    );
    // The orphan's bytes do not match its name either: that is corruption, not a leftover to
    // keep; repair removes it as unreferenced and the rest is rebuilt.
    let fixed = env
        .run(&["--json", "fsck", "--repair"])
        .get_output()
        .stdout
        .clone();
    let fixed: serde_json::Value = serde_json::from_slice(&fixed).unwrap();
    assert!(
        fixed["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["repaired"] == true)
    );
    let again = env.json(&["fsck"]);
    assert_eq!(again["ok"], true, "{again}");
    assert!(
        env.store_dir()
            .join("releases/demo/1.0/rc1/demo-1.0.zip")
            .is_file()
    );
    assert_eq!(env.json(&["verify", "demo@1.0"])["ok"], true);
}

/// 32 relmgr processes write to one store at once: none fails with "database is locked", none
/// loses its write, and the event chain stays whole.
#[test]
fn thirty_two_concurrent_writers_lose_nothing() {
    let env = TestEnv::with_project();
    let before = env.events();
    let children: Vec<_> = (0..32)
        .map(|i| {
            let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("relmgr"));
            c.current_dir(env.path())
                .env_remove("RELMGR_STORE")
                .env("RELMGR_NOW", crate::common::T0)
                .env("CI", "1")
                .args(["-q", "user", "add", &format!("writer{i:02}")])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped());
            c.spawn().unwrap()
        })
        .collect();
    for (i, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "writer {i}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(
        env.count("SELECT count(*) FROM users WHERE id LIKE 'writer%'"),
        32
    );
    assert_eq!(env.events(), before + 32);
    assert_eq!(env.json(&["fsck"])["ok"], true);
}

/// Changes made behind relmgr's back, with no event, are found by replaying the log into a
/// fresh index and comparing.
#[test]
fn changes_without_an_event_are_found_by_replay() {
    for sql in [
        "INSERT INTO roles (project, user_id, role, granted_at, granted_by) VALUES ('demo', 'guest', 'pmc', 'x', 'x')",
        "UPDATE projects SET license = 'MIT' WHERE key = 'demo'",
        "UPDATE releases SET stage = 'current', phase = 'distributing'",
        "UPDATE users SET consent = 1 WHERE id = 'guest'",
    ] {
        let env = store_with_release();
        env.tampered(); // on purpose: the log need not replay
        env.db().execute(sql, []).unwrap();
        let r = fsck_fails(&env);
        assert!(kinds(&r).iter().all(|k| k == "replay"), "{sql}: {r}");
        assert!(!kinds(&r).is_empty());
    }
    // A clean store replays to exactly its index.
    let env = store_with_release();
    assert_eq!(env.json(&["fsck"])["ok"], true);
}

/// A product is a row of the one table of targets, compared over every field its events
/// determine, as a project is: one changed behind relmgr's back is found by the replay.
#[test]
fn a_product_changed_without_an_event_is_found_by_replay() {
    for sql in [
        "UPDATE projects SET source_url = 'https://evil.example.org' WHERE target = 'demo/web'",
        "UPDATE projects SET support_url = 'https://evil.example.org' WHERE target = 'demo/web'",
        "UPDATE projects SET notify_emails = '[\"x@evil.example.org\"]' WHERE target = 'demo/web'",
        "UPDATE projects SET name = 'Evil' WHERE target = 'demo/web'",
        "DELETE FROM projects WHERE target = 'demo/web'",
    ] {
        let env = TestEnv::with_project();
        env.ok(&[
            "product",
            "create",
            "demo/web",
            "--name",
            "Web",
            "--source",
            "https://src.example.org",
        ]);
        env.tampered(); // on purpose: the log need not replay
        env.db().execute(sql, []).unwrap();
        let r = fsck_fails(&env);
        let problems = problems(&r);
        assert!(kinds(&r).iter().all(|k| k == "replay"), "{sql}: {r}");
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("projects: ") && p.contains("demo/web|")),
            "{sql}: {problems:?}"
        );
    }
}

/// fsck reads each object once for its digests and every signature over it; a missing object
/// is reported for its package and for each of its signatures.
#[test]
fn a_missing_object_is_found_with_its_signature() {
    let env = store_with_release();
    let obj = object_of(&env, "demo-1.0.zip");
    std::fs::remove_file(&obj).unwrap();
    let r = fsck_fails(&env);
    assert_eq!(r["signatures"], 2);
    let findings = r["findings"].as_array().unwrap();
    let of = |kind: &str| {
        findings
            .iter()
            .filter(|f| f["kind"] == kind)
            .map(|f| f["problem"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(of("package").len(), 1, "{findings:?}");
    let sigs = of("signature");
    assert_eq!(sigs.len(), 1, "{findings:?}");
    assert!(sigs[0].contains("is missing"), "{sigs:?}");
}

/// The replay's comparison (a merge of the two sides' sorted rows) names each changed row on
/// both sides, the index's first, and nothing else.
#[test]
fn a_changed_row_is_reported_on_both_sides_of_the_replay() {
    let env = store_with_release();
    env.tampered(); // on purpose: the log need not replay
    env.db()
        .execute("UPDATE projects SET license = 'MIT' WHERE key = 'demo'", [])
        .unwrap();
    env.db()
        .execute("DELETE FROM roles WHERE user_id = 'rm'", [])
        .unwrap();
    let r = fsck_fails(&env);
    let problems = problems(&r);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems[0].starts_with("projects: the index has a row the log does not explain: demo|")
            && problems[0].contains("|MIT|"),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with("projects: the log has a row the index lacks: demo|")
            && !problems[1].contains("|MIT|"),
        "{problems:?}"
    );
    assert!(
        problems[2].starts_with("roles: the log has a row the index lacks: demo|rm|"),
        "{problems:?}"
    );
}

/// SQLite's CHECK constraints are verified: a value no command could have written (SQLite told
/// to ignore the constraints), in a column the replay does not compare, is a finding. SQLite
/// parses CHECKs only on a connection that may write; fsck's checks once ran on a read-only
/// one and verified none.
#[test]
fn a_value_that_breaks_a_check_constraint_is_found() {
    let env = store_with_release();
    env.tampered(); // on purpose: the index breaks its own schema
    let db = env.db();
    db.pragma_update(None, "ignore_check_constraints", "ON")
        .unwrap();
    assert_eq!(
        db.execute("UPDATE keys SET key_id = 'short'", []).unwrap(),
        1
    );
    drop(db);
    let r = fsck_fails(&env);
    let problems = problems(&r);
    assert_eq!(
        problems,
        ["integrity_check: CHECK constraint failed in keys"],
        "{r}"
    );
}

/// The tree check lists each revision directory once: a missing `.sha512` is found for its
/// package only, and a package that is a symbolic link to its object still counts as present.
#[test]
fn the_tree_check_reads_each_revision_directory() {
    let env = store_with_release();
    let rev = env.store_dir().join("releases/demo/1.0/rc1");
    std::fs::remove_file(rev.join("demo-1.0.zip.sha512")).unwrap();
    let src = rev.join("demo-1.0-src.tar.gz");
    std::fs::remove_file(&src).unwrap();
    std::os::unix::fs::symlink(object_of(&env, "demo-1.0-src.tar.gz"), &src).unwrap();
    let r = fsck_fails(&env);
    let places: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["place"].as_str().unwrap())
        .collect();
    assert_eq!(places, ["releases/demo/1.0/rc1/demo-1.0.zip"], "{r}");
}

/// SQLite's own checks run on a second connection beside the replay; their findings still come
/// first, before the replay's.
#[test]
fn a_broken_foreign_key_is_found_before_the_replay_differences() {
    let env = store_with_release();
    env.tampered(); // on purpose: the log need not replay
    let db = env.db();
    db.pragma_update(None, "foreign_keys", "OFF").unwrap();
    db.execute(
        "INSERT INTO roles (project, user_id, role, granted_at, granted_by) VALUES ('demo', 'nobody', 'pmc', 'x', 'x')",
        [],
    )
    .unwrap();
    let r = fsck_fails(&env);
    let k = kinds(&r);
    assert_eq!(k.first().map(String::as_str), Some("sqlite"), "{r}");
    assert_eq!(k.last().map(String::as_str), Some("replay"), "{r}");
    assert!(
        r["findings"][0]["problem"]
            .as_str()
            .unwrap()
            .contains("foreign key broken in roles"),
        "{r}"
    );
}
