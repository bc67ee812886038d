//! `source-tree` and `format-parity`: a source archive's files by git blob id, compared with
//! the source repository (like ATR's `compare.source_trees`) and with the same release in
//! another archive format (like ATR's `parity.across_formats`).
//!
//! Owns [`Files`] (path below the top-level directory → git blob id, hex), [`compare_git`]
//! and [`parity`]. Paths are compared below the top-level directory, so
//! `demo-1.2.0/src/A.java` in the archive is `src/A.java` in git. Directories are not files;
//! a symlink's blob is its target, as git stores it. Findings fail, one per kind of
//! difference; their entries are those paths, so `check ignore add TARGET
//! 'source-tree:*:PKG-INFO'` accepts a file the release adds.

use std::collections::BTreeMap;

use super::archive::{self, Entry, Kind};
use super::paths::{Bucket, components};
use super::{Finding, Outcome, count};

/// Path below the top-level directory → git blob id (hex).
pub type Files = BTreeMap<String, String>;

/// Most files compared by blob id per archive: the map is held (and compared) in memory.
pub const MAX_TREE_FILES: usize = 200_000;

/// Collects the blob ids of an archive's files during the scan.
#[derive(Debug, Default)]
pub struct TreeFiles {
    /// Path components, blob id, git mode (`100644`, `100755`, `120000`).
    all: Vec<(Vec<String>, String, &'static str)>,
    /// More than [`MAX_TREE_FILES`] files: not compared.
    overflow: bool,
}

impl TreeFiles {
    /// Feeds one entry (scanned with hashing on).
    pub fn entry(&mut self, e: &Entry) {
        if !matches!(e.kind, Kind::File | Kind::Symlink) || self.overflow {
            return;
        }
        if self.all.len() >= MAX_TREE_FILES {
            self.overflow = true;
            self.all = Vec::new();
            return;
        }
        let blob = match (e.blob, e.link) {
            (Some(b), _) => b.to_string(),
            (None, Some(target)) => archive::blob_id(target.as_bytes()),
            (None, None) => return,
        };
        let comps = components(e.path).into_iter().map(str::to_string).collect();
        let mode = match (e.kind, e.exec) {
            (Kind::Symlink, _) => "120000",
            (_, true) => "100755",
            _ => "100644",
        };
        self.all.push((comps, blob, mode));
    }

