//! Vote policies (versioned per target), vote rounds and ballots: their rows and their SQL.

use crate::votes::{Closure, Outcome, Value};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use crate::model::Time;

/// One stored policy version. `None` fields inherit (a product from its project, a project
/// from the store's defaults).
#[derive(Debug, Clone, Serialize)]
pub struct PolicyRow {
    pub target: String,
    pub version: u32,
    pub min_hours: Option<u32>,
    pub manual: Option<bool>,
    pub pause_on_veto: Option<bool>,
    pub checklist: Option<String>,
    pub set_by: String,
    pub set_at: Time,
    /// Which events must be signed (SPEC §7): `none`, `binding` or `all`; None: inherited.
    pub signed_events: Option<String>,
}

fn row_to_policy(r: &Row<'_>) -> rusqlite::Result<PolicyRow> {
    Ok(PolicyRow {
        target: r.get(0)?,
        version: r.get(1)?,
        min_hours: r.get(2)?,
        manual: r.get(3)?,
        pause_on_veto: r.get(4)?,
        checklist: r.get(5)?,
        set_by: r.get(6)?,
        set_at: r.get(7)?,
        signed_events: r.get(8)?,
    })
}

const POLICY_COLS: &str =
    "target, version, min_hours, manual, pause_on_veto, checklist, set_by, set_at, signed_events";

/// The newest policy version of a target, if any was set.
pub fn latest_policy(db: &Connection, target: &str) -> anyhow::Result<Option<PolicyRow>> {
    Ok(db
        .query_row(
            &format!(
                "SELECT {POLICY_COLS} FROM policies WHERE target = ?1 ORDER BY version DESC LIMIT 1"
            ),
            [target],
            row_to_policy,
        )
        .optional()?)
}

