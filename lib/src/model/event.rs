//! The typed events: one variant per event type, the payload as fields. Commands build a
//! [`Change`], the log stores it as `type` + `payload` (serde's adjacent tagging gives exactly
//! that shape), and replay reads it back into the same type, so writer and reader cannot drift.
//!
//! Payload fields keep the names and shapes the log has always had: events written by earlier
//! relmgr versions read back into these types (absent optional fields are `None` or empty), and
//! the hash of a stored event is always taken over the bytes that were stored, never over a
//! re-serialization.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use super::time::in_payload;
use super::{CveId, Fingerprint, RevisionNo, Role, Stage, Time, UserId};
use crate::votes::{Closure, Decision, Outcome, Value as Vote};

/// A project's or product's metadata as events carry it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MetaFields {
    #[serde(default)]
    pub name: String,
    pub description: Option<String>,
    pub homepage: Option<String>,
    pub source_url: Option<String>,
    pub license: Option<String>,
    pub support_url: Option<String>,
    #[serde(default)]
    pub notify_emails: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_licenses: Vec<String>,
    /// The download page, linked by the `[ANNOUNCE]` before a publish's `--base-url`. Absent
    /// when unset, so events of older relmgr versions read and hash as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub download_url: Option<String>,
    /// Where `publish --candidates` output is served: `vote start` without `--candidates-url`
    /// calls the vote on `<candidates_url>/<target>/<version>-<rcN>/`. Absent when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidates_url: Option<String>,
}

/// One certificate of a key import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedKey {
    pub fingerprint: Option<Fingerprint>,
    /// The key's owner (from `--user` or its email); absent in events written before owners
    /// were matched by email, where the import's `owner` holds.
    pub owner: Option<UserId>,
    pub certificate: String,
}

/// One package of a stage event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StagedPackage {
    pub name: String,
    pub size: u64,
    pub sha256: String,
    pub sha512: Option<String>,
    pub media_type: Option<String>,
    pub platform: Option<String>,
    pub arch: Option<String>,
    pub channel: Option<String>,
    pub external_url: Option<String>,
    /// The armored detached signature made while staging (`--sign`).
    pub signature: Option<String>,
    pub source: Option<bool>,
}

/// One signature of a sign event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageSignature {
    pub name: String,
    pub signature: String,
}

/// One ballot of a mail-thread import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedBallot {
    pub voter: UserId,
    pub vote: Vote,
    #[serde(default)]
    pub binding: bool,
    #[serde(default, deserialize_with = "in_payload::optional")]
    pub cast_at: Option<Time>,
}

/// A vote read from a mail thread whose sender is no user here (`vote import`): non-binding,
/// not a ballot, kept so that the `[RESULT]` mail names every voter of the thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuestVote {
    /// The sender's display name, as the mail gave it.
    pub name: Option<String>,
    pub email: String,
    pub vote: Vote,
    #[serde(default, deserialize_with = "in_payload::optional")]
    pub cast_at: Option<Time>,
}

/// The git tag (or other reference) and commit that `check --git` compared the sources with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GitSource {
    /// The reference as given (`v1.2.0`, a branch, a commit).
    #[serde(rename = "ref")]
    pub reference: String,
    /// The commit it named then (full hex object id).
    pub commit: String,
}

/// A message of a mail-thread import whose votes the reading could not settle (#29): nothing
/// is recorded for it until the release manager decides (`vote.review`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewItem {
    /// The mail's Message-ID (or `FROM DATE` when it has none): what `--set` and `--ignore` name.
    pub message_id: String,
    /// The sender's address, lower-cased.
    pub from: String,
    /// The mail's date, where the vote would be cast.
    #[serde(default, deserialize_with = "in_payload::optional")]
    pub date: Option<Time>,
    /// Why the reading could not settle it.
    pub why: String,
    /// The sender's own lines that made it so.
    #[serde(default)]
    pub lines: Vec<String>,
}

/// Which mail of a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailKind {
    /// `[VOTE]`, from `vote start`.
    Vote,
    /// `[RESULT]`, from `vote close`, threaded under the `[VOTE]`.
    Result,
    /// `[ANNOUNCE]`, from `announce`.
    Announce,
}

