//! Identifiers: project and product keys, targets, release references, revisions,
//! user ids, roles and package file names.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;

pub use super::version::Version;

/// Rejects what SPEC §5 forbids in every name: empty, `/`, `..`, whitespace at the ends,
/// control characters.
pub(super) fn check_common(what: &str, s: &str) -> Result<(), Error> {
    if s.is_empty() {
        return Err(Error::usage(format!("{what} is empty")));
    }
    if s.chars().any(char::is_control) {
        return Err(Error::usage(format!(
            "{what} {:?} holds a control character",
            s
        )));
    }
    if s.trim() != s {
        return Err(Error::usage(format!(
            "{what} {s:?} has whitespace at its ends"
        )));
    }
    if s.contains('/') || s.contains('\\') {
        return Err(Error::usage(format!("{what} {s:?} holds a slash")));
    }
    if s.contains("..") {
        return Err(Error::usage(format!("{what} {s:?} holds '..'")));
    }
    Ok(())
}

/// Deserialize through `FromStr`: a value read from an event payload is the type or the payload
/// does not read (the event is void), never a default (issue #26 item 3).
macro_rules! parsed_on_read {
    ($name:ident) => {
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

macro_rules! string_type {
    ($name:ident) => {
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }
        parsed_on_read!($name);
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
        /// Read as the text it was parsed from (SQL parameters, messages, maps by name).
        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }
        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }
        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }
        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                self == &other.0
            }
        }
        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }
    };
}

/// A project or product key: `[a-z0-9][a-z0-9-]*`, at most 64 characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TargetKey(String);
string_type!(TargetKey);

impl TargetKey {
    /// Parses a key, naming it `what` (`project id`, `product id`) in errors: a user calls
    /// it an id, and "key" reads as an OpenPGP key in relmgr's messages.
    pub fn parse_as(what: &str, s: &str) -> Result<TargetKey, Error> {
        check_common(what, s)?;
        let ok = s.len() <= 64
            && s.chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            return Err(Error::usage(format!(
                "{what} {s:?} is not valid: use lowercase letters, digits and '-', starting with a letter or digit (at most 64)"
            )));
        }
        Ok(TargetKey(s.to_string()))
    }
}

impl FromStr for TargetKey {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        TargetKey::parse_as("project id", s)
    }
}

/// A release target: a project, or a product of a project (`project/product`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Target {
    pub project: TargetKey,
    pub product: Option<TargetKey>,
}

impl Target {
    /// A project as a target.
    pub fn of_project(key: TargetKey) -> Target {
        Target {
            project: key,
            product: None,
        }
    }

    /// The project this target is or belongs to, as a target.
    pub fn parent(&self) -> Target {
        Target::of_project(self.project.clone())
    }

    /// Where the index keeps the target: its parent project (None for a project) and its key.
    pub fn parent_and_key(&self) -> (Option<&str>, &str) {
        match &self.product {
            None => (None, self.project.as_str()),
            Some(p) => (Some(self.project.as_str()), p.as_str()),
        }
    }

    /// The project or product an event's `target` speaks of: the target of a release
    /// (`p@v`, `p/q@v`) or the target itself (`p`, `p/q`), each read by its one parser; None
    /// for what is neither (`user:ID`, `cve:ID`). (`store` and `keys` read as targets: no
    /// project has those names' roles.)
    pub fn of_event(target: &str) -> Option<Target> {
        if target.contains('@') {
            target.parse::<ReleaseRef>().ok().map(|r| r.target)
        } else {
            target.parse().ok()
        }
    }

    /// `project` or `product`, for messages.
    pub fn level(&self) -> &'static str {
        match self.product {
            None => "project",
            Some(_) => "product",
        }
    }
}

impl FromStr for Target {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.split_once('/') {
            None => Ok(Target {
                project: s.parse()?,
                product: None,
            }),
            Some((p, q)) => Ok(Target {
                project: p.parse()?,
                product: Some(
                    TargetKey::parse_as("product id", q)
                        .map_err(|e: Error| Error::usage(format!("target {s:?}: {}", e.message)))?,
                ),
            }),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.product {
            None => write!(f, "{}", self.project),
            Some(p) => write!(f, "{}/{}", self.project, p),
        }
    }
}

impl Serialize for Target {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `target@version`, e.g. `commons-io@2.17.0` or `arrow/rust@55.0.0`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReleaseRef {
    pub target: Target,
    pub version: Version,
}

impl FromStr for ReleaseRef {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let Some((t, v)) = s.rsplit_once('@') else {
            return Err(Error::usage(format!(
                "release {s:?} is not TARGET@VERSION (e.g. demo@1.2.0)"
            )));
        };
        Ok(ReleaseRef {
            target: t.parse()?,
            version: v.parse()?,
        })
    }
}

impl fmt::Display for ReleaseRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.target, self.version)
    }
}

impl Serialize for ReleaseRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A candidate revision number, written `rcN` (N >= 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RevisionNo(pub u32);

impl FromStr for RevisionNo {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        s.strip_prefix("rc")
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| *n >= 1)
            .map(RevisionNo)
            .ok_or_else(|| Error::usage(format!("revision {s:?} is not rcN (e.g. rc1)")))
    }
}

