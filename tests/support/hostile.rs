//! Generators of hostile inputs for the archive checks (#28): tar streams with raw headers
//! (any name bytes, huge PAX records, many entries) and zips whose entries overlap. Nothing
//! large is committed: each test makes what it needs, the bench script makes the big ones.

#![allow(dead_code)]

use std::io::Write;

/// One 512-byte ustar header: `name` (at most 100 bytes, any bytes), `typeflag`, `size`.
pub fn tar_header(name: &[u8], typeflag: u8, size: u64) -> [u8; 512] {
    assert!(name.len() <= 100, "ustar names hold 100 bytes");
    let mut h = [0u8; 512];
    h[..name.len()].copy_from_slice(name);
    h[100..107].copy_from_slice(b"0000644");
    h[108..115].copy_from_slice(b"0000000");
    h[116..123].copy_from_slice(b"0000000");
    h[124..135].copy_from_slice(format!("{size:011o}").as_bytes());
    h[136..147].copy_from_slice(b"00000000000");
    h[156] = typeflag;
    h[257..263].copy_from_slice(b"ustar\0");
    h[263..265].copy_from_slice(b"00");
    h[148..156].copy_from_slice(b"        ");
    let sum: u32 = h.iter().map(|b| *b as u32).sum();
    h[148..155].copy_from_slice(format!("{sum:06o}\0").as_bytes());
    h
}

/// A tar writer over any sink (a gzip encoder for `.tar.gz`).
pub struct Tar<W: Write> {
    pub out: W,
}

impl<W: Write> Tar<W> {
    /// A regular file (`typeflag` `0`) or any other entry, with its data padded to 512.
    pub fn entry(&mut self, name: &[u8], typeflag: u8, data: &[u8]) {
        self.out
            .write_all(&tar_header(name, typeflag, data.len() as u64))
            .unwrap();
        self.out.write_all(data).unwrap();
        self.pad(data.len() as u64);
    }

    fn pad(&mut self, len: u64) {
        let rest = (512 - len % 512) % 512;
        self.out.write_all(&vec![0u8; rest as usize]).unwrap();
    }

    /// A PAX `x` header whose one record is `key=` followed by `len` bytes of `a`, streamed.
    pub fn pax_record(&mut self, key: &str, len: u64) {
        let body = key.len() as u64 + 3 + len; // " key=" + value + "\n", without the length
        let mut digits = 1;
        while (body + digits).to_string().len() as u64 != digits {
            digits += 1;
        }
        let total = body + digits;
        self.out
            .write_all(&tar_header(b"PaxHeader", b'x', total))
            .unwrap();
        write!(self.out, "{total} {key}=").unwrap();
        let chunk = vec![b'a'; 1 << 16];
        let mut left = len;
        while left > 0 {
            let n = left.min(chunk.len() as u64);
            self.out.write_all(&chunk[..n as usize]).unwrap();
            left -= n;
        }
        self.out.write_all(b"\n").unwrap();
        self.pad(total);
    }

    /// The end-of-archive marker; returns the sink.
    pub fn finish(mut self) -> W {
        self.out.write_all(&[0u8; 1024]).unwrap();
        self.out
    }
}

/// A gzip-compressed tar into `out`.
pub fn tar_gz<W: Write>(out: W) -> Tar<flate2::write::GzEncoder<W>> {
    Tar {
        out: flate2::write::GzEncoder::new(out, flate2::Compression::fast()),
    }
}

/// A `.tar.gz` of `files` (name, data), all regular files.
pub fn tar_gz_of(files: &[(&[u8], &[u8])]) -> Vec<u8> {
    let mut t = tar_gz(Vec::new());
    for (name, data) in files {
        t.entry(name, b'0', data);
    }
    t.finish().finish().unwrap()
}

/// A `.tar.gz` whose one PAX header holds a `path` record of `len` bytes, then a file.
pub fn pax_bomb<W: Write>(out: W, len: u64) -> W {
    let mut t = tar_gz(out);
    t.pax_record("path", len);
    t.entry(b"demo-1.0.0/a.txt", b'0', b"x");
    t.finish().finish().unwrap()
}

/// A `.tar.gz` of `n` empty files with absolute paths (each one a flagged entry).
pub fn many_flagged<W: Write>(out: W, n: usize) -> W {
    let mut t = tar_gz(out);
    for i in 0..n {
        t.entry(format!("/abs/{i:09}").as_bytes(), b'0', b"");
    }
    t.finish().finish().unwrap()
}

