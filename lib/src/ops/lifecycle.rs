//! After the vote: promote (to `current`), announce, revoke. A promoted release is
//! `current/distributing`, then `announced`; `--archive-prior` archives the target's earlier
//! current releases; `revoke` works from any stage and blocks the version for good. The
//! project's (or product's) version string follows the newest current, non-archived release.

use std::path::Path;

use serde::Serialize;

use crate::error::Error;
use crate::machine::index::newest_version;
use crate::model::ReleaseRef;
use crate::model::event::Change;
use crate::model::{Phase, Stage};
use crate::store::cves;
use crate::store::releases::{self, Release};

use super::mail::{self, Mail};
use super::{Emit, Session, release, verify};

#[derive(Debug, Serialize)]
pub struct PromoteReport {
    pub release: String,
    pub revision: String,
    pub stage: String,
    pub phase: String,
    pub archived: Vec<String>,
    pub version: Option<String>,
}

/// `promote`: needs a passed (or confirmed) vote on the newest revision and a clean `verify`.
pub fn promote(
    s: &mut Session,
    r: &ReleaseRef,
    archive_prior: bool,
) -> anyhow::Result<PromoteReport> {
    let db = s.store.db();
    let rel = release::load_managed(s, r)?;
    match rel.stage.as_str() {
        "revoked" => {
            return Err(
                Error::wrong_state(format!("{r} is revoked: its version is blocked")).into(),
            );
        }
        "current" => return Err(Error::wrong_state(format!("{r} is current already")).into()),
        _ => {}
    }
    let rev = release::revision(db, &rel, None)?;
    if rev.phase != Phase::Passed {
        return Err(Error::wrong_state(format!(
            "{r} {} has no passed vote (it is {})",
            rev.label(),
            rev.phase
        ))
        .hint(format!(
            "close a passing vote first: `relmgr vote status {r}`"
        ))
        .into());
    }
    let check = verify::verify_release(s, r, None)?;
    if !check.ok {
        let bad: Vec<String> = check
            .packages
            .iter()
            .filter(|p| !p.problems.is_empty())
            .map(|p| format!("{}: {}", p.name, p.problems.join("; ")))
            .collect();
        return Err(Error::verification(format!(
            "{r} {} does not verify: {}",
            rev.label(),
            bad.join(" | ")
        ))
        .into());
    }
    let earlier: Vec<Release> = if archive_prior {
        releases::list(db, Some(&rel.target), false, Some(Stage::Current))?
            .into_iter()
            .filter(|o| o.phase != Some(Phase::Archived) && o.version < rel.version)
            .collect()
    } else {
        vec![]
    };
    s.emit(Emit::new(
        r.to_string(),
        Change::Promote {
            revision: Some(rev.no()),
            archived: earlier.iter().map(|o| o.version.to_string()).collect(),
            version: None,
        },
    ))?;
    let version = newest_version(s.store.db(), &rel.target)?;
    Ok(PromoteReport {
        release: r.to_string(),
        revision: rev.label(),
        stage: Stage::Current.as_str().into(),
        phase: Phase::Distributing.as_str().into(),
        archived: earlier
            .iter()
            .map(|o| format!("{}@{}", o.target, o.version))
            .collect(),
        version,
    })
}

#[derive(Debug, Serialize)]
pub struct Announcement {
    pub release: String,
    pub subject: String,
    pub body: String,
    /// What the mail holds a placeholder for (nothing when it can be sent as it is).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

/// `announce`: renders the [ANNOUNCE] mail and moves the phase to `announced`. With `to_send`,
/// a mail that would hold a placeholder (no download page URL: neither the project's
/// `download_url` nor a `publish --base-url`) is refused (exit 2) before
/// anything is marked or recorded.
pub fn announce(
    s: &mut Session,
    r: &ReleaseRef,
    template: Option<&Path>,
    to_send: bool,
) -> anyhow::Result<Announcement> {
    let db = s.store.db();
    let rel = release::load_managed(s, r)?;
    if rel.stage != Stage::Current || rel.phase == Some(Phase::Archived) {
        return Err(Error::wrong_state(format!(
            "{r} is {} / {}: only current releases are announced",
            rel.stage,
            rel.phase.map_or("-", Phase::as_str)
        ))
        .hint(format!("promote it first: `relmgr promote {r}`"))
        .into());
    }
    let template = match template {
        Some(p) => {
            let t = std::fs::read_to_string(p)
                .map_err(|e| Error::usage(format!("--template {}", p.display())).caused_by(e))?;
            if t.len() > 64 * 1024 {
                return Err(Error::usage("--template is larger than 64 KiB").into());
            }
            t
        }
        None => mail::ANNOUNCE_TEMPLATE.to_string(),
    };
    let rev = releases::passed_revision(db, rel.id)?
        .ok_or_else(|| Error::wrong_state(format!("{r} has no passed revision")))?;
    let manager = mail::display_name(db, &s.actor.id)?;
    let Mail {
        subject,
        body,
        missing,
    } = mail::announcement(s, r, &rel, &rev, &template, &manager)?;
    if to_send && !missing.is_empty() {
        return Err(Error::usage(format!(
            "the [ANNOUNCE] mail of {r} would hold placeholders instead of {}: not sent, nothing marked",
            missing.join(" and ")
        ))
        .hint(format!(
            "set the download page (`relmgr project edit {} --download-url URL`; a URL ending in / holds KEYS), \
             or publish the release with its public URL first (`relmgr publish DIR {} --key SECRET.asc --base-url URL`), \
             or give --template without {{download}} and {{keys}}",
            r.target.project, r.target
        ))
        .into());
    }
    s.emit(Emit::new(
        r.to_string(),
        Change::Announce {
            subject: subject.clone(),
            body: body.clone(),
        },
    ))?;
    Ok(Announcement {
        release: r.to_string(),
        subject,
        body,
        missing,
    })
}

#[derive(Debug, Serialize)]
pub struct RevokeReport {
    pub release: String,
    pub previous_stage: String,
    pub reason: String,
    pub cves: Vec<String>,
    pub version: Option<String>,
}

/// `revoke --reason T [--cve ID]...`: from any stage; the version stays blocked.
pub fn revoke(
    s: &mut Session,
    r: &ReleaseRef,
    reason: &str,
    cve_ids: &[String],
) -> anyhow::Result<RevokeReport> {
    let db = s.store.db();
    let rel = release::load_managed(s, r)?;
    if rel.stage == Stage::Revoked {
        return Err(Error::wrong_state(format!("{r} is revoked already")).into());
    }
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().any(|c| c.is_control() && c != '\n') {
        return Err(Error::usage("--reason is empty or holds control characters").into());
    }
    let mut ids = Vec::new();
    for id in cve_ids {
        let id: crate::model::CveId = id.parse()?;
        if cves::get(db, id.as_str())?.is_none() {
            return Err(Error::not_found(format!("no CVE {id}"))
                .hint(format!(
                    "add it: `relmgr cve add {id} --title T --date YYYY-MM-DD`"
                ))
                .into());
        }
        ids.push(id);
    }
    s.emit(Emit::new(
        r.to_string(),
        Change::Revoke {
            reason: reason.to_string(),
            cves: ids.clone(),
            previous_stage: Some(rel.stage),
        },
    ))?;
    let version = newest_version(s.store.db(), &rel.target)?;
    Ok(RevokeReport {
        release: r.to_string(),
        previous_stage: rel.stage.to_string(),
        reason: reason.to_string(),
        cves: ids.iter().map(|id| id.to_string()).collect(),
        version,
    })
}
