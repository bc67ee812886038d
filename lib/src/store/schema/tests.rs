//! Tests of the schema and its migrations.

use super::*;

#[test]
fn migrates_a_fresh_database_and_is_idempotent() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate(&mut conn).unwrap();
    migrate(&mut conn).unwrap();
    let v: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, CURRENT);
}

/// The plan SQLite picks for a query, one line per step.
fn plan(conn: &Connection, sql: &str) -> String {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    stmt.query_map([], |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap()
        .join("\n")
}

#[test]
fn a_version_1_store_gains_the_indexes_and_the_lookups_use_them() {
    let mut conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(V1).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    migrate(&mut conn).unwrap();
    for (sql, index) in [
        (
            "SELECT * FROM ballots WHERE revision_id = 1",
            "ballots_by_revision",
        ),
        (
            "SELECT * FROM cve_links WHERE release_id = 1",
            "cve_links_by_release",
        ),
        (
            "SELECT * FROM packages WHERE sha256 = 'x'",
            "packages_by_sha256",
        ),
        (
            "SELECT * FROM releases WHERE project = 'p'",
            "releases_by_project",
        ),
        ("SELECT * FROM events WHERE time >= 'x'", "events_by_time"),
        ("SELECT * FROM roles WHERE user_id = 'u'", "roles_by_user"),
    ] {
        let p = plan(&conn, sql);
        assert!(p.contains(index), "{sql}: {p}");
    }
    // The log's target filter is ranges the target index answers, not a scan.
    let p = plan(
        &conn,
        "SELECT * FROM events WHERE target = 'p' OR (target >= 'p/' AND target < 'p0') \
         OR (target >= 'p@' AND target < 'pA')",
    );
    assert!(
        p.contains("events_by_target") && !p.contains("SCAN events"),
        "{p}"
    );
}

/// A version 5 store: a project with a product, another project whose key is that product's,
/// and a release of the product with a revision.
fn a_version_5_store() -> Connection {
    let mut conn = Connection::open_in_memory().unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    let tx = conn.transaction().unwrap();
    for sql in &MIGRATIONS[..5] {
        tx.execute_batch(sql).unwrap();
    }
    tx.pragma_update(None, "user_version", 5).unwrap();
    tx.execute_batch(
        "INSERT INTO projects (key, name, version, notify_emails, created_at)
             VALUES ('demo', 'Demo', '1.0', '[\"dev@demo.org\"]', 't1'), ('web', 'Web', NULL, '[]', 't2');
         INSERT INTO products (project, key, name, homepage, header_licenses, created_at)
             VALUES ('demo', 'web', 'Demo Web', 'https://web.demo.org', '[\"MIT\"]', 't3');
         INSERT INTO releases (id, project, target, version, stage, phase, created_at)
             VALUES (7, 'demo', 'demo/web', '2.0', 'candidate', 'draft', 't4');
         INSERT INTO revisions (id, release_id, number, phase, created_at)
             VALUES (3, 7, 1, 'draft', 't4');",
    )
    .unwrap();
    tx.commit().unwrap();
    conn
}

#[test]
fn version_6_keeps_projects_and_products_in_one_table_with_their_keys() {
    let mut conn = a_version_5_store();
    migrate(&mut conn).unwrap();
    let fk: bool = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert!(fk, "foreign keys are back on after migrating");
    let rows: Vec<String> = conn
        .prepare(
            "SELECT target || '|' || coalesce(parent, '-') || '|' || key || '|' || name || '|' \
             || coalesce(version, '-') || '|' || coalesce(homepage, '-') || '|' || notify_emails \
             || '|' || header_licenses || '|' || created_at FROM projects ORDER BY target",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rows,
        [
            "demo|-|demo|Demo|1.0|-|[\"dev@demo.org\"]|[]|t1",
            "demo/web|demo|web|Demo Web|-|https://web.demo.org|[]|[\"MIT\"]|t3",
            "web|-|web|Web|-|-|[]|[]|t2",
        ]
    );
    // The release kept its id, so its revision still belongs to it.
    let release: String = conn
        .query_row(
            "SELECT r.project || '|' || r.target || '@' || r.version FROM revisions v \
             JOIN releases r ON r.id = v.release_id WHERE v.id = 3",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(release, "demo|demo/web@2.0");
    // The schema keeps the rules: each statement breaks one.
    for bad in [
        // a product of a missing project
        "INSERT INTO projects (target, parent, key, name, created_at) VALUES ('nope/x', 'nope', 'x', 'X', 't')",
        // a product of a product
        "INSERT INTO projects (target, parent, key, name, created_at) VALUES ('demo/web/x', 'demo/web', 'x', 'X', 't')",
        // a target that is not its parent and key
        "INSERT INTO projects (target, parent, key, name, created_at) VALUES ('demo/api', 'demo', 'web', 'X', 't')",
        // the same product twice
        "INSERT INTO projects (target, parent, key, name, created_at) VALUES ('demo/web', 'demo', 'web', 'X', 't')",
        // a bad key
        "INSERT INTO projects (target, parent, key, name, created_at) VALUES ('Demo', NULL, 'Demo', 'X', 't')",
        // a release of a missing product
        "INSERT INTO releases (project, target, version, stage, phase, created_at) VALUES ('demo', 'demo/api', '1', 'candidate', 'draft', 't')",
        // a release of a missing project
        "INSERT INTO releases (project, target, version, stage, phase, created_at) VALUES ('nope', 'nope', '1', 'candidate', 'draft', 't')",
        // a release whose project is not its target's
        "INSERT INTO releases (project, target, version, stage, phase, created_at) VALUES ('web', 'demo/web', '1', 'candidate', 'draft', 't')",
    ] {
        assert!(conn.execute(bad, []).is_err(), "{bad}");
    }
    conn.execute(
        "INSERT INTO releases (project, target, version, stage, phase, created_at) VALUES ('web', 'web', '1', 'candidate', 'draft', 't')",
        [],
    )
    .unwrap();
    // A target's lookups by parent and key use the table's index.
    for sql in [
        "SELECT * FROM projects WHERE parent IS NULL AND key = 'demo'",
        "SELECT * FROM projects WHERE parent IS 'demo' AND key = 'web'",
        "SELECT * FROM projects WHERE parent IS 'demo' ORDER BY key",
    ] {
        let p = plan(&conn, sql);
        assert!(
            !p.contains("SCAN projects") && !p.contains("TEMP B-TREE"),
            "{sql}: {p}"
        );
    }
}

#[test]
fn a_migration_that_breaks_a_foreign_key_changes_nothing() {
    // A release of a product that is not there: version 5 had no key to refuse it.
    let mut conn = a_version_5_store();
    conn.execute_batch(
        "INSERT INTO releases (project, target, version, stage, phase, created_at)
             VALUES ('demo', 'demo/gone', '1', 'candidate', 'draft', 't')",
    )
    .unwrap();
    let err = format!("{:#}", migrate(&mut conn).unwrap_err());
    assert!(
        err.contains("schema version 6")
            && err.contains("of releases references a missing row of projects"),
        "{err}"
    );
    let (version, fk, tables): (u32, bool, i64) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), \
             (SELECT foreign_keys FROM pragma_foreign_keys), \
             (SELECT count(*) FROM sqlite_schema WHERE name = 'products')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((version, fk, tables), (5, true, 1));
}

#[test]
fn refuses_a_newer_schema() {
    let mut conn = Connection::open_in_memory().unwrap();
    conn.pragma_update(None, "user_version", CURRENT + 1)
        .unwrap();
    let err = migrate(&mut conn).unwrap_err().to_string();
    assert!(err.contains("newer relmgr"), "{err}");
}

/// Version 7 rebuilds `packages` with CHECKs on its digests that SQLite evaluates without
/// backtracking: the rows, the index, the triggers (its own and those of `signatures`) and the
/// foreign keys stay; the same values pass and fail as before (since version 8 the hex is
/// judged by triggers, see V8).
#[test]
fn version_7_checks_package_digests_as_lower_case_hex_and_keeps_the_packages() {
    let mut conn = a_version_5_store();
    let (a, b) = ("ab".repeat(32), "cd".repeat(64));
    conn.execute(
        "INSERT INTO packages (id, revision_id, name, size, sha256, sha512, added_at)
             VALUES (11, 3, 'demo-2.0.tar.gz', 5, ?1, ?2, 't5')",
        [&a, &b],
    )
    .unwrap();
    let fpr = "F".repeat(40);
    conn.execute(
        "INSERT INTO keys (fingerprint, key_id, algorithm, created_at, can_sign, imported_at, armored)
             VALUES (?1, 'FFFFFFFFFFFFFFFF', 'EdDSA', 't', 1, 't',
                     '-----BEGIN PGP PUBLIC KEY BLOCK-----')",
        [&fpr],
    )
    .unwrap();
    let sign = |conn: &Connection| {
        conn.execute(
            "INSERT OR REPLACE INTO signatures (package_id, fingerprint, signer_fpr, armored, signed_at)
                 VALUES (11, ?1, ?1, 'sig', 't6')",
            [&fpr],
        )
        .map_err(|e| e.to_string())
    };
    sign(&conn).unwrap();
    migrate(&mut conn).unwrap();
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, CURRENT);
    let kept: (String, String, i64) = conn
        .query_row(
            "SELECT p.sha256, p.sha512, count(s.package_id) FROM packages p
             JOIN signatures s ON s.package_id = p.id WHERE p.id = 11",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(kept, (a.clone(), b.clone(), 1));
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert!(
        plan(&conn, "SELECT id FROM packages WHERE sha256 = 'x'").contains("packages_by_sha256")
    );
    let insert = |name: &str, sha256: &str, sha512: &str| {
        conn.execute(
            "INSERT INTO packages (revision_id, name, size, sha256, sha512, added_at)
                 VALUES (3, ?1, 1, ?2, ?3, 't')",
            [name, sha256, sha512],
        )
        .map_err(|e| e.to_string())
    };
    let upper = "AB".repeat(32);
    let not_hex = format!("{}g", "a".repeat(63));
    for (sha256, sha512) in [
        (upper.as_str(), b.as_str()),
        (not_hex.as_str(), b.as_str()),
        (a.as_str(), &b[..126]),
        (a.as_str(), &"CD".repeat(64)),
    ] {
        let err = insert("x", sha256, sha512).unwrap_err();
        assert!(
            err.contains("CHECK constraint failed") || err.contains("not lower-case hex"),
            "{err}"
        );
    }
    insert("ok.tar.gz", &"0f".repeat(32), &"9a".repeat(64)).unwrap();
    // Since version 8 triggers judge the hex as a row is written, an update as well.
    let err = conn
        .execute_batch("UPDATE packages SET sha512 = upper(sha512) WHERE name = 'ok.tar.gz'")
        .unwrap_err()
        .to_string();
    assert!(err.contains("not lower-case hex"), "{err}");
    // The triggers came back: a frozen revision takes no package and no signature.
    conn.execute_batch("UPDATE revisions SET phase = 'voting' WHERE id = 3")
        .unwrap();
    let err = insert("late.tar.gz", &"0e".repeat(32), &"9b".repeat(64)).unwrap_err();
    assert!(err.contains("frozen"), "{err}");
    let err = sign(&conn).unwrap_err();
    assert!(err.contains("frozen"), "{err}");
}

/// Functions that SQLite added after 3.34 (RHEL 9's), with the version: a CHECK or trigger that
/// calls one cannot be checked by an older `sqlite3` ("unknown function"), so the schema a store
/// ends up with calls none of them.
const NEWER_THAN_3_34: &[(&str, &str)] = &[
    ("unhex", "3.41"),
    ("octet_length", "3.43"),
    ("timediff", "3.43"),
    ("concat", "3.44"),
    ("concat_ws", "3.44"),
    ("string_agg", "3.44"),
    ("format", "3.38"),
    ("unistr", "3.50"),
    ("jsonb", "3.45"),
    ("->", "3.38"),
];

#[test]
fn the_schema_calls_no_function_newer_than_sqlite_3_34() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate(&mut conn).unwrap();
    let mut stmt = conn
        .prepare("SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL")
        .unwrap();
    let rows: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(rows.len() > 20, "{rows:?}");
    for (name, sql) in &rows {
        let lower = sql.to_lowercase();
        for (f, since) in NEWER_THAN_3_34 {
            let call = if f.starts_with('-') {
                f.to_string()
            } else {
                format!("{f}(")
            };
            // A word boundary before the name: `concat(` must not match `group_concat(`.
            let found = lower.match_indices(&call).any(|(i, _)| {
                i == 0 || {
                    let c = lower.as_bytes()[i - 1];
                    !(c.is_ascii_alphanumeric() || c == b'_')
                }
            });
            assert!(!found, "{name} calls {f} (SQLite {since}): {sql}");
        }
    }
}

