//! `verify --dir` on a tree that `publish` wrote (SPEC §4): `<project>[/<product>]/<version>/`
//! directories of packages, a `KEYS` per project, and a signed `snapshot.json`. Each package is
//! checked against its own project's `KEYS`; `snapshot.json` is no package: its signature is
//! checked against the projects' keys, and every package it lists with a path must be in the
//! tree with the listed SHA-512 and size, so a package swapped together with its `.sha512` and a
//! good `.asc` is still caught.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use crate::distdir::DistDir;
use crate::pgp::{self, Keyring};

use super::verify::{PackageCheck, SignatureLine, read_signed};

/// The snapshot's file names at the top of a published tree.
pub const SNAPSHOT: &str = "snapshot.json";
const SNAPSHOT_ASC: &str = "snapshot.json.asc";

/// The verdict on `snapshot.json`.
#[derive(Debug, Clone, Serialize)]
pub struct SnapshotCheck {
    /// Its `version`, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u64>,
    /// `ok`, `bad`, `missing` or `unknown-key`, judged as for packages.
    pub signature: String,
    /// The primary key of a good signature.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<crate::model::Fingerprint>,
    /// Every signature of `snapshot.json.asc`.
    pub signatures: Vec<SignatureLine>,
    /// How many listed packages are in the tree (those with a `path`).
    pub packages: usize,
    /// Listed packages missing or different in the tree, an unreadable snapshot.
    pub problems: Vec<String>,
}

impl SnapshotCheck {
    pub fn ok(&self) -> bool {
        self.signature == "ok" && self.problems.is_empty()
    }
}

/// Whether `dir` is a published tree: it holds `snapshot.json` at its top.
pub fn is_tree(dir: &Path) -> bool {
    dir.join(SNAPSHOT).is_file()
}

/// Takes the snapshot and its signature out of the scan (they are no package) and the
/// projects' `<project>/KEYS` files out of its keys and odd files; returns those by project.
pub fn take_tree_files(dir: &Path, scan: &mut DistDir) -> BTreeMap<String, PathBuf> {
    scan.packages.retain(|p| p.name != SNAPSHOT);
    scan.orphans.retain(|o| o != SNAPSHOT_ASC);
    let project_of = |name: &str| {
        name.strip_suffix("/KEYS")
            .filter(|p| !p.contains('/'))
            .map(str::to_string)
    };
    let mut keys = BTreeMap::new();
    if let Some(k) = &scan.keys_file
        && let Some(p) = k
            .strip_prefix(dir)
            .ok()
            .and_then(|r| project_of(&r.to_string_lossy()))
    {
        keys.insert(p, k.clone());
        scan.keys_file = None;
    }
    scan.other.retain(|name| match project_of(name) {
        Some(p) => {
            keys.insert(p, dir.join(name));
            false
        }
        None => true,
    });
    keys
}

/// Checks `snapshot.json` in `dir`: its signature against `keyring`, and that every package it
/// lists with a `path` is among `packages` with the same SHA-512 and size.
pub fn check_snapshot(
    dir: &Path,
    packages: &[PackageCheck],
    keyring: &Keyring,
    now: jiff::Timestamp,
) -> SnapshotCheck {
    let mut c = SnapshotCheck {
        version: None,
        signature: "missing".into(),
        signer: None,
        signatures: vec![],
        packages: 0,
        problems: vec![],
    };
    let asc = std::fs::read(dir.join(SNAPSHOT_ASC)).ok();
    let sigs: Vec<&[u8]> = asc.as_deref().into_iter().collect();
    match read_signed(&dir.join(SNAPSHOT), &sigs, keyring, now) {
        Ok(sums) => {
            if let Some(each) = sums.verdicts.first() {
                let (status, signer) = match pgp::judge(each) {
                    pgp::SigCheck::Good {
                        primary_fingerprint,
                        ..
                    } => ("ok", Some(primary_fingerprint)),
                    pgp::SigCheck::Bad { reason } => {
                        c.problems.push(format!("{SNAPSHOT_ASC}: {reason}"));
                        ("bad", None)
                    }
                    pgp::SigCheck::UnknownKey { issuer } => {
                        c.problems.push(format!(
                            "{SNAPSHOT_ASC}: signed by {issuer}, which is not among the known keys"
                        ));
                        ("unknown-key", None)
                    }
                };
                c.signature = status.into();
                c.signer = signer;
                c.signatures = each.iter().map(SignatureLine::of).collect();
            } else {
                c.problems.push(format!("no {SNAPSHOT_ASC}"));
            }
        }
        Err(e) => c.problems.push(format!("cannot read {SNAPSHOT}: {e}")),
    }
    let doc: Value = match std::fs::read(dir.join(SNAPSHOT))
        .map_err(|e| e.to_string())
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(e) => {
            c.problems.push(format!("{SNAPSHOT} is not JSON: {e}"));
            return c;
        }
    };
    c.version = doc["version"].as_u64();
    let read: BTreeMap<&str, Option<&(String, u64)>> = packages
        .iter()
        .map(|p| (p.name.as_str(), p.read.as_ref()))
        .collect();
    let listed = doc["releases"].as_array().into_iter().flatten();
    for p in listed.flat_map(|r| r["packages"].as_array().into_iter().flatten()) {
        let Some(path) = p["path"].as_str() else {
            continue; // external, or not in the tree (revoked, archived)
        };
        c.packages += 1;
        let want = (p["sha512"].as_str(), p["size"].as_u64());
        match read.get(path) {
            None | Some(None) => c.problems.push(format!(
                "{path}: listed in {SNAPSHOT} but missing from the tree"
            )),
            Some(Some((sha512, size))) if (Some(sha512.as_str()), Some(*size)) != want => c
                .problems
                .push(format!("{path}: differs from {SNAPSHOT} (SHA-512 or size)")),
            Some(Some(_)) => {}
        }
    }
    c
}
