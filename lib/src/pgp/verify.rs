//! Verifying detached signatures against a keyring.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, SystemTime};

use jiff::Timestamp;
use sequoia_openpgp as openpgp;

use openpgp::cert::prelude::*;
use openpgp::crypto::hash::{self, Hash as _};
use openpgp::packet::Signature;
use openpgp::parse::Parse;
use openpgp::policy::{HashAlgoSecurity, Policy};
use openpgp::types::{HashAlgorithm, RevocationStatus, SignatureType};
use openpgp::{Cert, KeyHandle, KeyID};

use super::detached::parse_signatures;
use super::import::error_chain;
use super::sign::v4_trailer;
use super::{ParsedCert, PgpError, fpr_hex, parse_keyring, policy, to_st, to_ts};
use crate::digest::{self, Sha512};

/// Read buffer for streaming the signed data.
const BUF_SIZE: usize = 1 << 20;

/// A signature's creation time may lie this far in the future of `now`
/// (clock skew between machines).
const CLOCK_SKEW: Duration = Duration::from_secs(60);

/// Outcome of checking a detached signature.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum SigCheck {
    /// The signature is valid and made by a key of the keyring that was
    /// valid (alive, not revoked) when the signature was made.
    Good {
        /// The certificate (primary key) the signature is attributed to.
        primary_fingerprint: crate::model::Fingerprint,
        /// The (sub)key that made it.
        signer_fingerprint: crate::model::Fingerprint,
        /// Signature creation time.
        created: Timestamp,
    },
    /// The signature does not hold: data mismatch, malformed signature,
    /// key expired or revoked at signing time, signature older than the
    /// key, unreadable data…
    Bad {
        /// For humans.
        reason: String,
    },
    /// The signature was made by a key that is not in the keyring.
    UnknownKey {
        /// Issuer fingerprint (or key id) as upper hex.
        issuer: String,
    },
}

/// Certificates to verify signatures against, parsed once and indexed by
/// the key ids of primary keys and subkeys.
#[derive(Debug, Clone, Default)]
pub struct Keyring {
    pub(super) certs: Vec<Cert>,
    pub(super) by_keyid: HashMap<KeyID, Vec<usize>>,
    /// Key ids of the certificates a KEYS file held but relmgr refused, with the reason: a
    /// signature by one is told as made by a rejected key, not by an unknown one.
    pub(super) rejected: HashMap<KeyID, String>,
}

