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
/// the shared history's check. On connections of its own: SQLite's checks (CHECK constraints
/// included, see [`integrity::open_for_checks`]) and the live side of the comparison on one, on
/// another thread, while this one reads the log, checks the chain and replays it on a read-only
/// one (alone, this thread would be fsck's longest).
fn index_problems(dir: &std::path::Path) -> anyhow::Result<(Vec<Finding>, Logged)> {
    let db = &integrity::open_read_only(dir)?;
    let mut findings = Vec::new();
    let mut logged = Vec::new();
    // The two sides are compared by digests under a key drawn for this run.
    let key = std::hash::RandomState::new();
    let (live, read) = std::thread::scope(|scope| {
        let live = scope.spawn(|| -> anyhow::Result<_> {
            let db = integrity::open_for_checks(dir)?;
            Ok((
                integrity::sqlite_problems(&db)?,
                integrity::digests(&db, &key)?,
            ))
        });
        // The log is read once, for the chain and for the replay.
        let read = crate::machine::replay::read_recorded(db).and_then(|log| {
            logged = log
                .typed
                .iter()
                .map(|(e, _)| (e.seq, e.hash.clone()))
                .collect();
            let breaks = log.breaks;
            // The log must rebuild the index (only meaningful when the chain holds).
            let replayed = if breaks.is_empty() {
                Some(crate::machine::replay::replay(log.typed)?)
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
        Some(Ok(scratch)) => {
            crate::machine::replay::compare_digests(&live_digests, &key, db, &scratch)?
        }
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
        root: root.to_path_buf(),
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

/// The object files under `root`: their names, their directories (open, with their names) and
/// the directory of each file.
struct Listing {
    root: PathBuf,
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

    /// The `i`th object's path.
    fn path(&self, i: usize) -> PathBuf {
        self.root
            .join(&self.dirs[self.dir_of[i]].1)
            .join(self.file_name(i))
    }

    /// Opens the `i`th object through its directory, already open, by its name alone.
    #[cfg(unix)]
    fn open(&self, i: usize) -> std::io::Result<std::fs::File> {
        use rustix::fs::{Mode, OFlags};
        let dir = &self.dirs[self.dir_of[i]].0;
        let flags = OFlags::RDONLY | OFlags::CLOEXEC;
        let fd = rustix::fs::openat(dir, self.file_name(i), flags, Mode::empty())?;
        Ok(std::fs::File::from(fd))
    }

    #[cfg(not(unix))]
    fn open(&self, i: usize) -> std::io::Result<std::fs::File> {
        std::fs::File::open(self.path(i))
    }
}

/// The names of the records in the shared history (git `refs/relmgr/`) of the store at `dir`,
/// when it is `shared`; asked of git (two processes) on a thread of its own from the start.
fn shared_names(dir: &std::path::Path, shared: bool) -> anyhow::Result<Option<HashSet<String>>> {
    if !shared {
        return Ok(None);
    }
    let Some(repo) = super::share::repo_of(dir)? else {
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
/// the tree and the leftovers.
struct Checked<'a> {
    listing: &'a Listing,
    packages: Vec<integrity::Managed>,
    /// (place, object's SHA-256, fingerprint, armored signature) of each stored signature.
    sig_jobs: Vec<(String, String, String, String)>,
    /// Each object's index in the listing, by its name (the SHA-256 it claims).
    index_of: HashMap<&'a str, usize>,
    /// The signatures over each object of the listing, as indexes into `sig_jobs`.
    jobs_at: Vec<Vec<usize>>,
    reads: Vec<verify::RawSums>,
    tree_missing: Vec<bool>,
    leftovers: Vec<debris::Leftover>,
}

/// The half of fsck beside the index's checks: the object directory is listed on another thread
/// while this one reads the packages from the index, then the objects are read on every core,
/// then the tree and the leftovers are checked, and all that judged.
fn objects_and_tree(
    s: &Session,
    root: &std::path::Path,
    repair: bool,
    progress: &(dyn Fn(Progress) + Sync),
) -> anyhow::Result<Judged> {
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
    // Objects are found by name once each, here: the rest goes by index.
    let index_of: HashMap<&str, usize> = listing
        .names
        .iter()
        .enumerate()
        .map(|(i, name)| (name.as_str(), i))
        .collect();
    let mut jobs_at: Vec<Vec<usize>> = vec![Vec::new(); listing.names.len()];
    for (j, (_, sha256, _, _)) in sig_jobs.iter().enumerate() {
        if let Some(&i) = index_of.get(sha256.as_str()) {
            jobs_at[i].push(j);
        }
    }
    progress(Progress::Objects(listing.names.len() as u64));
    let numbered: Vec<usize> = (0..listing.names.len()).collect();
    let reads = parallel(&numbered, |&i| {
        let sigs: Vec<&[u8]> = jobs_at[i]
            .iter()
            .map(|&j| sig_jobs[j].3.as_bytes())
            .collect();
        let file = listing.open(i)?;
        let mut sums = verify::read_signed_short(file, &sigs, &keyring, now)?;
        if !hex_is(&listing.names[i], &sums.sha256) {
            // Perhaps a read that stopped short of the end: read it again, to the end, before
            // judging it.
            sums = verify::read_signed_raw(listing.open(i)?, &sigs, &keyring, now)?;
        }
        progress(Progress::ObjectDone);
        Ok(sums)
    })?;
    let (tree_missing, revision_dirs) = tree_missing(dir, &packages)?;
    let leftovers = debris::find(dir, &revision_dirs)?;
    let checked = Checked {
        listing: &listing,
        packages,
        sig_jobs,
        index_of,
        jobs_at,
        reads,
        tree_missing,
        leftovers,
    };
    judge(s, repair, checked)
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
    objects: usize,
    packages: usize,
    signatures: usize,
}

/// Judges the objects, packages, signatures, leftovers, tree and key files fsck read (and, with
/// `repair`, repairs what it can), while the index's checks go on.
fn judge(s: &Session, repair: bool, checked: Checked<'_>) -> anyhow::Result<Judged> {
    let db = s.store.db();
    let dir = &s.store.dir;
    let Checked {
        listing,
        packages,
        sig_jobs,
        index_of,
        jobs_at,
        reads,
        tree_missing,
        leftovers,
    } = checked;
    let mut findings = Vec::new();
    let mut sig_results: Vec<SigCheck> = sig_jobs
        .iter()
        .map(|(_, sha256, _, _)| SigCheck::Bad {
            reason: format!("cannot read the signed data: its object {sha256} is missing"),
        })
        .collect();
    let mut corrupt_objects = BTreeSet::new();
    for ((name, sums), jobs) in listing.names.iter().zip(&reads).zip(&jobs_at) {
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
        for (&j, each) in jobs.iter().zip(&sums.verdicts) {
            sig_results[j] = crate::pgp::judge(each);
        }
    }

    // Packages: their object exists and has the recorded SHA-512.
    let mut referenced = vec![false; listing.names.len()];
    for p in &packages {
        match index_of.get(p.sha256.as_str()) {
            None => findings.push(finding(
                "package",
                p.place(),
                format!("its object {} is missing", p.sha256),
            )),
            Some(&i) => {
                referenced[i] = true;
                if !hex_is(&p.sha512, &reads[i].sha512) {
                    findings.push(finding(
                        "package",
                        p.place(),
                        "the stored bytes do not match the recorded SHA-512",
                    ));
                }
            }
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
    for (i, name) in listing.names.iter().enumerate() {
        if !referenced[i] {
            let path = &listing.path(i);
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
    // the shared history's, then the objects'. The shared history's names are asked of git on
    // a third thread meanwhile.
    let is_shared = s.store.config.clone_id.is_some();
    let (index, rest, shared) = std::thread::scope(|scope| {
        let index = scope.spawn(|| index_problems(dir));
        let shared = scope.spawn(|| shared_names(dir, is_shared));
        let rest = objects_and_tree(s, &root, repair, progress);
        (join(index), rest, join(shared))
    });
    let (mut findings, logged) = index?;
    let shared = shared?;
    let Judged {
        findings: found,
        mut notes,
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
