//! The vote rule: ballots, tallies, and the decision of a vote's outcome.
//!
//! Everything here is a pure function of its arguments: the caller passes
//! the ballots, the policy, the vote's window and the current time, and
//! stores whatever closure the RM made.
//!
//! # The rule
//!
//! A vote passes when it has **at least 3 binding +1** and **more binding +1
//! than binding −1** ([`rule_holds`]). Non-binding ballots are tallied and
//! shown but never decide anything.
//!
//! A voter's **last** ballot counts ([`tally`]); all ballots are kept by the
//! caller. Whether a ballot is binding is decided when it is cast (the voter
//! was on the PMC at that time) and stored in [`Ballot::binding`]; a later
//! change of role never changes an earlier ballot.
//!
//! # Design decisions (where the spec is silent)
//!
//! * **Voter identity** is the exact [`Ballot::voter`] string; the caller
//!   normalises it (e.g. lower-cased e-mail or Apache id).
//! * **Ties in time**: when two ballots of one voter have the same
//!   `cast_at`, the one later in the slice wins.
//! * **Ballots are not filtered by time**: ballots cast before `opened_at`
//!   or after `closes_at` (but before the RM closes the vote) all count.
//!   Once the RM has closed the vote the caller must stop recording
//!   ballots; [`evaluate`] recomputes a [`Closure::Closed`] vote from the
//!   ballots it is given.
//! * **The window**: a vote can be closed once `now >= closes_at`. With
//!   `min_hours == 0` it can also be closed *before* `closes_at` as soon as
//!   the rule holds; a vote whose rule does not hold is refused
//!   ([`CloseRefusal::TooEarly`]) until `closes_at`. With `min_hours == 0`
//!   and no `--hours`, `closes_at == opened_at`, so such a vote can be
//!   closed at once and, if the rule does not hold, it fails.
//! * **Veto signal**: with `pause_on_veto`, *any* −1, binding or
//!   non-binding, pauses a passing vote in
//!   [`Outcome::AwaitingConfirmation`]. A vote whose rule does not hold
//!   simply fails; there is nothing to confirm.
//! * **Closing a paused vote**: [`CloseRequest::AsIs`] on a vote that would
//!   pause returns [`Outcome::AwaitingConfirmation`]; the caller stores
//!   [`Closure::Closed`] and the RM later sends [`CloseRequest::Confirm`]
//!   or [`CloseRequest::Abandon`]. `Confirm` (or `Abandon`) can also be sent
//!   directly on an open vote that would pause, closing and deciding in one
//!   step.
//! * **Abandon** is allowed at any time (even before `closes_at`) on a vote
//!   whose outcome is not final; it is refused with
//!   [`CloseRefusal::AlreadyClosed`] on a passed, failed or abandoned vote.
//! * **Manual policy**: no rule decides. `AsIs` is refused with
//!   [`CloseRefusal::ManualNeedsDecision`]; `Confirm` (→ passed) respects
//!   the time window (refused with `TooEarly` before `closes_at` unless
//!   `min_hours == 0`); `Abandon` is allowed at any time. A manual vote
//!   stored as [`Closure::Closed`] (which this module never produces) is
//!   shown as awaiting confirmation.
//! * **Confirm** on a non-manual vote that is not (and would not be)
//!   awaiting confirmation is refused with [`CloseRefusal::NothingToConfirm`].
//! * **Order of checks** in [`close`]: already final → `AlreadyClosed`;
//!   `Abandon` → abandoned; manual `AsIs` → `ManualNeedsDecision`; the time
//!   window → `TooEarly`; then `Confirm` without a pause → `NothingToConfirm`.
//!   On a vote already closed and awaiting confirmation, only `Confirm` and
//!   `Abandon` are accepted (`AsIs` → `AlreadyClosed(awaiting-confirmation)`),
//!   with no time check.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

/// The number of binding +1 a vote needs to pass.
pub const MIN_BINDING_PLUS: u32 = 3;

