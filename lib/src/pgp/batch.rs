//! Checking many detached signatures at once: a history's signed events.
//!
//! The verdict on each signature is [`Keyring::verify_detached_bytes`]'s, with one difference:
//! the mathematics of an Ed25519 signature (the algorithm of every key `relmgr key generate`
//! makes, and of most new OpenPGP keys) is checked in batches by ed25519-zebra, under the
//! ZIP-215 rules. Those rules exist so that a batch and a signature checked alone always
//! agree, whatever else is in the batch: two clones that sync the same history in different
//! pieces reach the same verdict on every event. Every signature that RFC 8032's checks (gpg's,
//! sqv's) accept, ZIP-215 accepts; the converse fails only for signatures crafted on purpose
//! by the key's owner (a small-order component in R), which prove nothing more than a
//! normal signature would. A batch is about three times cheaper per signature than a signature
//! alone, and that is what keeps a signed history's replay under twice an unsigned one's.
//!
//! Everything else (the signature's type, time and policy, which key made it, that key's
//! validity when it signed) is judged exactly as for one signature, before the mathematics.
//! Whatever does not fit a batch (several signatures in one file, several candidate keys, a
//! key that is not Ed25519, a version 6 signature) takes the path of one signature.

use std::time::SystemTime;

use ed25519_zebra::batch;
use ed25519_zebra::{Signature as EdSignature, VerificationKey, VerificationKeyBytes};
use jiff::Timestamp;
use openpgp::crypto::mpi;
use openpgp::packet::Signature;
use openpgp::types::{Curve, SignatureType};
use openpgp::{KeyHandle, KeyID};
use rand_core::OsRng;
use sequoia_openpgp as openpgp;

use super::to_st;
use super::verify::{DetachedHasher, Keyring, SigCheck, mismatch, validity};

/// One detached signature to check: the signature file's bytes (armored or binary), the
/// signed bytes, and the time that bounds the signature's own validity.
pub type Detached<'a> = (&'a [u8], &'a [u8], Timestamp);

/// An Ed25519 signature whose every other check passed: its mathematics decides.
struct Queued {
    key: VerificationKeyBytes,
    signature: EdSignature,
    digest: Vec<u8>,
    /// The signing key's id, named when the mathematics fails.
    key_id: KeyID,
    /// The verdict if the mathematics holds.
    good: SigCheck,
}

impl Queued {
    /// The verdict on this signature checked alone (after its batch failed).
    fn alone(self) -> SigCheck {
        match VerificationKey::try_from(self.key)
            .and_then(|key| key.verify(&self.signature, &self.digest))
        {
            Ok(()) => self.good,
            Err(e) => mismatch(&self.key_id, &e.to_string()),
        }
    }
}

impl Keyring {
    /// The verdict on each of `items`, in order, as one batch: what
    /// [`verify_detached_bytes`](Self::verify_detached_bytes) says of each, with Ed25519
    /// signatures checked together (see the module's documentation). The caller cuts a history
    /// into batches and spreads them over the cores (`ops::signatures`).
    pub fn verify_batch(&self, items: &[Detached<'_>]) -> Vec<SigCheck> {
        let mut verdicts: Vec<Option<SigCheck>> = Vec::with_capacity(items.len());
        let mut queued: Vec<(usize, Queued)> = Vec::new();
        for (i, &(signature, data, now)) in items.iter().enumerate() {
            let mut hasher = DetachedHasher::new(signature);
            hasher.update(data);
            let hashed = hasher.finish();
            match self.queue(&hashed.sigs, &hashed.digests, now) {
                Some(q) => {
                    queued.push((i, q));
                    verdicts.push(None);
                }
                None => verdicts.push(Some(self.check(&hashed, now))),
            }
        }
        let mut verifier = batch::Verifier::new();
        for (_, q) in &queued {
            verifier.queue((q.key, q.signature, &q.digest));
        }
        let all_hold = queued.is_empty() || verifier.verify(OsRng).is_ok();
        for (i, q) in queued {
            verdicts[i] = Some(if all_hold { q.good } else { q.alone() });
        }
        verdicts.into_iter().flatten().collect()
    }

    /// The batch entry for a file that holds one version 4 binary signature by one Ed25519 key
    /// of the keyring, valid when it signed; `None` sends it down the path of one signature.
    fn queue(
        &self,
        sigs: &Result<Vec<Signature>, String>,
        digests: &[Result<Vec<u8>, String>],
        now: Timestamp,
    ) -> Option<Queued> {
        let (Ok([sig]), [Ok(digest)]) = (sigs.as_deref(), digests) else {
            return None;
        };
        if sig.typ() != SignatureType::Binary || sig.version() != 4 {
            return None;
        }
        let created: SystemTime = sig.signature_creation_time()?;
        let issuers = sig.get_issuers();
        let mut keys = self.keys_of(&issuers);
        let (cert, key) = match (keys.next(), keys.next()) {
            (Some(one), None) => one,
            _ => return None,
        };
        if key.version() != 4 {
            return None;
        }
        let (key_bytes, signature) = ed25519(key.mpis(), sig.mpis())?;
        let good = validity(cert, &key, sig, created, to_st(now));
        matches!(good, SigCheck::Good { .. }).then(|| Queued {
            key: key_bytes,
            signature,
            digest: digest.clone(),
            key_id: key.keyid(),
            good,
        })
    }

    /// Every (certificate, key) of the keyring that one of `issuers` names.
    fn keys_of<'a>(
        &'a self,
        issuers: &'a [KeyHandle],
    ) -> impl Iterator<
        Item = (
            &'a openpgp::Cert,
            openpgp::packet::Key<
                openpgp::packet::key::PublicParts,
                openpgp::packet::key::UnspecifiedRole,
            >,
        ),
    > + 'a {
        let mut certs: Vec<usize> = Vec::new();
        for h in issuers {
            for &i in self.by_keyid.get(&KeyID::from(h)).into_iter().flatten() {
                if !certs.contains(&i) {
                    certs.push(i);
                }
            }
        }
        certs.into_iter().flat_map(move |i| {
            let cert = &self.certs[i];
            cert.keys()
                .key_handles(issuers.iter())
                .map(move |ka| (cert, ka.key().clone().role_into_unspecified()))
        })
    }
}

/// The Ed25519 public key and signature, if `key` is one (OpenPGP's EdDSA over Ed25519, or
/// RFC 9580's Ed25519) and `sig` is its kind of signature.
fn ed25519(
    key: &mpi::PublicKey,
    sig: &mpi::Signature,
) -> Option<(VerificationKeyBytes, EdSignature)> {
    let (a, rs): ([u8; 32], [u8; 64]) = match (key, sig) {
        (mpi::PublicKey::Ed25519 { a }, mpi::Signature::Ed25519 { s }) => (*a, **s),
        (mpi::PublicKey::EdDSA { curve, q }, mpi::Signature::EdDSA { r, s })
            if *curve == Curve::Ed25519 =>
        {
            let a = q.decode_point(&Curve::Ed25519).ok()?.0.try_into().ok()?;
            // The MPI encoding drops leading zero bytes: pad R and S back to 32 bytes each.
            let mut rs = [0u8; 64];
            rs[..32].copy_from_slice(&r.value_padded(32).ok()?);
            rs[32..].copy_from_slice(&s.value_padded(32).ok()?);
            (a, rs)
        }
        _ => return None,
    };
    Some((VerificationKeyBytes::from(a), EdSignature::from_bytes(&rs)))
}
