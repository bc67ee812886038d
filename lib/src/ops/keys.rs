//! Public signing keys: import (certificates, keyrings, whole Apache KEYS files), list, show,
//! retire, KEYS export, generation, and the one loader of secret keys for signing that every
//! signing command uses. Certificates are stored in the index (and mirrored as
//! `keys/<FINGERPRINT>.asc`); secret key material is never stored.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::Serialize;
use serde_json::json;

use crate::clock;
use crate::error::Error;
use crate::machine::access;
use crate::machine::index::key_record;
use crate::model::event::{Change, ImportedKey};
use crate::model::{Time, UserId};
use crate::ops::Emit;
use crate::perm::Action;
use crate::pgp::{self, ParsedCert, PgpError, SigningKey};
use crate::store::keys::{self, KeyRecord};
use crate::store::{objects, users};

use super::{Session, key_owner, user};

/// Key files larger than this are refused before parsing (Apache's largest KEYS files are well
/// under 1 MiB).
pub const MAX_KEY_FILE: u64 = 10 * 1024 * 1024;

/// Maps an OpenPGP error to the exit codes of SPEC §5.
pub fn pgp_error(e: PgpError, what: &str) -> anyhow::Error {
    match e {
        PgpError::Malformed(m) => Error::usage(format!("{what}: {m}")).into(),
        PgpError::Weak(m) => Error::verification(format!("{what}: weak key: {m}")).into(),
        PgpError::NotSigningCapable => {
            Error::not_allowed(format!("{what}: no secret key that can sign now")).into()
        }
        PgpError::Passphrase(m) => Error::not_allowed(format!("{what}: passphrase: {m}"))
            .hint("put the passphrase in a file and point $RELMGR_PASSPHRASE_FILE at it")
            .into(),
        PgpError::Other(e) => e.context(what.to_string()),
    }
}

/// A key id as given on the command line: 16 or 40 hex digits, spaces and `0x` allowed.
pub fn normalize_id(id: &str) -> anyhow::Result<String> {
    let hex: String = id
        .trim()
        .trim_start_matches("0x")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if !matches!(hex.len(), 16 | 40 | 64) || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(Error::usage(format!(
            "{id:?} is not a fingerprint or long key id (16, 40 or 64 hex digits)"
        ))
        .into());
    }
    Ok(hex)
}

fn ts(t: Timestamp) -> Time {
    Time::new(t)
}

/// The status of a key at a time: `valid`, `expired`, `revoked` or `retired`.
pub fn status(k: &KeyRecord, now: Time) -> &'static str {
    if k.retired_at.is_some() {
        "retired"
    } else if k.revoked_at.is_some() {
        "revoked"
    } else if k.expires_at.is_some_and(|e| e <= now) {
        "expired"
    } else {
        "valid"
    }
}

/// A key with its status, as `key list` and `key show` print it.
#[derive(Debug, Clone, Serialize)]
pub struct KeyView {
    #[serde(flatten)]
    pub key: KeyRecord,
    pub status: String,
}

fn view(k: KeyRecord, now: Time) -> KeyView {
    KeyView {
        status: status(&k, now).to_string(),
        key: k,
    }
}

/// What happened to one certificate of an import.
#[derive(Debug, Clone, Serialize)]
pub struct ImportItem {
    pub fingerprint: Option<crate::model::Fingerprint>,
    pub user_id: Option<String>,
    /// `imported`, `updated`, `unchanged`, `rejected`, or `skipped` (not the `--user`'s, in a
    /// file of several keys).
    pub result: String,
    pub reason: Option<String>,
    /// The user who owns the key now (None: it verifies but never signs).
    pub owner: Option<String>,
    /// Why an accepted key has no owner (no user, or several, with its email).
    pub note: Option<String>,
    /// Secret key material was in the input and was stripped.
    pub secret_stripped: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    /// `--user`, if given; each key's owner is in `keys`.
    pub owner: Option<String>,
    pub keys: Vec<ImportItem>,
}

