//! Verification the way a voter or a downstream user does it: for each package, the checksum
//! (`ok`, `bad`, `missing`) and the signature (`ok`, `bad`, `missing`, `unknown-key`), reading the
//! files of the release tree (or of any directory) rather than trusting the index. A key that
//! was expired or revoked when it signed makes the signature bad; a subkey's signature counts
//! for its primary key. Several signatures are judged as gpg does ([`pgp::judge`]): `ok` when one
//! is good by a known key and none is bad; each is listed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::Serialize;

use crate::checksums::{self, Algo};
use crate::clock;
use crate::digest;
use crate::distdir;
use crate::error::Error;
use crate::model::{ReleaseRef, RevisionNo};
use crate::pgp::{self, DetachedHasher, Keyring, SigCheck};
use crate::store::{keys, releases, tree};

use super::parallel;
use super::published::{self, SnapshotCheck};
use super::{Session, release};

/// One package's verdict.
#[derive(Debug, Clone, Serialize)]
pub struct PackageCheck {
    pub name: String,
    /// `ok`, `bad`, `missing` (or `external`: the bytes live elsewhere).
    pub checksum: String,
    /// `ok`, `bad`, `missing`, `unknown-key` (or `external`).
    pub signature: String,
    /// The primary key of a good signature.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<crate::model::Fingerprint>,
    /// Every signature of the `.asc`, in its order.
    pub signatures: Vec<SignatureLine>,
    /// Why something is not ok.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    /// The file's SHA-512 (hex) and size as read, for comparing with a snapshot.
    #[serde(skip)]
    pub read: Option<(String, u64)>,
}

/// One signature of a package's `.asc`.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureLine {
    /// `ok`, `bad` or `unknown-key`.
    pub status: String,
    /// The signer's primary key (ok), or the key the signature names (unknown-key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Why it is bad.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl SignatureLine {
    pub(super) fn of(c: &SigCheck) -> SignatureLine {
        let (status, key, reason) = match c {
            SigCheck::Good {
                primary_fingerprint,
                ..
            } => ("ok", Some(primary_fingerprint.to_string()), None),
            SigCheck::Bad { reason } => ("bad", None, Some(reason.clone())),
            SigCheck::UnknownKey { issuer } => ("unknown-key", Some(issuer.clone()), None),
        };
        SignatureLine {
            status: status.into(),
            key,
            reason,
        }
    }
}

impl PackageCheck {
    fn ok(&self) -> bool {
        matches!(self.checksum.as_str(), "ok" | "external")
            && matches!(self.signature.as_str(), "ok" | "external")
    }
}

/// What `verify` prints.
#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dir: Option<String>,
    pub packages: Vec<PackageCheck>,
    /// `.asc` or checksum files whose package is missing.
    pub orphans: Vec<String>,
    /// `.md5`, `.sha1`, `.sig` and similar files a release must not carry.
    pub stray: Vec<String>,
    /// Symlinks and other files that are not regular.
    pub other: Vec<String>,
    /// Where the keys came from.
    pub keys: String,
    /// For a tree written by `publish`: the verdict on its `snapshot.json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<SnapshotCheck>,
}

/// What one read of a file yields: its size, its digests (hex) and, for each detached signature
/// file given, in order, the verdict on each of its signature packets.
pub(super) struct Sums {
    pub size: u64,
    pub sha512: String,
    pub sha256: String,
    pub verdicts: Vec<Vec<SigCheck>>,
}

/// Reads `path` once: SHA-256 on one thread; on another, the SHA-512 shared with every v4
/// SHA-512 signature in `sigs` (one hasher per signature file). Used by `verify`, `check`
/// and `fsck`.
pub(super) fn read_signed(
    path: &Path,
    sigs: &[&[u8]],
    keyring: &Keyring,
    now: Timestamp,
) -> std::io::Result<Sums> {
    let raw = read_signed_raw(std::fs::File::open(path)?, sigs, keyring, now)?;
    Ok(Sums {
        size: raw.size,
        sha512: digest::to_hex(raw.sha512),
        sha256: digest::to_hex(raw.sha256),
        verdicts: raw.verdicts,
    })
}