impl MailKind {
    pub fn label(self) -> &'static str {
        match self {
            MailKind::Vote => "[VOTE]",
            MailKind::Result => "[RESULT]",
            MailKind::Announce => "[ANNOUNCE]",
        }
    }
}

/// What a user is: a person, or a service (a robot account) that never votes as one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UserKind {
    #[default]
    Person,
    Service,
}

impl UserKind {
    /// `person` or `service`: as the users table keeps it.
    pub fn as_str(self) -> &'static str {
        match self {
            UserKind::Person => "person",
            UserKind::Service => "service",
        }
    }
}

/// Which events must be signed (SPEC §7), as `policy.set` records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SignedEvents {
    None,
    Binding,
    All,
}

impl SignedEvents {
    /// `none`, `binding` or `all`: as the policies table keeps it.
    pub fn as_str(self) -> &'static str {
        match self {
            SignedEvents::None => "none",
            SignedEvents::Binding => "binding",
            SignedEvents::All => "all",
        }
    }
}

impl std::str::FromStr for SignedEvents {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [SignedEvents::None, SignedEvents::Binding, SignedEvents::All]
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| {
                crate::error::Error::usage(format!(
                    "signed-events level {s:?} is not one of none, binding, all"
                ))
            })
    }
}

/// A CVE record as `cve add` logs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CveFields {
    pub id: CveId,
    #[serde(default)]
    pub title: String,
    /// The publication date, exactly `YYYY-MM-DD` and a real date (as `cve add` has always
    /// written it); anything else does not read.
    #[serde(deserialize_with = "cve_date")]
    pub date: String,
    pub severity: Option<String>,
    pub state: Option<String>,
}

