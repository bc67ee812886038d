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

/// The Apache KEYS listing block for one key, in the style of
/// `gpg --list-keys --keyid-format long` (the caller appends the armored
/// certificate after it):
///
/// ```text
/// pub   ed25519/0123456789ABCDEF 2024-01-02 [SC] [expires: 2026-01-02]
///       0123…40 HEX DIGITS…CDEF
/// uid                 [ unknown] Alice <alice@example.org>
/// sub   cv25519/FEDCBA9876543210 2024-01-02 [E]
/// ```
///
/// Expiry is always shown as `[expires: …]` (the listing does not depend on
/// the clock); a revoked key shows `[revoked: …]` and `[ revoked]` uids.
/// Ends with an empty line.
pub fn keys_listing(info: &KeyInfo) -> String {
    let mut s = String::new();
    let revoked = info.revoked.as_ref().map(|r| r.time);
    key_line(&mut s, "pub", &info.primary, &info.usage, revoked);
    let _ = writeln!(s, "      {}", info.primary.fingerprint);
    let validity = if info.revoked.is_some() {
        "[ revoked]"
    } else {
        "[ unknown]"
    };
    for uid in &info.user_ids {
        let _ = writeln!(s, "uid                 {validity} {uid}");
    }
    for sub in &info.subkeys {
        key_line(&mut s, "sub", &sub.key, &sub.usage, None);
    }
    s.push('\n');
    s
}

/// A `pub` or `sub` line: algorithm/key id, creation date, usage, then when the key was revoked
/// and when it expires.
fn key_line(s: &mut String, tag: &str, key: &KeyFacts, usage: &str, revoked: Option<Timestamp>) {
    let mut status = String::new();
    if let Some(t) = revoked {
        let _ = write!(status, " [revoked: {}]", date(t));
    }
    if let Some(e) = key.expires {
        let _ = write!(status, " [expires: {}]", date(e));
    }
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
