//! SBOMs of real releases, checked by the formats' own validators (pyspdxtools and
//! cyclonedx-python-lib, installed into `.venv` by .ci/run; missing tools FAIL the test).

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{TestEnv, fixture, repo};

fn venv_tool(name: &str) -> PathBuf {
    let venv = std::env::var_os("RELMGR_SBOM_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join(".venv"));
    let p = venv.join("bin").join(name);
    assert!(
        p.exists(),
        "{} is missing: run `python3 -m venv .venv && .venv/bin/pip install spdx-tools 'cyclonedx-python-lib[json-validation]'`",
        p.display()
    );
    p
}

pub fn validate_spdx(file: &Path) {
    let out = std::process::Command::new(venv_tool("pyspdxtools"))
        .arg("-i")
        .arg(file)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && !text.to_lowercase().contains("invalid"),
        "pyspdxtools rejects {}: {text}",
        file.display()
    );
}

pub fn validate_cyclonedx(file: &Path) {
    let out = std::process::Command::new(venv_tool("python"))
        .arg(repo().join("scripts/validate-cyclonedx.py"))
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cyclonedx-python-lib rejects {}: {}{}",
        file.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn released() -> TestEnv {
    let env = TestEnv::with_rm_key();
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    std::fs::create_dir_all(env.path().join("dist")).unwrap();
    for f in ["demo-1.2.0-src.tar.gz", "demo-1.2.0-src.zip"] {
        std::fs::copy(
            fixture(&format!("sbom/{f}")),
            env.path().join("dist").join(f),
        )
        .unwrap();
    }
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "dist",
        "--sign",
        "rm.sec.asc",
    ]);
    let hex = "cd".repeat(32);
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "--external",
        "oci://registry.example.org/demo/server:1.2.0",
        "--sha256",
        &hex,
        "--size",
        "1000",
        "--platform",
        "linux",
        "--arch",
        "x64",
    ]);
    // The lockfile fixtures carry no LICENSE: the RM acknowledges that failing check.
    env.ok(&[
        "--as",
        "rm",
        "vote",
        "start",
        "demo@1.2.0",
        "--acknowledge",
        "source-contents",
    ]);
    for u in ["pmc1", "pmc2", "pmc3"] {
        env.ok(&["--as", u, "vote", "cast", "demo@1.2.0", "+1"]);
    }
    env.ok(&["--as", "rm", "vote", "close", "demo@1.2.0"]);
    env.ok(&["--as", "rm", "promote", "demo@1.2.0"]);
    env
}

#[test]
fn both_formats_validate_and_carry_the_dependencies_and_cves() {
    let env = released();
    for (state, id) in [
        ("resolved", "CVE-2026-1001"),
        ("exploitable", "CVE-2026-1002"),
        ("in_triage", "CVE-2026-1003"),
        ("not_affected", "CVE-2026-1004"),
        ("false_positive", "CVE-2026-1005"),
        ("resolved_with_pedigree", "CVE-2026-1006"),
    ] {
        env.ok(&[
            "cve",
            "add",
            id,
            "--title",
            "A flaw",
            "--date",
            "2026-10-01",
            "--severity",
            "high",
            "--state",
            state,
        ]);
        env.ok(&["cve", "link", id, "demo@1.2.0"]);
    }
    let cdx = env.path().join("demo.cdx.json");
    let spdx = env.path().join("demo.spdx.json");
    env.ok(&[
        "sbom",
        "demo@1.2.0",
        "--format",
        "cyclonedx",
        "-o",
        cdx.to_str().unwrap(),
    ]);
    env.ok(&[
        "sbom",
        "demo@1.2.0",
        "--format",
        "spdx",
        "-o",
        spdx.to_str().unwrap(),
    ]);
    validate_cyclonedx(&cdx);
    validate_spdx(&spdx);
    let doc: Value = serde_json::from_slice(&std::fs::read(&cdx).unwrap()).unwrap();
    assert_eq!(doc["specVersion"], "1.6");
    let purls: Vec<&str> = doc["components"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["purl"].as_str())
        .collect();
    assert!(
        purls.iter().any(|p| p.starts_with("pkg:cargo/")),
        "{purls:?}"
    );
    assert!(purls.iter().any(|p| p.starts_with("pkg:npm/")));
    assert!(purls.iter().any(|p| p.starts_with("pkg:golang/")));
    assert!(purls.iter().any(|p| p.starts_with("pkg:pypi/")));
    let states: Vec<&str> = doc["vulnerabilities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["analysis"]["state"].as_str().unwrap())
        .collect();
    assert_eq!(states.len(), 6);
    let spdx_doc: Value = serde_json::from_slice(&std::fs::read(&spdx).unwrap()).unwrap();
    assert_eq!(spdx_doc["spdxVersion"], "SPDX-2.3");
    assert!(
        !spdx_doc["documentNamespace"]
            .as_str()
            .unwrap()
            .contains('#')
    );
}

#[test]
fn sboms_are_reproducible() {
    let env = released();
    let run = |now: &str| {
        env.set_now(now);
        let a = env
            .ok(&["sbom", "demo@1.2.0", "--format", "cyclonedx"])
            .get_output()
            .stdout
            .clone();
        let b = env
            .ok(&["sbom", "demo@1.2.0", "--format", "spdx"])
            .get_output()
            .stdout
            .clone();
        (a, b)
    };
    let first = run("2027-02-01T00:00:00Z");
    let second = run("2031-07-15T12:34:56Z");
    assert_eq!(first, second, "the clock must not leak into the SBOM");
    // SOURCE_DATE_EPOCH pins the timestamp.
    let pinned = env
        .cmd()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["sbom", "demo@1.2.0", "--format", "cyclonedx"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&pinned).unwrap();
    assert_eq!(doc["metadata"]["timestamp"], "2023-11-14T22:13:20Z");
}

#[test]
fn sbom_errors() {
    let env = released();
    env.fails(6, &["sbom", "demo@9.9.9", "--format", "spdx"]);
    env.fails(6, &["sbom", "nope@1.0", "--format", "spdx"]);
    env.fails(2, &["sbom", "demo@1.2.0", "--format", "swid"]);
}

#[test]
fn publish_puts_signed_sboms_beside_the_packages() {
    let env = released();
    let www = env.path().join("www");
    env.ok(&[
        "--as",
        "rm",
        "publish",
        www.to_str().unwrap(),
        "--key",
        "rm.sec.asc",
    ]);
    let d = www.join("demo/1.2.0");
    for f in ["demo-1.2.0.cdx.json", "demo-1.2.0.spdx.json"] {
        for suffix in ["", ".asc", ".sha512"] {
            assert!(d.join(format!("{f}{suffix}")).is_file(), "{f}{suffix}");
        }
    }
    validate_cyclonedx(&d.join("demo-1.2.0.cdx.json"));
    validate_spdx(&d.join("demo-1.2.0.spdx.json"));
    assert_eq!(
        env.json(&["verify", "--dir", www.join("demo").to_str().unwrap()])["ok"],
        true
    );
    let again = env.json(&[
        "--as",
        "rm",
        "publish",
        www.to_str().unwrap(),
        "--key",
        "rm.sec.asc",
    ]);
    assert_eq!(again["written"], 0, "unchanged SBOMs keep their signatures");
}
