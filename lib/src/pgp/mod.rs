//! OpenPGP for relmgr.
//!
//! This module owns **all** OpenPGP handling of relmgr: it is the only code
//! that touches `sequoia-openpgp`.  The rest of the crate sees plain Rust
//! types ([`KeyInfo`], [`SigCheck`], armored strings, fingerprints as upper
//! hex) and never a sequoia type.
//!
//! * [`parse_keyring`] reads KEYS files, armored or binary keyrings and
//!   secret key exports, and reports each certificate as accepted or
//!   rejected (weak algorithm, SHA-1-only self-signatures, no user id…).
//! * [`merge`] merges two versions of one certificate.
//! * [`keys_listing`] / [`algo_display`] render the Apache KEYS listing.
//! * [`generate`], [`load_signing_key`], [`Sha512Signing`] and
//!   [`sign_detached`] create keys and detached `.asc` signatures.
//! * [`join_signatures`] writes several signers' signatures as one armored
//!   block.
//! * [`Keyring`] verifies detached signatures ([`SigCheck`], one per
//!   signature packet); [`judge`] gives gpg's verdict over them.
//!
//! Validity is always judged with sequoia's `StandardPolicy`; times come
//! from the caller (relmgr has a fake clock), never from the system clock,
//! except where documented.

mod batch;
mod detached;
mod import;
mod listing;
mod sign;
mod verify;

#[cfg(test)]
mod tests_batch;
#[cfg(test)]
mod tests_import;
#[cfg(test)]
mod tests_prehash;
#[cfg(test)]
mod tests_sign;
#[cfg(test)]
mod tests_validity;
#[cfg(test)]
mod tests_verify;

use std::time::SystemTime;

use jiff::Timestamp;
use sequoia_openpgp as openpgp;

use openpgp::Cert;
use openpgp::cert::prelude::*;
use openpgp::policy::StandardPolicy;
use openpgp::types::{Curve, KeyFlags, PublicKeyAlgorithm, RevocationStatus};

pub use batch::Detached;
pub use detached::join_signatures;
pub use import::{
    RevocationCert, apply_revocation, merge, parse_keyring, parse_keyring_at, parse_revocation,
};
pub use listing::{algo_display, keys_listing};
pub use sign::{
    Sha512Signing, SigningKey, generate, load_signing_key, load_signing_key_named, sign_detached,
};
pub use verify::{DetachedHasher, Keyring, SigCheck, judge};

/// Errors of the OpenPGP layer.
#[derive(Debug, thiserror::Error)]
pub enum PgpError {
    /// The input is not OpenPGP at all, is empty, or is truncated beyond
    /// repair.  relmgr maps this to exit code 2 (bad input).
    #[error("malformed OpenPGP input: {0}")]
    Malformed(String),
    /// The key uses an algorithm, size or hash that relmgr refuses.
    #[error("weak key: {0}")]
    Weak(String),
    /// The key holds no secret key that can make signatures now.
    #[error("the key has no signing-capable secret key that is valid now")]
    NotSigningCapable,
    /// The passphrase is wrong, or none could be obtained.
    #[error("passphrase: {0}")]
    Passphrase(String),
    /// Anything else (a sequoia error, an I/O error…).
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// A revocation of a certificate's primary key.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Revocation {
    /// When the revocation signature was made.
    pub time: Timestamp,
    /// Human readable reason, e.g. `"key compromised: lost laptop"`.
    pub reason: String,
}

/// What a primary key and a subkey each have (serialized in place, first, in [`KeyInfo`] and
/// [`SubkeyInfo`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct KeyFacts {
    /// 40 upper-case hex digits (v4).
    pub fingerprint: crate::model::Fingerprint,
    /// 16 upper-case hex digits: the last 16 of the fingerprint.
    pub key_id: String,
    /// sequoia's algorithm name: `"EdDSA"`, `"RSA"`, `"DSA"`, `"ECDH"`,
    /// `"ElGamal"`, `"ECDSA"`…
    pub algorithm: String,
    /// Key size in bits, where the algorithm has one.
    pub bits: Option<u32>,
    /// gpg's curve name for ECC keys (`"ed25519"`, `"cv25519"`,
    /// `"nistp256"`…), `None` otherwise.
    pub curve: Option<String>,
    /// Creation time of the key.
    pub created: Timestamp,
    /// Expiry of the key under the policy, `None` = never.
    pub expires: Option<Timestamp>,
}

