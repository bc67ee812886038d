//! Archive formats and the one streaming pass over an archive.
//!
//! Owns format detection by file name ([`detect`]) and [`scan`], which reads a `.tar`
//! (optionally gzip, bzip2 or xz compressed) or `.zip` once, front to back, never unpacking
//! to disk, and hands each entry ([`Entry`]: path, kind, link target, first [`HEAD`] bytes) to
//! a visitor. Every file's data is read to its end so decompression and CRC errors surface;
//! compressed tars are drained after the last entry so the compression trailer is checked.
//! Zero bytes after a gzip stream are padding, not an error (as for `gzip -t`). A zip entry
//! whose local header disagrees with the central directory (name, CRC) is an error, as for
//! `unzip -t`: two readers would see two archives. That, and entries that overlap or run
//! into the central directory (a zip bomb), is checked before any entry is inflated.
//!
//! Bounded for hostile input: tar extension headers (PAX, GNU long name/link) are read here,
//! not by the `tar` crate, each at most [`MAX_HEADER`]; names at most [`MAX_NAME`]; at most
//! [`MAX_ARCHIVE_ENTRIES`] entries (a zip's count is read from its end record first).

use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::rc::Rc;

/// How many leading bytes of each file are kept for the content checks.
pub const HEAD: usize = 16 * 1024;

/// Largest PAX or GNU long name/link header read (bytes): a path needs far less, and the
/// body is held in memory.
pub const MAX_HEADER: u64 = 1 << 20;

/// Longest entry name or link target (bytes), as Linux's `PATH_MAX`.
pub const MAX_NAME: usize = 4096;

/// Most entries read from one archive: what the checks keep per entry stays bounded.
pub const MAX_ARCHIVE_ENTRIES: usize = 1_000_000;

/// Memory limit for one xz block decoder (KiB): guards against hostile headers.
const XZ_MEM_LIMIT_KB: u32 = 256 * 1024;

/// Archive container and compression, from the file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Tar,
    TarGz,
    TarBz2,
    TarXz,
    Zip,
}

const SUFFIXES: &[(&str, Format)] = &[
    (".tar.gz", Format::TarGz),
    (".tgz", Format::TarGz),
    (".tar.bz2", Format::TarBz2),
    (".tbz2", Format::TarBz2),
    (".tbz", Format::TarBz2),
    (".tar.xz", Format::TarXz),
    (".txz", Format::TarXz),
    (".tar", Format::Tar),
    (".zip", Format::Zip),
];

/// The archive format of a package name and its file name without the archive extension;
/// `None` for non-archives.
pub fn detect(name: &str) -> Option<(Format, String)> {
    let file = super::naming::file_name(name);
    let lower = file.to_ascii_lowercase();
    SUFFIXES.iter().find_map(|(suffix, format)| {
        lower
            .strip_suffix(suffix)
            .filter(|stem| !stem.is_empty())
            .map(|stem| (*format, file[..stem.len()].to_string()))
    })
}

/// What an archive entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    Symlink,
    Hardlink,
    /// Device, fifo or socket, with a label.
    Special(&'static str),
}

/// One archive entry as the checks see it.
#[derive(Debug)]
pub struct Entry<'a> {
    /// Path as stored (lossy UTF-8).
    pub path: &'a str,
    pub kind: Kind,
    /// Link target for symlinks and hard links.
    pub link: Option<&'a str>,
    /// First bytes of a file's data (at most [`HEAD`]).
    pub head: &'a [u8],
    /// The file's git blob id (hex SHA-1 of `blob <len>\0<bytes>`), when the scan was asked
    /// to hash (`--git`, format parity).
    pub blob: Option<&'a str>,
    /// A regular file with an execute bit (git's mode 100755), for the SWHID.
    pub exec: bool,
}

/// What one pass over an archive found out, besides the entries.
#[derive(Debug, Default)]
pub struct Scan {
    /// Entries handed to the visitor.
    pub entries: usize,
    /// Why the archive could not be read to the end.
    pub error: Option<String>,
    /// Bytes read from the file (to show the pass costs about one read).
    pub bytes_read: u64,
}

