//! The event log: one event per mutation, chained by hash, filterable.

use crate::common::TestEnv;

#[test]
fn every_mutation_appends_one_chained_event() {
    let env = TestEnv::with_project();
    let before = env.events();
    env.ok(&["project", "edit", "demo", "--description", "d"]);
    assert_eq!(env.events(), before + 1);
    // Reads append nothing.
    env.ok(&["project", "show", "demo"]);
    env.ok(&["log"]);
    assert_eq!(env.events(), before + 1);

    let log = env.json(&["log"]);
    let events = log.as_array().unwrap();
    assert_eq!(events[0]["prev_hash"], "0".repeat(64));
    for pair in events.windows(2) {
        assert_eq!(pair[1]["prev_hash"], pair[0]["hash"]);
        assert_eq!(
            pair[1]["seq"].as_i64().unwrap(),
            pair[0]["seq"].as_i64().unwrap() + 1
        );
    }
    let last = events.last().unwrap();
    for field in [
        "seq",
        "time",
        "actor",
        "type",
        "target",
        "payload",
        "hash",
        "prev_hash",
    ] {
        assert!(last.get(field).is_some(), "{field}");
    }
    assert_eq!(last["type"], "project.edit");
    assert_eq!(last["actor"], "admin");
    assert_eq!(last["time"], crate::common::T0);
}

#[test]
fn editing_an_event_row_breaks_the_chain() {
    let env = TestEnv::with_project();
    env.tampered(); // on purpose: the log need not replay
    let db = env.db();
    assert!(relmgr::store::events::verify_chain(&db).unwrap().is_empty());
    // The schema refuses the edit outright...
    assert!(
        db.execute("UPDATE events SET actor = 'mallory' WHERE seq = 2", [])
            .is_err()
    );
    // ...and a tamperer who drops the trigger is still caught by the chain.
    db.execute_batch(
        "DROP TRIGGER events_no_update; UPDATE events SET actor = 'mallory' WHERE seq = 2;",
    )
    .unwrap();
    let breaks = relmgr::store::events::verify_chain(&db).unwrap();
    assert_eq!(breaks.len(), 1);
    assert_eq!(breaks[0].seq, 2);
}

#[test]
fn log_filters_by_target_and_time() {
    let env = TestEnv::with_project();
    env.ok(&["project", "create", "other", "--name", "Other"]);
    env.set_now("2027-02-01T00:00:00Z");
    env.ok(&["product", "create", "demo/web", "--name", "Web"]);
    let demo = env.json(&["log", "demo"]);
    assert!(demo.as_array().unwrap().iter().all(|e| {
        let t = e["target"].as_str().unwrap();
        t == "demo" || t.starts_with("demo/") || t.starts_with("demo@")
    }));
    assert!(
        demo.as_array()
            .unwrap()
            .iter()
            .any(|e| e["target"] == "demo/web")
    );
    let since = env.json(&["log", "--since", "2027-01-31"]);
    assert_eq!(since.as_array().unwrap().len(), 1);
    assert_eq!(since[0]["type"], "product.create");
    env.fails(2, &["log", "--since", "2026-13-01"]);
    env.fails(6, &["log", "nope"]);
    env.fails(2, &["log", "Bad Target"]);
}

#[test]
fn the_clock_is_relmgr_now() {
    let env = TestEnv::new();
    env.set_now("2030-06-01T12:34:56+02:00");
    env.ok(&["project", "create", "demo", "--name", "Demo"]);
    let p = env.json(&["project", "show", "demo"]);
    assert_eq!(p["created_at"], "2030-06-01T10:34:56Z");
}

/// A release manager who asks for every event is told where their own events are.
#[test]
fn a_refused_whole_log_points_at_the_users_projects() {
    let env = TestEnv::with_project();
    let err = env.fails(4, &["--as", "rm", "log"]);
    assert!(err.contains("relmgr log demo"), "{err}");
    env.run_as("rm", &["log", "demo"]).success();
}

/// A version written as a tag (`v1.0.0`) names no release: the message says which one was
/// meant. One with its revision (`1.0.0-RC1`) is a usage error that says how to name it.
#[test]
fn a_near_miss_release_name_says_what_was_meant() {
    let env = TestEnv::with_rm_key();
    crate::common::stage_clean_source(&env, "demo@1.0.0");
    let err = env.fails(6, &["release", "show", "demo@v1.0.0"]);
    assert!(err.contains("did you mean demo@1.0.0?"), "{err}");
    let err = env.fails(2, &["release", "show", "demo@1.0.0-RC1"]);
    assert!(err.contains("use --revision"), "{err}");
    let err = env.fails(6, &["release", "show", "demo@2.0.0"]);
    assert!(err.contains("relmgr release list demo"), "{err}");
}
