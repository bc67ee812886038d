//! Who owns a certificate that `key import` brings without `--user` (SPEC §3): the one
//! registered user whose email is in its user IDs, compared case-insensitively (a pure decision
//! over plain data), and the rights that those owners demand of the importer.

use crate::error::Error;
use crate::machine::access;
use crate::perm::Action;
use crate::store::keys::KeyRecord;

use super::Session;

/// The email of a user ID: what is inside the last `<…>` (`Name (comment) <a@b>`), or the
/// whole ID when it is a bare address (`a@b`).
pub fn email_of(uid: &str) -> Option<&str> {
    let email = match (uid.rfind('<'), uid.rfind('>')) {
        (Some(open), Some(close)) if open < close => &uid[open + 1..close],
        _ => uid,
    };
    let email = email.trim();
    (email.contains('@') && !email.contains(char::is_whitespace)).then_some(email)
}

/// The owner of a certificate with these user IDs among `users` (`(id, email)`), or why it has
/// none: no email in its user IDs, no user with its email, or several.
pub fn by_email(user_ids: &[String], users: &[(String, String)]) -> Result<String, String> {
    let emails: Vec<&str> = user_ids.iter().filter_map(|u| email_of(u)).collect();
    if emails.is_empty() {
        return Err("no email in its user IDs".into());
    }
    let mut found: Vec<&str> = users
        .iter()
        .filter(|(_, e)| emails.iter().any(|m| m.eq_ignore_ascii_case(e.trim())))
        .map(|(id, _)| id.as_str())
        .collect();
    found.sort_unstable();
    found.dedup();
    match found.as_slice() {
        [one] => Ok(one.to_string()),
        [] => Err(format!("no user with the email {}", emails.join(", "))),
        several => Err(format!(
            "several users with its email: {}",
            several.join(", ")
        )),
    }
}

/// The name of a user ID: what comes before its `<…>` with any `(comment)` left out, spaces
/// collapsed (`Alice  Example (work) <a@b>` → `Alice Example`); None for a bare address or an
/// empty name.
pub fn name_of(uid: &str) -> Option<String> {
    let head = match uid.rfind('<') {
        Some(open) => &uid[..open],
        None if email_of(uid).is_some() => return None,
        None => uid,
    };
    let mut name = String::new();
    let mut depth = 0usize;
    for c in head.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => name.push(c),
            _ => {}
        }
    }
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (!name.is_empty()).then_some(name)
}

/// Whether a certificate with these user IDs is the key of a user with this email and name
/// (`key import FILE --user ID` on a file of several keys): by email when the user has one (one
/// of its user IDs carries that address, compared case-insensitively), else by name (one of its
/// user IDs has exactly that name, case and runs of spaces aside). A user with neither matches
/// no key. `Err` says why not, in words for the refusal.
pub fn matches_user(
    user_ids: &[String],
    email: Option<&str>,
    name: Option<&str>,
) -> Result<(), String> {
    if let Some(email) = email.map(str::trim).filter(|e| !e.is_empty()) {
        return if user_ids
            .iter()
            .filter_map(|u| email_of(u))
            .any(|m| m.eq_ignore_ascii_case(email))
        {
            Ok(())
        } else {
            Err(format!("no user ID with the email {email}"))
        };
    }
    let wanted = name
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty());
    let Some(wanted) = wanted else {
        return Err("the user has no email or name to match".into());
    };
    if user_ids
        .iter()
        .filter_map(|u| name_of(u))
        .any(|n| n.to_lowercase() == wanted.to_lowercase())
    {
        Ok(())
    } else {
        Err(format!("no user ID with the name {wanted}"))
    }
}

