//! Reading certificates: KEYS files, keyrings, secret key exports.

use std::time::SystemTime;

use jiff::Timestamp;
use sequoia_openpgp as openpgp;

use openpgp::Cert;
use openpgp::cert::CertParser;
use openpgp::parse::Parse;
use openpgp::types::{HashAlgorithm, PublicKeyAlgorithm};

use super::{KeyInfo, ParsedCert, PgpError, fpr_hex, key_info, to_st};

/// Reads every certificate in `bytes`, judged at the current system time.
///
/// Same as [`parse_keyring_at`] with `Timestamp::now()`; the time only
/// matters for `can_sign` and for which self-signatures are current.
pub fn parse_keyring(bytes: &[u8]) -> Result<Vec<ParsedCert>, PgpError> {
    parse_keyring_at(bytes, Timestamp::now())
}

/// Reads every certificate in `bytes`, judged at `now`.
///
/// Accepts one or many armored certificates, binary keyrings
/// (`gpg --export`), Apache KEYS files (free text and listings between armor
/// blocks) and secret key exports (the secret parts are stripped and
/// [`KeyInfo::had_secret`] is set).  Each armor block is read on its own, so
/// a broken block becomes a [`ParsedCert::Rejected`] entry without a
/// fingerprint instead of failing the whole file.
///
/// Expired and revoked keys are accepted (their status is reported); weak
/// keys (RSA/DSA primary under 2048 bits, SHA-1-only self-signatures) and
/// certificates without a valid user id or binding are rejected.
///
/// Returns [`PgpError::Malformed`] if the input is empty or holds no
/// readable certificate at all.
pub fn parse_keyring_at(bytes: &[u8], now: Timestamp) -> Result<Vec<ParsedCert>, PgpError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(PgpError::Malformed("empty input: no OpenPGP key".into()));
    }
    let now = to_st(now);
    let mut out = Vec::new();
    match armor_blocks(bytes) {
        Some(blocks) if !blocks.is_empty() => {
            for block in blocks {
                match block {
                    Ok(block) => parse_chunk(&block, now, &mut out, true),
                    Err(reason) => out.push(ParsedCert::Rejected {
                        fingerprint: None,
                        user_id: None,
                        reason,
                        key_ids: Vec::new(),
                    }),
                }
            }
        }
        Some(_) => {
            return Err(PgpError::Malformed(
                "the text holds no PGP PUBLIC/PRIVATE KEY BLOCK".into(),
            ));
        }
        None => parse_chunk(bytes, now, &mut out, false),
    }
    let any_cert = out.iter().any(|p| match p {
        ParsedCert::Accepted(_) => true,
        ParsedCert::Rejected { fingerprint, .. } => fingerprint.is_some(),
    });
    if !any_cert {
        let why = out
            .iter()
            .find_map(|p| match p {
                ParsedCert::Rejected { reason, .. } => Some(reason.clone()),
                ParsedCert::Accepted(_) => None,
            })
            .unwrap_or_else(|| "no certificate found".into());
        return Err(PgpError::Malformed(format!(
            "no readable OpenPGP key: {why}"
        )));
    }
    Ok(out)
}

/// Merges two versions of the same certificate (new revocation, new
/// expiry, new user id…) and describes the result at the current time.
///
/// Both inputs are armored (or binary) certificates; secret parts are
/// ignored.  Fails with [`PgpError::Malformed`] on unreadable input and
/// [`PgpError::Other`] if the fingerprints differ.
pub fn merge(existing_armored: &str, incoming_armored: &str) -> Result<KeyInfo, PgpError> {
    let read = |s: &str, what: &str| {
        Cert::from_bytes(s.as_bytes())
            .map(|c| c.strip_secret_key_material())
            .map_err(|e| PgpError::Malformed(format!("{what} certificate: {e}")))
    };
    let a = read(existing_armored, "existing")?;
    let b = read(incoming_armored, "incoming")?;
    if a.fingerprint() != b.fingerprint() {
        return Err(PgpError::Other(anyhow::anyhow!(
            "cannot merge different certificates {} and {}",
            fpr_hex(&a.fingerprint()),
            fpr_hex(&b.fingerprint())
        )));
    }
    let merged = a.merge_public(b)?;
    Ok(key_info_lenient(&merged, false, SystemTime::now())?)
}

