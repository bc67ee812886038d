//! A store written by an older relmgr (`fixtures/stores/v1`, schema version 1, made by
//! `fixtures/make-old-store.sh` with relmgr at commit 43c3100) opens with this one: the schema
//! migrates forward, the old events replay to the same index (fsck), and reads and writes work.

use crate::common::{TestEnv, clean_source, repo};

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

#[test]
fn a_store_of_the_previous_release_migrates_and_replays() {
    let env = TestEnv::bare();
    copy_dir(
        &repo().join("fixtures/stores/v1"),
        &env.path().join(".relmgr"),
    );
    env.set_now("2026-03-06T09:00:00Z");
    let version = |env: &TestEnv| -> i64 {
        env.db()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(version(&env), 1, "the fixture is a version 1 store");

    // Reads work and say what the old relmgr recorded.
    let list = env.json(&["release", "list", "demo"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    let current = env.json(&["release", "show", "demo@1.0.0"]);
    assert_eq!(current["stage"], "current");
    assert_eq!(current["phase"], "announced");
    assert_eq!(env.json(&["verify", "demo@1.0.0"])["ok"], true);
    assert_eq!(env.json(&["project", "show", "demo"])["version"], "1.0.0");
    assert_eq!(
        env.json(&["key", "list", "--user", "alice"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert!(version(&env) > 1, "opening migrated the schema");

    // The old events replay to exactly the migrated index.
    let r = env.json(&["fsck"]);
    assert_eq!(r["ok"], true, "{r}");

    // And it takes new changes that use the new schema.
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    env.ok(&["--as", "rita", "stage", "demo@1.2.0", "dist", "--source"]);
    env.ok(&["project", "edit", "demo", "--header-license", "Apache-2.0"]);
    assert_eq!(env.json(&["fsck"])["ok"], true);
}
