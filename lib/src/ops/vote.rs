//! Votes: start (freezes the revision), cast (optionally signed), status and close; the import
//! from a mailing-list thread is `super::vote_import`. The rule itself is the pure `crate::votes::rule`; this module loads
//! ballots, asks the rule, and records what it decided. Whether a vote is binding is decided
//! by the voter's PMC role at the time the vote was cast, read from the role events, and kept
//! with the ballot.

use std::collections::HashMap;

use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Value as Json, json};

use crate::clock;
use crate::error::Error;
use crate::machine::vote_round;
use crate::model::event::Change;
use crate::model::{Fingerprint, Stage, Time};
use crate::model::{ReleaseRef, RevisionNo};
use crate::ops::Emit;
use crate::perm::{self, Action};
use crate::store::events::canonical;
use crate::store::releases::{self, Release, Revision};
use crate::store::votes::{self, BallotRow, Round};
use crate::votes::comment::COMMENT_MAX_BYTES;
use crate::votes::{self as rule, CloseRefusal, CloseRequest, Closure, Evaluation, Policy, Value};

use super::keys::Signer;
use super::{Session, policy, release};
use crate::machine::access;

/// The SHA-256 of the revision's package manifest: what voters vote on.
pub fn manifest_hash(db: &rusqlite::Connection, rev: &Revision) -> anyhow::Result<String> {
    let list: Vec<Json> = releases::packages(db, rev.id)?
        .iter()
        .map(|p| {
            json!({"name": p.name, "size": p.size, "sha256": p.sha256, "sha512": p.sha512,
                   "external_url": p.external_url,
                   "signatures": p.signatures.iter().map(|s| s.fingerprint.clone()).collect::<Vec<_>>()})
        })
        .collect();
    Ok(crate::digest::to_hex(
        <sha2::Sha256 as sha2::Digest>::digest(canonical(&Json::Array(list)).as_bytes()),
    ))
}

pub use super::mail::Mail;

#[derive(Debug, Serialize)]
pub struct StartReport {
    pub release: String,
    pub revision: String,
    pub opened_at: Time,
    pub closes_at: Time,
    pub manifest_hash: String,
    pub policy: Policy,
    pub policy_version: Option<u32>,
    pub mail: Mail,
    pub own_vote: Option<String>,
    /// Checks that failed and were acknowledged by the RM.
    pub acknowledged: Vec<String>,
    /// The release checks' summary (the findings are stored with the revision).
    pub checks: CheckSummary,
}

#[derive(Debug, Serialize)]
pub struct CheckSummary {
    pub pass: usize,
    pub warn: usize,
    pub fail: usize,
    pub failing: Vec<String>,
}

