//! Bounded property tests over the parsers an attacker feeds (#28): an mbox thread, OpenPGP
//! armor and KEYS files, detached signatures, revocation certificates, `config.toml` and a
//! snapshot's JSON. Each gets random bytes and damaged copies of a real input (bytes flipped,
//! cut short, spliced); none may panic. The archive parsers have their own
//! (`checks::tests::props`). Run in CI with a fixed number of cases, a few seconds in all.

use proptest::prelude::*;

fn fixture(rel: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join(rel))
        .unwrap()
}

/// A damaged copy of `good`: some bytes replaced, then cut at `cut` (a fraction), then a
/// random tail appended.
fn damaged(good: &[u8], flips: &[(usize, u8)], cut: f64, tail: &[u8]) -> Vec<u8> {
    let mut b = good.to_vec();
    for (at, byte) in flips {
        if !b.is_empty() {
            let i = at % b.len();
            b[i] = *byte;
        }
    }
    b.truncate((b.len() as f64 * cut) as usize);
    b.extend_from_slice(tail);
    b
}

fn damage() -> impl Strategy<Value = (Vec<(usize, u8)>, f64, Vec<u8>)> {
    (
        prop::collection::vec((any::<usize>(), any::<u8>()), 0..8),
        0.0f64..=1.0,
        prop::collection::vec(any::<u8>(), 0..64),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn mbox_threads_never_panic((flips, cut, tail) in damage(), noise in prop::collection::vec(any::<u8>(), 0..512)) {
        let good = fixture("fixtures/votes/thread.mbox");
        let _ = crate::votes::mbox::parse_thread(&damaged(&good, &flips, cut, &tail));
        let _ = crate::votes::mbox::parse_thread(&noise);
        let mut framed = b"From x@y Thu Jan  1 00:00:00 2026\n".to_vec();
        framed.extend_from_slice(&noise);
        let _ = crate::votes::mbox::parse_thread(&framed);
    }

    #[test]
    fn keys_files_and_armor_never_panic((flips, cut, tail) in damage(), noise in prop::collection::vec(any::<u8>(), 0..512)) {
        let good = fixture("fixtures/keys/sample-KEYS");
        let _ = crate::pgp::parse_keyring(&damaged(&good, &flips, cut, &tail));
        let _ = crate::pgp::parse_keyring(&noise);
        let mut armored = b"-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n".to_vec();
        armored.extend_from_slice(&noise);
        let _ = crate::pgp::parse_keyring(&armored);
        let _ = crate::pgp::parse_revocation(&damaged(&good, &flips, cut, &tail));
    }

    #[test]
    fn detached_signatures_never_panic((flips, cut, tail) in damage()) {
        let keyring = crate::pgp::Keyring::from_readable([String::from_utf8(fixture("fixtures/keys/alice.pub.asc")).unwrap()]);
        let sig = fixture("fixtures/keys/signed-by-expired.txt.asc");
        let data = fixture("fixtures/keys/signed-by-expired.txt");
        let now = jiff::Timestamp::from_second(1_800_000_000).unwrap();
        let _ = keyring.verify_detached_bytes(&damaged(&sig, &flips, cut, &tail), &data, now);
    }

    #[test]
    fn config_files_never_panic((flips, cut, tail) in damage()) {
        let good = b"format_version = 1\nuser = \"admin\"\n\n[smtp]\nhost = \"mail.example.org\"\nport = 587\nfrom = \"Rita <rita@example.org>\"\nsecurity = \"starttls\"\n";
        let text = String::from_utf8_lossy(&damaged(good, &flips, cut, &tail)).into_owned();
        let _ = toml::from_str::<crate::store::Config>(&text);
    }

    #[test]
    fn snapshot_json_never_panics((flips, cut, tail) in damage()) {
        let good = br#"{"version":3,"expires":"2027-01-01T00:00:00Z","releases":[{"release":"demo@1.0.0","stage":"current","phase":"distributing","channel":null,"reason":null,"cves":[],"packages":[{"name":"demo-1.0.0-src.tar.gz","sha512":"00","size":12,"path":"demo/1.0.0/demo-1.0.0-src.tar.gz","platform":null,"arch":null}]}]}"#;
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("snapshot.json"), damaged(good, &flips, cut, &tail)).unwrap();
        let keyring = crate::pgp::Keyring::from_readable(Vec::<String>::new());
        let now = jiff::Timestamp::from_second(1_800_000_000).unwrap();
        let _ = crate::ops::published::check_snapshot_within(dir.path(), None, &[], &keyring, now, &Default::default());
    }
}
