//! A CVE: its id, `CVE-YYYY-NNNN` with four or more digits after the year, parsed once and valid
//! from then on, and the record `cve add` makes of it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::model::Time;

/// A CVE as `cve show` prints it, the index keeps it and the SBOM lists it: the one type for the
/// concept across layers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cve {
    pub id: CveId,
    /// A one-line title.
    pub title: String,
    /// The publication date, `YYYY-MM-DD`.
    pub date: String,
    /// One of [`crate::sbom::SEVERITIES`]; the SBOM leaves other values out.
    pub severity: Option<String>,
    /// One of [`crate::sbom::CVE_STATES`]; the SBOM leaves other values out.
    pub state: Option<String>,
    /// When it was added (store time form).
    pub created_at: Time,
    /// `target` or `target@version` for each link.
    pub links: Vec<String>,
}

/// A CVE id (`CVE-2026-1234`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CveId(String);

impl CveId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for CveId {
    type Err = Error;
    /// `CVE-\d{4}-\d{4,}`, at most 32 characters.
    fn from_str(id: &str) -> Result<Self, Error> {
        let ok = id.len() >= 13
            && id.len() <= 32
            && id.starts_with("CVE-")
            && id[4..8].chars().all(|c| c.is_ascii_digit())
            && id.as_bytes()[8] == b'-'
            && id[9..].len() >= 4
            && id[9..].chars().all(|c| c.is_ascii_digit());
        if !ok {
            return Err(Error::usage(format!(
                "{id:?} is not a CVE id (CVE-YYYY-NNNN, four or more digits)"
            )));
        }
        Ok(CveId(id.to_string()))
    }
}

impl TryFrom<String> for CveId {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

impl From<CveId> for String {
    fn from(id: CveId) -> String {
        id.0
    }
}

impl fmt::Display for CveId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn cve_ids() {
        for ok in ["CVE-2026-1234", "CVE-1999-0001", "CVE-2024-1234567"] {
            assert_eq!(ok.parse::<CveId>().unwrap().as_str(), ok);
        }
        for bad in [
            "CVE-2026-123",
            "cve-2026-1234",
            "CVE-26-1234",
            "CVE-2026-12a4",
            "CVE-2026_1234",
            "",
        ] {
            assert!(bad.parse::<CveId>().is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<CveId>("\"CVE-1-1\"").is_err());
    }

    proptest! {
        #[test]
        fn the_parser_never_panics(s in "\\PC{0,40}") {
            let _ = s.parse::<CveId>();
        }

        #[test]
        fn real_cve_ids_round_trip(y in 1999u32..2100, n in 1000u64..100_000_000) {
            let id = format!("CVE-{y}-{n}");
            prop_assert_eq!(id.parse::<CveId>().unwrap().to_string(), id);
        }
    }
}