/// `vote start`: only on a draft with packages, every managed package signed.
pub fn start(
    s: &mut Session,
    r: &ReleaseRef,
    hours: Option<u32>,
    own_vote: Option<Value>,
    acknowledged: Vec<String>,
    candidates_url: Option<String>,
    to_send: bool,
) -> anyhow::Result<StartReport> {
    let db = s.store.db();
    let rel = release::load_managed(s, r)?;
    if rel.stage != Stage::Candidate {
        return Err(Error::wrong_state(format!(
            "{r} is {}: only candidates are voted on",
            rel.stage
        ))
        .into());
    }
    let rev = release::revision(db, &rel, None)?;
    if !rev.is_draft() {
        return Err(
            Error::wrong_state(format!("{r} {} is {} already", rev.label(), rev.phase))
                .hint("stage again to make the next revision, then start its vote")
                .into(),
        );
    }
    let packages = releases::packages(db, rev.id)?;
    if packages.is_empty() {
        return Err(Error::wrong_state(format!("{r} {} has no packages", rev.label())).into());
    }
    let unsigned: Vec<&str> = packages
        .iter()
        .filter(|p| p.external_url.is_none() && p.signatures.is_empty())
        .map(|p| p.name.as_str())
        .collect();
    if !unsigned.is_empty() {
        return Err(
            Error::wrong_state(format!("unsigned packages: {}", unsigned.join(", ")))
                .hint(format!("sign them: `relmgr sign {r} --key SECRET.asc`"))
                .into(),
        );
    }
    let checks = super::check::gate(s, &rel, &rev, &acknowledged)?;
    if own_vote.is_some() {
        perm::check(
            Action::Vote,
            &access::holder(db, &s.actor.id, Some(r.target.project.as_str()))?,
        )
        .map_err(|e| {
            Error::not_allowed(format!(
                "{} may not vote: that needs {}",
                s.actor.id, e.needs
            ))
        })?;
    }
    let effective = policy::effective(s, &r.target)?;
    let opened = clock::now()?;
    let closes = rule::closes_at(opened, &effective.policy, hours)
        .map_err(|e| Error::usage("--hours").caused_by(e))?;
    let (opened_at, closes_at) = (Time::new(opened), Time::new(closes));
    let manifest = manifest_hash(db, &rev)?;
    // Without --candidates-url, the candidate is where `publish --candidates` puts it under the
    // target's `candidates_url`; the URL is recorded in the event either way.
    let candidates_url = match candidates_url {
        Some(u) => Some(u),
        None => super::mail::target_url(db, &r.target, |m| m.candidates_url.clone())?.map(|base| {
            format!(
                "{}/{}/{}-{}/",
                base.trim_end_matches('/'),
                r.target,
                r.version,
                rev.label()
            )
        }),
    };
    let mail = super::mail::vote_call(
        s,
        &rel,
        &rev,
        &super::mail::Call {
            policy: &effective.policy,
            opened_at,
            closes_at,
            manifest: &manifest,
            candidates_url: candidates_url.as_deref(),
            manager: &s.actor.id,
        },
    )?;
    if to_send && !mail.missing.is_empty() {
        return Err(Error::usage(format!(
            "the [VOTE] mail of {r} would not say {}: not sent, the vote not started",
            mail.missing.join(" and ")
        ))
        .hint(format!(
            "give --candidates-url URL, where voters will fetch it (`relmgr publish DIR --candidates` writes it to DIR/{}/{}-{}/), \
             or set where DIR is served once: `relmgr project edit --candidates-url URL`; \
             start without --send, publish, then `relmgr mail resend SEQ`",
            r.target,
            r.version,
            rev.label()
        ))
        .into());
    }
    let binding = access::was_pmc(db, &s.actor.id, r.target.project.as_str(), opened_at)?;
    let round = Round {
        revision_id: rev.id,
        policy_target: r.target.to_string(),
        policy_version: effective.version,
        policy: serde_json::to_value(&effective.policy)?,
        manifest_hash: manifest.clone(),
        opened_at,
        closes_at,
        started_by: s.actor.id.clone(),
        acknowledged: acknowledged.clone(),
        closure: None,
        outcome: None,
        closed_at: None,
        closed_by: None,
    };
    let findings = serde_json::to_value(&checks.findings)?;
    s.emit_with(|db| {
        // The check findings are a cache of the last run, not part of the history.
        crate::store::release_checks::store_results(db, rev.id, &findings, opened_at)?;
        let change = Change::VoteStart {
            revision: Some(rev.no()),
            manifest_hash: manifest.clone(),
            opened_at: Some(opened_at),
            closes_at: Some(closes_at),
            policy: round.policy.clone(),
            policy_version: effective.version,
            own_vote,
            binding,
            acknowledged: acknowledged.clone(),
            checks: json!({"pass": checks.pass, "warn": checks.warn, "fail": checks.fail,
                           "failing": checks.failing}),
            candidates_url: candidates_url.clone(),
        };
        Ok(((), Emit::new(r.to_string(), change)))
    })?;
    Ok(StartReport {
        release: r.to_string(),
        revision: rev.label(),
        opened_at,
        closes_at,
        manifest_hash: manifest,
        policy: effective.policy,
        policy_version: effective.version,
        mail,
        own_vote: own_vote.map(|v| v.to_string()),
        acknowledged,
        checks: CheckSummary {
            pass: checks.pass,
            warn: checks.warn,
            fail: checks.fail,
            failing: checks.failing,
        },
    })
}

