//! `objects/`: the bytes of managed packages, content-addressed by SHA-256
//! (`objects/sha256/ab/cdef…`), read-only, shared between revisions. New bytes are written to a
//! temp file under `tmp/`, fsynced, and renamed into place before any index row names them, so
//! a killed run leaves at most a temp file or an unreferenced object (both harmless; `fsck
//! --repair` removes them).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// The path of an object by its SHA-256 (lowercase hex).
pub fn path(store_dir: &Path, sha256: &str) -> PathBuf {
    store_dir
        .join("objects")
        .join("sha256")
        .join(&sha256[..2])
        .join(&sha256[2..])
}

/// A temp file in the store's `tmp/` directory, on the same file system as `objects/`, locked
/// (shared) while its handle lives so that it is never taken for debris.
pub fn temp_file(store_dir: &Path) -> anyhow::Result<(PathBuf, File)> {
    let dir = store_dir.join("tmp");
    // Made under a name sweeps skip (`new-…`), locked, then renamed to `obj-…`: created as
    // `obj-…` directly, a concurrent command's sweep could take it for debris in the instant
    // between its creation and its lock, and delete it under us.
    let name = format!("{}-{}", std::process::id(), uuid::Uuid::new_v4().simple());
    let fresh = dir.join(format!("{}{name}", super::debris::UNSWEPT_PREFIX));
    // The directory is made when it is missing, not tried before every file (a stage of many
    // small files made it once per file, each attempt a failing mkdir).
    let f = match File::create_new(&fresh) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(&dir)?;
            File::create_new(&fresh)
        }
        other => other,
    }
    .with_context(|| format!("while creating {}", fresh.display()))?;
    // Marks it as ours while the handle lives: a sweep never removes a live run's temp file.
    super::debris::hold_file(&f).with_context(|| format!("while locking {}", fresh.display()))?;
    let p = dir.join(format!("obj-{name}"));
    fs::rename(&fresh, &p).with_context(|| format!("while creating {}", p.display()))?;
    Ok((p, f))
}

/// A temp object being written: starts the disk writeback of every few MiB as soon as they
/// are written, so the final `fsync` finds little left to do instead of the whole file (on
/// Linux, `sync_file_range(SYNC_FILE_RANGE_WRITE)`, which does not wait; elsewhere a plain
/// writer). Durability still comes from [`WriteBehind::sync`].
pub struct WriteBehind {
    file: File,
    written: u64,
    started: u64,
}

/// Bytes between two writeback starts.
const WRITEBACK_STEP: u64 = 8 << 20;

impl WriteBehind {
    /// Wraps a freshly created temp file.
    pub fn new(file: File) -> Self {
        WriteBehind {
            file,
            written: 0,
            started: 0,
        }
    }

    /// Flushes and fsyncs everything written.
    pub fn sync(&mut self) -> io::Result<()> {
        self.file.sync_all()
    }

    /// The file, once everything is written.
    pub fn into_file(self) -> File {
        self.file
    }

    #[cfg(target_os = "linux")]
    fn start_writeback(&mut self) {
        use std::os::fd::AsRawFd;
        let len = self.written - self.started;
        // SAFETY: a plain syscall on a file descriptor we own; it only schedules writeback
        // and reads no memory of ours. A failure is harmless: fsync does the work later.
        unsafe {
            libc::sync_file_range(
                self.file.as_raw_fd(),
                self.started as libc::off64_t,
                len as libc::off64_t,
                libc::SYNC_FILE_RANGE_WRITE,
            );
        }
        self.started = self.written;
    }

    #[cfg(not(target_os = "linux"))]
    fn start_writeback(&mut self) {
        self.started = self.written;
    }
}

