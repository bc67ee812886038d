//! `relmgr check` on real release archives staged under their real names (`fixtures/realworld/`):
//! source trees known by their content, `stage --source`/`--binary` (replayed by `fsck`),
//! skipped checks said, PyPI names.

use serde_json::Value;

use crate::common::{TestEnv, fixture};

pub const AIRFLOW: &str = "apache_airflow_providers_http-6.3.0.tar.gz";

/// A project `airflow-providers-http` (Apache-2.0) with `rm` as its RM holding `rm.sec.asc`.
pub fn airflow_env() -> TestEnv {
    let env = TestEnv::with_rm_key();
    env.ok(&[
        "project",
        "create",
        "airflow-providers-http",
        "--name",
        "Apache Airflow HTTP provider",
        "--license",
        "Apache-2.0",
    ]);
    env.ok(&["role", "grant", "airflow-providers-http", "rm", "rm"]);
    env
}

/// Stages `files` (paths) into `release` signed by rm, with extra stage flags.
pub fn stage(env: &TestEnv, release: &str, files: &[&str], flags: &[&str]) {
    let mut args = vec!["--as", "rm", "stage", release];
    args.extend_from_slice(files);
    args.extend_from_slice(&["--sign", "rm.sec.asc"]);
    args.extend_from_slice(flags);
    env.ok(&args);
}

/// `check --json` findings, asserting the exit code.
pub fn findings(env: &TestEnv, args: &[&str], code: i32) -> Vec<Value> {
    let mut full = vec!["--json", "check"];
    full.extend_from_slice(args);
    let out = env.run(&full).code(code).get_output().stdout.clone();
    serde_json::from_slice::<Value>(&out)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out)))
        .as_array()
        .unwrap()
        .clone()
}

/// The rows of `check` for `package`, as `(check, result)`.
pub fn rows<'a>(f: &'a [Value], package: &str) -> Vec<(&'a str, &'a str)> {
    f.iter()
        .filter(|x| x["package"] == package)
        .map(|x| (x["check"].as_str().unwrap(), x["result"].as_str().unwrap()))
        .collect()
}

#[test]
fn a_real_sdist_under_its_real_name_gets_every_source_check() {
    let env = airflow_env();
    stage(
        &env,
        "airflow-providers-http@6.3.0",
        &[&fixture(&format!("realworld/{AIRFLOW}"))],
        &[],
    );
    let f = findings(&env, &["airflow-providers-http@6.3.0"], 0);
    assert_eq!(
        rows(&f, AIRFLOW),
        [
            ("signature", "pass"),
            ("checksum", "pass"),
            ("archive-integrity", "pass"),
            ("archive-paths", "pass"),
            ("source-contents", "pass"),
            ("compiled-files", "pass"),
            ("license-headers", "pass"),
            ("naming", "pass"),
            ("layout", "pass"),
        ],
        "{f:#?}"
    );
    let release = f.iter().find(|x| x["package"] == "(release)").unwrap();
    assert_eq!(release["result"], "pass", "{release}");
    assert!(
        release["reason"]
            .as_str()
            .unwrap()
            .ends_with("1 package, 1 source archive"),
        "{release}"
    );
    for x in &f {
        assert!(!x["reason"].as_str().unwrap().contains(AIRFLOW), "{x}");
    }
}

#[test]
fn stage_binary_skips_the_source_checks_and_fsck_replays_the_flag() {
    let env = airflow_env();
    stage(
        &env,
        "airflow-providers-http@6.3.0",
        &[&fixture(&format!("realworld/{AIRFLOW}"))],
        &["--binary"],
    );
    let f = findings(&env, &["airflow-providers-http@6.3.0"], 0);
    let skipped: Vec<&Value> = f.iter().filter(|x| x["result"] == "skip").collect();
    assert_eq!(skipped.len(), 3, "{f:#?}");
    for x in skipped {
        assert!(x["reason"].as_str().unwrap().contains("--binary"), "{x}");
    }
    let release = f.iter().find(|x| x["package"] == "(release)").unwrap();
    assert_eq!(release["result"], "warn", "no source archive: {release}");
    let table = env.ok(&["check", "airflow-providers-http@6.3.0"]);
    let out = String::from_utf8_lossy(&table.get_output().stdout).into_owned();
    assert!(out.contains("skip") && out.contains("3 skip"), "{out}");
    assert_eq!(env.json(&["fsck"])["ok"], true, "the flag replays");
    // --source on a binary archive: checked as source (its class file warns).
    let bin = fixture("checks/demo-1.2.0-bin.tar.gz");
    stage(&env, "demo@1.2.0", &[&bin], &["--source"]);
    let f = findings(&env, &["demo@1.2.0"], 0);
    let compiled = f.iter().find(|x| x["check"] == "compiled-files").unwrap();
    assert_eq!(compiled["result"], "warn", "{compiled}");
    assert_eq!(env.json(&["fsck"])["ok"], true, "the flag replays");
    let log = env.json(&["log", "demo@1.2.0"]);
    let staged = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "release.stage")
        .unwrap();
    assert_eq!(staged["payload"]["packages"][0]["source"], true, "{staged}");
    env.fails(
        2,
        &[
            "--as",
            "rm",
            "stage",
            "demo@1.2.0",
            &bin,
            "--source",
            "--binary",
        ],
    );
}