/// The vote round of a release's revision (newest by default), or exit 5 when no vote started.
pub(super) fn round_of(
    s: &Session,
    r: &ReleaseRef,
    which: Option<RevisionNo>,
) -> anyhow::Result<(Release, Revision, Round)> {
    let db = s.store.db();
    let rel = release::load(db, r)?;
    let rev = release::revision(db, &rel, which)?;
    let round = votes::round(db, rev.id)?.ok_or_else(|| {
        Error::wrong_state(format!(
            "no vote on {r} {}: it is a {}",
            rev.label(),
            rev.phase
        ))
        .hint(format!("start one: `relmgr vote start {r}`"))
    })?;
    Ok((rel, rev, round))
}

/// The vote on the newest revision of a release the acting user manages (pmc, rm or admin): the
/// prologue of `vote close` and `vote import`. A missing vote is reported before a missing role.
pub(super) fn managed_round(s: &Session, r: &ReleaseRef) -> anyhow::Result<(Revision, Round)> {
    let (_, rev, round) = round_of(s, r, None)?;
    access::require(
        s.store.db(),
        &s.actor.id,
        Action::ManageRelease,
        Some(r.target.project.as_str()),
    )?;
    Ok((rev, round))
}

/// What the RM did to the vote; a vote with no recorded closure is open.
fn closure_of(round: &Round) -> Closure {
    round.closure.unwrap_or(Closure::Open)
}

/// What `vote status` prints (SPEC §5 fields: outcome, binding, non_binding, closes_at).
#[derive(Debug, Serialize)]
pub struct Status {
    pub release: String,
    pub revision: String,
    pub outcome: String,
    pub binding: rule::Tally,
    pub non_binding: rule::Tally,
    pub opened_at: Time,
    pub closes_at: Time,
    pub can_close: bool,
    pub projected: String,
    pub reason: String,
    pub policy: Policy,
    pub manifest_hash: String,
    /// Each voter's counting (last) vote.
    pub voters: Vec<VoterView>,
    /// Every ballot, in the order recorded.
    pub ballots: Vec<BallotRow>,
    pub closed_at: Option<Time>,
    pub closed_by: Option<String>,
    /// Ballots the history holds but does not count: void in the merged order (SPEC §6).
    pub not_counted: Vec<VoidBallot>,
    /// How many messages of imported threads need review (#29): not counted until decided.
    pub needs_review: usize,
    /// Those messages: id, sender, why, and the lines.
    pub review: Vec<crate::model::event::ReviewItem>,
}

/// A ballot kept in the history but void: who, what, and why it does not count.
#[derive(Debug, Serialize)]
pub struct VoidBallot {
    pub seq: i64,
    pub voter: String,
    pub vote: String,
    pub reason: String,
}

#[derive(Debug, Serialize)]
pub struct VoterView {
    pub voter: String,
    pub vote: String,
    pub binding: bool,
    pub cast_at: Time,
    pub source: String,
    pub signed: bool,
    pub comment: Option<String>,
}

fn evaluate(round: &Round, rows: &[BallotRow], now: Timestamp) -> anyhow::Result<Evaluation> {
    Ok(rule::evaluate(
        &vote_round::policy(round)?,
        &vote_round::ballots(rows),
        round.opened_at.timestamp(),
        round.closes_at.timestamp(),
        now,
        &closure_of(round),
    ))
}

