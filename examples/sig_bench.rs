//! Times the parts of checking a detached signature (parsing the armor, hashing, verifying with
//! the key's validity, the validity checks alone, and all of it for many signatures at once with
//! Ed25519 in batches): `cargo run --release --example sig_bench
//! [N]`. It shows where the cost of signed history goes (README, Signed history).
use std::time::Instant;

use relmgr::pgp::{self, DetachedHasher, Keyring};

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::args().nth(1).map_or(1000, |a| a.parse().unwrap());
    let t0: jiff::Timestamp = "2026-01-01T00:00:00Z".parse()?;
    let (secret, info) = pgp::generate("Bench <b@example.org>", None, t0)?;
    let key = pgp::load_signing_key(secret.as_bytes(), &mut || Ok(String::new()), t0)?;
    let data: Vec<Vec<u8>> = (0..n)
        .map(|i| format!("{{\"event\":{i},\"payload\":\"{}\"}}", "x".repeat(300)).into_bytes())
        .collect();
    let at = |i: usize| t0 + jiff::SignedDuration::from_secs(60 + i as i64);
    let sigs: Vec<String> = data
        .iter()
        .enumerate()
        .map(|(i, d)| pgp::sign_detached(&key, d, at(i)).unwrap())
        .collect();
    let ring = Keyring::new([info.armored.as_str()])?;
    let t = Instant::now();
    let hashers: Vec<DetachedHasher> = sigs
        .iter()
        .map(|s| DetachedHasher::new(s.as_bytes()))
        .collect();
    println!(
        "parse {n} armored signatures: {:.1} us each",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    let t = Instant::now();
    let hashed: Vec<_> = hashers
        .into_iter()
        .zip(&data)
        .map(|(mut h, d)| {
            h.update(d);
            h.finish()
        })
        .collect();
    println!(
        "hash: {:.1} us each",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    let t = Instant::now();
    let mut good = 0;
    for (i, h) in hashed.iter().enumerate() {
        if matches!(ring.check(h, at(i)), pgp::SigCheck::Good { .. }) {
            good += 1;
        }
    }
    println!(
        "check (verify + validity): {:.1} us each, {good} good",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    let items: Vec<pgp::Detached<'_>> = sigs
        .iter()
        .zip(&data)
        .enumerate()
        .map(|(i, (s, d))| (s.as_bytes(), d.as_slice(), at(i)))
        .collect();
    let t = Instant::now();
    let good = {
        use rayon::prelude::*;
        items
            .par_chunks(128)
            .flat_map_iter(|batch| ring.verify_batch(batch))
            .filter(|c| matches!(c, pgp::SigCheck::Good { .. }))
            .count()
    };
    println!(
        "verify_batch (parse + hash + check, Ed25519 in batches of 128, every core): {:.1} us \
         each, {good} good",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    raw(n)?;
    Ok(())
}

#[allow(dead_code)]
fn raw(n: usize) -> anyhow::Result<()> {
    use openpgp::parse::Parse;
    use openpgp::policy::StandardPolicy;
    use sequoia_openpgp as openpgp;
    let p = StandardPolicy::new();
    let t0: jiff::Timestamp = "2026-01-01T00:00:00Z".parse()?;
    let (secret, info) = pgp::generate("Bench <b@example.org>", None, t0)?;
    let _ = secret;
    let cert = openpgp::Cert::from_bytes(info.armored.as_bytes())?;
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(t0.as_second() as u64 + 60);
    let t = Instant::now();
    for _ in 0..n {
        let vc = cert.with_policy(&p, at)?;
        let _ = vc.revocation_status();
        let _ = vc.alive();
        let ka = vc.keys().next().unwrap();
        let _ = ka.for_signing();
        {
            use openpgp::cert::prelude::*;
            let _ = ka.revocation_status();
        }
    }
    println!(
        "validity checks alone: {:.1} us each",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    Ok(())
}
