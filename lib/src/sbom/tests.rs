//! Tests of the SBOM documents: NTIA minimum elements, reproducibility, CVEs, archives.
//! The format validators run in `tests_validate.rs`, the archive scanner in `tests_deps.rs`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde_json::Value;
use sha2::{Digest, Sha256, Sha512};

use super::*;

/// The committed fixture archives (made by `fixtures/make-sbom-archives.sh`).
pub(super) fn fixture(name: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("fixtures/sbom")
        .join(name)
}

fn hashes(bytes: &[u8]) -> (String, String) {
    (
        hex::encode(Sha256::digest(bytes)),
        hex::encode(Sha512::digest(bytes)),
    )
}

/// Adds a package whose bytes are at `path`: its record, and where its bytes are.
pub(super) fn add_local(r: &mut Release, name: &str, path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    let (sha256, sha512) = hashes(&bytes);
    r.files.insert(sha256.clone(), path.to_path_buf());
    r.packages.push(Package {
        name: name.to_string(),
        size: bytes.len() as u64,
        sha256,
        sha512: Some(sha512),
        media_type: None,
        platform: None,
        arch: None,
        channel: None,
        external_url: None,
        source: None,
    });
}

/// A package without bytes here (a binary named with `/`, or an external one).
pub(super) fn remote_package(name: &str, external_url: Option<&str>) -> Package {
    let (sha256, sha512) = hashes(name.as_bytes());
    Package {
        name: name.to_string(),
        size: 1234,
        sha256,
        sha512: Some(sha512),
        media_type: Some("application/octet-stream".into()),
        platform: Some("linux".into()),
        arch: Some("x86_64".into()),
        channel: Some("stable".into()),
        external_url: external_url.map(str::to_string),
        source: None,
    }
}

/// One CVE.
pub(super) fn cve(id: &str, severity: Option<&str>, state: Option<&str>) -> Cve {
    Cve {
        id: id.parse().unwrap(),
        title: format!("Flaw {id} in the demo parser"),
        date: "2024-05-17".to_string(),
        severity: severity.map(str::to_string),
        state: state.map(str::to_string),
        created_at: "2024-05-17T00:00:00Z".parse().unwrap(),
        links: vec![],
    }
}

/// A CVE in every state, plus one without state and one with an unknown state and severity.
pub(super) fn all_cves() -> Vec<Cve> {
    let mut v: Vec<Cve> = CVE_STATES
        .iter()
        .zip(SEVERITIES.iter().cycle())
        .enumerate()
        .map(|(i, (st, sev))| cve(&format!("CVE-2024-{:05}", 9 - i), Some(sev), Some(st)))
        .collect();
    v.push(cve("CVE-2023-00001", None, None));
    v.push(cve("CVE-2023-00002", Some("Severe"), Some("wontfix")));
    v
}

/// The demo release: the two fixture archives, a binary named with `/`, an external package.
pub(super) fn demo(cves: Vec<Cve>) -> Release {
    let mut r = Release {
        project: Project {
            key: "demo".into(),
            name: "Apache Demo".into(),
            description: Some("A demo project".into()),
            homepage: Some("https://demo.apache.org/".into()),
            source_url: Some("https://github.com/apache/demo".into()),
            license: Some("Apache-2.0".into()),
            supplier: "The Apache Software Foundation".into(),
        },
        target: "demo".into(),
        version: "1.2.0".into(),
        revision: "rc1".into(),
        created_at: "2024-06-01T12:34:56.789Z".parse().unwrap(),
        packages: vec![remote_package(
            "demo-1.2.0.dmg",
            Some("https://downloads.example.org/demo/demo-1.2.0.dmg"),
        )],
        files: BTreeMap::new(),
        cves,
    };
    add_local(&mut r, "demo-1.2.0-src.zip", &fixture("demo-1.2.0-src.zip"));
    r.packages.push(remote_package(
        "linux/x86_64/demo-1.2.0-linux-x86_64.tar.gz",
        None,
    ));
    add_local(
        &mut r,
        "demo-1.2.0-src.tar.gz",
        &fixture("demo-1.2.0-src.tar.gz"),
    );
    r
}