impl<'a> Entry<'a> {
    /// An entry read from an archive; `head` (the first bytes read of its data) is kept for a
    /// regular file only.
    fn new(
        path: &'a str,
        kind: Kind,
        link: Option<&'a str>,
        head: &'a [u8],
        blob: Option<&'a str>,
        mode: u32,
    ) -> Self {
        Entry {
            path,
            kind,
            link,
            head: if kind == Kind::File { head } else { &[] },
            blob,
            exec: kind == Kind::File && mode & 0o111 != 0,
        }
    }
}

impl Scan {
    /// Hands `entry` to the visitor and counts it.
    fn show(&mut self, visit: &mut dyn FnMut(&Entry), entry: Entry) {
        self.entries += 1;
        visit(&entry);
    }
}

/// Reads the archive at `path` once, calling `visit` for each entry.
#[cfg(test)]
pub fn scan(path: &Path, format: Format, visit: &mut dyn FnMut(&Entry)) -> Scan {
    scan_hashing(path, format, false, visit)
}

/// [`scan`], giving each file's git blob id when `hash` is set.
pub fn scan_hashing(
    path: &Path,
    format: Format,
    hash: bool,
    visit: &mut dyn FnMut(&Entry),
) -> Scan {
    let mut scan = Scan::default();
    let counter = Rc::new(Cell::new(0u64));
    let result = File::open(path).and_then(|f| {
        let file = Counting {
            inner: f,
            count: counter.clone(),
            eof: Rc::new(Cell::new(false)),
        };
        match format {
            // The local headers are read through a second handle: a few bytes per entry,
            // without disturbing the buffered pass.
            Format::Zip => scan_zip(
                SeekBuf::new(file),
                File::open(path)?,
                hash,
                visit,
                &mut scan,
            ),
            Format::Tar => {
                let r = BufReader::with_capacity(1 << 16, file);
                scan_tar(r, hash, visit, &mut scan)
            }
            Format::TarGz => {
                let r = BufReader::with_capacity(1 << 16, file);
                scan_tar(GzMembers::new(r), hash, visit, &mut scan)
            }
            Format::TarBz2 => {
                let r = BufReader::with_capacity(1 << 16, file);
                scan_tar(bzip2::read::MultiBzDecoder::new(r), hash, visit, &mut scan)
            }
            Format::TarXz => {
                let r = BufReader::with_capacity(1 << 16, file);
                let xz = lzma_rust2::XzReader::new_mem_limit(r, true, XZ_MEM_LIMIT_KB);
                scan_tar(xz, hash, visit, &mut scan)
            }
        }
    });
    if let Err(e) = result {
        scan.error = Some(e.to_string());
    }
    scan.bytes_read = counter.get();
    scan
}

/// gzip members one after the other, as `gzip -d` reads them: a stream may be followed by
/// zero bytes (tape-block padding, which `gzip -t`, `tar tzf` and Python accept), but not by
/// anything else.
struct GzMembers<R: BufRead> {
    member: Option<flate2::bufread::GzDecoder<R>>,
}

impl<R: BufRead> GzMembers<R> {
    fn new(r: R) -> Self {
        GzMembers {
            member: Some(flate2::bufread::GzDecoder::new(r)),
        }
    }
}

impl<R: BufRead> Read for GzMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(member) = self.member.as_mut() else {
                return Ok(0);
            };
            let n = member.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            // The member ended (its CRC and length checked): what follows?
            let mut rest = self.member.take().expect("a member").into_inner();
            let next = rest.fill_buf()?;
            if next.is_empty() {
                return Ok(0);
            }
            if next.starts_with(&[0x1f, 0x8b]) {
                self.member = Some(flate2::bufread::GzDecoder::new(rest));
                continue;
            }
            loop {
                let chunk = rest.fill_buf()?;
                if chunk.is_empty() {
                    return Ok(0);
                }
                if chunk.iter().any(|b| *b != 0) {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "trailing garbage after the gzip stream",
                    ));
                }
                let len = chunk.len();
                rest.consume(len);
            }
        }
    }
}

