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

/// A zip whose central directory lists `copies` entries that all point at one local entry
/// (`len` zero bytes, deflated): overlapping entries, as in a "better zip bomb". With
/// `copies == 1` it is a plain, valid zip.
pub fn overlapping_zip(copies: usize, len: usize) -> Vec<u8> {
    let name = b"demo-1.0.0/zeros";
    let data = vec![0u8; len];
    let mut deflated = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    deflated.write_all(&data).unwrap();
    let deflated = deflated.finish().unwrap();
    let mut crc = flate2::Crc::new();
    crc.update(&data);
    let crc = crc.sum();
    let mut z = Vec::new();
    let le16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    z.extend_from_slice(b"PK\x03\x04");
    le16(&mut z, 20);
    le16(&mut z, 0);
    le16(&mut z, 8);
    le32(&mut z, 0);
    le32(&mut z, crc);
    le32(&mut z, deflated.len() as u32);
    le32(&mut z, len as u32);
    le16(&mut z, name.len() as u16);
    le16(&mut z, 0);
    z.extend_from_slice(name);
    z.extend_from_slice(&deflated);
    let cd_start = z.len();
    for _ in 0..copies {
        z.extend_from_slice(b"PK\x01\x02");
        le16(&mut z, 0x031e);
        le16(&mut z, 20);
        le16(&mut z, 0);
        le16(&mut z, 8);
        le32(&mut z, 0);
        le32(&mut z, crc);
        le32(&mut z, deflated.len() as u32);
        le32(&mut z, len as u32);
        le16(&mut z, name.len() as u16);
        le16(&mut z, 0);
        le16(&mut z, 0);
        le16(&mut z, 0);
        le16(&mut z, 0);
        le32(&mut z, 0o100644 << 16);
        le32(&mut z, 0);
        z.extend_from_slice(name);
    }
    let cd_len = z.len() - cd_start;
    z.extend_from_slice(b"PK\x05\x06");
    le16(&mut z, 0);
    le16(&mut z, 0);
    le16(&mut z, copies as u16);
    le16(&mut z, copies as u16);
    le32(&mut z, cd_len as u32);
    le32(&mut z, cd_start as u32);
    le16(&mut z, 0);
    z
}
