//! A point in time as the store keeps it: whole seconds, UTC, written `2026-01-02T03:04:05Z` in
//! the index, in JSON and in human output alike. A newtype over `jiff::Timestamp` so that it can
//! carry `ToSql`/`FromSql` (see `store::state`) and serde as that one string.

use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::clock;
use crate::error::Error;

/// A time in whole seconds; compares as a time, serializes and displays as `clock::fmt` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Time(Timestamp);

impl Time {
    /// The time, rounded down to whole seconds.
    pub fn new(ts: Timestamp) -> Time {
        Time(Timestamp::from_second(ts.as_second()).unwrap_or(ts))
    }

    /// The current time (`$RELMGR_NOW` if set), see [`clock::now`].
    pub fn now() -> anyhow::Result<Time> {
        clock::now().map(Time::new)
    }

    /// Any time [`clock::parse_time`] reads (RFC 3339 with an offset, or a bare date): for
    /// user input and event payloads, which are typed where they enter the index.
    pub fn parse_lenient(s: &str) -> Result<Time, String> {
        clock::parse_time(s).map(Time::new)
    }

    pub fn timestamp(self) -> Timestamp {
        self.0
    }
}

impl From<Timestamp> for Time {
    fn from(ts: Timestamp) -> Time {
        Time::new(ts)
    }
}

impl From<Time> for Timestamp {
    fn from(t: Time) -> Timestamp {
        t.0
    }
}

impl FromStr for Time {
    type Err = Error;
    /// Exactly the store's form, `YYYY-MM-DDTHH:MM:SSZ`: what the index and `--json` hold.
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.parse::<Timestamp>() {
            Ok(ts) if clock::fmt(ts) == s => Ok(Time(ts)),
            _ => Err(Error::usage(format!(
                "{s:?} is not a time in the form 2026-01-02T03:04:05Z"
            ))),
        }
    }
}

impl TryFrom<String> for Time {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

impl From<Time> for String {
    fn from(t: Time) -> String {
        t.to_string()
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&clock::fmt(self.0))
    }
}

/// serde's `deserialize_with` for a time an event payload carries: written in the store form,
/// read as any form [`Time::parse_lenient`] takes (events of earlier relmgr versions may carry
/// fractional seconds or an offset), and anything else does not read: the event is void with
/// its reason, never stamped with some other time (issue #26 item 3).
pub mod in_payload {
    use std::borrow::Cow;

    use serde::{Deserialize, Deserializer};

    use super::Time;

    fn read<E: serde::de::Error>(s: &str) -> Result<Time, E> {
        Time::parse_lenient(s).map_err(E::custom)
    }

    /// An optional time (`null` or absent: None; give the field `#[serde(default)]`).
    pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Time>, D::Error> {
        Option::<Cow<'de, str>>::deserialize(d)?
            .map(|s| read(&s))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_text_form() {
        let t: Time = "2026-01-02T03:04:05Z".parse().unwrap();
        assert_eq!(t.to_string(), "2026-01-02T03:04:05Z");
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"2026-01-02T03:04:05Z\""
        );
        let back: Time = serde_json::from_str("\"2026-01-02T03:04:05Z\"").unwrap();
        assert_eq!(back, t);
        for bad in [
            "",
            "2026-01-02",
            "2026-01-02T03:04:05.5Z",
            "2026-01-02T04:04:05+01:00",
            "2026-01-02 03:04:05Z",
            "2026-02-30T00:00:00Z",
            "soon",
        ] {
            assert!(bad.parse::<Time>().is_err(), "{bad:?}");
        }
        assert!(serde_json::from_str::<Time>("\"2026-01-02\"").is_err());
        let lenient = Time::parse_lenient("2026-01-02T04:04:05.9+01:00").unwrap();
        assert_eq!(lenient, t);
        assert!(t < "2026-01-02T03:04:06Z".parse().unwrap());
        // Times order as times, which for the store form is also the text order.
        assert!(t > "2025-12-31T23:59:59Z".parse().unwrap());
    }

    #[derive(Debug, serde::Deserialize)]
    struct Payload {
        #[serde(default, deserialize_with = "in_payload::optional")]
        at: Option<Time>,
    }

    /// A payload's time reads in the forms earlier versions may have written, never a default.
    #[test]
    fn a_payload_time_reads_leniently_but_only_as_a_time() {
        let read = |json: &str| serde_json::from_str::<Payload>(json).map(|p| p.at);
        let t: Time = "2026-01-02T03:04:05Z".parse().unwrap();
        assert_eq!(read(r#"{"at": "2026-01-02T03:04:05Z"}"#).unwrap(), Some(t));
        assert_eq!(
            read(r#"{"at": "2026-01-02T03:04:05.25Z"}"#).unwrap(),
            Some(t)
        );
        assert_eq!(
            read(r#"{"at": "2026-01-02T04:04:05+01:00"}"#).unwrap(),
            Some(t)
        );
        assert_eq!(read(r#"{"at": null}"#).unwrap(), None);
        assert_eq!(read("{}").unwrap(), None);
        for bad in [r#""soon""#, r#""""#, "42", r#""2026-02-30T00:00:00Z""#] {
            let err = read(&format!(r#"{{"at": {bad}}}"#)).unwrap_err();
            assert!(!err.to_string().is_empty(), "{bad}");
        }
    }
}
