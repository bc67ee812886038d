//! What the rule ([`crate::votes::rule`]) needs of a vote round the index holds: the policy it
//! was opened under and its ballots. The rule book judges a close with them
//! (`history::vote_outcome`), and `vote status`/`vote close` ask the rule with the same ones.

use crate::store::votes::{BallotRow, Round};
use crate::votes::{Ballot, Policy};

/// The ballots of a round as the rule counts them.
pub(crate) fn ballots(rows: &[BallotRow]) -> Vec<Ballot> {
    rows.iter()
        .map(|b| Ballot {
            voter: b.voter.clone(),
            value: b.value,
            binding: b.binding,
            cast_at: b.cast_at.timestamp(),
        })
        .collect()
}

/// The policy a vote round was opened under, as recorded with it.
pub(crate) fn policy(round: &Round) -> anyhow::Result<Policy> {
    serde_json::from_value(round.policy.clone())
        .map_err(|e| anyhow::anyhow!("corrupt store: the vote's recorded policy: {e}"))
}
