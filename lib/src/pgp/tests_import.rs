//! Tests of reading, merging and listing certificates.

use super::*;

use openpgp::crypto::KeyPair;
use openpgp::packet::prelude::*;
use openpgp::parse::Parse;
use openpgp::serialize::SerializeInto;
use openpgp::types::{ReasonForRevocation, SignatureType};

/// The Tomcat KEYS file (`fixtures/realworld/tomcat-KEYS`, origin in the README beside it).
pub(super) fn tomcat_keys() -> Vec<u8> {
    let p = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("fixtures/realworld/tomcat-KEYS");
    std::fs::read(&p).unwrap_or_else(|e| panic!("fixture {}: {e}", p.display()))
}

/// A file of `fixtures/keys/` (made by `fixtures/make-keys.sh`).
pub(super) fn fixture(name: &str) -> Vec<u8> {
    let p = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("fixtures/keys")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("fixture {}: {e}", p.display()))
}

/// Parses input holding exactly one certificate, expected to be accepted.
pub(super) fn accepted_one(bytes: &[u8]) -> KeyInfo {
    let mut parsed = parse_keyring(bytes).expect("parses");
    assert_eq!(parsed.len(), 1, "{parsed:?}");
    match parsed.remove(0) {
        ParsedCert::Accepted(i) => i,
        ParsedCert::Rejected { reason, .. } => panic!("rejected: {reason}"),
    }
}

fn rejected_reason(bytes: &[u8]) -> String {
    let parsed = parse_keyring(bytes).expect("parses");
    assert_eq!(parsed.len(), 1, "{parsed:?}");
    match &parsed[0] {
        ParsedCert::Rejected {
            reason,
            fingerprint,
            ..
        } => {
            assert!(fingerprint.is_some());
            reason.clone()
        }
        ParsedCert::Accepted(i) => panic!("accepted: {}", i.primary.fingerprint),
    }
}

fn is_upper_hex(s: &str, len: usize) -> bool {
    s.len() == len
        && s.chars()
            .all(|c| c.is_ascii_digit() || ('A'..='F').contains(&c))
}

#[test]
fn tomcat_keys_yields_13_entries() {
    let parsed = parse_keyring(&tomcat_keys()).expect("tomcat KEYS parses");
    assert_eq!(parsed.len(), 13);
    let mut accepted = Vec::new();
    let mut reasons = Vec::new();
    for p in &parsed {
        match p {
            ParsedCert::Accepted(i) => accepted.push(algo_display(i)),
            ParsedCert::Rejected {
                fingerprint,
                reason,
                ..
            } => {
                assert!(fingerprint.is_some(), "every tomcat key is readable");
                reasons.push(reason.clone());
            }
        }
    }
    assert_eq!(accepted, ["rsa4096", "dsa3072"]);
    let dsa1024 = reasons
        .iter()
        .filter(|r| r.starts_with("DSA-1024 is too weak"))
        .count();
    let sha1 = reasons
        .iter()
        .filter(|r| *r == "self-signatures use only SHA-1")
        .count();
    assert_eq!((dsa1024, sha1), (9, 2), "{reasons:?}");
    // Non-ASCII user ids survive.
    assert!(parsed.iter().any(|p| matches!(p,
        ParsedCert::Rejected { user_id: Some(u), .. } if u.contains("Rémy"))));
}

