//! `relmgr fsck [--repair]`: checks every object's SHA-256 against its name, every managed
//! package's bytes against the index's SHA-256 and SHA-512, every stored package signature, the
//! event chain, SQLite's own integrity, and the derived files (the `releases/` tree, `keys/`).
//! Leftovers of killed runs (temp files, half-built tree directories, unreferenced objects) are
//! notes, not findings: they do not fail fsck. `--repair` removes them and rebuilds the derived
//! files; it cannot repair changed bytes or a broken chain, which stay findings (exit 3).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use serde::Serialize;

use crate::clock;
use crate::pgp::SigCheck;
use crate::store::{debris, events, integrity, keys, releases};

use super::parallel;
use super::{Session, verify};

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// `object`, `package`, `signature`, `events`, `sqlite`, `leftover`, `tree`, `keys`.
    pub kind: String,
    /// What and where.
    pub place: String,
    pub problem: String,
    /// Fixed by --repair.
    pub repaired: bool,
}

#[derive(Debug, Serialize)]
pub struct FsckReport {
    pub ok: bool,
    pub objects: usize,
    pub packages: usize,
    pub signatures: usize,
    pub events: i64,
    /// Problems: exit 3 unless all repaired.
    pub findings: Vec<Finding>,
    /// Harmless leftovers of interrupted runs (kind `leftover`): never make `ok` false.
    pub notes: Vec<Finding>,
}

/// How long an unreferenced object is kept, in case a running stage is about to record it.
const UNREFERENCED_GRACE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Was `path` modified less than `age` ago (by the real clock: file times are real)?
fn modified_within(path: &std::path::Path, age: std::time::Duration) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|e| e < age)
}

fn finding(kind: &str, place: impl Into<String>, problem: impl Into<String>) -> Finding {
    Finding {
        kind: kind.into(),
        place: place.into(),
        problem: problem.into(),
        repaired: false,
    }
}

/// What fsck tells its caller as it goes (for a progress bar; it never prints).
#[derive(Debug, Clone, Copy)]
pub enum Progress {
    /// About to read this many objects.
    Objects(u64),
    /// One more object read (called from worker threads).
    ObjectDone,
}

/// (seq, hash) of each event of the index's log.
type Logged = Vec<(i64, String)>;

/// The index's own problems: SQLite's integrity, the event chain, and (when the chain holds)
/// the differences between the index and the one the log rebuilds; with the log's events, for
/// the shared history's check. On read-only connections of its own: SQLite's checks and the
/// live side of the comparison on one, on another thread, while this one reads the log, checks
/// the chain and replays it (alone, this thread would be fsck's longest).
fn index_problems(dir: &std::path::Path) -> anyhow::Result<(Vec<Finding>, Logged)> {
    let db = &integrity::open_read_only(dir)?;
    let mut findings = Vec::new();
    let mut logged = Vec::new();
    // The two sides are compared by digests under a key drawn for this run.
    let key = std::hash::RandomState::new();
    let (live, read) = std::thread::scope(|scope| {
        let live = scope.spawn(|| -> anyhow::Result<_> {
            let db = integrity::open_read_only(dir)?;
            Ok((
                integrity::sqlite_problems(&db)?,
                integrity::digests(&db, &key)?,
            ))
        });
        // The log is read once, for the chain and for the replay.
        let read = events::list_stored(db).and_then(|log| {
            logged = log
                .iter()
                .map(|s| (s.event.seq, s.event.hash.clone()))
                .collect();
            let breaks = events::stored_chain_breaks(&log);
            // The log must rebuild the index (only meaningful when the chain holds).
            let replayed = if breaks.is_empty() {
                Some(super::replay::replay(log)?)
            } else {
                None
            };
            Ok((breaks, replayed))
        });
        (join(live), read)
    });
    let (live, (breaks, replayed)) = (live?, read?);
    let (problems, live_digests) = live;
    for p in problems {
        findings.push(finding("sqlite", "index.db", p));
    }
    for b in &breaks {
        findings.push(finding(
            "events",
            format!("event {}", b.seq),
            b.problem.clone(),
        ));
    }
    let differences = match replayed {
        None => vec![],
        Some(Err(line)) => vec![line],
        Some(Ok(scratch)) => super::replay::compare_digests(&live_digests, &key, db, &scratch)?,
    };
    for d in differences {
        findings.push(finding("replay", "index.db", d));
    }
    Ok((findings, logged))
}

