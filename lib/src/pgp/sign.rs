//! Keys that sign: generation, loading secret keys, detached signatures.

use std::fmt;

use jiff::Timestamp;
use sequoia_openpgp as openpgp;

use openpgp::Cert;
use openpgp::cert::prelude::*;
use openpgp::crypto::{KeyPair, Password, Signer as _};
use openpgp::packet::prelude::*;
use openpgp::packet::signature::subpacket::SubpacketArea;
use openpgp::parse::Parse;
use openpgp::serialize::SerializeInto;
use openpgp::types::{
    HashAlgorithm, KeyFlags, PublicKeyAlgorithm, RevocationStatus, SignatureType,
};

use super::import::error_chain;
use super::{KeyInfo, PgpError, algo_can_sign, fpr_hex, key_info, policy, to_st};
use crate::digest::Sha512;

/// Generates a new key: an Ed25519 primary key that can certify and sign,
/// created at `now`, without expiry and without subkeys, with `user_id`,
/// protected by `passphrase` if one is given.
///
/// Returns the ASCII-armored transferable secret key (importable with
/// `gpg --import`) and the [`KeyInfo`] of its public part (`had_secret`
/// is `false`: the info describes the public certificate).
pub fn generate(
    user_id: &str,
    passphrase: Option<&str>,
    now: Timestamp,
) -> Result<(String, KeyInfo), PgpError> {
    if user_id.trim().is_empty() {
        return Err(PgpError::Other(anyhow::anyhow!("the user id is empty")));
    }
    let (cert, _revocation) = CertBuilder::new()
        .set_cipher_suite(CipherSuite::Cv25519)
        .set_creation_time(to_st(now))
        .set_primary_key_flags(KeyFlags::empty().set_certification().set_signing())
        .set_validity_period(None)
        .add_userid(user_id)
        .set_password(passphrase.map(Password::from))
        .generate()?;
    let secret = String::from_utf8(cert.as_tsk().armored().to_vec()?)
        .map_err(|e| PgpError::Other(e.into()))?;
    let public = cert.strip_secret_key_material();
    let info = key_info(&public, false, to_st(now))?;
    Ok((secret, info))
}

/// A secret key ready to sign: the (public) certificate and the unlocked
/// key pair of one signing-capable key (the primary or a subkey).
///
/// `Send + Sync`: share it (`&SigningKey`) between worker threads.
#[derive(Clone)]
pub struct SigningKey {
    cert: Cert,
    keypair: KeyPair,
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("primary", &self.primary_fingerprint())
            .field("signing", &self.signing_fingerprint())
            .finish_non_exhaustive()
    }
}

impl SigningKey {
    /// Fingerprint (40 upper hex) of the certificate's primary key.
    pub fn primary_fingerprint(&self) -> String {
        fpr_hex(&self.cert.fingerprint())
    }

    /// Fingerprint (40 upper hex) of the key that actually signs (the
    /// primary or a signing subkey).
    pub fn signing_fingerprint(&self) -> String {
        fpr_hex(&self.keypair.public().fingerprint())
    }

    /// The public certificate, ASCII-armored.
    pub fn public_armored(&self) -> Result<String, PgpError> {
        super::armor_public(&self.cert)
    }

    /// Completes `state` (SHA-512 of the data so far) into an armored
    /// detached binary signature (v4, SHA-512) made at `time`.
    fn sign_prehashed(&self, state: Sha512, time: Timestamp) -> Result<String, PgpError> {
        let t = to_st(time);
        let public = self.keypair.public();
        if t < public.creation_time() {
            return Err(PgpError::Other(anyhow::anyhow!(
                "cannot sign at {time}: the key {} was created later, at {}",
                fpr_hex(&public.fingerprint()),
                super::to_ts(public.creation_time())
            )));
        }
        if public.version() != 4 {
            return Err(PgpError::Other(anyhow::anyhow!(
                "only version 4 keys can sign (this key is version {})",
                public.version()
            )));
        }
        let p = policy();
        let vc = self.cert.with_policy(&p, t).map_err(|e| {
            PgpError::Other(anyhow::anyhow!(
                "the key is not valid at {time}: {}",
                error_chain(&e)
            ))
        })?;
        let usable = vc.alive().is_ok()
            && !matches!(vc.revocation_status(), RevocationStatus::Revoked(_))
            && vc
                .keys()
                .key_handle(public.fingerprint())
                .for_signing()
                .alive()
                .revoked(false)
                .next()
                .is_some();
        if !usable {
            return Err(PgpError::Other(anyhow::anyhow!(
                "the signing key is expired, revoked or not signing-capable at {time}"
            )));
        }
        // What sequoia's `SignatureBuilder::sign_hash` does, with the data
        // hashed by our own SHA-512 state: complete the builder (issuer,
        // issuer fingerprint, salt notation), hash its v4 trailer after
        // the data, and sign the digest.
        let mut signer = self.keypair.clone();
        let builder = SignatureBuilder::new(SignatureType::Binary)
            .set_hash_algo(HashAlgorithm::SHA512)
            .set_signature_creation_time(t)?
            .pre_sign(&signer)?;
        let pk_algo = public.pk_algo();
        let mut state = state;
        state.update(&v4_trailer(
            builder.typ(),
            pk_algo,
            HashAlgorithm::SHA512,
            builder.hashed_area(),
        )?);
        let digest = state.finish();
        let mpis = signer.sign(HashAlgorithm::SHA512, &digest)?;
        let sig = Signature4::new(
            builder.typ(),
            pk_algo,
            HashAlgorithm::SHA512,
            builder.hashed_area().clone(),
            builder.unhashed_area().clone(),
            [digest[0], digest[1]],
            mpis,
        );
        armor_signature(sig.into())
    }
}