/// One subkey of a certificate (only subkeys with a valid binding under
/// the standard policy are listed).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SubkeyInfo {
    #[serde(flatten)]
    pub key: KeyFacts,
    /// gpg-style usage letters, e.g. `"S"`, `"E"`, `"A"`.
    pub usage: String,
    /// Whether the subkey is marked for signing.
    pub for_signing: bool,
    /// When the subkey was revoked, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked: Option<Timestamp>,
}

/// Everything relmgr records about one (public) certificate.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct KeyInfo {
    /// The primary key.
    #[serde(flatten)]
    pub primary: KeyFacts,
    /// Set only if the primary key (the certificate) is revoked.
    pub revoked: Option<Revocation>,
    /// Valid, non-revoked user ids, primary first.
    pub user_ids: Vec<String>,
    /// gpg-style usage letters of the primary key, e.g. `"SC"`.
    pub usage: String,
    /// Subkeys with a valid binding.
    pub subkeys: Vec<SubkeyInfo>,
    /// The primary or a subkey is signing-capable, not revoked and alive
    /// (at the time the information was computed).
    pub can_sign: bool,
    /// The input contained secret key material (which was stripped).
    pub had_secret: bool,
    /// The public certificate, ASCII-armored; never holds secret parts.
    pub armored: String,
}

/// Result of reading one certificate of a keyring / KEYS file.
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)] // a handful per import: boxing buys nothing
pub enum ParsedCert {
    /// The certificate is usable by relmgr.
    Accepted(KeyInfo),
    /// The certificate was read (or a block failed to read) but relmgr
    /// refuses it.
    Rejected {
        /// Fingerprint, if the certificate could be parsed that far.
        fingerprint: Option<crate::model::Fingerprint>,
        /// First user id, if any.
        user_id: Option<String>,
        /// Why it was rejected, for humans.
        reason: String,
        /// The key ids of its primary key and subkeys (16 upper-case hex digits), so that a
        /// signature by a rejected key is told as such, not as one by an unknown key.
        key_ids: Vec<String>,
    },
}

/// The policy all validity decisions use.
pub(crate) fn policy() -> StandardPolicy<'static> {
    StandardPolicy::new()
}

