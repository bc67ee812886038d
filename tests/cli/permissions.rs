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
    env.ok(&["--as", "rm", "product", "create", "demo/x", "--name", "X"]);
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
    for u in ["pmc1", "rm", "dev", "guest", "admin"] {
        env.ok(&["--as", u, "log", "demo"]);
    }
    // The whole log: members and admins only.
    env.ok(&["--as", "guest", "log"]);
    env.ok(&["--as", "admin", "log"]);
    for u in ["pmc1", "rm", "dev"] {
        refused(&env, u, &["log"], "member or admin");
    }
}