/// Checks who may import/retire keys owned by `owner` (None: unowned keys, e.g. a KEYS file).
fn require_key_rights(s: &Session, owner: Option<&str>) -> anyhow::Result<()> {
    let action = if owner == Some(s.actor.id.as_str()) {
        Action::ManageOwnKey
    } else {
        Action::ManageAnyKey
    };
    access::require_anywhere(s.store.db(), &s.actor.id, action)
}

/// Reads a key file with a size limit; a missing file is exit 2.
fn read_key_file(path: &Path) -> anyhow::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::usage(path.display().to_string()).caused_by(e))?;
    if !meta.is_file() {
        return Err(Error::usage(format!("{} is not a file", path.display())).into());
    }
    if meta.len() > MAX_KEY_FILE {
        return Err(Error::usage(format!(
            "{} is {} bytes: larger than any key file relmgr accepts ({} bytes)",
            path.display(),
            meta.len(),
            MAX_KEY_FILE
        ))
        .into());
    }
    Ok(std::fs::read(path)?)
}

/// `key import FILE... [--user ID]`. Without `--user`, each key goes to the one user whose
/// email is in its user IDs ([`key_owner`]); a key that would belong to someone else, or to
/// nobody, needs the rights to manage anyone's keys, as `--user OTHER` would.
pub fn import(
    s: &mut Session,
    files: &[PathBuf],
    owner: Option<&UserId>,
) -> anyhow::Result<ImportReport> {
    if let Some(u) = owner {
        user::load(s.store.db(), u.as_str())?;
    }
    let owner = owner.map(|u| u.to_string());
    // Without --user the owners are known only after parsing; whoever may manage no key at
    // all is refused before.
    require_key_rights(s, owner.as_deref().or(Some(s.actor.id.as_str())))?;
    let users: Vec<(String, String)> = match owner {
        Some(_) => vec![],
        None => users::list(s.store.db())?
            .into_iter()
            .filter_map(|u| Some((u.id, u.email?)))
            .collect(),
    };
    let now = Time::now()?;
    let mut parsed = Vec::new();
    for f in files {
        let bytes = read_key_file(f)?;
        if let Some(rev) = pgp::parse_revocation(&bytes) {
            parsed.push(revocation(s, &rev, now)?);
            continue;
        }
        let certs =
            pgp::parse_keyring(&bytes).map_err(|e| pgp_error(e, &f.display().to_string()))?;
        parsed.extend(certs);
    }
    let mut items = Vec::new();
    if let Some(u) = &owner {
        parsed = only_keys_of(s, u, parsed, &mut items)?;
    }
    let mut to_store: Vec<KeyRecord> = Vec::new();
    // Where each fingerprint is in `to_store`: 10,000 keys in one import stay linear.
    let mut slot: std::collections::HashMap<crate::model::Fingerprint, usize> =
        std::collections::HashMap::new();
    // The stored records of the keys this import updates, to put their files back should the
    // transaction fail.
    let mut previous: Vec<KeyRecord> = Vec::new();
    for p in parsed {
        match p {
            ParsedCert::Rejected {
                fingerprint,
                user_id,
                reason,
                ..
            } => items.push(ImportItem {
                fingerprint,
                user_id,
                result: "rejected".into(),
                reason: Some(reason),
                owner: None,
                note: None,
                secret_stripped: false,
            }),
            ParsedCert::Accepted(info) => {
                // A cert may appear twice in one import: merge with what is pending or stored.
                let pending = slot.get(&info.primary.fingerprint).copied();
                let existing = match pending {
                    Some(i) => Some(to_store[i].clone()),
                    None => keys::find(s.store.db(), &info.primary.fingerprint)?,
                };
                if pending.is_none()
                    && let Some(old) = &existing
                {
                    previous.push(old.clone());
                }
                let (mut rec, old) = match existing {
                    None => (key_record(&info, owner.as_deref(), now), None),
                    Some(old) => {
                        if owner.is_some() && old.user.is_some() && old.user != owner {
                            return Err(Error::wrong_state(format!(
                                "key {} belongs to {}, not {}",
                                info.primary.fingerprint,
                                old.user.as_deref().unwrap_or(""),
                                owner.as_deref().unwrap_or("")
                            ))
                            .into());
                        }
                        let merged = pgp::merge(&old.armored, &info.armored)
                            .map_err(|e| pgp_error(e, &info.primary.fingerprint))?;
                        let mut rec = key_record(
                            &merged,
                            old.user.as_deref().or(owner.as_deref()),
                            old.imported_at,
                        );
                        rec.retired_at = old.retired_at;
                        (rec, Some(old))
                    }
                };
                let mut note = None;
                if rec.user.is_none() {
                    match key_owner::by_email(&rec.user_ids, &users) {
                        Ok(u) => rec.user = Some(u),
                        Err(why) => note = Some(why),
                    }
                }
                let result = match old {
                    None => "imported",
                    Some(old) if rec.armored == old.armored && rec.user == old.user => "unchanged",
                    Some(_) => "updated",
                };
                items.push(ImportItem {
                    fingerprint: Some(rec.fingerprint.clone()),
                    user_id: rec.user_ids.first().cloned(),
                    result: result.into(),
                    reason: None,
                    owner: rec.user.clone(),
                    note,
                    secret_stripped: info.had_secret,
                });
                match pending {
                    Some(i) => to_store[i] = rec,
                    None => {
                        slot.insert(rec.fingerprint.clone(), to_store.len());
                        to_store.push(rec);
                    }
                }
            }
        }
    }
    let accepted = items
        .iter()
        .filter(|i| i.result != "rejected" && i.result != "skipped")
        .count();
    if accepted == 0 {
        let reasons: Vec<String> = items
            .iter()
            .map(|i| {
                format!(
                    "{}: {}",
                    i.fingerprint
                        .as_deref()
                        .or(i.user_id.as_deref())
                        .unwrap_or("a key"),
                    i.reason.as_deref().unwrap_or("")
                )
            })
            .collect();
        return Err(
            Error::verification(format!("no key imported: {}", reasons.join("; ")))
                .details(json!({"keys": items}))
                .into(),
        );
    }
    if owner.is_none() {
        key_owner::require_rights(s, &to_store)?;
    }
    let changed_fprs: std::collections::HashSet<&str> = items
        .iter()
        .filter(|i| i.result != "unchanged")
        .filter_map(|i| i.fingerprint.as_deref())
        .collect();
    let changed: Vec<&KeyRecord> = to_store
        .iter()
        .filter(|k| changed_fprs.contains(k.fingerprint.as_str()))
        .collect();
    if !changed.is_empty() {
        let change = Change::KeyImport {
            owner: user_id(owner.as_deref())?,
            keys: changed
                .iter()
                .map(|k| {
                    Ok(ImportedKey {
                        fingerprint: Some(k.fingerprint.clone()),
                        owner: user_id(k.user.as_deref())?,
                        certificate: k.armored.clone(),
                    })
                })
                .collect::<anyhow::Result<_>>()?,
        };
        // The key files are written inside the transaction, before its commit, as stage writes
        // its objects: a run killed before the commit leaves files of keys the index does not
        // hold yet (which fsck does not judge), one killed after it a complete keys/.
        let dir = s.store.dir.clone();
        let result = s.emit_with(|_| {
            write_key_files(&dir, &changed)?;
            Ok(((), Emit::new("keys", change)))
        });
        if let Err(e) = result {
            undo_key_files(&dir, &changed, &previous);
            return Err(e);
        }
    }
    Ok(ImportReport { owner, keys: items })
}

