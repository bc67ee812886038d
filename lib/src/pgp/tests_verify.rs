//! Tests of several signatures in one `.asc`: the two forms read alike, relmgr writes one
//! block, and gpg's verdict over them ([`judge`]).

use jiff::Timestamp;

use openpgp::parse::Parse;
use openpgp::types::SignatureType;

use super::detached::parse_signatures;
use super::tests_sign::{load, ring};
use super::*;

fn sign(name: &str, data: &[u8]) -> String {
    sign_detached(&load(name), data, Timestamp::now()).expect("sign")
}

fn each(ring: &Keyring, asc: &str, data: &[u8]) -> Vec<SigCheck> {
    let mut h = DetachedHasher::new(asc.as_bytes());
    h.update(data);
    ring.check_each(&h.finish(), Timestamp::now())
}

fn status(c: &SigCheck) -> &'static str {
    match c {
        SigCheck::Good { .. } => "good",
        SigCheck::Bad { .. } => "bad",
        SigCheck::UnknownKey { .. } => "unknown",
    }
}

#[test]
fn joined_signatures_are_one_block_holding_every_packet() {
    let data = b"package bytes";
    let a = sign("alice.sec.asc", data);
    let b = sign("bob.sec.asc", data);
    let joined = join_signatures(&[&a, &b]).expect("join");
    assert_eq!(joined.matches("-----BEGIN PGP SIGNATURE-----").count(), 1);
    assert_eq!(joined.matches("-----END PGP SIGNATURE-----").count(), 1);
    assert_eq!(parse_signatures(joined.as_bytes()).expect("parse").len(), 2);
    // Read alike: one block of two packets, and two blocks one after another.
    let r = ring(&["alice.pub.asc", "bob.pub.asc"]);
    let one = each(&r, &joined, data);
    let two = each(&r, &(a.clone() + &b), data);
    assert_eq!(one.iter().map(status).collect::<Vec<_>>(), ["good", "good"]);
    assert_eq!(one, two);
    // Joining a joined block again (or two blocks) keeps every packet, once.
    let again = join_signatures(&[&joined, &sign("alice.sec.asc", b"x")]).expect("join");
    assert_eq!(parse_signatures(again.as_bytes()).expect("parse").len(), 3);
    // One signature is kept byte for byte (a re-publish rewrites nothing).
    assert_eq!(join_signatures(&[&a]).expect("one"), a);
    // Unreadable input is malformed.
    assert!(matches!(
        join_signatures(&[a.as_str(), "not a signature"]),
        Err(PgpError::Malformed(_))
    ));
}

#[test]
fn judge_follows_gpg_any_bad_signature_is_bad() {
    let good = |f: &str| SigCheck::Good {
        primary_fingerprint: f.repeat(40).parse().unwrap(),
        signer_fingerprint: f.repeat(40).parse().unwrap(),
        created: Timestamp::UNIX_EPOCH,
    };
    let bad = |r: &str| SigCheck::Bad { reason: r.into() };
    let unknown = |i: &str| SigCheck::UnknownKey { issuer: i.into() };
    let cases: Vec<(Vec<SigCheck>, SigCheck)> = vec![
        (vec![good("A")], good("A")),
        (vec![good("A"), good("B")], good("A")),
        (vec![good("A"), bad("x")], bad("x")),
        (vec![bad("x"), good("A")], bad("x")),
        (vec![good("A"), good("B"), good("C"), bad("x")], bad("x")),
        (vec![unknown("U"), good("A")], good("A")),
        (vec![unknown("U"), unknown("V")], unknown("U")),
        (vec![unknown("U"), bad("x")], bad("x")),
        (vec![bad("x"), bad("y")], bad("x")),
    ];
    for (checks, want) in cases {
        assert_eq!(judge(&checks), want, "{checks:?}");
    }
    assert!(matches!(judge(&[]), SigCheck::Bad { .. }));
}

#[test]
fn a_bad_signature_beside_a_good_one_fails_in_either_order_and_form() {
    let data = b"package bytes";
    let good = sign("alice.sec.asc", data);
    let bad = sign("bob.sec.asc", b"other bytes");
    let r = ring(&["alice.pub.asc", "bob.pub.asc"]);
    let now = Timestamp::now();
    for asc in [
        good.clone() + &bad,
        bad.clone() + &good,
        join_signatures(&[&good, &bad]).expect("join"),
    ] {
        let v = r.verify_detached(asc.as_bytes(), &mut &data[..], now);
        assert!(matches!(v, SigCheck::Bad { .. }), "{v:?}");
    }
    let v = r.verify_detached(good.as_bytes(), &mut &data[..], now);
    assert!(matches!(v, SigCheck::Good { .. }), "{v:?}");
}