#[test]
fn alice_public_key() {
    let i = accepted_one(&fixture("alice.pub.asc"));
    assert!(is_upper_hex(&i.primary.fingerprint, 40));
    assert_eq!(i.primary.key_id, i.primary.fingerprint[24..]);
    assert_eq!(i.primary.algorithm, "EdDSA");
    assert_eq!(algo_display(&i), "ed25519");
    assert_eq!(i.usage, "SC");
    assert_eq!(i.user_ids, ["Alice Example <alice@example.org>"]);
    assert_eq!(i.primary.expires, None);
    assert_eq!(i.revoked, None);
    assert!(i.can_sign && !i.had_secret);
    assert_eq!(i.subkeys.len(), 1);
    assert_eq!(i.subkeys[0].key.curve.as_deref(), Some("cv25519"));
    assert!(!i.subkeys[0].for_signing);
    assert!(
        i.armored
            .starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----")
    );
    // The armored output reads back to the same key.
    assert_eq!(
        accepted_one(i.armored.as_bytes()).primary.fingerprint,
        i.primary.fingerprint
    );
}

#[test]
fn bob_rsa_with_signing_subkey() {
    let i = accepted_one(&fixture("bob.pub.asc"));
    assert_eq!(
        (i.primary.algorithm.as_str(), i.primary.bits),
        ("RSA", Some(3072))
    );
    assert_eq!(algo_display(&i), "rsa3072");
    assert_eq!(i.subkeys.len(), 1);
    assert!(i.subkeys[0].for_signing);
    assert_eq!(i.subkeys[0].usage, "S");
}

#[test]
fn expired_key_is_accepted_with_its_expiry() {
    let i = accepted_one(&fixture("expired.pub.asc"));
    // gpg's "1y" is 365 days, and 2020 is a leap year.
    let exp: jiff::Timestamp = "2020-12-31T00:00:00Z".parse().expect("time");
    assert_eq!(i.primary.expires, Some(exp));
    assert_eq!(
        i.primary.created,
        "2020-01-01T00:00:00Z".parse().expect("time")
    );
    assert!(!i.can_sign);
    assert!(
        keys_listing(&i, "2020-06-01T00:00:00Z".parse().expect("t"))
            .contains("[expires: 2020-12-31]")
    );
    assert!(
        keys_listing(&i, "2021-06-01T00:00:00Z".parse().expect("t"))
            .contains("[expired: 2020-12-31]")
    );
}

#[test]
fn revoked_key_is_accepted_with_its_revocation() {
    let i = accepted_one(&fixture("revoked.pub.asc"));
    let r = i.revoked.as_ref().expect("revoked");
    assert!(r.reason.contains("compromised"), "{}", r.reason);
    assert!(r.reason.contains("lost laptop"), "{}", r.reason);
    assert!(!i.can_sign);
    assert!(keys_listing(&i, jiff::Timestamp::now()).contains("[ revoked]"));
}

#[test]
fn weak_rsa1024_is_rejected() {
    let r = rejected_reason(&fixture("weak.pub.asc"));
    assert_eq!(
        r,
        "RSA-1024 is too weak: relmgr requires RSA/DSA of at least 2048 bits"
    );
}

#[test]
fn sample_keys_file() {
    let parsed = parse_keyring(&fixture("sample-KEYS")).expect("parses");
    let uids: Vec<String> = parsed
        .iter()
        .map(|p| match p {
            ParsedCert::Accepted(i) => i.user_ids[0].clone(),
            ParsedCert::Rejected { reason, .. } => panic!("rejected: {reason}"),
        })
        .collect();
    assert_eq!(
        uids,
        [
            "Alice Example <alice@example.org>",
            "Bob Example <bob@example.org>",
            "Carol Example <carol@example.org>"
        ]
    );
}

#[test]
fn concatenated_armored_and_binary_keyrings() {
    let mut both = fixture("alice.pub.asc");
    both.extend(fixture("bob.pub.asc"));
    assert_eq!(parse_keyring(&both).expect("armored").len(), 2);

    let mut binary = Vec::new();
    for f in ["alice.pub.asc", "bob.pub.asc", "weak.pub.asc"] {
        let c = Cert::from_bytes(&fixture(f)).expect("cert");
        binary.extend(c.to_vec().expect("serialize"));
    }
    let parsed = parse_keyring(&binary).expect("binary");
    assert_eq!(parsed.len(), 3);
    assert!(matches!(parsed[2], ParsedCert::Rejected { .. }));
}

