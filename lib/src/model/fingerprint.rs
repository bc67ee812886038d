//! An OpenPGP key fingerprint: upper-case hex, 40 digits (v4) or 64 (v6), parsed once and valid
//! from then on.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// A key fingerprint (`0123…CDEF`), kept upper case; serializes as that string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Fingerprint(String);

impl Fingerprint {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The long key id: the last 16 hex digits of a v4 fingerprint, the first 16 of a v6 one
    /// (RFC 9580 §5.5.4.3), as gpg shows them.
    pub fn key_id(&self) -> &str {
        key_id_of(&self.0)
    }

    /// Wraps hex sequoia computed for a key (always v4 or v6, upper case).
    pub(crate) fn from_computed(hex: String) -> Fingerprint {
        debug_assert!(hex.parse::<Fingerprint>().is_ok(), "{hex:?}");
        Fingerprint(hex)
    }
}

/// [`Fingerprint::key_id`] of a fingerprint held as hex (64 digits: v6; else v4, its last 16).
fn key_id_of(hex: &str) -> &str {
    match hex.len() {
        64 => &hex[..16],
        n if n >= 16 && hex.is_ascii() => &hex[n - 16..],
        _ => hex,
    }
}

impl FromStr for Fingerprint {
    type Err = Error;
    /// 40 (v4) or 64 (v6) hex digits, either case; kept upper case.
    fn from_str(s: &str) -> Result<Self, Error> {
        let ok = (s.len() == 40 || s.len() == 64) && s.chars().all(|c| c.is_ascii_hexdigit());
        if !ok {
            return Err(Error::usage(format!(
                "{s:?} is not a key fingerprint (40 or 64 hex digits)"
            )));
        }
        Ok(Fingerprint(s.to_ascii_uppercase()))
    }
}

impl TryFrom<String> for Fingerprint {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

impl From<Fingerprint> for String {
    fn from(f: Fingerprint) -> String {
        f.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Fingerprint {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Fingerprint {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Fingerprint {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Fingerprint {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Fingerprint {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl PartialEq<Fingerprint> for String {
    fn eq(&self, other: &Fingerprint) -> bool {
        *self == other.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints() {
        let v4 = "0123456789abcdef0123456789ABCDEF01234567";
        let f: Fingerprint = v4.parse().unwrap();
        assert_eq!(f.as_str(), v4.to_ascii_uppercase());
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            format!("\"{}\"", v4.to_ascii_uppercase())
        );
        assert!("A".repeat(64).parse::<Fingerprint>().is_ok());
        for bad in [
            "",
            "0123",
            &"A".repeat(41),
            &"G".repeat(40),
            &" ".repeat(40),
            &"A".repeat(63),
        ] {
            let e = bad.parse::<Fingerprint>().unwrap_err();
            assert_eq!(e.kind.exit_code(), 2, "{bad:?}");
        }
        assert!(serde_json::from_str::<Fingerprint>("\"ABC\"").is_err());
    }
}