/// A v6 (RFC 9580) Ed25519 certificate that can sign, made by sequoia (relmgr refuses such keys
/// on import, but a keyring of a history may still hold one).
fn v6_cert() -> Cert {
    CertBuilder::new()
        .set_profile(openpgp::Profile::RFC9580)
        .expect("profile")
        .set_cipher_suite(CipherSuite::Cv25519)
        .set_creation_time(to_st("2026-11-23T00:00:00Z".parse().expect("t")))
        .set_primary_key_flags(KeyFlags::empty().set_certification().set_signing())
        .add_userid("Six <six@example.org>")
        .generate()
        .expect("generate")
        .0
}

#[test]
fn a_bad_signature_names_its_key_id_the_first_16_digits_of_a_v6_key() {
    use openpgp::serialize::stream::{Armorer, Message, Signer};
    use std::io::Write as _;
    let cert = v6_cert();
    let keypair = cert
        .primary_key()
        .key()
        .clone()
        .parts_into_secret()
        .expect("secret")
        .into_keypair()
        .expect("keypair");
    let mut asc = Vec::new();
    {
        let m = Armorer::new(Message::new(&mut asc))
            .kind(openpgp::armor::Kind::Signature)
            .build()
            .expect("armor");
        let mut s = Signer::new(m, keypair)
            .expect("signer")
            .detached()
            .build()
            .expect("build");
        s.write_all(b"good").expect("write");
        s.finalize().expect("finalize");
    }
    let fpr = fpr_hex(&cert.fingerprint());
    assert_eq!(fpr.len(), 64);
    let ring = Keyring::new([armor_public(&cert).expect("armor")]).expect("ring");
    let good = ring.verify_detached(&asc, &mut &b"good"[..], Timestamp::now());
    assert!(matches!(good, SigCheck::Good { .. }), "{good:?}");
    match ring.verify_detached(&asc, &mut &b"evil"[..], Timestamp::now()) {
        SigCheck::Bad { reason } => {
            assert!(reason.contains(&format!("key {} ", &fpr[..16])), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    let model: crate::model::Fingerprint = fpr.parse().expect("fingerprint");
    assert_eq!(model.key_id(), &fpr[..16]);
}

#[test]
fn text_signatures_hash_every_line_ending_as_crlf_in_any_chunking() {
    use openpgp::serialize::stream::{Armorer, Message, Signer};
    use std::io::Write as _;
    let cert = Cert::from_bytes(&super::tests_import::fixture("alice.sec.asc")).expect("tsk");
    let keypair = cert
        .primary_key()
        .key()
        .clone()
        .parts_into_secret()
        .expect("secret")
        .into_keypair()
        .expect("keypair");
    let data = b"one\ntwo\r\nthree\nfour\r\n\r\nend";
    let mut asc = Vec::new();
    {
        let m = Armorer::new(Message::new(&mut asc))
            .kind(openpgp::armor::Kind::Signature)
            .build()
            .expect("armor");
        let mut s = Signer::with_template(
            m,
            keypair,
            openpgp::packet::signature::SignatureBuilder::new(SignatureType::Text),
        )
        .expect("signer")
        .detached()
        .build()
        .expect("build");
        s.write_all(data).expect("write");
        s.finalize().expect("finalize");
    }
    let r = ring(&["alice.pub.asc"]);
    // Every split of the data into two chunks, a CRLF cut in half included. (sequoia's signer
    // also takes a lone CR for a line ending, gpg does not: the data holds none.)
    for cut in 0..=data.len() {
        let mut h = DetachedHasher::new(&asc);
        h.update(&data[..cut]);
        h.update(&data[cut..]);
        let v = r.check(&h.finish(), Timestamp::now());
        assert!(matches!(v, SigCheck::Good { .. }), "cut at {cut}: {v:?}");
    }
    // The same text with LF line endings only is the same text.
    let lf = b"one\ntwo\nthree\nfour\n\nend";
    assert!(matches!(
        r.verify_detached(&asc, &mut &lf[..], Timestamp::now()),
        SigCheck::Good { .. }
    ));
    let v = r.verify_detached(&asc, &mut &b"one\ntwo"[..], Timestamp::now());
    assert!(matches!(v, SigCheck::Bad { .. }), "{v:?}");
}
