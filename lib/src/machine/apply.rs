//! The one place where an event changes the index: `apply(db, event, change)`. Replay (fsck's
//! comparison, a rebuilt `index.db`, a merged history after `sync`) is calling it for every
//! event in order. Nothing here decides: the rule book ([`super::history::decide`]) judges every
//! event first, the same way for a command's write and for a replay.

use rusqlite::Connection;

use crate::model::event::Change;
use crate::model::{Package, Phase, ReleaseRef, Stage, Target, Time};
use crate::pgp::{self, ParsedCert};
use crate::store::events::Event;
use crate::store::projects;
use crate::store::releases::{self, Signature};
use crate::store::votes::{self, BallotRow, PolicyRow, Round};
use crate::store::{cves, keys, publications, release_checks, users};
use crate::votes::{Decision, Outcome, Value as Vote};

/// A time the event or its payload carries (as text), typed where it enters the index. An
/// unreadable one fails the event rather than standing in as some other time.
fn time(e: &Event, text: &str) -> anyhow::Result<Time> {
    Time::parse_lenient(text).map_err(|err| anyhow::anyhow!("event {}: {err}", e.seq))
}

/// The release and revision an event of `target@version` speaks of: the labelled revision, else
/// the newest.
pub(crate) fn revision_of(
    db: &Connection,
    e: &Event,
    label: Option<crate::model::RevisionNo>,
) -> anyhow::Result<(releases::Release, releases::Revision)> {
    let r: ReleaseRef = e.target.parse()?;
    let rel = releases::get(db, &r.target.to_string(), r.version.as_str())?
        .ok_or_else(|| anyhow::anyhow!("event {}: no release {}", e.seq, e.target))?;
    let rev = match label {
        Some(n) => releases::revision(db, rel.id, n.0)?,
        None => releases::newest_revision(db, rel.id)?,
    }
    .ok_or_else(|| anyhow::anyhow!("event {}: no revision of {}", e.seq, e.target))?;
    Ok((rel, rev))
}

fn import_cert(
    db: &Connection,
    owner: Option<&str>,
    armored: &str,
    time: Time,
) -> anyhow::Result<()> {
    let info = pgp::parse_keyring(armored.as_bytes())
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .into_iter()
        .find_map(|p| match p {
            ParsedCert::Accepted(i) => Some(i),
            ParsedCert::Rejected { .. } => None,
        })
        .ok_or_else(|| anyhow::anyhow!("a logged certificate no longer parses"))?;
    // The certificate exactly as logged: its armor's comments name the user IDs valid when it
    // is read, so a fresh armoring on replay could differ from the live row.
    let mut rec = super::index::key_record(&info, owner, time);
    rec.armored = armored.to_string();
    keys::upsert(db, &rec)
}

fn ballot(voter: &str, vote: Vote, binding: bool, cast_at: Time, source: &str) -> BallotRow {
    BallotRow {
        voter: voter.to_string(),
        value: vote,
        binding,
        comment: None,
        cast_at,
        source: source.into(),
        signature: None,
        signer: None,
    }
}