/// For each managed package, whether it is missing from the `releases/` tree (derived files;
/// checked on every core, from the packages fsck read, not one query per revision), and the
/// revision directories found, not empty (for the walk that looks for leftovers). The packages
/// come sorted by revision: each revision's directory is listed once, not `stat`ed per file.
fn tree_missing(
    dir: &std::path::Path,
    packages: &[integrity::Managed],
) -> anyhow::Result<(Vec<bool>, HashSet<PathBuf>)> {
    let same_revision = |a: &integrity::Managed, b: &integrity::Managed| {
        (a.release_id, a.revision) == (b.release_id, b.revision)
    };
    let revisions: Vec<&[integrity::Managed]> = packages.chunk_by(same_revision).collect();
    let listed = parallel(&revisions, |ps| {
        let rev = crate::store::tree::revision_dir(
            dir,
            &ps[0].target,
            &ps[0].version,
            &format!("rc{}", ps[0].revision),
        );
        let files = crate::store::tree::regular_files(&rev);
        let missing = ps
            .iter()
            .map(|p| {
                !files.contains(p.name.as_str())
                    || !files.contains(format!("{}.sha512", p.name).as_str())
            })
            .collect::<Vec<bool>>();
        Ok((missing, (!files.is_empty()).then_some(rev)))
    })?;
    let mut missing = Vec::with_capacity(packages.len());
    let mut dirs = HashSet::with_capacity(listed.len());
    for (m, rev) in listed {
        missing.extend(m);
        dirs.extend(rev);
    }
    Ok((missing, dirs))
}

/// The object files under `root` (`objects/sha256`), by the SHA-256 their names say, sorted,
/// with their directories open, to open each file by its name alone (`openat`: one path
/// component to look up, not seven). Each two-letter directory is listed on some core and its
/// names sorted as text (a sorted walk compares paths, 100,000 times over). Only the names are
/// kept, not a path per object: memory is time too (fresh pages cost about 1 ms per MB here).
fn object_files(root: &std::path::Path) -> anyhow::Result<Listing> {
    let mut listing = Listing {
        names: Vec::new(),
        dirs: Vec::new(),
        dir_of: Vec::new(),
    };
    let Ok(entries) = std::fs::read_dir(root) else {
        return Ok(listing);
    };
    let mut prefixes = Vec::new();
    for e in entries {
        let e = e?;
        if e.file_type()?.is_dir() {
            prefixes.push(e.file_name().to_string_lossy().into_owned());
        }
    }
    prefixes.sort_unstable();
    let lists = parallel(&prefixes, |prefix| {
        let path = root.join(prefix);
        let dir = std::fs::File::open(&path)?;
        let mut names = file_names(&dir, &path, prefix)?;
        names.sort_unstable();
        Ok((dir, prefix.clone(), names))
    })?;
    listing
        .names
        .reserve(lists.iter().map(|(_, _, n)| n.len()).sum());
    for (i, (dir, prefix, names)) in lists.into_iter().enumerate() {
        listing.dirs.push((dir, prefix));
        listing.dir_of.extend(std::iter::repeat_n(i, names.len()));
        listing.names.extend(names);
    }
    Ok(listing)
}

