//! Debris of interrupted runs: temp files under `tmp/` and the hidden revision directories of a
//! tree rebuild (`.<rcN>.tmp-<pid>`, `.<rcN>.old-<pid>`) in `releases/`.
//!
//! A running relmgr holds a shared `flock` on each temp file and directory it makes, until it has
//! renamed or removed it. The kernel drops the lock when the process ends, however it ends (a
//! `kill -9` included), so a leftover that nobody holds a lock on belongs to a dead process: like
//! SQLite's hot journal or git's `tmp_obj_*`, it is not a store problem. The first write of a
//! process sweeps `tmp/`; a tree rebuild sweeps the dead siblings of the directory it rebuilds;
//! `fsck` lists the rest as notes and `fsck --repair` removes them. A leftover still locked is in
//! use by a running relmgr and is never touched.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// A leftover found in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    pub path: PathBuf,
    /// What it is, in words.
    pub what: &'static str,
    /// A running process holds it.
    pub in_use: bool,
}

/// Takes the shared lock that marks `path` (a file or a directory) as in use by this process,
/// for as long as the returned handle lives.
pub fn hold(path: &Path) -> io::Result<File> {
    let f = File::open(path)?;
    f.lock_shared()?;
    Ok(f)
}

/// Marks an already open file as in use by this process while `file` lives.
pub fn hold_file(file: &File) -> io::Result<()> {
    file.lock_shared()
}

/// True when some process holds a lock on `path`; false when nobody does, or it is gone.
pub fn in_use(path: &Path) -> bool {
    let Ok(f) = File::open(path) else {
        return false;
    };
    match f.try_lock() {
        Ok(()) => false,
        Err(TryLockError::WouldBlock) => true,
        // A file system without locks: assume the owner may be alive, never remove.
        Err(TryLockError::Error(_)) => true,
    }
}

/// Is `name` the hidden directory of an interrupted tree rebuild?
pub fn is_tree_leftover(name: &str) -> bool {
    name.starts_with('.') && (name.contains(".tmp-") || name.contains(".old-"))
}

/// Every leftover in the store, dead or in use: temp files, then tree directories, each sorted.
/// The walk of `releases/` does not go into the directories `sound` names (revision directories
/// that fsck found and listed): a leftover is a hidden sibling of a revision directory, never
/// inside one, and a store's files are mostly in them. Nor does it list a directory whose only
/// subdirectories are sound ones, as its link count tells (one `stat`, not a listing, for each
/// of 10,000 version directories).
pub fn find(store_dir: &Path, sound: &HashSet<PathBuf>) -> io::Result<Vec<Leftover>> {
    let mut found = Vec::new();
    let tmp = store_dir.join("tmp");
    if tmp.is_dir() {
        let mut names: Vec<PathBuf> = fs::read_dir(&tmp)?
            .map(|e| e.map(|e| e.path()))
            .collect::<io::Result<_>>()?;
        names.sort();
        for path in names {
            let in_use = in_use(&path);
            found.push(Leftover {
                path,
                what: "a temp file of an interrupted run",
                in_use,
            });
        }
    }
    let releases = store_dir.join("releases");
    if releases.is_dir() {
        let mut parents: HashMap<&Path, u64> = HashMap::new();
        for p in sound {
            if let Some(parent) = p.parent() {
                *parents.entry(parent).or_default() += 1;
            }
        }
        let walk = Walk { sound, parents };
        let mut trees = Vec::new();
        walk.leftovers(&releases, &mut trees)?;
        trees.sort_by(|a, b| a.path.cmp(&b.path));
        found.extend(trees);
    }
    Ok(found)
}

/// The walk of `releases/` for leftover directories.
struct Walk<'a> {
    sound: &'a HashSet<PathBuf>,
    /// How many sound directories each of their parents holds.
    parents: HashMap<&'a Path, u64>,
}

impl Walk<'_> {
    /// The leftover directories under `dir`. A sound directory is not opened (a walk that
    /// skips a directory after it yields it has opened it already), nor a directory whose
    /// subdirectories are all sound.
    fn leftovers(&self, dir: &Path, out: &mut Vec<Leftover>) -> io::Result<()> {
        for e in fs::read_dir(dir)? {
            let e = e?;
            if !e.file_type()?.is_dir() {
                continue;
            }
            let path = e.path();
            if is_tree_leftover(&e.file_name().to_string_lossy()) {
                let in_use = in_use(&path);
                out.push(Leftover {
                    path,
                    what: "a directory of an interrupted tree rebuild",
                    in_use,
                });
            } else if !self.sound.contains(&path) && !self.only_sound_below(&path) {
                self.leftovers(&path, out)?;
            }
        }
        Ok(())
    }

    /// Whether the subdirectories of `dir` are exactly its sound ones: a directory's link count
    /// is two plus its subdirectories on the file systems that keep it (ext4, xfs, tmpfs);
    /// elsewhere (btrfs says 1) the counts differ and the directory is listed.
    fn only_sound_below(&self, dir: &Path) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let Some(&sound) = self.parents.get(dir) else {
                return false;
            };
            fs::metadata(dir).is_ok_and(|m| m.nlink() == sound + 2)
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            false
        }
    }
}

/// Removes a leftover unless a process holds it; true when it is gone.
pub fn remove(l: &Leftover) -> bool {
    if in_use(&l.path) {
        return false;
    }
    let removed = if l.path.is_dir() {
        fs::remove_dir_all(&l.path)
    } else {
        fs::remove_file(&l.path)
    };
    removed.is_ok() || !l.path.exists()
}

/// Temp files are created under this prefix and renamed once locked; sweeps leave them alone
/// (an unlocked one may be in the instant between its creation and its lock).
pub const UNSWEPT_PREFIX: &str = "new-";