/// Applies one event's change to the index, inside the caller's transaction.
pub fn apply(db: &Connection, e: &Event, change: &Change) -> anyhow::Result<()> {
    let t = time(e, &e.time)?;
    match change {
        Change::StoreInit {
            user,
            kind,
            consent,
            ..
        } => {
            users::insert(db, &new_user(user, kind.as_str(), *consent, t))?;
            set_pii(db, user, e)?;
            projects::grant_role(db, None, user, "admin", user, t)?;
        }
        Change::UserAdd { id, kind, consent } => {
            users::insert(db, &new_user(id, kind.as_str(), *consent, t))?;
            set_pii(db, id, e)?;
        }
        Change::UserEdit { id } => set_pii(db, id, e)?,
        Change::ConsentGrant { id, .. } => users::set_consent(db, id, true, Some(t))?,
        Change::ConsentRevoke { id, .. } => {
            users::set_consent(db, id, false, None)?;
            users::set_pii(db, id, None, None)?;
            crate::store::events::erase_pii(db, &e.target)?;
        }
        Change::ProjectCreate { meta: m } | Change::ProductCreate { meta: m } => {
            let target: Target = e.target.parse()?;
            let (project, key) = target.parent_and_key();
            projects::insert(db, project, key, m, t)?;
        }
        Change::ProjectEdit { meta: m } | Change::ProductEdit { meta: m } => {
            let target: Target = e.target.parse()?;
            let (project, key) = target.parent_and_key();
            projects::update(db, project, key, m)?;
        }
        Change::RoleGrant { user, role, .. } => {
            let scope = (e.target != "store").then_some(e.target.as_str());
            projects::grant_role(db, scope, user, role.as_str(), &e.actor, t)?;
        }
        Change::RoleRevoke { user, role, .. } => {
            let scope = (e.target != "store").then_some(e.target.as_str());
            projects::revoke_role(db, scope, user, role.as_str())?;
            super::index::erase_if_unconsented(db, user)?;
        }
        Change::KeyImport { owner, keys } => {
            for k in keys {
                import_cert(
                    db,
                    k.owner.as_deref().or(owner.as_deref()),
                    &k.certificate,
                    t,
                )?;
            }
        }
        Change::KeyGenerate {
            owner, certificate, ..
        } => import_cert(db, owner.as_deref(), certificate, t)?,
        Change::KeyRetire { fingerprint } => keys::retire(db, fingerprint, t)?,
        Change::KeyAssign {
            fingerprint, owner, ..
        } => keys::assign(db, fingerprint, owner)?,
        Change::PolicySet {
            min_hours,
            manual,
            pause_on_veto,
            checklist,
            signed_events,
            ..
        } => {
            let prev = votes::latest_policy(db, &e.target)?;
            let prev = prev.as_ref();
            votes::insert_policy(
                db,
                &PolicyRow {
                    target: e.target.clone(),
                    version: 0,
                    min_hours: min_hours.or(prev.and_then(|p| p.min_hours)),
                    manual: manual.or(prev.and_then(|p| p.manual)),
                    pause_on_veto: pause_on_veto.or(prev.and_then(|p| p.pause_on_veto)),
                    checklist: checklist
                        .clone()
                        .or_else(|| prev.and_then(|p| p.checklist.clone())),
                    set_by: e.actor.clone(),
                    set_at: t,
                    signed_events: signed_events
                        .map(|l| l.as_str().to_string())
                        .or_else(|| prev.and_then(|p| p.signed_events.clone())),
                },
            )?;
        }
        Change::Stage {
            packages,
            signed_by,
            signer,
            ..
        } => {
            let r: ReleaseRef = e.target.parse()?;
            let (_, rev, _) = super::index::draft_revision(db, &r, &e.actor, t)?;
            // Events written before the signing subkey was logged name the primary only.
            let signer = signed_by
                .as_ref()
                .map(|fpr| (fpr, signer.clone().unwrap_or_else(|| fpr.clone())));
            let rows: Vec<Package> = packages
                .iter()
                .map(|pk| Package {
                    name: pk.name.clone(),
                    size: pk.size,
                    sha256: pk.sha256.clone(),
                    sha512: pk.sha512.clone(),
                    media_type: pk.media_type.clone(),
                    platform: pk.platform.clone(),
                    arch: pk.arch.clone(),
                    channel: pk.channel.clone(),
                    external_url: pk.external_url.clone(),
                    source: pk.source,
                })
                .collect();
            let ids = releases::put_packages(db, rev.id, &rows, t)?;
            for (pk, id) in packages.iter().zip(ids) {
                if let (Some((fpr, signing)), Some(armored)) = (&signer, &pk.signature) {
                    releases::put_signature(
                        db,
                        id,
                        &Signature {
                            fingerprint: (*fpr).clone(),
                            signer: signing.clone(),
                            armored: armored.clone(),
                            signed_at: t,
                        },
                    )?;
                }
            }
        }
        Change::Unstage { revision, name } => {
            let (_, rev) = revision_of(db, e, *revision)?;
            releases::delete_package(db, rev.id, name)?;
        }
        Change::Sign {
            revision,
            fingerprint,
            signer,
            signatures,
        } => {
            let (_, rev) = revision_of(db, e, *revision)?;
            let signing = signer.as_ref().unwrap_or(fingerprint);
            let packages = releases::packages(db, rev.id)?;
            for s in signatures {
                if let Some(pk) = packages.iter().find(|x| x.name == s.name) {
                    releases::put_signature(
                        db,
                        pk.id,
                        &Signature {
                            fingerprint: fingerprint.clone(),
                            signer: signing.clone(),
                            armored: s.signature.clone(),
                            signed_at: t,
                        },
                    )?;
                }
            }
        }
        Change::VoteStart {
            revision,
            manifest_hash,
            opened_at,
            closes_at,
            policy,
            policy_version,
            own_vote,
            binding,
            acknowledged,
            ..
        } => {
            let (rel, rev) = revision_of(db, e, *revision)?;
            let opened = opened_at.unwrap_or(t);
            let closes = closes_at.unwrap_or(t);
            releases::set_revision_phase(db, rev.id, Phase::Voting, Some((opened, manifest_hash)))?;
            releases::set_stage(
                db,
                rel.id,
                Stage::Candidate,
                Some(Phase::Voting),
                &e.actor,
                opened,
                Some(&format!("vote on {} started", rev.label())),
            )?;
            votes::insert_round(
                db,
                &Round {
                    revision_id: rev.id,
                    policy_target: rel.target.clone(),
                    policy_version: *policy_version,
                    policy: policy.clone(),
                    manifest_hash: manifest_hash.clone(),
                    opened_at: opened,
                    closes_at: closes,
                    started_by: e.actor.clone(),
                    acknowledged: acknowledged.clone(),
                    closure: None,
                    outcome: None,
                    closed_at: None,
                    closed_by: None,
                },
            )?;
            if let Some(v) = own_vote {
                votes::insert_ballot(db, rev.id, &ballot(&e.actor, *v, *binding, opened, "cli"))?;
            }
        }
        Change::VoteCast {
            revision,
            voter,
            vote,
            binding,
            comment,
            signature,
            signer,
        } => {
            let (_, rev) = revision_of(db, e, *revision)?;
            votes::insert_ballot(
                db,
                rev.id,
                &BallotRow {
                    // Capped as `vote cast` caps it: a synced event may hold any length.
                    comment: crate::votes::comment::cap_comment(comment.as_deref()),
                    // A signed vote: the event's signature (older events carried their own).
                    signature: signature.clone().or_else(|| e.signature.clone()),
                    signer: signer.clone().or_else(|| e.signer.clone()),
                    ..ballot(voter, *vote, *binding, t, "cli")
                },
            )?;
        }
        Change::VoteImport {
            revision, ballots, ..
        } => {
            let (_, rev) = revision_of(db, e, *revision)?;
            for b in ballots {
                let at = b.cast_at.unwrap_or(t);
                votes::insert_ballot(db, rev.id, &ballot(&b.voter, b.vote, b.binding, at, "mail"))?;
            }
        }
        Change::VoteReview {
            revision,
            decision,
            voter,
            binding,
            cast_at,
            ..
        } => {
            // `none`: the message gives no vote; only the history keeps the decision.
            if let (Some(voter), Decision::Vote(vote)) = (voter, decision) {
                let (_, rev) = revision_of(db, e, *revision)?;
                let at = cast_at.unwrap_or(t);
                votes::insert_ballot(db, rev.id, &ballot(voter, *vote, *binding, at, "mail"))?;
            }
        }
        Change::VoteClose {
            revision,
            request,
            outcome,
        } => {
            let (rel, rev) = revision_of(db, e, *revision)?;
            let outcome = *outcome;
            votes::close_round(db, rev.id, *request, outcome, t, &e.actor)?;
            let phase = match outcome {
                Outcome::Passed => Some(Phase::Passed),
                Outcome::Failed | Outcome::Abandoned => Some(Phase::Failed),
                _ => None,
            };
            if let Some(phase) = phase {
                releases::set_revision_phase(db, rev.id, phase, None)?;
                let note = format!("vote on {} {}", rev.label(), outcome.as_str());
                releases::set_stage(
                    db,
                    rel.id,
                    Stage::Candidate,
                    Some(phase),
                    &e.actor,
                    t,
                    Some(&note),
                )?;
            }
        }
        Change::Promote {
            archived, revision, ..
        } => {
            let (rel, rev) = revision_of(db, e, *revision)?;
            releases::set_stage(
                db,
                rel.id,
                Stage::Current,
                Some(Phase::Distributing),
                &e.actor,
                t,
                Some(&format!("{} promoted", rev.label())),
            )?;
            for v in archived {
                if let Some(o) = releases::get(db, &rel.target, v)? {
                    releases::set_stage(
                        db,
                        o.id,
                        Stage::Current,
                        Some(Phase::Archived),
                        &e.actor,
                        t,
                        Some(&format!("archived by {}", rel.version)),
                    )?;
                }
            }
            super::index::refresh_version(db, &rel.project, &rel.target)?;
        }
        Change::Announce { .. } => {
            let (rel, _) = revision_of(db, e, None)?;
            releases::set_stage(
                db,
                rel.id,
                Stage::Current,
                Some(Phase::Announced),
                &e.actor,
                t,
                Some(Phase::Announced.as_str()),
            )?;
        }
        Change::Revoke {
            reason, cves: ids, ..
        } => {
            let (rel, _) = revision_of(db, e, None)?;
            releases::set_stage(db, rel.id, Stage::Revoked, None, &e.actor, t, Some(reason))?;
            releases::revoke(db, rel.id, reason, t)?;
            for c in ids {
                cves::link(db, c.as_str(), &rel.target, Some(rel.id), t)?;
            }
            super::index::refresh_version(db, &rel.project, &rel.target)?;
        }
        Change::CveAdd { cve } => {
            cves::insert(
                db,
                &crate::model::Cve {
                    id: cve.id.clone(),
                    title: cve.title.clone(),
                    date: cve.date.clone(),
                    severity: cve.severity.clone(),
                    state: cve.state.clone(),
                    created_at: t,
                    links: vec![],
                },
            )?;
        }
        Change::CveLink { cve, .. } => match e.target.parse::<ReleaseRef>() {
            Ok(r) => {
                let rel = releases::get(db, &r.target.to_string(), r.version.as_str())?
                    .ok_or_else(|| anyhow::anyhow!("event {}: no release", e.seq))?;
                cves::link(db, cve.as_str(), &rel.target, Some(rel.id), t)?;
            }
            Err(_) => {
                cves::link(db, cve.as_str(), &e.target, None, t)?;
            }
        },
        Change::IgnoreAdd { pattern, reason } => {
            release_checks::add_ignore(
                db,
                &release_checks::IgnoreRow {
                    target: e.target.clone(),
                    pattern: pattern.clone(),
                    reason: reason.clone(),
                    added_by: e.actor.clone(),
                    added_at: t,
                },
            )?;
        }
        Change::IgnoreRemove { pattern } => {
            release_checks::remove_ignore(db, &e.target, pattern)?;
        }
        Change::Publish { dir, version, .. } => publications::record(db, dir, *version, t)?,
        // Reports and derived files: nothing in the index.
        Change::Check { .. } | Change::MailSent { .. } => {}
    }
    Ok(())
}

fn new_user(id: &str, kind: &str, consent: bool, t: Time) -> users::User {
    users::User {
        id: id.to_string(),
        name: None,
        email: None,
        kind: kind.to_string(),
        consent,
        consent_at: consent.then_some(t),
        created_at: t,
    }
}

/// A user's name and email from the event's personal data, when it still holds them (they are
/// erased from the log when consent is withdrawn).
fn set_pii(db: &Connection, id: &str, e: &Event) -> anyhow::Result<()> {
    if let Some(data) = e.pii.as_ref().map(|p| &p["data"]) {
        let text = |k: &str| data.get(k).and_then(|v| v.as_str());
        users::set_pii(db, id, text("name"), text("email"))?;
    }
    Ok(())
}