/// What one event changes. `type` names the variant, `payload` holds its fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "payload")]
pub enum Change {
    #[serde(rename = "store.init")]
    StoreInit {
        user: UserId,
        #[serde(default)]
        kind: UserKind,
        #[serde(default)]
        roles: Vec<Role>,
        #[serde(default)]
        consent: bool,
        schema_version: Option<u32>,
    },
    #[serde(rename = "user.add")]
    UserAdd {
        id: UserId,
        #[serde(default)]
        kind: UserKind,
        #[serde(default)]
        consent: bool,
    },
    /// Name or email changed; the values travel as erasable personal data, not here.
    #[serde(rename = "user.edit")]
    UserEdit { id: UserId },
    #[serde(rename = "user.consent.grant")]
    ConsentGrant {
        id: UserId,
        #[serde(default)]
        erased: Vec<String>,
        #[serde(default)]
        events_erased: u64,
    },
    #[serde(rename = "user.consent.revoke")]
    ConsentRevoke {
        id: UserId,
        #[serde(default)]
        erased: Vec<String>,
        #[serde(default)]
        events_erased: u64,
    },
    #[serde(rename = "project.create")]
    ProjectCreate { meta: MetaFields },
    #[serde(rename = "product.create")]
    ProductCreate { meta: MetaFields },
    #[serde(rename = "project.edit")]
    ProjectEdit { meta: MetaFields },
    #[serde(rename = "product.edit")]
    ProductEdit { meta: MetaFields },
    #[serde(rename = "role.grant")]
    RoleGrant {
        user: UserId,
        role: Role,
        #[serde(default = "yes")]
        changed: bool,
    },
    #[serde(rename = "role.revoke")]
    RoleRevoke {
        user: UserId,
        role: Role,
        #[serde(default = "yes")]
        changed: bool,
        #[serde(default)]
        erased: Vec<String>,
    },
    #[serde(rename = "key.import")]
    KeyImport {
        owner: Option<UserId>,
        keys: Vec<ImportedKey>,
    },
    #[serde(rename = "key.generate")]
    KeyGenerate {
        owner: Option<UserId>,
        fingerprint: Fingerprint,
        certificate: String,
    },
    #[serde(rename = "key.retire")]
    KeyRetire { fingerprint: Fingerprint },
    /// A registered key given to another owner (`key assign`): the recovery of a key imported
    /// for the wrong user.
    #[serde(rename = "key.assign")]
    KeyAssign {
        fingerprint: Fingerprint,
        /// The owner it had (None: it had none), as the command saw it.
        from: Option<UserId>,
        /// The owner it has from now on.
        owner: UserId,
    },
    #[serde(rename = "policy.set")]
    PolicySet {
        version: Option<u32>,
        min_hours: Option<u32>,
        manual: Option<bool>,
        pause_on_veto: Option<bool>,
        checklist: Option<String>,
        /// `none`, `binding` or `all` (SPEC §7); absent: unchanged.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        signed_events: Option<SignedEvents>,
    },
    #[serde(rename = "release.stage")]
    Stage {
        release: Option<String>,
        revision: Option<RevisionNo>,
        #[serde(default)]
        new_revision: bool,
        packages: Vec<StagedPackage>,
        /// The primary fingerprint of the key that signed while staging.
        signed_by: Option<Fingerprint>,
        /// The fingerprint of the (sub)key that made the signatures (absent in older events).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        signer: Option<Fingerprint>,
    },
    #[serde(rename = "release.unstage")]
    Unstage {
        revision: Option<RevisionNo>,
        name: String,
    },
    #[serde(rename = "release.sign")]
    Sign {
        revision: Option<RevisionNo>,
        fingerprint: Fingerprint,
        /// The fingerprint of the (sub)key that made the signatures (absent in older events).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        signer: Option<Fingerprint>,
        signatures: Vec<PackageSignature>,
    },
    #[serde(rename = "release.check")]
    Check {
        revision: Option<RevisionNo>,
        #[serde(default)]
        pass: u64,
        #[serde(default)]
        warn: u64,
        #[serde(default)]
        fail: u64,
        #[serde(default)]
        failing: Vec<String>,
        /// With `check --git REF`: the reference and its commit (absent in older events).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        git: Option<GitSource>,
    },
    #[serde(rename = "vote.start")]
    VoteStart {
        revision: Option<RevisionNo>,
        #[serde(default)]
        manifest_hash: String,
        #[serde(default, deserialize_with = "in_payload::optional")]
        opened_at: Option<Time>,
        #[serde(default, deserialize_with = "in_payload::optional")]
        closes_at: Option<Time>,
        #[serde(default)]
        policy: Value,
        policy_version: Option<u32>,
        own_vote: Option<Vote>,
        #[serde(default)]
        binding: bool,
        #[serde(default)]
        acknowledged: Vec<String>,
        #[serde(default)]
        checks: Value,
        /// Where voters find the candidate (`--candidates-url`; absent in older events).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        candidates_url: Option<String>,
    },
    #[serde(rename = "vote.cast")]
    VoteCast {
        revision: Option<RevisionNo>,
        voter: UserId,
        vote: Vote,
        #[serde(default)]
        binding: bool,
        comment: Option<String>,
        signature: Option<String>,
        signer: Option<Fingerprint>,
    },
    #[serde(rename = "vote.import")]
    VoteImport {
        revision: Option<RevisionNo>,
        ballots: Vec<ImportedBallot>,
        /// The votes of senders who are no user here (absent in older events).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        guests: Vec<GuestVote>,
        /// The messages that need review (absent in events written before #29).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        review: Vec<ReviewItem>,
    },
    /// The release manager's decision on a message that needed review: a vote of the sender
    /// (`voter`, the user with the mail's address) or `none`.
    #[serde(rename = "vote.review")]
    VoteReview {
        revision: Option<RevisionNo>,
        message_id: String,
        from: String,
        /// `+1`, `0`, `-1` or `none`.
        decision: Decision,
        voter: Option<UserId>,
        #[serde(default)]
        binding: bool,
        #[serde(default, deserialize_with = "in_payload::optional")]
        cast_at: Option<Time>,
    },
    #[serde(rename = "vote.close")]
    VoteClose {
        revision: Option<RevisionNo>,
        /// `closed`, `confirmed` or `abandoned` (`open` reads, and the rule book voids it).
        request: Closure,
        outcome: Outcome,
    },
    #[serde(rename = "release.promote")]
    Promote {
        revision: Option<RevisionNo>,
        #[serde(default)]
        archived: Vec<String>,
        version: Option<String>,
    },
    #[serde(rename = "release.announce")]
    Announce {
        #[serde(default)]
        subject: String,
        #[serde(default)]
        body: String,
    },
    #[serde(rename = "release.revoke")]
    Revoke {
        reason: String,
        #[serde(default)]
        cves: Vec<CveId>,
        previous_stage: Option<Stage>,
    },
    #[serde(rename = "cve.add")]
    CveAdd { cve: CveFields },
    #[serde(rename = "cve.link")]
    CveLink {
        cve: CveId,
        #[serde(default = "yes")]
        changed: bool,
    },
    #[serde(rename = "check.ignore.add")]
    IgnoreAdd { pattern: String, reason: String },
    #[serde(rename = "check.ignore.remove")]
    IgnoreRemove { pattern: String },
    #[serde(rename = "publish")]
    Publish {
        dir: String,
        version: u64,
        #[serde(default, deserialize_with = "in_payload::optional")]
        expires: Option<Time>,
        #[serde(default)]
        written: Value,
        #[serde(default)]
        removed: Value,
        fingerprint: Option<Fingerprint>,
        /// `--base-url`: where the packages (and the download pages) are served (absent in
        /// older events and when not given).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        base_url: Option<String>,
        /// `--canonical-url`: where `.asc`, `.sha512` and KEYS are served.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        canonical_url: Option<String>,
    },
    #[serde(rename = "mail.sent")]
    MailSent {
        about: i64,
        kind: MailKind,
        #[serde(default)]
        to: Vec<String>,
        #[serde(default)]
        subject: String,
        message_id: Option<String>,
        in_reply_to: Option<String>,
    },
}

