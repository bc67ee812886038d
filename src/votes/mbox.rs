//! Votes from a mailing-list thread in mbox format.
//!
//! [`parse_thread`] splits an mbox into messages, parses each with
//! `mailparse` (MIME, quoted-printable, base64, charsets), and finds the vote
//! line in the sender's own words. [`last_votes`] keeps each sender's last
//! vote.
//!
//! # How a vote line is found
//!
//! A vote is `+1`, `0` or `-1` (also `+0`, `-0`, and `−` for `-`) standing at
//! the **start of a line** (after optional whitespace) of the sender's own
//! words. What follows it on the line is free text (`+1 (binding)`,
//! `+1 binding`, `-1 (non-binding)`, `+1, checked the signatures`, `-1: the
//! LICENSE is wrong`) as long as the token is not glued to more of a number
//! or word: `+10`, `+1.5`, `-0.5`, `+1x` are not votes.
//!
//! # Design decisions (where the spec is silent)
//!
//! * **Unsigned values**: `1` alone at the start of a line is *not* a vote
//!   in mail (numbered lists such as `1. checked sigs` are common); `+1` is
//!   needed. An unsigned `0` counts only when the rest of the line is empty
//!   or starts with punctuation (`0`, `0 (non-binding)`, `0, no time`), so
//!   `0 issues found` is not a vote (such a line still helps to recognise an
//!   unboxed template, below).
//! * **Several vote lines** in one message: the last one counts.
//! * **Never counted**: quoted lines (first non-blank character `>` or `|`);
//!   attribution lines (`On ... wrote:`, or any line ending in `wrote:`);
//!   everything after the signature separator (`-- `, also a bare `--`);
//!   everything after a forwarded/original-message marker (`---------
//!   Forwarded message ---------`, `-----Original Message-----`, `Begin
//!   forwarded message:`, a line of 10+ underscores).
//! * **Checkbox lines**: `[ ] +1 ...` (empty box) is never a vote; `[x] +1`
//!   / `[X] -1` (ticked box) is that vote.
//! * **Unboxed templates**: a group of vote lines within 3 lines of each
//!   other that contains all of +1, 0 and −1 is taken to be the vote
//!   template of a call (e.g. `+1 Release this package` / `0 I don't feel
//!   strongly` / `-1 Do not release`) and ignored as a whole.
//! * **The call** (first message) is treated like any other message: the
//!   template is skipped by the two rules above, and an own `+1` counts.
//! * **`[RESULT]`**: the first message whose subject contains `[RESULT]`
//!   (any case) and every message after it are ignored.
//! * **Body**: the first `text/plain` part that is not an attachment; a
//!   message with only HTML has no vote line.
//! * **Sender**: the first address of `From:`, lower-cased; when `From:` is
//!   missing or unparsable, the address of the mbox `From ` line if it has
//!   an `@`; otherwise the message is ignored.
//! * **Date**: the `Date:` header parsed as RFC 2822; `None` if missing or
//!   invalid. **Message-ID**: trimmed, without the angle brackets.
//! * **Splitting**: a line starting with `From ` begins a new message when
//!   it is the first line, follows a blank line, or looks like an envelope
//!   line (has a 4-digit year). Body lines `>From `, `>>From `... lose one
//!   `>` (mboxrd; also right for mboxo). Leading blank lines are skipped;
//!   messages that are blank or that `mailparse` rejects are listed in
//!   [`Thread::ignored`].
//! * **Binding claims** such as `(binding)` are not recorded: whether a vote
//!   is binding is decided from the roster by the caller.

use std::collections::BTreeMap;

use jiff::Timestamp;
use mailparse::{DispositionType, MailAddr, MailHeaderMap, ParsedMail};
use serde::{Deserialize, Serialize};

use super::rule::Value;

/// One message of a thread that carries a vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailVote {
    /// The sender's address, lower-cased.
    pub from_email: String,
    /// The sender's display name, if any.
    pub from_name: Option<String>,
    /// The `Date:` header, if present and valid.
    pub date: Option<Timestamp>,
    /// The decoded subject (empty if none).
    pub subject: String,
    /// The Message-ID without angle brackets, if any.
    pub message_id: Option<String>,
    /// The vote (always `Some` for entries of [`Thread::messages`]).
    pub value: Option<Value>,
}

