//! `releases/`: the browsable tree `<project>[/<product>]/<version>/<rcN>/` holding each managed
//! package (a hard link to its object, else a copy), its `.sha512` and, when signed, its `.asc`.
//! The tree is derived from the index and the objects, so it is rebuilt whole and swapped in
//! with renames: rerunning is harmless and a killed run leaves at most a hidden temp directory.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::checksums;
use crate::store::objects;
use crate::store::releases::StoredPackage;

/// The directory of one revision.
pub fn revision_dir(store_dir: &Path, target: &str, version: &str, revision: &str) -> PathBuf {
    let mut p = store_dir.join("releases");
    for part in target.split('/') {
        p.push(part);
    }
    p.join(version).join(revision)
}

/// The names of the regular files in `dir` (symbolic links followed, as `Path::is_file` does),
/// from one listing; empty when `dir` cannot be read.
pub fn regular_files(dir: &Path) -> std::collections::HashSet<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Default::default();
    };
    entries
        .flatten()
        .filter(|e| match e.file_type() {
            Ok(t) if t.is_symlink() => e.path().is_file(),
            Ok(t) => t.is_file(),
            Err(_) => false,
        })
        .filter_map(|e| e.file_name().into_string().ok())
        .collect()
}

/// Places `src` at `dest` as a hard link, else a copy. `dest`'s directory is made only when it is
/// missing (tried first, a stage of many small files made one failing `mkdir` per package).
pub fn link_or_copy(src: &Path, dest: &Path) -> anyhow::Result<()> {
    let linked = match fs::hard_link(src, dest) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => match dest.parent() {
            Some(parent) if !parent.as_os_str().is_empty() && !parent.is_dir() => {
                fs::create_dir_all(parent)?;
                fs::hard_link(src, dest)
            }
            _ => Err(e),
        },
        other => other,
    };
    if linked.is_err() {
        fs::copy(src, dest).with_context(|| format!("while copying to {}", dest.display()))?;
    }
    Ok(())
}

/// The `.asc` text of a package: ONE armored block holding every signature packet (SPEC §4), so
/// that Sequoia's `sq`/`sqv`/`sqop`, which read only the first block, see every signer.
pub fn asc_text(p: &StoredPackage) -> anyhow::Result<Option<String>> {
    if p.signatures.is_empty() {
        return Ok(None);
    }
    let armored: Vec<&str> = p.signatures.iter().map(|s| s.armored.as_str()).collect();
    let text = crate::pgp::join_signatures(&armored)
        .with_context(|| format!("while joining the signatures of {}", p.name))?;
    Ok(Some(text))
}

/// Writes one package with its sidecars under `dir`.
pub fn write_package(store_dir: &Path, dir: &Path, p: &StoredPackage) -> anyhow::Result<()> {
    let (Some(sha512), None) = (&p.sha512, &p.external_url) else {
        return Ok(()); // external packages have no bytes here
    };
    let dest = dir.join(&p.name);
    link_or_copy(&objects::path(store_dir, &p.sha256), &dest)?;
    let file_name = p.name.rsplit('/').next().unwrap_or(&p.name);
    fs::write(
        dir.join(format!("{}.sha512", p.name)),
        checksums::sha512sum_line(sha512, file_name),
    )?;
    if let Some(asc) = asc_text(p)? {
        fs::write(dir.join(format!("{}.asc", p.name)), asc)?;
    }
    Ok(())
}

/// Rebuilds a revision's directory from its packages and swaps it in.
pub fn rebuild(store_dir: &Path, dir: &Path, packages: &[StoredPackage]) -> anyhow::Result<()> {
    let parent = dir.parent().expect("a revision dir has a parent");
    fs::create_dir_all(parent)?;
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("rev");
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.tmp-{pid}"));
    let old = parent.join(format!(".{name}.old-{pid}"));
    // Dead runs' half-built copies of this directory go; live ones (locked) stay.
    super::debris::sweep_siblings(parent, name);
    for leftover in [&tmp, &old] {
        if leftover.exists() {
            fs::remove_dir_all(leftover)?;
        }
    }
    fs::create_dir(&tmp)?;
    // Both hidden directories are marked as ours until they are renamed or removed.
    let _tmp_guard = super::debris::hold(&tmp)?;
    let _old_guard = if dir.exists() {
        Some(super::debris::hold(dir)?)
    } else {
        None
    };
    let place = |p: &StoredPackage| {
        write_package(store_dir, &tmp, p)
            .with_context(|| format!("while placing {} in {}", p.name, dir.display()))
    };
    if let Some((first, rest)) = packages.split_first() {
        place(first)?;
        super::crash_point("tree:half-built");
        // The rest on the thread pool: each package is a link and one or two small files,
        // and many of them (a stage of 1,000) are worth two cores.
        use rayon::prelude::*;
        rest.par_iter().try_for_each(place)?;
    }
    if dir.exists() {
        fs::rename(dir, &old)?;
    }
    fs::rename(&tmp, dir)?;
    objects::sync_dir(parent);
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_or_copy_makes_a_missing_directory_and_reuses_an_existing_one() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("object");
        fs::write(&src, b"bytes").unwrap();
        let top = dir.path().join("rev");
        fs::create_dir(&top).unwrap();
        link_or_copy(&src, &top.join("a.tar.gz")).unwrap();
        link_or_copy(&src, &top.join("sub/deeper/b.tar.gz")).unwrap();
        link_or_copy(&src, &top.join("sub/deeper/c.tar.gz")).unwrap();
        for name in ["a.tar.gz", "sub/deeper/b.tar.gz", "sub/deeper/c.tar.gz"] {
            assert_eq!(fs::read(top.join(name)).unwrap(), b"bytes", "{name}");
        }
        // A missing source is an error, not a silently made directory.
        assert!(link_or_copy(&dir.path().join("missing"), &top.join("d.tar.gz")).is_err());
        assert!(!top.join("d.tar.gz").exists());
    }
}
