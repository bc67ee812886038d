//! Release versions and their order (SPEC §4): numeric parts as numbers, a pre-release
//! qualifier before its release — `2.0.0-alpha1 < 2.0.0-beta2 < 2.0.0-M1 < 2.0.0-rc1 < 2.0.0 <
//! 2.0.0.1 < 2.0.1 < 2.10.0`, as Maven's ComparableVersion and semver order them.
//!
//! A version is read as its *release numbers* (the leading digits joined by `.`, trailing zeros
//! dropped, so `2.0` and `2.0.0` are the same release) and a *qualifier* (the rest, split at
//! `.`, `-`, `_`, `+` and between digits and letters). Releases compare number by number, a
//! missing number counting below any present one (`2.0.0 < 2.0.0.1`). Qualifiers compare token
//! by token, case-insensitively, in this order:
//!
//! `alpha` (`a1`) < `beta` (`b1`) < `milestone` (`m1`) < `rc` = `cr` < `snapshot` < *the release*
//! (no qualifier, or `ga`, `final`, `release`) < `sp` < any other word, alphabetically
//! (`incubating`) < a number.
//!
//! Unknown words sort after the release as in Maven's ComparableVersion, so
//! `1.0.0 < 1.0.0-incubating < 1.0.1`: an Apache incubator release is a release, not a
//! pre-release. Unlike ComparableVersion (whose mixed nested lists are not transitive, e.g.
//! `1.0.alpha < 1 < 1-sp < 1.0.alpha`), the order is a plain lexicographic order over a
//! canonical key, hence total; two versions with the same key (`1.0` and `1.0.0`, `1.0.0-M1`
//! and `1.0.0-m1`) are ordered by their text, so `Ord` agrees with `Eq`.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use crate::error::Error;

use super::ids::check_common;

/// A release version: `[0-9A-Za-z][0-9A-Za-z.+_-]*`, never carrying the revision. Ordered as
/// the module documentation says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Version(String);

impl Version {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl AsRef<str> for Version {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for Version {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        check_common("version", s)?;
        let ok = s.len() <= 100
            && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '_' | '-'));
        if !ok {
            return Err(Error::usage(format!(
                "version {s:?} is not valid: use [0-9A-Za-z][0-9A-Za-z.+_-]* (at most 100)"
            )));
        }
        let lower = s.to_ascii_lowercase();
        if let Some(idx) = lower.rfind("-rc")
            && lower[idx + 3..].chars().all(|c| c.is_ascii_digit())
            && lower.len() > idx + 3
        {
            return Err(Error::usage(format!(
                "version {s:?} carries a revision: write the version ({}) and use --revision for rcN",
                &s[..idx]
            )));
        }
        Ok(Version(s.to_string()))
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        compare(&self.0, &other.0)
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The order of two version texts: by their keys, then by the text itself.
fn compare(a: &str, b: &str) -> Ordering {
    Key::of(a).cmp(&Key::of(b)).then_with(|| a.cmp(b))
}

/// A number of any length, without leading zeros: shorter is smaller, then by digits.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Number<'a> {
    len: usize,
    digits: &'a str,
}

impl<'a> Number<'a> {
    fn of(digits: &'a str) -> Self {
        let digits = digits.trim_start_matches('0');
        Number {
            len: digits.len(),
            digits,
        }
    }
    fn is_zero(&self) -> bool {
        self.len == 0
    }
}

/// One token of a qualifier, in its order; `Release` is also what a missing token counts as.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Token<'a> {
    Alpha,
    Beta,
    Milestone,
    Rc,
    Snapshot,
    Release,
    Sp,
    Word(String),
    Number(Number<'a>),
}

/// The canonical key of a version text: the release numbers (trailing zeros dropped) and the
/// qualifier tokens (trailing release words and zeros dropped).
#[derive(Debug, PartialEq, Eq)]
struct Key<'a> {
    release: Vec<Number<'a>>,
    qualifier: Vec<Token<'a>>,
}

impl Ord for Key<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        // A missing release number is below any present one (`Vec`'s order); a missing
        // qualifier token counts as `Release`.
        self.release.cmp(&other.release).then_with(|| {
            let n = self.qualifier.len().max(other.qualifier.len());
            (0..n)
                .map(|i| {
                    let a = self.qualifier.get(i).unwrap_or(&Token::Release);
                    let b = other.qualifier.get(i).unwrap_or(&Token::Release);
                    a.cmp(b)
                })
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        })
    }
}