pub fn status(s: &Session, r: &ReleaseRef, which: Option<RevisionNo>) -> anyhow::Result<Status> {
    let (_, rev, round) = round_of(s, r, which)?;
    let rows = votes::ballots(s.store.db(), rev.id)?;
    let eval = evaluate(&round, &rows, clock::now()?)?;
    // The counting ballot is the voter's last one recorded at that time: one map, built once,
    // rather than a search through every ballot for each voter.
    let last_at: HashMap<(&str, Timestamp), &BallotRow> = rows
        .iter()
        .map(|r| ((r.voter.as_str(), r.cast_at.timestamp()), r))
        .collect();
    let voters = eval
        .tallies
        .voters
        .iter()
        .map(|b| {
            let row = last_at.get(&(b.voter.as_str(), b.cast_at)).copied();
            VoterView {
                voter: b.voter.clone(),
                vote: b.value.to_string(),
                binding: b.binding,
                cast_at: Time::new(b.cast_at),
                source: row.map(|r| r.source.clone()).unwrap_or_default(),
                signed: row.is_some_and(|r| r.signature.is_some()),
                comment: row.and_then(|r| r.comment.clone()),
            }
        })
        .collect();
    let label = rev.label();
    let not_counted = crate::store::events::voided(s.store.db())?
        .into_iter()
        .filter(|e| e.target == r.to_string())
        .filter_map(|e| match Change::read(&e.kind, &e.payload).ok()? {
            Change::VoteCast {
                revision,
                voter,
                vote,
                ..
            } if revision.is_none_or(|n| n.to_string() == label) => Some(VoidBallot {
                seq: e.seq,
                voter: voter.to_string(),
                vote: vote.to_string(),
                reason: e.void.unwrap_or_default(),
            }),
            _ => None,
        })
        .collect();
    let (review, _) = super::vote_import::reviews(s.store.db(), r, &label)?;
    Ok(Status {
        not_counted,
        needs_review: review.len(),
        review,
        release: r.to_string(),
        revision: rev.label(),
        outcome: eval.outcome.to_string(),
        binding: eval.tallies.binding,
        non_binding: eval.tallies.non_binding,
        opened_at: round.opened_at,
        closes_at: round.closes_at,
        can_close: eval.can_close,
        projected: eval.projected.to_string(),
        reason: eval.reason.clone(),
        policy: vote_round::policy(&round)?,
        manifest_hash: round.manifest_hash.clone(),
        voters,
        ballots: rows,
        closed_at: round.closed_at,
        closed_by: round.closed_by,
    })
}

#[derive(Debug, Serialize)]
pub struct CastReport {
    pub release: String,
    pub revision: String,
    pub voter: String,
    pub vote: String,
    pub binding: bool,
    pub signed_by: Option<Fingerprint>,
    pub cast_at: Time,
}

pub(super) fn refuse_closed(round: &Round, r: &ReleaseRef) -> anyhow::Result<()> {
    if round.closure.is_some() {
        return Err(Error::wrong_state(format!(
            "the vote on {r} is closed ({})",
            round.outcome.map_or("closed", rule::Outcome::as_str)
        ))
        .into());
    }
    Ok(())
}