pub(super) fn at(secs: i64) -> Timestamp {
    Timestamp::from_second(secs).unwrap()
}

pub(super) fn cdx(r: &Release) -> Value {
    serde_json::from_str(&cyclonedx_with(r, "0.9.0", r.created_at, &scan_release(r)).unwrap())
        .unwrap()
}

pub(super) fn spdx_doc(r: &Release) -> Value {
    serde_json::from_str(&spdx_with(r, "0.9.0", r.created_at, &scan_release(r)).unwrap()).unwrap()
}

/// The purls the fixture archives' lockfiles pin, sorted.
pub(super) const FIXTURE_PURLS: &[&str] = &[
    "pkg:cargo/serde@1.0.210",
    "pkg:cargo/wasi@0.11.0%2Bwasi-snapshot-preview1",
    "pkg:golang/github.com/BurntSushi/toml@v1.4.0",
    "pkg:golang/github.com/spf13/cobra@v1.8.1",
    "pkg:golang/golang.org/x/sys@v0.21.0",
    "pkg:npm/%40babel/code-frame@7.24.7",
    "pkg:npm/js-tokens@4.0.0",
    "pkg:npm/left-pad@1.3.0",
    "pkg:pypi/requests@2.31.0",
    "pkg:pypi/typing-extensions@4.12.2",
    "pkg:pypi/uvicorn@0.30.1",
];

#[test]
fn ntia_minimum_elements_cyclonedx() {
    let r = demo(all_cves());
    let d = cdx(&r);
    let m = &d["metadata"];
    assert_eq!(m["timestamp"], "2024-06-01T12:34:56Z", "timestamp");
    assert_eq!(
        m["authors"][0]["name"], "The Apache Software Foundation",
        "author"
    );
    assert_eq!(
        m["supplier"]["name"], "The Apache Software Foundation",
        "supplier"
    );
    assert!(d["serialNumber"].as_str().unwrap().starts_with("urn:uuid:"));
    let release = &m["component"];
    assert_eq!(
        (release["name"].as_str(), release["version"].as_str()),
        (Some("Apache Demo"), Some("1.2.0"))
    );
    assert_eq!(
        release["supplier"]["name"],
        "The Apache Software Foundation"
    );
    let comps = d["components"].as_array().unwrap();
    assert_eq!(comps.len(), 4 + FIXTURE_PURLS.len());
    let mut refs = BTreeSet::from([release["bom-ref"].as_str().unwrap()]);
    for c in comps {
        assert!(
            c["name"].as_str().is_some_and(|s| !s.is_empty()),
            "name: {c}"
        );
        assert!(
            c["version"].as_str().is_some_and(|s| !s.is_empty()),
            "version: {c}"
        );
        assert!(
            refs.insert(c["bom-ref"].as_str().unwrap()),
            "unique bom-ref: {c}"
        );
        match c["type"].as_str().unwrap() {
            "file" => {
                assert!(c["supplier"]["name"].is_string(), "file supplier");
                assert_eq!(c["hashes"].as_array().unwrap().len(), 2, "hashes");
            }
            _ => assert!(c["purl"].is_string(), "library purl"),
        }
    }
    let deps = d["dependencies"].as_array().unwrap();
    let dep_refs: BTreeSet<&str> = deps.iter().map(|x| x["ref"].as_str().unwrap()).collect();
    assert_eq!(dep_refs, refs, "every bom-ref appears in dependencies");
    assert_eq!(
        deps[0]["dependsOn"].as_array().unwrap().len(),
        4,
        "release → files"
    );
    let tar = deps
        .iter()
        .find(|x| x["ref"].as_str().unwrap().ends_with("src.tar.gz"))
        .unwrap();
    assert_eq!(
        tar["dependsOn"].as_array().unwrap().len(),
        FIXTURE_PURLS.len(),
        "file → libraries"
    );
    let tool = &m["tools"]["components"][0];
    assert_eq!(
        (tool["name"].as_str(), tool["version"].as_str()),
        (Some("relmgr"), Some("0.9.0"))
    );
}