impl PartialOrd for Key<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A piece of the text between separators, split between digits and letters, and whether a
/// `.` came right before it (only `.` continues the release numbers).
fn pieces(s: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut dot = true;
    for part in s.split_inclusive(['.', '-', '_', '+']) {
        let (body, sep) = match part.char_indices().last() {
            Some((i, c)) if matches!(c, '.' | '-' | '_' | '+') => (&part[..i], Some(c)),
            _ => (part, None),
        };
        let mut start = 0;
        let bytes = body.as_bytes();
        for i in 1..=bytes.len() {
            if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[i - 1].is_ascii_digit() {
                out.push((dot && start == 0, &body[start..i]));
                start = i;
            }
        }
        dot = sep == Some('.');
    }
    out
}

impl<'a> Key<'a> {
    fn of(s: &'a str) -> Self {
        let pieces = pieces(s);
        let mut release = Vec::new();
        let mut rest = pieces.iter().peekable();
        while let Some((dot, p)) = rest.peek()
            && *dot
            && p.bytes().all(|b| b.is_ascii_digit())
        {
            release.push(Number::of(p));
            rest.next();
        }
        while release.last().is_some_and(Number::is_zero) {
            release.pop();
        }
        let rest: Vec<&str> = rest.map(|(_, p)| *p).collect();
        let mut qualifier: Vec<Token<'a>> = rest
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let next_is_number = rest
                    .get(i + 1)
                    .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
                token(p, next_is_number)
            })
            .collect();
        while qualifier
            .last()
            .is_some_and(|t| *t == Token::Release || matches!(t, Token::Number(n) if n.is_zero()))
        {
            qualifier.pop();
        }
        Key { release, qualifier }
    }
}

