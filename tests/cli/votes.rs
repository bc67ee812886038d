//! Vote policies and votes, played on $RELMGR_NOW.

use serde_json::Value;

use crate::common::{TestEnv, clean_source, fixture};

/// demo@1.2.0 rc1 staged and signed by rm (with a key generated at T0), ready for a vote.
fn ready() -> TestEnv {
    let env = TestEnv::with_rm_key();
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "dist",
        "--sign",
        "rm.sec.asc",
    ]);
    env
}

fn at(env: &TestEnv, t: &str) {
    env.set_now(t);
}

fn status(env: &TestEnv) -> Value {
    env.json(&["vote", "status", "demo@1.2.0"])
}

#[test]
fn a_72_hour_vote_passes_with_three_binding_votes() {
    let env = ready();
    let r = env.json(&["--as", "rm", "vote", "start", "demo@1.2.0", "--vote", "+1"]);
    assert_eq!(r["revision"], "rc1");
    assert_eq!(r["closes_at"], "2027-01-08T10:00:00Z");
    assert!(
        r["mail"]["subject"]
            .as_str()
            .unwrap()
            .starts_with("[VOTE] Release Demo 1.2.0 (rc1)")
    );
    let body = r["mail"]["body"].as_str().unwrap();
    assert!(
        body.contains("demo-1.2.0-src.tar.gz") && body.contains("SHA-512") && body.contains("KEYS"),
        "{body}"
    );
    assert!(
        body.contains("open until 2027-01-08 10:00:00 UTC (72 hours after it opened"),
        "{body}"
    );
    for u in ["pmc1", "pmc2"] {
        env.ok(&["--as", u, "vote", "cast", "demo@1.2.0", "+1"]);
    }
    env.ok(&[
        "--as",
        "dev",
        "vote",
        "cast",
        "demo@1.2.0",
        "-1",
        "--comment",
        "LICENSE year is old",
    ]);
    let st = status(&env);
    assert_eq!(st["outcome"], "open");
    assert_eq!(
        st["binding"],
        serde_json::json!({"plus": 2, "zero": 0, "minus": 0})
    );
    assert_eq!(
        st["non_binding"],
        serde_json::json!({"plus": 1, "zero": 0, "minus": 1}),
        "rm and dev are not PMC"
    );
    assert_eq!(st["closes_at"], "2027-01-08T10:00:00Z");
    env.fails(5, &["--as", "rm", "vote", "close", "demo@1.2.0"]);
    env.ok(&["--as", "pmc3", "vote", "cast", "demo@1.2.0", "+1"]);
    at(&env, "2027-01-08T09:59:59Z");
    env.fails(5, &["--as", "rm", "vote", "close", "demo@1.2.0"]);
    at(&env, "2027-01-08T10:00:00Z");
    let c = env.json(&["--as", "rm", "vote", "close", "demo@1.2.0"]);
    assert_eq!(c["outcome"], "passed");
    assert_eq!(status(&env)["outcome"], "passed");
    let show = env.json(&["release", "show", "demo@1.2.0"]);
    assert_eq!(show["phase"], "passed");
    assert_eq!(show["vote"], "passed");
    env.fails(5, &["--as", "pmc1", "vote", "cast", "demo@1.2.0", "-1"]);
    env.fails(5, &["--as", "rm", "vote", "close", "demo@1.2.0"]);
}

