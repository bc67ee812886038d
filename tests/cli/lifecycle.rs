//! Promote, announce, revoke, CVEs and publish.

use serde_json::Value;

use crate::common::{Gpg, TestEnv, clean_source};

/// demo@VERSION staged, signed by rm and voted through (min_hours 0).
pub(crate) fn passed(env: &TestEnv, version: &str) {
    let r = format!("demo@{version}");
    env.write(
        &format!("dist-{version}/demo-{version}-src.tar.gz"),
        &clean_source(),
    );
    env.ok(&[
        "--as",
        "rm",
        "stage",
        &r,
        &format!("dist-{version}"),
        "--sign",
        "rm.sec.asc",
        "--channel",
        "stable",
    ]);
    env.ok(&["--as", "rm", "vote", "start", &r]);
    for u in ["pmc1", "pmc2", "pmc3"] {
        env.ok(&["--as", u, "vote", "cast", &r, "+1"]);
    }
    assert_eq!(
        env.json(&["--as", "rm", "vote", "close", &r])["outcome"],
        "passed"
    );
}

fn setup() -> TestEnv {
    let env = TestEnv::with_rm_key();
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    env
}

#[test]
fn promote_needs_a_passed_vote_and_the_right_role() {
    let env = setup();
    crate::common::stage_clean_source(&env, "demo@1.0.0");
    env.fails(5, &["--as", "rm", "promote", "demo@1.0.0"]);
    env.ok(&["--as", "rm", "vote", "start", "demo@1.0.0"]);
    env.fails(5, &["--as", "rm", "promote", "demo@1.0.0"]);
    for u in ["pmc1", "pmc2", "pmc3"] {
        env.ok(&["--as", u, "vote", "cast", "demo@1.0.0", "+1"]);
    }
    env.ok(&["--as", "rm", "vote", "close", "demo@1.0.0"]);
    env.fails(4, &["--as", "dev", "promote", "demo@1.0.0"]);
    let r = env.json(&["--as", "rm", "promote", "demo@1.0.0"]);
    assert_eq!(r["stage"], "current");
    assert_eq!(r["phase"], "distributing");
    assert_eq!(env.json(&["project", "show", "demo"])["version"], "1.0.0");
    env.fails(5, &["--as", "rm", "promote", "demo@1.0.0"]);
    let show = env.json(&["release", "show", "demo@1.0.0"]);
    let stages: Vec<&str> = show["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["phase"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(stages, ["draft", "voting", "passed", "distributing"]);
    // Nothing of a current release changes.
    env.fails(5, &["--as", "rm", "stage", "demo@1.0.0", "d"]);
}

#[test]
fn promote_refuses_a_release_that_does_not_verify() {
    let env = setup();
    passed(&env, "1.0.0");
    // Someone swaps a signature in the store's tree.
    let asc = env
        .store_dir()
        .join("releases/demo/1.0.0/rc1/demo-1.0.0-src.tar.gz.asc");
    std::fs::write(
        &asc,
        "-----BEGIN PGP SIGNATURE-----\n\n-----END PGP SIGNATURE-----\n",
    )
    .unwrap();
    env.fails(3, &["--as", "rm", "promote", "demo@1.0.0"]);
}

#[test]
fn archive_prior_and_version_follow_the_newest_current() {
    let env = setup();
    passed(&env, "1.0.0");
    env.ok(&["--as", "rm", "promote", "demo@1.0.0"]);
    passed(&env, "1.10.0");
    passed(&env, "1.9.0");
    env.ok(&["--as", "rm", "promote", "demo@1.10.0", "--archive-prior"]);
    assert_eq!(
        env.json(&["release", "show", "demo@1.0.0"])["phase"],
        "archived"
    );
    env.ok(&["--as", "rm", "promote", "demo@1.9.0"]);
    assert_eq!(
        env.json(&["project", "show", "demo"])["version"],
        "1.10.0",
        "1.10.0 is newer than 1.9.0"
    );
    assert_eq!(
        env.json(&["release", "list", "--stage", "current"])
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        env.json(&["release", "list", "--channel", "stable"])
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        env.json(&["release", "list", "--channel", "beta"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
    env.ok(&["--as", "rm", "revoke", "demo@1.10.0", "--reason", "broken"]);
    assert_eq!(env.json(&["project", "show", "demo"])["version"], "1.9.0");
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

/// SPEC §4: a pre-release orders before its release, so a beta promoted beside its release is
/// never "the newest current release", `--archive-prior` of the release archives the beta, and
/// `release list` shows a target's releases in version order.
#[test]
fn a_beta_orders_before_its_release() {
    let env = setup();
    passed(&env, "2.0.0");
    passed(&env, "2.0.0-beta");
    env.ok(&["--as", "rm", "promote", "demo@2.0.0-beta"]);
    env.ok(&["--as", "rm", "promote", "demo@2.0.0", "--archive-prior"]);
    assert_eq!(
        env.json(&["release", "show", "demo@2.0.0-beta"])["phase"],
        "archived",
        "2.0.0 is later than 2.0.0-beta"
    );
    assert_eq!(env.json(&["project", "show", "demo"])["version"], "2.0.0");
    passed(&env, "2.0.0-M1");
    env.ok(&["--as", "rm", "promote", "demo@2.0.0-M1", "--archive-prior"]);
    assert_eq!(
        env.json(&["release", "show", "demo@2.0.0"])["phase"],
        "distributing",
        "a milestone archives nothing of its release"
    );
    assert_eq!(env.json(&["project", "show", "demo"])["version"], "2.0.0");
    let listed: Vec<String> = env
        .json(&["release", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["version"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(listed, ["2.0.0-beta", "2.0.0-M1", "2.0.0"]);
    assert_eq!(env.json(&["fsck"])["ok"], true);
}

#[test]
fn announce_renders_the_mail() {
    let env = setup();
    passed(&env, "1.0.0");
    env.fails(5, &["--as", "rm", "announce", "demo@1.0.0"]);
    env.ok(&["--as", "rm", "promote", "demo@1.0.0"]);
    env.ok(&[
        "cve",
        "add",
        "CVE-2026-12345",
        "--title",
        "Path traversal in the loader",
        "--date",
        "2026-12-01",
        "--severity",
        "high",
        "--state",
        "resolved",
    ]);
    env.ok(&["cve", "link", "CVE-2026-12345", "demo@1.0.0"]);
    // The download page and KEYS are where the publish put them.
    env.ok(&[
        "--as",
        "rm",
        "publish",
        "pub",
        "--key",
        "rm.sec.asc",
        "--base-url",
        "https://downloads.demo.example.org/",
    ]);
    let a = env.json(&["--as", "rm", "announce", "demo@1.0.0"]);
    assert!(a.get("missing").is_none(), "{a}");
    assert_eq!(a["subject"], "[ANNOUNCE] Demo 1.0.0 released");
    let body = a["body"].as_str().unwrap();
    let sha = env.json(&["release", "show", "demo@1.0.0"])["packages"][0]["sha512"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(body.contains(&sha), "{body}");
    assert!(body.contains("demo-1.0.0-src.tar.gz"));
    assert!(body.contains("Downloads: https://downloads.demo.example.org/demo/\n"));
    assert!(body.contains("KEYS file: https://downloads.demo.example.org/demo/KEYS\n"));
    assert!(body.contains("CVE-2026-12345 Path traversal"));
    assert_eq!(
        env.json(&["release", "show", "demo@1.0.0"])["phase"],
        "announced"
    );
    let tpl = env.write(
        "tpl.txt",
        b"Subject: {name} {version} is out\n\nGet {release} from {download}.\n{packages}",
    );
    let out = env.path().join("mail.txt");
    env.ok(&[
        "--as",
        "rm",
        "announce",
        "demo@1.0.0",
        "--template",
        &tpl,
        "-o",
        out.to_str().unwrap(),
    ]);
    let mail = std::fs::read_to_string(out).unwrap();
    assert!(
        mail.starts_with(
            "Subject: Demo 1.0.0 is out\n\nGet demo@1.0.0 from https://downloads.demo.example.org/demo/."
        ),
        "{mail}"
    );
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn revoke_blocks_the_version() {
    let env = setup();
    env.write("d/demo-2.0.0.txt", b"x");
    env.ok(&["--as", "rm", "stage", "demo@2.0.0", "d"]);
    env.fails(2, &["--as", "rm", "revoke", "demo@2.0.0", "--reason", " "]);
    env.fails(
        6,
        &[
            "--as",
            "rm",
            "revoke",
            "demo@2.0.0",
            "--reason",
            "x",
            "--cve",
            "CVE-2026-0001",
        ],
    );
    env.fails(
        2,
        &[
            "--as",
            "rm",
            "revoke",
            "demo@2.0.0",
            "--reason",
            "x",
            "--cve",
            "CVE-26-1",
        ],
    );
    env.fails(4, &["--as", "dev", "revoke", "demo@2.0.0", "--reason", "x"]);
    env.ok(&[
        "cve",
        "add",
        "CVE-2026-0001",
        "--title",
        "Bad",
        "--date",
        "2026-02-28",
    ]);
    let r = env.json(&[
        "--as",
        "rm",
        "revoke",
        "demo@2.0.0",
        "--reason",
        "ships a backdoor",
        "--cve",
        "CVE-2026-0001",
    ]);
    assert_eq!(r["previous_stage"], "candidate");
    let show = env.json(&["release", "show", "demo@2.0.0"]);
    assert_eq!(show["stage"], "revoked");
    assert_eq!(show["reason"], "ships a backdoor");
    assert_eq!(show["cves"][0], "CVE-2026-0001");
    env.fails(5, &["--as", "rm", "stage", "demo@2.0.0", "d"]);
    env.fails(5, &["--as", "rm", "promote", "demo@2.0.0"]);
    env.fails(
        5,
        &["--as", "rm", "revoke", "demo@2.0.0", "--reason", "again"],
    );
    assert_eq!(
        env.json(&["release", "list", "--stage", "revoked"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn cves_are_validated() {
    let env = setup();
    let before = env.events();
    for args in [
        vec![
            "cve",
            "add",
            "CVE-2026-123",
            "--title",
            "t",
            "--date",
            "2026-01-01",
        ],
        vec![
            "cve",
            "add",
            "cve-2026-1234",
            "--title",
            "t",
            "--date",
            "2026-01-01",
        ],
        vec![
            "cve",
            "add",
            "CVE-2026-1234x",
            "--title",
            "t",
            "--date",
            "2026-01-01",
        ],
        vec![
            "cve",
            "add",
            "CVE-2026-1234",
            "--title",
            "t",
            "--date",
            "2026-02-30",
        ],
        vec![
            "cve",
            "add",
            "CVE-2026-1234",
            "--title",
            "t",
            "--date",
            "2026-13-01",
        ],
        vec![
            "cve",
            "add",
            "CVE-2026-1234",
            "--title",
            "t",
            "--date",
            "01/02/2026",
        ],
        vec![
            "cve",
            "add",
            "CVE-2026-1234",
            "--title",
            "t",
            "--date",
            "2026-01-01",
            "--severity",
            "apocalyptic",
        ],
        vec![
            "cve",
            "add",
            "CVE-2026-1234",
            "--title",
            "t",
            "--date",
            "2026-01-01",
            "--state",
            "fixed",
        ],
        vec![
            "cve",
            "add",
            "CVE-2026-1234",
            "--title",
            "",
            "--date",
            "2026-01-01",
        ],
    ] {
        env.fails(2, &args);
    }
    assert_eq!(env.events(), before);
    env.ok(&[
        "cve",
        "add",
        "CVE-2024-100000",
        "--title",
        "Long id",
        "--date",
        "2024-02-29",
        "--severity",
        "Critical",
    ]);
    env.fails(
        5,
        &[
            "cve",
            "add",
            "CVE-2024-100000",
            "--title",
            "again",
            "--date",
            "2024-02-29",
        ],
    );
    env.fails(
        4,
        &[
            "--as",
            "dev",
            "cve",
            "add",
            "CVE-2024-2000",
            "--title",
            "x",
            "--date",
            "2024-01-01",
        ],
    );
    env.ok(&["cve", "link", "CVE-2024-100000", "demo"]);
    env.fails(6, &["cve", "link", "CVE-2024-100000", "nope"]);
    env.fails(6, &["cve", "link", "CVE-2024-9999", "demo"]);
    let list = env.json(&["cve", "list", "demo"]);
    assert_eq!(list[0]["severity"], "critical");
    assert_eq!(list[0]["links"][0], "demo");
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

fn snapshot(dir: &std::path::Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("snapshot.json")).unwrap()).unwrap()
}

#[test]
fn publish_writes_a_verifiable_tree_and_a_signed_snapshot() {
    let env = setup();
    passed(&env, "1.0.0");
    env.ok(&["--as", "rm", "promote", "demo@1.0.0"]);
    passed(&env, "1.1.0");
    env.ok(&["--as", "rm", "promote", "demo@1.1.0"]);
    let dist = env.path().join("dist-tree");
    env.fails(
        4,
        &[
            "--as",
            "dev",
            "publish",
            dist.to_str().unwrap(),
            "--key",
            "rm.sec.asc",
        ],
    );
    env.fails(
        4,
        &[
            "--as",
            "admin",
            "publish",
            dist.to_str().unwrap(),
            "--key",
            "rm.sec.asc",
        ],
    );
    let r = env.json(&[
        "--as",
        "rm",
        "publish",
        dist.to_str().unwrap(),
        "--key",
        "rm.sec.asc",
    ]);
    assert_eq!(r["version"], 1);
    for v in ["1.0.0", "1.1.0"] {
        let d = dist.join("demo").join(v);
        for f in [
            format!("demo-{v}-src.tar.gz"),
            format!("demo-{v}-src.tar.gz.asc"),
            format!("demo-{v}-src.tar.gz.sha512"),
        ] {
            assert!(d.join(&f).is_file(), "{f}");
        }
        let out = std::process::Command::new("sha512sum")
            .arg("-c")
            .arg(format!("demo-{v}-src.tar.gz.sha512"))
            .current_dir(&d)
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    assert!(dist.join("demo/KEYS").is_file());
    // The snapshot verifies with gpg against the project's KEYS.
    let gpg = Gpg::new();
    gpg.ok(&["--import", dist.join("demo/KEYS").to_str().unwrap()]);
    gpg.ok(&[
        "--verify",
        dist.join("snapshot.json.asc").to_str().unwrap(),
        dist.join("snapshot.json").to_str().unwrap(),
    ]);
    let snap = snapshot(&dist);
    assert!(snap["expires"].is_string());
    let rel = &snap["releases"][0];
    for field in [
        "release", "stage", "phase", "channel", "reason", "cves", "packages",
    ] {
        assert!(rel.get(field).is_some(), "snapshot release lacks {field}");
    }
    assert_eq!(rel["channel"], "stable");
    let p = &rel["packages"][0];
    for field in ["name", "sha512", "size", "path", "platform", "arch"] {
        assert!(p.get(field).is_some(), "snapshot package lacks {field}");
    }
    // The archive's SWHID (issue #30), as `check` computes it.
    let checked = env.json(&["check", "demo@1.0.0"]);
    let row = checked["findings"]
        .as_array()
        .or(checked.as_array())
        .unwrap()
        .iter()
        .find(|f| f["check"] == "archive-integrity" && f["package"] == p["name"])
        .unwrap()
        .clone();
    assert!(
        p["swhid"].as_str().unwrap().starts_with("swh:1:dir:"),
        "{p}"
    );
    assert_eq!(p["swhid"], row["swhid"]);
    // verify --dir accepts the published project.
    assert_eq!(
        env.json(&["verify", "--dir", dist.join("demo").to_str().unwrap()])["ok"],
        true
    );

    // Rerun: nothing changes but the snapshot's version.
    let again = env.json(&[
        "--as",
        "rm",
        "publish",
        dist.to_str().unwrap(),
        "--key",
        "rm.sec.asc",
    ]);
    assert_eq!(again["version"], 2);
    assert_eq!(again["written"], 0);

    // Revoke 1.0.0: its files leave the tree; the snapshot lists it as revoked.
    env.ok(&[
        "cve",
        "add",
        "CVE-2026-7777",
        "--title",
        "RCE",
        "--date",
        "2026-12-24",
    ]);
    env.ok(&[
        "--as",
        "rm",
        "revoke",
        "demo@1.0.0",
        "--reason",
        "CVE-2026-7777",
        "--cve",
        "CVE-2026-7777",
    ]);
    let third = env.json(&[
        "--as",
        "rm",
        "publish",
        dist.to_str().unwrap(),
        "--key",
        "rm.sec.asc",
    ]);
    assert_eq!(third["version"], 3);
    assert!(third["removed"].as_u64().unwrap() >= 3);
    assert!(!dist.join("demo/1.0.0").exists());
    assert!(dist.join("demo/1.1.0/demo-1.1.0-src.tar.gz").is_file());
    let snap = snapshot(&dist);
    let revoked = snap["releases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["release"] == "demo@1.0.0")
        .unwrap();
    assert_eq!(revoked["stage"], "revoked");
    assert_eq!(revoked["reason"], "CVE-2026-7777");
    assert_eq!(revoked["cves"][0], "CVE-2026-7777");
    assert!(revoked["packages"][0].get("path").is_none());
    gpg.ok(&[
        "--verify",
        dist.join("snapshot.json.asc").to_str().unwrap(),
        dist.join("snapshot.json").to_str().unwrap(),
    ]);
    assert_eq!(
        env.json(&["verify", "--dir", dist.join("demo").to_str().unwrap()])["ok"],
        true
    );
}
