//! SPEC §1's permission table, as far as the commands exist: each refusal is exit 4 and names
//! the role that would allow it, and changes nothing.

use crate::common::TestEnv;

fn refused(env: &TestEnv, user: &str, args: &[&str], needs: &str) {
    let before = env.events();
    let mut full = vec!["--as", user];
    full.extend_from_slice(args);
    let err = env.fails(4, &full);
    assert!(err.contains(needs), "{user} {args:?}: {err}");
    assert_eq!(env.events(), before, "a refusal changed the store");
}

#[test]
fn metadata_is_managed_by_pmc_rm_and_admin() {
    let env = TestEnv::with_project();
    for u in ["pmc1", "rm", "admin"] {
        env.ok(&[
            "--as",
            u,
            "project",
            "edit",
            "demo",
            "--description",
            &format!("by {u}"),
        ]);
        assert_eq!(
            env.json(&["project", "show", "demo"])["description"],
            format!("by {u}"),
            "{u}'s edit is read back"
        );
    }
    for u in ["dev", "guest"] {
        refused(
            &env,
            u,
            &["project", "edit", "demo", "--description", "x"],
            "pmc or rm",
        );
        refused(
            &env,
            u,
            &["product", "create", "demo/x", "--name", "X"],
            "pmc or rm",
        );
    }
    assert_eq!(
        env.json(&["project", "show", "demo"])["description"],
        "by admin",
        "refused edits changed nothing"
    );
    assert!(
        env.json(&["product", "list", "demo"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    env.ok(&["--as", "rm", "product", "create", "demo/x", "--name", "X"]);
    assert_eq!(env.json(&["product", "show", "demo/x"])["name"], "X");
}

#[test]
fn only_admins_create_projects_and_grant_store_roles() {
    let env = TestEnv::with_project();
    for u in ["pmc1", "rm", "dev", "guest"] {
        refused(
            &env,
            u,
            &["project", "create", "other", "--name", "O"],
            "admin",
        );
        refused(
            &env,
            u,
            &["role", "grant", "store", "guest", "member"],
            "admin",
        );
    }
}

#[test]
fn project_roles_are_granted_by_pmc_and_admin() {
    let env = TestEnv::with_project();
    env.ok(&[
        "--as",
        "pmc1",
        "role",
        "grant",
        "demo",
        "guest",
        "committer",
    ]);
    for u in ["rm", "dev"] {
        refused(
            &env,
            u,
            &["role", "grant", "demo", "guest", "pmc"],
            "pmc of the project",
        );
    }
}

#[test]
fn users_are_added_by_admin_and_pmc() {
    let env = TestEnv::with_project();
    env.ok(&["--as", "pmc2", "user", "add", "newbie"]);
    for u in ["rm", "dev", "guest"] {
        refused(&env, u, &["user", "add", "x"], "admin, or pmc");
    }
}

#[test]
fn event_visibility() {
    let env = TestEnv::with_project();
    env.ok(&["role", "grant", "store", "guest", "member"]);
    // Anyone known may read a project's events.
    let project_events = env.json(&["--as", "admin", "log", "demo"]);
    let project_events = project_events.as_array().unwrap();
    assert!(!project_events.is_empty());
    for u in ["pmc1", "rm", "dev", "guest", "admin"] {
        let seen = env.json(&["--as", u, "log", "demo"]);
        let seen = seen.as_array().unwrap();
        assert_eq!(seen, project_events, "{u} sees the project's events");
        assert!(
            seen.iter()
                .all(|e| e["target"].as_str().unwrap().starts_with("demo"))
        );
    }
    // The whole log: members and admins only, and it holds more than the project's events.
    let all = env.json(&["--as", "guest", "log"]);
    assert_eq!(all, env.json(&["--as", "admin", "log"]));
    let all = all.as_array().unwrap();
    assert!(all.len() > project_events.len());
    assert!(all.iter().any(|e| e["type"] == "user.add"));
    for u in ["pmc1", "rm", "dev"] {
        refused(&env, u, &["log"], "member or admin");
    }
}
