//! Scale: list commands read many releases with a few queries (so their views must equal what
//! `show` says of each one), `--limit` and `--since` page through releases and events, and fsck
//! stays exact on a store with many objects.

use serde_json::Value;

use crate::common::TestEnv;

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| r["release"].as_str().unwrap().to_string())
        .collect()
}

/// Releases made on three days, in an order where text and version order differ, one with a
/// product, one voted and passed, one with a signature, one revoked with a CVE.
fn store_with_releases() -> TestEnv {
    let env = TestEnv::with_rm_key();
    env.ok(&["product", "create", "demo/web", "--name", "Web"]);
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    env.set_now("2027-01-06T10:00:00Z");
    for v in ["1.10.0", "1.9.0"] {
        env.write(&format!("d{v}/demo-{v}.tar.gz"), v.as_bytes());
        env.ok(&[
            "--as",
            "rm",
            "stage",
            &format!("demo@{v}"),
            &format!("d{v}"),
        ]);
    }
    env.set_now("2027-01-07T10:00:00Z");
    env.write("s/demo-2.0.0.tar.gz", b"two");
    env.write("s/demo-2.0.0.zip", b"two zip");
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@2.0.0",
        "s",
        "--sign",
        "rm.sec.asc",
        "--channel",
        "beta",
    ]);
    env.write("w/web-2.1.0.tar.gz", b"web");
    env.ok(&["--as", "rm", "stage", "demo/web@2.1.0", "w"]);
    env.set_now("2027-01-08T10:00:00Z");
    env.write("t/demo-1.2.0.txt", b"one two");
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "t",
        "--sign",
        "rm.sec.asc",
    ]);
    env.ok(&["--as", "rm", "vote", "start", "demo@1.2.0", "--vote", "+1"]);
    for u in ["pmc1", "pmc2", "pmc3"] {
        env.ok(&["--as", u, "vote", "cast", "demo@1.2.0", "+1"]);
    }
    env.ok(&["--as", "rm", "vote", "close", "demo@1.2.0"]);
    env.write("t/demo-1.2.0.txt", b"one two three");
    // A second revision after the vote: the list shows rc2, the history keeps rc1's vote.
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "t",
        "--sign",
        "rm.sec.asc",
    ]);
    env.ok(&[
        "cve",
        "add",
        "CVE-2027-1234",
        "--title",
        "T",
        "--date",
        "2027-01-01",
    ]);
    env.ok(&["cve", "link", "CVE-2027-1234", "demo"]);
    env.ok(&[
        "cve",
        "add",
        "CVE-2027-4321",
        "--title",
        "U",
        "--date",
        "2027-01-02",
    ]);
    env.ok(&[
        "--as",
        "rm",
        "revoke",
        "demo@1.9.0",
        "--reason",
        "broken",
        "--cve",
        "CVE-2027-4321",
    ]);
    env
}

