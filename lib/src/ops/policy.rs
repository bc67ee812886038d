//! Vote policies: show, set, history. Every change is a new version with who and when. A
//! product inherits each field from its project until it sets that field itself; a project
//! inherits from the store's defaults (`config.toml`, min_hours 72).

use std::path::Path;

use serde::Serialize;
use serde_json::json;

use crate::error::Error;
use crate::model::Target;
use crate::model::event::Change as Event;
use crate::ops::Emit;
use crate::store::votes::{self, PolicyRow};
use crate::votes::Policy;

use super::{Session, project};

/// The policy in force for a target, with where each field comes from.
#[derive(Debug, Clone, Serialize)]
pub struct Effective {
    pub target: String,
    #[serde(flatten)]
    pub policy: Policy,
    /// Which events must be signed (SPEC §7).
    pub signed_events: String,
    /// The target's own newest policy version (None: it never set one).
    pub version: Option<u32>,
    /// For each field: `default`, `project` or `product`.
    pub sources: serde_json::Map<String, serde_json::Value>,
}

fn overlay(
    base: &mut Policy,
    sources: &mut serde_json::Map<String, serde_json::Value>,
    row: &PolicyRow,
    level: &str,
) {
    let mut mark = |f: &str| {
        sources.insert(f.into(), json!(level));
    };
    if let Some(v) = row.min_hours {
        base.min_hours = v;
        mark("min_hours");
    }
    if let Some(v) = row.manual {
        base.manual = v;
        mark("manual");
    }
    if let Some(v) = row.pause_on_veto {
        base.pause_on_veto = v;
        mark("pause_on_veto");
    }
    if let Some(v) = &row.checklist {
        base.checklist = (!v.is_empty()).then(|| v.clone());
        mark("checklist");
    }
}

/// Resolves the policy in force for a target (which must exist).
pub fn effective(s: &Session, target: &Target) -> anyhow::Result<Effective> {
    let db = s.store.db();
    project::load(db, target)?;
    let mut policy = Policy {
        min_hours: s.store.config.policy.min_hours,
        ..Policy::default()
    };
    let mut sources = serde_json::Map::new();
    for f in ["min_hours", "manual", "pause_on_veto", "checklist"] {
        sources.insert(f.into(), json!("default"));
    }
    let project_row = votes::latest_policy(db, target.project.as_str())?;
    if let Some(row) = &project_row {
        overlay(&mut policy, &mut sources, row, "project");
    }
    let mut version = project_row.map(|r| r.version);
    if target.product.is_some() {
        let row = votes::latest_policy(db, &target.to_string())?;
        if let Some(row) = &row {
            overlay(&mut policy, &mut sources, row, "product");
        }
        version = row.map(|r| r.version);
    }
    Ok(Effective {
        target: target.to_string(),
        signed_events: votes::signed_events(db, &target.to_string())?,
        policy,
        version,
        sources,
    })
}

/// What `policy set` changes; None leaves a field as it is (the CLI's flags fill it).
#[derive(Debug, Default, Clone)]
pub struct Change {
    /// Minimum hours a vote stays open (0: it may close as soon as the rule holds).
    pub min_hours: Option<u32>,
    /// Record votes but let the RM decide.
    pub manual: Option<bool>,
    /// A passing vote with any -1 waits for the RM to confirm or abandon it.
    pub pause_on_veto: Option<bool>,
    /// A markdown file shown to voters as the checklist.
    pub checklist: Option<std::path::PathBuf>,
    /// Remove the checklist.
    pub clear_checklist: bool,
    /// Which events must be signed by their actor's key: none, binding or all.
    pub signed_events: Option<String>,
}

fn read_checklist(path: &Path) -> anyhow::Result<String> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::usage(format!("checklist {}", path.display())).caused_by(e))?;
    if !meta.is_file() || meta.len() > 64 * 1024 {
        return Err(Error::usage(format!(
            "checklist {} is not a file of at most 64 KiB",
            path.display()
        ))
        .into());
    }
    let bytes = std::fs::read(path)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::usage(format!("checklist {} is not UTF-8 text", path.display())))?;
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(Error::usage(format!(
            "checklist {} holds control characters",
            path.display()
        ))
        .into());
    }
    if text.trim().is_empty() {
        return Err(Error::usage(format!("checklist {} is empty", path.display())).into());
    }
    Ok(text)
}