/// Finds the key armor blocks of a text.  `None` if the input has no armor
/// header at all (binary or garbage).  Each block is returned with its
/// lines trimmed (indentation, CR) so sequoia's armor reader copes.
/// A block without END line is returned as `Err` (truncated).
fn armor_blocks(bytes: &[u8]) -> Option<Vec<Result<Vec<u8>, String>>> {
    const BEGIN: &[u8] = b"-----BEGIN PGP ";
    if !bytes.windows(BEGIN.len()).any(|w| w == BEGIN) {
        return None;
    }
    let mut blocks = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let mut skipping = false; // inside a non-key armor block
    for raw in bytes.split(|&b| b == b'\n') {
        let line = raw.trim_ascii();
        if let Some(block) = current.as_mut() {
            block.extend_from_slice(line);
            block.push(b'\n');
            if line.starts_with(b"-----END PGP ") {
                blocks.extend(current.take().map(Ok));
            }
            continue;
        }
        if skipping {
            skipping = !line.starts_with(b"-----END PGP ");
            continue;
        }
        if line.starts_with(BEGIN) {
            if line.ends_with(b"KEY BLOCK-----") {
                let mut block = line.to_vec();
                block.push(b'\n');
                current = Some(block);
            } else {
                skipping = true;
            }
        }
    }
    if current.is_some() {
        blocks.push(Err("truncated key block: no END line".to_string()));
    }
    Some(blocks)
}