/// The names of the regular files in `dir` (open, at `_path`), each after `prefix`; listed with
/// no allocation per entry but the name kept.
#[cfg(unix)]
fn file_names(
    dir: &std::fs::File,
    _path: &std::path::Path,
    prefix: &str,
) -> anyhow::Result<Vec<String>> {
    use rustix::fs::{AtFlags, FileType};
    let mut names = Vec::new();
    for e in rustix::fs::Dir::read_from(dir)? {
        let e = e?;
        let name = e.file_name().to_string_lossy();
        // A file system that does not say an entry's type in the listing is asked.
        let regular = match e.file_type() {
            FileType::Unknown => rustix::fs::statat(dir, e.file_name(), AtFlags::SYMLINK_NOFOLLOW)
                .is_ok_and(|st| FileType::from_raw_mode(st.st_mode) == FileType::RegularFile),
            t => t == FileType::RegularFile,
        };
        if regular {
            let mut full = String::with_capacity(prefix.len() + name.len());
            full.push_str(prefix);
            full.push_str(&name);
            names.push(full);
        }
    }
    Ok(names)
}

#[cfg(not(unix))]
fn file_names(
    _dir: &std::fs::File,
    path: &std::path::Path,
    prefix: &str,
) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    for e in std::fs::read_dir(path)? {
        let e = e?;
        if e.file_type()?.is_file() {
            names.push(format!("{prefix}{}", e.file_name().to_string_lossy()));
        }
    }
    Ok(names)
}

/// The object files: their names, their directories (open, with their names) and the
/// directory of each file.
struct Listing {
    names: Vec<String>,
    dirs: Vec<(std::fs::File, String)>,
    dir_of: Vec<usize>,
}

impl Listing {
    /// The `i`th object's file name in its directory.
    fn file_name(&self, i: usize) -> &str {
        let prefix = &self.dirs[self.dir_of[i]].1;
        &self.names[i][prefix.len()..]
    }

    /// The `i`th object's path under `root`.
    fn path(&self, root: &std::path::Path, i: usize) -> PathBuf {
        root.join(&self.dirs[self.dir_of[i]].1)
            .join(self.file_name(i))
    }

    /// Opens the `i`th object through its directory, already open, by its name alone.
    #[cfg(unix)]
    fn open(&self, _root: &std::path::Path, i: usize) -> std::io::Result<std::fs::File> {
        use rustix::fs::{Mode, OFlags};
        let dir = &self.dirs[self.dir_of[i]].0;
        let flags = OFlags::RDONLY | OFlags::CLOEXEC;
        let fd = rustix::fs::openat(dir, self.file_name(i), flags, Mode::empty())?;
        Ok(std::fs::File::from(fd))
    }

    #[cfg(not(unix))]
    fn open(&self, root: &std::path::Path, i: usize) -> std::io::Result<std::fs::File> {
        std::fs::File::open(self.path(root, i))
    }
}

/// The names of the records in the shared history (git `refs/relmgr/`), when the store is
/// shared; read beside the other checks.
fn shared_names(s: &Session) -> anyhow::Result<Option<HashSet<String>>> {
    if s.store.config.clone_id.is_none() {
        return Ok(None);
    }
    let Some(repo) = s.store.repo()? else {
        return Ok(None);
    };
    let names = repo.names().map_err(super::sync::git_error)?;
    Ok(Some(
        names.into_iter().filter(|n| !n.contains('.')).collect(),
    ))
}

/// A shared store (SPEC §6): the index holds exactly the events of the history in git, no fewer
/// (an event the index never applied) and no more (one that never reached this clone's ref).
/// `logged`: the (seq, hash) of the index's events; `exported`: the last seq shared.
fn history_findings(
    in_git: &HashSet<String>,
    logged: &[(i64, String)],
    exported: i64,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let in_index: HashSet<&str> = logged.iter().map(|(_, h)| h.as_str()).collect();
    for (seq, _) in logged
        .iter()
        .filter(|(seq, hash)| *seq <= exported && !in_git.contains(hash))
    {
        out.push(finding(
            "history",
            format!("event {seq}"),
            "in the index but not in the shared history (git refs/relmgr/)",
        ));
    }
    for h in in_git.iter().filter(|h| !in_index.contains(h.as_str())) {
        out.push(finding(
            "history",
            format!("record {h}"),
            "in the shared history but not applied to the index: run `relmgr sync`",
        ));
    }
    out
}

