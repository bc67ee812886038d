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
mod tests;