impl Keyring {
    /// Builds a keyring from armored (or binary) certificates, e.g. the
    /// ones stored from [`super::KeyInfo::armored`].  Fails with
    /// [`PgpError::Malformed`] on the first unreadable one.
    pub fn new<I, S>(certs: I) -> Result<Self, PgpError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut ring = Keyring::default();
        for (i, armored) in certs.into_iter().enumerate() {
            let cert = Cert::from_bytes(armored.as_ref().as_bytes()).map_err(|e| {
                PgpError::Malformed(format!("certificate #{}: {}", i + 1, error_chain(&e)))
            })?;
            ring.add(cert);
        }
        Ok(ring)
    }

    /// Builds a keyring from the certificates of `certs` that can be read, passing over the
    /// others: for a history, where one unreadable certificate (a hand-made key event) must not
    /// leave every other key out.
    pub fn from_readable<I, S>(certs: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut ring = Keyring::default();
        for armored in certs {
            if let Ok(cert) = Cert::from_bytes(armored.as_ref().as_bytes()) {
                ring.add(cert);
            }
        }
        ring
    }

    /// Builds a keyring from a KEYS file or keyring; only the certificates
    /// [`parse_keyring`] accepts are used (a signature by a rejected, e.g.
    /// weak, key is [`SigCheck::Bad`] with the reason it was rejected).
    pub fn from_keys_file(bytes: &[u8]) -> Result<Self, PgpError> {
        let mut ring = Keyring::default();
        for parsed in parse_keyring(bytes)? {
            match parsed {
                ParsedCert::Accepted(info) => {
                    let cert = Cert::from_bytes(info.armored.as_bytes())?;
                    ring.add(cert);
                }
                ParsedCert::Rejected {
                    reason, key_ids, ..
                } => {
                    for id in key_ids {
                        if let Ok(id) = id.parse::<KeyID>() {
                            ring.rejected.entry(id).or_insert_with(|| reason.clone());
                        }
                    }
                }
            }
        }
        Ok(ring)
    }

    /// Adds one certificate (secret parts are dropped).
    fn add(&mut self, cert: Cert) {
        let cert = cert.strip_secret_key_material();
        let idx = self.certs.len();
        for ka in cert.keys() {
            let ids = self.by_keyid.entry(ka.key().keyid()).or_default();
            if !ids.contains(&idx) {
                ids.push(idx);
            }
        }
        self.certs.push(cert);
    }

    /// Number of certificates.
    pub fn len(&self) -> usize {
        self.certs.len()
    }

    /// Whether the keyring is empty.
    pub fn is_empty(&self) -> bool {
        self.certs.is_empty()
    }

    /// Primary fingerprints of the certificates, in insertion order.
    pub fn fingerprints(&self) -> Vec<String> {
        self.certs
            .iter()
            .map(|c| fpr_hex(&c.fingerprint()))
            .collect()
    }

    /// Verifies the detached `signature` (armored or binary) over the data
    /// read from `data` (streamed with a 1 MiB buffer).
    ///
    /// The key's validity is judged at the signature's creation time: a
    /// hard revocation (compromised, unspecified) voids every signature, a
    /// soft one (superseded, retired) only later ones.  `now` bounds the
    /// signature's own validity (expiry, creation in the future).
    ///
    /// With several signatures in `signature`, the verdict is gpg's
    /// ([`judge`]): any bad one makes it bad.
    pub fn verify_detached(
        &self,
        signature: &[u8],
        data: &mut dyn Read,
        now: Timestamp,
    ) -> SigCheck {
        let mut hasher = DetachedHasher::new(signature);
        if hasher.wants_data() {
            let mut buf = vec![0u8; BUF_SIZE];
            loop {
                match data.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => hasher.update(&buf[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return bad(format!("cannot read the signed data: {e}")),
                }
            }
        }
        self.check(&hasher.finish(), now)
    }

    /// [`verify_detached`](Self::verify_detached) over data in memory (an event's record): no
    /// read buffer to allocate and clear for each of thousands of small signatures.
    pub fn verify_detached_bytes(&self, signature: &[u8], data: &[u8], now: Timestamp) -> SigCheck {
        let mut hasher = DetachedHasher::new(signature);
        if hasher.wants_data() {
            hasher.update(data);
        }
        self.check(&hasher.finish(), now)
    }

    /// gpg's verdict ([`judge`]) on signatures whose data has been hashed
    /// by a [`DetachedHasher`].
    pub fn check(&self, hashed: &HashedSignatures, now: Timestamp) -> SigCheck {
        judge(&self.check_each(hashed, now))
    }

    /// The verdict on each signature packet whose data has been hashed by a
    /// [`DetachedHasher`], in the file's order.  A file that holds no
    /// signature or cannot be read is one [`SigCheck::Bad`].
    pub fn check_each(&self, hashed: &HashedSignatures, now: Timestamp) -> Vec<SigCheck> {
        let sigs = match &hashed.sigs {
            Ok(s) if s.is_empty() => return vec![bad("the signature file holds no signature")],
            Ok(s) => s,
            Err(e) => return vec![bad(format!("malformed signature: {e}"))],
        };
        let now = to_st(now);
        sigs.iter()
            .zip(&hashed.digests)
            .map(|(sig, digest)| match digest {
                Ok(d) => self.check_one(sig, d, now),
                Err(reason) => bad(reason.clone()),
            })
            .collect()
    }

    /// [`verify_detached`](Self::verify_detached) over a file.  An
    /// unreadable file is [`SigCheck::Bad`].
    pub fn verify_detached_path(&self, signature: &[u8], path: &Path, now: Timestamp) -> SigCheck {
        match std::fs::File::open(path) {
            Ok(mut f) => self.verify_detached(signature, &mut f, now),
            Err(e) => bad(format!("cannot read {}: {e}", path.display())),
        }
    }

    /// Checks one signature against `digest`, the hash it covers.
    fn check_one(&self, sig: &Signature, digest: &[u8], now: SystemTime) -> SigCheck {
        // gpg --textmode makes Text signatures; gpg, sqv and rnp accept them over the same
        // data (its line endings normalized while hashing, see DetachedHasher).
        if !matches!(sig.typ(), SignatureType::Binary | SignatureType::Text) {
            return bad(format!(
                "unsupported signature type {} (relmgr checks binary and text signatures)",
                sig.typ()
            ));
        }
        let Some(created) = sig.signature_creation_time() else {
            return bad("the signature has no creation time");
        };
        let issuers = sig.get_issuers();
        let Some(first_issuer) = issuers.first() else {
            return SigCheck::UnknownKey {
                issuer: "(the signature names no issuer)".into(),
            };
        };
        let mut candidates: Vec<usize> = Vec::new();
        for h in &issuers {
            let id = KeyID::from(h);
            for &i in self.by_keyid.get(&id).map(Vec::as_slice).unwrap_or(&[]) {
                if !candidates.contains(&i) {
                    candidates.push(i);
                }
            }
        }
        if candidates.is_empty() {
            if let Some((id, reason)) = issuers
                .iter()
                .find_map(|h| self.rejected.get_key_value(&KeyID::from(h)))
            {
                return bad(format!(
                    "key {} is in the keyring but rejected: {reason}",
                    id.to_hex().to_uppercase()
                ));
            }
            let issuer = issuers
                .iter()
                .find(|h| matches!(h, KeyHandle::Fingerprint(_)))
                .unwrap_or(first_issuer);
            return SigCheck::UnknownKey {
                issuer: issuer.to_hex().to_uppercase(),
            };
        }

        let mut result = None;
        for i in candidates {
            let cert = &self.certs[i];
            for ka in cert.keys().key_handles(issuers.iter()) {
                let r = check_with(cert, ka.key(), sig, digest, created, now);
                if matches!(r, SigCheck::Good { .. }) {
                    return r;
                }
                result.get_or_insert(r);
            }
        }
        result.unwrap_or_else(|| SigCheck::UnknownKey {
            issuer: first_issuer.to_hex().to_uppercase(),
        })
    }
}