impl fmt::Display for RevisionNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rc{}", self.0)
    }
}

impl Serialize for RevisionNo {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A user id: ASCII letters, digits, `.`, `_`, `-`, starting with a letter or digit, at most 64.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UserId(String);
string_type!(UserId);

impl FromStr for UserId {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        check_common("user id", s)?;
        let ok = s.len() <= 64
            && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        if !ok {
            return Err(Error::usage(format!(
                "user id {s:?} is not valid: use letters, digits, '.', '_' and '-' (at most 64)"
            )));
        }
        Ok(UserId(s.to_string()))
    }
}

/// A role: per project `pmc`, `committer`, `rm`; store-wide `admin`, `member`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Pmc,
    Committer,
    Rm,
    Admin,
    Member,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Pmc => "pmc",
            Role::Committer => "committer",
            Role::Rm => "rm",
            Role::Admin => "admin",
            Role::Member => "member",
        }
    }
    /// Whether the role is held store-wide rather than per project.
    pub fn is_store_wide(self) -> bool {
        matches!(self, Role::Admin | Role::Member)
    }
}

parsed_on_read!(Role);
parsed_on_read!(RevisionNo);

impl PartialEq<str> for Role {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Role {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl FromStr for Role {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Ok(match s {
            "pmc" => Role::Pmc,
            "committer" => Role::Committer,
            "rm" => Role::Rm,
            "admin" => Role::Admin,
            "member" => Role::Member,
            _ => {
                return Err(Error::usage(format!(
                    "role {s:?} is not one of pmc, committer, rm, admin, member"
                )));
            }
        })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A package file name: one path component, no control characters, no whitespace at the ends,
/// not `.`/`..`, at most 255 bytes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileName(String);
string_type!(FileName);

impl FromStr for FileName {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        check_common("file name", s)?;
        if s == "." || s.len() > 255 {
            return Err(Error::usage(format!("file name {s:?} is not valid")));
        }
        Ok(FileName(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        for ok in ["demo", "commons-io", "a", "0x", "a-b-c"] {
            assert!(ok.parse::<TargetKey>().is_ok(), "{ok}");
        }
        for bad in [
            "", "Demo", "-a", "a b", " a", "a/b", "..", "a..b", "a\u{7}", "a_b", "ä",
        ] {
            assert!(bad.parse::<TargetKey>().is_err(), "{bad:?}");
        }
        assert!("a".repeat(65).parse::<TargetKey>().is_err());
    }

    #[test]
    fn release_refs() {
        let r: ReleaseRef = "arrow/rust@55.0.0".parse().unwrap();
        assert_eq!(r.target.project.as_str(), "arrow");
        assert_eq!(r.target.product.as_ref().unwrap().as_str(), "rust");
        assert_eq!(r.to_string(), "arrow/rust@55.0.0");
        assert!("demo".parse::<ReleaseRef>().is_err());
        assert!("demo@".parse::<ReleaseRef>().is_err());
        assert!("a/b/c@1".parse::<ReleaseRef>().is_err());
        assert!("@1".parse::<ReleaseRef>().is_err());
    }

    #[test]
    fn the_target_of_an_event() {
        let of = |s: &str| Target::of_event(s).map(|t| t.to_string());
        assert_eq!(of("demo").as_deref(), Some("demo"));
        assert_eq!(of("arrow/rust").as_deref(), Some("arrow/rust"));
        assert_eq!(of("demo@1.0.0").as_deref(), Some("demo"));
        assert_eq!(of("arrow/rust@55.0.0").as_deref(), Some("arrow/rust"));
        assert_eq!(of("store").as_deref(), Some("store"));
        for none in [
            "user:eve",
            "cve:CVE-2026-1234",
            "Demo@1.0",
            "demo@",
            "a/b/c",
            "",
        ] {
            assert_eq!(of(none), None, "{none}");
        }
    }

    #[test]
    fn revisions_and_roles() {
        assert_eq!("rc12".parse::<RevisionNo>().unwrap(), RevisionNo(12));
        for bad in ["rc0", "rc", "1", "rc-1", "RC1", "rc1x"] {
            assert!(bad.parse::<RevisionNo>().is_err(), "{bad}");
        }
        assert_eq!("pmc".parse::<Role>().unwrap(), Role::Pmc);
        assert!("PMC".parse::<Role>().is_err());
    }

    #[test]
    fn file_names() {
        assert!("demo-1.0.tar.gz".parse::<FileName>().is_ok());
        for bad in ["", ".", "..", "a/b", " a", "a\tb", "a\u{0}"] {
            assert!(bad.parse::<FileName>().is_err(), "{bad:?}");
        }
    }
}

/// A package name: a relative path of one or more [`FileName`] components joined by `/`
/// (files staged from a directory keep their place under it), at most 1024 bytes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PackageName(String);
string_type!(PackageName);

impl FromStr for PackageName {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        if s.is_empty() {
            return Err(Error::usage("package name is empty"));
        }
        if s.len() > 1024 {
            return Err(Error::usage(format!(
                "package name {s:?} is longer than 1024 bytes"
            )));
        }
        for part in s.split('/') {
            part.parse::<FileName>()
                .map_err(|e| Error::usage(format!("package name {s:?}: {}", e.message)))?;
        }
        Ok(PackageName(s.to_string()))
    }
}

/// Bidirectional overrides and isolates (U+202A-202E, U+2066-2069): they make a name or a
/// title read differently from what it is (`evil\u{202E}zip.exe` shows as `evilexe.piz`).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Refuses bidi controls ([`is_bidi_control`]) in a text people read (`what` names it).
pub fn check_no_bidi(what: &str, s: &str) -> Result<(), Error> {
    match s.chars().find(|c| is_bidi_control(*c)) {
        Some(c) => Err(Error::usage(format!(
            "{what} holds the bidirectional control U+{:04X}, which makes it read differently",
            c as u32
        ))),
        None => Ok(()),
    }
}

/// Characters a shell treats specially (besides whitespace at the ends and control
/// characters, which every name refuses): a package name holding one would run code or
/// expand when a verify command is pasted unquoted. `#`, `?`, `%`, `~`, `[`, `]` and inner
/// spaces stay allowed: relmgr quotes names in every command it prints.
pub const SHELL_METACHARACTERS: &[char] = &[
    '$', '`', ';', '&', '|', '<', '>', '(', ')', '\'', '"', '\\', '*', '!', '{', '}',
];

impl PackageName {
    /// The rules for a name staged now, beyond what any stored name satisfies: no shell
    /// metacharacters ([`SHELL_METACHARACTERS`]) and no bidi controls. (Names recorded in an
    /// older history are still read.)
    pub fn check_new(&self) -> Result<(), Error> {
        if let Some(c) = self.0.chars().find(|c| SHELL_METACHARACTERS.contains(c)) {
            return Err(Error::usage(format!(
                "package name {:?} holds the shell metacharacter {c:?}: rename the file",
                self.0
            )));
        }
        check_no_bidi(&format!("package name {:?}", self.0), &self.0)
    }

