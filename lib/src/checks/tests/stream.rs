//! Streaming: every format is read in one pass (about one read of the file), large archives
//! included, and tar oddities (pax global headers, special files, missing end marker) are
//! handled.

use std::io::Write;
use std::path::Path;

use super::super::archive::{Format, detect, scan};
use super::super::{Outcome, PackageInput, check_package};
use super::{demo_ctx, outcomes};

const TEXT: &[u8] = b"// SPDX-License-Identifier: Apache-2.0\nfn main() {}\n";

/// Appends a regular file to a tar.
fn add(b: &mut tar::Builder<Vec<u8>>, path: &str, data: &[u8], kind: tar::EntryType) {
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(kind);
    h.set_size(data.len() as u64);
    h.set_mode(0o644);
    h.set_path(path).unwrap();
    h.set_cksum();
    b.append(&h, data).unwrap();
}

/// A clean source tree with a pax global header (as `git archive` writes) in front.
fn small_tar() -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    let comment = b"52 comment=0123456789abcdef0123456789abcdef01234567\n";
    let mut h = tar::Header::new_ustar();
    h.set_entry_type(tar::EntryType::XGlobalHeader);
    h.set_path("pax_global_header").unwrap();
    h.set_size(comment.len() as u64);
    h.set_cksum();
    b.append(&h, &comment[..]).unwrap();
    add(
        &mut b,
        "demo-1.2.0-src/LICENSE",
        b"Apache License\n",
        tar::EntryType::Regular,
    );
    add(
        &mut b,
        "demo-1.2.0-src/NOTICE",
        b"Demo\n",
        tar::EntryType::Regular,
    );
    add(
        &mut b,
        "demo-1.2.0-src/src/main.rs",
        TEXT,
        tar::EntryType::Regular,
    );
    b.into_inner().unwrap()
}

fn compress(format: Format, tar: &[u8]) -> Vec<u8> {
    match format {
        Format::Tar => tar.to_vec(),
        Format::TarGz => {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(tar).unwrap();
            e.finish().unwrap()
        }
        Format::TarBz2 => {
            let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
            e.write_all(tar).unwrap();
            e.finish().unwrap()
        }
        Format::TarXz => {
            let opts = lzma_rust2::XzOptions::with_preset(1);
            let mut e = lzma_rust2::XzWriter::new(Vec::new(), opts).unwrap();
            e.write_all(tar).unwrap();
            e.finish().unwrap()
        }
        Format::Zip => unreachable!("zip is built separately"),
    }
}

fn check_bytes(dir: &Path, name: &str, bytes: &[u8]) -> Vec<super::super::Finding> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    check_package(
        &demo_ctx(),
        &PackageInput {
            name: name.into(),
            path: Some(path),
            source: None,
        },
    )
}

#[test]
fn every_format_reads_and_passes() {
    let dir = tempfile::tempdir().unwrap();
    let tar = small_tar();
    for ext in ["tar", "tar.gz", "tgz", "tar.bz2", "tar.xz", "txz"] {
        let name = format!("demo-1.2.0-src.{ext}");
        let (format, _) = detect(&name).unwrap();
        let fs = check_bytes(dir.path(), &name, &compress(format, &tar));
        assert!(
            fs.iter().all(|f| f.result == Outcome::Pass),
            "{ext}: {fs:#?}"
        );
        assert!(fs[0].reason.contains("3 entries"), "{}", fs[0].reason);
    }
}

#[test]
fn tar_damage_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let tar = small_tar();
    // No end-of-archive marker: the builder's 1024 zero bytes cut off.
    let fs = check_bytes(dir.path(), "demo-1.2.0-src.tar", &tar[..tar.len() - 1024]);
    assert_eq!(fs[0].result, Outcome::Fail);
    assert!(fs[0].reason.contains("end-of-archive"), "{}", fs[0].reason);
    // Cut inside the last file's data.
    let fs = check_bytes(
        dir.path(),
        "demo-1.2.0-src.tar",
        &tar[..tar.len() - 1024 - 500],
    );
    assert!(fs[0].reason.contains("truncated"), "{}", fs[0].reason);
    // A flipped byte in a gzip stream fails its CRC or inflation.
    let mut gz = compress(Format::TarGz, &tar);
    let mid = gz.len() / 2;
    gz[mid] ^= 0x55;
    assert_eq!(
        check_bytes(dir.path(), "demo-1.2.0-src.tar.gz", &gz)[0].result,
        Outcome::Fail
    );
}