/// Hashes the data of a detached signature as it streams by, for every
/// signature the file holds; [`Keyring::check`] then judges them.
///
/// Version 4 binary signatures over SHA-512 (what relmgr, gpg and most release
/// managers make) share one fast SHA-512 state ([`Sha512`], OpenSSL's
/// libcrypto), which also yields the data's plain SHA-512, so a caller
/// that needs the `.sha512` too hashes once.  Other algorithms and
/// versions get a sequoia hash context each (one per algorithm, salt and
/// mode).  Text signatures (`gpg --textmode`) hash the data with its line
/// endings made CRLF (RFC 9580 §5.2.1.2) as gpg makes them: each LF not
/// already after a CR; a lone CR stays as it is.
/// A [`digest::Sink`]: it can run on a hashing thread beside the reader.
pub struct DetachedHasher {
    sigs: Result<Vec<Signature>, String>,
    sha512: Sha512,
    others: Vec<Other>,
    slots: Vec<Slot>,
    /// Text mode: the data's line endings made CRLF (reused for each chunk), and whether the
    /// previous chunk ended in CR (a CRLF split across two chunks is one line ending).
    text: Vec<u8>,
    last_was_cr: bool,
}

/// A sequoia hash context for the signatures of one algorithm, salt and mode.
struct Other {
    algo: HashAlgorithm,
    salt: Option<Vec<u8>>,
    text: bool,
    ctx: hash::Context,
}

/// Where one signature's data is hashed.
enum Slot {
    /// The shared SHA-512 state (v4, SHA-512).
    Fast,
    /// `others[i]`.
    Other(usize),
    /// Cannot be hashed: the reason.
    Unsupported(String),
}

/// What a [`DetachedHasher`] produced: the signatures, the digest each
/// one covers, and the data's plain SHA-512.
pub struct HashedSignatures {
    pub(super) sigs: Result<Vec<Signature>, String>,
    pub(super) digests: Vec<Result<Vec<u8>, String>>,
    sha512: [u8; 64],
}

impl HashedSignatures {
    /// The plain SHA-512 of the data.
    pub fn sha512(&self) -> [u8; 64] {
        self.sha512
    }
}