/// A reader that counts bytes and remembers whether it hit the end.
struct Counting<R> {
    inner: R,
    count: Rc<Cell<u64>>,
    eof: Rc<Cell<bool>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            self.eof.set(true);
        }
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

impl<R: io::Seek> io::Seek for Counting<R> {
    fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// A read buffer that survives seeks landing inside it (`BufReader` drops its buffer on
/// every seek, and the zip reader seeks to each entry: that would read small entries twice).
struct SeekBuf<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    filled: usize,
    /// File offset of `buf[0]`; the inner reader is at `base + filled`.
    base: u64,
}

impl<R: Read + io::Seek> SeekBuf<R> {
    fn new(inner: R) -> Self {
        SeekBuf {
            inner,
            buf: vec![0; 1 << 16].into_boxed_slice(),
            pos: 0,
            filled: 0,
            base: 0,
        }
    }
}

impl<R: Read> Read for SeekBuf<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.filled {
            self.base += self.filled as u64;
            self.pos = 0;
            self.filled = 0;
            self.filled = self.inner.read(&mut self.buf)?;
        }
        let n = out.len().min(self.filled - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

impl<R: Read + io::Seek> io::Seek for SeekBuf<R> {
    fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
        let target = match pos {
            io::SeekFrom::Start(p) => Some(p),
            io::SeekFrom::Current(d) => (self.base + self.pos as u64).checked_add_signed(d),
            io::SeekFrom::End(_) => None,
        };
        if let Some(t) = target
            && t >= self.base
            && t <= self.base + self.filled as u64
        {
            self.pos = (t - self.base) as usize;
            return Ok(t);
        }
        let at = match target {
            Some(t) => self.inner.seek(io::SeekFrom::Start(t))?,
            None => self.inner.seek(pos)?,
        };
        self.base = at;
        self.pos = 0;
        self.filled = 0;
        Ok(at)
    }
}

/// Reads the first [`HEAD`] bytes into `head`, then the rest to the end; returns the total.
/// With `blob = Some((size, hex))`, also computes the git blob id of the data into `hex`.
fn read_data(
    r: &mut dyn Read,
    head: &mut Vec<u8>,
    blob: Option<(u64, &mut String)>,
) -> io::Result<u64> {
    head.clear();
    let Some((size, hex)) = blob else {
        let n = r.take(HEAD as u64).read_to_end(head)? as u64;
        return Ok(n + io::copy(r, &mut io::sink())?);
    };
    let mut sha = openssl::sha::Sha1::new();
    sha.update(format!("blob {size}\0").as_bytes());
    let mut buf = vec![0u8; 1 << 16];
    let mut total = 0u64;
    loop {
        let n = r.read(&mut buf)?;
        if n == 0 {
            break;
        }
        sha.update(&buf[..n]);
        let room = HEAD.saturating_sub(head.len()).min(n);
        head.extend_from_slice(&buf[..room]);
        total += n as u64;
    }
    hex.clear();
    for b in sha.finish() {
        hex.push_str(&format!("{b:02x}"));
    }
    Ok(total)
}

