//! Replays the event log into a fresh in-memory index and compares it with the live one, for
//! `fsck`: every change's event carries what it changed, so the log alone must rebuild the same
//! users, projects, roles, keys, policies, releases, packages, signatures, votes, CVEs and
//! ignores. A difference means the index was changed behind relmgr's back (or an event lies).

use rusqlite::Connection;
use serde_json::Value;

use crate::model::ReleaseRef;
use crate::model::{Phase, Stage};
use crate::pgp::{self, ParsedCert};
use crate::store::events::Event;
use crate::store::projects::{self, Meta};
use crate::store::releases::{self, NewPackage, Signature};
use crate::store::votes::{self, BallotRow, PolicyRow, Round};
use crate::store::{check, check_rules, cves, keys, users};
use crate::votes::{Closure, Outcome};

fn text(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).map(str::to_string)
}

fn vote_num(v: &Value) -> i8 {
    match v.as_str() {
        Some("+1") => 1,
        Some("-1") => -1,
        _ => 0,
    }
}

fn meta(v: &Value) -> Meta {
    Meta {
        name: text(v, "name").unwrap_or_default(),
        description: text(v, "description"),
        homepage: text(v, "homepage"),
        source_url: text(v, "source_url"),
        license: text(v, "license"),
        support_url: text(v, "support_url"),
        notify_emails: serde_json::from_value(v["notify_emails"].clone()).unwrap_or_default(),
        header_licenses: serde_json::from_value(v["header_licenses"].clone()).unwrap_or_default(),
    }
}

fn split_target(t: &str) -> (Option<&str>, &str) {
    match t.split_once('/') {
        Some((p, q)) => (Some(p), q),
        None => (None, t),
    }
}

/// The release and revision an event of `target@version` speaks of.
fn revision_of(
    db: &Connection,
    e: &Event,
    label: Option<&str>,
) -> anyhow::Result<(releases::Release, releases::Revision)> {
    let r: ReleaseRef = e.target.parse()?;
    let rel = releases::get(db, &r.target.to_string(), r.version.as_str())?
        .ok_or_else(|| anyhow::anyhow!("event {}: no release {}", e.seq, e.target))?;
    let rev = match label
        .and_then(|l| l.strip_prefix("rc"))
        .and_then(|n| n.parse::<u32>().ok())
    {
        Some(n) => releases::revision(db, rel.id, n)?,
        None => releases::newest_revision(db, rel.id)?,
    }
    .ok_or_else(|| anyhow::anyhow!("event {}: no revision of {}", e.seq, e.target))?;
    Ok((rel, rev))
}

fn import_cert(
    db: &Connection,
    owner: Option<&str>,
    armored: &str,
    time: &str,
) -> anyhow::Result<()> {
    let info = pgp::parse_keyring(armored.as_bytes())
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .into_iter()
        .find_map(|p| match p {
            ParsedCert::Accepted(i) => Some(i),
            ParsedCert::Rejected { .. } => None,
        })
        .ok_or_else(|| anyhow::anyhow!("a logged certificate no longer parses"))?;
    keys::upsert(db, &super::keys::record(&info, owner, time))
}

