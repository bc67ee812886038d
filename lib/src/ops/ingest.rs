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

/// Opens a file to stage without following a symlink at its last component, and judges the
/// opened handle: a symlink swapped in after [`collect`] looked (ELOOP), or anything but a
/// regular file by then, is refused, so a secret it points at is never read. Returns the file
/// and its size when opened (a hint: the file may still change).
fn open_regular(src: &Path) -> anyhow::Result<(File, u64)> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(src).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return Error::usage(format!(
                "{} is a symlink: relmgr stages only regular files",
                src.display()
            ));
        }
        Error::usage(src.display().to_string()).caused_by(e)
    })?;
    let meta = file
        .metadata()
        .map_err(|e| Error::usage(src.display().to_string()).caused_by(e))?;
    if !meta.is_file() {
        return Err(Error::usage(format!(
            "{} is not a regular file: relmgr stages only regular files",
            src.display()
        ))
        .into());
    }
    Ok((file, meta.len()))
}

/// Files staged together: their temp objects are made durable in one pass per batch of this
/// many (one `syncfs` for their bytes, one for their renames, on Linux), each holding its temp
/// file's handle (and lock) until it is in place.
const BATCH: usize = 256;

/// Reads each input once into a new object with both digests and, with a key, its detached
/// signature, on the thread pool; objects land in batches (see [`BATCH`]): every temp file of a
/// batch is written, then made durable, then renamed into `objects/`, then the renames are made
/// durable, before any index row names them. A small file (up to [`digest::SMALL_FILE`]) is
/// hashed on its worker thread in one piece.
pub fn hash_all_into_store(
    inputs: &[Input],
    store_dir: &Path,
    key: Option<&SigningKey>,
    time: Timestamp,
    progress: &(dyn Fn(u64) + Sync),
) -> anyhow::Result<Vec<Hashed>> {
    use rayon::prelude::*;
    let mut out = Vec::with_capacity(inputs.len());
    let mut made_dirs = std::collections::HashSet::new();
    for chunk in inputs.chunks(BATCH) {
        let written: Vec<(PathBuf, File, Hashed)> = chunk
            .par_iter()
            .map(|i| write_temp(&i.path, store_dir, key, time, progress))
            .collect::<anyhow::Result<_>>()?;
        crate::store::crash_point("stage:temp-written");
        let temps: Vec<(&Path, &str)> = written
            .iter()
            .map(|(p, _, h)| (p.as_path(), h.sha256.as_str()))
            .collect();
        objects::commit_batch(store_dir, &temps, &mut made_dirs)?;
        out.extend(written.into_iter().map(|(_, handle, h)| {
            drop(handle);
            h
        }));
    }
    Ok(out)
}

/// One input into a temp object (not yet durable): its path, its open handle and the digests.
fn write_temp(
    src: &Path,
    store_dir: &Path,
    key: Option<&SigningKey>,
    time: Timestamp,
    progress: &(dyn Fn(u64) + Sync),
) -> anyhow::Result<(PathBuf, File, Hashed)> {
    thread_local! {
        // Each worker reads its small files into one buffer, kept from file to file (not a
        // fresh allocation, and fresh pages to fault in, per file).
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let (mut file, size_hint) = open_regular(src)?;
    let (tmp_path, tmp) = objects::temp_file(store_dir)?;
    let sink = SigningSink {
        hasher: Sha512Signing::new(),
        key,
        time,
    };
    let result = (|| -> std::io::Result<_> {
        let mut data = BUF.take();
        data.clear();
        // Room for the whole file and one byte more, so that it takes one read and the read
        // that finds its end (a Vec grown from empty took 14 reads for 100 KiB).
        let want = size_hint.min(digest::SMALL_FILE) as usize + 1;
        data.reserve(want);
        let read = std::io::Read::read_to_end(
            &mut std::io::Read::take(&mut file, digest::SMALL_FILE + 1),
            &mut data,
        );
        if let Err(e) = read {
            BUF.set(data);
            return Err(e);
        }
        if data.len() as u64 <= digest::SMALL_FILE {
            let mut sink = sink;
            let sha256: [u8; 32] = <sha2::Sha256 as sha2::Digest>::digest(&data).into();
            sink.update(&data);
            let written = (&tmp).write_all(&data);
            let n = data.len() as u64;
            BUF.set(data);
            written?;
            progress(n);
            return Ok((n, sha256, sink.finish(), tmp));
        }
        let mut last = 0u64;
        let mut report = |n: u64| {
            progress(n - last);
            last = n;
        };
        let mut w = objects::WriteBehind::new(tmp);
        let mut rest = std::io::Read::chain(std::io::Cursor::new(data), file);
        let (size, sha256, signed) = digest::read_once(&mut rest, Some(&mut w), sink, &mut report)?;
        w.flush()?;
        Ok((size, sha256, signed, w.into_file()))
    })();
    let (size, sha256, signed, handle) = match result {
        Ok(r) => r,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp_path);
            return Err(anyhow::Error::new(e).context(format!("while reading {}", src.display())));
        }
    };
    let (sha512, signature) =
        signed.map_err(|e| pgp_error(e, &format!("signing {}", src.display())))?;
    Ok((
        tmp_path,
        handle,
        Hashed {
            size,
            sha256: digest::to_hex(sha256),
            sha512: digest::to_hex(sha512),
            signature,
        },
    ))
}