/// The git blob id of `data` (a symlink's target, as git stores it).
pub fn blob_id(data: &[u8]) -> String {
    let mut sha = openssl::sha::Sha1::new();
    sha.update(format!("blob {}\0", data.len()).as_bytes());
    sha.update(data);
    sha.finish().iter().map(|b| format!("{b:02x}")).collect()
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// The extension headers that describe the next entry of a tar (GNU long name and link,
/// PAX), read by relmgr itself so that each is bounded by [`MAX_HEADER`] (the `tar` crate
/// reads them whole into memory).
#[derive(Default)]
struct Pending {
    long_name: Option<Vec<u8>>,
    long_link: Option<Vec<u8>>,
    pax: Option<Vec<u8>>,
}

impl Pending {
    fn is_empty(&self) -> bool {
        self.long_name.is_none() && self.long_link.is_none() && self.pax.is_none()
    }

    /// Reads one extension header's body into its slot; `false` when `t` is not one.
    fn read<R: Read>(&mut self, t: tar::EntryType, entry: &mut tar::Entry<R>) -> io::Result<bool> {
        let (slot, what) = match t {
            tar::EntryType::GNULongName => (&mut self.long_name, "GNU long name"),
            tar::EntryType::GNULongLink => (&mut self.long_link, "GNU long link"),
            tar::EntryType::XHeader => (&mut self.pax, "PAX"),
            tar::EntryType::XGlobalHeader => {
                let size = entry.size();
                if size > MAX_HEADER {
                    return Err(invalid(format!(
                        "a PAX global header of {size} bytes (the limit is {MAX_HEADER})"
                    )));
                }
                io::copy(entry, &mut io::sink())?;
                return Ok(true);
            }
            _ => return Ok(false),
        };
        let size = entry.size();
        if size > MAX_HEADER {
            return Err(invalid(format!(
                "a {what} header of {size} bytes (the limit is {MAX_HEADER})"
            )));
        }
        if slot.is_some() {
            return Err(invalid(format!("two {what} headers for one entry")));
        }
        let mut body = Vec::with_capacity(size as usize);
        entry.read_to_end(&mut body)?;
        if (body.len() as u64) < size {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("a {what} header truncated: {} of {size} bytes", body.len()),
            ));
        }
        *slot = Some(body);
        Ok(true)
    }

    /// The path, link target and PAX size of the entry these headers describe (as the `tar`
    /// crate resolves them: a GNU long name before a PAX `path`, before the header's own).
    fn take<R: Read>(&mut self, entry: &tar::Entry<R>) -> (Vec<u8>, Option<Vec<u8>>, Option<u64>) {
        let pax = self.pax.take();
        let field = |key: &[u8]| {
            pax.as_deref().and_then(|p| {
                tar::PaxExtensions::new(p)
                    .filter_map(Result::ok)
                    .find(|f| f.key_bytes() == key)
                    .map(|f| f.value_bytes().to_vec())
            })
        };
        let strip = |mut v: Vec<u8>| {
            if v.last() == Some(&0) {
                v.pop();
            }
            v
        };
        let path = self
            .long_name
            .take()
            .map(strip)
            .or_else(|| field(b"path"))
            .unwrap_or_else(|| entry.header().path_bytes().into_owned());
        let link = self
            .long_link
            .take()
            .map(strip)
            .or_else(|| field(b"linkpath"))
            .or_else(|| entry.header().link_name_bytes().map(|l| l.into_owned()));
        let size = field(b"size").map(|v| {
            std::str::from_utf8(&v)
                .ok()
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(u64::MAX)
        });
        (path, link, size)
    }
}