/// `key import FILE --user ID` on several keys: only the keys whose user IDs match that user
/// ([`key_owner::matches_user`]: by email, else by name) go to them; the others are left out,
/// each as a `skipped` item saying why. When none matches the import is refused, the keys
/// listed, so that a KEYS file never gives every key in it to one user. One key is the user's
/// as `--user` says, as before.
fn only_keys_of(
    s: &Session,
    owner: &str,
    parsed: Vec<ParsedCert>,
    items: &mut Vec<ImportItem>,
) -> anyhow::Result<Vec<ParsedCert>> {
    let fingerprints: std::collections::HashSet<&str> = parsed
        .iter()
        .filter_map(|p| match p {
            ParsedCert::Accepted(info) => Some(info.primary.fingerprint.as_str()),
            ParsedCert::Rejected { .. } => None,
        })
        .collect();
    if fingerprints.len() < 2 {
        return Ok(parsed);
    }
    let u = user::load(s.store.db(), owner)?;
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    for p in parsed {
        let why = match &p {
            ParsedCert::Accepted(info) => {
                key_owner::matches_user(&info.user_ids, u.email.as_deref(), u.name.as_deref())
                    .err()
                    .map(|why| {
                        (
                            info.primary.fingerprint.clone(),
                            info.user_ids.first().cloned(),
                            why,
                        )
                    })
            }
            ParsedCert::Rejected { .. } => None,
        };
        match why {
            None => kept.push(p),
            Some(why) => skipped.push(why),
        }
    }
    let any_kept = kept.iter().any(|p| matches!(p, ParsedCert::Accepted(_)));
    if !any_kept {
        // A large KEYS file is listed in part here, whole in --json's details.
        const SHOWN: usize = 20;
        let mut listed: Vec<String> = skipped
            .iter()
            .take(SHOWN)
            .map(|(fpr, uid, _)| format!("{fpr} ({})", uid.as_deref().unwrap_or("no user ID")))
            .collect();
        if skipped.len() > SHOWN {
            listed.push(format!(
                "and {} more (all in --json)",
                skipped.len() - SHOWN
            ));
        }
        let by = match (&u.email, &u.name) {
            (Some(e), _) => format!("the email {e}"),
            (None, Some(n)) => format!("the name {n}"),
            (None, None) => "no email or name".to_string(),
        };
        return Err(Error::usage(format!(
            "none of the {} keys is {owner}'s: {owner} has {by}, and the keys are {}",
            skipped.len(),
            listed.join(", ")
        ))
        .hint(format!(
            "import them without --user (each goes to the user with its email, or to nobody), \
             then give one to {owner} with `relmgr key assign FPR --user {owner}`; or give {owner} \
             the email of their key: `relmgr user edit {owner} --email ADDRESS`"
        ))
        .details(json!({"keys": skipped.iter().map(|(f, u, why)| json!({
            "fingerprint": f, "user_id": u, "reason": why})).collect::<Vec<_>>()}))
        .into());
    }
    for (fpr, uid, why) in skipped {
        items.push(ImportItem {
            fingerprint: Some(fpr),
            user_id: uid,
            result: "skipped".into(),
            reason: Some(format!("not {owner}'s: {why}")),
            owner: None,
            note: None,
            secret_stripped: false,
        });
    }
    Ok(kept)
}