/// [`Sums`] with the digests as bytes: fsck keeps one per object, 100,000 of them.
pub(super) struct RawSums {
    pub size: u64,
    pub sha512: [u8; 64],
    pub sha256: [u8; 32],
    pub verdicts: Vec<Vec<SigCheck>>,
}

/// [`read_signed`] of a file already open, the digests as bytes. A file without signatures
/// goes through a plain SHA-512, not a signature hasher.
pub(super) fn read_signed_raw(
    file: std::fs::File,
    sigs: &[&[u8]],
    keyring: &Keyring,
    now: Timestamp,
) -> std::io::Result<RawSums> {
    read_signed_with(file, sigs, keyring, now, false)
}

/// [`read_signed_raw`], a short read taken as the end of the file
/// ([`digest::read_opened_short`]): for a caller that checks the SHA-256 and reads again.
pub(super) fn read_signed_short(
    file: std::fs::File,
    sigs: &[&[u8]],
    keyring: &Keyring,
    now: Timestamp,
) -> std::io::Result<RawSums> {
    read_signed_with(file, sigs, keyring, now, true)
}

fn read_signed_with(
    file: std::fs::File,
    sigs: &[&[u8]],
    keyring: &Keyring,
    now: Timestamp,
    short: bool,
) -> std::io::Result<RawSums> {
    fn read<S: digest::Sink>(
        file: std::fs::File,
        sink: S,
        short: bool,
    ) -> std::io::Result<(u64, [u8; 32], S::Output)> {
        if short {
            digest::read_opened_short(file, sink)
        } else {
            digest::read_opened_once(file, sink)
        }
    }
    if sigs.is_empty() {
        let (size, sha256, sha512) = read(file, digest::Sha512::new(), short)?;
        return Ok(RawSums {
            size,
            sha512,
            sha256,
            verdicts: Vec::new(),
        });
    }
    let hashers: Vec<DetachedHasher> = sigs.iter().map(|s| DetachedHasher::new(s)).collect();
    let (size, sha256, hashed) = read(file, hashers, short)?;
    Ok(RawSums {
        size,
        sha512: hashed[0].sha512(),
        sha256,
        verdicts: hashed.iter().map(|h| keyring.check_each(h, now)).collect(),
    })
}

fn signature_verdict(
    c: &SigCheck,
    problems: &mut Vec<String>,
) -> (String, Option<crate::model::Fingerprint>) {
    match c {
        SigCheck::Good {
            primary_fingerprint,
            ..
        } => ("ok".into(), Some(primary_fingerprint.clone())),
        SigCheck::Bad { reason } => {
            problems.push(format!("signature: {reason}"));
            ("bad".into(), None)
        }
        SigCheck::UnknownKey { issuer } => {
            problems.push(format!(
                "signature by {issuer}, which is not among the known keys"
            ));
            ("unknown-key".into(), None)
        }
    }
}