#[test]
fn votes_need_a_started_vote_signed_packages_and_the_right_role() {
    let env = TestEnv::with_rm_key();
    env.write("dist/a.txt", b"a");
    env.ok(&["--as", "rm", "stage", "demo@1.2.0", "dist"]);
    env.fails(5, &["--as", "pmc1", "vote", "cast", "demo@1.2.0", "+1"]);
    env.fails(5, &["vote", "status", "demo@1.2.0"]);
    let err = env.fails(5, &["--as", "rm", "vote", "start", "demo@1.2.0"]);
    assert!(err.contains("unsigned"), "{err}");
    env.ok(&["--as", "rm", "sign", "demo@1.2.0", "--key", "rm.sec.asc"]);
    env.fails(4, &["--as", "dev", "vote", "start", "demo@1.2.0"]);
    env.fails(
        2,
        &["--as", "rm", "vote", "start", "demo@1.2.0", "--hours", "24"],
    );
    env.ok(&["--as", "rm", "vote", "start", "demo@1.2.0", "--hours", "96"]);
    env.fails(5, &["--as", "rm", "vote", "start", "demo@1.2.0"]);
    env.fails(2, &["--as", "pmc1", "vote", "cast", "demo@1.2.0", "+2"]);
    env.fails(2, &["--as", "pmc1", "vote", "cast", "demo@1.2.0", "yes"]);
    // guest: no role, no consent.
    env.fails(4, &["--as", "guest", "vote", "cast", "demo@1.2.0", "+1"]);
    env.ok(&["user", "consent", "guest", "grant"]);
    let r = env.json(&["--as", "guest", "vote", "cast", "demo@1.2.0", "+1"]);
    assert_eq!(r["binding"], false);
    env.fails(4, &["--as", "dev", "vote", "close", "demo@1.2.0"]);
    assert_eq!(status(&env)["closes_at"], "2027-01-09T10:00:00Z");
    env.fails(6, &["vote", "status", "demo@9.9"]);
}

#[test]
fn starting_a_vote_freezes_the_revision_and_staging_makes_the_next() {
    let env = ready();
    env.ok(&["--as", "rm", "vote", "start", "demo@1.2.0"]);
    env.fails(
        5,
        &[
            "--as",
            "rm",
            "unstage",
            "demo@1.2.0",
            "demo-1.2.0-src.tar.gz",
        ],
    );
    env.fails(
        5,
        &["--as", "rm", "sign", "demo@1.2.0", "--key", "rm.sec.asc"],
    );
    // The schema itself refuses changes to a frozen revision.
    let db = env.db();
    assert!(db.execute("DELETE FROM packages", []).is_err());
    env.write("more/demo-1.2.0-extra.txt", b"more");
    let r = env.json(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "more",
        "--sign",
        "rm.sec.asc",
    ]);
    assert_eq!(r["revision"], "rc2");
    assert_eq!(r["new_revision"], true);
    let rc2 = env.json(&["release", "show", "demo@1.2.0"]);
    assert_eq!(rc2["revision"], "rc2");
    assert_eq!(
        rc2["packages"].as_array().unwrap().len(),
        2,
        "rc2 carries rc1's package"
    );
    let rc1 = env.json(&["release", "show", "demo@1.2.0", "--revision", "rc1"]);
    assert_eq!(rc1["packages"].as_array().unwrap().len(), 1);
    assert_eq!(rc1["revision_phase"], "voting");
    assert!(
        env.store_dir()
            .join("releases/demo/1.2.0/rc1/demo-1.2.0-src.tar.gz")
            .is_file()
    );
    assert!(
        env.store_dir()
            .join("releases/demo/1.2.0/rc2/demo-1.2.0-extra.txt")
            .is_file()
    );
    env.ok(&[
        "--as",
        "rm",
        "unstage",
        "demo@1.2.0",
        "demo-1.2.0-extra.txt",
    ]);
    // rc1's vote is still there to read.
    assert_eq!(
        env.json(&["vote", "status", "demo@1.2.0", "--revision", "rc1"])["outcome"],
        "open"
    );
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn a_failed_vote_leaves_a_candidate_for_the_next_revision() {
    let env = ready();
    env.ok(&["--as", "rm", "vote", "start", "demo@1.2.0"]);
    env.ok(&["--as", "pmc1", "vote", "cast", "demo@1.2.0", "+1"]);
    env.ok(&["--as", "pmc2", "vote", "cast", "demo@1.2.0", "+1"]);
    at(&env, "2027-01-09T00:00:00Z");
    assert_eq!(
        env.json(&["--as", "rm", "vote", "close", "demo@1.2.0"])["outcome"],
        "failed"
    );
    let show = env.json(&["release", "show", "demo@1.2.0"]);
    assert_eq!(show["stage"], "candidate");
    assert_eq!(show["phase"], "failed");
    env.write("fix/demo-1.2.0-src.tar.gz", &clean_source());
    assert_eq!(
        env.json(&[
            "--as",
            "rm",
            "stage",
            "demo@1.2.0",
            "fix",
            "--sign",
            "rm.sec.asc"
        ])["revision"],
        "rc2"
    );
}