/// The votes found in a thread.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thread {
    /// One entry per message that carries a vote, in mbox order.
    pub messages: Vec<MailVote>,
    /// Messages that carry no vote, with why: `message N from EMAIL: REASON`.
    pub ignored: Vec<String>,
}

/// Why an mbox cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MboxError {
    /// The input is not an mbox, or holds no message.
    #[error("malformed mbox: {0}")]
    Malformed(String),
}

/// Each sender's last vote (by mbox order), sorted by email.
pub fn last_votes(thread: &Thread) -> Vec<&MailVote> {
    let mut last: BTreeMap<&str, &MailVote> = BTreeMap::new();
    for m in &thread.messages {
        if m.value.is_some() {
            last.insert(m.from_email.as_str(), m);
        }
    }
    last.into_values().collect()
}

/// Reads the votes of a mailing-list thread from mbox bytes.
///
/// Fails only when the input is not an mbox (does not start with a `From `
/// line) or holds no message; a message that cannot be parsed is listed in
/// [`Thread::ignored`]. Never panics.
pub fn parse_thread(mbox: &[u8]) -> Result<Thread, MboxError> {
    let raw = split_mbox(mbox)?;
    let mut thread = Thread::default();
    let mut after_result = false;
    for (i, msg) in raw.iter().enumerate() {
        let n = i + 1;
        if msg.bytes.iter().all(u8::is_ascii_whitespace) {
            thread.ignored.push(format!("message {n}: empty message"));
            continue;
        }
        let parsed = match mailparse::parse_mail(&msg.bytes) {
            Ok(p) => p,
            Err(e) => {
                thread
                    .ignored
                    .push(format!("message {n}: cannot be parsed: {e}"));
                continue;
            }
        };
        let subject = parsed
            .headers
            .get_first_value("Subject")
            .unwrap_or_default()
            .trim()
            .to_string();
        let sender = sender(&parsed, &msg.envelope);
        let who = sender
            .as_ref()
            .map_or_else(|| "unknown sender".to_string(), |(e, _)| e.clone());
        if !after_result && subject.to_ascii_lowercase().contains("[result]") {
            after_result = true;
        }
        if after_result {
            thread.ignored.push(format!(
                "message {n} from {who}: [RESULT] message or after it"
            ));
            continue;
        }
        let Some((from_email, from_name)) = sender else {
            thread
                .ignored
                .push(format!("message {n}: no sender address"));
            continue;
        };
        let value = match text_body(&parsed) {
            Some(body) => find_vote(&body),
            None => None,
        };
        let Some(value) = value else {
            thread
                .ignored
                .push(format!("message {n} from {who}: no vote line"));
            continue;
        };
        let date = parsed.headers.get_first_value("Date").and_then(|d| {
            jiff::fmt::rfc2822::DateTimeParser::new()
                .parse_timestamp(d.trim())
                .ok()
        });
        let message_id = parsed
            .headers
            .get_first_value("Message-ID")
            .map(|id| {
                id.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .trim()
                    .to_string()
            })
            .filter(|id| !id.is_empty());
        thread.messages.push(MailVote {
            from_email,
            from_name,
            date,
            subject,
            message_id,
            value: Some(value),
        });
    }
    Ok(thread)
}

/// One message of the mbox: its envelope (`From `) line and its bytes.
struct RawMessage {
    envelope: String,
    bytes: Vec<u8>,
}

fn is_blank(line: &[u8]) -> bool {
    line.iter()
        .all(|b| matches!(b, b'\r' | b'\n' | b' ' | b'\t'))
}

/// Whether a `From ` line looks like an mbox envelope line: it has a
/// 4-digit token (the year of its asctime date).
fn looks_like_envelope(line: &[u8]) -> bool {
    line.split(|b| b.is_ascii_whitespace())
        .skip(2)
        .any(|t| t.len() == 4 && t.iter().all(u8::is_ascii_digit))
}

