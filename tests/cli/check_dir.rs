//! `relmgr check --dir DIR [--keys KEYS]`: the voter's kit on a downloaded candidate, run
//! where no store is (`RELMGR_STORE` unset, no `.relmgr` above), and its bad variants.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::checks_real::{AIRFLOW, airflow_env, stage, tar_gz};
use crate::common::{TestEnv, fixture};

/// Stages `files` into `release`, signed by rm, and copies the revision's tree (packages,
/// `.asc`, `.sha512`) and the project's KEYS into a fresh download directory.
pub fn candidate(env: &TestEnv, release: &str, files: &[&str]) -> PathBuf {
    stage(env, release, files, &[]);
    let (target, version) = release.split_once('@').unwrap();
    let tree = env
        .store_dir()
        .join("releases")
        .join(target)
        .join(version)
        .join("rc1");
    let dl = tempfile::tempdir().unwrap().keep();
    for e in std::fs::read_dir(&tree).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dl.join(e.file_name())).unwrap();
    }
    let keys = dl.join("KEYS");
    env.ok(&["key", "export", target, "-o", keys.to_str().unwrap()]);
    dl
}

/// `check --dir` from a bare temp dir with no store anywhere above it.
fn check_dir(dir: &Path, extra: &[&str], code: i32) -> Vec<Value> {
    let voter = TestEnv::bare();
    let mut args = vec!["--json", "check", "--dir", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    let a = voter.run(&args).code(code);
    let out = a.get_output();
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap_or_else(|e| {
            panic!(
                "{e}: {} {}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        })
        .as_array()
        .unwrap()
        .clone()
}

/// `check --json --dir DIR` run in `cwd` (any exit code): its findings.
pub fn check_dir_in(cwd: &Path, dir: &Path, extra: &[&str]) -> Vec<Value> {
    let mut cmd = TestEnv::bare().cmd();
    cmd.current_dir(cwd);
    cmd.args(["--json", "check", "--dir", dir.to_str().unwrap()]);
    cmd.args(extra);
    let out = cmd.output().unwrap();
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
        .as_array()
        .unwrap()
        .clone()
}

fn row<'a>(f: &'a [Value], package: &str, check: &str) -> &'a Value {
    f.iter()
        .find(|x| x["package"] == package && x["check"] == check)
        .unwrap_or_else(|| panic!("no {check} row for {package}: {f:#?}"))
}

#[test]
fn a_downloaded_candidate_passes_with_no_store() {
    let env = airflow_env();
    let dl = candidate(
        &env,
        "airflow-providers-http@6.3.0",
        &[&fixture(&format!("realworld/{AIRFLOW}"))],
    );
    assert!(!TestEnv::bare().path().join(".relmgr").exists());
    let f = check_dir(&dl, &[], 0);
    for check in [
        "signature",
        "checksum",
        "archive-integrity",
        "archive-paths",
        "source-contents",
        "compiled-files",
        "layout",
    ] {
        assert_eq!(row(&f, AIRFLOW, check)["result"], "pass", "{check}: {f:#?}");
    }
    // As RAT reads the sdist (issue #30): `.gitignore` and a `.txt` have no header.
    let h = row(&f, AIRFLOW, "license-headers");
    assert_eq!(h["result"], "warn", "{h}");
    assert_eq!(h["level"], "warning");
    assert!(h["reason"].as_str().unwrap().contains("/.gitignore"), "{h}");
    assert_eq!(row(&f, AIRFLOW, "naming")["result"], "skip");
    // The table, and --keys naming another file.
    let voter = TestEnv::bare();
    let out = voter
        .ok(&["check", "--dir", dl.to_str().unwrap()])
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8_lossy(&out);
    assert!(table.contains("0 fail"), "{table}");
    let keys = dl.join("KEYS");
    let moved = voter.path().join("project-KEYS");
    std::fs::rename(&keys, &moved).unwrap();
    let f = check_dir(&dl, &[], 3);
    assert_eq!(
        row(&f, AIRFLOW, "signature")["result"],
        "fail",
        "no KEYS: {f:#?}"
    );
    let f = check_dir(&dl, &["--keys", moved.to_str().unwrap()], 0);
    assert_eq!(row(&f, AIRFLOW, "signature")["result"], "pass");
}

#[test]
fn a_bad_signature_fails() {
    let env = airflow_env();
    let other = env.write(
        "other/apache_airflow_providers_http-6.3.0.txt",
        b"other bytes",
    );
    let dl = candidate(
        &env,
        "airflow-providers-http@6.3.0",
        &[&fixture(&format!("realworld/{AIRFLOW}")), &other],
    );
    std::fs::copy(
        dl.join("apache_airflow_providers_http-6.3.0.txt.asc"),
        dl.join(format!("{AIRFLOW}.asc")),
    )
    .unwrap();
    let f = check_dir(&dl, &[], 3);
    let sig = row(&f, AIRFLOW, "signature");
    assert_eq!(sig["result"], "fail");
    assert!(
        sig["reason"].as_str().unwrap().contains("bad signature"),
        "{sig}"
    );
}

#[test]
fn a_missing_sha512_fails() {
    let env = airflow_env();
    let dl = candidate(
        &env,
        "airflow-providers-http@6.3.0",
        &[&fixture(&format!("realworld/{AIRFLOW}"))],
    );
    std::fs::remove_file(dl.join(format!("{AIRFLOW}.sha512"))).unwrap();
    let f = check_dir(&dl, &[], 3);
    let sum = row(&f, AIRFLOW, "checksum");
    assert_eq!(sum["result"], "fail");
    assert!(sum["reason"].as_str().unwrap().contains(".sha512"), "{sum}");
    let layout = row(&f, AIRFLOW, "layout");
    assert!(
        layout["reason"].as_str().unwrap().contains("no SHA-512"),
        "{layout}"
    );
}

#[test]
fn a_jar_inside_a_source_archive_warns() {
    let env = TestEnv::with_rm_key();
    let tgz = tar_gz(
        &env,
        "demo-1.2.0.tar.gz",
        "demo-1.2.0",
        &[
            ("LICENSE", b"Apache License 2.0"),
            ("NOTICE", b"Demo"),
            (
                "src/A.java",
                b"// SPDX-License-Identifier: Apache-2.0\nclass A {}\n",
            ),
            (
                "src/B.java",
                b"// SPDX-License-Identifier: Apache-2.0\nclass B {}\n",
            ),
            ("lib/dep.jar", b"PK\x03\x04 not really"),
        ],
    );
    let dl = candidate(&env, "demo@1.2.0", &[&tgz]);
    let f = check_dir(&dl, &["--strict"], 3);
    let c = row(&f, "demo-1.2.0.tar.gz", "compiled-files");
    assert_eq!(c["result"], "warn", "{c}");
    assert!(
        c["reason"].as_str().unwrap().contains("Java archive"),
        "{c}"
    );
    assert_eq!(c["entries"][0], "demo-1.2.0/lib/dep.jar");
}

/// A demo source tree with one extra file, as a downloaded candidate.
fn demo_with(env: &TestEnv, extra: (&str, &[u8])) -> PathBuf {
    let tgz = tar_gz(
        env,
        "demo-1.2.0.tar.gz",
        "demo-1.2.0",
        &[
            ("LICENSE", b"Apache License 2.0"),
            ("NOTICE", b"Demo"),
            (
                "src/A.java",
                b"// SPDX-License-Identifier: Apache-2.0\nclass A {}\n",
            ),
            extra,
        ],
    );
    candidate(env, "demo@1.2.0", &[&tgz])
}

#[test]
fn a_header_less_cmakelists_warns() {
    let env = TestEnv::with_rm_key();
    let dl = demo_with(
        &env,
        (
            "cpp/CMakeLists.txt",
            b"cmake_minimum_required(VERSION 3.16)\n",
        ),
    );
    let f = check_dir(&dl, &[], 0);
    let h = row(&f, "demo-1.2.0.tar.gz", "license-headers");
    assert_eq!(h["result"], "warn", "{h}");
    assert_eq!(h["entries"][0], "demo-1.2.0/cpp/CMakeLists.txt", "{h}");
    check_dir(&dl, &["--strict"], 3);
}

#[test]
fn a_gpl_headed_file_fails() {
    let env = TestEnv::with_rm_key();
    let dl = demo_with(
        &env,
        (
            "src/vendored.c",
            b"/* SPDX-License-Identifier: GPL-3.0-only */\nint x;\n",
        ),
    );
    let f = check_dir(&dl, &[], 3);
    let h = row(&f, "demo-1.2.0.tar.gz", "license-headers");
    assert_eq!(h["result"], "fail", "{h}");
    let reason = h["reason"].as_str().unwrap();
    assert!(
        reason.contains("GPL-3.0-only is incompatible with Apache-2.0"),
        "{reason}"
    );
}