#[test]
fn secret_keys_are_stripped() {
    let i = accepted_one(&fixture("alice.sec.asc"));
    assert!(i.had_secret);
    assert!(!i.armored.contains("PRIVATE KEY"));
    assert_eq!(
        i.primary.fingerprint,
        accepted_one(&fixture("alice.pub.asc")).primary.fingerprint
    );
    let reparsed = Cert::from_bytes(i.armored.as_bytes()).expect("cert");
    assert!(!reparsed.is_tsk());

    // Binary secret keyring (gpg --export-secret-keys without --armor).
    let tsk = Cert::from_bytes(&fixture("bob.sec.asc")).expect("tsk");
    let binary = tsk.as_tsk().to_vec().expect("serialize");
    let i = accepted_one(&binary);
    assert!(i.had_secret && !i.armored.contains("PRIVATE KEY"));
}

#[test]
fn malformed_inputs() {
    let truncated = {
        let a = String::from_utf8(fixture("alice.pub.asc")).expect("utf8");
        a[..a.len() / 2].to_string()
    };
    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("whitespace", b" \n\n ".to_vec()),
        ("random", random),
        ("prose", b"just some text, no keys".to_vec()),
        ("truncated armor", truncated.into_bytes()),
        (
            "signature only",
            b"-----BEGIN PGP SIGNATURE-----\n\nabc\n-----END PGP SIGNATURE-----\n".to_vec(),
        ),
    ];
    for (what, bytes) in cases {
        match parse_keyring(&bytes) {
            Err(PgpError::Malformed(m)) => assert!(!m.is_empty()),
            other => panic!("{what}: expected Malformed, got {other:?}"),
        }
    }
}

#[test]
fn one_broken_block_does_not_fail_the_file() {
    let mut text = b"Alice's key:\n".to_vec();
    text.extend(fixture("alice.pub.asc"));
    text.extend(b"\nA broken one:\n-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBFxyz\n=AAAA\n-----END PGP PUBLIC KEY BLOCK-----\n");
    text.extend(b"\nBob's key, indented, CRLF:\n");
    for line in String::from_utf8(fixture("bob.pub.asc"))
        .expect("utf8")
        .lines()
    {
        text.extend(format!("   {line}\r\n").as_bytes());
    }
    let parsed = parse_keyring(&text).expect("parses");
    assert_eq!(parsed.len(), 3, "{parsed:?}");
    assert!(matches!(parsed[0], ParsedCert::Accepted(_)));
    assert!(matches!(
        parsed[1],
        ParsedCert::Rejected {
            fingerprint: None,
            ..
        }
    ));
    assert!(matches!(parsed[2], ParsedCert::Accepted(_)));
}

/// A fresh key (via sequoia) and its primary key pair, created `days_ago`.
pub(super) fn fresh_key(uid: &str, days_ago: i64) -> (Cert, KeyPair) {
    let created = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * days_ago);
    let (secret, _) = generate(uid, None, created).expect("generate");
    let cert = Cert::from_bytes(secret.as_bytes()).expect("tsk");
    let kp = primary_keypair(&cert);
    (cert, kp)
}

/// The primary key pair of a certificate with its secret parts.
pub(super) fn primary_keypair(tsk: &Cert) -> KeyPair {
    tsk.primary_key()
        .key()
        .clone()
        .parts_into_secret()
        .expect("secret")
        .into_keypair()
        .expect("keypair")
}

