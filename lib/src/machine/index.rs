//! The pieces of [`super::apply`] that a command also runs, in a dry run inside its write
//! transaction, to tell what its event will change (the revision `stage` fills, the PII a role
//! revocation erases, a key's row): one copy each, the machine's, so that a command's preview
//! and the applied event never differ.

use jiff::Timestamp;
use rusqlite::Connection;

use crate::model::{Phase, ReleaseRef, Stage, Time, Version};
use crate::pgp::{self, KeyInfo};
use crate::store::keys::{KeyRecord, SubkeyRecord};
use crate::store::releases::{self, Release, Revision};
use crate::store::{events, projects, users};

use super::access;
use super::rules::check_stageable;

/// The event target of a user.
pub fn user_target(id: &str) -> String {
    format!("user:{id}")
}

/// Erases the PII of a user who no longer may keep it (no consent, no committer/PMC role).
/// Runs inside the caller's transaction; returns the fields erased.
pub fn erase_if_unconsented(db: &Connection, id: &str) -> anyhow::Result<Vec<String>> {
    let Some(user) = users::get(db, id)? else {
        return Ok(vec![]);
    };
    if user.consent || access::is_committer_or_pmc(db, id)? {
        return Ok(vec![]);
    }
    let mut erased = Vec::new();
    if user.name.is_some() {
        erased.push("name".to_string());
    }
    if user.email.is_some() {
        erased.push("email".to_string());
    }
    if !erased.is_empty() {
        users::set_pii(db, id, None, None)?;
        events::erase_pii(db, &user_target(id))?;
    }
    Ok(erased)
}

fn ts(t: Timestamp) -> Time {
    Time::new(t)
}

/// A key's row in the index, from its parsed certificate.
pub fn key_record(info: &KeyInfo, owner: Option<&str>, now: Time) -> KeyRecord {
    KeyRecord {
        fingerprint: info.primary.fingerprint.clone(),
        key_id: info.primary.key_id.clone(),
        user: owner.map(str::to_string),
        algorithm: pgp::algo_display(info),
        bits: info.primary.bits,
        created_at: ts(info.primary.created),
        expires_at: info.primary.expires.map(ts),
        revoked_at: info.revoked.as_ref().map(|r| ts(r.time)),
        revocation: info.revoked.as_ref().map(|r| r.reason.clone()),
        user_ids: info.user_ids.clone(),
        can_sign: info.can_sign,
        retired_at: None,
        imported_at: now,
        armored: info.armored.clone(),
        subkeys: info
            .subkeys
            .iter()
            .map(|s| SubkeyRecord {
                fingerprint: s.key.fingerprint.clone(),
                key_id: s.key.key_id.clone(),
                algorithm: s.key.curve.clone().unwrap_or_else(|| {
                    format!(
                        "{}{}",
                        s.key.algorithm.to_lowercase(),
                        s.key.bits.map(|b| b.to_string()).unwrap_or_default()
                    )
                }),
                bits: s.key.bits,
                created_at: ts(s.key.created),
                expires_at: s.key.expires.map(ts),
                for_signing: s.for_signing,
            })
            .collect(),
    }
}

/// Finds or creates the draft revision to stage into, inside the caller's transaction.
pub fn draft_revision(
    db: &Connection,
    r: &ReleaseRef,
    actor: &str,
    now: Time,
) -> anyhow::Result<(Release, Revision, bool)> {
    let target = r.target.to_string();
    let rel = match releases::get(db, &target, r.version.as_str())? {
        Some(rel) => rel,
        None => {
            let id = releases::insert(
                db,
                r.target.project.as_str(),
                &target,
                r.version.as_str(),
                now,
            )?;
            releases::set_stage(
                db,
                id,
                Stage::Candidate,
                Some(Phase::Draft),
                actor,
                now,
                Some("created by stage"),
            )?;
            releases::get_by_id(db, id)?
        }
    };
    check_stageable(&rel)?;
    match releases::newest_revision(db, rel.id)? {
        Some(rev) if rev.is_draft() => Ok((rel, rev, false)),
        newest => {
            let number = newest.as_ref().map_or(1, |n| n.number + 1);
            let id = releases::insert_revision(db, rel.id, number, now)?;
            if let Some(prev) = &newest {
                releases::copy_packages(db, prev.id, id, now)?;
            }
            if rel.phase != Some(Phase::Draft) {
                releases::set_stage(
                    db,
                    rel.id,
                    Stage::Candidate,
                    Some(Phase::Draft),
                    actor,
                    now,
                    Some(&format!("rc{number} staged")),
                )?;
            }
            let rev = releases::revision(db, rel.id, number)?.expect("just inserted");
            Ok((releases::get_by_id(db, rel.id)?, rev, true))
        }
    }
}

/// Recomputes the target's version string from its current releases (inside a transaction).
pub fn refresh_version(
    db: &Connection,
    project: &str,
    target: &str,
) -> anyhow::Result<Option<String>> {
    let newest = newest_version(db, target)?;
    let (parent, key) = match target.split_once('/') {
        Some((_, product)) => (Some(project), product),
        None => (None, project),
    };
    projects::set_version(db, parent, key, newest.as_deref())?;
    Ok(newest)
}

/// The newest current, not archived, version of `target`: the target's version.
pub fn newest_version(db: &Connection, target: &str) -> anyhow::Result<Option<String>> {
    let current = releases::list(db, Some(target), false, Some(Stage::Current))?;
    Ok(current
        .iter()
        .filter(|r| r.phase != Some(Phase::Archived))
        .map(|r| &r.version)
        .max()
        .map(Version::to_string))
}
