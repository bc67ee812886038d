//! Classifying the files of a release directory, for `relmgr verify --dir DIR`.
//!
//! This module owns the naming rules of an Apache-style release directory: every package
//! `<file>` has its signature `<file>.asc` and checksum `<file>.sha512` (or `.sha256`) beside
//! it; `KEYS` is the keys file; `index.html` is a download page (SPEC §9); `.md5`, `.sha1`, `.sig`, `.sha` (and `.sha224`, `.sha384`,
//! `.mds`) are stray sidecars a release should no longer carry. It only looks at names and file
//! types; reading signatures and checksums is left to the caller.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use walkdir::WalkDir;

/// What a release directory holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DistDir {
    /// Every file that is not a sidecar, with its sidecars, in walk order (sorted by name).
    pub packages: Vec<PackageFiles>,
    /// `.asc`, `.sha512` and `.sha256` files whose package does not exist.
    pub orphans: Vec<String>,
    /// Sidecars of a kind a release should not carry: `.md5`, `.sha1`, `.sig`, `.sha`, ...
    pub stray: Vec<String>,
    /// The `KEYS` file nearest to the top, if any.
    pub keys_file: Option<PathBuf>,
    /// Symlinks, other special files, and further `KEYS` files: reported, never followed.
    pub other: Vec<String>,
    /// Download pages (`index.html`, `archive.html`, written by `publish`): not packages, never
    /// verified.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<String>,
}

/// One package and the sidecars found beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PackageFiles {
    /// Path relative to the scanned directory, with `/` separators.
    pub name: String,
    /// Full path of the package.
    pub path: PathBuf,
    /// `<package>.asc`, if present.
    pub signature: Option<PathBuf>,
    /// `<package>.sha512`, if present.
    pub sha512: Option<PathBuf>,
    /// `<package>.sha256`, if present.
    pub sha256: Option<PathBuf>,
}

/// Why a directory could not be scanned.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// The path is missing or is not a directory.
    #[error("{} is not a directory", .0.display())]
    NotADirectory(PathBuf),
    /// Reading the directory tree failed part-way.
    #[error("cannot read {}: {source}", path.display())]
    Walk {
        /// Where the walk failed.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: walkdir::Error,
    },
}

/// What a file is, judged by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Package,
    Keys,
    Page,
    Signature,
    Sha512,
    Sha256,
    Stray,
}

/// Suffixes of sidecars, matched without regard to case.
const SIDECARS: &[(&str, Kind)] = &[
    (".asc", Kind::Signature),
    (".sha512", Kind::Sha512),
    (".sha256", Kind::Sha256),
    (".md5", Kind::Stray),
    (".sha1", Kind::Stray),
    (".sig", Kind::Stray),
    (".sha", Kind::Stray),
    (".sha224", Kind::Stray),
    (".sha384", Kind::Stray),
    (".mds", Kind::Stray),
];

/// The kind of the file at relative path `name`, and for a sidecar the name it belongs to.
fn classify(name: &str) -> (Kind, &str) {
    let file_name = name.rsplit('/').next().unwrap_or(name);
    if file_name == "KEYS" {
        return (Kind::Keys, name);
    }
    if file_name == "index.html" || file_name == "archive.html" {
        return (Kind::Page, name);
    }
    for &(suffix, kind) in SIDECARS {
        let cut = name.len().saturating_sub(suffix.len());
        let tail = name.get(cut..).unwrap_or("");
        if tail.eq_ignore_ascii_case(suffix) {
            return (kind, name.get(..cut).unwrap_or(""));
        }
    }
    (Kind::Package, name)
}