impl DetachedHasher {
    /// Parses `signature` (armored or binary, one or more signature
    /// packets).  An unreadable file is reported by [`Keyring::check`].
    pub fn new(signature: &[u8]) -> Self {
        let mut h = DetachedHasher {
            sigs: parse_signatures(signature).map_err(|e| error_chain(&e)),
            sha512: Sha512::new(),
            others: Vec::new(),
            slots: Vec::new(),
            text: Vec::new(),
            last_was_cr: false,
        };
        let sigs = std::mem::replace(&mut h.sigs, Ok(Vec::new()));
        for sig in sigs.as_deref().unwrap_or_default() {
            let algo = sig.hash_algo();
            let text = sig.typ() == SignatureType::Text;
            if sig.version() == 4 && algo == HashAlgorithm::SHA512 && !text {
                h.slots.push(Slot::Fast);
                continue;
            }
            let salt = sig.salt().map(|s| s.to_vec());
            if let Some(i) = h
                .others
                .iter()
                .position(|o| o.algo == algo && o.salt == salt && o.text == text)
            {
                h.slots.push(Slot::Other(i));
                continue;
            }
            match algo.context() {
                Ok(b) => {
                    let mut ctx = b.for_signature(sig.version());
                    if let Some(s) = &salt {
                        ctx.update(s);
                    }
                    h.others.push(Other {
                        algo,
                        salt,
                        text,
                        ctx,
                    });
                    h.slots.push(Slot::Other(h.others.len() - 1));
                }
                Err(e) => h.slots.push(Slot::Unsupported(format!(
                    "unsupported hash algorithm {algo}: {}",
                    error_chain(&e)
                ))),
            }
        }
        h.sigs = sigs;
        h
    }

    /// Whether any signature can be checked, i.e. reading the data is of
    /// use for the verdict.
    fn wants_data(&self) -> bool {
        self.slots
            .iter()
            .any(|s| !matches!(s, Slot::Unsupported(_)))
    }

    /// Hashes the next bytes of the data.
    pub fn update(&mut self, data: &[u8]) {
        self.sha512.update(data);
        if self.others.iter().any(|o| o.text) {
            self.text.clear();
            for &b in data {
                if b == b'\n' && !self.last_was_cr {
                    self.text.push(b'\r');
                }
                self.text.push(b);
                self.last_was_cr = b == b'\r';
            }
        }
        for o in &mut self.others {
            o.ctx.update(if o.text { &self.text } else { data });
        }
    }

    /// Completes every signature's digest.
    pub fn finish(self) -> HashedSignatures {
        let sigs = match &self.sigs {
            Ok(sigs) => sigs.as_slice(),
            Err(_) => &[],
        };
        let digests = sigs
            .iter()
            .zip(&self.slots)
            .map(|(sig, slot)| match slot {
                Slot::Fast => {
                    let mut state = self.sha512.clone();
                    v4_trailer(sig.typ(), sig.pk_algo(), sig.hash_algo(), sig.hashed_area())
                        .map(|t| {
                            state.update(&t);
                            state.finish().to_vec()
                        })
                        .map_err(|e| format!("malformed signature: {e}"))
                }
                Slot::Other(i) => {
                    let mut ctx = self.others[*i].ctx.clone();
                    sig.hash(&mut ctx)
                        .and_then(|_| ctx.into_digest())
                        .map_err(|e| format!("malformed signature: {}", error_chain(&e)))
                }
                Slot::Unsupported(reason) => Err(reason.clone()),
            })
            .collect();
        HashedSignatures {
            digests,
            sha512: self.sha512.finish(),
            sigs: self.sigs,
        }
    }
}

impl digest::Sink for DetachedHasher {
    type Output = HashedSignatures;
    fn update(&mut self, data: &[u8]) {
        DetachedHasher::update(self, data);
    }
    fn finish(self) -> HashedSignatures {
        DetachedHasher::finish(self)
    }
}

/// gpg's verdict on the signatures of one file (SPEC §4): any bad signature
/// makes it bad (the first bad one is told); else any good one by a known
/// key makes it good (the first); signatures by unknown keys alone give the
/// first unknown key; no signature at all is bad.
pub fn judge(checks: &[SigCheck]) -> SigCheck {
    let first = |f: fn(&SigCheck) -> bool| checks.iter().find(|c| f(c)).cloned();
    first(|c| matches!(c, SigCheck::Bad { .. }))
        .or_else(|| first(|c| matches!(c, SigCheck::Good { .. })))
        .or_else(|| first(|c| matches!(c, SigCheck::UnknownKey { .. })))
        .unwrap_or_else(|| bad("the signature file holds no signature"))
}