#[test]
fn pause_on_veto_then_confirm_or_abandon() {
    for (flag, outcome, phase) in [
        ("--confirm", "passed", "passed"),
        ("--abandon", "abandoned", "failed"),
    ] {
        let env = ready();
        env.ok(&["policy", "set", "demo", "--pause-on-veto", "true"]);
        env.ok(&["--as", "rm", "vote", "start", "demo@1.2.0"]);
        for u in ["pmc1", "pmc2", "pmc3"] {
            env.ok(&["--as", u, "vote", "cast", "demo@1.2.0", "+1"]);
        }
        env.ok(&["--as", "dev", "vote", "cast", "demo@1.2.0", "-1"]);
        at(&env, "2027-01-08T10:00:00Z");
        assert_eq!(
            env.json(&["--as", "rm", "vote", "close", "demo@1.2.0"])["outcome"],
            "awaiting-confirmation"
        );
        assert_eq!(status(&env)["outcome"], "awaiting-confirmation");
        env.fails(5, &["--as", "pmc1", "vote", "cast", "demo@1.2.0", "+1"]);
        assert_eq!(
            env.json(&["--as", "rm", "vote", "close", "demo@1.2.0", flag])["outcome"],
            outcome
        );
        assert_eq!(env.json(&["release", "show", "demo@1.2.0"])["phase"], phase);
        assert_eq!(
            env.json(&["fsck"])["ok"],
            true,
            "the log replays to the index"
        );
    }
}

#[test]
fn manual_votes_are_decided_by_the_rm() {
    let env = ready();
    env.ok(&["policy", "set", "demo", "--manual", "true"]);
    env.ok(&["--as", "rm", "vote", "start", "demo@1.2.0"]);
    env.ok(&["--as", "pmc1", "vote", "cast", "demo@1.2.0", "+1"]);
    at(&env, "2027-01-08T10:00:00Z");
    env.fails(2, &["--as", "rm", "vote", "close", "demo@1.2.0"]);
    assert_eq!(
        env.json(&["--as", "rm", "vote", "close", "demo@1.2.0", "--confirm"])["outcome"],
        "passed"
    );
}

#[test]
fn min_hours_zero_closes_as_soon_as_the_rule_holds() {
    let env = ready();
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    env.ok(&["--as", "rm", "vote", "start", "demo@1.2.0", "--hours", "48"]);
    env.ok(&["--as", "pmc1", "vote", "cast", "demo@1.2.0", "+1"]);
    env.fails(5, &["--as", "rm", "vote", "close", "demo@1.2.0"]);
    env.ok(&["--as", "pmc2", "vote", "cast", "demo@1.2.0", "+1"]);
    env.ok(&["--as", "pmc3", "vote", "cast", "demo@1.2.0", "+1"]);
    assert_eq!(
        env.json(&["--as", "rm", "vote", "close", "demo@1.2.0"])["outcome"],
        "passed"
    );
}