/// Walks `dir` (sorted by file name, recursively, symlinks not followed) and classifies every
/// file in it.
pub fn scan(dir: &Path) -> Result<DistDir, ScanError> {
    if !dir.is_dir() {
        return Err(ScanError::NotADirectory(dir.to_owned()));
    }
    let mut result = DistDir::default();
    let mut keys_depth = usize::MAX;
    // (relative name, full path, kind, base name) of every regular file, in walk order.
    let mut files = Vec::new();
    let walk = WalkDir::new(dir)
        .min_depth(1)
        .follow_links(false)
        .sort_by_file_name();
    for entry in walk {
        let entry = entry.map_err(|source| ScanError::Walk {
            path: source.path().unwrap_or(dir).to_owned(),
            source,
        })?;
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        let name = relative_name(dir, entry.path());
        if !file_type.is_file() {
            result.other.push(name);
            continue;
        }
        if classify(&name).0 == Kind::Keys {
            if entry.depth() < keys_depth {
                if let Some(previous) = result.keys_file.take() {
                    result.other.push(relative_name(dir, &previous));
                }
                keys_depth = entry.depth();
                result.keys_file = Some(entry.into_path());
            } else {
                result.other.push(name);
            }
            continue;
        }
        if classify(&name).0 == Kind::Page {
            result.pages.push(name);
            continue;
        }
        files.push((name, entry.into_path()));
    }

    let mut index = BTreeMap::new();
    for (name, path) in &files {
        if classify(name).0 == Kind::Package {
            index.insert(name.clone(), result.packages.len());
            result.packages.push(PackageFiles {
                name: name.clone(),
                path: path.clone(),
                signature: None,
                sha512: None,
                sha256: None,
            });
        }
    }
    for (name, path) in files {
        let (kind, base) = classify(&name);
        let owner = index.get(base).copied();
        let package = owner.and_then(|i| result.packages.get_mut(i));
        match (kind, package) {
            (Kind::Package | Kind::Keys | Kind::Page, _) => {}
            (Kind::Stray, _) => result.stray.push(name),
            (Kind::Signature, Some(p)) => p.signature = Some(path),
            (Kind::Sha512, Some(p)) => p.sha512 = Some(path),
            (Kind::Sha256, Some(p)) => p.sha256 = Some(path),
            (Kind::Signature | Kind::Sha512 | Kind::Sha256, None) => result.orphans.push(name),
        }
    }
    Ok(result)
}

