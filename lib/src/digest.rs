//! File digests computed in one read.
//!
//! This module owns the hot path of staging: a package is read exactly once, in large reused
//! buffers, and every buffer is fanned out to a destination writer (the object store's temp
//! file), a SHA-256 worker thread and a SHA-512 [`Sink`] worker thread. The SHA-512 sink is a
//! trait so that an OpenPGP hash context, which hashes the bytes and then yields a detached
//! signature, can ride on the same read.

use std::fs::File;
use std::io::{self, ErrorKind, Read, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::thread;

use sha2::Digest as _;

/// Size of one read buffer.
pub const BUF_SIZE: usize = 1 << 20;

/// Buffers in flight at most: enough to keep both workers busy while the reader runs ahead.
const POOL_SIZE: usize = 8;

/// Buffers a worker may have queued before the reader blocks.
const QUEUE_DEPTH: usize = POOL_SIZE - 2;

/// Something that consumes a file's bytes on a worker thread and yields a result at the end.
pub trait Sink: Send {
    /// What [`Sink::finish`] yields: a digest, a signature, ...
    type Output: Send;
    /// Feeds the next bytes of the file, in order.
    fn update(&mut self, data: &[u8]);
    /// Called once after the last byte.
    fn finish(self) -> Self::Output;
}

impl Sink for sha2::Sha256 {
    type Output = [u8; 32];
    fn update(&mut self, data: &[u8]) {
        sha2::Digest::update(self, data);
    }
    fn finish(self) -> [u8; 32] {
        self.finalize().into()
    }
}

/// Several sinks fed the same bytes, one after another on one worker (e.g. one signature
/// hasher per stored signature of an object, from a single read).
impl<S: Sink> Sink for Vec<S> {
    type Output = Vec<S::Output>;
    fn update(&mut self, data: &[u8]) {
        for sink in self.iter_mut() {
            sink.update(data);
        }
    }
    fn finish(self) -> Vec<S::Output> {
        self.into_iter().map(Sink::finish).collect()
    }
}

/// SHA-512 by OpenSSL's libcrypto, the hash of every `.sha512` and every signature relmgr makes.
///
/// It is the one SHA-512 state of the hot path: its assembly (AVX2 where the CPU has it) hashes
/// about 1.4x faster than the `sha2` crate on the machines we measured (1.28 s against 1.80 s per
/// GiB), and SHA-512 is the longest chain of work when staging or verifying a large file. `Clone`
/// is cheap (a few hundred bytes), so one state can yield the plain digest and, continued with a
/// signature's trailer, the digest that signature covers.
#[derive(Clone, Default)]
pub struct Sha512(openssl::sha::Sha512);

impl Sha512 {
    /// A fresh SHA-512 state.
    pub fn new() -> Self {
        Self::default()
    }

    /// Hashes more bytes.
    pub fn update(&mut self, data: &[u8]) {
        self.0.update(data);
    }

    /// The digest of everything hashed so far.
    pub fn finish(self) -> [u8; 64] {
        self.0.finish()
    }

    /// SHA-512 of `data` in one call.
    pub fn digest(data: &[u8]) -> [u8; 64] {
        let mut h = Self::new();
        h.update(data);
        h.finish()
    }
}

impl std::fmt::Debug for Sha512 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sha512 { .. }")
    }
}

impl Sink for Sha512 {
    type Output = [u8; 64];
    fn update(&mut self, data: &[u8]) {
        Sha512::update(self, data);
    }
    fn finish(self) -> [u8; 64] {
        Sha512::finish(self)
    }
}

/// Size and both digests of one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Digests {
    /// Bytes read.
    pub size: u64,
    /// SHA-256 of the bytes.
    pub sha256: [u8; 32],
    /// SHA-512 of the bytes.
    pub sha512: [u8; 64],
}

impl Digests {
    /// SHA-256 as lowercase hex.
    pub fn sha256_hex(&self) -> String {
        to_hex(self.sha256)
    }
    /// SHA-512 as lowercase hex.
    pub fn sha512_hex(&self) -> String {
        to_hex(self.sha512)
    }
}