/// A vote's value: +1, 0 or −1. Serializes as its [`Display`](fmt::Display) form; reads back
/// only from exactly that form ([`Value::parse_stored`]): an event payload or a JSON document
/// holding anything else (`+2`, `1`, `yes`) does not read, never counts as some default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Value {
    /// +1: in favour.
    #[serde(rename = "+1")]
    Plus,
    /// 0: no opinion either way.
    #[serde(rename = "0")]
    Zero,
    /// −1: against (with reasons).
    #[serde(rename = "-1")]
    Minus,
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Value {
    /// `+1`, `0` or `-1`, with no string made per vote.
    pub fn as_str(self) -> &'static str {
        match self {
            Value::Plus => "+1",
            Value::Zero => "0",
            Value::Minus => "-1",
        }
    }

    /// Exactly `+1`, `0` or `-1`: the form relmgr has always written into events. (`FromStr`
    /// also takes what people type and mails say: `1`, `+0`, a Unicode minus; a stored value
    /// in such a form was never written by relmgr, and the rule book has always voided it.)
    pub fn parse_stored(s: &str) -> Option<Value> {
        match s {
            "+1" => Some(Value::Plus),
            "0" => Some(Value::Zero),
            "-1" => Some(Value::Minus),
            _ => None,
        }
    }

    /// 1, 0 or -1: how the index keeps a ballot and `vote status --json` shows it.
    pub fn as_number(self) -> i8 {
        match self {
            Value::Plus => 1,
            Value::Zero => 0,
            Value::Minus => -1,
        }
    }

    /// The value of [`Value::as_number`]; None for any other number.
    pub fn from_number(n: i64) -> Option<Value> {
        match n {
            1 => Some(Value::Plus),
            0 => Some(Value::Zero),
            -1 => Some(Value::Minus),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Value::parse_stored(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("{s:?} is not a vote (+1, 0 or -1)")))
    }
}

/// The release manager's decision on a message of a vote thread that needed review (#29): the
/// sender's vote, or no vote (`none`). Serializes as `+1`, `0`, `-1` or `none` and reads back
/// only from those.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The sender's vote.
    Vote(Value),
    /// No vote from the message.
    Ignore,
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::Vote(v) => v.fmt(f),
            Decision::Ignore => f.write_str("none"),
        }
    }
}

impl Decision {
    /// `+1`, `0`, `-1` or `none`, with no string made per decision.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Vote(v) => v.as_str(),
            Decision::Ignore => "none",
        }
    }

    /// The vote it records, if any.
    pub fn vote(self) -> Option<Value> {
        match self {
            Decision::Vote(v) => Some(v),
            Decision::Ignore => None,
        }
    }
}

impl Serialize for Decision {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Decision {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        match s.as_ref() {
            "none" => Ok(Decision::Ignore),
            v => Value::parse_stored(v).map(Decision::Vote).ok_or_else(|| {
                serde::de::Error::custom(format!("{v:?} is not a decision (+1, 0, -1 or none)"))
            }),
        }
    }
}

/// The error of parsing a [`Value`] from a string.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid vote {0:?}: expected one of +1, 1, 0, +0, -0, -1")]
pub struct ParseValueError(pub String);

impl FromStr for Value {
    type Err = ParseValueError;

    /// Parses `+1` or `1` (Plus), `0`, `+0` or `-0` (Zero), `-1` (Minus),
    /// ignoring surrounding whitespace. A Unicode minus sign (`−`) is
    /// accepted for `-`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().replace('\u{2212}', "-").as_str() {
            "+1" | "1" => Ok(Value::Plus),
            "0" | "+0" | "-0" => Ok(Value::Zero),
            "-1" => Ok(Value::Minus),
            _ => Err(ParseValueError(s.to_string())),
        }
    }
}

/// A project's vote policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policy {
    /// Minimum hours a vote stays open (default 72). 0 means no minimum:
    /// the vote can close as soon as the rule holds.
    pub min_hours: u32,
    /// Votes are recorded but no rule decides: the RM decides at close.
    pub manual: bool,
    /// A passing vote that has any −1 waits for the RM to confirm or
    /// abandon it.
    pub pause_on_veto: bool,
    /// A markdown checklist shown to voters, if any.
    pub checklist: Option<String>,
}

impl Default for Policy {
    /// 72 hours minimum, rule-decided, no pause on veto, no checklist.
    fn default() -> Self {
        Policy {
            min_hours: 72,
            manual: false,
            pause_on_veto: false,
            checklist: None,
        }
    }
}

/// One ballot as cast by one voter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    /// Who voted (compared exactly; the caller normalises it).
    pub voter: String,
    /// The value voted.
    pub value: Value,
    /// Whether the voter was on the PMC when the ballot was cast.
    pub binding: bool,
    /// When the ballot was cast.
    pub cast_at: Timestamp,
}

/// Counts of +1, 0 and −1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Number of +1.
    pub plus: u32,
    /// Number of 0.
    pub zero: u32,
    /// Number of −1.
    pub minus: u32,
}