fn apply(db: &Connection, e: &Event) -> anyhow::Result<()> {
    let p = &e.payload;
    let t = e.time.as_str();
    match e.kind.as_str() {
        "store.init" | "user.add" => {
            let id = text(p, "user").or(text(p, "id")).unwrap_or_default();
            users::insert(
                db,
                &users::User {
                    id: id.clone(),
                    name: None,
                    email: None,
                    kind: text(p, "kind").unwrap_or_else(|| "person".into()),
                    consent: p["consent"].as_bool().unwrap_or(false),
                    consent_at: None,
                    created_at: t.into(),
                },
            )?;
            if e.kind == "store.init" {
                projects::grant_role(db, None, &id, "admin", &id, t)?;
            }
        }
        "user.consent.grant" | "user.consent.revoke" => {
            users::set_consent(
                db,
                &text(p, "id").unwrap_or_default(),
                e.kind.ends_with("grant"),
                Some(t),
            )?;
        }
        "project.create" | "product.create" => {
            let (project, key) = split_target(&e.target);
            projects::insert(db, project, key, &meta(&p["meta"]), t)?;
        }
        "project.edit" | "product.edit" => {
            let (project, key) = split_target(&e.target);
            projects::update(db, project, key, &meta(&p["meta"]))?;
        }
        "role.grant" | "role.revoke" => {
            let scope = (e.target != "store").then_some(e.target.as_str());
            let (user, role) = (
                text(p, "user").unwrap_or_default(),
                text(p, "role").unwrap_or_default(),
            );
            if e.kind == "role.grant" {
                projects::grant_role(db, scope, &user, &role, &e.actor, t)?;
            } else {
                projects::revoke_role(db, scope, &user, &role)?;
            }
        }
        "key.import" => {
            // Each key's owner (from `--user` or its email); events written before owners
            // were matched by email carry only the import's `owner`.
            let owner = text(p, "owner");
            for k in p["keys"].as_array().into_iter().flatten() {
                import_cert(
                    db,
                    text(k, "owner").or(owner.clone()).as_deref(),
                    &text(k, "certificate").unwrap_or_default(),
                    t,
                )?;
            }
        }
        "key.generate" => import_cert(
            db,
            text(p, "owner").as_deref(),
            &text(p, "certificate").unwrap_or_default(),
            t,
        )?,
        "key.retire" => keys::retire(db, &text(p, "fingerprint").unwrap_or_default(), t)?,
        "policy.set" => {
            let prev = votes::latest_policy(db, &e.target)?.unwrap_or_default();
            votes::insert_policy(
                db,
                &PolicyRow {
                    target: e.target.clone(),
                    version: 0,
                    min_hours: p["min_hours"].as_u64().map(|v| v as u32).or(prev.min_hours),
                    manual: p["manual"].as_bool().or(prev.manual),
                    pause_on_veto: p["pause_on_veto"].as_bool().or(prev.pause_on_veto),
                    checklist: text(p, "checklist").or(prev.checklist),
                    set_by: e.actor.clone(),
                    set_at: t.into(),
                },
            )?;
        }
        "release.stage" => {
            let r: ReleaseRef = e.target.parse()?;
            let (_, rev, _) = super::stage::draft_revision(db, &r, &e.actor, t)?;
            let signer = text(p, "signed_by");
            for pk in p["packages"].as_array().into_iter().flatten() {
                let id = releases::put_package(
                    db,
                    rev.id,
                    &NewPackage {
                        name: text(pk, "name").unwrap_or_default(),
                        size: pk["size"].as_u64().unwrap_or(0),
                        sha256: text(pk, "sha256").unwrap_or_default(),
                        sha512: text(pk, "sha512"),
                        media_type: text(pk, "media_type"),
                        platform: text(pk, "platform"),
                        arch: text(pk, "arch"),
                        channel: text(pk, "channel"),
                        external_url: text(pk, "external_url"),
                        source: pk["source"].as_bool(),
                    },
                    t,
                )?;
                if let (Some(fpr), Some(armored)) = (&signer, text(pk, "signature")) {
                    releases::put_signature(
                        db,
                        id,
                        &Signature {
                            fingerprint: fpr.clone(),
                            signer: fpr.clone(),
                            armored,
                            signed_at: t.into(),
                        },
                    )?;
                }
            }
        }
        "release.unstage" => {
            let (_, rev) = revision_of(db, e, text(p, "revision").as_deref())?;
            releases::delete_package(db, rev.id, &text(p, "name").unwrap_or_default())?;
        }
        "release.sign" => {
            let (_, rev) = revision_of(db, e, text(p, "revision").as_deref())?;
            let fpr = text(p, "fingerprint").unwrap_or_default();
            let packages = releases::packages(db, rev.id)?;
            for s in p["signatures"].as_array().into_iter().flatten() {
                if let Some(pk) = packages
                    .iter()
                    .find(|x| Some(&x.name) == text(s, "name").as_ref())
                {
                    releases::put_signature(
                        db,
                        pk.id,
                        &Signature {
                            fingerprint: fpr.clone(),
                            signer: fpr.clone(),
                            armored: text(s, "signature").unwrap_or_default(),
                            signed_at: t.into(),
                        },
                    )?;
                }
            }
        }
        "vote.start" => {
            let (rel, rev) = revision_of(db, e, text(p, "revision").as_deref())?;
            let manifest = text(p, "manifest_hash").unwrap_or_default();
            releases::set_revision_phase(db, rev.id, Phase::Voting, Some((t, &manifest)))?;
            releases::set_stage(
                db,
                rel.id,
                Stage::Candidate,
                Some(Phase::Voting),
                &e.actor,
                t,
                None,
            )?;
            votes::insert_round(
                db,
                &Round {
                    revision_id: rev.id,
                    policy_target: rel.target.clone(),
                    policy_version: p["policy_version"].as_u64().map(|v| v as u32),
                    policy: p["policy"].clone(),
                    manifest_hash: manifest,
                    opened_at: text(p, "opened_at").unwrap_or_else(|| t.into()),
                    closes_at: text(p, "closes_at").unwrap_or_else(|| t.into()),
                    started_by: e.actor.clone(),
                    acknowledged: serde_json::from_value(p["acknowledged"].clone())
                        .unwrap_or_default(),
                    closure: None,
                    outcome: None,
                    closed_at: None,
                    closed_by: None,
                },
            )?;
            if !p["own_vote"].is_null() {
                votes::insert_ballot(
                    db,
                    rev.id,
                    &BallotRow {
                        voter: e.actor.clone(),
                        value: vote_num(&p["own_vote"]),
                        binding: p["binding"].as_bool().unwrap_or(false),
                        comment: None,
                        cast_at: t.into(),
                        source: "cli".into(),
                        signature: None,
                        signer: None,
                    },
                )?;
            }
        }
        "vote.cast" => {
            let (_, rev) = revision_of(db, e, text(p, "revision").as_deref())?;
            votes::insert_ballot(
                db,
                rev.id,
                &BallotRow {
                    voter: text(p, "voter").unwrap_or_default(),
                    value: vote_num(&p["vote"]),
                    binding: p["binding"].as_bool().unwrap_or(false),
                    comment: text(p, "comment"),
                    cast_at: t.into(),
                    source: "cli".into(),
                    signature: text(p, "signature"),
                    signer: text(p, "signer"),
                },
            )?;
        }
        "vote.import" => {
            let (_, rev) = revision_of(db, e, text(p, "revision").as_deref())?;
            for b in p["ballots"].as_array().into_iter().flatten() {
                votes::insert_ballot(
                    db,
                    rev.id,
                    &BallotRow {
                        voter: text(b, "voter").unwrap_or_default(),
                        value: vote_num(&b["vote"]),
                        binding: b["binding"].as_bool().unwrap_or(false),
                        comment: None,
                        cast_at: text(b, "cast_at").unwrap_or_else(|| t.into()),
                        source: "mail".into(),
                        signature: None,
                        signer: None,
                    },
                )?;
            }
        }
        "vote.close" => {
            let (rel, rev) = revision_of(db, e, text(p, "revision").as_deref())?;
            let request = text(p, "request").unwrap_or_default();
            let closure = Closure::parse(&request).ok_or_else(|| {
                anyhow::anyhow!("event {}: unknown vote closure {request:?}", e.seq)
            })?;
            let outcome_text = text(p, "outcome").unwrap_or_default();
            let outcome = Outcome::parse(&outcome_text).ok_or_else(|| {
                anyhow::anyhow!("event {}: unknown vote outcome {outcome_text:?}", e.seq)
            })?;
            votes::close_round(db, rev.id, closure, outcome, t, &e.actor)?;
            let phase = match outcome {
                Outcome::Passed => Some(Phase::Passed),
                Outcome::Failed | Outcome::Abandoned => Some(Phase::Failed),
                _ => None,
            };
            if let Some(phase) = phase {
                releases::set_revision_phase(db, rev.id, phase, None)?;
                releases::set_stage(db, rel.id, Stage::Candidate, Some(phase), &e.actor, t, None)?;
            }
        }
        "release.promote" => {
            let (rel, _) = revision_of(db, e, None)?;
            releases::set_stage(
                db,
                rel.id,
                Stage::Current,
                Some(Phase::Distributing),
                &e.actor,
                t,
                None,
            )?;
            for v in p["archived"].as_array().into_iter().flatten() {
                if let Some(o) = releases::get(db, &rel.target, v.as_str().unwrap_or(""))? {
                    releases::set_stage(
                        db,
                        o.id,
                        Stage::Current,
                        Some(Phase::Archived),
                        &e.actor,
                        t,
                        None,
                    )?;
                }
            }
            super::lifecycle::refresh_version(db, &rel.project, &rel.target)?;
        }
        "release.announce" => {
            let (rel, _) = revision_of(db, e, None)?;
            releases::set_stage(
                db,
                rel.id,
                Stage::Current,
                Some(Phase::Announced),
                &e.actor,
                t,
                None,
            )?;
        }
        "release.revoke" => {
            let (rel, _) = revision_of(db, e, None)?;
            let reason = text(p, "reason").unwrap_or_default();
            releases::set_stage(db, rel.id, Stage::Revoked, None, &e.actor, t, Some(&reason))?;
            releases::revoke(db, rel.id, &reason, t)?;
            for c in p["cves"].as_array().into_iter().flatten() {
                cves::link(db, c.as_str().unwrap_or(""), &rel.target, Some(rel.id), t)?;
            }
            super::lifecycle::refresh_version(db, &rel.project, &rel.target)?;
        }
        "cve.add" => {
            let c = &p["cve"];
            cves::insert(
                db,
                &cves::Cve {
                    id: text(c, "id")
                        .unwrap_or_default()
                        .parse()
                        .map_err(|err| anyhow::anyhow!("event {}: {err}", e.seq))?,
                    title: text(c, "title").unwrap_or_default(),
                    date: text(c, "date").unwrap_or_default(),
                    severity: text(c, "severity"),
                    state: text(c, "state"),
                    created_at: t.into(),
                    links: vec![],
                },
            )?;
        }
        "cve.link" => {
            let cve = text(p, "cve").unwrap_or_default();
            match e.target.parse::<ReleaseRef>() {
                Ok(r) => {
                    let rel = releases::get(db, &r.target.to_string(), r.version.as_str())?
                        .ok_or_else(|| anyhow::anyhow!("event {}: no release", e.seq))?;
                    cves::link(db, &cve, &rel.target, Some(rel.id), t)?;
                }
                Err(_) => {
                    cves::link(db, &cve, &e.target, None, t)?;
                }
            }
        }
        "check.ignore.add" => {
            check_rules::add_ignore(
                db,
                &check_rules::IgnoreRow {
                    target: e.target.clone(),
                    pattern: text(p, "pattern").unwrap_or_default(),
                    reason: text(p, "reason").unwrap_or_default(),
                    added_by: e.actor.clone(),
                    added_at: t.into(),
                },
            )?;
        }
        "check.ignore.remove" => {
            check_rules::remove_ignore(db, &e.target, &text(p, "pattern").unwrap_or_default())?;
        }
        // Reports and derived files: nothing in the compared state.
        "release.check" | "publish" | "user.edit" | "mail.sent" => {}
        other => anyhow::bail!("event {}: unknown type {other}", e.seq),
    }
    Ok(())
}