/// The signature's mathematics failed: gpg's BADSIG, which names the key (its id: for a v6 key
/// the first 16 hex digits of the fingerprint, for a v4 key the last 16).
pub(super) fn mismatch(key: &KeyID, why: &str) -> SigCheck {
    bad(format!(
        "the signature by key {} does not match the data: {why}",
        key.to_hex().to_uppercase()
    ))
}

pub(super) fn bad(reason: impl Into<String>) -> SigCheck {
    SigCheck::Bad {
        reason: reason.into(),
    }
}

/// Checks `sig` against one key of `cert`.
fn check_with<R: openpgp::packet::key::KeyRole>(
    cert: &Cert,
    key: &openpgp::packet::Key<openpgp::packet::key::PublicParts, R>,
    sig: &Signature,
    digest: &[u8],
    created: SystemTime,
    now: SystemTime,
) -> SigCheck {
    if let Some(predates) = predates_key(key, created) {
        return predates;
    }
    if let Err(e) = sig.verify_digest(key, digest) {
        return mismatch(&key.keyid(), &error_chain(&e));
    }
    validity(cert, key, sig, created, now)
}

/// [`SigCheck::Bad`] when the signature was made before its key existed.
fn predates_key<R: openpgp::packet::key::KeyRole>(
    key: &openpgp::packet::Key<openpgp::packet::key::PublicParts, R>,
    created: SystemTime,
) -> Option<SigCheck> {
    (created < key.creation_time()).then(|| {
        bad(format!(
            "the signature ({}) was made before the key existed ({})",
            to_ts(created),
            to_ts(key.creation_time())
        ))
    })
}

/// Everything [`check_with`] judges but the cryptography: the signature's own policy and
/// lifetime, and the key's validity when it was made. [`SigCheck::Good`] if all hold, so
/// that a signature whose mathematics holds too is good.
pub(super) fn validity<R: openpgp::packet::key::KeyRole>(
    cert: &Cert,
    key: &openpgp::packet::Key<openpgp::packet::key::PublicParts, R>,
    sig: &Signature,
    created: SystemTime,
    now: SystemTime,
) -> SigCheck {
    if let Some(predates) = predates_key(key, created) {
        return predates;
    }
    let when = to_ts(created);
    let p = policy();
    if let Err(e) = p.signature(sig, HashAlgoSecurity::CollisionResistance) {
        return bad(format!("the signature is too weak: {}", error_chain(&e)));
    }
    if let Err(e) = sig.signature_alive(now, CLOCK_SKEW) {
        return bad(format!(
            "the signature is not valid now (expired or made in the future): {}",
            error_chain(&e)
        ));
    }
    let vc = match cert.with_policy(&p, created) {
        Ok(vc) => vc,
        Err(e) => {
            return bad(format!(
                "the key was not valid when the signature was made ({when}): {}",
                error_chain(&e)
            ));
        }
    };
    if let RevocationStatus::Revoked(revs) = vc.revocation_status() {
        let why = revs
            .first()
            .map(|r| super::revocation_reason(r))
            .unwrap_or_default();
        return bad(format!("the key is revoked ({why})"));
    }
    if let Err(e) = vc.alive() {
        return bad(format!(
            "the key had expired when the signature was made ({when}): {}",
            error_chain(&e)
        ));
    }
    let Some(ka) = vc.keys().key_handle(key.fingerprint()).next() else {
        return bad("the signing subkey has no valid binding at signature time");
    };
    if !ka.for_signing() {
        return bad("the signing key is not marked for signing");
    }
    if let RevocationStatus::Revoked(revs) = ka.revocation_status() {
        let why = revs
            .first()
            .map(|r| super::revocation_reason(r))
            .unwrap_or_default();
        return bad(format!("the signing subkey is revoked ({why})"));
    }
    if let Err(e) = ka.alive() {
        return bad(format!(
            "the signing subkey had expired when the signature was made ({when}): {}",
            error_chain(&e)
        ));
    }
    SigCheck::Good {
        primary_fingerprint: super::fpr(&cert.fingerprint()),
        signer_fingerprint: super::fpr(&key.fingerprint()),
        created: when,
    }
}
