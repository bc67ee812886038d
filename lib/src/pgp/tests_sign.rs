//! Tests of key generation, loading and signing (some against gpg), and the helpers the other
//! signature tests share. When a signature counts is `tests_validity.rs`; the one SHA-512 pass
//! that both checksums and signs, `tests_prehash.rs`.

use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::{SignedDuration, Timestamp};
use openpgp::crypto::KeyPair;
use openpgp::packet::prelude::*;
use openpgp::types::SignatureType;

use super::sign::armor_signature;
use super::tests_import::{accepted_one, fixture};
use super::*;

/// A throw-away gpg home; its agent is killed on drop.
pub(super) struct Gpg {
    home: tempfile::TempDir,
}

impl Gpg {
    pub(super) fn new() -> Self {
        Gpg {
            home: tempfile::TempDir::new().expect("tempdir"),
        }
    }

    pub(super) fn run(&self, args: &[&str]) -> Output {
        Command::new("gpg")
            .env("GNUPGHOME", self.home.path())
            .args(["--batch", "--no-tty"])
            .args(args)
            .output()
            .expect("gpg runs")
    }

    pub(super) fn write(&self, name: &str, data: &[u8]) -> String {
        let p = self.home.path().join(name);
        std::fs::write(&p, data).expect("write");
        p.to_string_lossy().into_owned()
    }
}

impl Drop for Gpg {
    fn drop(&mut self) {
        let _ = Command::new("gpgconf")
            .env("GNUPGHOME", self.home.path())
            .args(["--kill", "all"])
            .output();
    }
}

pub(super) fn no_pass() -> impl FnMut() -> anyhow::Result<String> {
    || Err(anyhow::anyhow!("no passphrase expected"))
}

pub(super) fn load(name: &str) -> SigningKey {
    load_signing_key(&fixture(name), &mut no_pass(), Timestamp::now()).expect("load")
}

pub(super) fn ring(names: &[&str]) -> Keyring {
    let certs: Vec<String> = names
        .iter()
        .map(|n| String::from_utf8(fixture(n)).expect("utf8"))
        .collect();
    Keyring::new(certs).expect("keyring")
}

pub(super) fn verify(ring: &Keyring, sig: &str, data: &[u8]) -> SigCheck {
    ring.verify_detached(sig.as_bytes(), &mut &data[..], Timestamp::now())
}

/// Signs `data` at `t` with `kp`, bypassing every validity check.
pub(super) fn raw_sign(kp: &mut KeyPair, data: &[u8], t: Timestamp) -> String {
    let sig = SignatureBuilder::new(SignatureType::Binary)
        .set_signature_creation_time(to_st(t))
        .expect("time")
        .sign_message(kp, data)
        .expect("sign");
    armor_signature(sig).expect("armor")
}

pub(super) fn days(n: i64) -> SignedDuration {
    SignedDuration::from_hours(24 * n)
}

