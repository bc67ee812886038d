//! Generators of the hostile and large key files of the key tests and of
//! `scripts/bench-hostile.sh` (through `examples/make_keys.rs`): nothing large is committed.
//! Every key is Ed25519, created at 2026-11-23 (before the tests' clocks).

#![allow(dead_code)]

use std::time::{Duration, SystemTime};

use sequoia_openpgp as openpgp;

use openpgp::cert::prelude::*;
use openpgp::serialize::SerializeInto;
use openpgp::types::KeyFlags;

/// 2026-11-23T00:00:00Z, when the committed fixture keys were made.
pub fn created() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_392_000)
}

fn builder(uid: &str) -> CertBuilder<'static> {
    CertBuilder::new()
        .set_cipher_suite(CipherSuite::Cv25519)
        .set_creation_time(created())
        .set_primary_key_flags(KeyFlags::empty().set_certification().set_signing())
        .set_validity_period(None)
        .add_userid(uid)
}

/// Armored without sequoia's `Comment:` headers, whose making costs the square of the number of
/// user IDs.
fn armored_public(cert: &openpgp::Cert) -> Vec<u8> {
    use openpgp::armor::{Kind, Writer};
    use openpgp::serialize::Serialize;
    let mut w = Writer::new(Vec::new(), Kind::PublicKey).expect("armor");
    if cert.primary_key().key().version() > 4 {
        w.set_profile(openpgp::Profile::RFC9580).expect("profile");
    }
    cert.serialize(&mut w).expect("serialize");
    w.finalize().expect("armor")
}

/// One certificate with `n` user IDs (`Many <many-I@example.org>`), armored.
pub fn many_uids(n: usize) -> Vec<u8> {
    let mut b = builder("Many <many-0@example.org>");
    for i in 1..n {
        b = b.add_userid(format!("Many <many-{i}@example.org>"));
    }
    let (cert, _) = b.generate().expect("generate");
    armored_public(&cert)
}

/// A keyring of `n` certificates (`Key I <key-I@example.org>`), each armored, one after the
/// other, as a KEYS file holds them.
pub fn many_keys(n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..n {
        let (cert, _) = builder(&format!("Key {i} <key-{i}@example.org>"))
            .generate()
            .expect("generate");
        out.extend(armored_public(&cert));
    }
    out
}

/// A version 6 (RFC 9580) key: (public certificate, secret key), armored.
pub fn v6_key(uid: &str) -> (Vec<u8>, Vec<u8>) {
    let (cert, _) = builder(uid)
        .set_profile(openpgp::Profile::RFC9580)
        .expect("profile")
        .generate()
        .expect("generate");
    (
        armored_public(&cert),
        cert.as_tsk().armored().to_vec().expect("armor"),
    )
}

/// A key and its revocation certificate as `sq key revoke` writes it (the primary key and the
/// key revocation signature, no user ID): (public certificate, revocation), armored.
pub fn key_and_sq_revocation(uid: &str) -> (Vec<u8>, Vec<u8>) {
    use openpgp::Packet;
    use openpgp::armor::{Kind, Writer};
    use openpgp::serialize::Serialize;
    use std::io::Write;
    let (cert, rev) = builder(uid).generate().expect("generate");
    let mut w = Writer::new(Vec::new(), Kind::PublicKey).expect("armor");
    Packet::from(cert.primary_key().key().clone())
        .serialize(&mut w)
        .expect("key");
    Packet::from(rev).serialize(&mut w).expect("signature");
    w.flush().expect("flush");
    (armored_public(&cert), w.finalize().expect("armor"))
}
