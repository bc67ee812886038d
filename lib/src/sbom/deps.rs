//! Third-party dependencies found inside source archives.
//!
//! [`scan_archive`] streams a `.tar.gz` / `.tgz` / `.tar` (tar + flate2) or `.zip` (zip)
//! without unpacking anything to disk, and reads only the entries whose file name is one of
//! [`LOCKFILES`], at any depth, each at most [`MAX_LOCKFILE`] bytes (a larger one is skipped).
//! What each lockfile yields is described in the parser functions (`parse.rs`): pinned
//! versions only, the project's own packages left out.
//!
//! The result is deduplicated by purl (keeping the smallest `found_in`) and sorted by purl. A
//! package that is not such an archive gives an empty list. An archive that cannot be read
//! (corrupt, truncated, not what its name says) gives `Err`; a lockfile that cannot be parsed
//! is an error too, since it means the archive holds something we cannot describe truthfully.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use anyhow::{Context, Result};

use super::parse;

/// The lockfile names looked for, at any depth.
pub const LOCKFILES: &[&str] = &[
    "Cargo.lock",
    "package-lock.json",
    "go.mod",
    "requirements.txt",
];

/// The largest lockfile read: 16 MiB.
pub const MAX_LOCKFILE: u64 = 16 * 1024 * 1024;

/// A third-party library pinned by a lockfile inside an archive.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dep {
    /// `cargo`, `npm`, `golang` or `pypi` (also the purl type).
    pub ecosystem: &'static str,
    /// The name as the ecosystem writes it (pypi: normalized like the purl).
    pub name: String,
    /// The pinned version.
    pub version: String,
    /// The package URL.
    pub purl: String,
    /// The lockfile's path inside the archive.
    pub found_in: String,
}

/// The kinds of archive read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArchiveKind {
    TarGz,
    Tar,
    Zip,
}

/// The archive kind of a file name (case-insensitive suffix), if any.
pub(crate) fn archive_kind(name: &str) -> Option<ArchiveKind> {
    let n = name.to_ascii_lowercase();
    if n.ends_with(".tar.gz") || n.ends_with(".tgz") {
        Some(ArchiveKind::TarGz)
    } else if n.ends_with(".tar") {
        Some(ArchiveKind::Tar)
    } else if n.ends_with(".zip") {
        Some(ArchiveKind::Zip)
    } else {
        None
    }
}

/// Lists the libraries pinned by the lockfiles inside the archive at `path`, whose package
/// name is `name` (the name decides the archive kind). Not an archive → empty list.
pub fn scan_archive(path: &Path, name: &str) -> Result<Vec<Dep>> {
    let Some(kind) = archive_kind(name) else {
        return Ok(Vec::new());
    };
    let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut found: Vec<(String, String)> = Vec::new();
    match kind {
        ArchiveKind::TarGz => {
            let gz = flate2::read::GzDecoder::new(BufReader::new(file));
            read_tar(gz, &mut found)
        }
        ArchiveKind::Tar => read_tar(BufReader::new(file), &mut found),
        ArchiveKind::Zip => read_zip(BufReader::new(file), &mut found),
    }
    .with_context(|| format!("reading archive {name}"))?;
    let mut deps = Vec::new();
    for (inner, text) in &found {
        let parsed = parse::lockfile(inner, text).with_context(|| format!("parsing {inner}"))?;
        deps.extend(parsed);
    }
    deps.sort_by(|a, b| (&a.purl, &a.found_in).cmp(&(&b.purl, &b.found_in)));
    deps.dedup_by(|a, b| a.purl == b.purl);
    Ok(deps)
}

/// Whether an entry path names a lockfile (by its last component).
fn is_lockfile(path: &str) -> bool {
    let base = path.rsplit('/').next().unwrap_or(path);
    LOCKFILES.contains(&base)
}

/// Reads at most [`MAX_LOCKFILE`] bytes of `r` as UTF-8; `None` if it is larger.
fn read_capped(r: impl Read, path: &str) -> Result<Option<String>> {
    let mut buf = Vec::new();
    r.take(MAX_LOCKFILE + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > MAX_LOCKFILE {
        return Ok(None);
    }
    let text = String::from_utf8(buf).with_context(|| format!("{path} is not UTF-8"))?;
    Ok(Some(text))
}

fn read_tar(r: impl Read, found: &mut Vec<(String, String)>) -> Result<()> {
    let mut ar = tar::Archive::new(r);
    for entry in ar.entries()? {
        let entry = entry?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let path = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        if !is_lockfile(&path) || entry.header().size()? > MAX_LOCKFILE {
            continue;
        }
        if let Some(text) = read_capped(entry, &path)? {
            found.push((path, text));
        }
    }
    Ok(())
}

fn read_zip(r: impl Read + std::io::Seek, found: &mut Vec<(String, String)>) -> Result<()> {
    let mut ar = zip::ZipArchive::new(r)?;
    for i in 0..ar.len() {
        let file = ar.by_index(i)?;
        if !file.is_file() {
            continue;
        }
        let path = file.name()?.into_owned();
        if !is_lockfile(&path) || file.size() > MAX_LOCKFILE {
            continue;
        }
        if let Some(text) = read_capped(file, &path)? {
            found.push((path, text));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_names() {
        assert_eq!(archive_kind("a-1.0-src.TAR.GZ"), Some(ArchiveKind::TarGz));
        assert_eq!(archive_kind("a.tgz"), Some(ArchiveKind::TarGz));
        assert_eq!(archive_kind("a.tar"), Some(ArchiveKind::Tar));
        assert_eq!(archive_kind("dir/a.zip"), Some(ArchiveKind::Zip));
        assert_eq!(archive_kind("a.tar.gz.asc"), None);
        assert!(is_lockfile("x/y/Cargo.lock"));
        assert!(is_lockfile("go.mod"));
        assert!(!is_lockfile("x/Cargo.lock.orig"));
    }

    #[test]
    fn not_an_archive_is_empty_without_reading() {
        let deps = scan_archive(Path::new("/nonexistent"), "demo.jar").unwrap();
        assert!(deps.is_empty());
    }
}