#[test]
fn ntia_minimum_elements_spdx() {
    let r = demo(vec![]);
    let d = spdx_doc(&r);
    let ci = &d["creationInfo"];
    assert_eq!(ci["created"], "2024-06-01T12:34:56Z", "timestamp");
    let creators: Vec<&str> = ci["creators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(
        creators,
        [
            "Tool: relmgr-0.9.0",
            "Organization: The Apache Software Foundation"
        ]
    );
    let ns = d["documentNamespace"].as_str().unwrap();
    assert!(ns.starts_with("https://relmgr.invalid/spdx/demo-1.2.0-rc1-") && !ns.contains('#'));
    let pkgs = d["packages"].as_array().unwrap();
    assert_eq!(pkgs.len(), 1 + 4 + FIXTURE_PURLS.len());
    let mut ids = BTreeSet::new();
    for p in pkgs {
        let id = p["SPDXID"].as_str().unwrap();
        assert!(
            id.starts_with("SPDXRef-")
                && id[8..]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'),
            "{id}"
        );
        assert!(ids.insert(id), "unique id {id}");
        assert!(
            p["name"].as_str().is_some_and(|s| !s.is_empty()),
            "name: {p}"
        );
        assert!(
            p["versionInfo"].as_str().is_some_and(|s| !s.is_empty()),
            "version: {p}"
        );
        assert!(p["supplier"].is_string(), "supplier: {p}");
        if p["primaryPackagePurpose"] == "LIBRARY" {
            assert_eq!(p["externalRefs"][0]["referenceType"], "purl");
        } else {
            assert_eq!(
                p["supplier"],
                "Organization: The Apache Software Foundation"
            );
        }
    }
    let rels = d["relationships"].as_array().unwrap();
    let count = |ty: &str| rels.iter().filter(|x| x["relationshipType"] == ty).count();
    assert_eq!(count("DESCRIBES"), 1);
    assert_eq!(rels[0]["relatedSpdxElement"], "SPDXRef-Release");
    assert_eq!(count("CONTAINS"), 4);
    assert_eq!(count("DEPENDS_ON"), 2 * FIXTURE_PURLS.len());
    let slash = pkgs
        .iter()
        .find(|p| p["packageFileName"] == "linux/x86_64/demo-1.2.0-linux-x86_64.tar.gz")
        .unwrap();
    assert_eq!(
        slash["SPDXID"],
        "SPDXRef-File-linux-x86-64-demo-1.2.0-linux-x86-64.tar.gz-4"
    );
    let ext = pkgs.iter().find(|p| p["name"] == "demo-1.2.0.dmg").unwrap();
    assert_eq!(
        ext["downloadLocation"],
        "https://downloads.example.org/demo/demo-1.2.0.dmg"
    );
    assert_eq!(ext["primaryPackagePurpose"], "FILE");
}

#[test]
fn reproducible_same_input_same_bytes() {
    let r = demo(all_cves());
    let (a, b) = (
        cyclonedx_with(&r, "1", at(1), &scan_release(&r)),
        cyclonedx_with(&r, "1", at(1), &scan_release(&r)),
    );
    assert_eq!(a.unwrap(), b.unwrap());
    let (a, b) = (
        spdx_with(&r, "1", at(1), &scan_release(&r)),
        spdx_with(&r, "1", at(1), &scan_release(&r)),
    );
    assert_eq!(a.unwrap(), b.unwrap());
    // Input order does not matter.
    let mut shuffled = r.clone();
    shuffled.packages.reverse();
    shuffled.cves.reverse();
    let s = scan_release(&shuffled);
    assert_eq!(
        cyclonedx_with(&shuffled, "1", at(1), &s).unwrap(),
        cyclonedx_with(&r, "1", at(1), &s).unwrap()
    );
    assert_eq!(
        spdx_with(&shuffled, "1", at(1), &s).unwrap(),
        spdx_with(&r, "1", at(1), &s).unwrap()
    );
}