/// Removes the temp files under `tmp/` whose process is gone (best effort: a sweep never fails a
/// command). Returns how many it removed.
pub fn sweep_tmp(store_dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(store_dir.join("tmp")) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let path = e.path();
        let unswept = e.file_name().to_string_lossy().starts_with(UNSWEPT_PREFIX);
        if !unswept && path.is_file() && !in_use(&path) && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Removes the dead leftovers of earlier rebuilds of the revision directory `name` in `parent`.
pub fn sweep_siblings(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [format!(".{name}.tmp-"), format!(".{name}.old-")];
    for e in entries.flatten() {
        let file_name = e.file_name();
        let file_name = file_name.to_string_lossy();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            let path = e.path();
            if !in_use(&path) {
                let _ = fs::remove_dir_all(&path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temp_file_not_yet_locked_survives_sweeps() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("tmp")).unwrap();
        let fresh = dir
            .path()
            .join("tmp")
            .join(format!("{UNSWEPT_PREFIX}1-abc"));
        fs::write(&fresh, b"").unwrap();
        let dead = dir.path().join("tmp").join("obj-1-abc");
        fs::write(&dead, b"").unwrap();
        assert_eq!(sweep_tmp(dir.path()), 1);
        assert!(fresh.exists() && !dead.exists());
    }

    #[test]
    fn a_held_file_is_in_use_and_survives_sweeps() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("tmp")).unwrap();
        let live = dir.path().join("tmp/obj-live");
        let dead = dir.path().join("tmp/obj-dead");
        fs::write(&live, b"x").unwrap();
        fs::write(&dead, b"y").unwrap();
        let guard = hold(&live).unwrap();
        assert!(in_use(&live));
        assert!(!in_use(&dead));
        let found = find(dir.path(), &HashSet::new()).unwrap();
        assert_eq!(
            found.iter().map(|l| l.in_use).collect::<Vec<_>>(),
            [false, true],
            "sorted by name: dead, then live"
        );
        assert_eq!(sweep_tmp(dir.path()), 1);
        assert!(live.exists() && !dead.exists());
        assert!(!remove(&found[1]));
        drop(guard);
        assert!(!in_use(&live));
        assert!(remove(&found[1]));
        assert!(!live.exists());
    }

    #[test]
    fn held_directories_are_kept_and_dead_siblings_removed() {
        let dir = tempfile::tempdir().unwrap();
        let parent = dir.path().join("releases/demo/1.0");
        for d in [
            ".rc1.tmp-1",
            ".rc1.old-2",
            ".rc1.tmp-3",
            ".rc2.tmp-4",
            "rc1",
        ] {
            fs::create_dir_all(parent.join(d)).unwrap();
        }
        let guard = hold(&parent.join(".rc1.tmp-3")).unwrap();
        let found = find(dir.path(), &HashSet::new()).unwrap();
        assert_eq!(found.len(), 4, "{found:?}");
        sweep_siblings(&parent, "rc1");
        let mut left: Vec<String> = fs::read_dir(&parent)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".rc1.tmp-3", ".rc2.tmp-4", "rc1"]);
        drop(guard);
    }

    #[test]
    fn the_walk_passes_over_the_revision_directories_it_is_told_are_sound() {
        let dir = tempfile::tempdir().unwrap();
        let version = dir.path().join("releases/demo/1.0");
        // A package may be a directory path, even one that looks like a leftover.
        for d in ["rc1/.docs.tmp-1", "rc2/.docs.tmp-1", ".rc1.tmp-7"] {
            fs::create_dir_all(version.join(d)).unwrap();
        }
        let sound: HashSet<PathBuf> = [version.join("rc1")].into();
        let found: Vec<PathBuf> = find(dir.path(), &sound)
            .unwrap()
            .into_iter()
            .map(|l| l.path.strip_prefix(&version).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            found,
            [
                PathBuf::from(".rc1.tmp-7"),
                PathBuf::from("rc2/.docs.tmp-1")
            ]
        );
    }

    #[test]
    fn a_directory_whose_subdirectories_are_all_sound_is_not_listed_and_others_are() {
        let dir = tempfile::tempdir().unwrap();
        let releases = dir.path().join("releases/demo");
        for d in [
            "1.0/rc1",
            "1.0/rc2",
            "2.0/rc1",
            "2.0/.rc2.tmp-5",
            "3.0/rc1",
            "3.0/.rc1.old-6",
        ] {
            fs::create_dir_all(releases.join(d)).unwrap();
        }
        // 3.0's rc1 was not found sound (fsck could not list it): its sibling is still seen.
        let sound: HashSet<PathBuf> = ["1.0/rc1", "1.0/rc2", "2.0/rc1"]
            .iter()
            .map(|d| releases.join(d))
            .collect();
        let found: Vec<PathBuf> = find(dir.path(), &sound)
            .unwrap()
            .into_iter()
            .map(|l| l.path.strip_prefix(&releases).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            found,
            [
                PathBuf::from("2.0/.rc2.tmp-5"),
                PathBuf::from("3.0/.rc1.old-6")
            ]
        );
        let one = releases.join("1.0");
        let two = releases.join("2.0");
        let walk = Walk {
            sound: &sound,
            parents: [(one.as_path(), 2), (two.as_path(), 1)]
                .into_iter()
                .collect(),
        };
        assert!(walk.only_sound_below(&one));
        assert!(!walk.only_sound_below(&two));
    }

    #[test]
    fn tree_leftover_names() {
        assert!(is_tree_leftover(".rc1.tmp-42"));
        assert!(is_tree_leftover(".rc1.old-42"));
        assert!(!is_tree_leftover("rc1"));
        assert!(!is_tree_leftover(".hidden"));
    }
}