fn cve_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    match s.parse::<jiff::civil::Date>() {
        Ok(date) if date.to_string() == s => Ok(s),
        _ => Err(serde::de::Error::custom(format!(
            "{s:?} is not a date (YYYY-MM-DD)"
        ))),
    }
}

fn yes() -> bool {
    true
}

/// A payload that does not read as its type's fields.
#[derive(Debug, thiserror::Error)]
#[error("event of type {kind}: {source}")]
pub struct BadPayload {
    pub kind: String,
    #[source]
    pub source: serde_json::Error,
}

impl Change {
    /// Reads a stored event's `type` and `payload`.
    pub fn read(kind: &str, payload: &Value) -> Result<Change, BadPayload> {
        // The payload borrowed: serde reads the variant's fields straight from the stored value,
        // with no copy of it and no buffering (replay reads every event).
        Change::from_parts(kind, &Value::String(kind.to_string()), payload)
    }

    /// [`Change::read`] of a payload given as JSON text, read straight into the change with no
    /// JSON value between (fsck reads a whole log so).
    pub fn parse(kind: &str, payload: &str) -> Result<Change, BadPayload> {
        let bad = |source| BadPayload {
            kind: kind.to_string(),
            source,
        };
        let payload: &RawValue = serde_json::from_str(payload).map_err(bad)?;
        let tag = serde_json::to_string(kind).map_err(bad)?;
        let tag = RawValue::from_string(tag).map_err(bad)?;
        Change::from_parts(kind, &*tag, payload)
    }

    /// `type` first, then `payload`, borrowed or owned as the caller has them.
    fn from_parts<'de, V>(kind: &str, type_value: V, payload: V) -> Result<Change, BadPayload>
    where
        V: serde::de::IntoDeserializer<'de, serde_json::Error>,
    {
        let map = serde::de::value::MapDeserializer::new(
            [("type", type_value), ("payload", payload)].into_iter(),
        );
        Change::deserialize(map).map_err(|source: serde_json::Error| BadPayload {
            kind: kind.to_string(),
            source,
        })
    }