#[test]
fn merge_adds_user_id_and_revocation() {
    let (cert, mut kp) = fresh_key("Dave <dave@example.org>", 10);
    let old = armor_public(&cert).expect("armor");

    let uid = UserID::from("Dave D. <dave@example.net>");
    let binding = uid
        .bind(
            &mut kp,
            &cert,
            SignatureBuilder::new(SignatureType::PositiveCertification),
        )
        .expect("bind");
    let (with_uid, _) = cert
        .clone()
        .insert_packets(vec![Packet::from(uid), binding.into()])
        .expect("insert");
    let rev = cert
        .revoke(&mut kp, ReasonForRevocation::KeySuperseded, b"new key")
        .expect("revoke");
    let (revoked, _) = cert.insert_packets(Some(rev)).expect("insert");

    let merged = merge(&old, &armor_public(&with_uid).expect("armor")).expect("merge");
    assert_eq!(merged.user_ids.len(), 2);
    assert!(merged.revoked.is_none());
    let merged2 = merge(&merged.armored, &armor_public(&revoked).expect("armor")).expect("merge");
    assert_eq!(merged2.user_ids.len(), 2);
    let r = merged2.revoked.expect("revoked");
    assert_eq!(r.reason, "key superseded: new key");

    let other = String::from_utf8(fixture("alice.pub.asc")).expect("utf8");
    assert!(matches!(merge(&old, &other), Err(PgpError::Other(_))));
    assert!(matches!(
        merge(&old, "garbage"),
        Err(PgpError::Malformed(_))
    ));
}

#[test]
fn listing_looks_like_gpg() {
    let i = accepted_one(&fixture("alice.pub.asc"));
    let l = keys_listing(&i, jiff::Timestamp::now());
    let lines: Vec<&str> = l.lines().collect();
    assert!(
        lines[0].starts_with(&format!("pub   ed25519/{} ", i.primary.key_id)),
        "{l}"
    );
    assert!(lines[0].ends_with(" [SC]"), "{l}");
    assert_eq!(lines[1], format!("      {}", i.primary.fingerprint));
    assert_eq!(
        lines[2],
        "uid                 [ unknown] Alice Example <alice@example.org>"
    );
    assert!(lines[3].starts_with("sub   cv25519/"), "{l}");
    assert!(lines[3].ends_with(" [E]"), "{l}");

    // Listing + armored key reads back as a KEYS file.
    let keys = format!("{l}{}", i.armored);
    assert_eq!(parse_keyring(keys.as_bytes()).expect("parses").len(), 1);

    let bob = accepted_one(&fixture("bob.pub.asc"));
    assert!(keys_listing(&bob, jiff::Timestamp::now()).starts_with("pub   rsa3072/"));
}

#[test]
fn mutated_inputs_never_panic() {
    let cert = Cert::from_bytes(&fixture("bob.sec.asc")).expect("tsk");
    let binary = cert.as_tsk().to_vec().expect("serialize");
    let armored = fixture("alice.pub.asc");
    for (i, b) in [0x00u8, 0xff, 0x80].iter().cycle().take(3).enumerate() {
        for pos in (i..binary.len()).step_by(7) {
            let mut m = binary.clone();
            m[pos] ^= b | 1;
            let _ = parse_keyring(&m);
            let _ = load_signing_key(&m, &mut || Ok("x".into()), jiff::Timestamp::now());
            let _ = parse_keyring(&m[..pos]);
        }
    }
    for pos in 0..armored.len() {
        let mut m = armored.clone();
        m[pos] = b'Z';
        let _ = parse_keyring(&m);
        let _ = parse_keyring(&armored[..pos]);
    }
}

#[test]
fn armor_public_is_sequoias_armor_byte_for_byte() {
    let mut certs: Vec<Cert> = [
        "alice.pub.asc",
        "bob.pub.asc",
        "carol.pub.asc",
        "expired.pub.asc",
        "revoked.pub.asc",
    ]
    .iter()
    .map(|n| Cert::from_bytes(&fixture(n)).expect("cert"))
    .collect();
    // Many user IDs, one of them not printable (no header for it), one longer than a line.
    let mut b = CertBuilder::new().add_userid("First <first@example.org>");
    for i in 0..40 {
        b = b.add_userid(format!("User {i} <u{i}@example.org>"));
    }
    b = b.add_userid("Bell \u{7} <bell@example.org>");
    b = b.add_userid(format!("Long {} <long@example.org>", "x".repeat(80)));
    certs.push(b.generate().expect("generate").0);
    for cert in certs {
        let theirs = String::from_utf8(cert.armored().to_vec().expect("armor")).expect("utf8");
        assert_eq!(armor_public(&cert).expect("armor"), theirs);
    }
}

