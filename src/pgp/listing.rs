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
    short_algo(info)
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
    let mut status = String::new();
    if let Some(r) = &info.revoked {
        let _ = write!(status, " [revoked: {}]", date(r.time));
    }
    if let Some(e) = info.expires {
        let _ = write!(status, " [expires: {}]", date(e));
    }
    let _ = writeln!(
        s,
        "pub   {}/{} {}{}{}",
        algo_display(info),
        info.key_id,
        date(info.created),
        flags(&info.usage),
        status
    );
    let _ = writeln!(s, "      {}", info.fingerprint);
    let validity = if info.revoked.is_some() {
        "[ revoked]"
    } else {
        "[ unknown]"
    };
    for uid in &info.user_ids {
        let _ = writeln!(s, "uid                 {validity} {uid}");
    }
    for sub in &info.subkeys {
        let mut status = String::new();
        if let Some(e) = sub.expires {
            let _ = write!(status, " [expires: {}]", date(e));
        }
        let _ = writeln!(
            s,
            "sub   {}/{} {}{}{}",
            short_algo(sub),
            sub.key_id,
            date(sub.created),
            flags(&sub.usage),
            status
        );
    }
    s.push('\n');
    s
}