/// Syntax that SQLite added after 3.34, with the version: a schema that uses it cannot even be
/// parsed by an older SQLite ("malformed database schema"), so no table, index or trigger does.
const SYNTAX_NEWER_THAN_3_34: &[(&str, &str)] = &[
    (") strict", "3.37"),
    (", strict", "3.37"),
    ("is distinct from", "3.39"),
    ("is not distinct from", "3.39"),
    ("right join", "3.39"),
    ("full join", "3.39"),
    ("returning", "3.35"),
    ("unixepoch(", "3.38"),
];

#[test]
fn the_schema_uses_no_syntax_newer_than_sqlite_3_34() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate(&mut conn).unwrap();
    let sql: Vec<(String, String)> = conn
        .prepare("SELECT name, lower(sql) FROM sqlite_schema WHERE sql IS NOT NULL")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (name, sql) in &sql {
        let flat = sql.split_whitespace().collect::<Vec<_>>().join(" ");
        for (s, since) in SYNTAX_NEWER_THAN_3_34 {
            assert!(
                !flat.contains(s),
                "{name} uses {s:?} (SQLite {since}): {sql}"
            );
        }
    }
    let strict: i64 = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_list WHERE strict",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(strict, 0);
}

/// Since version 9 no table is STRICT; CHECKs on `typeof` refuse what STRICT refused, and values
/// convert as STRICT converted them.
#[test]
fn version_9_checks_the_types_that_strict_checked() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate(&mut conn).unwrap();
    conn.execute_batch(
        "INSERT INTO users (id, kind, created_at) VALUES ('ada', 'person', 't');
         INSERT INTO projects (target, key, name, created_at) VALUES ('demo', 'demo', 'Demo', 't');",
    )
    .unwrap();
    for bad in [
        // a blob in a TEXT column
        "INSERT INTO users (id, kind, created_at) VALUES ('bob', 'person', x'74')",
        // a blob in a nullable TEXT column
        "INSERT INTO users (id, name, kind, created_at) VALUES ('bob', x'42', 'person', 't')",
        // text that is no number in an INTEGER column
        "INSERT INTO users (id, kind, consent, created_at) VALUES ('bob', 'person', 'yes', 't')",
        // a real in an INTEGER column
        "INSERT INTO publications (dir, version, published_at) VALUES ('d', 1.5, 't')",
        // a NULL primary key (never NULL in a STRICT table)
        "INSERT INTO sync_state (key, value) VALUES (NULL, 'v')",
        "INSERT INTO heads (hash) VALUES (NULL)",
        // a blob in an update
        "UPDATE projects SET description = x'00' WHERE target = 'demo'",
    ] {
        let err = conn.execute(bad, []).unwrap_err().to_string();
        assert!(
            err.contains("CHECK constraint failed") || err.contains("NOT NULL constraint failed"),
            "{bad}: {err}"
        );
    }
    // What STRICT converted, the column's affinity converts: the same values come back.
    conn.execute_batch(
        "INSERT INTO publications (dir, version, published_at) VALUES ('d', '12', 5);
         INSERT INTO users (id, kind, consent, created_at) VALUES ('bob', 'person', 1.0, 't');",
    )
    .unwrap();
    let got: (String, String, String, String) = conn
        .query_row(
            "SELECT typeof(version), typeof(published_at), published_at,
                    (SELECT typeof(consent) FROM users WHERE id = 'bob')
             FROM publications",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        got,
        (
            "integer".into(),
            "text".into(),
            "5".into(),
            "integer".into()
        )
    );
}