    /// The Software Heritage id of the directory `top` (the whole archive when `None`):
    /// `swh:1:dir:` + the git tree id of its files and symlinks, as `git write-tree` computes
    /// it (empty directories do not count, as in git). `None` past [`MAX_TREE_FILES`] or
    /// when nothing is under `top`.
    pub fn swhid(&self, top: Option<&str>) -> Option<String> {
        if self.overflow {
            return None;
        }
        #[derive(Default)]
        struct Dir {
            files: BTreeMap<String, (String, &'static str)>,
            dirs: BTreeMap<String, Dir>,
        }
        fn insert(d: &mut Dir, comps: &[String], blob: &str, mode: &'static str) {
            match comps {
                [] => {}
                [file] => {
                    d.files.insert(file.clone(), (blob.to_string(), mode));
                }
                [dir, rest @ ..] => {
                    insert(d.dirs.entry(dir.clone()).or_default(), rest, blob, mode)
                }
            }
        }
        fn hash(d: &Dir) -> [u8; 20] {
            // git orders entries by name, a directory's name with a trailing `/`.
            let mut entries: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
            for (name, (blob, mode)) in &d.files {
                let mut e = format!("{mode} {name}\0").into_bytes();
                e.extend(hex_bytes(blob));
                entries.push((name.as_bytes().to_vec(), e));
            }
            for (name, sub) in &d.dirs {
                let mut e = format!("40000 {name}\0").into_bytes();
                e.extend(hash(sub));
                let mut key = name.as_bytes().to_vec();
                key.push(b'/');
                entries.push((key, e));
            }
            entries.sort();
            let body: Vec<u8> = entries.into_iter().flat_map(|(_, e)| e).collect();
            let mut sha = openssl::sha::Sha1::new();
            sha.update(format!("tree {}\0", body.len()).as_bytes());
            sha.update(&body);
            sha.finish()
        }
        fn hex_bytes(hex: &str) -> Vec<u8> {
            (0..hex.len() / 2)
                .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
                .collect()
        }
        let mut root = Dir::default();
        let mut any = false;
        for (comps, blob, mode) in &self.all {
            let below = match top {
                Some(t) if comps.first().map(String::as_str) == Some(t) && comps.len() > 1 => {
                    &comps[1..]
                }
                Some(_) => continue,
                None => &comps[..],
            };
            any = true;
            insert(&mut root, below, blob, mode);
        }
        any.then(|| {
            let id: String = hash(&root).iter().map(|b| format!("{b:02x}")).collect();
            format!("swh:1:dir:{id}")
        })
    }

    /// The files below `top` (all files when `None`); `None` past [`MAX_TREE_FILES`].
    pub fn finish(self, top: Option<&str>) -> Option<Files> {
        if self.overflow {
            return None;
        }
        let files = self
            .all
            .into_iter()
            .filter_map(|(comps, blob, _)| match top {
                Some(t) if comps.first().map(String::as_str) == Some(t) && comps.len() > 1 => {
                    Some((comps[1..].join("/"), blob))
                }
                Some(_) => None,
                None => Some((comps.join("/"), blob)),
            })
            .collect();
        Some(files)
    }
}

/// The three kinds of difference between two file maps.
#[derive(Debug, Default)]
struct Diff {
    only_left: Bucket,
    only_right: Bucket,
    different: Bucket,
}

fn diff(left: &Files, right: &Files) -> Diff {
    let mut d = Diff::default();
    for (path, blob) in left {
        match right.get(path) {
            None => d.only_left.push(path),
            Some(b) if b != blob => d.different.push(path),
            Some(_) => {}
        }
    }
    for path in right.keys().filter(|p| !left.contains_key(*p)) {
        d.only_right.push(path);
    }
    d
}

fn push(out: &mut Vec<Finding>, name: &str, check: &str, b: Bucket, what: &str) {
    if b.count > 0 {
        let what = format!("{} {what}", count(b.count, "file", "files"));
        out.push(Finding::with_entries(
            name,
            check,
            Outcome::Fail,
            &what,
            b.samples,
            b.count,
        ));
    }
}

/// `source-tree` findings for package `name` (files below its top directory) against the
/// tree of `git_ref` (`git` = `ls-tree -r` of it: path → blob id).
pub fn compare_git(name: &str, files: &Files, git: &Files, git_ref: &str) -> Vec<Finding> {
    let d = diff(files, git);
    let mut out = Vec::new();
    push(
        &mut out,
        name,
        "source-tree",
        d.only_left,
        &format!("only in the archive, not in git {git_ref}"),
    );
    push(
        &mut out,
        name,
        "source-tree",
        d.only_right,
        &format!("only in git {git_ref}, not in the archive"),
    );
    push(
        &mut out,
        name,
        "source-tree",
        d.different,
        &format!("differ from git {git_ref}"),
    );
    if out.is_empty() {
        let reason = format!(
            "{} match git {git_ref}",
            count(files.len(), "file", "files")
        );
        out.push(Finding::new(name, "source-tree", Outcome::Pass, reason));
    }
    out
}

/// `format-parity` findings: packages whose file names differ only by archive format
/// (`x-1.0.tar.gz`, `x-1.0.zip`) must hold the same files. One finding per package after the
/// first of each group, against that first one.
pub fn parity(packages: &[(String, Files)]) -> Vec<Finding> {
    let mut groups: BTreeMap<String, Vec<&(String, Files)>> = BTreeMap::new();
    for p in packages {
        if let Some((_, stem)) = archive::detect(&p.0) {
            let dir = p.0.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            groups.entry(format!("{dir}/{stem}")).or_default().push(p);
        }
    }
    let mut out = Vec::new();
    for group in groups.values().filter(|g| g.len() > 1) {
        let (first, base) = (&group[0].0, &group[0].1);
        for (name, files) in &group[1..] {
            let d = diff(files, base);
            let before = out.len();
            push(
                &mut out,
                name,
                "format-parity",
                d.only_left,
                &format!("not in {first}"),
            );
            push(
                &mut out,
                name,
                "format-parity",
                d.only_right,
                &format!("only in {first}"),
            );
            push(
                &mut out,
                name,
                "format-parity",
                d.different,
                &format!("differ from {first}"),
            );
            if out.len() == before {
                let reason = format!(
                    "the same {} as {first}",
                    count(files.len(), "file", "files")
                );
                out.push(Finding::new(name, "format-parity", Outcome::Pass, reason));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_file_limit_nothing_is_compared() {
        let mut t = TreeFiles::default();
        let feed = |t: &mut TreeFiles, n: usize| {
            for i in 0..n {
                let path = format!("demo/{i}");
                t.entry(&Entry {
                    path: &path,
                    kind: Kind::File,
                    link: None,
                    head: &[],
                    blob: Some("0"),
                    exec: false,
                });
            }
        };
        feed(&mut t, MAX_TREE_FILES);
        assert_eq!(
            t.finish(Some("demo")).map(|f| f.len()),
            Some(MAX_TREE_FILES)
        );
        let mut t = TreeFiles::default();
        feed(&mut t, MAX_TREE_FILES + 1);
        assert!(t.finish(Some("demo")).is_none());
    }

    fn files(v: &[(&str, &str)]) -> Files {
        v.iter()
            .map(|(p, b)| (p.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn compares_with_git() {
        let git = files(&[("a", "1"), ("b", "2"), ("c", "3")]);
        let ok = compare_git("x.tar.gz", &git, &git, "v1");
        assert_eq!(ok[0].result, Outcome::Pass);
        let archive = files(&[("a", "1"), ("b", "9"), ("d", "4")]);
        let got = compare_git("x.tar.gz", &archive, &git, "v1");
        let entries: Vec<_> = got.iter().map(|f| f.entries.clone()).collect();
        assert_eq!(entries, [vec!["d"], vec!["c"], vec!["b"]]);
        assert!(got.iter().all(|f| f.result == Outcome::Fail));
        assert!(
            got[0].reason.starts_with("1 file only in the archive"),
            "{got:?}"
        );
    }

    #[test]
    fn formats_must_agree() {
        let a = files(&[("a", "1"), ("b", "2")]);
        let b = files(&[("a", "1"), ("b", "3")]);
        let got = parity(&[
            ("x-1.0.tar.gz".into(), a.clone()),
            ("x-1.0.zip".into(), b),
            ("y-1.0.zip".into(), a.clone()),
        ]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].package, "x-1.0.zip");
        assert_eq!(got[0].entries, ["b"]);
        let same = parity(&[("x-1.0.tar.gz".into(), a.clone()), ("x-1.0.zip".into(), a)]);
        assert_eq!(same[0].result, Outcome::Pass);
    }
}
