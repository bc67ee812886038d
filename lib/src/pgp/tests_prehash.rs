//! Tests of the one SHA-512 pass that both checksums and signs ([`Sha512Signing`]): it can move
//! to another thread, and what it hashes and signs is what sequoia's own hashing and verifier
//! make of the same data.

use jiff::Timestamp;
use openpgp::crypto::KeyPair;
use openpgp::packet::prelude::*;
use openpgp::parse::Parse;
use openpgp::types::SignatureType;

use super::sign::armor_signature;
use super::tests_import::{fixture, fresh_key};
use super::tests_sign::{load, verify};
use super::*;

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