/// Serializes a signature as an armored `PGP SIGNATURE` block.
pub(super) fn armor_signature(sig: Signature) -> Result<String, PgpError> {
    super::detached::armor_signatures(vec![sig])
}

/// Loads a transferable secret key (armored or binary) for signing at
/// `now`.
///
/// Picks, like gpg, the newest signing-capable subkey (or else the primary
/// key) that is alive and not revoked at `now` and has secret material.  Unencrypted keys are
/// used as they are; only if every candidate is encrypted is `passphrase`
/// called (once).
///
/// Errors: unreadable input → [`PgpError::Malformed`]; a public key only →
/// `Malformed("… holds no secret key")`; a key of another version than 4 →
/// `Malformed` (see [`super::import::version_refused`]); no usable signing key →
/// [`PgpError::NotSigningCapable`]; callback failure or wrong passphrase →
/// [`PgpError::Passphrase`].
pub fn load_signing_key(
    bytes: &[u8],
    passphrase: &mut dyn FnMut() -> anyhow::Result<String>,
    now: Timestamp,
) -> Result<SigningKey, PgpError> {
    load_signing_key_named(bytes, &mut |_: &str| passphrase(), now)
}

/// [`load_signing_key`], telling `passphrase` which key it unlocks: the primary user ID and
/// the key id, e.g. `alice <alice@example.org> (key id 0123456789ABCDEF)` (untrusted text:
/// escape it before printing).
pub fn load_signing_key_named(
    bytes: &[u8],
    passphrase: &mut dyn FnMut(&str) -> anyhow::Result<String>,
    now: Timestamp,
) -> Result<SigningKey, PgpError> {
    let cert = Cert::from_bytes(bytes)
        .map_err(|e| PgpError::Malformed(format!("not an OpenPGP key: {}", error_chain(&e))))?;
    if !cert.is_tsk() {
        return Err(PgpError::Malformed(format!(
            "the key {} holds no secret key (this is a public key)",
            fpr_hex(&cert.fingerprint())
        )));
    }
    if let Some(reason) = super::import::version_refused(&cert) {
        return Err(PgpError::Malformed(format!(
            "the key {} is {reason}",
            fpr_hex(&cert.fingerprint())
        )));
    }
    let p = policy();
    let vc = cert
        .with_policy(&p, to_st(now))
        .map_err(|_| PgpError::NotSigningCapable)?;
    if vc.alive().is_err() || matches!(vc.revocation_status(), RevocationStatus::Revoked(_)) {
        return Err(PgpError::NotSigningCapable);
    }
    let mut candidates: Vec<Key<key::SecretParts, key::UnspecifiedRole>> = vc
        .keys()
        .for_signing()
        .alive()
        .revoked(false)
        .secret()
        .filter(|ka| algo_can_sign(ka.key().pk_algo()))
        .map(|ka| ka.key().clone())
        .collect();
    if candidates.is_empty() {
        return Err(PgpError::NotSigningCapable);
    }
    // Like gpg: the newest signing subkey, the primary only if there is none.
    let primary_fpr = cert.fingerprint();
    candidates.sort_by_key(|k| {
        (
            k.fingerprint() == primary_fpr,
            std::cmp::Reverse(k.creation_time()),
        )
    });
    let public = cert.clone().strip_secret_key_material();

    for k in &candidates {
        if !k.secret().is_encrypted() {
            let keypair = k.clone().into_keypair()?;
            return Ok(SigningKey {
                cert: public,
                keypair,
            });
        }
    }
    let key_id = crate::model::Fingerprint::from_computed(fpr_hex(&primary_fpr))
        .key_id()
        .to_string();
    let label = match vc.primary_userid() {
        Ok(u) => format!(
            "{} (key id {key_id})",
            String::from_utf8_lossy(u.userid().value())
        ),
        Err(_) => format!("key id {key_id}"),
    };
    let password = passphrase(&label)
        .map_err(|e| PgpError::Passphrase(format!("no passphrase: {}", error_chain(&e))))?;
    let password = Password::from(password);
    for k in candidates {
        if let Ok(k) = k.decrypt_secret(&password) {
            let keypair = k.into_keypair()?;
            return Ok(SigningKey {
                cert: public,
                keypair,
            });
        }
    }
    Err(PgpError::Passphrase(format!(
        "wrong passphrase for key {}",
        fpr_hex(&cert.fingerprint())
    )))
}