/// Parses one chunk (an armor block or a binary keyring), appending one
/// entry per certificate, or one `Rejected` entry if nothing is readable.
fn parse_chunk(chunk: &[u8], now: SystemTime, out: &mut Vec<ParsedCert>, armored: bool) {
    let what = if armored { "key block" } else { "input" };
    let parser = match CertParser::from_bytes(chunk) {
        Ok(p) => p,
        Err(e) => {
            out.push(unreadable(what, &e));
            return;
        }
    };
    let before = out.len();
    let mut first_err: Option<anyhow::Error> = None;
    for item in parser {
        match item {
            Ok(cert) => out.push(evaluate(cert, now)),
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    // Errors in a chunk that yielded certificates are junk between them;
    // a chunk that yielded none is reported once.
    if out.len() == before {
        match first_err {
            Some(e) => out.push(unreadable(what, &e)),
            None => out.push(ParsedCert::Rejected {
                fingerprint: None,
                user_id: None,
                reason: format!("unreadable {what}: no certificate in it"),
                key_ids: Vec::new(),
            }),
        }
    }
}

fn unreadable(what: &str, e: &anyhow::Error) -> ParsedCert {
    ParsedCert::Rejected {
        fingerprint: None,
        user_id: None,
        reason: format!("unreadable {what}: {}", error_chain(e)),
        key_ids: Vec::new(),
    }
}

/// `e: cause: cause` on one line.
pub(crate) fn error_chain(e: &anyhow::Error) -> String {
    let mut s = e.to_string();
    for c in e.chain().skip(1) {
        s.push_str(": ");
        s.push_str(&c.to_string());
    }
    s
}

/// Accepts or rejects one certificate.
fn evaluate(cert: Cert, now: SystemTime) -> ParsedCert {
    let had_secret = cert.is_tsk();
    let cert = cert.strip_secret_key_material();
    let fingerprint = Some(super::fpr(&cert.fingerprint()));
    let user_id = cert
        .userids()
        .next()
        .map(|u| String::from_utf8_lossy(u.userid().value()).into_owned());
    let key_ids: Vec<String> = cert
        .keys()
        .map(|ka| ka.key().keyid().to_hex().to_uppercase())
        .collect();
    let reject = |reason: String| ParsedCert::Rejected {
        fingerprint: fingerprint.clone(),
        user_id: user_id.clone(),
        reason,
        key_ids: key_ids.clone(),
    };
    if let Some(reason) = version_refused(&cert) {
        return reject(reason);
    }
    if let Some(reason) = weakness(&cert) {
        return reject(reason);
    }
    match key_info_lenient(&cert, had_secret, now) {
        Ok(info) if info.user_ids.is_empty() => reject("no valid user id".into()),
        Ok(info) => ParsedCert::Accepted(info),
        Err(e) => reject(format!("no usable self-signature: {}", error_chain(&e))),
    }
}

/// Why relmgr refuses a certificate of another version than 4, if it is one.
///
/// A version 6 (RFC 9580) certificate in a KEYS file breaks that file for today's verifiers:
/// gpg 2.4 imports none of its keys and sqv and rnp refuse the whole keyring, so one such key
/// would stop every release of a project from being verified.
pub(crate) fn version_refused(cert: &Cert) -> Option<String> {
    match cert.primary_key().key().version() {
        4 => None,
        v => Some(format!(
            "a version {v} (RFC 9580) key: gpg 2.4, sqv and rnp cannot read a KEYS file that \
             holds one, so relmgr accepts only version 4 keys"
        )),
    }
}

/// Why a certificate is too weak for relmgr, if it is.
pub(crate) fn weakness(cert: &Cert) -> Option<String> {
    let key = cert.primary_key().key();
    #[allow(deprecated)]
    let family = match key.pk_algo() {
        PublicKeyAlgorithm::RSAEncryptSign
        | PublicKeyAlgorithm::RSASign
        | PublicKeyAlgorithm::RSAEncrypt => Some("RSA"),
        PublicKeyAlgorithm::DSA => Some("DSA"),
        _ => None,
    };
    if let Some(family) = family {
        let bits = key.mpis().bits().unwrap_or(0);
        if bits < 2048 {
            return Some(format!(
                "{family}-{bits} is too weak: relmgr requires RSA/DSA of at least 2048 bits"
            ));
        }
    }

    // Self-signatures that sequoia verified: user id bindings and direct
    // key signatures.
    let mut algos: Vec<HashAlgorithm> = cert
        .primary_key()
        .self_signatures()
        .map(|s| s.hash_algo())
        .collect();
    for u in cert.userids() {
        algos.extend(u.self_signatures().map(|s| s.hash_algo()));
    }
    if algos.is_empty() {
        return Some("no valid self-signature on any user id".into());
    }
    #[allow(deprecated)]
    let weak = |h: &HashAlgorithm| {
        matches!(
            h,
            HashAlgorithm::SHA1 | HashAlgorithm::MD5 | HashAlgorithm::RipeMD
        )
    };
    if algos.iter().all(weak) {
        if algos.iter().all(|h| *h == HashAlgorithm::SHA1) {
            return Some("self-signatures use only SHA-1".into());
        }
        return Some("self-signatures use only weak hashes (MD5/SHA-1/RIPEMD-160)".into());
    }
    None
}

/// [`key_info`] at `now`; if the certificate has no valid binding then
/// (e.g. `now` lies before its newest self-signature), retry at the time of
/// its newest self-signature.
pub(crate) fn key_info_lenient(
    cert: &Cert,
    had_secret: bool,
    now: SystemTime,
) -> anyhow::Result<KeyInfo> {
    match key_info(cert, had_secret, now) {
        Ok(i) => Ok(i),
        Err(e) => {
            let newest = cert
                .userids()
                .flat_map(|u| u.self_signatures())
                .chain(cert.primary_key().self_signatures())
                .filter_map(|s| s.signature_creation_time())
                .max();
            match newest {
                Some(t) if t != now => key_info(cert, had_secret, t).map_err(|_| e),
                _ => Err(e),
            }
        }
    }
}

/// A bare revocation certificate: the key revocation signature(s) of one primary key, without
/// the key's user IDs, as gpg writes it (`openpgp-revocs.d/<FPR>.rev`: one signature packet,
/// its armor header hidden behind a `:`) or `sq key revoke` does (the primary key and the
/// signature). It revokes a key already stored; see [`apply_revocation`].
pub struct RevocationCert {
    /// The key it names: fingerprints (upper hex) first, then key ids.
    pub issuers: Vec<String>,
    sigs: Vec<openpgp::packet::Signature>,
}

/// Reads `bytes` as a bare revocation certificate; `None` if they are anything else (a
/// certificate with user IDs, a keyring…), which [`parse_keyring`] then judges.
pub fn parse_revocation(bytes: &[u8]) -> Option<RevocationCert> {
    use openpgp::Packet;
    use openpgp::PacketPile;
    use openpgp::types::SignatureType;
    // gpg puts a ':' before the BEGIN line so that importing the file by accident does nothing.
    let text;
    let bytes = match bytes.windows(16).position(|w| w == b":-----BEGIN PGP ") {
        Some(at) => {
            text = [&bytes[..at], &bytes[at + 1..]].concat();
            &text[..]
        }
        None => bytes,
    };
    let pile = PacketPile::from_bytes(bytes).ok()?;
    let mut primary = None;
    let mut sigs = Vec::new();
    for p in pile.into_children() {
        match p {
            Packet::PublicKey(k) if primary.is_none() => primary = Some(k.fingerprint()),
            Packet::Signature(s) if s.typ() == SignatureType::KeyRevocation => sigs.push(s),
            Packet::Marker(_) | Packet::Trust(_) => {}
            _ => return None,
        }
    }
    if sigs.is_empty() {
        return None;
    }
    let mut issuers: Vec<String> = primary.iter().map(fpr_hex).collect();
    let handles = sigs.iter().flat_map(|s| s.get_issuers());
    let (fprs, ids): (Vec<_>, Vec<_>) =
        handles.partition(|h| matches!(h, openpgp::KeyHandle::Fingerprint(_)));
    for h in fprs.into_iter().chain(ids) {
        let hex = h.to_hex().to_uppercase();
        if !issuers.contains(&hex) {
            issuers.push(hex);
        }
    }
    Some(RevocationCert { issuers, sigs })
}

/// Adds the revocation `rev` to the stored certificate `existing_armored` and describes the
/// result at `now`. Fails with [`PgpError::Other`] when no signature of `rev` is a valid
/// revocation by that certificate's primary key.
pub fn apply_revocation(
    existing_armored: &str,
    rev: &RevocationCert,
    now: Timestamp,
) -> Result<KeyInfo, PgpError> {
    use openpgp::types::RevocationStatus;
    let cert = Cert::from_bytes(existing_armored.as_bytes())
        .map_err(|e| PgpError::Malformed(format!("stored certificate: {e}")))?
        .strip_secret_key_material();
    let fpr = fpr_hex(&cert.fingerprint());
    let (cert, _) = cert.insert_packets(rev.sigs.iter().cloned())?;
    // Canonicalization keeps only the signatures that verify: revoked now, or not at all.
    // Judged when the newest revocation was made if that is later than `now` (a clock behind
    // the signer's): a soft revocation only takes effect from its own time.
    let made = rev
        .sigs
        .iter()
        .filter_map(|s| s.signature_creation_time())
        .max();
    let at = made.map_or(to_st(now), |t| t.max(to_st(now)));
    let p = super::policy();
    if !matches!(cert.revocation_status(&p, at), RevocationStatus::Revoked(_)) {
        return Err(PgpError::Other(anyhow::anyhow!(
            "the revocation certificate does not verify against key {fpr}"
        )));
    }
    Ok(key_info_lenient(&cert, false, at)?)
}
