//! init, store discovery, schema versions, exit codes and the JSON error document.

use predicates::prelude::*;
use serde_json::Value;

use crate::common::TestEnv;

#[test]
fn init_lays_out_the_store() {
    let env = TestEnv::new();
    let s = env.store_dir();
    for sub in ["objects", "releases", "keys"] {
        assert!(s.join(sub).is_dir(), "{sub}");
    }
    let config = std::fs::read_to_string(s.join("config.toml")).unwrap();
    assert!(config.contains("format_version = 1"), "{config}");
    assert!(config.contains("user = \"admin\""), "{config}");
    let mode: String = env
        .db()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let roles = env.json(&["role", "list", "store"]);
    assert_eq!(roles[0]["user"], "admin");
    assert_eq!(roles[0]["role"], "admin");
    assert_eq!(env.events(), 1);
}

#[test]
fn init_json_and_a_second_init_is_refused() {
    let env = TestEnv::bare();
    let v = env.json(&["init", "--user", "root"]);
    assert_eq!(v["user"], "root");
    assert!(v["store"].as_str().unwrap().ends_with(".relmgr"));
    let err = env.fails(5, &["init", "--user", "root"]);
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn init_into_a_named_directory_and_bad_user_ids() {
    let env = TestEnv::bare();
    env.ok(&["init", "proj", "--user", "a"]);
    assert!(env.path().join("proj/.relmgr/index.db").is_file());
    env.fails(2, &["init", "x", "--user", "bad id"]);
    env.fails(2, &["init", "x", "--user", "a", "--email", "not-an-email"]);
    assert!(!env.path().join("x/.relmgr").exists());
}

#[test]
fn the_store_is_found_from_a_subdirectory() {
    let env = TestEnv::new();
    let sub = env.path().join("a/b/c");
    std::fs::create_dir_all(&sub).unwrap();
    env.cmd()
        .current_dir(&sub)
        .args(["project", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("None yet"));
}

#[test]
fn store_flag_and_env_var_find_the_store() {
    let env = TestEnv::new();
    let elsewhere = tempfile::tempdir().unwrap();
    for store in [env.path().to_path_buf(), env.store_dir()] {
        env.cmd()
            .current_dir(elsewhere.path())
            .arg("--store")
            .arg(&store)
            .args(["project", "list"])
            .assert()
            .success();
    }
    env.cmd()
        .current_dir(elsewhere.path())
        .env("RELMGR_STORE", env.path())
        .args(["user", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("admin"));
}

#[test]
fn no_store_is_exit_6_with_a_hint() {
    let env = TestEnv::bare();
    env.run(&["project", "list"])
        .code(6)
        .stderr(predicate::str::contains("no relmgr store found"))
        .stderr(predicate::str::contains("relmgr init"));
    let file = env.write("plain-file", b"x");
    env.run(&["--store", &file, "project", "list"]).code(2);
}

#[test]
fn a_store_of_a_newer_schema_is_refused() {
    let env = TestEnv::new();
    env.db().pragma_update(None, "user_version", 999).unwrap();
    env.run(&["project", "list"])
        .code(1)
        .stderr(predicate::str::contains("newer relmgr"));
}

#[test]
fn an_unknown_acting_user_is_refused() {
    let env = TestEnv::new();
    env.run_as("mallory", &["project", "list"])
        .code(4)
        .stderr(predicate::str::contains("unknown user"));
    env.cmd()
        .env("RELMGR_USER", "mallory")
        .args(["project", "list"])
        .assert()
        .code(4);
}

#[test]
fn usage_errors_are_exit_2_and_json_errors_are_documents() {
    let env = TestEnv::new();
    env.fails(2, &["project", "create", "Bad Key", "--name", "x"]);
    env.fails(2, &["project", "create", "../x", "--name", "x"]);
    env.fails(2, &["no-such-command"]);
    let out = env
        .run(&["--json", "project", "show", "nope"])
        .code(6)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    let doc: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(doc["error"]["code"], "not-found");
    assert!(doc["error"]["message"].as_str().unwrap().contains("nope"));
    let out = env
        .run(&["--json", "project", "create", "A"])
        .code(2)
        .get_output()
        .clone();
    let doc: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(doc["error"]["code"], "usage");
}

#[test]
fn quiet_mutes_status_lines() {
    let env = TestEnv::new();
    env.run(&["project", "create", "demo", "--name", "Demo"])
        .success()
        .stderr(predicate::str::contains("Created project demo."));
    env.run(&["-q", "project", "create", "demo2", "--name", "Demo"])
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn relmgr_now_must_be_a_time() {
    let env = TestEnv::new();
    env.set_now("next tuesday");
    env.fails(2, &["project", "create", "demo", "--name", "Demo"]);
    assert_eq!(env.count("SELECT count(*) FROM projects"), 0);
}
