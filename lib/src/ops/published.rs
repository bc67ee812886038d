//! `verify --dir` on a tree that `publish` wrote (SPEC §4): `<project>[/<product>]/<version>/`
//! directories of packages, a `KEYS` per project, and a signed `snapshot.json`. Each package is
//! checked against its own project's `KEYS` (inside a store: the store's keys); `snapshot.json`
//! is no package: its signature is checked against the projects' keys, every package and SBOM
//! it lists with a path must be in the tree with the listed SHA-512 and size (so a package
//! swapped together with its `.sha512` and a good `.asc` is still caught), every package file in
//! the tree must be one it lists so (a revoked release copied back, a release never published
//! or an extra file fail), and it must be neither expired nor older than a version already seen
//! (a rollback). docs/published-tree.md states these guarantees for users.

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
    /// Its `expires`, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// The projects whose releases it lists.
    pub projects: Vec<String>,
    /// Files in the tree that it does not list as current (each also a line of `problems`).
    pub unlisted: Vec<String>,
    /// One line per problem, each naming the file and the reason: listed packages missing or
    /// different, files it does not list, an expired or rolled-back snapshot, a bad signature.
    pub problems: Vec<String>,
    /// Where the highest version seen per project is kept (the store, a file beside
    /// `--keys`), if anywhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    /// The tree's top, where `snapshot.json` is, when it is above the directory named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top: Option<String>,
    /// The directory named, as a path from the top (package names start with it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// Neither expired nor older than a version already seen: may be recorded as seen.
    #[serde(skip)]
    pub fresh: bool,
}

impl SnapshotCheck {
    /// The verdict before anything of the snapshot is read: no signature, no problem yet.
    fn unread(within: Option<String>) -> SnapshotCheck {
        SnapshotCheck {
            version: None,
            signature: "missing".into(),
            signer: None,
            signatures: vec![],
            packages: 0,
            expires: None,
            projects: vec![],
            unlisted: vec![],
            problems: vec![],
            last_seen: None,
            top: None,
            within,
            fresh: false,
        }
    }

    pub fn ok(&self) -> bool {
        self.signature == "ok" && self.problems.is_empty()
    }
}

/// Whether `dir` is a published tree: it holds `snapshot.json` at its top.
pub fn is_tree(dir: &Path) -> bool {
    dir.join(SNAPSHOT).is_file()
}

/// How many directories above the one named `verify --dir` looks for the tree's top:
/// `<project>/<product>/<version>/` is the deepest directory `publish` writes packages into.
const LEVELS_UP: usize = 3;

/// The published tree that `dir` lies in below its top, as (top, `dir`'s path from the top with
/// `/` separators), when `dir` itself holds no `snapshot.json`: the nearest of its (resolved)
/// parents, at most [`LEVELS_UP`] up and on the same filesystem, that holds one. A mirror's
/// `dist/demo` is thereby judged by `dist/snapshot.json`, so every guarantee of a tree (listed =
/// present, unlisted = refused, expired or rolled back = refused) holds for the part too.
pub fn tree_above(dir: &Path) -> Option<(PathBuf, String)> {
    use std::os::unix::fs::MetadataExt;
    let dir = dir.canonicalize().ok()?;
    let dev = std::fs::metadata(&dir).ok()?.dev();
    let mut at = dir.as_path();
    for _ in 0..LEVELS_UP {
        at = at.parent()?;
        if std::fs::metadata(at).ok()?.dev() != dev {
            return None; // another filesystem: not the same tree
        }
        if is_tree(at) {
            let within: Vec<String> = dir
                .strip_prefix(at)
                .ok()?
                .components()
                .map(|c| match c {
                    std::path::Component::Normal(n) => n.to_str().map(str::to_string),
                    _ => None,
                })
                .collect::<Option<_>>()?;
            return Some((at.to_path_buf(), within.join("/")));
        }
    }
    None
}