impl Tally {
    fn add(&mut self, value: Value) {
        match value {
            Value::Plus => self.plus += 1,
            Value::Zero => self.zero += 1,
            Value::Minus => self.minus += 1,
        }
    }
}

/// The tallies of a vote, counting each voter's last ballot only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tallies {
    /// Counts of binding ballots.
    pub binding: Tally,
    /// Counts of non-binding ballots.
    pub non_binding: Tally,
    /// The effective (last) ballot of each voter, sorted by voter.
    pub voters: Vec<Ballot>,
}

impl Tallies {
    /// Whether any effective ballot, binding or not, is a −1.
    pub fn has_veto(&self) -> bool {
        self.binding.minus > 0 || self.non_binding.minus > 0
    }
}

/// Tallies ballots: each voter's last ballot by `cast_at` counts; when two
/// ballots of one voter have the same `cast_at`, the later one in the slice
/// wins. Each counted ballot keeps its own `binding` flag.
pub fn tally(ballots: &[Ballot]) -> Tallies {
    let mut last: BTreeMap<&str, &Ballot> = BTreeMap::new();
    for b in ballots {
        match last.get(b.voter.as_str()) {
            Some(prev) if prev.cast_at > b.cast_at => {}
            _ => {
                last.insert(b.voter.as_str(), b);
            }
        }
    }
    let mut t = Tallies::default();
    for b in last.values() {
        if b.binding {
            t.binding.add(b.value);
        } else {
            t.non_binding.add(b.value);
        }
        t.voters.push((*b).clone());
    }
    t
}

/// What the RM did to close a vote, as stored by the caller.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Closure {
    /// Not closed yet: the vote is open.
    #[default]
    Open,
    /// The RM confirmed a vote (paused on a veto, or manual): it passed.
    Confirmed,
    /// The RM abandoned the vote.
    Abandoned,
    /// The RM closed the vote as-is: the rule decides its outcome.
    Closed,
}

/// The outcome of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Still open (not closed by the RM).
    Open,
    /// Passed.
    Passed,
    /// Failed: the rule did not hold at close.
    Failed,
    /// Closed, passing but with a −1 under `pause_on_veto` (or manual):
    /// waits for the RM to confirm or abandon it.
    AwaitingConfirmation,
    /// Abandoned by the RM.
    Abandoned,
}

impl Closure {
    /// The name stored with a closed vote (`closed`, `confirmed`, `abandoned`; `open` is never
    /// stored).
    pub fn as_str(self) -> &'static str {
        match self {
            Closure::Open => "open",
            Closure::Confirmed => "confirmed",
            Closure::Abandoned => "abandoned",
            Closure::Closed => "closed",
        }
    }

    /// The closure of a stored name; None for a name the code does not know.
    pub fn parse(s: &str) -> Option<Closure> {
        [
            Closure::Open,
            Closure::Confirmed,
            Closure::Abandoned,
            Closure::Closed,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

impl Outcome {
    /// The outcome of a stored name; None for a name the code does not know.
    pub fn parse(s: &str) -> Option<Outcome> {
        [
            Outcome::Open,
            Outcome::Passed,
            Outcome::Failed,
            Outcome::AwaitingConfirmation,
            Outcome::Abandoned,
        ]
        .into_iter()
        .find(|o| o.as_str() == s)
    }

    /// The kebab-case name (`open`, `passed`, `failed`,
    /// `awaiting-confirmation`, `abandoned`).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Open => "open",
            Outcome::Passed => "passed",
            Outcome::Failed => "failed",
            Outcome::AwaitingConfirmation => "awaiting-confirmation",
            Outcome::Abandoned => "abandoned",
        }
    }

    /// Whether nothing can change this outcome any more (passed, failed,
    /// abandoned).
    pub fn is_final(self) -> bool {
        matches!(self, Outcome::Passed | Outcome::Failed | Outcome::Abandoned)
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the rule holds: at least 3 binding +1 and more binding +1 than
/// binding −1. Non-binding ballots never count.
pub fn rule_holds(t: &Tallies) -> bool {
    t.binding.plus >= MIN_BINDING_PLUS && t.binding.plus > t.binding.minus
}

/// The error of [`closes_at`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    /// The hours asked for are below the policy's minimum.
    #[error("a vote must stay open at least {min_hours} hours; {hours} hours is too short")]
    BelowMinimum {
        /// The hours asked for.
        hours: u32,
        /// The policy's minimum.
        min_hours: u32,
    },
    /// The closing time would be out of the supported time range.
    #[error("the vote's closing time is out of range")]
    OutOfRange,
}

/// When a vote opened at `opened_at` closes: `opened_at` plus
/// `hours` (given at start), or `policy.min_hours` when `hours` is `None`.
/// Hours below `policy.min_hours` are refused.
pub fn closes_at(
    opened_at: Timestamp,
    policy: &Policy,
    hours: Option<u32>,
) -> Result<Timestamp, WindowError> {
    let h = match hours {
        Some(h) if h < policy.min_hours => {
            return Err(WindowError::BelowMinimum {
                hours: h,
                min_hours: policy.min_hours,
            });
        }
        Some(h) => h,
        None => policy.min_hours,
    };
    opened_at
        .checked_add(SignedDuration::from_hours(i64::from(h)))
        .map_err(|_| WindowError::OutOfRange)
}

/// What [`evaluate`] decides: what `vote status` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    /// The outcome now: `open` until the RM closes the vote, then the
    /// stored closure decides.
    pub outcome: Outcome,
    /// What closing as-is would give now, ignoring the time window (for a
    /// closed vote, the same as `outcome`). `open` for a manual policy that
    /// is not closed: the RM decides.
    pub projected: Outcome,
    /// The tallies.
    pub tallies: Tallies,
    /// Whether the RM may close (or, when awaiting confirmation, decide)
    /// now. Abandoning is always possible on a vote that is not final and
    /// is not reflected here.
    pub can_close: bool,
    /// One short sentence for humans.
    pub reason: String,
}

