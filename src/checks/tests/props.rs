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