#[test]
fn every_listed_release_is_what_show_says_of_it() {
    let env = store_with_releases();
    let list = env.json(&["release", "list"]);
    assert_eq!(
        names(&list),
        [
            "demo@1.2.0",
            "demo@1.9.0",
            "demo@1.10.0",
            "demo@2.0.0",
            "demo/web@2.1.0"
        ]
    );
    for item in list.as_array().unwrap() {
        let show = env.json(&["release", "show", item["release"].as_str().unwrap()]);
        assert_eq!(item, &show, "{}", item["release"]);
    }
    let voted = &list[0];
    assert_eq!(voted["revision"], "rc2");
    assert_eq!(voted["revisions"][0]["vote"], "passed");
    assert_eq!(voted["revisions"][1]["vote"], Value::Null);
    assert_eq!(voted["cves"], serde_json::json!(["CVE-2027-1234"]));
    assert_eq!(
        list[1]["cves"],
        serde_json::json!(["CVE-2027-1234", "CVE-2027-4321"])
    );
    assert_eq!(list[3]["packages"].as_array().unwrap().len(), 2);
    assert_eq!(
        list[3]["packages"][0]["signatures"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(list[2]["packages"][0]["signatures"], serde_json::json!([]));
    assert_eq!(
        list[4]["cves"],
        serde_json::json!([]),
        "a product's CVEs are its own"
    );
}

/// The human `release list` reads slim rows (one query), not the full views: for every filter
/// its table must hold the rows the `--json` views give, in the same order.
#[test]
fn human_release_list_rows_are_the_json_views() {
    let env = store_with_releases();
    let filters: &[&[&str]] = &[
        &[],
        &["demo"],
        &["demo/web"],
        &["--stage", "candidate"],
        &["--stage", "revoked"],
        &["--channel", "beta"],
        &["--since", "2027-01-07", "--limit", "2"],
        &["demo", "--limit", "3"],
    ];
    for f in filters {
        let mut args = vec!["release", "list"];
        args.extend_from_slice(f);
        let expected: Vec<Vec<String>> = env
            .json(&args)
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                let mut row = vec![
                    v["release"].as_str().unwrap().to_string(),
                    v["revision"].as_str().unwrap().to_string(),
                    v["stage"].as_str().unwrap().to_string(),
                ];
                row.extend(v["phase"].as_str().map(str::to_string));
                row.push(v["packages"].as_array().unwrap().len().to_string());
                row
            })
            .collect();
        let human = String::from_utf8(env.ok(&args).get_output().stdout.clone()).unwrap();
        let rows: Vec<Vec<String>> = human
            .lines()
            .filter(|l| l.contains('@'))
            .map(|l| {
                l.split(|c: char| "│┆".contains(c) || c.is_whitespace())
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .collect();
        assert_eq!(rows, expected, "release list {f:?}:\n{human}");
        if expected.is_empty() {
            assert_eq!(human, "No releases.\n");
        }
    }
}

#[test]
fn release_list_pages_with_limit_and_since() {
    let env = store_with_releases();
    let page = env.json(&["release", "list", "--since", "2027-01-07", "--limit", "2"]);
    assert_eq!(names(&page), ["demo@1.2.0", "demo@2.0.0"]);
    let page = env.json(&["release", "list", "demo", "--since", "2027-01-07T10:00:00Z"]);
    assert_eq!(names(&page), ["demo@1.2.0", "demo@2.0.0", "demo/web@2.1.0"]);
    let page = env.json(&["release", "list", "--limit", "1", "--stage", "revoked"]);
    assert_eq!(names(&page), ["demo@1.9.0"]);
    let page = env.json(&["release", "list", "--channel", "beta", "--limit", "5"]);
    assert_eq!(names(&page), ["demo@2.0.0"]);
    assert!(names(&env.json(&["release", "list", "--limit", "0"])).is_empty());
    assert!(names(&env.json(&["release", "list", "--since", "2027-02-01"])).is_empty());
    env.fails(2, &["release", "list", "--since", "yesterday"]);
    env.fails(2, &["release", "list", "--limit", "-1"]);
    let human = env
        .ok(&["release", "list", "--limit", "2"])
        .get_output()
        .stdout
        .clone();
    let human = String::from_utf8(human).unwrap();
    assert!(
        human.contains("demo@1.2.0") && human.contains("demo@1.9.0"),
        "{human}"
    );
    assert!(!human.contains("demo@1.10.0"), "{human}");
}

#[test]
fn log_pages_with_limit_and_since() {
    let env = store_with_releases();
    let all = env.json(&["log"]);
    let all = all.as_array().unwrap();
    let first = env.json(&["log", "--limit", "3"]);
    assert_eq!(first.as_array().unwrap(), &all[..3]);
    let since: Vec<&Value> = all
        .iter()
        .filter(|e| e["time"].as_str().unwrap() >= "2027-01-07")
        .collect();
    let page = env.json(&["log", "--since", "2027-01-07", "--limit", "2"]);
    assert_eq!(
        page.as_array().unwrap().iter().collect::<Vec<_>>(),
        since[..2]
    );
    // One target: the release and nothing that merely starts with its text.
    let one = env.json(&["log", "demo@1.2.0", "--limit", "100"]);
    assert!(one.as_array().unwrap().len() >= 6);
    assert!(
        one.as_array()
            .unwrap()
            .iter()
            .all(|e| e["target"] == "demo@1.2.0")
    );
    let web = env.json(&["log", "demo/web"]);
    assert_eq!(web.as_array().unwrap().len(), 2, "{web}");
    env.fails(2, &["log", "--limit", "x"]);
}

#[test]
fn fsck_stays_exact_on_a_store_with_many_objects() {
    let env = TestEnv::with_rm_key();
    for i in 0..40 {
        for j in 0..5 {
            env.write(
                &format!("r{i}/demo-1.0.{i}-part{j}.txt"),
                format!("{i} {j}").as_bytes(),
            );
        }
        let release = format!("demo@1.0.{i}");
        let dir = format!("r{i}");
        if i % 10 == 0 {
            env.ok(&[
                "--as",
                "rm",
                "stage",
                &release,
                &dir,
                "--sign",
                "rm.sec.asc",
            ]);
        } else {
            env.ok(&["--as", "rm", "stage", &release, &dir]);
        }
    }
    let r = env.json(&["fsck"]);
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["objects"], 200);
    assert_eq!(r["packages"], 200);
    assert_eq!(r["signatures"], 20);
    assert_eq!(r["findings"], serde_json::json!([]));
    assert_eq!(r["notes"], serde_json::json!([]));

    // One object changed, one tree file gone: exactly those are found, among 200.
    let sha: String = env
        .db()
        .query_row(
            "SELECT sha256 FROM packages WHERE name = 'demo-1.0.17-part3.txt'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let object = env
        .store_dir()
        .join("objects/sha256")
        .join(&sha[..2])
        .join(&sha[2..]);
    let mut perms = std::fs::metadata(&object).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&object, perms).unwrap();
    std::fs::write(&object, b"changed").unwrap();
    std::fs::remove_file(
        env.store_dir()
            .join("releases/demo/1.0.30/rc1/demo-1.0.30-part1.txt"),
    )
    .unwrap();
    let out = env
        .run(&["--json", "fsck"])
        .code(3)
        .get_output()
        .stdout
        .clone();
    let r: Value = serde_json::from_slice(&out).unwrap();
    let found: Vec<(String, String)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().into(),
                f["place"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "object".into(),
                format!("objects/sha256/{}/{}", &sha[..2], &sha[2..])
            ),
            (
                "package".into(),
                "demo@1.0.17 rc1 demo-1.0.17-part3.txt".into()
            ),
            (
                "tree".into(),
                "releases/demo/1.0.30/rc1/demo-1.0.30-part1.txt".into()
            ),
        ]
    );
    // --repair rebuilds the tree; the changed bytes stay a finding.
    env.run(&["fsck", "--repair"]).code(3);
    assert!(
        env.store_dir()
            .join("releases/demo/1.0.30/rc1/demo-1.0.30-part1.txt")
            .is_file()
    );
}