/// Hashes a file once for both its SHA-512 checksum and its detached
/// signature.
///
/// Holds relmgr's fast SHA-512 state ([`Sha512`], OpenSSL's libcrypto)
/// rather than a sequoia hash context: a v4 signature over SHA-512 is the
/// SHA-512 of the data followed by the signature's trailer, so one state
/// gives both.  Feed the data with [`update`](Self::update);
/// [`finish`](Self::finish) clones the state: one copy yields the plain
/// SHA-512 digest, the other is completed into a v4 binary signature.
/// `Send`: it can run on a worker thread.
#[derive(Clone, Debug, Default)]
pub struct Sha512Signing {
    state: Sha512,
}

impl Sha512Signing {
    /// A fresh SHA-512 state.
    pub fn new() -> Self {
        Self::default()
    }

    /// Hashes more data.
    pub fn update(&mut self, data: &[u8]) {
        self.state.update(data);
    }

    /// Returns the plain SHA-512 of all data, and, if `key` is given, an
    /// ASCII-armored detached signature (binary type, v4, SHA-512) made at
    /// `time`.
    ///
    /// Fails if `time` lies before the signing key's creation, or the key
    /// is not valid (expired, revoked) at `time`.
    pub fn finish(
        self,
        key: Option<&SigningKey>,
        time: Timestamp,
    ) -> Result<([u8; 64], Option<String>), PgpError> {
        let digest = self.state.clone().finish();
        let sig = match key {
            Some(k) => Some(k.sign_prehashed(self.state, time)?),
            None => None,
        };
        Ok((digest, sig))
    }
}

/// The bytes a version 4 signature hashes after the data (RFC 9580
/// §5.2.4): version, type, public-key and hash algorithm, the hashed
/// subpacket area with its length, then `04 FF` and the length of all
/// that as a 32-bit big-endian number.  Sequoia computes the same inside
/// its hash contexts (`impl Hash for Signature4`); a unit test holds the
/// two equal.
pub(super) fn v4_trailer(
    typ: SignatureType,
    pk_algo: PublicKeyAlgorithm,
    hash_algo: HashAlgorithm,
    hashed_area: &SubpacketArea,
) -> Result<Vec<u8>, PgpError> {
    let area = openpgp::serialize::MarshalInto::to_vec(hashed_area)?;
    let area_len = u16::try_from(area.len()).map_err(|_| {
        PgpError::Other(anyhow::anyhow!(
            "the hashed subpacket area is too large ({} bytes)",
            area.len()
        ))
    })?;
    let mut t = Vec::with_capacity(area.len() + 12);
    t.extend_from_slice(&[4, typ.into(), pk_algo.into(), hash_algo.into()]);
    t.extend_from_slice(&area_len.to_be_bytes());
    t.extend_from_slice(&area);
    t.extend_from_slice(&[4, 0xff]);
    t.extend_from_slice(&(6 + u32::from(area_len)).to_be_bytes());
    Ok(t)
}

/// Signs a small payload (a vote, `snapshot.json`): an ASCII-armored
/// detached binary signature (v4, SHA-512) made at `time`.
pub fn sign_detached(key: &SigningKey, data: &[u8], time: Timestamp) -> Result<String, PgpError> {
    let mut h = Sha512Signing::new();
    h.update(data);
    let (_, sig) = h.finish(Some(key), time)?;
    sig.ok_or_else(|| PgpError::Other(anyhow::anyhow!("no signature was made")))
}

/// Checked when compiled, never run: a hasher moves to a worker thread, a key is shared by them.
const _: fn() = || {
    fn send<T: Send>() {}
    fn sync<T: Sync>() {}
    send::<Sha512Signing>();
    send::<SigningKey>();
    sync::<SigningKey>();
};

#[cfg(test)]
impl SigningKey {
    /// A signing key from a certificate and a key pair, unchecked.
    pub(super) fn for_tests(cert: &Cert, keypair: KeyPair) -> Self {
        SigningKey {
            cert: cert.clone().strip_secret_key_material(),
            keypair,
        }
    }
}
