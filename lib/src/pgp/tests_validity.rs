//! Tests of when a signature counts: unknown keys and malformed input, validity judged at the
//! signature's time, soft and hard revocations, signatures from the future, keyrings from KEYS
//! files, mutated signatures; and the verifier's speed.

use jiff::Timestamp;
use openpgp::packet::prelude::*;
use openpgp::parse::Parse;
use openpgp::types::ReasonForRevocation;

use super::tests_import::{fixture, fresh_key, primary_keypair};
use super::tests_sign::{days, load, raw_sign, ring, verify};
use super::*;

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
    let mut kp = primary_keypair(&tsk);
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