/// The refusal of a directory with no `snapshot.json` at or above it that is (or lies at most
/// [`LEVELS_UP`] below) a directory this store published into (`published`: resolved paths and
/// the last version written there): its snapshot is gone, so nothing it listed or refused can
/// be judged, and a mirror that deletes it must not turn the tree into a plain directory.
pub fn missing_snapshot(dir: &Path, published: &[(String, u64)]) -> Option<SnapshotCheck> {
    let dir = dir.canonicalize().ok()?;
    let (top, version) = published.iter().find_map(|(d, v)| {
        let d = Path::new(d);
        let below = dir.strip_prefix(d).ok()?.components().count();
        (below <= LEVELS_UP).then_some((d, *v))
    })?;
    let within = dir
        .strip_prefix(top)
        .ok()
        .map(|w| w.to_string_lossy().into_owned())
        .filter(|w| !w.is_empty());
    let top_shown = within.as_ref().map(|_| top.display().to_string());
    Some(SnapshotCheck {
        problems: vec![format!(
            "{SNAPSHOT}: missing from {}, where this store published version {version}: the \
             tree cannot be judged (a mirror may have removed it; publish again)",
            top.display()
        )],
        last_seen: Some("the store".into()),
        top: top_shown,
        ..SnapshotCheck::unread(within)
    })
}