/// What fsck read beside the index's checks: the objects (each read once for its SHA-256,
/// SHA-512 and every stored signature over it), the managed packages and their signatures,
/// the tree, the leftovers and the shared history's names.
struct Checked {
    listing: Listing,
    packages: Vec<integrity::Managed>,
    /// (place, object's SHA-256, fingerprint, armored signature) of each stored signature.
    sig_jobs: Vec<(String, String, String, String)>,
    /// The signatures over each object, as indexes into `sig_jobs`.
    jobs_of: HashMap<String, Vec<usize>>,
    reads: Vec<verify::RawSums>,
    tree_missing: Vec<bool>,
    leftovers: Vec<debris::Leftover>,
    shared: Option<HashSet<String>>,
}

/// The half of fsck beside the index's checks: the object directory is listed on another thread
/// while this one reads the packages from the index, then the objects are read on every core,
/// then the tree and the leftovers are checked and the shared history's names read.
fn objects_and_tree(
    s: &Session,
    root: &std::path::Path,
    progress: &(dyn Fn(Progress) + Sync),
) -> anyhow::Result<Checked> {
    let dir = &s.store.dir;
    let (files, packages) = std::thread::scope(|scope| {
        let files = scope.spawn(|| object_files(root));
        let packages = integrity::managed_packages(s.store.db());
        (join(files), packages)
    });
    let (listing, packages) = (files?, packages?);
    let keyring = verify::store_keyring(s)?;
    let now = clock::now()?;
    let mut sig_jobs = Vec::new();
    for p in &packages {
        for (fpr, armored) in &p.signatures {
            sig_jobs.push((p.place(), p.sha256.clone(), fpr.clone(), armored.clone()));
        }
    }
    let mut jobs_of: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (_, sha256, _, _)) in sig_jobs.iter().enumerate() {
        jobs_of.entry(sha256.clone()).or_default().push(i);
    }
    progress(Progress::Objects(listing.names.len() as u64));
    let numbered: Vec<usize> = (0..listing.names.len()).collect();
    let reads = parallel(&numbered, |&i| {
        let name = &listing.names[i];
        let jobs = jobs_of.get(name.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        let sigs: Vec<&[u8]> = jobs.iter().map(|&j| sig_jobs[j].3.as_bytes()).collect();
        let file = listing.open(root, i)?;
        let sums = verify::read_signed_raw(file, &sigs, &keyring, now)?;
        progress(Progress::ObjectDone);
        Ok(sums)
    })?;
    let (tree_missing, revision_dirs) = tree_missing(dir, &packages)?;
    let leftovers = debris::find(dir, &revision_dirs)?;
    let shared = shared_names(s)?;
    Ok(Checked {
        listing,
        packages,
        sig_jobs,
        jobs_of,
        reads,
        tree_missing,
        leftovers,
        shared,
    })
}