/// What the RM asks for when closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CloseRequest {
    /// Close and let the rule decide.
    AsIs,
    /// Confirm a paused (or manual) vote: it passes.
    Confirm,
    /// Give up the vote: it is abandoned.
    Abandon,
}

/// Why a close request is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CloseRefusal {
    /// The vote's window has not elapsed yet.
    #[error("the vote cannot be closed before {closes_at}")]
    TooEarly {
        /// When the vote can be closed.
        closes_at: Timestamp,
    },
    /// The vote is already closed with this outcome.
    #[error("the vote is already closed: {0}")]
    AlreadyClosed(Outcome),
    /// Confirm was asked for but the vote is not awaiting confirmation.
    #[error("nothing to confirm: the vote is not awaiting confirmation")]
    NothingToConfirm,
    /// Manual policy: the RM must confirm (pass) or abandon.
    #[error("this vote is decided manually: close it with --confirm (pass) or --abandon")]
    ManualNeedsDecision,
}

/// What the rule gives for these tallies if closed as-is (not manual).
fn rule_outcome(policy: &Policy, t: &Tallies) -> Outcome {
    if !rule_holds(t) {
        Outcome::Failed
    } else if policy.pause_on_veto && t.has_veto() {
        Outcome::AwaitingConfirmation
    } else {
        Outcome::Passed
    }
}

/// The outcome under a stored closure (`None` gives `Open`).
fn stored_outcome(policy: &Policy, t: &Tallies, closure: &Closure) -> Outcome {
    match closure {
        Closure::Open => Outcome::Open,
        Closure::Confirmed => Outcome::Passed,
        Closure::Abandoned => Outcome::Abandoned,
        Closure::Closed if policy.manual => Outcome::AwaitingConfirmation,
        Closure::Closed => rule_outcome(policy, t),
    }
}

/// Whether the time window allows closing now.
fn window_allows(policy: &Policy, t: &Tallies, closes_at: Timestamp, now: Timestamp) -> bool {
    now >= closes_at || (policy.min_hours == 0 && (policy.manual || rule_holds(t)))
}

fn counts(t: &Tallies) -> String {
    format!(
        "{} binding +1, {} binding -1",
        t.binding.plus, t.binding.minus
    )
}

