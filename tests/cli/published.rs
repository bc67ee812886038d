//! `verify --dir` on a whole tree written by `publish` (projects, KEYS, a signed snapshot), with
//! gpg and Sequoia's `sqv` as judges of every published signature.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{Gpg, PAST, TestEnv, sqv_ok};
use crate::lifecycle::passed;

/// demo@1.0.0 and demo@1.1.0 current, published to `dist-tree` at [`PAST`] (sqv judges by the
/// real clock).
fn published() -> (TestEnv, PathBuf) {
    let env = TestEnv::with_project_at(PAST);
    env.ok(&[
        "--as",
        "rm",
        "key",
        "generate",
        "--user",
        "rm",
        "-o",
        "rm.sec.asc",
    ]);
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    for v in ["1.0.0", "1.1.0"] {
        passed(&env, v);
        env.ok(&["--as", "rm", "promote", &format!("demo@{v}")]);
    }
    let dist = env.path().join("dist-tree");
    env.ok(&[
        "--as",
        "rm",
        "publish",
        dist.to_str().unwrap(),
        "--key",
        "rm.sec.asc",
    ]);
    (env, dist)
}

fn verify_tree(env: &TestEnv, dist: &Path, code: i32) -> Value {
    let out = env
        .run(&["--json", "verify", "--dir", dist.to_str().unwrap()])
        .code(code)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn sqv_and_gpg_verify_every_published_signature_with_the_published_keys() {
    let (_env, dist) = published();
    let keys = dist.join("demo/KEYS");
    let gpg = Gpg::new();
    gpg.ok(&["--import", keys.to_str().unwrap()]);
    let mut n = 0;
    for e in walkdir::WalkDir::new(&dist) {
        let p = e.unwrap().into_path();
        if p.extension().is_some_and(|x| x == "asc") {
            let data = p.with_extension("");
            assert_eq!(sqv_ok(&[&keys], 1, &p, &data).len(), 1, "{}", p.display());
            gpg.ok(&["--verify", p.to_str().unwrap(), data.to_str().unwrap()]);
            n += 1;
        }
    }
    // Two packages, four SBOMs, the snapshot.
    assert_eq!(n, 7);
}

#[test]
fn verify_dir_checks_a_published_tree_and_its_snapshot() {
    let (env, dist) = published();
    let v = verify_tree(&env, &dist, 0);
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["snapshot"]["signature"], "ok", "{v}");
    assert_eq!(v["snapshot"]["packages"], 2, "{v}");
    assert!(
        v["packages"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["name"].as_str().unwrap().starts_with("demo/")),
        "snapshot.json is no package: {v}"
    );
    let human = env
        .ok(&["verify", "--dir", dist.to_str().unwrap()])
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8_lossy(&human).contains("Snapshot"),
        "{}",
        String::from_utf8_lossy(&human)
    );

    // A tampered snapshot.
    let snap = dist.join("snapshot.json");
    let original = std::fs::read_to_string(&snap).unwrap();
    std::fs::write(&snap, original.replace("\"stable\"", "\"beta\"")).unwrap();
    let v = verify_tree(&env, &dist, 3);
    assert_eq!(v["snapshot"]["signature"], "bad", "{v}");
    std::fs::write(&snap, &original).unwrap();
    verify_tree(&env, &dist, 0);

    // A package swapped for other bytes with a matching .sha512 and a good signature by the
    // same key: every sidecar agrees, only the snapshot tells.
    let dir = dist.join("demo/1.1.0");
    let pkg = dir.join("demo-1.1.0-src.tar.gz");
    std::fs::remove_file(&pkg).unwrap();
    std::fs::write(&pkg, b"not the voted bytes").unwrap();
    let sum = std::process::Command::new("sha512sum")
        .arg("demo-1.1.0-src.tar.gz")
        .current_dir(&dir)
        .output()
        .unwrap();
    std::fs::write(dir.join("demo-1.1.0-src.tar.gz.sha512"), sum.stdout).unwrap();
    let gpg = Gpg::new();
    gpg.ok(&["--import", env.path().join("rm.sec.asc").to_str().unwrap()]);
    env.set_now("2026-11-24T14:00:00Z"); // after gpg's signature
    gpg.ok(&[
        "--faked-system-time",
        "20261124T130000",
        "--armor",
        "--detach-sign",
        "-o",
        dir.join("demo-1.1.0-src.tar.gz.asc").to_str().unwrap(),
        pkg.to_str().unwrap(),
    ]);
    let v = verify_tree(&env, &dist, 3);
    let p = v["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "demo/1.1.0/demo-1.1.0-src.tar.gz")
        .unwrap();
    assert_eq!(
        (&p["checksum"], &p["signature"]),
        (&"ok".into(), &"ok".into()),
        "{v}"
    );
    let problems = v["snapshot"]["problems"].to_string();
    assert!(problems.contains("demo/1.1.0/demo-1.1.0-src.tar.gz"), "{v}");

    // A listed package that is gone.
    std::fs::remove_file(&pkg).unwrap();
    let v = verify_tree(&env, &dist, 3);
    assert!(
        v["snapshot"]["problems"].to_string().contains("missing"),
        "{v}"
    );
}