/// `path` relative to `dir`, with `/` separators.
fn relative_name(dir: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(dir).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A temp dir holding `files` (empty files; a trailing `/` makes a directory).
    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in files {
            let path = dir.path().join(f);
            if f.ends_with('/') {
                fs::create_dir_all(&path).unwrap();
            } else {
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(&path, f.as_bytes()).unwrap();
            }
        }
        dir
    }

    fn names(packages: &[PackageFiles]) -> Vec<&str> {
        packages.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn complete_release() {
        let dir = tree(&[
            "KEYS",
            "foo-1.0-src.tar.gz",
            "foo-1.0-src.tar.gz.asc",
            "foo-1.0-src.tar.gz.sha512",
            "foo-1.0-bin.zip",
            "foo-1.0-bin.zip.asc",
            "foo-1.0-bin.zip.sha256",
            "snapshot.json",
            "snapshot.json.asc",
        ]);
        let d = scan(dir.path()).unwrap();
        let expected = ["foo-1.0-bin.zip", "foo-1.0-src.tar.gz", "snapshot.json"];
        assert_eq!(names(&d.packages), expected);
        let src = &d.packages[1];
        assert_eq!(src.path, dir.path().join("foo-1.0-src.tar.gz"));
        assert_eq!(
            src.signature,
            Some(dir.path().join("foo-1.0-src.tar.gz.asc"))
        );
        assert_eq!(
            src.sha512,
            Some(dir.path().join("foo-1.0-src.tar.gz.sha512"))
        );
        assert_eq!(src.sha256, None);
        let bin = &d.packages[0];
        assert!(bin.signature.is_some() && bin.sha256.is_some() && bin.sha512.is_none());
        assert!(d.packages[2].signature.is_some() && d.packages[2].sha512.is_none());
        assert_eq!(d.keys_file, Some(dir.path().join("KEYS")));
        assert!(d.orphans.is_empty() && d.stray.is_empty() && d.other.is_empty());
    }

    #[test]
    fn orphans_are_sidecars_without_package() {
        let dir = tree(&[
            "a.tgz.asc",
            "b.zip.sha512",
            "c.jar.sha256",
            "d.jar",
            "d.jar.asc.sha512",
        ]);
        let d = scan(dir.path()).unwrap();
        assert_eq!(names(&d.packages), ["d.jar"]);
        let orphans = [
            "a.tgz.asc",
            "b.zip.sha512",
            "c.jar.sha256",
            "d.jar.asc.sha512",
        ];
        assert_eq!(d.orphans, orphans);
        assert_eq!(d.keys_file, None);
    }

    #[test]
    fn old_style_sidecars_are_stray() {
        let dir = tree(&[
            "p.tgz",
            "p.tgz.md5",
            "p.tgz.sha1",
            "p.tgz.sig",
            "p.tgz.sha",
            "q.MD5",
        ]);
        let d = scan(dir.path()).unwrap();
        assert_eq!(names(&d.packages), ["p.tgz"]);
        let stray = ["p.tgz.md5", "p.tgz.sha", "p.tgz.sha1", "p.tgz.sig", "q.MD5"];
        assert_eq!(d.stray, stray);
        assert!(d.orphans.is_empty());
    }

    #[test]
    fn nested_directories_use_slash_paths() {
        let dir = tree(&[
            "b/x.jar",
            "b/x.jar.asc",
            "a/",
            "a/z/y.pom",
            "a/z/y.pom.SHA512",
            "top.txt",
        ]);
        let d = scan(dir.path()).unwrap();
        assert_eq!(names(&d.packages), ["a/z/y.pom", "b/x.jar", "top.txt"]);
        assert_eq!(
            d.packages[0].sha512,
            Some(dir.path().join("a/z/y.pom.SHA512"))
        );
        assert_eq!(
            d.packages[1].signature,
            Some(dir.path().join("b/x.jar.asc"))
        );
    }

    #[test]
    fn nearest_keys_wins_and_others_are_reported() {
        let dir = tree(&["a/KEYS", "KEYS", "z/KEYS", "p.tgz"]);
        let d = scan(dir.path()).unwrap();
        assert_eq!(d.keys_file, Some(dir.path().join("KEYS")));
        assert_eq!(d.other, ["a/KEYS", "z/KEYS"]);
        assert_eq!(names(&d.packages), ["p.tgz"]);
    }

    #[test]
    fn symlinks_are_reported_not_followed() {
        let dir = tree(&["real/inner.tgz", "p.tgz"]);
        let root = dir.path();
        std::os::unix::fs::symlink(root.join("real"), root.join("link-dir")).unwrap();
        std::os::unix::fs::symlink(root.join("p.tgz"), root.join("link.tgz")).unwrap();
        std::os::unix::fs::symlink(root.join("gone"), root.join("dangling.asc")).unwrap();
        let d = scan(root).unwrap();
        assert_eq!(names(&d.packages), ["p.tgz", "real/inner.tgz"]);
        assert_eq!(d.other, ["dangling.asc", "link-dir", "link.tgz"]);
        assert!(d.orphans.is_empty());
    }

    #[test]
    fn special_files_go_to_other() {
        let dir = tree(&["p.tgz"]);
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert_eq!(scan(dir.path()).unwrap().other, ["pipe"]);
        }
    }

    #[test]
    fn empty_and_missing_directories() {
        let dir = tree(&[]);
        assert_eq!(scan(dir.path()).unwrap(), DistDir::default());
        let missing = dir.path().join("nope");
        let err = scan(&missing).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{} is not a directory", missing.display())
        );
        let file = tree(&["f"]);
        assert!(matches!(
            scan(&file.path().join("f")),
            Err(ScanError::NotADirectory(_))
        ));
    }

    #[test]
    fn odd_names_do_not_panic() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tree(&[".asc", ".sha512", "é.tgz", "é.tgz.asc"]);
        let raw = std::ffi::OsStr::from_bytes(b"bad-\xff.tgz");
        fs::write(dir.path().join(raw), b"x").unwrap();
        let d = scan(dir.path()).unwrap();
        assert_eq!(names(&d.packages), ["bad-\u{fffd}.tgz", "é.tgz"]);
        assert!(d.packages[1].signature.is_some());
        assert_eq!(d.orphans, [".asc", ".sha512"]);
    }

    #[test]
    fn classify_rules() {
        assert_eq!(classify("x/KEYS"), (Kind::Keys, "x/KEYS"));
        assert_eq!(classify("KEYS.txt"), (Kind::Package, "KEYS.txt"));
        assert_eq!(classify("a.tar.gz.Sha256"), (Kind::Sha256, "a.tar.gz"));
        assert_eq!(classify("a.sha384"), (Kind::Stray, "a"));
        assert_eq!(classify("a.asc.sha512"), (Kind::Sha512, "a.asc"));
        assert_eq!(classify("sha"), (Kind::Package, "sha"));
    }
}