fn le16(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn le32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

/// One zip entry's metadata, for its local header and central record.
struct ZipMeta {
    name: Vec<u8>,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

fn local_header(m: &ZipMeta) -> Vec<u8> {
    let mut z = b"PK\x03\x04".to_vec();
    for x in [20u16, 0, 8, 0, 0] {
        le16(&mut z, x);
    }
    le32(&mut z, m.crc);
    le32(&mut z, m.compressed);
    le32(&mut z, m.size);
    le16(&mut z, m.name.len() as u16);
    le16(&mut z, 0);
    z.extend_from_slice(&m.name);
    z
}

/// Appends the central directory of `entries` and its end record to `z`.
fn central_directory(z: &mut Vec<u8>, entries: &[ZipMeta]) {
    let start = z.len();
    for m in entries {
        z.extend_from_slice(b"PK\x01\x02");
        for x in [0x031eu16, 20, 0, 8, 0, 0] {
            le16(z, x);
        }
        le32(z, m.crc);
        le32(z, m.compressed);
        le32(z, m.size);
        for x in [m.name.len() as u16, 0, 0, 0, 0] {
            le16(z, x);
        }
        le32(z, 0o100644 << 16);
        le32(z, m.offset);
        z.extend_from_slice(&m.name);
    }
    let len = z.len() - start;
    z.extend_from_slice(b"PK\x05\x06");
    for x in [0u16, 0, entries.len() as u16, entries.len() as u16] {
        le16(z, x);
    }
    le32(z, len as u32);
    le32(z, start as u32);
    le16(z, 0);
}

/// A zip bomb of overlapping files (David Fifield's construction): `files` entries, each
/// with its own local header, whose deflate data quotes the next entry's local header in a
/// stored block and then runs on into that entry's data; all end in one kernel that inflates
/// to `len` zero bytes. The archive is about `47 * files` bytes plus the kernel; it inflates
/// to about `files * len`. Every CRC and size is right: only the overlap gives it away.
pub fn overlapping_zip(files: usize, len: usize) -> Vec<u8> {
    let mut kernel = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    kernel.write_all(&vec![0u8; len]).unwrap();
    let kernel = kernel.finish().unwrap();
    let mut zeros = flate2::Crc::new();
    zeros.update(&vec![0u8; len]);
    // Backwards: each entry's header is quoted by the one before it.
    let mut metas: Vec<ZipMeta> = Vec::new();
    let mut crc = zeros;
    let (mut compressed, mut size) = (kernel.len() as u32, len as u32);
    for i in (0..files).rev() {
        let m = ZipMeta {
            name: format!("demo-1.0.0/{i:06}").into_bytes(),
            crc: crc.sum(),
            compressed,
            size,
            offset: 0,
        };
        let lh = local_header(&m);
        let mut next = flate2::Crc::new();
        next.update(&lh);
        next.combine(&crc);
        crc = next;
        compressed += 5 + lh.len() as u32;
        size += lh.len() as u32;
        metas.push(m);
    }
    metas.reverse();
    let mut z = Vec::new();
    for i in 0..metas.len() {
        metas[i].offset = z.len() as u32;
        let lh = local_header(&metas[i]);
        z.extend_from_slice(&lh);
        if let Some(next) = metas.get(i + 1) {
            let quoted = local_header(next).len() as u16;
            z.push(0);
            le16(&mut z, quoted);
            le16(&mut z, !quoted);
        }
    }
    z.extend_from_slice(&kernel);
    central_directory(&mut z, &metas);
    z
}

/// A one-entry zip whose central directory claims `extra` more compressed bytes than the
/// entry has: its data would run into the central directory.
pub fn overlong_zip(extra: u32) -> Vec<u8> {
    let data = b"hello, world\n".repeat(20);
    let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    d.write_all(&data).unwrap();
    let d = d.finish().unwrap();
    let mut crc = flate2::Crc::new();
    crc.update(&data);
    let mut m = ZipMeta {
        name: b"demo-1.0.0/a.txt".to_vec(),
        crc: crc.sum(),
        compressed: d.len() as u32,
        size: data.len() as u32,
        offset: 0,
    };
    let mut z = local_header(&m);
    z.extend_from_slice(&d);
    m.compressed += extra;
    central_directory(&mut z, &[m]);
    z
}
