//! `relmgr check`: each fixture archive gives its expected finding and exit code; signatures
//! must come from members; ignores; vote start is gated.

use serde_json::Value;

use crate::common::{TestEnv, fixture};

fn env() -> TestEnv {
    TestEnv::with_rm_key()
}

/// Stages one fixture archive as demo-1.2.0-src.tar.gz (or its own name) and runs check.
fn check_fixture(env: &TestEnv, name: &str, expect_code: i32) -> Vec<Value> {
    let dest = env.path().join("dist").join(name);
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    std::fs::copy(fixture(&format!("checks/{name}")), &dest).unwrap();
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        dest.to_str().unwrap(),
        "--sign",
        "rm.sec.asc",
    ]);
    let out = env
        .run(&["--json", "check", "demo@1.2.0"])
        .code(expect_code)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .filter(|f| f["package"] == name)
        .cloned()
        .collect()
}

fn result(findings: &[Value], check: &str) -> String {
    let worst = findings
        .iter()
        .filter(|f| f["check"] == check)
        .map(|f| f["result"].as_str().unwrap())
        .max_by_key(|r| match *r {
            "fail" => 2,
            "warn" => 1,
            _ => 0,
        });
    worst.unwrap_or("none").to_string()
}

#[test]
fn a_clean_source_release_passes_every_check() {
    for name in ["demo-1.2.0-src.tar.gz", "demo-1.2.0-src.zip"] {
        let env = env();
        let f = check_fixture(&env, name, 0);
        for check in [
            "signature",
            "checksum",
            "archive-integrity",
            "archive-paths",
            "source-contents",
            "compiled-files",
            "license-headers",
            "naming",
        ] {
            assert_eq!(result(&f, check), "pass", "{name} {check}: {f:?}");
        }
    }
}

#[test]
fn each_bad_fixture_gives_its_finding() {
    let cases = [
        ("demo-1.2.0-dotdot-src.tar.gz", "archive-paths", "fail", 3),
        ("demo-1.2.0-abs-src.tar.gz", "archive-paths", "fail", 3),
        ("demo-1.2.0-symlink-src.tar.gz", "archive-paths", "fail", 3),
        (
            "demo-1.2.0-nolicense-src.tar.gz",
            "source-contents",
            "fail",
            3,
        ),
        (
            "demo-1.2.0-nonotice-src.tar.gz",
            "source-contents",
            "warn",
            0,
        ),
        ("demo-1.2.0-class-src.tar.gz", "compiled-files", "warn", 0),
        (
            "demo-1.2.0-noheader-src.tar.gz",
            "license-headers",
            "warn",
            0,
        ),
        (
            "demo-1.2.0-truncated-src.tar.gz",
            "archive-integrity",
            "fail",
            3,
        ),
        (
            "demo-1.2.0-badlocal-src.zip",
            "archive-integrity",
            "fail",
            3,
        ),
    ];
    for (name, check, want, code) in cases {
        let env = env();
        let f = check_fixture(&env, name, code);
        assert_eq!(result(&f, check), want, "{name}: {f:#?}");
        let reasons: Vec<&str> = f
            .iter()
            .filter(|x| x["check"] == check)
            .map(|x| x["reason"].as_str().unwrap())
            .collect();
        assert!(
            reasons.iter().all(|r| !r.contains(name)),
            "{name}: the row names the package, its reasons need not: {reasons:?}"
        );
    }
}

#[test]
fn strict_fails_on_warnings() {
    let env = env();
    check_fixture(&env, "demo-1.2.0-noheader-src.tar.gz", 0);
    env.run(&["check", "demo@1.2.0", "--strict"]).code(3);
}

#[test]
fn signatures_must_be_there_and_come_from_members() {
    let env = env();
    env.write("a/demo-1.2.0-src.tar.gz", &crate::common::clean_source());
    env.ok(&["--as", "rm", "stage", "demo@1.2.0", "a"]);
    let out = env
        .run(&["--json", "check", "demo@1.2.0"])
        .code(3)
        .get_output()
        .stdout
        .clone();
    let f: Vec<Value> = serde_json::from_slice(&out).unwrap();
    assert_eq!(result(&f, "signature"), "fail");
    assert_eq!(
        result(&f, "layout"),
        "fail",
        "layout: every package needs a signature"
    );
    // A key owned by someone with no role in the project.
    env.ok(&["user", "add", "outsider"]);
    env.ok(&["role", "grant", "demo", "outsider", "rm"]);
    env.ok(&[
        "--as",
        "outsider",
        "key",
        "generate",
        "--user",
        "outsider",
        "-o",
        "out.sec.asc",
    ]);
    env.ok(&[
        "--as",
        "outsider",
        "sign",
        "demo@1.2.0",
        "--key",
        "out.sec.asc",
    ]);
    env.ok(&["role", "revoke", "demo", "outsider", "rm"]);
    let out = env
        .run(&["--json", "check", "demo@1.2.0"])
        .code(3)
        .get_output()
        .stdout
        .clone();
    let f: Vec<Value> = serde_json::from_slice(&out).unwrap();
    let sig = f.iter().find(|x| x["check"] == "signature").unwrap();
    assert!(
        sig["reason"].as_str().unwrap().contains("holds no role"),
        "{sig}"
    );
}

