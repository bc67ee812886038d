//! Where a release is: its stage and phase (SPEC §1). Parsed once; the store reads and writes
//! them through `ToSql`/`FromSql` (`store::state`), and a value the code does not know is a
//! corrupt store, never a default.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The stage of a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Staged and voted on: phases draft, voting, passed, failed.
    Candidate,
    /// Promoted after a passed vote: distributing, announced, archived.
    Current,
    /// Withdrawn, from any stage; its version stays blocked.
    Revoked,
}

/// The phase of a release, or of one of its revisions (draft, voting, passed, failed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Draft,
    Voting,
    Passed,
    Failed,
    Distributing,
    Announced,
    Archived,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Candidate, Stage::Current, Stage::Revoked];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Candidate => "candidate",
            Stage::Current => "current",
            Stage::Revoked => "revoked",
        }
    }
}

impl Phase {
    pub const ALL: [Phase; 7] = [
        Phase::Draft,
        Phase::Voting,
        Phase::Passed,
        Phase::Failed,
        Phase::Distributing,
        Phase::Announced,
        Phase::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Draft => "draft",
            Phase::Voting => "voting",
            Phase::Passed => "passed",
            Phase::Failed => "failed",
            Phase::Distributing => "distributing",
            Phase::Announced => "announced",
            Phase::Archived => "archived",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Stage {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Stage::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| {
                Error::usage(format!(
                    "{s:?} is not a stage (candidate, current, revoked)"
                ))
            })
    }
}

impl FromStr for Phase {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Phase::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| Error::usage(format!("{s:?} is not a phase")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_reads_back_its_text_and_json() {
        for s in Stage::ALL {
            assert_eq!(s.as_str().parse::<Stage>().unwrap(), s);
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for p in Phase::ALL {
            assert_eq!(p.as_str().parse::<Phase>().unwrap(), p);
            assert_eq!(serde_json::to_value(p).unwrap(), p.as_str());
        }
        assert!("Current".parse::<Stage>().is_err());
        assert!("done".parse::<Phase>().is_err());
    }
}