/// Mirrors each certificate of `keys` to `keys/<FINGERPRINT>.asc`, synced to disk once at the
/// end (one directory sync for the whole import, not one per key).
fn write_key_files(store_dir: &Path, keys: &[&KeyRecord]) -> anyhow::Result<()> {
    let dir = store_dir.join("keys");
    std::fs::create_dir_all(&dir)?;
    let half = keys.len() / 2;
    for (i, k) in keys.iter().enumerate() {
        if i == half {
            crate::store::crash_point("key.import:files-half-written");
        }
        let tmp = dir.join(format!(".{}.tmp-{}", k.fingerprint, std::process::id()));
        std::fs::write(&tmp, &k.armored)?;
        std::fs::rename(&tmp, dir.join(format!("{}.asc", k.fingerprint)))?;
    }
    objects::sync_dir(&dir);
    Ok(())
}

/// After a failed import transaction: puts back the key files it wrote (the stored certificate
/// of an updated key; none for a new one), best effort, so keys/ mirrors the index again.
fn undo_key_files(store_dir: &Path, keys: &[&KeyRecord], previous: &[KeyRecord]) {
    for k in keys {
        let path = store_dir
            .join("keys")
            .join(format!("{}.asc", k.fingerprint));
        match previous.iter().find(|p| p.fingerprint == k.fingerprint) {
            Some(old) => {
                let _ = write_key_file(store_dir, old);
            }
            None => {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

/// A bare revocation certificate (gpg's `openpgp-revocs.d`, `sq key revoke`) as the stored key
/// it revokes, revoked; rejected when that key is not stored or the revocation is not its.
fn revocation(s: &Session, rev: &pgp::RevocationCert, now: Time) -> anyhow::Result<ParsedCert> {
    let named = rev.issuers.first().cloned().unwrap_or_default();
    let mut stored = None;
    for id in &rev.issuers {
        if let Ok(id) = normalize_id(id)
            && let Some(k) = keys::find(s.store.db(), &id)?
        {
            stored = Some(k);
            break;
        }
    }
    let Some(k) = stored else {
        return Ok(ParsedCert::Rejected {
            fingerprint: None,
            user_id: None,
            reason: format!(
                "a revocation certificate for key {named}, which is not stored: import the key first"
            ),
            key_ids: Vec::new(),
        });
    };
    Ok(
        match pgp::apply_revocation(&k.armored, rev, now.timestamp()) {
            Ok(info) => ParsedCert::Accepted(info),
            Err(e) => ParsedCert::Rejected {
                fingerprint: Some(k.fingerprint.clone()),
                user_id: k.user_ids.first().cloned(),
                reason: e.to_string(),
                key_ids: Vec::new(),
            },
        },
    )
}

/// Whether `keys/<FINGERPRINT>.asc` holds exactly the index's certificate.
pub fn key_file_current(store_dir: &Path, k: &KeyRecord) -> bool {
    let path = store_dir
        .join("keys")
        .join(format!("{}.asc", k.fingerprint));
    std::fs::read_to_string(path).ok().as_deref() == Some(k.armored.as_str())
}

/// Mirrors a certificate to `keys/<FINGERPRINT>.asc` (temp file + rename).
pub fn write_key_file(store_dir: &Path, k: &KeyRecord) -> anyhow::Result<()> {
    let dir = store_dir.join("keys");
    std::fs::create_dir_all(&dir)?;
    let tmp = dir.join(format!(".{}.tmp-{}", k.fingerprint, std::process::id()));
    std::fs::write(&tmp, &k.armored)?;
    std::fs::rename(&tmp, dir.join(format!("{}.asc", k.fingerprint)))?;
    objects::sync_dir(&dir);
    Ok(())
}

/// Loads a key by fingerprint or long key id (a subkey finds its primary), or exit 6.
pub fn load(db: &rusqlite::Connection, id: &str) -> anyhow::Result<KeyRecord> {
    let id = normalize_id(id)?;
    keys::find(db, &id)?.ok_or_else(|| {
        Error::not_found(format!("no key {id}"))
            .hint("see `relmgr key list`")
            .into()
    })
}

pub fn list(s: &Session, owner: Option<&UserId>) -> anyhow::Result<Vec<KeyView>> {
    if let Some(u) = owner {
        user::load(s.store.db(), u.as_str())?;
    }
    let now = Time::now()?;
    Ok(keys::list(s.store.db(), owner.map(|u| u.as_str()))?
        .into_iter()
        .map(|k| view(k, now))
        .collect())
}

pub fn show(s: &Session, id: &str) -> anyhow::Result<KeyView> {
    let k = load(s.store.db(), id)?;
    Ok(view(k, Time::now()?))
}

/// `key remove`: retires the key (it still verifies old signatures, signs nothing new).
pub fn retire(s: &mut Session, id: &str) -> anyhow::Result<KeyView> {
    let k = load(s.store.db(), id)?;
    require_key_rights(s, k.user.as_deref())?;
    if k.retired_at.is_some() {
        return Err(Error::wrong_state(format!("key {} is retired already", k.fingerprint)).into());
    }
    s.emit(Emit::new(
        "keys",
        Change::KeyRetire {
            fingerprint: k.fingerprint.clone(),
        },
    ))?;
    show(s, &k.fingerprint)
}

/// `key assign FPR --user ID`: gives a registered key to another user (a key imported for the
/// wrong user, or for nobody). Needs the right to manage anyone's keys; a retired or revoked key,
/// or one that is the user's already, is refused (the rule book's `key.assign`).
pub fn assign(s: &mut Session, id: &str, owner: &UserId) -> anyhow::Result<KeyView> {
    let k = load(s.store.db(), id)?;
    user::load(s.store.db(), owner.as_str())?;
    access::require_anywhere(s.store.db(), &s.actor.id, Action::ManageAnyKey)?;
    if k.user.as_deref() == Some(owner.as_str()) {
        return Err(
            Error::wrong_state(format!("key {} is {owner}'s already", k.fingerprint)).into(),
        );
    }
    s.emit(Emit::new(
        "keys",
        Change::KeyAssign {
            fingerprint: k.fingerprint.clone(),
            from: user_id(k.user.as_deref())?,
            owner: owner.clone(),
        },
    ))?;
    show(s, &k.fingerprint)
}

/// The Apache KEYS file of a project's members (pmc, committer, rm), or of every owned key.
pub fn export(
    s: &Session,
    project: Option<&crate::model::TargetKey>,
) -> anyhow::Result<(String, usize)> {
    if let Some(p) = project {
        super::project::load(s.store.db(), &crate::model::Target::of_project(p.clone()))?;
    }
    let mut list = keys::of_project(s.store.db(), project.map(|p| p.as_str()))?;
    list.sort_by(|a, b| {
        (&a.user, &a.created_at, &a.fingerprint).cmp(&(&b.user, &b.created_at, &b.fingerprint))
    });
    Ok((keys_file(&list, project.map(|p| p.as_str()))?, list.len()))
}

/// Renders an Apache KEYS file: a header, then per key its listing and its armor.
pub fn keys_file(list: &[KeyRecord], project: Option<&str>) -> anyhow::Result<String> {
    let mut out = String::new();
    out.push_str(&format!(
        "This file contains the PGP keys of the release managers and PMC members{}.\n\
         Use it to verify releases:\n\n    gpg --import KEYS\n    gpg --verify PACKAGE.asc PACKAGE\n\n\
         Written by relmgr; do not edit by hand.\n\n",
        project.map(|p| format!(" of {p}")).unwrap_or_default()
    ));
    // The listing tells which keys have expired, as gpg would list them today.
    let now = clock::now()?;
    for (i, k) in list.iter().enumerate() {
        // Entries are apart by one empty line; the file ends with exactly one newline (rnp
        // refuses a KEYS file that ends with an empty line).
        if i > 0 {
            out.push('\n');
        }
        let info = pgp::parse_keyring_at(k.armored.as_bytes(), now)
            .map_err(|e| pgp_error(e, &k.fingerprint))?
            .into_iter()
            .find_map(|p| match p {
                ParsedCert::Accepted(i) => Some(i),
                ParsedCert::Rejected { .. } => None,
            });
        if let Some(info) = info {
            out.push_str(&pgp::keys_listing(&info, now));
            if !out.ends_with('\n') {
                out.push('\n');
            }
        }
        out.push_str(&k.armored);
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    Ok(out)
}

#[derive(Debug, Serialize)]
pub struct Generated {
    pub fingerprint: crate::model::Fingerprint,
    pub user: String,
    pub user_id: String,
    pub secret_file: String,
    pub protected: bool,
}

/// `key generate --user ID -o SECRET.asc`: an Ed25519 signing key whose public part is
/// registered to the user; the secret goes only to the file (mode 0600, never overwritten).
pub fn generate(
    s: &mut Session,
    owner: &UserId,
    out: &Path,
    passphrase: Option<String>,
) -> anyhow::Result<Generated> {
    let u = user::load(s.store.db(), owner.as_str())?;
    require_key_rights(s, Some(owner.as_str()))?;
    if out.exists() {
        return Err(Error::wrong_state(format!(
            "{} exists already: relmgr never overwrites a secret key",
            out.display()
        ))
        .into());
    }
    let uid = match (&u.name, &u.email) {
        (Some(n), Some(e)) => format!("{n} <{e}>"),
        (None, Some(e)) => format!("<{e}>"),
        (Some(n), None) => n.clone(),
        (None, None) => u.id.clone(),
    };
    let now = clock::now()?;
    let (secret, info) = pgp::generate(&uid, passphrase.as_deref(), now)
        .map_err(|e| pgp_error(e, "generating a key"))?;
    write_secret(out, secret.as_bytes())?;
    let rec = key_record(&info, Some(owner.as_str()), ts(now));
    let result = s.emit(Emit::new(
        "keys",
        Change::KeyGenerate {
            owner: Some(owner.clone()),
            fingerprint: rec.fingerprint.clone(),
            certificate: rec.armored.clone(),
        },
    ));
    if let Err(e) = result {
        let _ = std::fs::remove_file(out);
        return Err(e);
    }
    write_key_file(&s.store.dir, &rec)?;
    Ok(Generated {
        fingerprint: rec.fingerprint,
        user: owner.to_string(),
        user_id: uid,
        secret_file: out.display().to_string(),
        protected: passphrase.is_some(),
    })
}

fn write_secret(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(path)
        .map_err(|e| Error::usage(format!("cannot write {}", path.display())).caused_by(e))?;
    f.write_all(bytes)?;
    f.sync_all()?;
    Ok(())
}

/// A secret key ready to sign, checked against the store, and warnings for the user.
pub struct Signer {
    pub key: SigningKey,
    pub record: KeyRecord,
    pub warnings: Vec<String>,
}

/// The one loader of secret keys for signing (`sign`, `stage --sign`, `vote cast --sign`,
/// `publish --key`): armored or binary; the passphrase comes from `passphrase` (the CLI reads
/// `$RELMGR_PASSPHRASE_FILE` or prompts on a terminal), never from argv. The key must be a
/// registered, valid, signing-capable key of the acting user, else exit 4.
pub fn load_signer(
    s: &Session,
    path: &Path,
    passphrase: &mut dyn FnMut(&str) -> anyhow::Result<String>,
) -> anyhow::Result<Signer> {
    let mut warnings = Vec::new();
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::usage(format!("secret key {}", path.display())).caused_by(e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            warnings.push(format!(
                "{} can be read by other users: `chmod 600 {}`",
                path.display(),
                path.display()
            ));
        }
    }
    let bytes = read_key_file(path)?;
    let now = clock::now()?;
    let key = pgp::load_signing_key_named(&bytes, passphrase, now)
        .map_err(|e| pgp_error(e, &format!("secret key {}", path.display())))?;
    let fpr = key.primary_fingerprint();
    let Some(record) = keys::find(s.store.db(), &fpr)? else {
        return Err(Error::not_allowed(format!("key {fpr} is not registered"))
            .hint(format!(
                "register its public part: `relmgr key import PUBLIC.asc --user {}`",
                s.actor.id
            ))
            .into());
    };
    if record.user.as_deref() != Some(s.actor.id.as_str()) {
        return Err(Error::not_allowed(format!(
            "key {fpr} belongs to {}, not to {}: sign with your own key",
            record.user.as_deref().unwrap_or("nobody"),
            s.actor.id
        ))
        .into());
    }
    match status(&record, ts(now)) {
        "valid" => {}
        st => {
            return Err(
                Error::not_allowed(format!("key {fpr} is {st}: it signs nothing new")).into(),
            );
        }
    }
    Ok(Signer {
        key,
        record,
        warnings,
    })
}

/// An owner as the index holds it, as the typed id an event carries.
fn user_id(user: Option<&str>) -> anyhow::Result<Option<UserId>> {
    Ok(user.map(str::parse).transpose()?)
}
