//! Tests of key generation, signing and verification (some against gpg).

use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::{SignedDuration, Timestamp};
use openpgp::crypto::KeyPair;
use openpgp::packet::prelude::*;
use openpgp::parse::Parse;
use openpgp::types::{ReasonForRevocation, SignatureType};

use super::sign::armor_signature;
use super::tests_import::{accepted_one, fixture, fresh_key};
use super::*;

/// A throw-away gpg home; its agent is killed on drop.
struct Gpg {
    home: tempfile::TempDir,
}

impl Gpg {
    fn new() -> Self {
        Gpg {
            home: tempfile::TempDir::new().expect("tempdir"),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("gpg")
            .env("GNUPGHOME", self.home.path())
            .args(["--batch", "--no-tty"])
            .args(args)
            .output()
            .expect("gpg runs")
    }

    fn write(&self, name: &str, data: &[u8]) -> String {
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

fn no_pass() -> impl FnMut() -> anyhow::Result<String> {
    || Err(anyhow::anyhow!("no passphrase expected"))
}

fn load(name: &str) -> SigningKey {
    load_signing_key(&fixture(name), &mut no_pass(), Timestamp::now()).expect("load")
}

fn ring(names: &[&str]) -> Keyring {
    let certs: Vec<String> = names
        .iter()
        .map(|n| String::from_utf8(fixture(n)).expect("utf8"))
        .collect();
    Keyring::new(certs).expect("keyring")
}

fn verify(ring: &Keyring, sig: &str, data: &[u8]) -> SigCheck {
    ring.verify_detached(sig.as_bytes(), &mut &data[..], Timestamp::now())
}

/// Signs `data` at `t` with `kp`, bypassing every validity check.
fn raw_sign(kp: &mut KeyPair, data: &[u8], t: Timestamp) -> String {
    let sig = SignatureBuilder::new(SignatureType::Binary)
        .set_signature_creation_time(to_st(t))
        .expect("time")
        .sign_message(kp, data)
        .expect("sign");
    armor_signature(sig).expect("armor")
}

fn days(n: i64) -> SignedDuration {
    SignedDuration::from_hours(24 * n)
}

#[test]
fn generated_key_imports_into_gpg() {
    let now = Timestamp::now();
    for pass in [None, Some("s3cret")] {
        let (secret, info) = generate("Gen Erated <gen@example.org>", pass, now).expect("generate");
        assert!(secret.contains("PRIVATE KEY BLOCK"));
        assert_eq!(info.algorithm, "EdDSA");
        assert_eq!(algo_display(&info), "ed25519");
        assert_eq!(info.usage, "SC");
        assert_eq!(info.expires, None);
        assert_eq!(info.created.as_second(), now.as_second());
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
        assert!(listing.contains(&info.fingerprint), "{listing}");

        // The passphrase callback is called only for a protected key.
        let calls = AtomicUsize::new(0);
        let mut cb = || {
            calls.fetch_add(1, Ordering::SeqCst);
            Ok(pass.unwrap_or("unused").to_string())
        };
        let key = load_signing_key(secret.as_bytes(), &mut cb, now).expect("load");
        assert_eq!(calls.load(Ordering::SeqCst), usize::from(pass.is_some()));
        assert_eq!(key.primary_fingerprint(), info.fingerprint);
        assert_eq!(key.signing_fingerprint(), info.fingerprint);
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
    assert_eq!(key.primary_fingerprint(), info.fingerprint);
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
fn unknown_key_and_malformed_signatures() {
    let ring = ring(&["alice.pub.asc", "bob.pub.asc"]);
    let pass = String::from_utf8(fixture("carol.pass")).expect("utf8");
    let carol = load_signing_key(
        &fixture("carol.sec.asc"),
        &mut || Ok(pass.trim().to_string()),
        Timestamp::now(),
    )
    .expect("carol");
    let sig = sign_detached(&carol, b"x", Timestamp::now()).expect("sign");
    assert_eq!(
        verify(&ring, &sig, b"x"),
        SigCheck::UnknownKey {
            issuer: carol.signing_fingerprint()
        }
    );
    for junk in ["", "garbage", "-----BEGIN PGP SIGNATURE-----\n\nAAAA\n"] {
        assert!(
            matches!(verify(&ring, junk, b"x"), SigCheck::Bad { .. }),
            "{junk:?}"
        );
    }
    // A public key is not a signature.
    let key = String::from_utf8(fixture("alice.pub.asc")).expect("utf8");
    assert!(matches!(verify(&ring, &key, b"x"), SigCheck::Bad { .. }));
}

#[test]
fn validity_is_judged_at_signature_time() {
    let ring = ring(&["expired.pub.asc", "revoked.pub.asc"]);
    // Signed while the key was valid; the key has expired since: good.
    let r = verify(
        &ring,
        &String::from_utf8(fixture("signed-by-expired.txt.asc")).expect("utf8"),
        &fixture("signed-by-expired.txt"),
    );
    assert!(matches!(r, SigCheck::Good { .. }), "{r:?}");
    // Signed before a hard (compromised) revocation: bad.
    let r = verify(
        &ring,
        &String::from_utf8(fixture("signed-by-revoked.txt.asc")).expect("utf8"),
        &fixture("signed-by-revoked.txt"),
    );
    match r {
        SigCheck::Bad { reason } => assert!(reason.contains("revoked"), "{reason}"),
        other => panic!("{other:?}"),
    }
    // Signed after the expiry: bad.
    let tsk = Cert::from_bytes(&fixture("expired.sec.asc")).expect("tsk");
    let mut kp = tsk
        .primary_key()
        .key()
        .clone()
        .parts_into_secret()
        .expect("secret")
        .into_keypair()
        .expect("keypair");
    let late: Timestamp = "2022-06-01T00:00:00Z".parse().expect("time");
    let sig = raw_sign(&mut kp, b"late", late);
    assert!(matches!(verify(&ring, &sig, b"late"), SigCheck::Bad { .. }));
    // Signed before the key existed: bad.
    let early: Timestamp = "2019-06-01T00:00:00Z".parse().expect("time");
    let sig = raw_sign(&mut kp, b"early", early);
    match verify(&ring, &sig, b"early") {
        SigCheck::Bad { reason } => assert!(reason.contains("before the key existed"), "{reason}"),
        other => panic!("{other:?}"),
    }
    // Our signer refuses both.
    let key = SigningKey::for_tests(&tsk, kp);
    assert!(sign_detached(&key, b"early", early).is_err());
    assert!(sign_detached(&key, b"late", late).is_err());
}

#[test]
fn soft_and_hard_revocations() {
    for (reason, before_is_good) in [
        (ReasonForRevocation::KeySuperseded, true),
        (ReasonForRevocation::KeyRetired, true),
        (ReasonForRevocation::KeyCompromised, false),
        (ReasonForRevocation::Unspecified, false),
    ] {
        let (cert, mut kp) = fresh_key("Erin <erin@example.org>", 30);
        let now = Timestamp::now();
        let before = raw_sign(&mut kp, b"before", now - days(20));
        let rev = openpgp::cert::CertRevocationBuilder::new()
            .set_reason_for_revocation(reason, b"bye")
            .expect("reason")
            .set_signature_creation_time(to_st(now - days(10)))
            .expect("time")
            .build(&mut kp, &cert, None)
            .expect("revocation");
        let (cert, _) = cert.insert_packets(Some(rev)).expect("insert");
        let after = raw_sign(&mut kp, b"after", now - days(5));
        let ring = Keyring::new([armor_public(&cert).expect("armor")]).expect("ring");
        let r = verify(&ring, &before, b"before");
        assert_eq!(
            matches!(r, SigCheck::Good { .. }),
            before_is_good,
            "{reason:?}: {r:?}"
        );
        let r = verify(&ring, &after, b"after");
        assert!(matches!(r, SigCheck::Bad { .. }), "{reason:?}: {r:?}");
    }
}

#[test]
fn signature_in_the_future_is_bad() {
    let ring = ring(&["alice.pub.asc"]);
    let alice = load("alice.sec.asc");
    let sig = sign_detached(&alice, b"x", Timestamp::now() + days(2)).expect("sign");
    assert!(matches!(verify(&ring, &sig, b"x"), SigCheck::Bad { .. }));
    let later = ring.verify_detached(sig.as_bytes(), &mut &b"x"[..], Timestamp::now() + days(3));
    assert!(matches!(later, SigCheck::Good { .. }), "{later:?}");
}

#[test]
fn keyring_from_keys_files() {
    let ring = Keyring::from_keys_file(&fixture("sample-KEYS")).expect("ring");
    assert_eq!(ring.len(), 3);
    let alice = load("alice.sec.asc");
    let sig = sign_detached(&alice, b"snapshot", Timestamp::now()).expect("sign");
    assert!(matches!(
        verify(&ring, &sig, b"snapshot"),
        SigCheck::Good { .. }
    ));
    let tomcat = Keyring::from_keys_file(&super::tests_import::tomcat_keys()).expect("ring");
    assert_eq!(tomcat.len(), 2);
    assert!(matches!(
        verify(&tomcat, &sig, b"snapshot"),
        SigCheck::UnknownKey { .. }
    ));
}

#[test]
fn many_small_verifications_are_fast() {
    let ring = ring(&["alice.pub.asc", "bob.pub.asc", "carol.pub.asc"]);
    let alice = load("alice.sec.asc");
    let bob = load("bob.sec.asc");
    let now = Timestamp::now();
    // 10 signatures (RSA signing is slow in unoptimized builds), each
    // verified 100 times: 1,000 verifications.
    let sigs: Vec<(Vec<u8>, String)> = (0..10)
        .map(|i| {
            let data = format!("vote {i}").into_bytes();
            let key = if i % 2 == 0 { &alice } else { &bob };
            let sig = sign_detached(key, &data, now).expect("sign");
            (data, sig)
        })
        .collect();
    let start = std::time::Instant::now();
    for _ in 0..100 {
        for (data, sig) in &sigs {
            assert!(matches!(verify(&ring, sig, data), SigCheck::Good { .. }));
        }
    }
    let elapsed = start.elapsed();
    eprintln!("1000 verifications: {elapsed:?}");
    // Generous: unoptimized builds of sequoia take ~8 s here.
    assert!(elapsed.as_secs() < 30, "{elapsed:?}");
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

#[test]
fn mutated_signatures_never_panic_nor_verify() {
    // The signature packet as a parser reads it from (possibly mutated) armor.
    let packet = |armored: &[u8]| -> Option<Signature> {
        match openpgp::Packet::from_bytes(armored).ok()? {
            openpgp::Packet::Signature(s) => Some(s),
            _ => None,
        }
    };
    let ring = ring(&["alice.pub.asc", "bob.pub.asc"]);
    let sig = sign_detached(&load("bob.sec.asc"), b"data", Timestamp::now()).expect("sign");
    let sig = sig.into_bytes();
    let original = packet(&sig).expect("the signature parses");
    assert!(matches!(
        ring.verify_detached(&sig, &mut &b"data"[..], Timestamp::now()),
        SigCheck::Good { .. }
    ));
    let (mut mutated, mut good) = (0, 0);
    for pos in 0..sig.len() {
        for b in [b'A', b'/', b'=', b'\n'] {
            let mut m = sig.clone();
            if m[pos] == b {
                continue;
            }
            m[pos] = b;
            mutated += 1;
            let r = ring.verify_detached(&m, &mut &b"data"[..], Timestamp::now());
            if matches!(r, SigCheck::Good { .. }) {
                good += 1;
                // Only a mutation that leaves what is signed and the signature itself as they
                // were may still verify: armor headers, line breaks, the CRC line, unused
                // padding bits, the unhashed area and the 16-bit digest prefix (a hint that
                // RFC 9580 lets verifiers ignore).
                let same = packet(&m).is_some_and(|p| {
                    p.typ() == original.typ()
                        && p.hash_algo() == original.hash_algo()
                        && p.hashed_area() == original.hashed_area()
                        && p.mpis() == original.mpis()
                });
                assert!(
                    same,
                    "byte {pos} set to {:?} changed the signature, yet it verified",
                    b as char
                );
            }
        }
        // A truncated signature never verifies, but for the armor's tail (CRC, footer).
        let r = ring.verify_detached(&sig[..pos], &mut &b"data"[..], Timestamp::now());
        assert!(
            !matches!(r, SigCheck::Good { .. }) || pos > sig.len() - 40,
            "truncated at {pos}, yet it verified"
        );
    }
    // Most mutations hit the packet itself and must fail.
    assert!(
        good * 4 < mutated,
        "{good} of {mutated} mutations still verified"
    );
}

/// The one signature packet of an armored `.asc`.
fn one_sig(bytes: &[u8]) -> Signature {
    match openpgp::Packet::from_bytes(bytes).expect("parse") {
        openpgp::Packet::Signature(s) => s,
        p => panic!("not a signature: {p:?}"),
    }
}

/// The v4 trailer relmgr hashes after the data (to sign and verify with its
/// own SHA-512 state) is byte for byte the one sequoia hashes: the same
/// digest for signatures of gpg (SHA-256, RSA) and of relmgr (SHA-512,
/// Ed25519 primary and subkey).
#[test]
fn v4_trailer_matches_sequoia() {
    use openpgp::crypto::hash::Hash as _;
    let mut cases: Vec<(Vec<u8>, Signature)> = Vec::new();
    for name in ["signed-by-expired.txt", "signed-by-revoked.txt"] {
        let data = fixture(name);
        let sig = one_sig(&fixture(&format!("{name}.asc")));
        cases.push((data, sig));
    }
    for key in ["alice.sec.asc", "bob.sec.asc"] {
        let data = b"relmgr v4 trailer".to_vec();
        let armored = sign_detached(&load(key), &data, Timestamp::now()).expect("sign");
        let sig = one_sig(armored.as_bytes());
        assert_eq!(sig.hash_algo(), openpgp::types::HashAlgorithm::SHA512);
        cases.push((data, sig));
    }
    for (data, sig) in cases {
        let builder = sig.hash_algo().context().expect("algo");
        let mut theirs = builder.for_signature(4);
        theirs.update(&data);
        sig.hash(&mut theirs).expect("hash");
        let theirs = theirs.into_digest().expect("digest");

        let builder = sig.hash_algo().context().expect("algo");
        let mut ours = builder.for_signature(4);
        ours.update(&data);
        let trailer =
            super::sign::v4_trailer(sig.typ(), sig.pk_algo(), sig.hash_algo(), sig.hashed_area())
                .expect("trailer");
        ours.update(&trailer);
        assert_eq!(ours.into_digest().expect("digest"), theirs);
        assert_eq!(&theirs[..2], sig.digest_prefix());
    }
}

/// A signature made from relmgr's SHA-512 state verifies with sequoia's
/// own streaming verifier path (hash contexts, not the shared state).
#[test]
fn prehashed_signature_verifies_with_sequoia_contexts() {
    let data = b"signed by relmgr's own SHA-512 state";
    let key = load("bob.sec.asc");
    let armored = sign_detached(&key, data, Timestamp::now()).expect("sign");
    let sig = one_sig(armored.as_bytes());
    let cert = Cert::from_bytes(&fixture("bob.pub.asc")).expect("cert");
    let signer = cert
        .keys()
        .find(|k| k.key().fingerprint().to_hex() == key.signing_fingerprint())
        .expect("signing subkey");
    sig.clone()
        .verify_message(signer.key(), data)
        .expect("sequoia verifies it");
    assert!(
        sig.clone()
            .verify_message(signer.key(), b"other data")
            .is_err()
    );
}

/// One `.asc` holding a SHA-256 signature (sequoia's hash context) and a
/// SHA-512 one (relmgr's shared state): both are checked, in either order
/// (good only when none is bad, as gpg judges), and the plain SHA-512 the
/// hasher yields on the side is the data's, whether fed by
/// `verify_detached` or as a threaded sink.
#[test]
fn mixed_hash_signatures_in_one_file() {
    let (cert, mut kp) = fresh_key("Mixed <mixed@example.org>", 3);
    let ring = Keyring::new([armor_public(&cert).expect("armor")]).expect("ring");
    let data = b"one release, two signatures\n".repeat(10_000);
    let t = Timestamp::now();
    let sha256_sig = |kp: &mut KeyPair, data: &[u8]| {
        let sig = SignatureBuilder::new(SignatureType::Binary)
            .set_hash_algo(openpgp::types::HashAlgorithm::SHA256)
            .set_signature_creation_time(to_st(t))
            .expect("time")
            .sign_message(kp, data)
            .expect("sign");
        assert_eq!(sig.hash_algo(), openpgp::types::HashAlgorithm::SHA256);
        armor_signature(sig).expect("armor")
    };
    let sha512_sig = |kp: &KeyPair, data: &[u8]| {
        let key = SigningKey::for_tests(&cert, kp.clone());
        sign_detached(&key, data, t).expect("sign")
    };
    let good256 = sha256_sig(&mut kp, &data);
    let bad256 = sha256_sig(&mut kp, b"other bytes");
    let good512 = sha512_sig(&kp, &data);
    let bad512 = sha512_sig(&kp, b"other bytes");
    for (case, asc, good) in [
        ("good256 good512", format!("{good256}{good512}"), true),
        ("good512 good256", format!("{good512}{good256}"), true),
        ("good256 bad512", format!("{good256}{bad512}"), false),
        ("bad512 good256", format!("{bad512}{good256}"), false),
        ("bad256 good512", format!("{bad256}{good512}"), false),
        ("good512 bad256", format!("{good512}{bad256}"), false),
        ("bad256 bad512", format!("{bad256}{bad512}"), false),
        ("good512", good512.clone(), true),
        ("good256", good256.clone(), true),
    ] {
        let got = verify(&ring, &asc, &data);
        assert_eq!(
            matches!(got, SigCheck::Good { .. }),
            good,
            "{case}: {got:?}"
        );

        let mut src = &data[..];
        let (_, _, hashed) = crate::digest::read_once(
            &mut src,
            None,
            DetachedHasher::new(asc.as_bytes()),
            &mut |_| {},
        )
        .expect("read");
        assert_eq!(hashed.sha512(), crate::digest::Sha512::digest(&data));
        assert_eq!(ring.check(&hashed, Timestamp::now()), got);
    }
}