/// The token of one piece; `a`, `b` and `m` are short for alpha, beta and milestone only
/// before a number (`a1`, `M2`), as in Maven.
fn token(piece: &str, next_is_number: bool) -> Token<'_> {
    if piece.bytes().all(|b| b.is_ascii_digit()) {
        return Token::Number(Number::of(piece));
    }
    match piece.to_ascii_lowercase().as_str() {
        "alpha" => Token::Alpha,
        "a" if next_is_number => Token::Alpha,
        "beta" => Token::Beta,
        "b" if next_is_number => Token::Beta,
        "milestone" => Token::Milestone,
        "m" if next_is_number => Token::Milestone,
        "rc" | "cr" => Token::Rc,
        "snapshot" => Token::Snapshot,
        "ga" | "final" | "release" => Token::Release,
        "sp" => Token::Sp,
        word => Token::Word(word.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Ordering::*;
    use proptest::prelude::*;

    #[test]
    fn parses() {
        for ok in ["1.2.0", "2.17.0", "1.0.0-beta.1", "1.0+build_7", "M1"] {
            assert!(ok.parse::<Version>().is_ok(), "{ok}");
        }
        for bad in [
            "",
            ".1",
            "-1",
            "1..2",
            "1/2",
            "1 2",
            " 1",
            "1\n",
            "1.2.0-rc1",
            "1.2.0-RC2",
            "1@2",
        ] {
            assert!(bad.parse::<Version>().is_err(), "{bad:?}");
        }
    }

    /// Pairs as release managers read them. Texts are compared directly, since the order is
    /// defined on any text (`3.0.0-rc1` is a fine version elsewhere, relmgr refuses it only
    /// because it looks like a revision).
    #[test]
    fn order() {
        for (a, b, o) in [
            // SPEC §4's chain, pair by pair.
            ("2.0.0-alpha1", "2.0.0-beta2", Less),
            ("2.0.0-beta2", "2.0.0-M1", Less),
            ("2.0.0-M1", "2.0.0-rc1", Less),
            ("2.0.0-rc1", "2.0.0", Less),
            ("2.0.0", "2.0.0.1", Less),
            ("2.0.0.1", "2.0.1", Less),
            ("2.0.1", "2.10.0", Less),
            // Numbers as numbers.
            ("1.10", "1.9", Greater),
            ("1.10.0", "1.9.2", Greater),
            ("55.0.0", "9.0.0", Greater),
            ("2.17.0", "2.9.1", Greater),
            ("1.0.0-M2", "1.0.0-M10", Less),
            ("11.0.0-M1", "11.0.0", Less),
            ("11.0.0-M1", "10.1.30", Greater),
            ("11.0.0-M20", "11.0.0-M3", Greater),
            ("1.0.0-beta.2", "1.0.0-beta.11", Less),
            (
                "99999999999999999999999.0",
                "100000000000000000000000.0",
                Less,
            ),
            // Pre-releases before their release, in order.
            ("3.0.0-rc1", "3.0.0", Less),
            ("3.0.0-rc1", "2.99.0", Greater),
            ("1.0.0-alpha", "1.0.0-alpha.1", Less),
            ("1.0.0-alpha.1", "1.0.0-beta", Less),
            ("1.0.0-alpha", "1.0.0-beta.2", Less),
            ("1.0.0-beta.2", "1.0.0-rc.1", Less),
            ("1.0.0-beta", "1.0.0", Less),
            ("1.0.0-a1", "1.0.0-b1", Less),
            ("1.0.0-cr1", "1.0.0-rc2", Less),
            ("1.0.0-RC1", "1.0.0-SNAPSHOT", Less),
            ("1.0.0-SNAPSHOT", "1.0.0", Less),
            ("1.0.0-rc1-SNAPSHOT", "1.0.0-rc1", Less),
            ("5.3.0.RC1", "5.3.0", Less),
            ("2.0.0-beta", "1.9.9", Greater),
            // After the release: service packs, unknown words, build numbers.
            ("1.0.0-incubating", "1.0.0", Greater),
            ("1.0.0-incubating", "1.0.1", Less),
            ("1.0.0-incubating", "0.9.0-incubating", Greater),
            ("1.0.0-sp1", "1.0.0-incubating", Less),
            ("1.0.0-1", "1.0.0", Greater),
            ("1.0.0-1", "1.0.0.1", Less),
            ("1.0.0-incubating", "1.0.0-1", Less),
            // Same key: the text breaks the tie, so only equal texts are Equal.
            ("1.0", "1.0.0", Less),
            ("1.0.0-M1", "1.0.0-m1", Less),
            ("1.2.3.RELEASE", "1.2.3", Greater),
            ("2.17.0", "2.17.0", Equal),
            // Odd shapes still order.
            ("M1", "1.0", Less),
            ("1.0+build_7", "1.0", Greater),
        ] {
            assert_eq!(compare(a, b), o, "{a} vs {b}");
            assert_eq!(compare(b, a), o.reverse(), "{b} vs {a}");
        }
    }

    #[test]
    fn same_key() {
        for (a, b) in [
            ("1.0", "1.0.0"),
            ("1", "1.0.0.0"),
            ("1.0.0-M1", "1.0.0-m1"),
            ("1.0.0-Final", "1.0.0"),
            ("1.0.0-GA", "1.0"),
            ("1.0.0-beta2", "1.0.0-beta.2"),
            ("1.0.0-beta.0", "1.0.0-beta"),
            ("01.2", "1.2"),
        ] {
            assert_eq!(Key::of(a), Key::of(b), "{a} vs {b}");
        }
    }

    #[test]
    fn sorts_versions() {
        let mut v: Vec<Version> = [
            "2.10.0",
            "2.0.1",
            "2.0.0",
            "2.0.0-beta2",
            "2.0.0.1",
            "2.0.0-M1",
            "2.0.0-alpha1",
        ]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
        v.sort();
        let texts: Vec<&str> = v.iter().map(Version::as_str).collect();
        assert_eq!(
            texts,
            [
                "2.0.0-alpha1",
                "2.0.0-beta2",
                "2.0.0-M1",
                "2.0.0",
                "2.0.0.1",
                "2.0.1",
                "2.10.0"
            ]
        );
    }

    /// Versions made of the pieces that matter: numbers (with zeros), every qualifier word in
    /// both cases and unknown ones, joined by every separator.
    fn version() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[0-9]{1,2}",
            Just("0".to_string()),
            prop::sample::select(vec![
                "alpha",
                "a",
                "beta",
                "B",
                "M",
                "milestone",
                "rc",
                "CR",
                "SNAPSHOT",
                "ga",
                "final",
                "sp",
                "incubating",
                "foo",
                "x",
            ])
            .prop_map(str::to_string),
        ];
        (
            "[0-9]{1,2}",
            prop::collection::vec(
                (prop::sample::select(vec!["", ".", "-", "_", "+"]), piece),
                0..6,
            ),
        )
            .prop_map(|(first, rest)| {
                let mut s = first;
                for (sep, p) in rest {
                    s.push_str(sep);
                    s.push_str(&p);
                }
                s
            })
    }

    proptest! {
        /// A total order: antisymmetric, consistent with `Eq`, and transitive (a sorted list
        /// is in order pair by pair).
        #[test]
        fn order_is_total(mut vs in prop::collection::vec(version(), 1..12)) {
            for a in &vs {
                for b in &vs {
                    prop_assert_eq!(compare(a, b), compare(b, a).reverse());
                    prop_assert_eq!(compare(a, b) == Equal, a == b);
                }
            }
            vs.sort_by(|a, b| compare(a, b));
            for i in 0..vs.len() {
                for j in i..vs.len() {
                    prop_assert_ne!(compare(&vs[i], &vs[j]), Greater, "{} > {}", vs[i], vs[j]);
                }
            }
        }

        /// No text makes the order panic.
        #[test]
        fn any_text_orders(a in "\\PC{0,30}", b in "\\PC{0,30}") {
            prop_assert_eq!(compare(&a, &b), compare(&b, &a).reverse());
        }
    }
}
