//! A store written by an older relmgr (`fixtures/stores/v1`, schema version 1, made by
//! `fixtures/make-old-store.sh` with relmgr at commit 43c3100) opens with this one: the schema
//! migrates forward, the old events replay to the same index (fsck), and reads and writes work.

use serde_json::Value;

use crate::common::{TestEnv, clean_source, repo};

/// The metadata columns that projects and products had alike in a version 1 store, as named in
/// `--json` (`notify_emails` is a JSON array in both).
const META: &str = "name, description, homepage, source_url, license, support_url, notify_emails, version, created_at";

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
    // What the old relmgr wrote in its two tables, projects and products, by target.
    let old_targets: Vec<(String, Value)> = {
        let db = env.db();
        let mut stmt = db
            .prepare(&format!(
                "SELECT key, {META} FROM projects
                 UNION ALL SELECT project || '/' || key, {META} FROM products ORDER BY 1"
            ))
            .unwrap();
        stmt.query_map([], |r| {
            let emails: String = r.get(7)?;
            let mut meta = serde_json::Map::new();
            for (i, field) in META.split(", ").enumerate() {
                meta.insert(field.into(), r.get::<_, Option<String>>(i + 1)?.into());
            }
            meta.insert(
                "notify_emails".into(),
                serde_json::from_str(&emails).unwrap(),
            );
            Ok((r.get(0)?, meta.into()))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    };
    assert_eq!(old_targets.len(), 2, "{old_targets:?}");

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

    // The projects and products read back as the old relmgr wrote them: names, versions and
    // metadata, each product under its project.
    let mut read_back: Vec<Value> = env.json(&["project", "list"]).as_array().unwrap().clone();
    read_back.extend(env.json(&["product", "list"]).as_array().unwrap().clone());
    assert_eq!(read_back.len(), old_targets.len(), "{read_back:?}");
    for (target, old) in &old_targets {
        let new = read_back
            .iter()
            .find(|t| t["target"] == target.as_str())
            .unwrap_or_else(|| panic!("{target} is missing: {read_back:?}"));
        for (field, value) in old.as_object().unwrap() {
            assert_eq!(&new[field.as_str()], value, "{target}: {field}");
        }
    }
    assert_eq!(
        env.json(&["project", "show", "demo"])["products"],
        serde_json::json!(["demo/web"])
    );
    assert_eq!(
        env.json(&["product", "show", "demo/web"])["project"],
        "demo"
    );

    // The old events replay to exactly the migrated index.
    let r = env.json(&["fsck"]);
    assert_eq!(r["ok"], true, "{r}");

    // And it takes new changes that use the new schema.
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    env.ok(&["--as", "rita", "stage", "demo@1.2.0", "dist", "--source"]);
    env.ok(&["project", "edit", "demo", "--header-license", "Apache-2.0"]);
    assert_eq!(env.json(&["fsck"])["ok"], true);
}

/// The index stays checkable by the `sqlite3` program of today's LTS systems (Debian 12 ships
/// 3.40, older than `unhex`): `PRAGMA integrity_check` evaluates every CHECK, so a schema that
/// calls a newer function fails there with "unknown function". Needs a `sqlite3` program
/// (scripts/test.sh installs Debian's); SQLite 3.34 (RHEL 9) is judged in old_sqlite.rs.
#[test]
fn the_system_sqlite3_checks_the_index() {
    let version = std::process::Command::new("sqlite3")
        .arg("--version")
        .output()
        .expect("no sqlite3 program: run scripts/test.sh, which installs it (Debian: sqlite3)");
    let env = TestEnv::with_rm_key();
    crate::common::stage_clean_source(&env, "demo@1.0.0");
    let out = std::process::Command::new("sqlite3")
        .arg(env.store_dir().join("index.db"))
        .arg("PRAGMA integrity_check")
        .output()
        .unwrap();
    assert_eq!(
        (
            String::from_utf8_lossy(&out.stdout).trim(),
            String::from_utf8_lossy(&out.stderr).trim()
        ),
        ("ok", ""),
        "sqlite3 {}",
        String::from_utf8_lossy(&version.stdout)
    );
}