fn split_mbox(data: &[u8]) -> Result<Vec<RawMessage>, MboxError> {
    let mut lines = data.split_inclusive(|&b| b == b'\n').peekable();
    while lines.peek().is_some_and(|l| is_blank(l)) {
        lines.next();
    }
    match lines.peek() {
        None => return Err(MboxError::Malformed("empty input: no message".into())),
        Some(l) if !l.starts_with(b"From ") => {
            return Err(MboxError::Malformed(
                "the input does not start with a 'From ' line".into(),
            ));
        }
        Some(_) => {}
    }
    let mut out: Vec<RawMessage> = Vec::new();
    let mut prev_blank = true;
    for line in lines {
        if line.starts_with(b"From ") && (prev_blank || looks_like_envelope(line)) {
            out.push(RawMessage {
                envelope: String::from_utf8_lossy(line).trim().to_string(),
                bytes: Vec::new(),
            });
            prev_blank = false;
            continue;
        }
        prev_blank = is_blank(line);
        let Some(cur) = out.last_mut() else { continue };
        let gt = line.iter().take_while(|&&b| b == b'>').count();
        if gt > 0
            && line
                .get(gt..)
                .is_some_and(|rest| rest.starts_with(b"From "))
        {
            cur.bytes
                .extend_from_slice(line.get(1..).unwrap_or_default());
        } else {
            cur.bytes.extend_from_slice(line);
        }
    }
    if out.iter().all(|m| is_blank(&m.bytes)) {
        return Err(MboxError::Malformed(
            "no message: only 'From ' lines".into(),
        ));
    }
    Ok(out)
}

/// The sender's (lower-cased address, display name).
fn sender(parsed: &ParsedMail<'_>, envelope: &str) -> Option<(String, Option<String>)> {
    let from_header = parsed
        .headers
        .get_first_header("From")
        .and_then(|h| mailparse::addrparse_header(h).ok())
        .and_then(|list| {
            list.iter().find_map(|a| match a {
                MailAddr::Single(s) => Some(s.clone()),
                MailAddr::Group(g) => g.addrs.first().cloned(),
            })
        });
    if let Some(s) = from_header {
        let name = s
            .display_name
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty());
        return Some((s.addr.trim().to_lowercase(), name));
    }
    envelope
        .split_whitespace()
        .nth(1)
        .filter(|a| a.contains('@'))
        .map(|a| (a.to_lowercase(), None))
}

/// The first `text/plain` part that is not an attachment, decoded.
fn text_body(parsed: &ParsedMail<'_>) -> Option<String> {
    parsed
        .parts()
        .filter(|p| p.subparts.is_empty())
        .filter(|p| p.ctype.mimetype.eq_ignore_ascii_case("text/plain"))
        .find(|p| p.get_content_disposition().disposition != DispositionType::Attachment)
        .and_then(|p| p.get_body().ok())
}

/// Whether the line ends the sender's own words (signature or forward).
fn ends_own_words(line: &str) -> bool {
    let t = line.trim_end_matches(['\r', '\n']);
    if t == "-- " || t == "--" {
        return true;
    }
    let t = t.trim();
    let lower = t.to_lowercase();
    if lower.starts_with("begin forwarded message") {
        return true;
    }
    if t.len() >= 10 && t.chars().all(|c| c == '_') {
        return true;
    }
    t.starts_with("---")
        && (lower.contains("original message") || lower.contains("forwarded message"))
}

/// Finds the vote of a message body: the last vote line of own words.
fn find_vote(body: &str) -> Option<Value> {
    // (line index, value, counts) of every candidate vote line; `counts` is
    // false for lines that only help to recognise a template.
    let mut found: Vec<(usize, Value, bool)> = Vec::new();
    for (i, line) in body.lines().enumerate() {
        if ends_own_words(line) {
            break;
        }
        let t = line.trim();
        if t.starts_with('>') || t.starts_with('|') || t.ends_with("wrote:") {
            continue;
        }
        if let Some((v, counts)) = vote_token(t) {
            found.push((i, v, counts));
        }
    }
    drop_templates(&mut found);
    found.iter().rev().find(|c| c.2).map(|c| c.1)
}