pub fn policy_history(db: &Connection, target: &str) -> anyhow::Result<Vec<PolicyRow>> {
    let mut stmt = db.prepare(&format!(
        "SELECT {POLICY_COLS} FROM policies WHERE target = ?1 ORDER BY version"
    ))?;
    let rows = stmt.query_map([target], row_to_policy)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Appends a new policy version (version = previous + 1).
pub fn insert_policy(db: &Connection, p: &PolicyRow) -> anyhow::Result<u32> {
    let version: u32 = db.query_row(
        "SELECT coalesce(max(version), 0) + 1 FROM policies WHERE target = ?1",
        [&p.target],
        |r| r.get(0),
    )?;
    db.execute(
        &format!(
            "INSERT INTO policies ({POLICY_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        ),
        params![
            p.target,
            version,
            p.min_hours,
            p.manual,
            p.pause_on_veto,
            p.checklist,
            p.set_by,
            p.set_at,
            p.signed_events
        ],
    )?;
    Ok(version)
}

/// The `signed_events` level in force for events of `target` (`p`, `p/q`, `p@v`, `p/q@v`): the
/// product's newest setting, else its project's, else `none`. Events outside any project (keys,
/// users, store roles, CVEs) take the strictest level any project has, so that a project that
/// asks for signed votes also gets signed key imports: a forged key is itself unsigned.
pub fn signed_events(db: &Connection, target: &str) -> anyhow::Result<String> {
    let latest = |t: &str| -> anyhow::Result<Option<String>> {
        Ok(db
            .query_row(
                "SELECT signed_events FROM policies WHERE target = ?1 AND signed_events IS NOT NULL
                 ORDER BY version DESC LIMIT 1",
                [t],
                |r| r.get(0),
            )
            .optional()?)
    };
    let in_project = match crate::model::Target::of_event(target) {
        Some(t)
            if t.project != "store"
                && t.project != "keys"
                && super::projects::get(db, None, t.project.as_str())?.is_some() =>
        {
            Some(t)
        }
        _ => None,
    };
    if let Some(t) = in_project {
        if t.product.is_some()
            && let Some(level) = latest(&t.to_string())?
        {
            return Ok(level);
        }
        return Ok(latest(t.project.as_str())?.unwrap_or_else(|| "none".into()));
    }
    let mut stmt = db.prepare_cached(
        "SELECT p.signed_events FROM policies p
         WHERE p.signed_events IS NOT NULL AND p.version =
           (SELECT max(version) FROM policies q WHERE q.target = p.target AND q.signed_events IS NOT NULL)",
    )?;
    let levels: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(["all", "binding"]
        .into_iter()
        .find(|l| levels.iter().any(|x| x == l))
        .unwrap_or("none")
        .to_string())
}

/// Whether an event of type `kind` must be signed under `level` (SPEC §7): under `binding`,
/// votes, vote close, role grants and revokes, key imports, generations and removals, policy
/// changes, promote, revoke and publish; under `all`, every event.
pub fn must_be_signed(level: &str, kind: &str) -> bool {
    match level {
        "all" => true,
        "binding" => matches!(
            kind,
            "vote.cast"
                | "vote.import"
                | "vote.review"
                | "vote.close"
                | "role.grant"
                | "role.revoke"
                | "key.import"
                | "key.generate"
                | "key.retire"
                | "key.assign"
                | "policy.set"
                | "release.promote"
                | "release.revoke"
                | "publish"
        ),
        _ => false,
    }
}

/// A vote round on one revision.
#[derive(Debug, Clone, Serialize)]
pub struct Round {
    #[serde(skip)]
    pub revision_id: i64,
    pub policy_target: String,
    pub policy_version: Option<u32>,
    /// The effective policy in force when the vote started (JSON).
    pub policy: serde_json::Value,
    pub manifest_hash: String,
    pub opened_at: Time,
    pub closes_at: Time,
    pub started_by: String,
    pub acknowledged: Vec<String>,
    /// What the RM did (`closed`, `confirmed` or `abandoned`); None while the vote is open.
    pub closure: Option<Closure>,
    pub outcome: Option<Outcome>,
    pub closed_at: Option<Time>,
    pub closed_by: Option<String>,
}

const ROUND_COLS: &str = "revision_id, policy_target, policy_version, policy, manifest_hash, opened_at, closes_at, started_by, acknowledged, closure, outcome, closed_at, closed_by";

/// A JSON column that does not parse: a corrupt store, never a default.
fn json_column(i: usize, e: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        rusqlite::types::Type::Text,
        format!("corrupt store: {e}").into(),
    )
}

pub fn round(db: &Connection, revision_id: i64) -> anyhow::Result<Option<Round>> {
    Ok(db
        .query_row(
            &format!("SELECT {ROUND_COLS} FROM vote_rounds WHERE revision_id = ?1"),
            [revision_id],
            |r| {
                let policy: String = r.get(3)?;
                let ack: String = r.get(8)?;
                Ok(Round {
                    revision_id: r.get(0)?,
                    policy_target: r.get(1)?,
                    policy_version: r.get(2)?,
                    policy: serde_json::from_str(&policy).map_err(|e| json_column(3, e))?,
                    manifest_hash: r.get(4)?,
                    opened_at: r.get(5)?,
                    closes_at: r.get(6)?,
                    started_by: r.get(7)?,
                    acknowledged: serde_json::from_str(&ack).map_err(|e| json_column(8, e))?,
                    closure: r.get(9)?,
                    outcome: r.get(10)?,
                    closed_at: r.get(11)?,
                    closed_by: r.get(12)?,
                })
            },
        )
        .optional()?)
}

pub fn insert_round(db: &Connection, r: &Round) -> anyhow::Result<()> {
    db.execute(
        &format!(
            "INSERT INTO vote_rounds ({ROUND_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, NULL, NULL, NULL)"
        ),
        params![
            r.revision_id,
            r.policy_target,
            r.policy_version,
            serde_json::to_string(&r.policy)?,
            r.manifest_hash,
            r.opened_at,
            r.closes_at,
            r.started_by,
            serde_json::to_string(&r.acknowledged)?
        ],
    )?;
    Ok(())
}

pub fn close_round(
    db: &Connection,
    revision_id: i64,
    closure: Closure,
    outcome: Outcome,
    at: Time,
    by: &str,
) -> anyhow::Result<()> {
    db.execute(
        "UPDATE vote_rounds SET closure = ?2, outcome = ?3, closed_at = ?4, closed_by = ?5 WHERE revision_id = ?1",
        params![revision_id, closure, outcome, at, by],
    )?;
    Ok(())
}

/// One recorded vote.
#[derive(Debug, Clone, Serialize)]
pub struct BallotRow {
    pub voter: String,
    /// Kept (and shown by `vote status --json`) as 1, 0 or -1.
    #[serde(serialize_with = "value_as_number")]
    pub value: Value,
    pub binding: bool,
    pub comment: Option<String>,
    pub cast_at: Time,
    /// `cli` or `mail`.
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    pub signer: Option<crate::model::Fingerprint>,
}

fn value_as_number<S: serde::Serializer>(v: &Value, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_i8(v.as_number())
}

pub fn insert_ballot(db: &Connection, revision_id: i64, b: &BallotRow) -> anyhow::Result<()> {
    db.execute(
        "INSERT INTO ballots (revision_id, voter, value, binding, comment, cast_at, source, signature, signer_fpr)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![revision_id, b.voter, b.value, b.binding, b.comment, b.cast_at, b.source, b.signature, b.signer],
    )?;
    Ok(())
}

/// All ballots of a round in the order they were recorded.
pub fn ballots(db: &Connection, revision_id: i64) -> anyhow::Result<Vec<BallotRow>> {
    let mut stmt = db.prepare(
        "SELECT voter, value, binding, comment, cast_at, source, signature, signer_fpr FROM ballots WHERE revision_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([revision_id], |r| {
        Ok(BallotRow {
            voter: r.get(0)?,
            value: r.get(1)?,
            binding: r.get(2)?,
            comment: r.get(3)?,
            cast_at: r.get(4)?,
            source: r.get(5)?,
            signature: r.get(6)?,
            signer: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