#[test]
fn ids_change_with_content_only() {
    let r = demo(vec![]);
    let id = |r: &Release| (document_uuid(r, "cyclonedx"), document_uuid(r, "spdx"));
    assert_eq!(id(&r), id(&r.clone()));
    let mut later = r.clone();
    later.created_at = at(2_000_000_000);
    assert_eq!(id(&r), id(&later), "time is not identity");
    let mut other = r.clone();
    other.packages[0].sha256 = "0".repeat(64);
    assert_ne!(id(&r).0, id(&other).0);
    let mut rc2 = r.clone();
    rc2.revision = "rc2".into();
    assert_ne!(id(&r).1, id(&rc2).1);
    assert_ne!(id(&r).0, id(&r).1, "the two documents differ");
}

#[test]
fn source_date_epoch_overrides_created_at() {
    assert_eq!(
        source_date_epoch(Some("1700000000")),
        Some(at(1_700_000_000))
    );
    assert_eq!(source_date_epoch(Some("soon")), None);
    assert_eq!(source_date_epoch(None), None);
    let r1 = demo(all_cves());
    let mut r2 = r1.clone();
    r2.created_at = at(1_000_000_000);
    // SAFETY: no other test reads or writes SOURCE_DATE_EPOCH; std's env lock guards the rest.
    unsafe { std::env::set_var("SOURCE_DATE_EPOCH", "1700000000") };
    let docs = (
        cyclonedx(&r1, "1"),
        cyclonedx(&r2, "1"),
        spdx(&r1, "1"),
        spdx(&r2, "1"),
    );
    let t = document_time(&r2);
    unsafe { std::env::remove_var("SOURCE_DATE_EPOCH") };
    assert_eq!(t, at(1_700_000_000));
    let (c1, c2, s1, s2) = (
        docs.0.unwrap(),
        docs.1.unwrap(),
        docs.2.unwrap(),
        docs.3.unwrap(),
    );
    assert_eq!(c1, c2);
    assert_eq!(s1, s2);
    assert!(c1.contains("\"timestamp\": \"2023-11-14T22:13:20Z\"") && c1.ends_with("}\n"));
    assert!(s1.contains("\"created\": \"2023-11-14T22:13:20Z\"") && s1.ends_with("}\n"));
}

fn one_vuln(state: Option<&str>, severity: Option<&str>) -> Value {
    let d = cdx(&demo(vec![cve("CVE-2024-1234", severity, state)]));
    d["vulnerabilities"][0].clone()
}

macro_rules! cve_state_tests {
    ($($t:ident => $state:literal),* $(,)?) => {$(
        #[test]
        fn $t() {
            let v = one_vuln(Some($state), Some("High"));
            assert_eq!(v["analysis"]["state"], $state);
            assert_eq!(v["ratings"][0]["severity"], "high");
            assert_eq!(v["id"], "CVE-2024-1234");
            assert_eq!(v["source"]["url"], "https://nvd.nist.gov/vuln/detail/CVE-2024-1234");
            assert_eq!(v["published"], "2024-05-17T00:00:00Z");
            assert_eq!(v["affects"][0]["ref"], "relmgr:release/demo@1.2.0");
        }
    )*};
}

cve_state_tests! {
    cve_state_resolved => "resolved",
    cve_state_resolved_with_pedigree => "resolved_with_pedigree",
    cve_state_exploitable => "exploitable",
    cve_state_in_triage => "in_triage",
    cve_state_false_positive => "false_positive",
    cve_state_not_affected => "not_affected",
}

#[test]
fn cve_unknown_state_and_severity_are_left_out() {
    let v = one_vuln(Some("wontfix"), Some("severe"));
    assert!(
        v.get("analysis").is_none() && v.get("ratings").is_none(),
        "{v}"
    );
    let v = one_vuln(None, None);
    assert!(
        v.get("analysis").is_none() && v.get("ratings").is_none(),
        "{v}"
    );
    assert_eq!(CVE_STATES.len(), 6);
    assert_eq!(SEVERITIES.len(), 7);
    let ids: Vec<String> = cdx(&demo(all_cves()))["vulnerabilities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "CVEs sorted by id");
}