#[test]
fn version_6_keys_are_rejected_with_the_reason() {
    let (cert, _) = CertBuilder::new()
        .set_profile(openpgp::Profile::RFC9580)
        .expect("profile")
        .add_userid("Six <six@example.org>")
        .add_signing_subkey()
        .generate()
        .expect("generate");
    let armored = cert.armored().to_vec().expect("armor");
    let reason = rejected_reason(&armored);
    assert!(reason.contains("version 6"), "{reason}");
    let secret = cert.as_tsk().armored().to_vec().expect("armor");
    match load_signing_key(&secret, &mut || Ok(String::new()), Timestamp::now()) {
        Err(PgpError::Malformed(m)) => assert!(m.contains("version 6"), "{m}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn bare_revocations_of_gpg_and_sq_revoke_their_key() {
    let (cert, rev) = CertBuilder::new()
        .add_userid("Rev <rev@example.org>")
        .generate()
        .expect("generate");
    let public = armor_public(&cert).expect("armor");
    // gpg's form: the signature alone, behind a ':' guard.
    let mut gpg_form = Vec::new();
    {
        use openpgp::serialize::Serialize;
        let mut w = openpgp::armor::Writer::new(&mut gpg_form, openpgp::armor::Kind::PublicKey)
            .expect("armor");
        Packet::from(rev.clone()).serialize(&mut w).expect("sig");
        w.finalize().expect("armor");
    }
    let gpg_form = [b"Use this to revoke\n:".as_slice(), &gpg_form].concat();
    // sq's form: the primary key, then the signature.
    let sq_form = Packet::from(cert.primary_key().key().clone())
        .to_vec()
        .expect("key")
        .into_iter()
        .chain(Packet::from(rev).to_vec().expect("sig"))
        .collect::<Vec<u8>>();
    for form in [gpg_form, sq_form] {
        let r = parse_revocation(&form).expect("a revocation");
        assert_eq!(r.issuers[0], fpr_hex(&cert.fingerprint()));
        let info = apply_revocation(&public, &r, Timestamp::now()).expect("applies");
        assert!(info.revoked.is_some());
        // Not another key's.
        let other = String::from_utf8(fixture("alice.pub.asc")).expect("utf8");
        assert!(apply_revocation(&other, &r, Timestamp::now()).is_err());
    }
    // A whole certificate is no bare revocation.
    assert!(parse_revocation(public.as_bytes()).is_none());
    assert!(parse_revocation(&fixture("revoked.pub.asc")).is_none());
}

#[test]
fn keys_listing_leaves_out_unusable_subkeys_as_gpg_does() {
    let mut i = accepted_one(&fixture("alice.pub.asc"));
    let now: jiff::Timestamp = "2027-01-05T00:00:00Z".parse().expect("t");
    assert_eq!(keys_listing(&i, now).matches("\nsub ").count(), 1);
    i.subkeys[0].revoked = Some(now);
    assert_eq!(keys_listing(&i, now).matches("\nsub ").count(), 0);
    i.subkeys[0].revoked = None;
    i.subkeys[0].key.expires = Some("2026-12-01T00:00:00Z".parse().expect("t"));
    assert_eq!(keys_listing(&i, now).matches("\nsub ").count(), 0);
    assert!(
        keys_listing(&i, "2026-11-30T00:00:00Z".parse().expect("t"))
            .contains("[E] [expires: 2026-12-01]")
    );
}