/// Decides what `vote status` shows.
///
/// Until the RM closes the vote (`closure` is [`Closure::Open`]) the outcome
/// is `open`; [`Evaluation::projected`] and the reason tell what closing
/// would give ("3 binding +1 needed, 2 so far"). After a close, the stored
/// closure decides. `opened_at` is accepted for symmetry with [`close`];
/// ballots are not filtered by time.
pub fn evaluate(
    policy: &Policy,
    ballots: &[Ballot],
    opened_at: Timestamp,
    closes_at: Timestamp,
    now: Timestamp,
    closure: &Closure,
) -> Evaluation {
    let _ = opened_at;
    let tallies = tally(ballots);
    let outcome = stored_outcome(policy, &tallies, closure);
    let (projected, can_close, reason) = if outcome != Outcome::Open {
        let reason = match outcome {
            Outcome::Passed if *closure == Closure::Confirmed => {
                format!("Confirmed by the RM ({}).", counts(&tallies))
            }
            Outcome::Passed => format!("Passed ({}).", counts(&tallies)),
            Outcome::Failed => failed_reason(&tallies),
            Outcome::Abandoned => "Abandoned by the RM.".to_string(),
            Outcome::AwaitingConfirmation if policy.manual => {
                "Closed; the RM must confirm or abandon it.".to_string()
            }
            _ => format!(
                "Passes the rule but has a -1; the RM must confirm or abandon it ({}).",
                counts(&tallies)
            ),
        };
        (outcome, !outcome.is_final(), reason)
    } else if policy.manual {
        let can = window_allows(policy, &tallies, closes_at, now);
        let reason = if can {
            format!(
                "Manual vote ({}); the RM may confirm or abandon it.",
                counts(&tallies)
            )
        } else {
            format!(
                "Manual vote ({}); the RM may decide from {closes_at}.",
                counts(&tallies)
            )
        };
        (Outcome::Open, can, reason)
    } else {
        let projected = rule_outcome(policy, &tallies);
        let can = window_allows(policy, &tallies, closes_at, now);
        let what = match projected {
            Outcome::Passed => format!("Would pass ({})", counts(&tallies)),
            Outcome::AwaitingConfirmation => format!(
                "Would pass but has a -1, so it would await confirmation ({})",
                counts(&tallies)
            ),
            _ => {
                let r = failed_reason(&tallies);
                r.trim_end_matches('.').to_string()
            }
        };
        let when = if can {
            "; it can be closed now.".to_string()
        } else {
            format!("; it cannot be closed before {closes_at}.")
        };
        (projected, can, format!("{what}{when}"))
    };
    Evaluation {
        outcome,
        projected,
        tallies,
        can_close,
        reason,
    }
}

fn failed_reason(t: &Tallies) -> String {
    if t.binding.plus < MIN_BINDING_PLUS {
        format!(
            "{MIN_BINDING_PLUS} binding +1 needed, {} so far.",
            t.binding.plus
        )
    } else {
        format!("More binding +1 than -1 needed ({}).", counts(t))
    }
}

/// Validates a close request and returns the vote's new outcome, or why it
/// is refused. `already` is the closure stored so far.
///
/// * `AsIs`: the rule decides: `passed`, `failed`, or
///   `awaiting-confirmation` (pause on veto; store [`Closure::Closed`]).
/// * `Confirm`: `passed`, for a vote awaiting confirmation (closed or
///   would-be) or a manual one.
/// * `Abandon`: `abandoned`, at any time, unless the outcome is final.
///
/// See the module docs for the order of checks.
pub fn close(
    policy: &Policy,
    ballots: &[Ballot],
    opened_at: Timestamp,
    closes_at: Timestamp,
    now: Timestamp,
    request: CloseRequest,
    already: &Closure,
) -> Result<Outcome, CloseRefusal> {
    let _ = opened_at;
    let tallies = tally(ballots);
    let current = stored_outcome(policy, &tallies, already);
    if current.is_final() {
        return Err(CloseRefusal::AlreadyClosed(current));
    }
    if request == CloseRequest::Abandon {
        return Ok(Outcome::Abandoned);
    }
    if current == Outcome::AwaitingConfirmation {
        // Closed already (the window was checked then): only a decision.
        return match request {
            CloseRequest::Confirm => Ok(Outcome::Passed),
            _ => Err(CloseRefusal::AlreadyClosed(current)),
        };
    }
    if policy.manual && request == CloseRequest::AsIs {
        return Err(CloseRefusal::ManualNeedsDecision);
    }
    if !window_allows(policy, &tallies, closes_at, now) {
        return Err(CloseRefusal::TooEarly { closes_at });
    }
    if policy.manual {
        // Only Confirm is left.
        return Ok(Outcome::Passed);
    }
    let outcome = rule_outcome(policy, &tallies);
    match request {
        CloseRequest::Confirm if outcome == Outcome::AwaitingConfirmation => Ok(Outcome::Passed),
        CloseRequest::Confirm => Err(CloseRefusal::NothingToConfirm),
        _ => Ok(outcome),
    }
}

#[cfg(test)]
mod tests;