fn scan_tar<R: Read>(
    inner: R,
    hash: bool,
    visit: &mut dyn FnMut(&Entry),
    scan: &mut Scan,
) -> io::Result<()> {
    let eof = Rc::new(Cell::new(false));
    let reader = Counting {
        inner,
        count: Rc::new(Cell::new(0)),
        eof: eof.clone(),
    };
    let mut archive = tar::Archive::new(reader);
    let mut head = Vec::with_capacity(HEAD);
    let mut hex = String::new();
    let mut pending = Pending::default();
    // Raw: the extension headers come as entries, and `Pending` reads them within bounds.
    for entry in archive.entries()?.raw(true) {
        let mut entry = entry?;
        let t = entry.header().entry_type();
        if pending.read(t, &mut entry)? {
            continue;
        }
        let kind = match t {
            tar::EntryType::Directory => Kind::Dir,
            tar::EntryType::Symlink => Kind::Symlink,
            tar::EntryType::Link => Kind::Hardlink,
            tar::EntryType::Char => Kind::Special("character device"),
            tar::EntryType::Block => Kind::Special("block device"),
            tar::EntryType::Fifo => Kind::Special("fifo"),
            // Its extension blocks would need the crate's own parsing (not done raw); release
            // archives have no use for holes.
            tar::EntryType::GNUSparse => {
                return Err(invalid(
                    "a GNU sparse entry: not supported in a release archive".into(),
                ));
            }
            _ => Kind::File,
        };
        let (path, link, pax_size) = pending.take(&entry);
        let path = bounded_name(&path, "entry name")?;
        let link = link.map(|l| bounded_name(&l, "link target")).transpose()?;
        let size = entry.size();
        if pax_size.is_some_and(|p| p != size) {
            return Err(invalid(format!(
                "entry {}: a PAX size record unlike the header's (files over 8 GiB are not supported)",
                path
            )));
        }
        if scan.entries >= MAX_ARCHIVE_ENTRIES {
            return Err(too_many_entries());
        }
        let mode = entry.header().mode().unwrap_or(0o644);
        let hashing = hash && kind == Kind::File;
        let read = read_data(&mut entry, &mut head, hashing.then_some((size, &mut hex)))
            .map_err(|e| io::Error::new(e.kind(), format!("entry {path}: {e}")))?;
        let blob = match (hash, kind, &link) {
            (true, Kind::File, _) => Some(hex.clone()),
            (true, Kind::Symlink, Some(target)) => Some(blob_id(target.as_bytes())),
            _ => None,
        };
        if read < size {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("entry {path} truncated: {read} of {size} bytes"),
            ));
        }
        scan.show(
            visit,
            Entry::new(&path, kind, link.as_deref(), &head, blob.as_deref(), mode),
        );
    }
    if !pending.is_empty() {
        return Err(invalid(
            "the archive ends with extension headers but no entry they describe".into(),
        ));
    }
    if eof.get() {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "archive ends without the end-of-archive marker (truncated)",
        ));
    }
    // Drain padding so compressed streams verify their trailers (CRC, length).
    io::copy(&mut archive.into_inner(), &mut io::sink())?;
    Ok(())
}