#[test]
fn results_are_stored_and_the_vote_is_gated() {
    let env = env();
    check_fixture(&env, "demo-1.2.0-nolicense-src.tar.gz", 3);
    let stored: i64 = env.count("SELECT count(*) FROM check_results");
    assert_eq!(stored, 1);
    let err = env.fails(5, &["--as", "rm", "vote", "start", "demo@1.2.0"]);
    assert!(err.contains("source-contents"), "{err}");
    env.fails(
        2,
        &[
            "--as",
            "rm",
            "vote",
            "start",
            "demo@1.2.0",
            "--acknowledge",
            "no-such-check",
        ],
    );
    let r = env.json(&[
        "--as",
        "rm",
        "vote",
        "start",
        "demo@1.2.0",
        "--acknowledge",
        "source-contents",
    ]);
    assert_eq!(r["acknowledged"][0], "source-contents");
    assert!(r["checks"]["fail"].as_u64().unwrap() >= 1);
    let log = env.json(&["log", "demo@1.2.0"]);
    let start = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "vote.start")
        .unwrap();
    assert_eq!(start["payload"]["acknowledged"][0], "source-contents");
}

#[test]
fn ignores_turn_findings_into_passes() {
    let env = env();
    check_fixture(&env, "demo-1.2.0-class-src.tar.gz", 0);
    env.fails(
        4,
        &[
            "--as",
            "dev",
            "check",
            "ignore",
            "add",
            "demo",
            "compiled-files:*",
            "--reason",
            "x",
        ],
    );
    env.fails(
        2,
        &[
            "check",
            "ignore",
            "add",
            "demo",
            "compiled-files:*",
            "--reason",
            "",
        ],
    );
    env.ok(&[
        "--as",
        "rm",
        "check",
        "ignore",
        "add",
        "demo",
        "compiled-files:*",
        "--reason",
        "test data classes",
    ]);
    env.fails(
        5,
        &[
            "--as",
            "rm",
            "check",
            "ignore",
            "add",
            "demo",
            "compiled-files:*",
            "--reason",
            "again",
        ],
    );
    let list = env.json(&["check", "ignore", "list", "demo"]);
    assert_eq!(list[0]["pattern"], "compiled-files:*");
    env.ok(&["check", "demo@1.2.0", "--strict"]);
    let log = env.json(&["log", "demo"]);
    assert!(
        log.as_array()
            .unwrap()
            .iter()
            .any(|e| e["type"] == "check.ignore.add")
    );
    env.ok(&[
        "--as",
        "rm",
        "check",
        "ignore",
        "remove",
        "demo",
        "compiled-files:*",
    ]);
    env.fails(
        6,
        &[
            "--as",
            "rm",
            "check",
            "ignore",
            "remove",
            "demo",
            "compiled-files:*",
        ],
    );
    env.run(&["check", "demo@1.2.0", "--strict"]).code(3);
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn a_bad_signature_beside_a_good_one_fails_the_check() {
    let env = env();
    env.tampered(); // on purpose: the log need not replay
    env.write("a/demo-1.2.0-src.tar.gz", &crate::common::clean_source());
    env.write("b/demo-9.0.0-src.tar.gz", b"other bytes");
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "a",
        "--sign",
        "rm.sec.asc",
    ]);
    env.ok(&[
        "--as",
        "pmc1",
        "key",
        "generate",
        "--user",
        "pmc1",
        "-o",
        "p.sec.asc",
    ]);
    env.ok(&["--as", "pmc1", "sign", "demo@1.2.0", "--key", "p.sec.asc"]);
    let f: Vec<Value> = serde_json::from_slice(
        &env.ok(&["--json", "check", "demo@1.2.0"])
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    assert_eq!(result(&f, "signature"), "pass");
    // pmc1's stored signature swapped for one of pmc1's over other bytes: bad, beside rm's good.
    env.ok(&[
        "--as",
        "pmc1",
        "stage",
        "demo@9.0.0",
        "b",
        "--sign",
        "p.sec.asc",
    ]);
    let db = env.db();
    let (fpr, other): (String, String) = db
        .query_row(
            "SELECT s.fingerprint, s.armored FROM signatures s JOIN packages p ON p.id = s.package_id
             WHERE p.name = 'demo-9.0.0-src.tar.gz'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let changed = db
        .execute(
            "UPDATE signatures SET armored = ?1 WHERE fingerprint = ?2 AND package_id =
             (SELECT id FROM packages WHERE name = 'demo-1.2.0-src.tar.gz')",
            [&other, &fpr],
        )
        .unwrap();
    assert_eq!(changed, 1);
    let out = env
        .run(&["--json", "check", "demo@1.2.0"])
        .code(3)
        .get_output()
        .stdout
        .clone();
    let f: Vec<Value> = serde_json::from_slice(&out).unwrap();
    let sig = f.iter().find(|x| x["check"] == "signature").unwrap();
    assert_eq!(sig["result"], "fail", "{sig}");
    assert!(
        sig["reason"].as_str().unwrap().contains("bad signature"),
        "{sig}"
    );
}
