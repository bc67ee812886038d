//! Validation of the documents by the formats' own tools: `pyspdxtools` (spdx-tools) and
//! `scripts/validate-cyclonedx.py` (cyclonedx-python-lib, strict JSON schema validation).
//!
//! The tools live in a Python venv: `$RELMGR_SBOM_VENV`, else `.venv` in the crate root. When
//! they are missing these tests FAIL (they never skip): CI installs them first with
//! `python3 -m venv .venv && .venv/bin/pip install spdx-tools 'cyclonedx-python-lib[json-validation]'`.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::tests::{FIXTURE_PURLS, add_local, all_cves, at, cve, demo, fixture, remote_package};
use super::*;

const INSTALL: &str = "python3 -m venv .venv && .venv/bin/pip install spdx-tools \
                       'cyclonedx-python-lib[json-validation]'";

fn venv() -> PathBuf {
    match std::env::var_os("RELMGR_SBOM_VENV") {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join(".venv"),
    }
}

/// A tool of the venv; panics (fails the test) with the install command when it is missing.
fn tool(name: &str) -> PathBuf {
    let path = venv().join("bin").join(name);
    assert!(
        path.is_file(),
        "SBOM validator {} is missing: set RELMGR_SBOM_VENV to a venv that has it, or run in the \
         crate root: {INSTALL}",
        path.display()
    );
    path
}

fn run(cmd: &mut Command) -> (bool, String) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn write_temp(doc: &str, name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, doc).unwrap();
    (dir, path)
}

/// Asserts that `pyspdxtools -i` accepts the document without any validation message.
fn assert_valid_spdx(doc: &str) {
    let (_dir, path) = write_temp(doc, "sbom.spdx.json");
    let (ok, text) = run(Command::new(tool("pyspdxtools")).arg("-i").arg(&path));
    assert!(
        ok && text.trim().is_empty(),
        "pyspdxtools rejected the SPDX document:\n{text}\n{doc}"
    );
}

/// Asserts that cyclonedx-python-lib's strict validator accepts the document.
fn assert_valid_cyclonedx(doc: &str) {
    let (_dir, path) = write_temp(doc, "sbom.cdx.json");
    let script =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("scripts/validate-cyclonedx.py");
    let (ok, text) = run(Command::new(tool("python")).arg(&script).arg(&path));
    assert!(
        ok,
        "cyclonedx-python-lib rejected the CycloneDX document:\n{text}\n{doc}"
    );
}

fn both_valid(r: &Release) {
    let scan = scan_release(r);
    assert_valid_cyclonedx(&cyclonedx_with(r, "0.9.0", at(1_700_000_000), &scan).unwrap());
    assert_valid_spdx(&spdx_with(r, "0.9.0", at(1_700_000_000), &scan).unwrap());
}

#[test]
fn validators_accept_release_without_cves() {
    both_valid(&demo(vec![]));
}

#[test]
fn validators_accept_cves_of_every_state() {
    both_valid(&demo(all_cves()));
}

#[test]
fn validators_accept_each_cve_state_alone() {
    let mut r = demo(vec![]);
    r.packages.truncate(1);
    for (i, state) in CVE_STATES.iter().enumerate() {
        r.cves = vec![cve("CVE-2024-0001", Some(SEVERITIES[i]), Some(state))];
        assert_valid_cyclonedx(&cyclonedx_with(&r, "0.9.0", at(0), &Scan::default()).unwrap());
    }
}

#[test]
fn validators_accept_external_and_slash_named_packages_only() {
    let mut r = demo(vec![]);
    r.packages = vec![
        remote_package("a/b/c/demo-1.2.0 (x86_64).bin", None),
        remote_package(
            "demo.dmg",
            Some("https://downloads.example.org/demo/demo.dmg"),
        ),
    ];
    both_valid(&r);
}

#[test]
fn validators_accept_minimal_project() {
    let mut r = demo(vec![cve("CVE-2024-0002", None, None)]);
    r.project = Project {
        key: "web".into(),
        name: String::new(),
        description: None,
        homepage: None,
        source_url: None,
        license: Some("Apache-2.0 OR MIT".into()),
        supplier: "Demo (the team)".into(),
    };
    r.target = "demo/web".into();
    r.packages[0].sha512 = None;
    both_valid(&r);
}

#[test]
fn validators_accept_corrupt_archive_marking() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.tar.gz");
    std::fs::write(&bad, b"garbage").unwrap();
    let mut r = demo(all_cves());
    add_local(&mut r, "bad.tar.gz", &bad);
    both_valid(&r);
}

#[test]
fn purls_are_canonical_for_packageurl_python() {
    let code = "import sys\nfrom packageurl import PackageURL\nbad = [p for p in sys.argv[1:] \
                if PackageURL.from_string(p).to_string() != p]\nprint(bad)\nsys.exit(1 if bad else 0)";
    let deps = scan_archive(&fixture("demo-1.2.0-src.zip"), "demo-1.2.0-src.zip").unwrap();
    assert_eq!(deps.len(), FIXTURE_PURLS.len());
    let (ok, text) = run(Command::new(tool("python"))
        .arg("-c")
        .arg(code)
        .args(FIXTURE_PURLS));
    assert!(
        ok,
        "packageurl-python renders these purls differently: {text}"
    );
}
