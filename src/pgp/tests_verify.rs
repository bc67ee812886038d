//! Tests of several signatures in one `.asc`: the two forms read alike, relmgr writes one
//! block, and gpg's verdict over them ([`judge`]).

use jiff::Timestamp;

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
