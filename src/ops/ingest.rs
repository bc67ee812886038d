//! Bringing files into the store: the inputs of `stage` (files and directories expanded, bad
//! entries refused) and the one read per file that copies it into a new object while SHA-256,
//! SHA-512 and, with a key, the OpenPGP signature are computed from the same buffers.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use jiff::Timestamp;

use crate::digest::{self, Sink};
use crate::error::Error;
use crate::model::PackageName;
use crate::pgp::{PgpError, Sha512Signing, SigningKey};
use crate::store::objects;

use super::keys::pgp_error;

/// A file to stage: its package name and where it is.
#[derive(Debug, Clone)]
pub struct Input {
    pub name: PackageName,
    pub path: PathBuf,
    pub size: u64,
}

/// Expands files and directories (walked in a stable order; names relative to the directory),
/// refusing symlinks, devices and anything else that is not a regular file or folder.
pub fn collect(paths: &[PathBuf]) -> anyhow::Result<Vec<Input>> {
    let mut out: Vec<Input> = Vec::new();
    for path in paths {
        let meta = std::fs::symlink_metadata(path)
            .map_err(|e| Error::usage(path.display().to_string()).caused_by(e))?;
        if meta.file_type().is_symlink() {
            return Err(Error::usage(format!(
                "{} is a symlink: stage the file itself",
                path.display()
            ))
            .into());
        }
        if meta.is_file() {
            let name = path.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
                Error::usage(format!("{}: the file name is not UTF-8", path.display()))
            })?;
            out.push(Input {
                name: name.parse()?,
                path: path.clone(),
                size: meta.len(),
            });
        } else if meta.is_dir() {
            let before = out.len();
            for entry in walkdir::WalkDir::new(path)
                .follow_links(false)
                .sort_by_file_name()
            {
                let entry =
                    entry.map_err(|e| Error::usage(path.display().to_string()).caused_by(e))?;
                let ft = entry.file_type();
                if ft.is_dir() {
                    continue;
                }
                if !ft.is_file() {
                    let kind = if ft.is_symlink() {
                        "a symlink"
                    } else {
                        "not a regular file"
                    };
                    return Err(Error::usage(format!(
                        "{} is {kind}: relmgr stages only regular files",
                        entry.path().display()
                    ))
                    .into());
                }
                let rel = entry.path().strip_prefix(path).unwrap_or(entry.path());
                let mut parts = Vec::new();
                for c in rel.components() {
                    let s = c.as_os_str().to_str().ok_or_else(|| {
                        Error::usage(format!(
                            "{}: the file name is not UTF-8",
                            entry.path().display()
                        ))
                    })?;
                    parts.push(s.to_string());
                }
                let name: PackageName = parts.join("/").parse()?;
                let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                out.push(Input {
                    name,
                    path: entry.into_path(),
                    size,
                });
            }
            if out.len() == before {
                return Err(Error::usage(format!("{} holds no files", path.display())).into());
            }
        } else {
            return Err(Error::usage(format!(
                "{} is not a regular file or directory",
                path.display()
            ))
            .into());
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for i in &out {
        if !seen.insert(i.name.as_str()) {
            return Err(Error::usage(format!("two files would both be named {}", i.name)).into());
        }
    }
    Ok(out)
}

/// SHA-512 through the signature's own hash context, on the hashing worker thread.
struct SigningSink<'a> {
    hasher: Sha512Signing,
    key: Option<&'a SigningKey>,
    time: Timestamp,
}

impl Sink for SigningSink<'_> {
    type Output = Result<([u8; 64], Option<String>), PgpError>;
    fn update(&mut self, data: &[u8]) {
        self.hasher.update(data);
    }
    fn finish(self) -> Self::Output {
        self.hasher.finish(self.key, self.time)
    }
}

/// What hashing one file produced.
#[derive(Debug, Clone)]
pub struct Hashed {
    pub size: u64,
    pub sha256: String,
    pub sha512: String,
    pub signature: Option<String>,
}

/// Reads `src` once into a new object (unless `into_store` is None) with both digests and,
/// with a key, the detached signature.
pub fn hash_into_store(
    src: &Path,
    into_store: Option<&Path>,
    key: Option<&SigningKey>,
    time: Timestamp,
    progress: &(dyn Fn(u64) + Sync),
) -> anyhow::Result<Hashed> {
    let mut file =
        File::open(src).map_err(|e| Error::usage(src.display().to_string()).caused_by(e))?;
    let sink = SigningSink {
        hasher: Sha512Signing::new(),
        key,
        time,
    };
    let mut last = 0u64;
    let mut report = |n: u64| {
        progress(n - last);
        last = n;
    };
    let (size, sha256, signed) = match into_store {
        Some(store_dir) => {
            let (tmp_path, tmp) = objects::temp_file(store_dir)?;
            let mut tmp = objects::WriteBehind::new(tmp);
            let result = digest::read_once(&mut file, Some(&mut tmp), sink, &mut report)
                .and_then(|r| tmp.flush().and_then(|_| tmp.sync()).map(|_| r));
            let (size, sha256, signed) = match result {
                Ok(r) => r,
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp_path);
                    return Err(
                        anyhow::Error::new(e).context(format!("while reading {}", src.display()))
                    );
                }
            };
            crate::store::crash_point("stage:temp-written");
            // The handle (and its lock) lives until the temp file is renamed into objects/.
            objects::commit(store_dir, &tmp_path, &digest::to_hex(sha256))?;
            drop(tmp);
            (size, sha256, signed)
        }
        None => digest::read_once(&mut file, None, sink, &mut report)
            .with_context(|| format!("while reading {}", src.display()))?,
    };
    let (sha512, signature) =
        signed.map_err(|e| pgp_error(e, &format!("signing {}", src.display())))?;
    Ok(Hashed {
        size,
        sha256: digest::to_hex(sha256),
        sha512: digest::to_hex(sha512),
        signature,
    })
}
