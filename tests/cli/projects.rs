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