/// Checks the rights for keys whose owners came from their emails: one's own keys need
/// [`Action::ManageOwnKey`], anyone else's and unowned ones [`Action::ManageAnyKey`]; a
/// refusal names the keys.
pub fn require_rights(s: &Session, keys: &[KeyRecord]) -> anyhow::Result<()> {
    let others: Vec<String> = keys
        .iter()
        .filter(|k| k.user.as_deref() != Some(s.actor.id.as_str()))
        .map(|k| {
            format!(
                "{} ({}) of {}",
                k.fingerprint,
                k.user_ids.first().map_or("no user ID", String::as_str),
                k.user.as_deref().unwrap_or("no user")
            )
        })
        .collect();
    if others.is_empty() {
        return Ok(());
    }
    access::require_anywhere(s.store.db(), &s.actor.id, Action::ManageAnyKey).map_err(|e| {
        match e.downcast::<Error>() {
            Ok(err) => Error::not_allowed(format!(
                "{}; the file holds {}",
                err.message,
                others.join(", ")
            ))
            .hint("import only your own keys, or ask a PMC member to import the others")
            .into(),
            Err(e) => e,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_of_user_ids() {
        for (uid, email) in [
            (
                "Alice Example <alice@example.org>",
                Some("alice@example.org"),
            ),
            ("Bob (work) <Bob@Example.ORG>", Some("Bob@Example.ORG")),
            ("carol@example.org", Some("carol@example.org")),
            ("Dave <dave at example.org>", None),
            ("Eve Example", None),
            ("<>", None),
            ("x <a@b> <c@d>", Some("c@d")),
        ] {
            assert_eq!(email_of(uid), email, "{uid}");
        }
    }

    #[test]
    fn names_of_user_ids() {
        for (uid, name) in [
            ("Alice Example <alice@example.org>", Some("Alice Example")),
            ("Bob  (work)  Builder <b@example.org>", Some("Bob Builder")),
            ("carol@example.org", None),
            ("<carol@example.org>", None),
            ("Dave Example", Some("Dave Example")),
            ("  ", None),
        ] {
            assert_eq!(name_of(uid).as_deref(), name, "{uid}");
        }
    }

    #[test]
    fn a_key_matches_a_user_by_email_else_by_name() {
        let uids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let alice = uids(&["Alice Example <Alice@Example.org>"]);
        // By email, whatever the name.
        assert_eq!(
            matches_user(&alice, Some("alice@example.org"), Some("Zed")),
            Ok(())
        );
        assert_eq!(
            matches_user(&alice, Some("alice@other.org"), Some("Alice Example")),
            Err("no user ID with the email alice@other.org".into()),
            "a user with an email is matched by it only"
        );
        // Without an email, by name.
        assert_eq!(matches_user(&alice, None, Some("alice  example")), Ok(()));
        assert_eq!(
            matches_user(&alice, None, Some("Alice")),
            Err("no user ID with the name Alice".into())
        );
        assert_eq!(
            matches_user(&uids(&["alice@example.org"]), None, Some("alice")),
            Err("no user ID with the name alice".into())
        );
        assert_eq!(
            matches_user(&alice, None, None),
            Err("the user has no email or name to match".into())
        );
        assert_eq!(
            matches_user(&alice, Some(" "), Some("")),
            Err("the user has no email or name to match".into())
        );
    }

    #[test]
    fn owners_by_email() {
        let users: Vec<(String, String)> = [
            ("alice", "alice@example.org"),
            ("bob", "BOB@example.org"),
            ("carol1", "carol@example.org"),
            ("carol2", "Carol@example.org"),
        ]
        .iter()
        .map(|(u, e)| (u.to_string(), e.to_string()))
        .collect();
        let uids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for (ids, want) in [
            (vec!["Alice <alice@example.org>"], Ok("alice")),
            (vec!["Bob <bob@EXAMPLE.org>"], Ok("bob")),
            // Two user IDs of one user still make one owner.
            (vec!["Bob <bob@example.org>", "bob@example.org"], Ok("bob")),
            (
                vec!["Nobody <nobody@example.org>", "Alice <alice@example.org>"],
                Ok("alice"),
            ),
            (
                vec!["Carol <carol@example.org>"],
                Err("several users with its email: carol1, carol2"),
            ),
            (
                vec!["Alice <alice@example.org>", "Bob <bob@example.org>"],
                Err("several users with its email: alice, bob"),
            ),
            (
                vec!["Nobody <nobody@example.org>"],
                Err("no user with the email nobody@example.org"),
            ),
            (vec!["Just A Name"], Err("no email in its user IDs")),
            (vec![], Err("no email in its user IDs")),
        ] {
            let got = by_email(&uids(&ids), &users);
            assert_eq!(got.as_deref().map_err(String::as_str), want, "{ids:?}");
        }
    }
}