/// Checks one package given its file, its signature file and its checksum files.
fn check_one(
    name: &str,
    file: &Path,
    asc: Option<&Path>,
    sums: &[(Algo, PathBuf)],
    expected: Option<(&str, &str)>,
    keyring: &Keyring,
    now: Timestamp,
) -> PackageCheck {
    let mut problems = Vec::new();
    let file_name = name.rsplit('/').next().unwrap_or(name);
    let sig_bytes = asc.map(std::fs::read);
    let sig = match &sig_bytes {
        Some(Ok(b)) => Some(b.as_slice()),
        Some(Err(e)) => {
            problems.push(format!("cannot read the signature: {e}"));
            None
        }
        None => None,
    };
    let sigs: Vec<&[u8]> = sig.into_iter().collect();
    let computed = match read_signed(file, &sigs, keyring, now) {
        Ok(c) => c,
        Err(e) => {
            return PackageCheck {
                name: name.into(),
                checksum: "missing".into(),
                signature: if asc.is_some() {
                    "bad".into()
                } else {
                    "missing".into()
                },
                signer: None,
                signatures: vec![],
                problems: vec![format!("cannot read the package: {e}")],
                read: None,
            };
        }
    };
    let mut checksum = if sums.is_empty() { "missing" } else { "ok" }.to_string();
    if sums.is_empty() {
        problems.push("no .sha512 (or .sha256) file".into());
    }
    for (algo, path) in sums {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!("{}: {e}", path.display()));
                checksum = "bad".into();
                continue;
            }
        };
        let want = match algo {
            Algo::Sha512 => &computed.sha512,
            Algo::Sha256 => &computed.sha256,
        };
        match checksums::parse(&text, Some(file_name)) {
            Ok(entries) => {
                let matching: Vec<_> = entries.iter().filter(|e| e.algo == *algo).collect();
                if matching.is_empty() || matching.iter().any(|e| &e.hex != want) {
                    checksum = "bad".into();
                    problems.push(format!(
                        "the {algo} in {} does not match the file",
                        path.file_name().and_then(|n| n.to_str()).unwrap_or("")
                    ));
                }
            }
            Err(e) => {
                checksum = "bad".into();
                problems.push(format!(
                    "{}: {e}",
                    path.file_name().and_then(|n| n.to_str()).unwrap_or("")
                ));
            }
        }
    }
    if let Some((sha512, sha256)) = expected
        && (computed.sha512 != sha512 || computed.sha256 != sha256)
    {
        checksum = "bad".into();
        problems.push("the file does not match the checksums recorded in the index".into());
    }
    let each = computed.verdicts.first();
    let (signature, signer) = match each {
        Some(checks) => signature_verdict(&pgp::judge(checks), &mut problems),
        None if asc.is_some() => ("bad".into(), None),
        None => {
            problems.push("no .asc signature".into());
            ("missing".into(), None)
        }
    };
    PackageCheck {
        name: name.into(),
        checksum,
        signature,
        signer,
        signatures: each.into_iter().flatten().map(SignatureLine::of).collect(),
        problems,
        read: Some((computed.sha512, computed.size)),
    }
}

/// The keyring of every key registered in the store.
pub fn store_keyring(s: &Session) -> anyhow::Result<Keyring> {
    let all = keys::list(s.store.db(), None)?;
    Keyring::new(all.iter().map(|k| k.armored.as_str()))
        .map_err(|e| super::keys::pgp_error(e, "the store's keys"))
}

/// `verify TARGET@VERSION [--revision rcN]`: the revision's files in `releases/`.
pub fn verify_release(
    s: &Session,
    r: &ReleaseRef,
    which: Option<RevisionNo>,
) -> anyhow::Result<Verification> {
    let db = s.store.db();
    let rel = release::load(db, r)?;
    let rev = release::revision(db, &rel, which)?;
    let packages = releases::packages(db, rev.id)?;
    super::fetch::require_bytes(s, &rel, &rev, &packages)?;
    let dir = tree::revision_dir(
        &s.store.dir,
        &rel.target,
        rel.version.as_str(),
        &rev.label(),
    );
    let keyring = store_keyring(s)?;
    let now = clock::now()?;
    let checks = parallel(&packages, |p| {
        if p.external_url.is_some() {
            return Ok(PackageCheck {
                name: p.name.clone(),
                checksum: "external".into(),
                signature: "external".into(),
                signer: None,
                signatures: vec![],
                problems: vec![],
                read: None,
            });
        }
        let file = dir.join(&p.name);
        let asc = dir.join(format!("{}.asc", p.name));
        let sum = dir.join(format!("{}.sha512", p.name));
        let sums = if sum.is_file() {
            vec![(Algo::Sha512, sum)]
        } else {
            vec![]
        };
        let expected = p.sha512.as_deref().map(|h| (h, p.sha256.as_str()));
        Ok(check_one(
            &p.name,
            &file,
            asc.is_file().then_some(asc.as_path()),
            &sums,
            expected,
            &keyring,
            now,
        ))
    })?;
    let ok = !checks.is_empty() && checks.iter().all(PackageCheck::ok);
    Ok(Verification {
        ok,
        release: Some(r.to_string()),
        revision: Some(rev.label()),
        dir: None,
        packages: checks,
        orphans: vec![],
        stray: vec![],
        other: vec![],
        keys: "the store's registered keys".into(),
        snapshot: None,
    })
}