/// `bytes` as a name (lossy UTF-8), refused past [`MAX_NAME`] bytes.
fn bounded_name(bytes: &[u8], what: &str) -> io::Result<String> {
    if bytes.len() > MAX_NAME {
        let start = String::from_utf8_lossy(&bytes[..64]);
        return Err(invalid(format!(
            "an {what} of {} bytes (the limit is {MAX_NAME}): {start}...",
            bytes.len()
        )));
    }
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

fn too_many_entries() -> io::Error {
    invalid(format!(
        "more than {MAX_ARCHIVE_ENTRIES} entries: not checked further"
    ))
}

fn scan_zip<R: Read + io::Seek>(
    reader: R,
    mut local: File,
    hash: bool,
    visit: &mut dyn FnMut(&Entry),
    scan: &mut Scan,
) -> io::Result<()> {
    // The zip crate holds the whole central directory in memory: count it first.
    if zip_entry_count(&mut local)?.is_some_and(|n| n > MAX_ARCHIVE_ENTRIES as u64) {
        return Err(too_many_entries());
    }
    let mut zip = zip::ZipArchive::new(reader).map_err(io::Error::other)?;
    check_zip_layout(&zip, &mut local)?;
    let mut head = Vec::with_capacity(HEAD);
    let mut hex = String::new();
    for i in 0..zip.len() {
        let mut file = zip
            .by_index(i)
            .map_err(|e| io::Error::other(format!("entry #{i}: {e}")))?;
        let path = bounded_name(file.name_raw(), "entry name")?;
        let kind = match file.unix_mode().map(|m| m & 0o170000) {
            Some(0o020000) => Kind::Special("character device"),
            Some(0o060000) => Kind::Special("block device"),
            Some(0o010000) => Kind::Special("fifo"),
            Some(0o140000) => Kind::Special("socket"),
            _ if file.is_symlink() => Kind::Symlink,
            _ if file.is_dir() => Kind::Dir,
            _ => Kind::File,
        };
        let size = file.size();
        let hashing = hash && matches!(kind, Kind::File | Kind::Symlink);
        read_data(&mut file, &mut head, hashing.then_some((size, &mut hex)))
            .map_err(|e| io::Error::new(e.kind(), format!("entry {path}: {e}")))?;
        let link = (kind == Kind::Symlink).then(|| String::from_utf8_lossy(&head).into_owned());
        let blob = hashing.then_some(hex.as_str());
        let mode = file.unix_mode().unwrap_or(0o644);
        scan.show(
            visit,
            Entry::new(&path, kind, link.as_deref(), &head, blob, mode),
        );
    }
    Ok(())
}

/// The number of entries the end of central directory record (or its zip64 form) announces;
/// `None` when there is no such record (the zip crate then says what is wrong).
fn zip_entry_count(f: &mut File) -> io::Result<Option<u64>> {
    use io::{Seek, SeekFrom};
    let len = f.seek(SeekFrom::End(0))?;
    let tail_len = len.min(22 + 65535);
    f.seek(SeekFrom::Start(len - tail_len))?;
    let mut tail = vec![0u8; tail_len as usize];
    f.read_exact(&mut tail)?;
    let Some(at) = tail.windows(4).rposition(|w| w == b"PK\x05\x06") else {
        return Ok(None);
    };
    let eocd = &tail[at..];
    if eocd.len() < 22 {
        return Ok(None);
    }
    let count = u16::from_le_bytes([eocd[10], eocd[11]]) as u64;
    if count != 0xFFFF || at < 20 || tail[at - 20..at - 16] != *b"PK\x06\x07" {
        return Ok(Some(count));
    }
    // zip64: the locator before the record gives the zip64 record's offset.
    let loc = &tail[at - 20..at];
    let offset = u64::from_le_bytes(loc[8..16].try_into().expect("8 bytes"));
    let mut rec = [0u8; 40];
    if f.seek(SeekFrom::Start(offset)).is_err() || f.read_exact(&mut rec).is_err() {
        return Ok(None);
    }
    if rec[..4] != *b"PK\x06\x06" {
        return Ok(None);
    }
    Ok(Some(u64::from_le_bytes(
        rec[32..40].try_into().expect("8 bytes"),
    )))
}

/// Before anything is inflated: each entry's local header agrees with the central directory
/// (name, CRC), and no two entries share bytes nor run into the central directory - the
/// overlapping entries of a zip bomb, refused as `unzip -t` does ("possible zip bomb").
fn check_zip_layout<R: Read + io::Seek>(
    zip: &zip::ZipArchive<R>,
    local: &mut File,
) -> io::Result<()> {
    let dir_start = zip.central_directory_start();
    let mut spans = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let e = zip
            .by_index_data(i)
            .map_err(|e| io::Error::other(format!("entry #{i}: {e}")))?;
        let at = e.header_start();
        let data = check_local_header(local, at, e.name_raw(), e.crc32())?;
        let end = data.saturating_add(e.compressed_size());
        if end > dir_start {
            let name = String::from_utf8_lossy(e.name_raw()).into_owned();
            return Err(invalid(format!(
                "entry {name}: its data runs into the central directory (possible zip bomb)"
            )));
        }
        spans.push((at, end, i));
    }
    spans.sort_unstable();
    for w in spans.windows(2) {
        if w[0].1 > w[1].0 {
            let name = |i: usize| {
                zip.by_index_data(i)
                    .map(|e| String::from_utf8_lossy(e.name_raw()).into_owned())
                    .unwrap_or_default()
            };
            return Err(invalid(format!(
                "entries {} and {} overlap (possible zip bomb)",
                name(w[0].2),
                name(w[1].2)
            )));
        }
    }
    Ok(())
}