/// Reads `src` once (no object is made) for both digests and, with a key, the detached
/// signature: `sign` over the stored objects.
pub fn hash_file(
    src: &Path,
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
    let (size, sha256, signed) = digest::read_once(&mut file, None, sink, &mut report)
        .with_context(|| format!("while reading {}", src.display()))?;
    let (sha512, signature) =
        signed.map_err(|e| pgp_error(e, &format!("signing {}", src.display())))?;
    Ok(Hashed {
        size,
        sha256: digest::to_hex(sha256),
        sha512: digest::to_hex(sha512),
        signature,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check at open time, not only [`collect`]'s: a symlink swapped in after the walk (to
    /// a secret) or a FIFO is refused from the opened handle, and nothing of it is stored.
    #[cfg(unix)]
    #[test]
    fn a_symlink_or_fifo_swapped_in_after_the_walk_is_refused_at_open() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        std::fs::create_dir(&store).unwrap();
        let secret = dir.path().join("secret");
        std::fs::write(&secret, b"private").unwrap();
        let staged = dir.path().join("demo-1.0.tar.gz");
        std::fs::write(&staged, b"bytes").unwrap();
        let inputs = collect(std::slice::from_ref(&staged)).unwrap();
        // Swapped after the walk.
        std::fs::remove_file(&staged).unwrap();
        std::os::unix::fs::symlink(&secret, &staged).unwrap();
        let t = jiff::Timestamp::from_second(1_800_000_000).unwrap();
        let err = hash_all_into_store(&inputs, &store, None, t, &|_| {}).unwrap_err();
        assert!(format!("{err:#}").contains("is a symlink"), "{err:#}");
        std::fs::remove_file(&staged).unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(&staged)
            .status()
            .unwrap();
        assert!(status.success());
        let err = hash_all_into_store(&inputs, &store, None, t, &|_| {}).unwrap_err();
        assert!(format!("{err:#}").contains("not a regular file"), "{err:#}");
        assert!(!store.join("objects").exists(), "nothing was stored");
    }

    /// Many files, more than one batch, small and large: every object lands whole, under its
    /// SHA-256, and no temp file is left.
    #[test]
    fn batches_of_small_and_large_files_land_whole() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        let src = dir.path().join("dist");
        std::fs::create_dir_all(&store).unwrap();
        std::fs::create_dir_all(&src).unwrap();
        for i in 0..(BATCH + 3) {
            let len = if i == 7 { 3 << 20 } else { i * 37 };
            let data: Vec<u8> = (0..len).map(|j| ((i + j) % 251) as u8).collect();
            std::fs::write(src.join(format!("f{i:04}.bin")), data).unwrap();
        }
        let inputs = collect(&[src]).unwrap();
        let t = jiff::Timestamp::from_second(1_800_000_000).unwrap();
        let hashed = hash_all_into_store(&inputs, &store, None, t, &|_| {}).unwrap();
        assert_eq!(hashed.len(), BATCH + 3);
        for (i, h) in inputs.iter().zip(&hashed) {
            let want = crate::digest::hash_file(&i.path).unwrap();
            assert_eq!(h.sha256, crate::digest::to_hex(want.sha256));
            assert_eq!(h.sha512, crate::digest::to_hex(want.sha512));
            let stored = std::fs::read(objects::path(&store, &h.sha256)).unwrap();
            assert_eq!(stored, std::fs::read(&i.path).unwrap());
        }
        let left = std::fs::read_dir(store.join("tmp")).unwrap().count();
        assert_eq!(left, 0, "no temp file is left");
    }
}
