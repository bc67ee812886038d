//! Projects and products.

use crate::common::TestEnv;

#[test]
fn create_show_edit_and_list_projects() {
    let env = TestEnv::new();
    let p = env.json(&[
        "project",
        "create",
        "commons-io",
        "--name",
        "Commons IO",
        "--description",
        "IO utilities",
        "--homepage",
        "https://commons.apache.org/io",
        "--source",
        "https://github.com/apache/commons-io",
        "--license",
        "Apache-2.0",
        "--support",
        "https://issues.apache.org/jira/browse/IO",
        "--notify",
        "dev@commons.apache.org",
    ]);
    assert_eq!(p["key"], "commons-io");
    assert_eq!(p["license"], "Apache-2.0");
    assert_eq!(p["notify_emails"][0], "dev@commons.apache.org");
    let p = env.json(&[
        "project",
        "edit",
        "commons-io",
        "--description",
        "",
        "--license",
        "MIT OR Apache-2.0",
    ]);
    assert_eq!(p["description"], serde_json::Value::Null);
    assert_eq!(p["license"], "MIT OR Apache-2.0");
    assert_eq!(p["name"], "Commons IO");
    let list = env.json(&["project", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["key"], "commons-io");
    let shown = env.json(&["project", "show", "commons-io"]);
    assert_eq!(shown["homepage"], "https://commons.apache.org/io");
    env.fails(5, &["project", "create", "commons-io", "--name", "again"]);
}

#[test]
fn bad_metadata_is_refused_and_nothing_changes() {
    let env = TestEnv::new();
    let before = env.events();
    for args in [
        vec![
            "project",
            "create",
            "demo",
            "--name",
            "D",
            "--license",
            "Apache 2",
        ],
        vec![
            "project",
            "create",
            "demo",
            "--name",
            "D",
            "--homepage",
            "ftp://x.org",
        ],
        vec![
            "project", "create", "demo", "--name", "D", "--notify", "nobody",
        ],
        vec!["project", "create", "demo", "--name", ""],
        vec!["project", "create", "demo"],
        vec!["project", "create", "-demo", "--name", "D"],
        vec!["project", "create", "de mo", "--name", "D"],
        vec!["project", "create", "demo\u{1b}", "--name", "D"],
    ] {
        env.fails(2, &args);
    }
    assert_eq!(env.events(), before);
    assert_eq!(env.count("SELECT count(*) FROM projects"), 0);
}

#[test]
fn products_belong_to_projects() {
    let env = TestEnv::with_project();
    let p = env.json(&[
        "product",
        "create",
        "demo/web",
        "--name",
        "Demo Web",
        "--license",
        "MIT",
    ]);
    assert_eq!(p["target"], "demo/web");
    assert_eq!(p["project"], "demo");
    env.fails(6, &["product", "create", "nope/web", "--name", "x"]);
    env.fails(5, &["product", "create", "demo/web", "--name", "x"]);
    env.fails(2, &["product", "create", "demo", "--name", "x"]);
    env.fails(2, &["product", "create", "demo/We b", "--name", "x"]);
    let p = env.json(&[
        "product",
        "edit",
        "demo/web",
        "--homepage",
        "https://web.example.org",
    ]);
    assert_eq!(p["homepage"], "https://web.example.org");
    assert_eq!(
        env.json(&["product", "show", "demo/web"])["name"],
        "Demo Web"
    );
    assert_eq!(
        env.json(&["product", "list", "demo"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(env.json(&["product", "list"]).as_array().unwrap().len(), 1);
    assert_eq!(
        env.json(&["project", "show", "demo"])["products"][0],
        "demo/web"
    );
    env.fails(6, &["product", "show", "demo/nope"]);
    env.fails(6, &["product", "list", "nope"]);
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn required_flags_are_required_in_clap_and_in_help() {
    let env = TestEnv::with_project();
    // clap's own usage error (exit 2), naming the flag, and nothing recorded.
    let before = env.events();
    for args in [
        &["project", "create", "other"][..],
        &["product", "create", "demo/web"][..],
    ] {
        let err = env.fails(2, args);
        assert!(
            err.contains("the following required arguments were not provided")
                && err.contains("--name <NAME>"),
            "{args:?}: {err}"
        );
        let mut help = args[..2].to_vec();
        help.push("--help");
        let out = env.ok(&help).get_output().stdout.clone();
        let out = String::from_utf8_lossy(&out);
        let usage = out.lines().find(|l| l.starts_with("Usage:")).unwrap();
        assert!(
            usage.contains("--name <NAME>"),
            "{args:?}: the usage line shows --name as required: {usage}"
        );
    }
    // `policy set` needs at least one change, and --checklist excludes --clear-checklist.
    let err = env.fails(2, &["policy", "set", "demo"]);
    assert!(
        err.contains("the following required arguments were not provided")
            && err.contains("--min-hours"),
        "{err}"
    );
    env.write("c.md", b"- [ ] check the signatures\n");
    let err = env.fails(
        2,
        &[
            "policy",
            "set",
            "demo",
            "--checklist",
            "c.md",
            "--clear-checklist",
        ],
    );
    assert!(err.contains("cannot be used with"), "{err}");
    assert_eq!(env.events(), before);
    // Edit still takes any subset.
    env.ok(&["project", "edit", "demo", "--description", "d"]);
}