/// Keeps of a scan of a tree's top only what lies under `within` (a path from the top).
pub fn keep_within(scan: &mut DistDir, within: &str) {
    let prefix = format!("{within}/");
    let under = |name: &String| name.starts_with(&prefix);
    scan.packages.retain(|p| under(&p.name));
    scan.orphans.retain(under);
    scan.stray.retain(under);
    scan.other.retain(under);
    scan.pages.retain(under);
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

/// Checks `snapshot.json` in `dir`: its signature against `keyring`; that every package (and
/// SBOM) it lists with a `path` is among `packages` with the same SHA-512 and size; that every
/// file of `packages` is one it lists so (not a file of a revoked or archived release, of a
/// release it does not list, or an extra one); that it has not expired at `now`; and that its
/// version is not below the one `seen` holds for any of its projects (a rollback). With
/// `within` (a path from the top, see [`tree_above`]) the files `packages` are those of the part
/// of the tree under it: only the listed files under it must be present; the signature, the
/// expiry and the version are judged as for the whole tree.
pub fn check_snapshot_within(
    dir: &Path,
    within: Option<&str>,
    packages: &[PackageCheck],
    keyring: &Keyring,
    now: jiff::Timestamp,
    seen: &BTreeMap<String, u64>,
) -> SnapshotCheck {
    let mut c = SnapshotCheck::unread(within.map(str::to_string));
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
    // Every file the snapshot lists in the tree, and the directories of releases it lists but
    // keeps out of the tree (revoked, archived), with why.
    let mut listed: BTreeMap<String, (Option<&str>, Option<u64>)> = BTreeMap::new();
    let mut out_of_tree: BTreeMap<String, String> = BTreeMap::new();
    let mut projects = std::collections::BTreeSet::new();
    for rel in doc["releases"].as_array().into_iter().flatten() {
        let name = rel["release"].as_str().unwrap_or("");
        // The one parser of a release name (model::ids): a name no command could have
        // staged is a problem, not a path to follow.
        let Ok(r) = name.parse::<crate::model::ReleaseRef>() else {
            c.problems.push(format!(
                "{SNAPSHOT}: a release without a TARGET@VERSION name ({name:?})"
            ));
            continue;
        };
        projects.insert(r.target.project.to_string());
        let base = format!("{}/{}", r.target, r.version);
        let mut in_tree = false;
        for p in rel["packages"].as_array().into_iter().flatten() {
            if let Some(path) = p["path"].as_str() {
                listed.insert(path.into(), (p["sha512"].as_str(), p["size"].as_u64()));
                in_tree = true;
            }
        }
        match rel.get("sboms").and_then(Value::as_array) {
            Some(sboms) => {
                for p in sboms {
                    if let Some(path) = p["path"].as_str() {
                        listed.insert(path.into(), (p["sha512"].as_str(), p["size"].as_u64()));
                    }
                }
            }
            // A snapshot written before SBOMs were listed: the two publish writes beside the
            // packages pass by name (their signatures are still checked).
            None if in_tree => {
                for suffix in ["cdx.json", "spdx.json"] {
                    let path = format!(
                        "{base}/{}-{}.{suffix}",
                        r.target.to_string().replace('/', "-"),
                        r.version
                    );
                    listed.entry(path).or_insert((None, None));
                }
            }
            None => {}
        }
        if !in_tree {
            let why = match (rel["stage"].as_str(), rel["reason"].as_str()) {
                (Some("revoked"), Some(why)) => format!("{name} is revoked ({why})"),
                (Some("revoked"), None) => format!("{name} is revoked"),
                (Some(stage), _) => format!("{name} is {}", rel["phase"].as_str().unwrap_or(stage)),
                (None, _) => format!("{name} has no file in the tree"),
            };
            out_of_tree.insert(format!("{base}/"), why);
        }
    }
    c.projects = projects.into_iter().collect();
    for (path, want) in &listed {
        if want.0.is_none() && want.1.is_none() {
            continue; // an SBOM of an older snapshot: present or not, nothing pinned
        }
        if within.is_some_and(|w| !path.starts_with(&format!("{w}/"))) {
            continue; // outside the part verified
        }
        c.packages += 1;
        match read.get(path.as_str()) {
            None | Some(None) => c.problems.push(format!(
                "{path}: listed in {SNAPSHOT} but missing from the tree"
            )),
            Some(Some((sha512, size))) if (Some(sha512.as_str()), Some(*size)) != *want => c
                .problems
                .push(format!("{path}: differs from {SNAPSHOT} (SHA-512 or size)")),
            Some(Some(_)) => {}
        }
    }
    for p in packages {
        if listed.contains_key(&p.name) {
            continue;
        }
        let why = match out_of_tree
            .iter()
            .find(|(base, _)| p.name.starts_with(base.as_str()))
        {
            Some((_, why)) => format!("{why} in {SNAPSHOT}: its files must not be in the tree"),
            None => format!("not listed in {SNAPSHOT}"),
        };
        c.problems.push(format!("{}: {why}", p.name));
        c.unlisted.push(p.name.clone());
    }
    // Freshness: a mirror that serves an old tree (frozen, or rolled back to a signed but older
    // snapshot) is caught by the expiry and by the highest version already seen.
    let mut fresh = true;
    match doc["expires"]
        .as_str()
        .map(|e| (e, e.parse::<jiff::Timestamp>()))
    {
        Some((e, Ok(expires))) => {
            c.expires = Some(e.to_string());
            if expires <= now {
                fresh = false;
                c.problems.push(format!(
                    "{SNAPSHOT}: expired at {e} (now {now}): the tree may be frozen or rolled \
                     back; the publisher must publish again"
                ));
            }
        }
        Some((e, Err(_))) => {
            fresh = false;
            c.problems
                .push(format!("{SNAPSHOT}: expires {e:?} is not an RFC 3339 time"));
        }
        None => {
            fresh = false;
            c.problems.push(format!("{SNAPSHOT}: no expires"));
        }
    }
    match c.version {
        Some(v) => {
            for p in &c.projects {
                if let Some(&known) = seen.get(p)
                    && v < known
                {
                    fresh = false;
                    c.problems.push(format!(
                        "{SNAPSHOT}: version {v} is older than version {known} already seen for \
                         {p} (a rollback)"
                    ));
                }
            }
        }
        None => {
            fresh = false;
            c.problems.push(format!("{SNAPSHOT}: no version"));
        }
    }
    c.fresh = fresh;
    c
}