/// Lowercase hex of `bytes`.
pub fn to_hex(bytes: impl AsRef<[u8]>) -> String {
    hex::encode(bytes)
}

/// Reads `src` once and returns its size, its SHA-256 and the output of the `sha512` sink.
///
/// Every buffer is written to `dest` (if given) on the calling thread while SHA-256 and the
/// sink run on two scoped worker threads; `progress` is called with the bytes read so far after
/// each buffer. Buffers are 1 MiB, taken from a pool of a few that are reused. An error from
/// `src` or `dest` stops the read and is returned; `dest` is not flushed.
pub fn read_once<S: Sink>(
    src: &mut dyn Read,
    dest: Option<&mut dyn Write>,
    sha512: S,
    progress: &mut dyn FnMut(u64),
) -> io::Result<(u64, [u8; 32], S::Output)> {
    let (size, sha256, out) = pump(src, dest, Some(sha2::Sha256::new()), sha512, progress)?;
    let sha256 = sha256.ok_or_else(|| io::Error::other("SHA-256 worker produced no digest"))?;
    Ok((size, sha256, out))
}

/// Files up to this size are read whole and hashed on the calling thread by
/// [`read_opened_once`]: for them, two hashing threads and a pool of 1 MiB buffers cost more
/// than the hashing, and the callers that read many files (fsck, verify) already spread the
/// files over the cores.
pub const SMALL_FILE: u64 = 1 << 20;

/// [`read_once`] of an open file, but a small file (up to [`SMALL_FILE`]) is read in one piece
/// and hashed on this thread, without worker threads or buffer pool. A small file costs four
/// system calls (open, two reads, close), as with `sha512sum`: no `statx` for its size (fsck
/// reads 100,000 small objects).
pub fn read_opened_once<S: Sink>(file: File, sha512: S) -> io::Result<(u64, [u8; 32], S::Output)> {
    hash_small_or_large(Vec::with_capacity(8 << 10), file, sha512)
}

