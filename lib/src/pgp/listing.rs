//! The human listing of a key in an Apache KEYS file.

use std::fmt::Write as _;

use jiff::Timestamp;

use super::{KeyFacts, KeyInfo};

/// gpg-style short algorithm name: `"rsa4096"`, `"dsa3072"`, `"ed25519"`,
/// `"cv25519"`, `"nistp256"`, `"elg2048"`.
fn short_algo(key: &KeyFacts) -> String {
    if let Some(c) = &key.curve {
        return c.clone();
    }
    let prefix = match key.algorithm.as_str() {
        "RSA" => "rsa".to_string(),
        "DSA" => "dsa".to_string(),
        "ElGamal" => "elg".to_string(),
        other => other.to_ascii_lowercase(),
    };
    match key.bits {
        Some(b) => format!("{prefix}{b}"),
        None => prefix,
    }
}

/// The primary key's algorithm the way gpg shows it: `"rsa4096"`,
/// `"dsa3072"`, `"ed25519"`…
pub fn algo_display(info: &KeyInfo) -> String {
    short_algo(&info.primary)
}

fn date(t: Timestamp) -> String {
    t.strftime("%Y-%m-%d").to_string()
}

fn flags(usage: &str) -> String {
    if usage.is_empty() {
        String::new()
    } else {
        format!(" [{usage}]")
    }
}

/// The Apache KEYS listing block for one key, as `gpg --list-keys --keyid-format long` prints
/// it at `now` (the caller appends the armored certificate after it):
///
/// ```text
/// pub   ed25519/0123456789ABCDEF 2024-01-02 [SC] [expires: 2026-01-02]
///       0123…40 HEX DIGITS…CDEF
/// uid                 [ unknown] Alice <alice@example.org>
/// sub   cv25519/FEDCBA9876543210 2024-01-02 [E]
/// ```
///
/// Like gpg: a revoked key shows `[revoked: …]` and `[ revoked]` uids, a key expired at `now`
/// `[expired: …]` and `[ expired]` uids, and neither shows subkeys; revoked and expired
/// subkeys of a valid key are left out (gpg's default, without `show-unusable-subkeys`).
/// Ends with an empty line.
pub fn keys_listing(info: &KeyInfo, now: Timestamp) -> String {
    let mut s = String::new();
    let primary = status(&info.primary, info.revoked.as_ref().map(|r| r.time), now);
    key_line(&mut s, "pub", &info.primary, &info.usage, &primary);
    let _ = writeln!(s, "      {}", info.primary.fingerprint);
    let validity = match primary {
        Status::Revoked(_) => "[ revoked]",
        Status::Expired(_) => "[ expired]",
        Status::Valid(_) => "[ unknown]",
    };
    for uid in &info.user_ids {
        let _ = writeln!(s, "uid                 {validity} {uid}");
    }
    if matches!(primary, Status::Valid(_)) {
        for sub in &info.subkeys {
            let st = status(&sub.key, sub.revoked, now);
            if matches!(st, Status::Valid(_)) {
                key_line(&mut s, "sub", &sub.key, &sub.usage, &st);
            }
        }
    }
    s.push('\n');
    s
}

/// A key's state at a time, as gpg's listing tells it.
enum Status {
    /// Revoked then.
    Revoked(Timestamp),
    /// Expired at that time.
    Expired(Timestamp),
    /// Usable, until the time if any.
    Valid(Option<Timestamp>),
}

fn status(key: &KeyFacts, revoked: Option<Timestamp>, now: Timestamp) -> Status {
    match (revoked, key.expires) {
        (Some(t), _) => Status::Revoked(t),
        (None, Some(e)) if e <= now => Status::Expired(e),
        (None, e) => Status::Valid(e),
    }
}

/// A `pub` or `sub` line: algorithm/key id, creation date, usage, then gpg's one status tag.
fn key_line(s: &mut String, tag: &str, key: &KeyFacts, usage: &str, status: &Status) {
    let status = match status {
        Status::Revoked(t) => format!(" [revoked: {}]", date(*t)),
        Status::Expired(t) => format!(" [expired: {}]", date(*t)),
        Status::Valid(Some(t)) => format!(" [expires: {}]", date(*t)),
        Status::Valid(None) => String::new(),
    };
    let _ = writeln!(
        s,
        "{tag}   {}/{} {}{}{}",
        short_algo(key),
        key.key_id,
        date(key.created),
        flags(usage),
        status
    );
}
