//! Archive formats and the one streaming pass over an archive.
//!
//! Owns format detection by file name ([`detect`]) and [`scan`], which reads a `.tar`
//! (optionally gzip, bzip2 or xz compressed) or `.zip` once, front to back, never unpacking
//! to disk, and hands each entry ([`Entry`]: path, kind, link target, first [`HEAD`] bytes) to
//! a visitor. Every file's data is read to its end so decompression and CRC errors surface;
//! compressed tars are drained after the last entry so the compression trailer is checked.
//! Zero bytes after a gzip stream are padding, not an error (as for `gzip -t`). A zip entry
//! whose local header disagrees with the central directory (name, CRC) is an error, as for
//! `unzip -t`: two readers would see two archives.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::rc::Rc;

/// How many leading bytes of each file are kept for the content checks.
pub const HEAD: usize = 4096;

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
    ) -> Self {
        Entry {
            path,
            kind,
            link,
            head: if kind == Kind::File { head } else { &[] },
            blob,
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
    for entry in archive.entries()? {
        let mut entry = entry?;
        let t = entry.header().entry_type();
        let kind = match t {
            tar::EntryType::Directory => Kind::Dir,
            tar::EntryType::Symlink => Kind::Symlink,
            tar::EntryType::Link => Kind::Hardlink,
            tar::EntryType::Char => Kind::Special("character device"),
            tar::EntryType::Block => Kind::Special("block device"),
            tar::EntryType::Fifo => Kind::Special("fifo"),
            tar::EntryType::XGlobalHeader | tar::EntryType::XHeader => continue,
            tar::EntryType::GNULongName | tar::EntryType::GNULongLink => continue,
            _ => Kind::File,
        };
        let path = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let link = entry
            .link_name_bytes()
            .map(|l| String::from_utf8_lossy(&l).into_owned());
        let size = entry.size();
        let hashing = hash && kind == Kind::File;
        let read = read_data(&mut entry, &mut head, hashing.then_some((size, &mut hex)))
            .map_err(|e| io::Error::new(e.kind(), format!("entry {path}: {e}")))?;
        let blob = match (hash, kind, &link) {
            (true, Kind::File, _) => Some(hex.clone()),
            (true, Kind::Symlink, Some(target)) => Some(blob_id(target.as_bytes())),
            _ => None,
        };
        if read < size && t != tar::EntryType::GNUSparse {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("entry {path} truncated: {read} of {size} bytes"),
            ));
        }
        scan.show(
            visit,
            Entry::new(&path, kind, link.as_deref(), &head, blob.as_deref()),
        );
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

fn scan_zip<R: Read + io::Seek>(
    reader: R,
    mut local: File,
    hash: bool,
    visit: &mut dyn FnMut(&Entry),
    scan: &mut Scan,
) -> io::Result<()> {
    let mut zip = zip::ZipArchive::new(reader).map_err(io::Error::other)?;
    let mut head = Vec::with_capacity(HEAD);
    let mut central = Vec::with_capacity(zip.len());
    let mut hex = String::new();
    for i in 0..zip.len() {
        let mut file = zip
            .by_index(i)
            .map_err(|e| io::Error::other(format!("entry #{i}: {e}")))?;
        central.push((file.header_start(), file.name_raw().to_vec(), file.crc32()));
        let path = String::from_utf8_lossy(file.name_raw()).into_owned();
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
        scan.show(visit, Entry::new(&path, kind, link.as_deref(), &head, blob));
    }
    for (at, name, crc) in central {
        check_local_header(&mut local, at, &name, crc)?;
    }
    Ok(())
}

/// Compares an entry's local header with its central directory record, as `unzip -t` does:
/// the name, and the CRC unless the local header defers it to a data descriptor.
fn check_local_header<R: Read + io::Seek>(
    r: &mut R,
    at: u64,
    name: &[u8],
    crc: u32,
) -> io::Result<()> {
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
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