/// [`read_opened_once`], but a read that fills less than its buffer is taken as the end of the
/// file: a small file costs three system calls, not four (no read that returns nothing). A
/// file can read short before its end (a pipe, a signal, some network file systems), so the
/// caller must be able to tell a short file from a short read (fsck: an object whose SHA-256 is
/// not its name) and then read it again with [`read_opened_once`].
pub fn read_opened_short<S: Sink>(
    mut file: File,
    mut sha512: S,
) -> io::Result<(u64, [u8; 32], S::Output)> {
    thread_local! {
        // Read into, not allocated per file (nor zeroed: it stays initialized).
        static BUF: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0; 64 << 10]);
    }
    BUF.with_borrow_mut(|buf| {
        let n = loop {
            match file.read(buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        if n == buf.len() {
            // Perhaps more: read on to the end.
            return hash_small_or_large(buf.clone(), file, sha512);
        }
        let data = &buf[..n];
        let sha256: [u8; 32] = sha2::Sha256::digest(data).into();
        sha512.update(data);
        Ok((n as u64, sha256, sha512.finish()))
    })
}

/// The rest of `file` after `data` (read from it already), hashed: in one piece on this
/// thread up to [`SMALL_FILE`], else streamed through [`read_once`].
fn hash_small_or_large<S: Sink>(
    mut data: Vec<u8>,
    mut file: File,
    mut sha512: S,
) -> io::Result<(u64, [u8; 32], S::Output)> {
    // Through `take`, not `File::read_to_end`, which asks the file's size first.
    let left = (SMALL_FILE + 1).saturating_sub(data.len() as u64);
    (&mut file).take(left).read_to_end(&mut data)?;
    if data.len() as u64 > SMALL_FILE {
        let mut rest = io::Cursor::new(data).chain(file);
        return read_once(&mut rest, None, sha512, &mut |_| {});
    }
    let sha256: [u8; 32] = sha2::Sha256::digest(&data).into();
    sha512.update(&data);
    Ok((data.len() as u64, sha256, sha512.finish()))
}

/// Size, SHA-256 and SHA-512 of the file at `path`, from one read on two hashing threads.
pub fn hash_file(path: &Path) -> io::Result<Digests> {
    let mut file = File::open(path)?;
    let (size, sha256, sha512) = read_once(&mut file, None, Sha512::new(), &mut |_| {})?;
    Ok(Digests {
        size,
        sha256,
        sha512,
    })
}

/// SHA-512 of the file at `path`, computed on one worker while this thread reads ahead.
pub fn sha512_file(path: &Path) -> io::Result<[u8; 64]> {
    let mut file = File::open(path)?;
    let none: Option<sha2::Sha256> = None;
    let (_, _, sha512) = pump(&mut file, None, none, Sha512::new(), &mut |_| {})?;
    Ok(sha512)
}

/// One filled buffer: the bytes are `buf[..len]`.
type Chunk = (Arc<Vec<u8>>, usize);

/// The engine behind [`read_once`] and [`sha512_file`]: an optional first sink and a second one.
fn pump<A: Sink, B: Sink>(
    src: &mut dyn Read,
    dest: Option<&mut dyn Write>,
    first: Option<A>,
    second: B,
    progress: &mut dyn FnMut(u64),
) -> io::Result<(u64, Option<A::Output>, B::Output)> {
    let (done_tx, done_rx) = mpsc::channel::<Arc<Vec<u8>>>();
    thread::scope(|scope| {
        let (tx_a, worker_a) = match first {
            Some(sink) => {
                let (tx, rx) = mpsc::sync_channel::<Chunk>(QUEUE_DEPTH);
                let done = done_tx.clone();
                (
                    Some(tx),
                    Some(scope.spawn(move || run_worker(sink, rx, done))),
                )
            }
            None => (None, None),
        };
        let (tx_b, rx_b) = mpsc::sync_channel::<Chunk>(QUEUE_DEPTH);
        let worker_b = scope.spawn(move || run_worker(second, rx_b, done_tx));

        let read = feed(src, dest, tx_a, tx_b, &done_rx, progress);
        // Both senders are dropped by now, so the workers finish their queues and return.
        let out_a = worker_a.map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        let out_b = worker_b
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        read.map(|size| (size, out_a, out_b))
    })
}

/// Reads `src` to the end, handing each buffer to the workers and to `dest`; returns the size.
fn feed(
    src: &mut dyn Read,
    mut dest: Option<&mut dyn Write>,
    tx_a: Option<SyncSender<Chunk>>,
    tx_b: SyncSender<Chunk>,
    done: &Receiver<Arc<Vec<u8>>>,
    progress: &mut dyn FnMut(u64),
) -> io::Result<u64> {
    let mut allocated = 0;
    let mut total = 0u64;
    loop {
        let mut buf = if allocated < POOL_SIZE {
            allocated += 1;
            Arc::new(vec![0u8; BUF_SIZE])
        } else {
            take_free(done)?
        };
        let Some(slot) = Arc::get_mut(&mut buf) else {
            return Err(io::Error::other("read buffer still shared"));
        };
        let len = fill(src, slot)?;
        if len == 0 {
            return Ok(total);
        }
        let stopped = || io::Error::other("hash worker stopped early");
        if let Some(tx) = &tx_a {
            tx.send((Arc::clone(&buf), len)).map_err(|_| stopped())?;
        }
        tx_b.send((Arc::clone(&buf), len)).map_err(|_| stopped())?;
        if let Some(w) = dest.as_mut() {
            w.write_all(&buf[..len])?;
        }
        drop(buf);
        total += len as u64;
        progress(total);
    }
}

/// Waits for a buffer that no worker holds any more.
fn take_free(done: &Receiver<Arc<Vec<u8>>>) -> io::Result<Arc<Vec<u8>>> {
    loop {
        let mut buf = done
            .recv()
            .map_err(|_| io::Error::other("hash workers stopped early"))?;
        if Arc::get_mut(&mut buf).is_some() {
            return Ok(buf);
        }
        // Another worker still holds it and will send it back when done.
    }
}

/// Reads until `buf` is full or `src` is at its end; returns the bytes read.
fn fill(src: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut len = 0;
    while len < buf.len() {
        match src.read(&mut buf[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(len)
}

/// A worker: feeds every chunk to `sink`, returns each buffer to the pool, then finishes.
fn run_worker<S: Sink>(mut sink: S, rx: Receiver<Chunk>, done: Sender<Arc<Vec<u8>>>) -> S::Output {
    for (buf, len) in rx {
        sink.update(&buf[..len]);
        // The reader may be gone after an error; then the buffer is simply dropped.
        let _ = done.send(buf);
    }
    sink.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    /// Runs `tool` (sha256sum or sha512sum) on `path` and returns its hex digest.
    fn coreutils(tool: &str, path: &Path) -> String {
        let out = Command::new(tool).arg(path).output().expect("run tool");
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).expect("utf-8");
        text.split_whitespace().next().expect("digest").to_owned()
    }

    fn pseudo_random(len: usize) -> Vec<u8> {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect()
    }

    /// A read can stop short of the end: a pipe whose writer pauses gives its first part. The
    /// one-read path takes that for the end (its callers check and read again); the careful
    /// path reads to the end.
    #[cfg(unix)]
    #[test]
    fn a_short_read_ends_the_one_read_path_and_not_the_careful_one() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        assert!(
            Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let read = |short: bool| {
            let path = fifo.clone();
            let writer = std::thread::spawn(move || {
                let mut w = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
                w.write_all(b"first part ").unwrap();
                w.flush().unwrap();
                std::thread::sleep(std::time::Duration::from_millis(200));
                // The one-read path has closed the pipe by now: this write may fail.
                let _ = w.write_all(b"and the rest");
            });
            let file = File::open(&fifo).unwrap();
            let (size, ..) = if short {
                read_opened_short(file, Sha512::new()).unwrap()
            } else {
                read_opened_once(file, Sha512::new()).unwrap()
            };
            writer.join().unwrap();
            size
        };
        assert_eq!(read(true), "first part ".len() as u64);
        assert_eq!(read(false), "first part and the rest".len() as u64);
    }

    fn check_len(len: usize) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pkg.bin");
        let data = pseudo_random(len);
        std::fs::write(&path, &data).unwrap();

        let d = hash_file(&path).unwrap();
        assert_eq!(d.size, len as u64);
        assert_eq!(d.sha256_hex(), coreutils("sha256sum", &path), "len {len}");
        assert_eq!(d.sha512_hex(), coreutils("sha512sum", &path), "len {len}");
        assert_eq!(sha512_file(&path).unwrap(), d.sha512);
        // Read whole below SMALL_FILE (= BUF_SIZE), through the workers above it: same sums.
        assert_eq!(
            read_opened_once(File::open(&path).unwrap(), Sha512::new()).unwrap(),
            (d.size, d.sha256, d.sha512),
            "len {len}"
        );
        // One read, a short one the end: the same sums, below and above its 64 KiB buffer.
        assert_eq!(
            read_opened_short(File::open(&path).unwrap(), Sha512::new()).unwrap(),
            (d.size, d.sha256, d.sha512),
            "len {len}"
        );

        let mut copy = Vec::new();
        let mut calls = Vec::new();
        let mut src = File::open(&path).unwrap();
        let (size, sha256, sha512) =
            read_once(&mut src, Some(&mut copy), Sha512::new(), &mut |n| {
                calls.push(n)
            })
            .unwrap();
        assert_eq!((size, sha256, sha512), (d.size, d.sha256, d.sha512));
        assert!(copy == data, "copy differs at len {len}");
        assert_eq!(calls.len(), len.div_ceil(BUF_SIZE));
        assert_eq!(calls.last().copied().unwrap_or(0), len as u64);
    }

    #[test]
    fn matches_coreutils_at_edges() {
        // 64 KiB: the one-read path's buffer.
        let one = 64 << 10;
        for len in [
            0,
            1,
            one - 1,
            one,
            one + 1,
            BUF_SIZE - 1,
            BUF_SIZE,
            BUF_SIZE + 1,
            3 * BUF_SIZE,
        ] {
            check_len(len);
        }
    }

    #[test]
    fn matches_coreutils_on_50_mib_random() {
        // More buffers than the pool holds, so buffers are recycled many times.
        check_len(50 * BUF_SIZE + 12345);
    }

    #[test]
    fn known_empty_digests() {
        let (size, sha256, sha512) =
            read_once(&mut io::empty(), None, Sha512::new(), &mut |_| {}).unwrap();
        assert_eq!(size, 0);
        assert_eq!(
            to_hex(sha256),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert!(to_hex(sha512).starts_with("cf83e1357eefb8bdf1542850d66d8007"));
    }

    /// Hands out data a few bytes at a time and fails with `Interrupted` now and then.
    struct Trickle {
        data: Vec<u8>,
        pos: usize,
        calls: usize,
    }

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.calls += 1;
            if self.calls.is_multiple_of(3) {
                return Err(ErrorKind::Interrupted.into());
            }
            let n = buf.len().min(7777).min(self.data.len() - self.pos);
            buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        }
    }

    #[test]
    fn short_and_interrupted_reads() {
        let data = pseudo_random(2 * BUF_SIZE + 99);
        let mut src = Trickle {
            data: data.clone(),
            pos: 0,
            calls: 0,
        };
        let mut copy = Vec::new();
        let (size, sha256, sha512) =
            read_once(&mut src, Some(&mut copy), Sha512::new(), &mut |_| {}).unwrap();
        assert_eq!(size, data.len() as u64);
        assert!(copy == data);
        assert_eq!(sha256, <[u8; 32]>::from(sha2::Sha256::digest(&data)));
        assert_eq!(sha512, <[u8; 64]>::from(sha2::Sha512::digest(&data)));
    }

    /// A reader that fails after some good buffers.
    struct Failing(usize);

    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0 == 0 {
                return Err(io::Error::other("disk on fire"));
            }
            self.0 -= 1;
            buf.fill(1);
            Ok(buf.len())
        }
    }

    #[test]
    fn openssl_sha512_matches_sha2_and_clones() {
        for len in [0, 1, 111, 112, 127, 128, 129, 1000, 3 * BUF_SIZE + 7] {
            let data = pseudo_random(len);
            let mut h = Sha512::new();
            let (a, b) = data.split_at(len / 3);
            h.update(a);
            let fork = h.clone();
            h.update(b);
            assert_eq!(
                h.finish(),
                <[u8; 64]>::from(sha2::Sha512::digest(&data)),
                "len {len}"
            );
            assert_eq!(
                fork.finish(),
                <[u8; 64]>::from(sha2::Sha512::digest(a)),
                "len {len}"
            );
            assert_eq!(
                Sha512::digest(&data),
                <[u8; 64]>::from(sha2::Sha512::digest(&data))
            );
        }
    }

    /// A writer that fails at once.
    struct Full;

    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::new(ErrorKind::StorageFull, "no space"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn read_and_write_errors_are_returned() {
        let err = read_once(&mut Failing(20), None, Sha512::new(), &mut |_| {}).unwrap_err();
        assert_eq!(err.to_string(), "disk on fire");
        let mut src = io::repeat(0).take(5 * BUF_SIZE as u64);
        let err = read_once(&mut src, Some(&mut Full), Sha512::new(), &mut |_| {});
        assert_eq!(err.unwrap_err().kind(), ErrorKind::StorageFull);
        assert_eq!(
            hash_file(Path::new("/nonexistent/x")).unwrap_err().kind(),
            ErrorKind::NotFound
        );
    }

    /// A sink of another kind: counts bytes, like a signer would consume them.
    struct Counter(u64);

    impl Sink for Counter {
        type Output = u64;
        fn update(&mut self, data: &[u8]) {
            self.0 += data.len() as u64;
        }
        fn finish(self) -> u64 {
            self.0
        }
    }

    #[test]
    fn custom_sink_sees_every_byte() {
        let mut src = io::repeat(7).take(9 * BUF_SIZE as u64 + 5);
        let (size, _, counted) = read_once(&mut src, None, Counter(0), &mut |_| {}).unwrap();
        assert_eq!(size, counted);
    }
}