#[test]
fn the_last_vote_counts_and_binding_is_fixed_when_cast() {
    let env = ready();
    env.ok(&["--as", "rm", "vote", "start", "demo@1.2.0"]);
    env.ok(&["--as", "pmc1", "vote", "cast", "demo@1.2.0", "-1"]);
    at(&env, "2027-01-05T11:00:00Z");
    env.ok(&["--as", "pmc1", "vote", "cast", "demo@1.2.0", "+1"]);
    env.ok(&["--as", "pmc2", "vote", "cast", "demo@1.2.0", "+1"]);
    // pmc3 votes while PMC, then loses the role: the vote stays binding.
    env.ok(&["--as", "pmc3", "vote", "cast", "demo@1.2.0", "+1"]);
    at(&env, "2027-01-05T12:00:00Z");
    env.ok(&["role", "revoke", "demo", "pmc3", "pmc"]);
    let st = status(&env);
    assert_eq!(st["binding"]["plus"], 3);
    assert_eq!(st["binding"]["minus"], 0);
    assert_eq!(
        st["ballots"].as_array().unwrap().len(),
        4,
        "all ballots are kept"
    );
    // A vote cast after losing the role is not binding (and pmc3 needs another way to vote).
    env.ok(&["role", "grant", "demo", "pmc3", "committer"]);
    at(&env, "2027-01-05T13:00:00Z");
    assert_eq!(
        env.json(&["--as", "pmc3", "vote", "cast", "demo@1.2.0", "+1"])["binding"],
        false
    );
    assert_eq!(status(&env)["binding"]["plus"], 2);
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn signed_votes_use_the_voters_own_key() {
    let env = ready();
    env.ok(&[
        "--as",
        "pmc1",
        "key",
        "generate",
        "--user",
        "pmc1",
        "-o",
        "pmc1.sec.asc",
    ]);
    env.ok(&["--as", "rm", "vote", "start", "demo@1.2.0"]);
    let r = env.json(&[
        "--as",
        "pmc1",
        "vote",
        "cast",
        "demo@1.2.0",
        "+1",
        "--sign",
        "pmc1.sec.asc",
    ]);
    assert!(r["signed_by"].is_string());
    let st = status(&env);
    assert_eq!(st["voters"][0]["signed"], true);
    assert!(
        st["ballots"][0]["signature"]
            .as_str()
            .unwrap()
            .contains("BEGIN PGP SIGNATURE")
    );
    let before = env.events();
    env.fails(
        4,
        &[
            "--as",
            "pmc2",
            "vote",
            "cast",
            "demo@1.2.0",
            "+1",
            "--sign",
            "pmc1.sec.asc",
        ],
    );
    env.fails(
        4,
        &[
            "--as",
            "pmc2",
            "vote",
            "cast",
            "demo@1.2.0",
            "+1",
            "--sign",
            "rm.sec.asc",
        ],
    );
    assert_eq!(env.events(), before);
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn votes_from_a_mail_thread() {
    // The thread is from February 2024: play the whole vote then.
    let env = TestEnv::bare();
    env.set_now("2024-01-02T00:00:00Z");
    env.ok(&["init", "--user", "admin"]);
    env.ok(&["project", "create", "demo", "--name", "Demo"]);
    for (u, email, role) in [
        ("alice", "alice@apache.org", "pmc"),
        ("bob", "bob@apache.org", "pmc"),
        ("carol", "carol@apache.org", "pmc"),
        ("dave", "dave@apache.org", "committer"),
        ("frank", "frank@apache.org", "pmc"),
        ("heidi", "heidi@apache.org", "committer"),
    ] {
        env.ok(&["user", "add", u]);
        env.ok(&["role", "grant", "demo", u, role]);
        env.ok(&["user", "edit", u, "--email", email]);
    }
    env.ok(&[
        "--as",
        "alice",
        "key",
        "generate",
        "--user",
        "alice",
        "-o",
        "alice.sec.asc",
    ]);
    env.set_now("2024-02-05T08:00:00Z");
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    env.ok(&[
        "--as",
        "alice",
        "stage",
        "demo@1.2.0",
        "dist",
        "--sign",
        "alice.sec.asc",
    ]);
    env.ok(&["--as", "alice", "vote", "start", "demo@1.2.0"]);
    // frank left the PMC before he voted (Wed 7 Feb 06:45 UTC).
    env.set_now("2024-02-06T23:00:00Z");
    // (committer first: without any committer/PMC role his email would be erased)
    env.ok(&["role", "grant", "demo", "frank", "committer"]);
    env.ok(&["role", "revoke", "demo", "frank", "pmc"]);
    env.set_now("2024-02-08T12:00:00Z");
    let r = env.json(&[
        "--as",
        "alice",
        "vote",
        "import",
        "demo@1.2.0",
        &fixture("votes/thread.mbox"),
    ]);
    let got: Vec<(String, String, String)> = r["votes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["email"].as_str().unwrap().into(),
                v["vote"].as_str().unwrap().into(),
                v["result"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want = [
        ("alice@apache.org", "+1", "recorded"),
        ("bob@apache.org", "+1", "recorded"),
        ("carol@apache.org", "+1", "recorded"),
        ("dave@apache.org", "0", "recorded"),
        ("eve@example.com", "+1", "unknown-sender"),
        ("frank@apache.org", "+1", "recorded"),
        ("heidi@apache.org", "+1", "recorded"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want);
    let frank = r["votes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["email"] == "frank@apache.org")
        .unwrap();
    assert_eq!(
        frank["binding"], false,
        "frank was no longer PMC when he voted"
    );
    let st = status(&env);
    assert_eq!(st["binding"]["plus"], 3);
    assert_eq!(st["non_binding"]["plus"], 2);
    assert_eq!(st["non_binding"]["zero"], 1);
    assert!(
        st["voters"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["source"] == "mail")
    );
    // Importing the same thread again records nothing new.
    let again = env.json(&[
        "--as",
        "alice",
        "vote",
        "import",
        "demo@1.2.0",
        &fixture("votes/thread.mbox"),
    ]);
    assert!(
        again["votes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["result"] != "recorded")
    );
    assert_eq!(status(&env)["ballots"].as_array().unwrap().len(), 6);
    let bad = env.write("bad.mbox", b"not a mailbox at all");
    env.fails(2, &["--as", "alice", "vote", "import", "demo@1.2.0", &bad]);
    assert_eq!(
        env.json(&["--as", "alice", "vote", "close", "demo@1.2.0"])["outcome"],
        "passed"
    );
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn policies_are_versioned_and_inherited() {
    let env = TestEnv::with_project();
    env.ok(&["product", "create", "demo/web", "--name", "Web"]);
    let p = env.json(&["policy", "show", "demo"]);
    assert_eq!(p["min_hours"], 72);
    assert_eq!(p["manual"], false);
    assert_eq!(p["version"], Value::Null);
    let checklist = env.write(
        "checklist.md",
        b"- [ ] signatures verify\n- [ ] LICENSE and NOTICE\n",
    );
    let p = env.json(&[
        "--as",
        "pmc1",
        "policy",
        "set",
        "demo",
        "--min-hours",
        "96",
        "--checklist",
        &checklist,
    ]);
    assert_eq!(p["version"], 1);
    assert_eq!(p["min_hours"], 96);
    assert!(p["checklist"].as_str().unwrap().contains("LICENSE"));
    env.ok(&[
        "--as",
        "rm",
        "policy",
        "set",
        "demo",
        "--pause-on-veto",
        "yes",
    ]);
    let web = env.json(&["policy", "show", "demo/web"]);
    assert_eq!(web["min_hours"], 96, "a product inherits");
    assert_eq!(web["pause_on_veto"], true);
    assert_eq!(web["sources"]["min_hours"], "project");
    env.ok(&["policy", "set", "demo/web", "--min-hours", "0"]);
    let web = env.json(&["policy", "show", "demo/web"]);
    assert_eq!(web["min_hours"], 0);
    assert_eq!(web["sources"]["min_hours"], "product");
    assert_eq!(
        web["pause_on_veto"], true,
        "fields it does not set still come from the project"
    );
    let h = env.json(&["policy", "history", "demo"]);
    assert_eq!(h.as_array().unwrap().len(), 2);
    assert_eq!(h[0]["set_by"], "pmc1");
    assert_eq!(h[1]["set_by"], "rm");
    assert_eq!(h[1]["min_hours"], 96, "each version is complete");
    env.fails(
        4,
        &["--as", "dev", "policy", "set", "demo", "--min-hours", "1"],
    );
    env.fails(2, &["policy", "set", "demo", "--min-hours", "-1"]);
    env.fails(2, &["policy", "set", "demo", "--manual", "maybe"]);
    env.fails(2, &["policy", "set", "demo"]);
    env.fails(2, &["policy", "set", "demo", "--checklist", "missing.md"]);
    env.fails(6, &["policy", "show", "nope"]);
    let p = env.json(&["policy", "set", "demo", "--clear-checklist"]);
    assert_eq!(p["checklist"], Value::Null);
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

/// A value in the index that the code does not know is a corrupt store (exit 1), never a
/// plausible default: a vote's times, its closure and its recorded policy, a release's stage
/// and phase, a revision's phase.
#[test]
fn an_unknown_value_in_the_index_is_a_corrupt_store() {
    let vote_status: &[&str] = &["vote", "status", "demo@1.0.0"];
    let release_show: &[&str] = &["release", "show", "demo@1.0.0"];
    let release_list: &[&str] = &["release", "list"];
    for (sql, args) in [
        (
            "UPDATE vote_rounds SET opened_at = 'yesterday'",
            vote_status,
        ),
        ("UPDATE vote_rounds SET closure = 'maybe'", vote_status),
        (
            "UPDATE vote_rounds SET policy = '{\"min_hours\": \"soon\"}'",
            vote_status,
        ),
        ("UPDATE ballots SET cast_at = 'now-ish'", vote_status),
        ("UPDATE releases SET stage = 'shipped'", release_show),
        ("UPDATE releases SET phase = 'resting'", release_list),
        ("UPDATE revisions SET phase = 'frozen'", release_show),
    ] {
        let env = TestEnv::with_rm_key();
        env.tampered(); // on purpose: the log need not replay
        crate::common::stage_clean_source(&env, "demo@1.0.0");
        env.ok(&["--as", "rm", "vote", "start", "demo@1.0.0"]);
        env.ok(&["--as", "pmc1", "vote", "cast", "demo@1.0.0", "+1"]);
        // As a damaged file or another program could leave it, past the schema's CHECKs.
        env.db()
            .execute_batch(&format!("PRAGMA ignore_check_constraints = ON; {sql}"))
            .unwrap();
        let err = env.fails(1, args);
        assert!(err.contains("corrupt store"), "{sql}: {err}");
    }
}

/// A time in the index is read as one (`2026-01-02T03:04:05Z`): text that is not a time, or a
/// time in another form, is a corrupt store (exit 1) wherever it is read, never the epoch or
/// some other stand-in; put back, the same command prints what it printed before.
#[test]
fn a_time_in_the_index_that_is_not_one_is_a_corrupt_store() {
    let env = TestEnv::with_rm_key();
    env.tampered(); // on purpose: the index is changed behind the log's back
    crate::common::stage_clean_source(&env, "demo@1.0.0");
    env.ok(&["--as", "rm", "policy", "set", "demo", "--min-hours", "0"]);
    env.ok(&["--as", "rm", "vote", "start", "demo@1.0.0"]);
    env.ok(&["--as", "pmc1", "vote", "cast", "demo@1.0.0", "+1"]);
    env.ok(&[
        "cve",
        "add",
        "CVE-2026-12345",
        "--title",
        "A flaw",
        "--date",
        "2026-01-02",
    ]);
    let release_show: &[&str] = &["--json", "release", "show", "demo@1.0.0"];
    let vote_status: &[&str] = &["--json", "vote", "status", "demo@1.0.0"];
    let key_list: &[&str] = &["--json", "key", "list"];
    let user_list: &[&str] = &["--json", "user", "list"];
    let role_list: &[&str] = &["--json", "role", "list"];
    let project_show: &[&str] = &["--json", "project", "show", "demo"];
    let policy_history: &[&str] = &["--json", "policy", "history", "demo"];
    let cve_list: &[&str] = &["--json", "cve", "list"];
    for (table, column, bad, args) in [
        ("releases", "created_at", "yesterday", release_show),
        ("revisions", "created_at", "", release_show),
        ("revisions", "frozen_at", "2026-01-02", release_show),
        (
            "signatures",
            "signed_at",
            "2026-01-02 03:04:05",
            release_show,
        ),
        ("stage_history", "at", "soon", release_show),
        (
            "vote_rounds",
            "closes_at",
            "2026-01-02T04:04:05+01:00",
            vote_status,
        ),
        (
            "vote_rounds",
            "opened_at",
            "2026-01-02T03:04:05.5Z",
            vote_status,
        ),
        ("ballots", "cast_at", "42", vote_status),
        ("keys", "imported_at", "then", key_list),
        ("keys", "created_at", "2026-13-01T00:00:00Z", key_list),
        ("users", "created_at", "x", user_list),
        ("roles", "granted_at", "x", role_list),
        ("projects", "created_at", "x", project_show),
        ("policies", "set_at", "x", policy_history),
        ("cves", "created_at", "x", cve_list),
    ] {
        let out = |args: &[&str]| env.ok(args).get_output().stdout.clone();
        let before = out(args);
        let db = env.db();
        let sql = format!("UPDATE {table} SET {column} = ?1 WHERE {column} IS NOT NULL");
        let kept: Vec<(i64, String)> = db
            .prepare(&format!(
                "SELECT rowid, {column} FROM {table} WHERE {column} IS NOT NULL"
            ))
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(!kept.is_empty(), "{table}.{column}: no row to corrupt");
        db.execute(&sql, [bad]).unwrap();
        let err = env.fails(1, args);
        assert!(
            err.contains("corrupt store"),
            "{table}.{column} = {bad:?}: {err}"
        );
        for (rowid, text) in &kept {
            db.execute(
                &format!("UPDATE {table} SET {column} = ?2 WHERE rowid = ?1"),
                rusqlite::params![rowid, text],
            )
            .unwrap();
        }
        assert_eq!(out(args), before, "{table}.{column} put back");
    }
}

/// A comment longer than `vote cast` accepts (one that came through sync, from before the
/// cap) is shown in the status table as its start and how much more there is: the table stays
/// small and fast whatever the comment's length.
#[test]
fn a_huge_comment_is_shown_cut_in_the_status_table() {
    let env = ready();
    env.ok(&["--as", "rm", "vote", "start", "demo@1.2.0"]);
    env.ok(&[
        "--as",
        "pmc1",
        "vote",
        "cast",
        "demo@1.2.0",
        "+1",
        "--comment",
        "short",
    ]);
    let long = format!("{}END", "a".repeat(200_000));
    env.db()
        .execute("UPDATE ballots SET comment = ?1", [&long])
        .unwrap();
    let out = env.ok(&["vote", "status", "demo@1.2.0"]);
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(out.len() < 10_000, "{} bytes of table", out.len());
    assert!(out.contains("bytes more)"), "{out}");
    assert!(!out.contains("END"), "{out}");
    // --json keeps what the index holds.
    let st = status(&env);
    assert_eq!(
        st["voters"][0]["comment"].as_str().map(str::len),
        Some(long.len())
    );
}