#[test]
fn generated_key_imports_into_gpg() {
    let now = Timestamp::now();
    for pass in [None, Some("s3cret")] {
        let (secret, info) = generate("Gen Erated <gen@example.org>", pass, now).expect("generate");
        assert!(secret.contains("PRIVATE KEY BLOCK"));
        assert_eq!(info.primary.algorithm, "EdDSA");
        assert_eq!(algo_display(&info), "ed25519");
        assert_eq!(info.usage, "SC");
        assert_eq!(info.primary.expires, None);
        assert_eq!(info.primary.created.as_second(), now.as_second());
        assert!(info.can_sign && info.subkeys.is_empty());

        let gpg = Gpg::new();
        let path = gpg.write("key.asc", secret.as_bytes());
        let out = gpg.run(&["--import", &path]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = gpg.run(&["--with-colons", "--list-secret-keys"]);
        let listing = String::from_utf8_lossy(&out.stdout);
        assert!(
            listing.contains(info.primary.fingerprint.as_str()),
            "{listing}"
        );

        // The passphrase callback is called only for a protected key.
        let calls = AtomicUsize::new(0);
        let mut cb = || {
            calls.fetch_add(1, Ordering::SeqCst);
            Ok(pass.unwrap_or("unused").to_string())
        };
        let key = load_signing_key(secret.as_bytes(), &mut cb, now).expect("load");
        assert_eq!(calls.load(Ordering::SeqCst), usize::from(pass.is_some()));
        assert_eq!(key.primary_fingerprint(), info.primary.fingerprint);
        assert_eq!(key.signing_fingerprint(), info.primary.fingerprint);
    }
}

#[test]
fn passphrases() {
    let sec = fixture("carol.sec.asc");
    let now = Timestamp::now();
    let wrong = load_signing_key(&sec, &mut || Ok("wrong horse".into()), now);
    assert!(matches!(wrong, Err(PgpError::Passphrase(_))), "{wrong:?}");
    let missing = load_signing_key(&sec, &mut no_pass(), now);
    assert!(
        matches!(missing, Err(PgpError::Passphrase(_))),
        "{missing:?}"
    );
    let pass = String::from_utf8(fixture("carol.pass")).expect("utf8");
    let pass = pass.trim().to_string();
    let key = load_signing_key(&sec, &mut || Ok(pass.clone()), now).expect("right passphrase");
    let info = accepted_one(&fixture("carol.pub.asc"));
    assert_eq!(key.primary_fingerprint(), info.primary.fingerprint);
}

#[test]
fn loading_errors() {
    let now = Timestamp::now();
    match load_signing_key(&fixture("alice.pub.asc"), &mut no_pass(), now) {
        Err(PgpError::Malformed(m)) => assert!(m.contains("holds no secret key"), "{m}"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        load_signing_key(b"nonsense", &mut no_pass(), now),
        Err(PgpError::Malformed(_))
    ));
    assert!(matches!(
        load_signing_key(b"", &mut no_pass(), now),
        Err(PgpError::Malformed(_))
    ));
    // The expired key cannot sign now.
    assert!(matches!(
        load_signing_key(&fixture("expired.sec.asc"), &mut no_pass(), now),
        Err(PgpError::NotSigningCapable)
    ));
}

#[test]
fn sha512_signing_matches_sha512sum_and_gpg_verifies() {
    let data: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    let gpg = Gpg::new();
    let path = gpg.write("data.bin", &data);
    let out = Command::new("sha512sum")
        .arg(&path)
        .output()
        .expect("sha512sum");
    let expected = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .expect("digest")
        .to_string();
    for name in ["alice.sec.asc", "bob.sec.asc"] {
        let key = load(name);
        let mut h = Sha512Signing::new();
        for chunk in data.chunks(65536 + 7) {
            h.update(chunk);
        }
        let (digest, sig) = h.finish(Some(&key), Timestamp::now()).expect("sign");
        assert_eq!(hex::encode(digest), expected);
        let sig = sig.expect("signature");
        assert!(sig.starts_with("-----BEGIN PGP SIGNATURE-----"));

        let pubkey = gpg.write("pub.asc", key.public_armored().expect("armor").as_bytes());
        let out = gpg.run(&["--import", &pubkey]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let asc = gpg.write("data.bin.asc", sig.as_bytes());
        let out = gpg.run(&["--verify", &asc, &path]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && err.contains("Good signature"),
            "{err}"
        );
        assert!(
            err.contains("SHA512") || !err.contains("digest algorithm"),
            "{err}"
        );
    }
    // Without a key: only the digest.
    let mut h = Sha512Signing::new();
    h.update(&data);
    let (digest, sig) = h.finish(None, Timestamp::now()).expect("digest");
    assert_eq!(hex::encode(digest), expected);
    assert!(sig.is_none());
}

#[test]
fn sign_and_verify_with_alice_and_bob() {
    let ring = ring(&["alice.pub.asc", "bob.pub.asc"]);
    let data = b"relmgr vote: +1\n";
    let alice = load("alice.sec.asc");
    let bob = load("bob.sec.asc");
    assert_eq!(alice.signing_fingerprint(), alice.primary_fingerprint());
    assert_ne!(bob.signing_fingerprint(), bob.primary_fingerprint());
    let t = Timestamp::now();
    for key in [&alice, &bob] {
        let sig = sign_detached(key, data, t).expect("sign");
        match verify(&ring, &sig, data) {
            SigCheck::Good {
                primary_fingerprint,
                signer_fingerprint,
                created,
            } => {
                assert_eq!(primary_fingerprint, key.primary_fingerprint());
                assert_eq!(signer_fingerprint, key.signing_fingerprint());
                assert_eq!(created.as_second(), t.as_second());
            }
            other => panic!("{other:?}"),
        }
        // A flipped byte.
        let mut flipped = data.to_vec();
        flipped[3] ^= 1;
        assert!(matches!(
            verify(&ring, &sig, &flipped),
            SigCheck::Bad { .. }
        ));
        // A flipped byte in the signature itself.
        let mut bad_sig = sig.clone().into_bytes();
        let mid = bad_sig.len() / 2;
        bad_sig[mid] = if bad_sig[mid] == b'A' { b'B' } else { b'A' };
        let r = ring.verify_detached(&bad_sig, &mut &data[..], Timestamp::now());
        assert!(matches!(r, SigCheck::Bad { .. }), "{r:?}");
    }
    // Files are verified from disk too.
    let dir = tempfile::TempDir::new().expect("tempdir");
    let path = dir.path().join("f.txt");
    std::fs::write(&path, data).expect("write");
    let sig = sign_detached(&alice, data, t).expect("sign");
    let r = ring.verify_detached_path(sig.as_bytes(), &path, Timestamp::now());
    assert!(matches!(r, SigCheck::Good { .. }), "{r:?}");
    let r = ring.verify_detached_path(sig.as_bytes(), &dir.path().join("nope"), t);
    assert!(matches!(r, SigCheck::Bad { .. }), "{r:?}");
}

#[test]
fn sha512_signing_is_send() {
    let key = load("alice.sec.asc");
    let handle = std::thread::spawn(move || {
        let mut h = Sha512Signing::new();
        h.update(b"abc");
        h.finish(Some(&key), Timestamp::now())
    });
    let (digest, sig) = handle.join().expect("thread").expect("sign");
    assert_eq!(
        hex::encode(&digest[..8]),
        "ddaf35a193617aba",
        "SHA-512(\"abc\") starts with ddaf35a193617aba"
    );
    assert!(sig.is_some());
}

/// The passphrase callback learns which key it unlocks: its primary user ID and key id.
#[test]
fn the_passphrase_callback_is_told_the_key() {
    let sec = fixture("carol.sec.asc");
    let pass = String::from_utf8(fixture("carol.pass")).expect("utf8");
    let info = accepted_one(&fixture("carol.pub.asc"));
    let mut asked = Vec::new();
    let key = load_signing_key_named(
        &sec,
        &mut |which: &str| {
            asked.push(which.to_string());
            Ok(pass.trim().to_string())
        },
        Timestamp::now(),
    )
    .expect("right passphrase");
    assert_eq!(key.primary_fingerprint(), info.primary.fingerprint);
    let key_id = info.primary.fingerprint.key_id();
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert!(
        asked[0].contains("carol") && asked[0].ends_with(&format!("(key id {key_id})")),
        "{asked:?}"
    );
}