/// A scoped thread's result, its panic carried on.
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    match handle.join() {
        Ok(t) => t,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Whether `hex` is `bytes` in lower-case hex, as relmgr writes digests (without making a
/// string of them for each of 100,000 objects).
fn hex_is(hex: &str, bytes: &[u8]) -> bool {
    let mut buf = [0u8; 128];
    let Some(out) = buf.get_mut(..bytes.len() * 2) else {
        return crate::digest::to_hex(bytes) == hex;
    };
    hex::encode_to_slice(bytes, out).is_ok() && out == hex.as_bytes()
}

/// What fsck makes of what it read beside the index's checks.
struct Judged {
    findings: Vec<Finding>,
    notes: Vec<Finding>,
    shared: Option<HashSet<String>>,
    objects: usize,
    packages: usize,
    signatures: usize,
}

/// Judges the objects, packages, signatures, leftovers, tree and key files fsck read (and, with
/// `repair`, repairs what it can), while the index's checks go on.
fn judge(s: &Session, repair: bool, checked: Checked) -> anyhow::Result<Judged> {
    let db = s.store.db();
    let dir = &s.store.dir;
    let Checked {
        listing,
        packages,
        sig_jobs,
        jobs_of,
        reads,
        tree_missing,
        leftovers,
        shared,
    } = checked;
    let mut findings = Vec::new();
    let mut sig_results: Vec<SigCheck> = sig_jobs
        .iter()
        .map(|(_, sha256, _, _)| SigCheck::Bad {
            reason: format!("cannot read the signed data: its object {sha256} is missing"),
        })
        .collect();
    let mut by_sha256: HashMap<&str, &[u8; 64]> = HashMap::with_capacity(listing.names.len());
    let mut corrupt_objects = BTreeSet::new();
    for (name, sums) in listing.names.iter().zip(&reads) {
        if !hex_is(name, &sums.sha256) {
            let actual = crate::digest::to_hex(sums.sha256);
            corrupt_objects.insert(name.clone());
            findings.push(finding(
                "object",
                format!(
                    "objects/sha256/{}/{}",
                    &name[..2.min(name.len())],
                    name.get(2..).unwrap_or("")
                ),
                format!("content hashes to {actual}, not to its name"),
            ));
        }
        by_sha256.insert(name, &sums.sha512);
        let jobs = jobs_of.get(name.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        for (&j, each) in jobs.iter().zip(&sums.verdicts) {
            sig_results[j] = crate::pgp::judge(each);
        }
    }

    // Packages: their object exists and has the recorded SHA-512.
    let mut referenced = HashSet::with_capacity(packages.len());
    for p in &packages {
        referenced.insert(p.sha256.as_str());
        match by_sha256.get(p.sha256.as_str()) {
            None => findings.push(finding(
                "package",
                p.place(),
                format!("its object {} is missing", p.sha256),
            )),
            Some(actual) if !hex_is(&p.sha512, *actual) => findings.push(finding(
                "package",
                p.place(),
                "the stored bytes do not match the recorded SHA-512",
            )),
            Some(_) => {}
        }
    }

    // Signatures: each stored signature verifies over the object.
    for ((place, _, fpr, _), res) in sig_jobs.iter().zip(&sig_results) {
        match res {
            SigCheck::Good {
                primary_fingerprint,
                ..
            } if primary_fingerprint == fpr => {}
            SigCheck::Good {
                primary_fingerprint,
                ..
            } => findings.push(finding(
                "signature",
                place.clone(),
                format!("recorded for {fpr} but made by {primary_fingerprint}"),
            )),
            SigCheck::Bad { reason } => findings.push(finding(
                "signature",
                place.clone(),
                format!("by {fpr}: {reason}"),
            )),
            SigCheck::UnknownKey { issuer } => findings.push(finding(
                "signature",
                place.clone(),
                format!("made by {issuer}, which is not registered"),
            )),
        }
    }

    // Debris of interrupted runs (temp files, half-built revision directories) and objects no
    // package refers to are notes, not findings: harmless, and --repair removes them. Debris a
    // running relmgr holds is left alone; so is a sound unreferenced object younger than an hour,
    // which a stage still running may be about to record (git's prune grace, shorter).
    let mut notes = Vec::new();
    for l in leftovers {
        let place = l
            .path
            .strip_prefix(dir)
            .unwrap_or(&l.path)
            .display()
            .to_string();
        let mut n = if l.in_use {
            finding(
                "leftover",
                place,
                format!("{}, in use by a running relmgr", l.what),
            )
        } else {
            finding("leftover", place, l.what)
        };
        if repair && !l.in_use {
            n.repaired = debris::remove(&l);
        }
        notes.push(n);
    }
    let root = dir.join("objects").join("sha256");
    for (i, name) in listing.names.iter().enumerate() {
        if !referenced.contains(name.as_str()) {
            let path = &listing.path(&root, i);
            let corrupt = corrupt_objects.contains(name);
            let young = !corrupt && modified_within(path, UNREFERENCED_GRACE);
            let mut n = finding(
                "leftover",
                format!(
                    "objects/sha256/{}/{}",
                    &name[..2.min(name.len())],
                    name.get(2..).unwrap_or("")
                ),
                if young {
                    "an object no package refers to (less than an hour old: kept, a stage may be \
                     recording it)"
                } else {
                    "an object no package refers to"
                },
            );
            if repair && !young {
                let mut perms = std::fs::metadata(path)?.permissions();
                #[allow(clippy::permissions_set_readonly_false)]
                perms.set_readonly(false);
                let _ = std::fs::set_permissions(path, perms);
                n.repaired = std::fs::remove_file(path).is_ok();
                if n.repaired && corrupt {
                    // The corrupt bytes are gone with it: that finding is repaired too.
                    for f in findings
                        .iter_mut()
                        .filter(|f| f.kind == "object" && f.place == n.place)
                    {
                        f.repaired = true;
                    }
                }
            }
            notes.push(n);
        }
    }

    let mut stale_trees = BTreeSet::new();
    for (p, _) in packages.iter().zip(&tree_missing).filter(|(_, m)| **m) {
        stale_trees.insert((p.release_id, p.revision));
        findings.push(finding(
            "tree",
            format!(
                "releases/{}/{}/rc{}/{}",
                p.target, p.version, p.revision, p.name
            ),
            "missing from the releases/ tree",
        ));
    }
    if repair {
        for (release_id, number) in &stale_trees {
            let rel = releases::get_by_id(db, *release_id)?;
            let rev = releases::revision(db, *release_id, *number)?.expect("listed");
            super::stage::rebuild_tree(s, &rel, &rev)?;
        }
        for f in findings.iter_mut().filter(|f| f.kind == "tree") {
            f.repaired = true;
        }
    }
    for k in keys::list(db, None)? {
        if !super::keys::key_file_current(dir, &k) {
            let mut f = finding(
                "keys",
                format!("keys/{}.asc", k.fingerprint),
                "missing or different from the index",
            );
            if repair {
                f.repaired = super::keys::write_key_file(dir, &k).is_ok();
            }
            findings.push(f);
        }
    }

    Ok(Judged {
        findings,
        notes,
        shared,
        objects: listing.names.len(),
        packages: packages.len(),
        signatures: sig_jobs.len(),
    })
}

pub fn fsck(
    s: &Session,
    repair: bool,
    progress: &(dyn Fn(Progress) + Sync),
) -> anyhow::Result<FsckReport> {
    let db = s.store.db();
    let dir = &s.store.dir;
    // Objects: each file's SHA-256 must be its name. The object directory is listed on another
    // thread while this one reads the packages from the index.
    let root = dir.join("objects").join("sha256");
    // The index's own checks (SQLite's integrity, the chain, the replay: the longest part) run
    // from the start on their own connections and thread, beside everything else, which this
    // thread reads and judges meanwhile. The findings keep their order: the index's first, then
    // the shared history's, then the objects'.
    let (index, rest) = std::thread::scope(|scope| {
        let index = scope.spawn(|| index_problems(dir));
        let rest = objects_and_tree(s, &root, progress).and_then(|c| judge(s, repair, c));
        (join(index), rest)
    });
    let (mut findings, logged) = index?;
    let Judged {
        findings: found,
        mut notes,
        shared,
        objects,
        packages,
        signatures,
    } = rest?;
    if let Some(in_git) = shared {
        let exported = crate::store::shared::exported_through(db)?;
        findings.extend(history_findings(&in_git, &logged, exported));
    }
    findings.extend(found);

    // Void events are kept on purpose (SPEC §6): named, not failed.
    for e in events::voided(db)? {
        notes.push(finding(
            "void",
            format!("event {}", e.seq),
            format!(
                "{} by {} is void: {}",
                e.kind,
                e.actor,
                e.void.unwrap_or_default()
            ),
        ));
    }
    let ok = findings.iter().all(|f| f.repaired);
    Ok(FsckReport {
        ok,
        objects,
        packages,
        signatures,
        events: events::count(db)?,
        findings,
        notes,
    })
}