/// Compares an entry's local header with its central directory record, as `unzip -t` does:
/// the name, and the CRC unless the local header defers it to a data descriptor. Returns
/// where the entry's data starts.
fn check_local_header<R: Read + io::Seek>(
    r: &mut R,
    at: u64,
    name: &[u8],
    crc: u32,
) -> io::Result<u64> {
    let shown = String::from_utf8_lossy(name);
    let mismatch = |what: &str| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("entry {shown}: the local header {what} than the central directory"),
        )
    };
    r.seek(io::SeekFrom::Start(at))?;
    let mut fixed = [0u8; 30];
    r.read_exact(&mut fixed)?;
    if fixed[..4] != *b"PK\x03\x04" {
        return Err(mismatch("is missing or starts differently"));
    }
    let u16_at = |i: usize| u16::from_le_bytes([fixed[i], fixed[i + 1]]);
    let flags = u16_at(6);
    let local_crc = u32::from_le_bytes([fixed[14], fixed[15], fixed[16], fixed[17]]);
    let mut local_name = vec![0u8; u16_at(26) as usize];
    r.read_exact(&mut local_name)?;
    if local_name != name {
        let local = String::from_utf8_lossy(&local_name).into_owned();
        return Err(mismatch(&format!("names it {local}, other")));
    }
    if flags & 0x08 == 0 && local_crc != crc {
        return Err(mismatch("holds another CRC"));
    }
    Ok(at + 30 + u16_at(26) as u64 + u16_at(28) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paths from GNU long names and PAX records, read by relmgr's own bounded reading of
    /// the extension headers, are the paths the `tar` crate gives.
    #[test]
    fn long_names_and_pax_paths_are_resolved() {
        let long = format!("demo-1.0.0/{}/file.txt", "d".repeat(150));
        let mut b = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_gnu();
        h.set_size(2);
        h.set_entry_type(tar::EntryType::Regular);
        b.append_data(&mut h, &long, &b"hi"[..]).unwrap();
        let pax_path = format!("demo-1.0.0/{}/pax.txt", "p".repeat(200));
        let record = format!(" path={pax_path}\n");
        // A PAX record's length counts its own digits.
        let mut digits = 1;
        while (record.len() + digits).to_string().len() != digits {
            digits += 1;
        }
        let len = record.len() + digits;
        let mut x = tar::Header::new_ustar();
        x.set_entry_type(tar::EntryType::XHeader);
        x.set_size(len as u64);
        x.set_path("PaxHeader").unwrap();
        x.set_cksum();
        b.append(&x, format!("{len}{record}").as_bytes()).unwrap();
        let mut h = tar::Header::new_ustar();
        h.set_size(1);
        h.set_path("demo-1.0.0/short").unwrap();
        h.set_cksum();
        b.append(&h, &b"x"[..]).unwrap();
        let bytes = b.into_inner().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo-1.0.0.tar");
        std::fs::write(&path, &bytes).unwrap();
        let mut seen = Vec::new();
        let s = scan(&path, Format::Tar, &mut |e| seen.push(e.path.to_string()));
        assert_eq!(s.error, None);
        assert_eq!(seen, vec![long, pax_path]);
    }

    #[test]
    fn detects_formats_and_stems() {
        let d = detect;
        assert_eq!(
            d("dist/demo-1.2.0-src.tar.gz"),
            Some((Format::TarGz, "demo-1.2.0-src".into()))
        );
        assert_eq!(d("demo.TGZ"), Some((Format::TarGz, "demo".into())));
        assert_eq!(d("demo.tar.xz"), Some((Format::TarXz, "demo".into())));
        assert_eq!(d("demo.tar.bz2"), Some((Format::TarBz2, "demo".into())));
        assert_eq!(d("demo.tar"), Some((Format::Tar, "demo".into())));
        assert_eq!(d("demo.zip"), Some((Format::Zip, "demo".into())));
        assert_eq!(d("demo.pom"), None);
        assert_eq!(d(".tar.gz"), None);
    }
}