/// sequoia time to jiff time (saturating to the epoch on nonsense).
pub(crate) fn to_ts(t: SystemTime) -> Timestamp {
    Timestamp::try_from(t).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// jiff time to sequoia time.
pub(crate) fn to_st(t: Timestamp) -> SystemTime {
    SystemTime::from(t)
}

/// Upper-case hex of a fingerprint, without spaces.
pub(crate) fn fpr_hex(f: &openpgp::Fingerprint) -> String {
    f.to_hex().to_uppercase()
}

/// A key's fingerprint, typed.
pub(crate) fn fpr(f: &openpgp::Fingerprint) -> crate::model::Fingerprint {
    crate::model::Fingerprint::from_computed(fpr_hex(f))
}

/// Key id: last 16 hex digits of a fingerprint (v4); for v6, the first 16.
pub(crate) fn keyid_hex(f: &openpgp::Fingerprint) -> String {
    openpgp::KeyID::from(f).to_hex().to_uppercase()
}

/// gpg's name for a curve.
fn curve_name(c: &Curve) -> String {
    match c {
        Curve::NistP256 => "nistp256".into(),
        Curve::NistP384 => "nistp384".into(),
        Curve::NistP521 => "nistp521".into(),
        Curve::BrainpoolP256 => "brainpoolP256r1".into(),
        Curve::BrainpoolP384 => "brainpoolP384r1".into(),
        Curve::BrainpoolP512 => "brainpoolP512r1".into(),
        Curve::Ed25519 => "ed25519".into(),
        Curve::Cv25519 => "cv25519".into(),
        other => other.to_string(),
    }
}

/// (algorithm name, bits, curve) of a key.
pub(crate) fn key_algo<P: openpgp::packet::key::KeyParts, R: openpgp::packet::key::KeyRole>(
    key: &openpgp::packet::Key<P, R>,
) -> (String, Option<u32>, Option<String>) {
    use openpgp::crypto::mpi::PublicKey as M;
    let mpis = key.mpis();
    let curve = match mpis {
        M::EdDSA { curve, .. } | M::ECDSA { curve, .. } | M::ECDH { curve, .. } => {
            Some(curve_name(curve))
        }
        M::Ed25519 { .. } => Some("ed25519".into()),
        M::X25519 { .. } => Some("cv25519".into()),
        M::Ed448 { .. } => Some("ed448".into()),
        M::X448 { .. } => Some("cv448".into()),
        _ => None,
    };
    let bits = mpis.bits().and_then(|b| u32::try_from(b).ok());
    (key.pk_algo().to_string(), bits, curve)
}

/// gpg-style usage letters ("SCEA" order).
pub(crate) fn usage_letters(flags: Option<&KeyFlags>) -> String {
    let mut s = String::new();
    if let Some(f) = flags {
        if f.for_signing() {
            s.push('S');
        }
        if f.for_certification() {
            s.push('C');
        }
        if f.for_transport_encryption() || f.for_storage_encryption() {
            s.push('E');
        }
        if f.for_authentication() {
            s.push('A');
        }
    }
    s
}

/// Is this a signing algorithm at all (as opposed to encryption only)?
pub(crate) fn algo_can_sign(a: PublicKeyAlgorithm) -> bool {
    #[allow(deprecated)]
    !matches!(
        a,
        PublicKeyAlgorithm::RSAEncrypt
            | PublicKeyAlgorithm::ElGamalEncrypt
            | PublicKeyAlgorithm::ElGamalEncryptSign
            | PublicKeyAlgorithm::ECDH
            | PublicKeyAlgorithm::X25519
            | PublicKeyAlgorithm::X448
    )
}

/// Human text for a revocation reason.
fn revocation_reason(sig: &openpgp::packet::Signature) -> String {
    use openpgp::types::ReasonForRevocation as R;
    match sig.reason_for_revocation() {
        None => "no reason given".to_string(),
        Some((code, msg)) => {
            let what = match code {
                R::KeyCompromised => "key compromised".to_string(),
                R::KeySuperseded => "key superseded".to_string(),
                R::KeyRetired => "key retired".to_string(),
                R::UIDRetired => "user id retired".to_string(),
                R::Unspecified => "unspecified".to_string(),
                other => other.to_string(),
            };
            let msg = String::from_utf8_lossy(msg);
            let msg = msg.trim();
            if msg.is_empty() {
                what
            } else {
                format!("{what}: {msg}")
            }
        }
    }
}

/// ASCII-armored public certificate (never secret parts): byte for byte what sequoia's
/// `cert.armored()` writes (a unit test holds the two equal), with its `Comment:` headers (the
/// fingerprint, then each valid user ID) found in linear time.
pub(crate) fn armor_public(cert: &Cert) -> Result<String, PgpError> {
    use openpgp::armor::{Kind, Writer};
    use openpgp::serialize::Serialize;
    let headers = armor_headers(cert);
    let headers = headers.iter().map(|v| ("Comment", v.as_str()));
    let write = || -> anyhow::Result<String> {
        let mut w = Writer::with_headers(Vec::new(), Kind::PublicKey, headers)?;
        w.set_profile(if cert.primary_key().key().version() > 4 {
            openpgp::Profile::RFC9580
        } else {
            openpgp::Profile::RFC4880
        })?;
        cert.serialize(&mut w)?;
        Ok(String::from_utf8(w.finalize()?)?)
    };
    Ok(write()?)
}

/// sequoia's `Cert::armor_headers`: the spaced fingerprint, then each user ID valid now and not
/// revoked whose first 55 characters are printable, cut to those. sequoia's own walks
/// `userids().with_policy()`, which judges the whole certificate again for each user ID and
/// so costs the square of their number (a certificate of 4,000 user IDs took 14 s to import);
/// here the certificate is judged once.
fn armor_headers(cert: &Cert) -> Vec<String> {
    let p = policy();
    let now = SystemTime::now();
    let width = 64 - "Comment: ".len();
    let mut headers = vec![cert.fingerprint().to_spaced_hex()];
    if cert.with_policy(&p, now).is_err() {
        return headers;
    }
    for u in cert.userids() {
        if u.binding_signature(&p, now).is_err()
            || matches!(u.revocation_status(&p, now), RevocationStatus::Revoked(_))
        {
            continue;
        }
        let Ok(value) = std::str::from_utf8(u.userid().value()) else {
            continue;
        };
        if value.chars().take(width).any(|c| c.is_control()) {
            continue;
        }
        headers.push(value.chars().take(width).collect());
    }
    headers
}

/// Builds the [`KeyInfo`] of a certificate at `now` under the standard
/// policy.  Does not judge weakness (see `import`).  `cert` must be
/// public-only; `had_secret` is copied through.
pub(crate) fn key_info(cert: &Cert, had_secret: bool, now: SystemTime) -> anyhow::Result<KeyInfo> {
    let p = policy();
    let vc = cert.with_policy(&p, now)?;
    let primary = vc.primary_key();
    let fpr = cert.fingerprint();
    let (algorithm, bits, curve) = key_algo(primary.key());

    let revoked = match vc.revocation_status() {
        RevocationStatus::Revoked(sigs) => sigs.first().map(|s| Revocation {
            time: s
                .signature_creation_time()
                .map(to_ts)
                .unwrap_or(Timestamp::UNIX_EPOCH),
            reason: revocation_reason(s),
        }),
        _ => None,
    };

    let mut user_ids = Vec::new();
    let mut seen = std::collections::HashSet::new();
    if let Ok(u) = vc.primary_userid()
        && !matches!(u.revocation_status(), RevocationStatus::Revoked(_))
    {
        let s = String::from_utf8_lossy(u.userid().value()).into_owned();
        seen.insert(s.clone());
        user_ids.push(s);
    }
    // The user IDs with a valid binding at `now`, as `vc.userids()` would yield them, but each
    // judged on its own: sequoia's valid amalgamation of a user ID checks the whole certificate
    // again, whose primary key's binding is found among all user IDs, so that iterator costs
    // the square of their number (4,000 user IDs took 14 s). The certificate itself was judged
    // once, above.
    for u in cert.userids() {
        if u.binding_signature(&p, now).is_err()
            || matches!(u.revocation_status(&p, now), RevocationStatus::Revoked(_))
        {
            continue;
        }
        let s = String::from_utf8_lossy(u.userid().value()).into_owned();
        if seen.insert(s.clone()) {
            user_ids.push(s);
        }
    }

    let mut subkeys = Vec::new();
    for ka in vc.keys().subkeys() {
        let (algorithm, bits, curve) = key_algo(ka.key());
        let flags = ka.key_flags();
        subkeys.push(SubkeyInfo {
            key: KeyFacts {
                fingerprint: self::fpr(&ka.key().fingerprint()),
                key_id: keyid_hex(&ka.key().fingerprint()),
                algorithm,
                bits,
                curve,
                created: to_ts(ka.key().creation_time()),
                expires: ka.key_expiration_time().map(to_ts),
            },
            usage: usage_letters(flags.as_ref()),
            for_signing: ka.for_signing() && algo_can_sign(ka.key().pk_algo()),
            revoked: match ka.revocation_status() {
                RevocationStatus::Revoked(sigs) => Some(
                    sigs.iter()
                        .filter_map(|s| s.signature_creation_time())
                        .min()
                        .map(to_ts)
                        .unwrap_or(Timestamp::UNIX_EPOCH),
                ),
                _ => None,
            },
        });
    }

    let can_sign = vc
        .keys()
        .for_signing()
        .alive()
        .revoked(false)
        .any(|ka| algo_can_sign(ka.key().pk_algo()))
        && vc.alive().is_ok()
        && revoked.is_none();

    Ok(KeyInfo {
        primary: KeyFacts {
            fingerprint: self::fpr(&fpr),
            key_id: keyid_hex(&fpr),
            algorithm,
            bits,
            curve,
            created: to_ts(primary.key().creation_time()),
            expires: primary.key_expiration_time().map(to_ts),
        },
        revoked,
        user_ids,
        usage: usage_letters(primary.key_flags().as_ref()),
        subkeys,
        can_sign,
        had_secret,
        armored: armor_public(cert)?,
    })
}