    /// The last component, e.g. `demo-1.0.tar.gz` of `src/demo-1.0.tar.gz`.
    pub fn file_name(&self) -> &str {
        self.0.rsplit('/').next().unwrap_or(&self.0)
    }
}

#[cfg(test)]
mod package_name_tests {
    use super::*;

    #[test]
    fn package_names() {
        for ok in ["a.tar.gz", "src/a.tar.gz", "x/y/z"] {
            assert!(ok.parse::<PackageName>().is_ok(), "{ok}");
        }
        for bad in ["", "/a", "a/", "a//b", "a/../b", "..", "./a", "a/ b", "a\n"] {
            assert!(bad.parse::<PackageName>().is_err(), "{bad:?}");
        }
        for (bad, culprit) in [
            ("0 $(touch PWNED)`id`;id;.tar.gz", "'$'"),
            ("a;b.zip", "';'"),
            ("a'b.zip", "'\\''"),
            ("x/a|b.zip", "'|'"),
        ] {
            let e = bad.parse::<PackageName>().unwrap().check_new().unwrap_err();
            assert!(e.message.contains(culprit), "{bad}: {}", e.message);
        }
        let e = "evil\u{202E}piz.exe"
            .parse::<PackageName>()
            .unwrap()
            .check_new()
            .unwrap_err();
        assert!(e.message.contains("U+202E"), "{}", e.message);
        for ok in [
            "a#1.tar.gz",
            "a?b%20.zip",
            "a b.zip",
            "demo-1.0.tar.gz",
            "x/y[1].zip",
        ] {
            ok.parse::<PackageName>().unwrap().check_new().unwrap();
        }
        assert_eq!(
            "x/y.zip".parse::<PackageName>().unwrap().file_name(),
            "y.zip"
        );
    }
}

#[cfg(test)]
mod parser_properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// No input makes a parser panic; what parses prints back the same.
        #[test]
        fn release_refs_round_trip_or_refuse(s in "\\PC{0,40}") {
            if let Ok(r) = s.parse::<ReleaseRef>() {
                prop_assert_eq!(r.to_string(), s.clone());
                prop_assert_eq!(r.to_string().parse::<ReleaseRef>().unwrap(), r);
            }
            let _ = s.parse::<Version>();
            let _ = s.parse::<TargetKey>();
            let _ = s.parse::<PackageName>();
            let _ = s.parse::<RevisionNo>();
            let _ = s.parse::<UserId>();
        }

        #[test]
        fn valid_refs_parse(p in "[a-z0-9][a-z0-9-]{0,10}", q in proptest::option::of("[a-z0-9][a-z0-9-]{0,10}"), v in "[0-9][0-9.]{0,8}") {
            let text = match &q { Some(q) => format!("{p}/{q}@{v}"), None => format!("{p}@{v}") };
            if !v.contains("..") {
                let r: ReleaseRef = text.parse().unwrap();
                prop_assert_eq!(r.to_string(), text);
            }
        }
    }
}