#[test]
fn special_files_fail_paths() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = tar::Builder::new(Vec::new());
    add(
        &mut b,
        "demo-1.2.0-src/LICENSE",
        b"x\n",
        tar::EntryType::Regular,
    );
    add(&mut b, "demo-1.2.0-src/pipe", b"", tar::EntryType::Fifo);
    add(&mut b, "demo-1.2.0-src/tty", b"", tar::EntryType::Char);
    let fs = check_bytes(dir.path(), "demo-1.2.0-bin.tar", &b.into_inner().unwrap());
    assert_eq!(outcomes(&fs)[1], ("archive-paths", Outcome::Fail));
    assert_eq!(fs[1].entries, ["demo-1.2.0-src/pipe", "demo-1.2.0-src/tty"]);
    assert!(fs[1].reason.contains("(fifo)"), "{}", fs[1].reason);
}

/// Deterministic incompressible bytes.
fn noise(seed: &mut u64, buf: &mut [u8]) {
    for chunk in buf.chunks_mut(8) {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        chunk.copy_from_slice(&seed.to_le_bytes()[..chunk.len()]);
    }
}

#[test]
fn a_large_archive_streams_in_about_one_read() {
    const ENTRIES: usize = 200;
    const SIZE: usize = 256 * 1024; // 200 x 256 KiB = 50 MiB of entries
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo-1.2.0-src.tar.gz");
    let file = std::fs::File::create(&path).unwrap();
    let gz = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
    let mut b = tar::Builder::new(gz);
    let mut seed = 0x9e3779b97f4a7c15u64;
    let mut data = vec![0u8; SIZE];
    for i in 0..ENTRIES {
        noise(&mut seed, &mut data);
        let mut h = tar::Header::new_gnu();
        h.set_size(SIZE as u64);
        h.set_mode(0o644);
        h.set_cksum();
        let name = format!("demo-1.2.0-src/data/blob{i:03}.bin");
        b.append_data(&mut h, name, &data[..]).unwrap();
    }
    for name in ["LICENSE", "NOTICE", "src/lib.rs"] {
        let mut h = tar::Header::new_gnu();
        h.set_size(TEXT.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, format!("demo-1.2.0-src/{name}"), TEXT)
            .unwrap();
    }
    b.into_inner().unwrap().finish().unwrap();
    let len = std::fs::metadata(&path).unwrap().len();
    assert!(len > 50 << 20, "{len}");

    let mut entries = 0;
    let s = scan(&path, Format::TarGz, &mut |_| entries += 1);
    assert!(s.error.is_none(), "{:?}", s.error);
    assert_eq!(entries, ENTRIES + 3);
    assert_eq!(s.bytes_read, len, "one read of the file, no more");

    let fs = check_package(
        &demo_ctx(),
        &PackageInput {
            name: "demo-1.2.0-src.tar.gz".into(),
            path: Some(path),
            source: None,
        },
    );
    assert!(fs.iter().all(|f| f.result == Outcome::Pass), "{fs:#?}");
}

#[test]
fn a_zip_is_read_about_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo-1.2.0-src.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut seed = 7u64;
    let mut data = vec![0u8; 64 * 1024];
    for i in 0..128 {
        noise(&mut seed, &mut data);
        z.start_file(format!("demo-1.2.0-src/blob{i}.bin"), opts)
            .unwrap();
        z.write_all(&data).unwrap();
    }
    z.finish().unwrap();
    let len = std::fs::metadata(&path).unwrap().len();
    let s = scan(&path, Format::Zip, &mut |_| {});
    assert!(s.error.is_none(), "{:?}", s.error);
    assert!(
        s.bytes_read <= len + (256 << 10),
        "{} vs {len}",
        s.bytes_read
    );
    // A flipped data byte in a stored entry fails its CRC.
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[len as usize / 2] ^= 0x55;
    std::fs::write(&path, bytes).unwrap();
    let s = scan(&path, Format::Zip, &mut |_| {});
    assert!(s.error.is_some());
}