/// A source tar.gz `NAME` under the test dir, made by the system's tar from `files`
/// (`(path below the top directory, content)`), top directory `top`.
pub fn tar_gz(env: &TestEnv, name: &str, top: &str, files: &[(&str, &[u8])]) -> String {
    let work = env.path().join(format!("work-{name}"));
    for (path, content) in files {
        let p = work.join(top).join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    let out = env.path().join("dist").join(name);
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let ok = std::process::Command::new("tar")
        .args(["--sort=name", "-czf"])
        .arg(&out)
        .arg("-C")
        .arg(&work)
        .arg(top)
        .status()
        .unwrap()
        .success();
    assert!(ok);
    out.to_string_lossy().into_owned()
}

#[test]
fn json_lists_every_flagged_file_and_the_table_says_so() {
    let env = TestEnv::with_rm_key();
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("LICENSE".into(), b"Apache License 2.0".to_vec()),
        ("NOTICE".into(), b"Demo".to_vec()),
    ];
    for i in 0..25 {
        files.push((format!("src/F{i:02}.java"), b"class F {}\n".to_vec()));
    }
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_slice()))
        .collect();
    let tgz = tar_gz(&env, "demo-1.2.0.tar.gz", "demo-1.2.0", &refs);
    stage(&env, "demo@1.2.0", &[&tgz], &[]);
    let f = findings(&env, &["demo@1.2.0"], 0);
    let h = f.iter().find(|x| x["check"] == "license-headers").unwrap();
    assert_eq!(h["result"], "warn", "{h}");
    assert_eq!(h["entries"].as_array().unwrap().len(), 25, "{h}");
    assert_eq!(h["entries_total"], 25);
    let out = env.ok(&["check", "demo@1.2.0"]).get_output().stdout.clone();
    let table = String::from_utf8_lossy(&out);
    assert!(
        table.contains("(and 5 more: --json lists them all)"),
        "{table}"
    );
    assert!(!table.contains("F20.java"), "{table}");
}

#[test]
fn header_licenses_let_an_mit_project_go_without_headers() {
    let env = TestEnv::with_rm_key();
    let tgz = tar_gz(
        &env,
        "demo-1.2.0.tar.gz",
        "demo-1.2.0",
        &[
            ("LICENSE", b"MIT License"),
            ("NOTICE", b"Demo"),
            ("index.js", b"module.exports = 1;\n"),
            (
                "lib/a.js",
                b"// SPDX-License-Identifier: MIT\nmodule.exports = 2;\n",
            ),
        ],
    );
    stage(&env, "demo@1.2.0", &[&tgz], &[]);
    let f = findings(&env, &["demo@1.2.0", "--strict"], 3);
    let h = f.iter().find(|x| x["check"] == "license-headers").unwrap();
    assert_eq!(
        h["result"], "warn",
        "an Apache-2.0 project wants headers: {h}"
    );
    env.fails(
        2,
        &[
            "--as",
            "rm",
            "project",
            "edit",
            "demo",
            "--header-license",
            "NOT-A-LICENSE",
        ],
    );
    env.ok(&[
        "--as",
        "rm",
        "project",
        "edit",
        "demo",
        "--header-license",
        "MIT",
    ]);
    assert_eq!(
        env.json(&["project", "show", "demo"])["header_licenses"][0],
        "MIT"
    );
    let f = findings(&env, &["demo@1.2.0", "--strict"], 0);
    let h = f.iter().find(|x| x["check"] == "license-headers").unwrap();
    assert!(
        h["reason"]
            .as_str()
            .unwrap()
            .contains("not required for MIT"),
        "{h}"
    );
    assert_eq!(env.json(&["fsck"])["ok"], true, "the edit replays");
    env.ok(&[
        "--as",
        "rm",
        "project",
        "edit",
        "demo",
        "--header-license",
        "",
    ]);
    assert!(env.json(&["project", "show", "demo"])["header_licenses"].is_null());
    assert_eq!(env.json(&["fsck"])["ok"], true);
}
