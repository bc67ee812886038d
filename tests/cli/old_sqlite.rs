//! The index opens in the oldest SQLite of today's LTS systems: 3.34.1 (RHEL 9). The judge is a
//! real SQLite 3.34.1, `old-sqlite-check` (tests/support/old_sqlite_check.c, built by
//! `scripts/test.sh` into `~/.cache/relmgr/sqlite-3.34.1/`): it opens the index read-only and runs
//! `PRAGMA integrity_check`, `PRAGMA foreign_key_check` and a `count(*)` of every table.
//! Debian 12's 3.40 is the system `sqlite3` (migrate.rs).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{TestEnv, clean_source, repo};
use crate::lifecycle::passed;

/// Where `scripts/test.sh` builds the 3.34.1 checker.
fn old_sqlite_check() -> PathBuf {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").expect("$HOME")).join(".cache"));
    let path = cache.join("relmgr/sqlite-3.34.1/old-sqlite-check");
    assert!(
        path.is_file(),
        "{} is missing: run scripts/test.sh (or scripts/test.sh --setup-only), which builds \
         SQLite 3.34.1's checker from tests/support/old_sqlite_check.c",
        path.display()
    );
    path
}

/// What SQLite 3.34.1 says of `db`: (exit status 0, stdout, stderr).
fn check_with_3_34(db: &Path) -> (bool, String, String) {
    let out = Command::new(old_sqlite_check()).arg(db).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The tables of the index (as relmgr's SQLite lists them) and their row counts.
fn tables(env: &TestEnv) -> Vec<(String, i64)> {
    let db = env.db();
    let names: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    names
        .into_iter()
        .map(|t| {
            let n = db
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            (t, n)
        })
        .collect()
}

/// SQLite 3.34.1 reads the whole index of `env` and finds it sound, with the same rows relmgr's
/// SQLite counts.
fn assert_3_34_reads(env: &TestEnv) {
    let (ok, out, err) = check_with_3_34(&env.store_dir().join("index.db"));
    assert!(
        ok && err.is_empty(),
        "SQLite 3.34.1 refused the index: {err}\n{out}"
    );
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("version 3.34.1"), "{out}");
    assert_eq!(lines.next(), Some("integrity_check ok"), "{out}");
    assert_eq!(lines.next(), Some("foreign_key_check ok"), "{out}");
    let counted: Vec<(String, i64)> = lines
        .map(|l| {
            let mut w = l.strip_prefix("count ").expect(l).split(' ');
            (
                w.next().unwrap().to_string(),
                w.next().unwrap().parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(counted, tables(env), "{out}");
}

/// A release's whole life through relmgr (staged, voted, promoted, published, a CVE linked,
/// a second candidate): SQLite 3.34.1 checks the index and reads every table.
#[test]
fn sqlite_3_34_checks_the_index_of_a_real_release() {
    let env = TestEnv::with_rm_key();
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    passed(&env, "1.0.0");
    env.ok(&["--as", "rm", "promote", "demo@1.0.0"]);
    env.ok(&[
        "cve",
        "add",
        "CVE-2026-1234",
        "--title",
        "A flaw",
        "--date",
        "2026-03-01",
    ]);
    env.ok(&["cve", "link", "CVE-2026-1234", "demo@1.0.0"]);
    env.ok(&["--as", "rm", "publish", "www", "--key", "rm.sec.asc"]);
    env.ok(&["--json", "verify", "--dir", "www"]);
    crate::common::stage_clean_source(&env, "demo@1.1.0");
    assert!(env.count("SELECT count(*) FROM packages") >= 2);
    assert!(env.count("SELECT count(*) FROM signatures") >= 2);
    assert!(env.count("SELECT count(*) FROM snapshots_seen") >= 1);
    assert_3_34_reads(&env);
}

fn copy_dir(from: &Path, to: &Path) {
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

/// A store written by relmgr at schema 8 (`fixtures/stores/v8`, every table STRICT), which
/// SQLite 3.34.1 cannot even parse, migrates to schema 9 (and on) with every row kept, replays to the
/// same index, and then opens in 3.34.1; relmgr goes on writing it.
#[test]
fn a_version_8_store_migrates_and_then_opens_in_sqlite_3_34() {
    let env = TestEnv::bare();
    copy_dir(
        &repo().join("fixtures/stores/v8"),
        &env.path().join(".relmgr"),
    );
    env.set_now("2026-03-06T09:00:00Z");
    let version = |env: &TestEnv| env.count("PRAGMA user_version");
    assert_eq!(version(&env), 8, "the fixture is a version 8 store");
    let (ok, _, err) = check_with_3_34(&env.store_dir().join("index.db"));
    assert!(
        !ok && err.contains("malformed database schema") && err.contains("STRICT"),
        "SQLite 3.34.1 reads a version 8 store? {err}"
    );
    let before = tables(&env);
    assert!(
        before.iter().any(|(t, n)| t == "events" && *n > 20),
        "{before:?}"
    );
    // The columns of every table at schema 8 (later schemas add some, NULL in old rows).
    let columns: Vec<String> = {
        let db = env.db();
        before
            .iter()
            .map(|(t, _)| {
                let mut stmt = db
                    .prepare(&format!(
                        "SELECT name FROM pragma_table_info('{t}') ORDER BY cid"
                    ))
                    .unwrap();
                let names: Vec<String> = stmt
                    .query_map([], |r| r.get::<_, String>(0))
                    .unwrap()
                    .map(|n| format!("\"{}\"", n.unwrap()))
                    .collect();
                names.join(", ")
            })
            .collect()
    };
    // The rows of every table, as text, to compare after the migration.
    let dump = |env: &TestEnv| -> Vec<String> {
        let db = env.db();
        before
            .iter()
            .zip(&columns)
            .flat_map(|((t, _), cols)| {
                let mut stmt = db
                    .prepare(&format!("SELECT {cols} FROM \"{t}\" ORDER BY rowid"))
                    .unwrap();
                let n = stmt.column_count();
                stmt.query_map([], |r| {
                    let cells: Vec<String> = (0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect();
                    Ok(format!("{t}: {}", cells.join(" | ")))
                })
                .unwrap()
                .collect::<Result<Vec<_>, _>>()
                .unwrap()
            })
            .collect()
    };
    let rows = dump(&env);

    assert_eq!(
        env.json(&["release", "show", "demo@1.0.0"])["stage"],
        "current"
    );
    assert_eq!(version(&env), 10, "opening migrated the schema");
    assert_eq!(
        tables(&env),
        before,
        "the same tables with the same number of rows"
    );
    assert_eq!(dump(&env), rows, "every row kept, value and type");
    assert_eq!(
        env.count("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%STRICT%'"),
        0
    );
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the events replay to the migrated index"
    );
    assert_3_34_reads(&env);

    // relmgr writes the migrated store, and 3.34.1 still reads it.
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    env.ok(&["--as", "rita", "stage", "demo@1.2.0", "dist", "--source"]);
    assert_eq!(env.json(&["fsck"])["ok"], true);
    assert_3_34_reads(&env);
}