/// The index the log rebuilds: `events` (the whole log, in order, as fsck read it for the chain)
/// applied in order to a fresh index in memory. `Ok(Err(line))` when the log does not replay
/// (the finding to report).
pub fn replay(events: &[Event]) -> anyhow::Result<Result<Connection, String>> {
    let mut scratch = check::scratch_index()?;
    // One transaction for the whole replay: the scratch index is memory, but each statement
    // outside a transaction would still be its own commit.
    let tx = scratch.transaction()?;
    for e in events {
        if let Err(err) = apply(&tx, e) {
            return Ok(Err(format!(
                "the log does not replay at event {} ({}): {err:#}",
                e.seq, e.kind
            )));
        }
    }
    tx.commit()?;
    Ok(Ok(scratch))
}

/// The rows of sorted `rows` that sorted `other` lacks, in order (a merge of the two).
fn missing_from<'a>(rows: &'a [String], other: &[String]) -> Vec<&'a String> {
    let mut out = Vec::new();
    let mut j = 0;
    for row in rows {
        while j < other.len() && other[j] < *row {
            j += 1;
        }
        if j == other.len() || other[j] != *row {
            out.push(row);
        }
    }
    out
}

/// Differences between the live index and a replayed one, as readable lines: per table, the
/// live rows the replay lacks, then the replayed rows the index lacks.
pub fn compare(live: &Connection, replayed: &Connection) -> anyhow::Result<Vec<String>> {
    Ok(compare_states(
        &check::state(live)?,
        &check::state(replayed)?,
    ))
}