    /// The `type` and `payload` to store.
    pub fn to_parts(&self) -> (String, Value) {
        let mut doc = serde_json::to_value(self).expect("a change serializes");
        let kind = doc["type"].as_str().expect("tagged").to_string();
        let payload = doc
            .get_mut("payload")
            .map(Value::take)
            .unwrap_or(Value::Object(Default::default()));
        (kind, payload)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_change_is_stored_as_type_and_payload_and_reads_back() {
        let c = Change::VoteCast {
            revision: Some(crate::model::RevisionNo(1)),
            voter: "bob".parse().unwrap(),
            vote: Vote::Plus,
            binding: true,
            comment: None,
            signature: None,
            signer: None,
        };
        let (kind, payload) = c.to_parts();
        assert_eq!(kind, "vote.cast");
        assert_eq!(
            payload,
            json!({"revision": "rc1", "voter": "bob", "vote": "+1", "binding": true,
                   "comment": null, "signature": null, "signer": null})
        );
        assert_eq!(Change::read(&kind, &payload).unwrap(), c);
        assert_eq!(Change::parse(&kind, &payload.to_string()).unwrap(), c);
    }

    /// A change read from a payload's text is the change read from its value, and text that is
    /// not one JSON value, or a payload of another type, does not read.
    #[test]
    fn a_change_parses_from_text_as_from_its_value() {
        let text = r#"{"owner": "alice", "keys": [{"fingerprint": "ABABABABABABABABABABABABABABABABABABABAB", "certificate": "x"}]}"#;
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            Change::parse("key.import", text).unwrap(),
            Change::read("key.import", &value).unwrap()
        );
        assert!(Change::parse("key.import", &format!("{text} {{}}")).is_err());
        assert!(Change::parse("key.import", "not json").is_err());
        assert!(Change::parse("vote.cast", text).is_err());
        assert!(Change::parse("no.such.type", text).is_err());
    }

    #[test]
    fn old_payloads_without_newer_fields_still_read() {
        let c = Change::read(
            "key.import",
            &json!({"owner": "alice", "keys": [{"fingerprint": "ABABABABABABABABABABABABABABABABABABABAB", "certificate": "x"}]}),
        )
        .unwrap();
        let Change::KeyImport { owner, keys } = c else {
            panic!("wrong variant")
        };
        assert_eq!(owner.as_deref(), Some("alice"));
        assert_eq!(keys[0].owner, None);
        assert!(Change::read("role.grant", &json!({"user": "a", "role": "pmc"})).is_ok());
    }

    /// Users, roles and fingerprints are types in the payload (issue #26 item 3): a value that is
    /// none of them does not read (replay voids the event, naming why), never a default.
    #[test]
    fn a_value_that_is_not_its_type_does_not_read() {
        let fpr = "AB".repeat(20);
        assert!(Change::read("role.grant", &json!({"user": "a", "role": "pmc"})).is_ok());
        for (kind, payload) in [
            ("role.grant", json!({"user": "a", "role": "overlord"})),
            ("role.grant", json!({"user": "../etc", "role": "pmc"})),
            ("role.revoke", json!({"user": "", "role": "pmc"})),
            ("user.add", json!({"id": "bad id"})),
            ("key.retire", json!({"fingerprint": "AB"})),
            ("key.assign", json!({"fingerprint": fpr, "owner": "a b"})),
            ("store.init", json!({"user": "root", "roles": ["god"]})),
            (
                "vote.cast",
                json!({"revision": "rc0", "voter": "bob", "vote": "+1"}),
            ),
            (
                "vote.cast",
                json!({"revision": "latest", "voter": "bob", "vote": "+1"}),
            ),
            (
                "vote.cast",
                json!({"revision": "rc1", "voter": "bob\x1b[2J", "vote": "+1"}),
            ),
            (
                "vote.close",
                json!({"revision": 1, "request": "rule", "outcome": "passed"}),
            ),
            // Vote values, decisions, a close's request and outcome (issue #26 item 3).
            (
                "vote.cast",
                json!({"revision": "rc1", "voter": "bob", "vote": "+2"}),
            ),
            (
                "vote.cast",
                json!({"revision": "rc1", "voter": "bob", "vote": "1"}),
            ),
            ("vote.start", json!({"revision": "rc1", "own_vote": "yes"})),
            (
                "vote.import",
                json!({"revision": "rc1", "ballots": [{"voter": "bob", "vote": "+1", "cast_at": "soon"}]}),
            ),
            (
                "vote.import",
                json!({"revision": "rc1", "ballots": [], "guests": [{"email": "a@b.org", "vote": "-2"}]}),
            ),
            (
                "vote.import",
                json!({"revision": "rc1", "ballots": [], "review": [{"message_id": "m", "from": "a@b.org", "date": "Tuesday", "why": "x"}]}),
            ),
            (
                "vote.review",
                json!({"revision": "rc1", "message_id": "m", "from": "a@b.org", "decision": "maybe"}),
            ),
            (
                "vote.close",
                json!({"revision": "rc1", "request": "closed", "outcome": "won"}),
            ),
            // Times.
            (
                "vote.start",
                json!({"revision": "rc1", "closes_at": "soon"}),
            ),
            (
                "publish",
                json!({"dir": "d", "version": 1, "expires": "never"}),
            ),
            // Fingerprints.
            (
                "vote.cast",
                json!({"revision": "rc1", "voter": "bob", "vote": "+1", "signer": "xyz"}),
            ),
            (
                "release.sign",
                json!({"revision": "rc1", "fingerprint": "xyz", "signatures": []}),
            ),
            (
                "release.stage",
                json!({"packages": [], "signed_by": "ABCD"}),
            ),
            (
                "publish",
                json!({"dir": "d", "version": 1, "fingerprint": "xyz"}),
            ),
            // Small closed sets and CVE ids.
            ("user.add", json!({"id": "bob", "kind": "robot"})),
            ("mail.sent", json!({"about": 3, "kind": "spam"})),
            ("policy.set", json!({"signed_events": "some"})),
            ("cve.link", json!({"cve": "CVE-1"})),
            (
                "cve.add",
                json!({"cve": {"id": "cve-2026-1234", "title": "t", "date": "2026-01-01"}}),
            ),
            (
                "cve.add",
                json!({"cve": {"id": "CVE-2026-1234", "title": "t", "date": "2026-02-30"}}),
            ),
            (
                "cve.add",
                json!({"cve": {"id": "CVE-2026-1234", "title": "t", "date": "2026-1-1"}}),
            ),
            (
                "cve.add",
                json!({"cve": {"id": "CVE-2026-1234", "title": "t"}}),
            ),
            ("release.revoke", json!({"reason": "r", "cves": ["nope"]})),
            (
                "release.revoke",
                json!({"reason": "r", "previous_stage": "gone"}),
            ),
        ] {
            let err = Change::read(kind, &payload).expect_err(&payload.to_string());
            assert!(err.to_string().contains(kind), "{err}");
        }
    }

