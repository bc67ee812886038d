//! Robustness: random or damaged bytes under any archive name never panic, and a damaged
//! archive never passes integrity silently with content checks passing.

use proptest::prelude::*;

use super::super::{Outcome, PackageInput, check_package};
use super::{demo_ctx, fixture_dir};

const NAMES: &[&str] = &[
    "demo-1.2.0-src.tar.gz",
    "demo-1.2.0-src.zip",
    "demo-1.2.0-src.tar.bz2",
    "demo-1.2.0-src.tar.xz",
    "demo-1.2.0-src.tar",
];

fn run(name: &str, bytes: &[u8]) -> Vec<super::super::Finding> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let p = PackageInput {
        name: name.into(),
        path: Some(path),
        source: None,
    };
    check_package(&demo_ctx(), &p)
}

/// Prefixes that get random bytes past the first magic-number test of each format.
fn prefixed() -> impl Strategy<Value = Vec<u8>> {
    let prefixes: Vec<&'static [u8]> = vec![
        b"",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
        b"PK\x03\x04",
        b"BZh9",
        b"\xfd7zXZ\x00",
    ];
    (
        proptest::sample::select(prefixes),
        proptest::collection::vec(any::<u8>(), 0..4096),
    )
        .prop_map(|(p, rest)| [p, &rest[..]].concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_bytes_never_panic(bytes in prefixed(), which in 0..NAMES.len()) {
        let fs = run(NAMES[which], &bytes);
        prop_assert_eq!(fs.last().unwrap().check.as_str(), "naming");
    }

    #[test]
    fn damaged_fixtures_never_panic(
        which in 0..2usize,
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let name = ["demo-1.2.0-src.tar.gz", "demo-1.2.0-src.zip"][which];
        let mut bytes = std::fs::read(fixture_dir().join(name)).unwrap();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= b | 1;
        }
        bytes.truncate(cut.index(bytes.len()));
        let fs = run(name, &bytes);
        // Cut short, an archive can't be whole: integrity fails and nothing else passes.
        prop_assert_eq!(fs[0].result, Outcome::Fail, "{:?}", fs);
        for f in fs.iter().filter(|f| f.check != "naming" && f.check != "archive-integrity") {
            prop_assert_ne!(f.result, Outcome::Pass, "{:?}", f);
        }
    }
}

/// The generators the integration tests use (raw tar headers, overlapping zips).
#[path = "../../../../tests/support/hostile.rs"]
mod generate;

/// One generated entry: name bytes (any: UTF-8 of any width, control bytes, `..`, `/`),
/// tar type flag, data, and an optional PAX record (key, value length) before it.
type GenEntry = (Vec<u8>, u8, Vec<u8>, Option<(String, u16)>);

fn gen_entry() -> impl Strategy<Value = GenEntry> {
    let name = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..100),
        "demo-1\\.2\\.0/[a-z]{1,8}\\.(c|java|py|sh|bat|xml)".prop_map(String::into_bytes),
        "(demo-1\\.2\\.0/)?[a-zé中\\x1b\\u{202e}./]{0,30}".prop_map(|s| {
            let mut b = s.into_bytes();
            b.truncate(100);
            b
        }),
    ];
    let flag = prop_oneof![
        3 => Just(b'0'),
        1 => proptest::sample::select(b"0125LKxgS7".to_vec()),
    ];
    let data = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..600),
        "((// |# |rem )?[a-z中文 :-]{0,30}\\n){0,6}".prop_map(String::into_bytes),
    ];
    let pax = proptest::option::of((
        proptest::sample::select(vec!["path", "linkpath", "size", "comment", "x"])
            .prop_map(str::to_string),
        0u16..6000,
    ));
    (name, flag, data, pax)
}

/// A tar stream of `entries`; `cut` bytes may be dropped from its end.
fn gen_tar(entries: &[GenEntry]) -> Vec<u8> {
    let mut t = generate::Tar { out: Vec::new() };
    for (name, flag, data, pax) in entries {
        if let Some((key, len)) = pax {
            t.pax_record(key, *len as u64);
        }
        t.entry(name, *flag, data);
    }
    t.finish()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn gen_zip(entries: &[GenEntry]) -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (i, (name, flag, data, _)) in entries.iter().enumerate() {
        let opts = zip::write::SimpleFileOptions::default().compression_method(if flag % 2 == 0 {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        });
        let name = format!("{i}{}", String::from_utf8_lossy(name));
        if z.start_file(name, opts).is_ok() {
            let _ = z.write_all(data);
        }
    }
    z.finish().map(|c| c.into_inner()).unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Structurally valid archives of hostile entries (and the same cut short or with a byte
    /// flipped): every check runs to its end without a panic.
    #[test]
    fn generated_archives_never_panic(
        entries in proptest::collection::vec(gen_entry(), 0..12),
        format in 0..4usize,
        damage in proptest::option::of((any::<prop::sample::Index>(), any::<u8>(), any::<bool>())),
        bomb in proptest::option::of((1usize..6, 0usize..5000)),
    ) {
        let (name, mut bytes) = match (format, bomb) {
            (_, Some((files, len))) => ("demo-1.2.0-src.zip", generate::overlapping_zip(files, len)),
            (0, _) => ("demo-1.2.0-src.tar", gen_tar(&entries)),
            (1, _) => ("demo-1.2.0-src.tar.gz", gzip(&gen_tar(&entries))),
            (2, _) => ("demo-1.2.0-src.zip", gen_zip(&entries)),
            _ => ("demo-1.2.0-src.tar.gz", gzip(&gzip(&gen_tar(&entries)))),
        };
        if let Some((at, b, cut)) = damage && !bytes.is_empty() {
            let i = at.index(bytes.len());
            if cut { bytes.truncate(i) } else { bytes[i] ^= b | 1 }
        }
        let fs = run(name, &bytes);
        prop_assert_eq!(fs.last().unwrap().check.as_str(), "naming");
        for f in &fs {
            prop_assert!(!f.reason.contains("relmgr failed on this package"), "{:?}", f);
            prop_assert!(f.entries.len() <= super::super::KEPT_ENTRIES);
        }
        if let Some((files, _)) = bomb && files > 1 && damage.is_none() {
            prop_assert_eq!(fs[0].result, Outcome::Fail, "{:?}", fs);
        }
    }
}