/// `vote cast`: a voter's vote; their last one counts, all are kept.
pub fn cast(
    s: &mut Session,
    r: &ReleaseRef,
    value: Value,
    comment: Option<String>,
    signer: Option<Signer>,
) -> anyhow::Result<CastReport> {
    let (_, rev, round) = round_of(s, r, None)?;
    refuse_closed(&round, r)?;
    let db = s.store.db();
    let project = r.target.project.as_str();
    perm::check(
        Action::Vote,
        &access::holder(db, &s.actor.id, Some(project))?,
    )
    .map_err(|e| {
        Error::not_allowed(format!(
            "{} may not vote on {r}: that needs {}",
            s.actor.id, e.needs
        ))
        .hint("a person who is not a committer or PMC member votes once their consent is recorded")
    })?;
    if let Some(c) = &comment
        && (c.chars().any(|ch| ch.is_control() && ch != '\n') || c.len() > COMMENT_MAX_BYTES)
    {
        return Err(Error::usage(format!(
            "--comment holds control characters or is longer than {COMMENT_MAX_BYTES} bytes"
        ))
        .into());
    }
    let now = Time::now()?;
    let binding = access::was_pmc(db, &s.actor.id, project, now)?;
    // A signed vote is a signed event (SPEC §7): the key signs the event's canonical record,
    // which names the release, the revision, the voter, the vote and the comment.
    let signed_by = signer.as_ref().map(|k| k.record.fingerprint.clone());
    if let Some(k) = signer {
        s.use_signer(k);
    }
    let row = BallotRow {
        voter: s.actor.id.clone(),
        value,
        binding,
        comment: comment.clone(),
        cast_at: now,
        source: "cli".into(),
        signature: None,
        signer: None,
    };
    s.emit(Emit::new(
        r.to_string(),
        Change::VoteCast {
            revision: Some(rev.no()),
            voter: row.voter.parse()?,
            vote: value,
            binding,
            comment: comment.clone(),
            signature: None,
            signer: None,
        },
    ))?;
    Ok(CastReport {
        release: r.to_string(),
        revision: rev.label(),
        voter: s.actor.id.clone(),
        vote: value.to_string(),
        binding,
        signed_by,
        cast_at: now,
    })
}

#[derive(Debug, Serialize)]
pub struct CloseReport {
    pub release: String,
    pub revision: String,
    pub outcome: String,
    pub binding: rule::Tally,
    pub non_binding: rule::Tally,
}

/// `vote close [--confirm | --abandon]`: by the RM (pmc, rm or admin). Refused (exit 2) while
/// messages of an imported thread need review, unless `accept_review` (abandoning counts no
/// vote, so it is never refused for that).
pub fn close(
    s: &mut Session,
    r: &ReleaseRef,
    request: CloseRequest,
    accept_review: bool,
) -> anyhow::Result<CloseReport> {
    let (rev, round) = managed_round(s, r)?;
    if request != CloseRequest::Abandon && !accept_review && round.closure.is_none() {
        let (pending, _) = super::vote_import::reviews(s.store.db(), r, &rev.label())?;
        if !pending.is_empty() {
            let ids: Vec<&str> = pending.iter().map(|i| i.message_id.as_str()).collect();
            return Err(Error::usage(format!(
                "{} messages of the vote thread need review: {}",
                pending.len(),
                ids.join(", ")
            ))
            .hint(format!(
                "decide them with `relmgr vote import {r} THREAD.mbox --review` (or --set MSGID=VOTE, --ignore MSGID), or close with --accept-review"
            ))
            .into());
        }
    }
    let rows = votes::ballots(s.store.db(), rev.id)?;
    let now_ts = clock::now()?;
    let outcome = rule::close(
        &vote_round::policy(&round)?,
        &vote_round::ballots(&rows),
        round.opened_at.timestamp(),
        round.closes_at.timestamp(),
        now_ts,
        request,
        &closure_of(&round),
    )
    .map_err(|e| match e {
        CloseRefusal::ManualNeedsDecision => Error::usage(e.to_string()),
        other => Error::wrong_state(other.to_string()),
    })?;
    let closure = match request {
        CloseRequest::AsIs => Closure::Closed,
        CloseRequest::Confirm => Closure::Confirmed,
        CloseRequest::Abandon => Closure::Abandoned,
    };
    let outcome_text = outcome.to_string();
    s.emit(Emit::new(
        r.to_string(),
        Change::VoteClose {
            revision: Some(rev.no()),
            request: closure,
            outcome,
        },
    ))?;
    let eval = evaluate(
        &votes::round(s.store.db(), rev.id)?.expect("exists"),
        &rows,
        now_ts,
    )?;
    Ok(CloseReport {
        release: r.to_string(),
        revision: rev.label(),
        outcome: outcome_text,
        binding: eval.tallies.binding,
        non_binding: eval.tallies.non_binding,
    })
}