/// Where `verify --dir` remembers, per project, the highest `snapshot.json` version it has
/// seen, to refuse an older one (a rollback): the store when one is at hand (schema 8's
/// `snapshots_seen`, which `publish` also writes); else, with `--keys KEYS`, the file
/// `KEYS.seen.json` beside it (not when KEYS lies inside the verified tree, which it would
/// change); else nowhere, and only the expiry guards against an old tree.
enum Memory<'a> {
    Store(&'a Session),
    File(PathBuf),
    Nowhere,
}

impl Memory<'_> {
    fn load(&self) -> anyhow::Result<BTreeMap<String, u64>> {
        Ok(match self {
            Memory::Store(s) => crate::store::publications::seen(s.store.db())?,
            Memory::File(path) => match std::fs::read(path) {
                Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                    Error::usage(format!(
                        "{}: not a map of snapshot versions",
                        path.display()
                    ))
                    .caused_by(e)
                })?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
                Err(e) => return Err(Error::usage(path.display().to_string()).caused_by(e).into()),
            },
            Memory::Nowhere => BTreeMap::new(),
        })
    }

    fn record(
        &self,
        mut seen: BTreeMap<String, u64>,
        projects: &[String],
        version: u64,
        now: Timestamp,
    ) -> anyhow::Result<()> {
        match self {
            Memory::Store(s) => {
                for p in projects {
                    crate::store::publications::saw(
                        s.store.db(),
                        p,
                        version,
                        crate::model::Time::new(now),
                    )?;
                }
            }
            Memory::File(path) => {
                for p in projects {
                    let v = seen.entry(p.clone()).or_default();
                    *v = (*v).max(version);
                }
                let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
                std::fs::write(&tmp, serde_json::to_vec_pretty(&seen)?)
                    .and_then(|()| std::fs::rename(&tmp, path))
                    .map_err(|e| Error::usage(path.display().to_string()).caused_by(e))?;
            }
            Memory::Nowhere => {}
        }
        Ok(())
    }

    fn describe(&self) -> Option<String> {
        match self {
            Memory::Store(_) => Some("the store".into()),
            Memory::File(p) => Some(p.display().to_string()),
            Memory::Nowhere => None,
        }
    }
}

/// The primary fingerprints of a keyring, as a set.
fn fingerprint_set(ring: &Keyring) -> BTreeSet<String> {
    ring.fingerprints().into_iter().collect()
}