/// Version 9 rebuilds every table of a version 8 store: the rows, indexes, triggers and
/// foreign keys are those of version 8, only STRICT is gone.
#[test]
fn version_9_rebuilds_every_table_and_keeps_everything_else() {
    let mut conn = a_version_5_store();
    conn.pragma_update(None, "foreign_keys", false).unwrap();
    let tx = conn.transaction().unwrap();
    for sql in &MIGRATIONS[5..8] {
        tx.execute_batch(sql).unwrap();
    }
    tx.pragma_update(None, "user_version", 8).unwrap();
    tx.execute_batch(
        "INSERT INTO users (id, kind, created_at) VALUES ('ada', 'person', 't');
         INSERT INTO keys (fingerprint, key_id, user_id, algorithm, created_at, can_sign, imported_at, armored)
             VALUES ('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF', 'FFFFFFFFFFFFFFFF', 'ada', 'EdDSA', 't', 1, 't',
                     '-----BEGIN PGP PUBLIC KEY BLOCK-----');
         INSERT INTO packages (id, revision_id, name, size, sha256, sha512, added_at)
             VALUES (11, 3, 'demo-2.0.tar.gz', 5, replace(hex(zeroblob(32)), '00', 'ab'), replace(hex(zeroblob(64)), '00', 'cd'), 't5');
         INSERT INTO signatures (package_id, fingerprint, signer_fpr, armored, signed_at)
             VALUES (11, 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF', 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF', 'sig', 't6');
         INSERT INTO events (seq, time, actor, actor_kind, type, target, payload, prev_hash, hash)
             VALUES (1, 't', 'ada', 'person', 'x', 'demo', '{}', lower(hex(zeroblob(32))), lower(hex(randomblob(32))));
         INSERT INTO heads SELECT hash FROM events;
         INSERT INTO snapshots_seen (project, version, seen_at) VALUES ('demo', 3, 't');",
    )
    .unwrap();
    tx.commit().unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    let shape = |conn: &Connection| -> Vec<String> {
        conn.prepare(
            "SELECT m.type || ' ' || m.name || ' on ' || m.tbl_name FROM sqlite_schema m
             UNION ALL SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || ' notnull='
                 || c.\"notnull\" || ' default=' || coalesce(c.dflt_value, '-') || ' pk=' || c.pk
             FROM sqlite_schema m, pragma_table_info(m.name) c WHERE m.type = 'table'
             UNION ALL SELECT 'fk ' || m.name || '.' || f.\"from\" || ' -> ' || f.\"table\" || '.'
                 || coalesce(f.\"to\", '') || ' ' || f.on_delete
             FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
             UNION ALL SELECT 'rows ' || (SELECT count(*) FROM packages) || ' '
                 || (SELECT count(*) FROM signatures) || ' ' || (SELECT count(*) FROM events) || ' '
                 || (SELECT count(*) FROM keys) || ' ' || (SELECT count(*) FROM snapshots_seen)
             ORDER BY 1",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    };
    let v8 = shape(&conn);
    let strict_v8: i64 = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_list WHERE strict",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(strict_v8 > 20, "{strict_v8}");
    migrate(&mut conn).unwrap();
    // Later migrations add columns (V10: two of projects); the rest is V8's shape.
    let added = [
        "column projects.download_url TEXT notnull=0 default=- pk=0",
        "column projects.candidates_url TEXT notnull=0 default=- pk=0",
    ];
    let now = shape(&conn);
    for a in added {
        assert!(now.iter().any(|l| l == a), "{a}");
    }
    let now: Vec<String> = now
        .into_iter()
        .filter(|l| !added.contains(&l.as_str()))
        .collect();
    assert_eq!(now, v8);
    let strict: i64 = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_list WHERE strict",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(strict, 0);
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // The triggers still hold: the log is append-only, a frozen revision frozen, hex checked.
    for (bad, why) in [
        ("DELETE FROM events", "append-only"),
        ("UPDATE events SET actor = 'eve'", "append-only"),
        (
            "UPDATE packages SET sha256 = upper(sha256)",
            "lower-case hex",
        ),
        ("DELETE FROM keys", "FOREIGN KEY"),
    ] {
        let err = conn.execute(bad, []).unwrap_err().to_string();
        assert!(err.contains(why), "{bad}: {err}");
    }
    conn.execute_batch("UPDATE revisions SET phase = 'voting' WHERE id = 3")
        .unwrap();
    let err = conn
        .execute("DELETE FROM signatures", [])
        .unwrap_err()
        .to_string();
    assert!(err.contains("frozen"), "{err}");
}