impl Write for WriteBehind {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        if self.written - self.started >= WRITEBACK_STEP {
            self.start_writeback();
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Moves a fully written, fsynced temp file into place as the object `sha256`. If the object
/// exists already (deduplication), the temp file is removed instead.
pub fn commit(store_dir: &Path, temp: &Path, sha256: &str) -> anyhow::Result<PathBuf> {
    let dest = path(store_dir, sha256);
    if dest.is_file() {
        fs::remove_file(temp)?;
        return Ok(dest);
    }
    let parent = dest.parent().expect("object paths have a parent");
    fs::create_dir_all(parent)?;
    let mut perms = fs::metadata(temp)?.permissions();
    perms.set_readonly(true);
    fs::set_permissions(temp, perms)?;
    fs::rename(temp, &dest).with_context(|| format!("while storing object {sha256}"))?;
    sync_dir(parent);
    Ok(dest)
}

/// Moves fully written temp files into place as their objects, durably, in one pass: their
/// bytes are made durable first (on Linux one `syncfs` of the store's file system, elsewhere an
/// fsync each), then each is renamed (or removed when its object exists already), then the
/// renames are made durable (one more `syncfs`, or an fsync of each directory once). Each
/// object directory is created once per `made_dirs` (a caller's set across batches).
pub fn commit_batch(
    store_dir: &Path,
    temps: &[(&Path, &str)],
    made_dirs: &mut std::collections::HashSet<PathBuf>,
) -> anyhow::Result<()> {
    if temps.is_empty() {
        return Ok(());
    }
    sync_all_of(store_dir, temps.iter().map(|(t, _)| *t), true)?;
    let mut dirs = Vec::new();
    for (temp, sha256) in temps {
        let dest = path(store_dir, sha256);
        let parent = dest
            .parent()
            .expect("object paths have a parent")
            .to_path_buf();
        if !made_dirs.contains(&parent) {
            fs::create_dir_all(&parent)?;
            made_dirs.insert(parent.clone());
        }
        if dest.is_file() {
            fs::remove_file(temp)?;
            continue;
        }
        let mut perms = fs::metadata(temp)?.permissions();
        perms.set_readonly(true);
        fs::set_permissions(temp, perms)?;
        fs::rename(temp, &dest).with_context(|| format!("while storing object {sha256}"))?;
        if !dirs.contains(&parent) {
            dirs.push(parent);
        }
    }
    sync_all_of(store_dir, dirs.iter().map(PathBuf::as_path), false)
}

/// Makes `paths` (files, or directories after renames in them) durable: one `syncfs` of the
/// store's file system on Linux when there are several, else an fsync each.
fn sync_all_of<'a>(
    store_dir: &Path,
    paths: impl ExactSizeIterator<Item = &'a Path>,
    files: bool,
) -> anyhow::Result<()> {
    #[cfg(target_os = "linux")]
    if paths.len() > 1 {
        use std::os::fd::AsRawFd;
        let root = File::open(store_dir)?;
        // SAFETY: a plain syscall on a descriptor we own.
        if unsafe { libc::syncfs(root.as_raw_fd()) } != 0 {
            return Err(io::Error::last_os_error())
                .context("while making the new objects durable (syncfs)");
        }
        return Ok(());
    }
    let _ = store_dir;
    for p in paths {
        if files {
            File::open(p)?.sync_all()?;
        } else {
            sync_dir(p);
        }
    }
    Ok(())
}

/// fsyncs a directory so a rename in it is durable (best effort where unsupported).
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Removes an object no package refers to any more (after the change that dropped it has
/// committed; a crash before leaves an unreferenced object, which fsck --repair removes).
pub fn remove(store_dir: &Path, sha256: &str) -> anyhow::Result<()> {
    let p = path(store_dir, sha256);
    if let Ok(meta) = fs::metadata(&p) {
        let mut perms = meta.permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        fs::set_permissions(&p, perms)?;
        fs::remove_file(&p)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes across several writeback steps, in odd-sized pieces, arrive whole.
    #[test]
    fn write_behind_keeps_every_byte() {
        let dir = tempfile::tempdir().unwrap();
        let (path, file) = temp_file(dir.path()).unwrap();
        let mut w = WriteBehind::new(file);
        let data: Vec<u8> = (0..(3 * WRITEBACK_STEP as usize + 12345))
            .map(|i| (i * 7 % 251) as u8)
            .collect();
        for piece in data.chunks(1_000_003) {
            w.write_all(piece).unwrap();
        }
        w.flush().unwrap();
        w.sync().unwrap();
        assert!(w.started > 0 && w.started <= w.written);
        assert_eq!(w.written, data.len() as u64);
        drop(w);
        assert!(std::fs::read(&path).unwrap() == data);
    }
}
