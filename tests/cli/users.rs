//! Users, consent and roles.

use crate::common::TestEnv;

#[test]
fn users_and_service_accounts() {
    let env = TestEnv::new();
    let u = env.json(&["user", "add", "ci-bot", "--service"]);
    assert_eq!(u["kind"], "service");
    let u = env.json(&[
        "user",
        "add",
        "carol",
        "--name",
        "Carol",
        "--email",
        "carol@example.org",
        "--consent",
    ]);
    assert_eq!(u["email"], "carol@example.org");
    assert_eq!(u["consent"], true);
    env.fails(5, &["user", "add", "carol"]);
    env.fails(6, &["user", "show", "nobody"]);
    env.fails(2, &["user", "add", "bad/id"]);
    let list = env.json(&["user", "list"]);
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["admin", "carol", "ci-bot"]);
}

#[test]
fn personal_data_needs_consent_or_a_role() {
    let env = TestEnv::with_project();
    let before = env.events();
    let err = env.fails(2, &["user", "add", "eve", "--name", "Eve"]);
    assert!(err.contains("consent"), "{err}");
    assert_eq!(env.events(), before);
    // guest has no role and no consent: no name may be kept.
    env.fails(
        2,
        &["user", "edit", "guest", "--email", "guest@example.org"],
    );
    // dev is a committer: allowed.
    let u = env.json(&[
        "user",
        "edit",
        "dev",
        "--name",
        "Dev Eloper",
        "--email",
        "dev@example.org",
    ]);
    assert_eq!(u["name"], "Dev Eloper");
}

#[test]
fn revoking_consent_erases_personal_data_everywhere() {
    let env = TestEnv::new();
    env.ok(&[
        "user",
        "add",
        "carol",
        "--name",
        "Carol",
        "--email",
        "carol@example.org",
        "--consent",
    ]);
    let r = env.json(&["user", "consent", "carol", "revoke"]);
    assert_eq!(r["erased"], serde_json::json!(["name", "email"]));
    assert_eq!(r["events_erased"], 1);
    let u = env.json(&["user", "show", "carol"]);
    assert_eq!(u["name"], serde_json::Value::Null);
    assert_eq!(u["email"], serde_json::Value::Null);
    assert_eq!(u["consent"], false);
    // Nothing of it is left anywhere in the database file's live rows.
    let hits = env.count("SELECT count(*) FROM events WHERE pii LIKE '%carol@example.org%' OR payload LIKE '%carol@example.org%'");
    assert_eq!(hits, 0);
    // The chain still verifies: erasure touches only the erasable column.
    let log = env.json(&["log"]);
    let last = log.as_array().unwrap().last().unwrap();
    assert_eq!(last["type"], "user.consent.revoke");
    assert!(
        relmgr::store::events::verify_chain(&env.db())
            .unwrap()
            .is_empty()
    );
    // Consent can be given again.
    assert_eq!(
        env.json(&["user", "consent", "carol", "grant"])["consent"],
        true
    );
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn a_user_may_withdraw_their_own_consent() {
    let env = TestEnv::new();
    env.ok(&[
        "user",
        "add",
        "carol",
        "--email",
        "carol@example.org",
        "--consent",
    ]);
    env.ok(&["user", "add", "dan", "--consent"]);
    env.fails(4, &["--as", "dan", "user", "consent", "carol", "revoke"]);
    assert_eq!(
        env.json(&["user", "show", "carol"])["email"],
        "carol@example.org",
        "a refused revoke erases nothing"
    );
    env.ok(&["--as", "carol", "user", "consent", "carol", "revoke"]);
    let carol = env.json(&["user", "show", "carol"]);
    assert_eq!(carol["email"], serde_json::Value::Null, "{carol}");
    assert_eq!(carol["consent"], false, "{carol}");
    // Nor does the email survive in the store's events or tables.
    let _ = env.db().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);");
    let db = std::fs::read(env.store_dir().join("index.db")).unwrap();
    assert!(
        !String::from_utf8_lossy(&db).contains("carol@example.org"),
        "the erased email is still in index.db"
    );
    assert_eq!(env.json(&["fsck"])["ok"], true);
}

#[test]
fn losing_the_last_committer_role_erases_unconsented_data() {
    let env = TestEnv::with_project();
    env.ok(&["user", "edit", "dev", "--email", "dev@example.org"]);
    let r = env.json(&["role", "revoke", "demo", "dev", "committer"]);
    assert_eq!(r["erased"], serde_json::json!(["email"]));
    assert_eq!(
        env.json(&["user", "show", "dev"])["email"],
        serde_json::Value::Null
    );
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn roles_grant_revoke_list() {
    let env = TestEnv::with_project();
    let r = env.json(&["role", "grant", "demo", "guest", "committer"]);
    assert_eq!(r["changed"], true);
    let r = env.json(&["role", "grant", "demo", "guest", "committer"]);
    assert_eq!(r["changed"], false);
    env.ok(&["role", "grant", "store", "guest", "member"]);
    let roles = env.json(&["role", "list", "demo"]);
    assert!(
        roles
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["user"] == "guest" && g["role"] == "committer")
    );
    let r = env.json(&["role", "revoke", "demo", "guest", "committer"]);
    assert_eq!(r["changed"], true);
    env.fails(2, &["role", "grant", "demo", "guest", "admin"]);
    env.fails(2, &["role", "grant", "store", "guest", "pmc"]);
    env.fails(2, &["role", "grant", "demo", "guest", "king"]);
    env.fails(2, &["role", "grant", "demo/web", "guest", "pmc"]);
    env.fails(6, &["role", "grant", "nope", "guest", "pmc"]);
    env.fails(6, &["role", "grant", "demo", "nobody", "pmc"]);
    env.fails(5, &["role", "revoke", "store", "admin", "admin"]);
    let u = env.json(&["user", "show", "guest"]);
    assert_eq!(u["roles"][0]["role"], "member");
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}