/// Removes groups of nearby vote lines holding +1, 0 and −1 together: the
/// unboxed template of a vote call.
fn drop_templates(found: &mut Vec<(usize, Value, bool)>) {
    let mut keep = Vec::with_capacity(found.len());
    let mut start = 0;
    while start < found.len() {
        let mut end = start + 1;
        while let (Some(a), Some(b)) = (found.get(end - 1), found.get(end)) {
            if b.0.saturating_sub(a.0) > 3 {
                break;
            }
            end += 1;
        }
        let group = found.get(start..end).unwrap_or_default();
        let has = |v: Value| group.iter().any(|c| c.1 == v);
        if !(has(Value::Plus) && has(Value::Zero) && has(Value::Minus)) {
            keep.extend_from_slice(group);
        }
        start = end;
    }
    *found = keep;
}

/// The vote token at the start of a trimmed line, and whether it counts as
/// a vote (`false` for an unsigned `0` followed by words, which is only a
/// template hint).
fn vote_token(line: &str) -> Option<(Value, bool)> {
    let mut rest = line;
    // Checkbox: `[ ]` is never a vote, `[x]` is the vote that follows.
    if let Some(after) = rest.strip_prefix('[') {
        let (inside, after) = after.split_once(']')?;
        if !inside.trim().eq_ignore_ascii_case("x") {
            return None;
        }
        rest = after.trim_start();
    }
    let mut chars = rest.chars();
    let first = chars.next()?;
    let (sign, digit) = match first {
        '+' | '-' | '\u{2212}' => (Some(first != '+'), chars.next()?),
        _ => (None, first),
    };
    let tail = chars.as_str();
    // The token must not run on into a number or a word.
    let mut next = tail.chars();
    match next.next() {
        None => {}
        Some(c) if c.is_alphanumeric() || c == '_' => return None,
        Some('.' | ',') if next.next().is_some_and(|d| d.is_ascii_digit()) => return None,
        Some(_) => {}
    }
    match (sign, digit) {
        (Some(false), '1') => Some((Value::Plus, true)),
        (Some(true), '1') => Some((Value::Minus, true)),
        (Some(_), '0') => Some((Value::Zero, true)),
        (None, '0') => {
            let after = tail.trim_start();
            let counts = matches!(
                after.chars().next(),
                None | Some('(' | ',' | ';' | ':' | '!' | '-' | '.')
            );
            Some((Value::Zero, counts))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The vote at the start of a trimmed line, if any.
    fn vote_line(line: &str) -> Option<Value> {
        vote_token(line).filter(|t| t.1).map(|t| t.0)
    }

    #[test]
    fn vote_lines() {
        let table: &[(&str, Option<Value>)] = &[
            ("+1", Some(Value::Plus)),
            ("+1 (binding)", Some(Value::Plus)),
            ("+1 binding", Some(Value::Plus)),
            ("+1, checked sigs and hashes", Some(Value::Plus)),
            ("+1. Looks good", Some(Value::Plus)),
            ("+1!", Some(Value::Plus)),
            ("-1 (non-binding)", Some(Value::Minus)),
            ("-1: LICENSE is wrong", Some(Value::Minus)),
            ("\u{2212}1", Some(Value::Minus)),
            ("0", Some(Value::Zero)),
            ("+0", Some(Value::Zero)),
            ("-0 not sure", Some(Value::Zero)),
            ("0 (non-binding)", Some(Value::Zero)),
            ("[x] +1 Release this package", Some(Value::Plus)),
            ("[X] -1 Do not release", Some(Value::Minus)),
            ("[ ] +1 Release this package", None),
            ("[] +1", None),
            ("[ ]  0 I don't feel strongly", None),
            ("1", None),
            ("1. checked signatures", None),
            ("0 issues found", None),
            ("+10", None),
            ("+1.5", None),
            ("-0.5 meh", None),
            ("+1x", None),
            ("1.2.0 is out", None),
            ("I am +1", None),
            ("", None),
            ("[", None),
            ("+", None),
        ];
        for (line, want) in table {
            assert_eq!(vote_line(line), *want, "{line:?}");
        }
    }

    #[test]
    fn body_rules() {
        let cases: &[(&str, Option<Value>)] = &[
            ("+1\n", Some(Value::Plus)),
            ("> +1\n", None),
            ("  > +1\n", None),
            ("| +1\n", None),
            ("Hi\n\n-- \nBob\n+1 555 0100\n", None),
            ("-1\nthen I looked again\n+1\n", Some(Value::Plus)),
            (
                "+1\n\n---------- Forwarded message ---------\n-1\n",
                Some(Value::Plus),
            ),
            ("see below\n-----Original Message-----\n+1\n", None),
            (
                "Please vote:\n\n+1 Release this\n 0 I don't mind\n-1 Do not release because\n",
                None,
            ),
            (
                "+1 Release this\n0 I don't mind\n-1 Do not release\n\nMy vote:\n\n\n\n+1 (binding)\n",
                Some(Value::Plus),
            ),
            (
                "On Mon, Bob wrote:\n> +1\n\n-1 because\n",
                Some(Value::Minus),
            ),
        ];
        for (body, want) in cases {
            assert_eq!(find_vote(body), *want, "{body:?}");
        }
    }

    fn msg(from: &str, subject: &str, body: &str) -> String {
        format!(
            "From {from} Mon Jan  1 00:00:00 2024\nFrom: {from}\nSubject: {subject}\n\
             Date: Mon, 1 Jan 2024 10:00:00 +0000\nMessage-ID: <{subject}@x>\n\n{body}\n"
        )
    }

    #[test]
    fn malformed() {
        for input in [
            &b""[..],
            b"\n\n",
            b"Subject: hi\n\n+1\n",
            b"From a@b Mon Jan  1 00:00:00 2024\n",
        ] {
            assert!(
                matches!(parse_thread(input), Err(MboxError::Malformed(_))),
                "{input:?}"
            );
        }
    }

    #[test]
    fn result_and_no_vote_are_ignored() {
        let mbox = [
            msg("a@x.org", "[VOTE] x", "+1"),
            msg("B@X.org", "Re: [VOTE] x", "looks fine"),
            msg("c@x.org", "[RESULT][VOTE] x", "+1 (binding): a"),
            msg("d@x.org", "Re: [VOTE] x", "+1 late"),
        ]
        .concat();
        let t = parse_thread(mbox.as_bytes()).unwrap();
        assert_eq!(t.messages.len(), 1);
        assert_eq!(t.messages[0].from_email, "a@x.org");
        assert_eq!(t.messages[0].message_id.as_deref(), Some("[VOTE] x@x"));
        assert_eq!(
            t.messages[0].date,
            Some("2024-01-01T10:00:00Z".parse().unwrap())
        );
        assert_eq!(t.ignored.len(), 3, "{:?}", t.ignored);
        assert!(t.ignored[0].contains("b@x.org: no vote line"));
        assert!(t.ignored[1].contains("[RESULT]"));
        assert!(t.ignored[2].contains("d@x.org"));
    }

    #[test]
    fn from_escapes_and_splitting() {
        // `>From ` in a body is unescaped, not split on; an unescaped `From `
        // after a non-blank line without a year is body text.
        let mbox = "From a@x.org Mon Jan  1 00:00:00 2024\nFrom: a@x.org\nSubject: s\n\n\
                    hello\n>From here on\nFrom my side: fine\n+1\n";
        let t = parse_thread(mbox.as_bytes()).unwrap();
        assert_eq!(t.messages.len(), 1);
        assert_eq!(t.messages[0].value, Some(Value::Plus));
        let raw = split_mbox(mbox.as_bytes()).unwrap();
        let body = String::from_utf8_lossy(&raw[0].bytes).to_string();
        assert!(body.contains("\nFrom here on\n"), "{body}");
    }

    #[test]
    fn envelope_sender_fallback_and_multipart() {
        let mbox = "From z@x.org Mon Jan  1 00:00:00 2024\nSubject: s\n\
            Content-Type: multipart/alternative; boundary=\"b\"\n\n--b\n\
            Content-Type: text/html\n\n<p>-1</p>\n--b\n\
            Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n\
            KzEgKGJpbmRpbmcpCg==\n--b--\n";
        let t = parse_thread(mbox.as_bytes()).unwrap();
        assert_eq!(t.messages.len(), 1, "{:?}", t.ignored);
        assert_eq!(t.messages[0].from_email, "z@x.org");
        assert_eq!(t.messages[0].value, Some(Value::Plus));
    }

    #[test]
    fn last_votes_per_sender() {
        let mbox = [
            msg("b@x.org", "1", "-1"),
            msg("a@x.org", "2", "+1"),
            msg("b@x.org", "3", "+1"),
        ]
        .concat();
        let t = parse_thread(mbox.as_bytes()).unwrap();
        let last: Vec<_> = last_votes(&t)
            .iter()
            .map(|m| (m.from_email.as_str(), m.value))
            .collect();
        assert_eq!(
            last,
            vec![
                ("a@x.org", Some(Value::Plus)),
                ("b@x.org", Some(Value::Plus))
            ]
        );
    }

    #[test]
    fn fixture_thread() {
        let t = parse_thread(include_bytes!("../../fixtures/votes/thread.mbox")).unwrap();
        let got: Vec<(&str, Value)> = t
            .messages
            .iter()
            .map(|m| (m.from_email.as_str(), m.value.unwrap()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("alice@apache.org", Value::Plus),
                ("bob@apache.org", Value::Plus),
                ("carol@apache.org", Value::Minus),
                ("dave@apache.org", Value::Zero),
                ("carol@apache.org", Value::Plus),
                ("eve@example.com", Value::Plus),
                ("frank@apache.org", Value::Plus),
                ("heidi@apache.org", Value::Plus),
            ]
        );
        assert_eq!(t.messages[0].from_name.as_deref(), Some("Alice Release"));
        assert_eq!(t.messages[0].subject, "[VOTE] Release Demo 1.2.0 (rc1)");
        assert!(t.messages.iter().all(|m| m.date.is_some()));
        assert_eq!(t.ignored.len(), 2, "{:?}", t.ignored);
        assert!(t.ignored[0].contains("grace@apache.org: no vote line"));
        assert!(t.ignored[1].contains("[RESULT]"));
        let last: Vec<(&str, Value)> = last_votes(&t)
            .iter()
            .map(|m| (m.from_email.as_str(), m.value.unwrap()))
            .collect();
        assert_eq!(
            last,
            vec![
                ("alice@apache.org", Value::Plus),
                ("bob@apache.org", Value::Plus),
                ("carol@apache.org", Value::Plus),
                ("dave@apache.org", Value::Zero),
                ("eve@example.com", Value::Plus),
                ("frank@apache.org", Value::Plus),
                ("heidi@apache.org", Value::Plus),
            ]
        );
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        fn line() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("From a@b.org Mon Jan  1 00:00:00 2024".to_string()),
                Just("From ".to_string()),
                Just(">From x".to_string()),
                Just(String::new()),
                Just("-- ".to_string()),
                Just("+1 (binding)".to_string()),
                Just("[x] -1".to_string()),
                Just("[".to_string()),
                Just("0".to_string()),
                Just("From: \"A\" <a@b.org>".to_string()),
                Just("From: =?utf-8?q?=E2=82?= <".to_string()),
                Just("Subject: [RESULT]".to_string()),
                Just("Date: Mon, 99 Foo 2024 99:99:99 +9999".to_string()),
                Just("Content-Type: multipart/mixed; boundary=b".to_string()),
                Just("Content-Transfer-Encoding: quoted-printable".to_string()),
                Just("Content-Transfer-Encoding: base64".to_string()),
                Just("--b".to_string()),
                Just("=2B1=".to_string()),
                ".*",
                "[ -~]{0,20}",
            ]
        }

        proptest! {
            #[test]
            fn never_panics_on_bytes(data in proptest::collection::vec(any::<u8>(), 0..2048)) {
                let _ = parse_thread(&data);
                let mut with_from = b"From a@b Mon Jan  1 00:00:00 2024\n".to_vec();
                with_from.extend_from_slice(&data);
                let _ = parse_thread(&with_from);
            }

            #[test]
            fn never_panics_on_lines(lines in proptest::collection::vec(line(), 0..60), crlf in any::<bool>()) {
                let sep = if crlf { "\r\n" } else { "\n" };
                let text = lines.join(sep);
                let _ = parse_thread(text.as_bytes());
                let with_from = format!("From a@b Mon Jan  1 00:00:00 2024{sep}{text}");
                if let Ok(t) = parse_thread(with_from.as_bytes()) {
                    prop_assert!(t.messages.iter().all(|m| m.value.is_some()));
                    let _ = last_votes(&t);
                }
            }

            #[test]
            fn vote_line_never_panics(s in ".*") {
                let _ = vote_token(s.trim());
                let _ = find_vote(&s);
            }
        }
    }
}
