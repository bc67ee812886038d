//! Tests of [`Keyring::verify_batch`]: the verdict on each signature of a batch is the verdict on
//! it alone, whatever else is in the batch.

use jiff::Timestamp;

use super::tests_import::fixture;
use super::tests_sign::{load, ring};
use super::*;

#[test]
fn many_signatures_get_the_verdicts_they_get_one_at_a_time() {
    let r = ring(&[
        "alice.pub.asc",
        "bob.pub.asc",
        "expired.pub.asc",
        "revoked.pub.asc",
    ]);
    let now = Timestamp::now();
    let alice = load("alice.sec.asc");
    // 300 events signed by alice's Ed25519 key, in batches of 128 as a replay cuts them.
    let mut items: Vec<(String, Vec<u8>)> = (0..300)
        .map(|i| {
            let data = format!("{{\"seq\":{i},\"type\":\"user.add\"}}").into_bytes();
            (sign_detached(&alice, &data, now).expect("sign"), data)
        })
        .collect();
    // Two whose bytes were edited after signing, in the first and the third batch: the second
    // holds as a batch, the other two are checked one signature at a time.
    for i in [5, 280] {
        items[i].1 = format!("{{\"seq\":{i},\"type\":\"user.remove\"}}").into_bytes();
    }
    // Whatever does not fit a batch, between alice's signatures: an RSA key (bob), a key
    // outside the keyring (carol), two signatures in one file, a signature made while its
    // key was valid (expired since), one by a hard-revoked key, and bytes that are no
    // signature at all.
    let data = b"package bytes".to_vec();
    let bob = sign_detached(&load("bob.sec.asc"), &data, now).expect("sign");
    let carol = sign_detached(&load_carol(), &data, now).expect("sign");
    let alice_data = sign_detached(&alice, &data, now).expect("sign");
    let both = join_signatures(&[&alice_data, &bob]).expect("join");
    let text = |name: &str| String::from_utf8(fixture(name)).expect("utf8");
    let others = vec![
        (bob, data.clone()),
        (carol, data.clone()),
        (both, data.clone()),
        (
            text("signed-by-expired.txt.asc"),
            fixture("signed-by-expired.txt"),
        ),
        (
            text("signed-by-revoked.txt.asc"),
            fixture("signed-by-revoked.txt"),
        ),
        ("not a signature".to_string(), data.clone()),
    ];
    for (k, other) in others.into_iter().enumerate() {
        items.insert(10 + 40 * k, other);
    }
    let detached: Vec<Detached<'_>> = items
        .iter()
        .map(|(sig, data)| (sig.as_bytes(), data.as_slice(), now))
        .collect();
    let many: Vec<SigCheck> = detached
        .chunks(128)
        .flat_map(|batch| r.verify_batch(batch))
        .collect();
    assert_eq!(many.len(), items.len());
    for (i, ((sig, data), got)) in items.iter().zip(&many).enumerate() {
        let alone = r.verify_detached_bytes(sig.as_bytes(), data, now);
        assert_eq!(
            std::mem::discriminant(got),
            std::mem::discriminant(&alone),
            "item {i}: {got:?} vs {alone:?}"
        );
        if let (SigCheck::Good { .. }, SigCheck::Good { .. }) = (got, &alone) {
            assert_eq!(got, &alone, "item {i}");
        }
    }
    let edited: Vec<usize> = many
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            matches!(c, SigCheck::Bad { reason } if reason.contains("does not match the data"))
        })
        .map(|(i, _)| i)
        .collect();
    assert_eq!(edited.len(), 2, "{many:?}");
    let count = |f: fn(&SigCheck) -> bool| many.iter().filter(|c| f(c)).count();
    // 298 of alice's, bob's, the expired key's; the joined pair holds a good one and is good.
    assert_eq!(count(|c| matches!(c, SigCheck::Good { .. })), 298 + 3);
    assert_eq!(count(|c| matches!(c, SigCheck::UnknownKey { .. })), 1);
    // The two edited, the revoked key's, the unreadable one.
    assert_eq!(count(|c| matches!(c, SigCheck::Bad { .. })), 4);
}

#[test]
fn a_batch_of_one_and_of_none() {
    let r = ring(&["alice.pub.asc"]);
    let now = Timestamp::now();
    assert!(r.verify_batch(&[]).is_empty());
    let data = b"one".to_vec();
    let sig = sign_detached(&load("alice.sec.asc"), &data, now).expect("sign");
    let got = r.verify_batch(&[(sig.as_bytes(), data.as_slice(), now)]);
    assert!(matches!(got.as_slice(), [SigCheck::Good { .. }]), "{got:?}");
    let got = r.verify_batch(&[(sig.as_bytes(), b"two".as_slice(), now)]);
    assert!(matches!(got.as_slice(), [SigCheck::Bad { .. }]), "{got:?}");
}

fn load_carol() -> SigningKey {
    let pass = String::from_utf8(fixture("carol.pass")).expect("utf8");
    let pass = pass.trim().to_string();
    load_signing_key(
        &fixture("carol.sec.asc"),
        &mut move || Ok(pass.clone()),
        Timestamp::now(),
    )
    .expect("load carol")
}

#[test]
fn an_unreadable_certificate_leaves_only_itself_out_of_a_historys_keyring() {
    let alice = String::from_utf8(fixture("alice.pub.asc")).expect("utf8");
    let certs = ["not a certificate", alice.as_str()];
    assert!(Keyring::new(certs).is_err());
    let r = Keyring::from_readable(certs);
    assert_eq!(r.len(), 1);
    let now = Timestamp::now();
    let data = b"an event".to_vec();
    let sig = sign_detached(&load("alice.sec.asc"), &data, now).expect("sign");
    let got = r.verify_batch(&[(sig.as_bytes(), data.as_slice(), now)]);
    assert!(matches!(got.as_slice(), [SigCheck::Good { .. }]), "{got:?}");
}