    /// What earlier versions wrote reads: a time with a fraction or an offset (apply always read
    /// these leniently), a user without a kind (a person).
    #[test]
    fn earlier_forms_of_typed_values_still_read() {
        let c = Change::read(
            "vote.start",
            &json!({"revision": "rc1", "opened_at": "2026-01-02T03:04:05.5Z",
                    "closes_at": "2026-01-02T06:04:05+03:00", "own_vote": "+1"}),
        )
        .unwrap();
        let Change::VoteStart {
            opened_at,
            closes_at,
            own_vote,
            ..
        } = c
        else {
            panic!("wrong variant")
        };
        let t: Time = "2026-01-02T03:04:05Z".parse().unwrap();
        assert_eq!((opened_at, closes_at), (Some(t), Some(t)));
        assert_eq!(own_vote, Some(Vote::Plus));
        let Change::UserAdd { kind, .. } = Change::read("user.add", &json!({"id": "bob"})).unwrap()
        else {
            panic!("wrong variant")
        };
        assert_eq!(kind, UserKind::Person);
        assert!(
            Change::read(
                "cve.add",
                &json!({"cve": {"id": "CVE-2026-1234", "title": "t", "date": "2026-03-01",
                                "severity": null, "state": null}})
            )
            .is_ok()
        );
        // Written back, a time takes the store form (the log keeps the bytes it stored).
        let (_, payload) = Change::VoteReview {
            revision: Some(crate::model::RevisionNo(1)),
            message_id: "m".into(),
            from: "a@b.org".into(),
            decision: Decision::Ignore,
            voter: None,
            binding: false,
            cast_at: Some(t),
        }
        .to_parts();
        assert_eq!(payload["decision"], "none");
        assert_eq!(payload["cast_at"], "2026-01-02T03:04:05Z");
    }

    #[test]
    fn an_unknown_type_or_a_wrong_field_is_an_error() {
        assert!(Change::read("release.teleport", &json!({})).is_err());
        assert!(Change::read("vote.cast", &json!({"voter": 3})).is_err());
    }
}