/// Appends a new policy version for the target.
pub fn set(s: &mut Session, target: &Target, change: Change) -> anyhow::Result<Effective> {
    // Who may set it: the rule book's (history::decide), in the write transaction.
    project::load(s.store.db(), target)?;
    if change.min_hours.is_none()
        && change.manual.is_none()
        && change.pause_on_veto.is_none()
        && change.checklist.is_none()
        && !change.clear_checklist
        && change.signed_events.is_none()
    {
        return Err(Error::usage(
            "nothing to set: give --min-hours, --manual, --pause-on-veto or --checklist",
        )
        .into());
    }
    if let Some(h) = change.min_hours
        && h > 24 * 365
    {
        return Err(Error::usage(format!("--min-hours {h} is more than a year")).into());
    }
    let checklist = match (&change.checklist, change.clear_checklist) {
        (Some(_), true) => {
            return Err(
                Error::usage("--checklist and --clear-checklist exclude each other").into(),
            );
        }
        (Some(p), false) => Some(read_checklist(p)?),
        (None, true) => Some(String::new()),
        (None, false) => None,
    };
    if let Some(level) = change.signed_events.as_deref()
        && matches!(level, "binding" | "all")
    {
        require_signers(s, &target.to_string(), level)?;
    }
    let key = target.to_string();
    s.emit_with(|db| {
        let version = votes::latest_policy(db, &key)?.map_or(1, |p| p.version + 1);
        let event = Event::PolicySet {
            version: Some(version),
            min_hours: change.min_hours,
            manual: change.manual,
            pause_on_veto: change.pause_on_veto,
            checklist,
            signed_events: change
                .signed_events
                .as_deref()
                .map(str::parse)
                .transpose()?,
        };
        Ok(((), Emit::new(key.clone(), event)))
    })?;
    effective(s, target)
}

/// The users among `users` who hold a usable signing key now: registered to them, valid (not
/// expired, revoked or retired) and able to sign.
fn with_signing_key(s: &Session, users: &[String]) -> anyhow::Result<Vec<String>> {
    let now = crate::model::Time::now()?;
    let mut out = Vec::new();
    for u in users {
        let usable = crate::store::keys::list(s.store.db(), Some(u))?
            .iter()
            .any(|k| k.can_sign && super::keys::status(k, now) == "valid");
        if usable {
            out.push(u.clone());
        }
    }
    Ok(out)
}

/// Refuses (exit 2) a signing policy that would lock its own author out, or every admin: under
/// `binding` or `all` the actor's next policy change, role grant or key event must be signed by
/// the actor's key, and an admin's too (docs/keys.md, "A signing policy").
fn require_signers(s: &Session, target: &str, level: &str) -> anyhow::Result<()> {
    let actor = s.actor.id.clone();
    if with_signing_key(s, std::slice::from_ref(&actor))?.is_empty() {
        return Err(Error::usage(format!(
            "--signed-events {level} on {target} would lock {actor} out: under it {actor}'s \
             events must be signed, and {actor} has no valid signing key"
        ))
        .hint(format!(
            "register a key first: `relmgr key generate --user {actor} -o ../keys/{actor}.sec.asc` \
             (or `relmgr key import PUBLIC.asc --user {actor}`), then point `signing_key` in \
             config.toml or $RELMGR_SIGNING_KEY at the secret key"
        ))
        .into());
    }
    let admins: Vec<String> = crate::store::projects::list_roles(s.store.db(), Some(""), None)?
        .into_iter()
        .filter(|r| r.role == "admin")
        .map(|r| r.user)
        .collect();
    if with_signing_key(s, &admins)?.is_empty() {
        return Err(Error::usage(format!(
            "--signed-events {level} on {target} would leave no admin able to sign: no admin \
             ({}) has a valid signing key, so no one could add users or grant roles any more",
            if admins.is_empty() {
                "there is none".to_string()
            } else {
                admins.join(", ")
            }
        ))
        .hint("an admin registers a key first: `relmgr --as ADMIN key generate --user ADMIN -o SECRET.asc`")
        .into());
    }
    Ok(())
}

pub fn history(s: &Session, target: &Target) -> anyhow::Result<Vec<PolicyRow>> {
    project::load(s.store.db(), target)?;
    votes::policy_history(s.store.db(), &target.to_string())
}