/// [`compare`] over the two indexes' [`check::state`], read already.
pub fn compare_states(a: &check::State, b: &check::State) -> Vec<String> {
    let mut out = Vec::new();
    for ((table, live_rows), (_, replayed)) in a.iter().zip(b.iter()) {
        // Both sides are sorted: equal tables (the usual case) compare as one pass, different
        // ones by a merge, linear either way.
        if live_rows == replayed {
            continue;
        }
        for row in missing_from(live_rows, replayed) {
            out.push(format!(
                "{table}: the index has a row the log does not explain: {}",
                row.chars().take(160).collect::<String>()
            ));
        }
        for row in missing_from(replayed, live_rows) {
            out.push(format!(
                "{table}: the log has a row the index lacks: {}",
                row.chars().take(160).collect::<String>()
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::missing_from;

    fn rows(r: &[&str]) -> Vec<String> {
        r.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn missing_rows_are_those_the_other_side_lacks_as_a_set_would_say() {
        // (rows, other, rows missing from other): duplicates count as members, as with sets.
        let cases: &[(&[&str], &[&str], &[&str])] = &[
            (&[], &[], &[]),
            (&["a"], &[], &["a"]),
            (&[], &["a"], &[]),
            (&["a", "b", "c"], &["a", "b", "c"], &[]),
            (&["a", "b", "d"], &["b", "c"], &["a", "d"]),
            (&["a", "a", "b"], &["a"], &["b"]),
            (&["b", "b"], &["a", "c"], &["b", "b"]),
            (&["a", "z"], &["b", "c", "d"], &["a", "z"]),
        ];
        for (a, b, want) in cases {
            let (a, b) = (rows(a), rows(b));
            let got: Vec<&str> = missing_from(&a, &b)
                .into_iter()
                .map(|s| s.as_str())
                .collect();
            let set: std::collections::BTreeSet<&String> = b.iter().collect();
            let by_set: Vec<&str> = a
                .iter()
                .filter(|r| !set.contains(r))
                .map(|s| s.as_str())
                .collect();
            assert_eq!(got, *want, "{a:?} vs {b:?}");
            assert_eq!(got, by_set, "{a:?} vs {b:?}");
        }
    }
}
