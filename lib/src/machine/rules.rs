//! The value rules of the rule book that commands check too: one copy each, here in the
//! machine. A command refuses a value by them before it writes (exit 2 with the same words); the
//! rule book ([`super::history::decide`]) voids an event that carries one they refuse, on a
//! command's write and on replay alike.

use crate::error::Error;
use crate::store::releases::Release;

/// An http(s) URL with a host, as given: no control character or white space (the URL parser
/// would drop a tab or a line break silently, and the value goes into mails as it is), no
/// bidirectional control.
pub fn check_url(field: &str, value: &str) -> anyhow::Result<()> {
    if value.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(Error::usage(format!(
            "{field} {value:?} holds a control character or white space"
        ))
        .into());
    }
    crate::model::check_no_bidi(field, value)?;
    let parsed = url::Url::parse(value)
        .map_err(|e| Error::usage(format!("{field} {value:?} is not a URL")).caused_by(e))?;
    if !matches!(parsed.scheme(), "https" | "http") || parsed.host_str().is_none() {
        return Err(Error::usage(format!("{field} {value:?} must be an http(s) URL")).into());
    }
    Ok(())
}

/// A base URL other URLs are made under (`candidates_url`): an http(s) URL without query or
/// fragment.
pub fn check_base_url(field: &str, value: &str) -> anyhow::Result<()> {
    check_url(field, value)?;
    if value.contains(['?', '#']) {
        return Err(Error::usage(format!(
            "{field} {value:?}: a base URL takes no query or fragment"
        ))
        .into());
    }
    Ok(())
}

/// A plausible email address: one `@`, something on both sides, a dot in the domain, no spaces.
pub fn check_email(value: &str) -> anyhow::Result<()> {
    let ok = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if !ok {
        return Err(Error::usage(format!("{value:?} is not an email address")).into());
    }
    Ok(())
}

/// The most bytes of a guest's name that a `vote.import` holds.
pub const GUEST_NAME_MAX_BYTES: usize = 256;

/// A mail sender's name as an import records it for a guest: its control characters dropped,
/// cut to [`GUEST_NAME_MAX_BYTES`].
pub fn guest_name(raw: &str) -> String {
    let name: String = raw.chars().filter(|c| !c.is_control()).collect();
    crate::votes::comment::cap(&name, GUEST_NAME_MAX_BYTES)
}

/// Whether `name` is one [`guest_name`] can give: the rule book's check of a recorded guest.
pub fn is_guest_name(name: &str) -> bool {
    name.len() <= GUEST_NAME_MAX_BYTES && !name.chars().any(char::is_control)
}

/// A full git object id: 40 (SHA-1) or 64 (SHA-256) lower-case hex digits.
pub fn is_object_id(s: &str) -> bool {
    matches!(s.len(), 40 | 64) && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The project an event's target belongs to, whose roles decide who may write it (`demo` of
/// `demo`, `demo/cli` and `demo/cli@1.0`, by the one parser of a target); a store-wide target
/// (`store`, `user:alice`, `keys`) stands for itself and names no project.
pub fn project_of(target: &str) -> String {
    crate::model::Target::of_event(target)
        .map_or_else(|| target.to_string(), |t| t.project.to_string())
}

/// Refuses staging into a release that is revoked or already current.
pub fn check_stageable(rel: &Release) -> anyhow::Result<()> {
    match rel.stage.as_str() {
        "revoked" => Err(Error::wrong_state(format!(
            "{}@{} is revoked: its version is blocked for good",
            rel.target, rel.version
        ))
        .hint("stage a new version")
        .into()),
        "current" => Err(Error::wrong_state(format!(
            "{}@{} is released already: nothing of it changes",
            rel.target, rel.version
        ))
        .hint("stage a new version")
        .into()),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_emails_and_object_ids() {
        assert!(check_url("homepage", "https://example.org").is_ok());
        assert!(check_url("homepage", "ftp://example.org").is_err());
        assert!(check_url("homepage", "example.org").is_err());
        for bad in [
            "https://example.org/\nBcc: x",
            "https://example.org/a\tb",
            "https://example.org/a b",
            "https://example.org/\u{202e}x",
        ] {
            assert!(check_url("download URL", bad).is_err(), "{bad:?}");
        }
        assert!(check_base_url("candidates URL", "https://dist.example.org/dev/").is_ok());
        assert!(check_base_url("candidates URL", "https://dist.example.org/?a=b").is_err());
        assert!(check_email("dev@demo.apache.org").is_ok());
        for bad in ["", "a", "a@b", "@b.org", "a b@c.org", "a@@b.org", "a@.org"] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
        assert!(is_object_id(&"a1".repeat(20)));
        assert!(is_object_id(&"0f".repeat(32)));
        assert!(!is_object_id(&"A1".repeat(20)));
        assert!(!is_object_id(&"a1".repeat(19)));
        assert!(!is_object_id("HEAD"));
        for (target, project) in [
            ("demo", "demo"),
            ("demo/cli", "demo"),
            ("demo/cli@1.0", "demo"),
            ("user:alice", "user:alice"),
            ("store", "store"),
        ] {
            assert_eq!(project_of(target), project, "{target}");
        }
    }

    /// What an import writes for a guest's name is what the rule book takes, and only that.
    #[test]
    fn a_recorded_guest_name_is_one_the_rule_book_takes() {
        let long = "Zoë\u{7}".repeat(200);
        for raw in ["Zoë Müller", "tab\there", long.as_str(), ""] {
            let name = guest_name(raw);
            assert!(is_guest_name(&name), "{raw:?} -> {name:?}");
            assert!(name.len() <= GUEST_NAME_MAX_BYTES);
        }
        assert!(!is_guest_name("a\nb"));
        assert!(!is_guest_name(&"x".repeat(GUEST_NAME_MAX_BYTES + 1)));
    }
}