/// `verify --dir DIR [--keys KEYS]`: any directory of packages with `.asc`, `.sha512` and
/// `.sha256` files (GNU, bare or BSD form). Keys: `--keys`, else a `KEYS` file in DIR, else the
/// store's registered keys when a store is at hand. A tree written by `publish` (with
/// `snapshot.json` at its top) is checked as such: each project's packages against its own
/// `KEYS` (unless `--keys` or a top `KEYS` is given), and the snapshot ([`published`]): every
/// file it holds is one the snapshot lists as current, the snapshot has not expired and is
/// not older than one already seen ([`Memory`]). A directory below a tree's top (`dist/demo`,
/// `dist/demo/1.0.0`) is checked as that part of the tree ([`published::tree_above`]): the
/// same snapshot, keys and memory, its files named from the top. Inside a store (`store`), the store's keys
/// are the trust root for each project it knows: a tree `KEYS` that differs from them fails,
/// and that project's packages and the snapshot are checked against the store's keys.
pub fn verify_dir(
    dir: &Path,
    keys_file: Option<&Path>,
    store: Option<&Session>,
) -> anyhow::Result<Verification> {
    // A directory below a published tree's top (`dist/demo`) is judged as part of that tree:
    // the whole tree is scanned from its top (names are paths from the top, as in the
    // snapshot), then only the part under `dir` is kept.
    let above = match published::is_tree(dir) {
        true => None,
        false => published::tree_above(dir),
    };
    let (top, within) = match &above {
        Some((top, within)) => (top.as_path(), Some(within.as_str())),
        None => (dir, None),
    };
    let mut scan =
        distdir::scan(top).map_err(|e| Error::usage(dir.display().to_string()).caused_by(e))?;
    let tree = published::is_tree(top);
    let project_keys = match tree {
        true => published::take_tree_files(top, &mut scan),
        false => Default::default(),
    };
    if let Some(w) = within {
        published::keep_within(&mut scan, w);
    }
    let store_keys = match (keys_file, store) {
        (None, Some(s)) => Some(store_keyring(s)?),
        _ => None,
    };
    // Inside a store, its keys are the trust root of each project it knows: (ring, KEYS bytes).
    let mut trusted: BTreeMap<String, (Keyring, Vec<u8>)> = BTreeMap::new();
    let mut trust_problems = Vec::new();
    if let (true, Some(s)) = (tree, store) {
        let db = s.store.db();
        let mut names: BTreeSet<String> = project_keys.keys().cloned().collect();
        names.extend(
            scan.packages
                .iter()
                .filter_map(|p| p.name.split_once('/').map(|(a, _)| a.to_string())),
        );
        for p in names {
            if crate::store::projects::get(db, None, &p)?.is_none() {
                continue;
            }
            let text = super::keys::keys_file(&keys::of_project(db, Some(&p))?, Some(&p))?;
            let ring = keyring_from_bytes(text.as_bytes(), Path::new("the store's keys"))?;
            let want = fingerprint_set(&ring);
            match project_keys.get(&p) {
                None => trust_problems.push(format!("{p}/KEYS: missing from the tree")),
                Some(path) => {
                    match std::fs::read(path)
                        .ok()
                        .and_then(|b| Keyring::from_keys_file(&b).ok())
                    {
                        None => trust_problems.push(format!("{p}/KEYS: cannot be read as keys")),
                        Some(tree_ring) => {
                            let have = fingerprint_set(&tree_ring);
                            let foreign: Vec<&String> = have.difference(&want).collect();
                            let missing: Vec<&String> = want.difference(&have).collect();
                            if !foreign.is_empty() {
                                trust_problems.push(format!(
                                "{p}/KEYS: holds keys that are not the store's keys for {p}: {}",
                                foreign.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(", ")
                            ));
                            }
                            if !missing.is_empty() {
                                trust_problems.push(format!(
                                    "{p}/KEYS: lacks the store's keys for {p}: {} (publish again)",
                                    missing
                                        .iter()
                                        .map(|f| f.as_str())
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ));
                            }
                        }
                    }
                }
            }
            trusted.insert(p, (ring, text.into_bytes()));
        }
    }
    let (keyring, mut source) = match (keys_file, &scan.keys_file, store_keys) {
        (Some(k), _, _) => (keyring_from_file(k)?, k.display().to_string()),
        (None, Some(k), _) => (keyring_from_file(k)?, k.display().to_string()),
        (None, None, _) if !project_keys.is_empty() || !trusted.is_empty() => {
            let names: Vec<String> = project_keys
                .keys()
                .filter(|p| !trusted.contains_key(*p))
                .map(|p| format!("{p}/KEYS"))
                .collect();
            (
                Keyring::default(),
                format!("each project's KEYS ({})", names.join(", ")),
            )
        }
        (None, None, Some(ring)) => (ring, "the store's registered keys".to_string()),
        (None, None, None) => (
            Keyring::default(),
            "none (no --keys, no KEYS file, no store)".to_string(),
        ),
    };
    // Per project (a published tree without --keys or a top KEYS): the store's keys where it
    // knows the project, else the project's own KEYS; the snapshot, signed by a publisher of
    // every project, against all of them.
    let use_projects = keys_file.is_none() && scan.keys_file.is_none();
    let mut rings = BTreeMap::new();
    let mut all_keys = Vec::new();
    if use_projects {
        for (p, path) in &project_keys {
            if trusted.contains_key(p) {
                continue;
            }
            let bytes = std::fs::read(path)
                .map_err(|e| Error::usage(path.display().to_string()).caused_by(e))?;
            rings.insert(p.clone(), keyring_from_bytes(&bytes, path)?);
            all_keys.extend_from_slice(&bytes);
            all_keys.push(b'\n');
        }
        for (p, (ring, bytes)) in &trusted {
            rings.insert(p.clone(), ring.clone());
            all_keys.extend_from_slice(bytes);
            all_keys.push(b'\n');
        }
        if !trusted.is_empty() {
            let names: Vec<&str> = trusted.keys().map(String::as_str).collect();
            let own = match source.split_once('(') {
                Some((_, rest)) if rest != ")" => {
                    format!(", and each other project's KEYS ({rest}")
                }
                _ => String::new(),
            };
            source = format!(
                "the store's keys for {} (the tree's KEYS compared with them){own}",
                names.join(", ")
            );
        }
    }
    let snapshot_ring = match rings.is_empty() {
        true => keyring.clone(),
        false => keyring_from_bytes(&all_keys, top)?,
    };
    let ring_of = |name: &str| {
        let project = name.split('/').next().unwrap_or(name);
        rings.get(project).unwrap_or(&keyring)
    };
    let now = clock::now()?;
    let checks = parallel(&scan.packages, |p| {
        let mut sums = Vec::new();
        if let Some(s) = &p.sha512 {
            sums.push((Algo::Sha512, s.clone()));
        }
        if let Some(s) = &p.sha256 {
            sums.push((Algo::Sha256, s.clone()));
        }
        Ok(check_one(
            &p.name,
            &p.path,
            p.signature.as_deref(),
            &sums,
            None,
            ring_of(&p.name),
            now,
        ))
    })?;
    let memory = match (store, keys_file) {
        (Some(s), _) => Memory::Store(s),
        (None, Some(k)) => {
            let inside = match (k.canonicalize(), top.canonicalize()) {
                (Ok(k), Ok(d)) => k.starts_with(d),
                _ => true,
            };
            match inside {
                true => Memory::Nowhere,
                false => Memory::File(PathBuf::from(format!("{}.seen.json", k.display()))),
            }
        }
        (None, None) => Memory::Nowhere,
    };
    let snapshot = match tree {
        true => {
            let seen = memory.load()?;
            let mut sn =
                published::check_snapshot_within(top, within, &checks, &snapshot_ring, now, &seen);
            if above.is_some() {
                sn.top = Some(top.display().to_string());
            }
            sn.problems.splice(0..0, trust_problems);
            sn.last_seen = memory.describe();
            if sn.signature == "ok"
                && sn.fresh
                && let Some(v) = sn.version
            {
                memory.record(seen, &sn.projects, v, now)?;
            }
            Some(sn)
        }
        // No snapshot at or above DIR: refused all the same where this store published it.
        false => match store {
            Some(s) => {
                published::missing_snapshot(dir, &crate::store::publications::dirs(s.store.db())?)
            }
            None => None,
        },
    };
    let ok = !checks.is_empty()
        && checks.iter().all(PackageCheck::ok)
        && snapshot.as_ref().is_none_or(SnapshotCheck::ok)
        && scan.orphans.is_empty()
        && scan.stray.is_empty()
        && scan.other.is_empty();
    Ok(Verification {
        ok,
        release: None,
        revision: None,
        dir: Some(dir.display().to_string()),
        packages: checks,
        orphans: scan.orphans,
        stray: scan.stray,
        other: scan.other,
        keys: source,
        snapshot,
    })
}

fn keyring_from_file(path: &Path) -> anyhow::Result<Keyring> {
    let bytes = std::fs::read(path)
        .map_err(|e| Error::usage(format!("--keys {}", path.display())).caused_by(e))?;
    keyring_from_bytes(&bytes, path)
}

fn keyring_from_bytes(bytes: &[u8], path: &Path) -> anyhow::Result<Keyring> {
    Keyring::from_keys_file(bytes)
        .map_err(|e| super::keys::pgp_error(e, &path.display().to_string()))
}
