//! What one message body says: the sender's vote, or why there is none (only a vote
//! template, only someone else's quoted vote, nothing at all). The rules are in the
//! [module documentation](super).

use super::super::rule::Value;

/// What a message body holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BodyReading {
    /// The sender's vote: the last vote line of their own words.
    Vote(Value),
    /// No vote of the sender's, but the lines of a vote template (`[ ] +1 …` boxes or a
    /// `+1 … / 0 … / -1 …` group), in their own words or in quoted text.
    Template,
    /// No vote of the sender's, but vote lines in quoted or forwarded text: someone else's.
    Quoted,
    /// No vote line anywhere.
    Nothing,
}

/// Where a line stands in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The sender's own words.
    Own,
    /// After the signature separator: ignored, up to a forwarded message.
    Signature,
    /// After a forwarded/original-message marker: someone else's words.
    Forwarded,
}

/// A vote line: (line index, value, whether it counts as a vote rather than only helping to
/// recognise a template).
type Found = (usize, Value, bool);

/// Reads a message body.
pub(super) fn read_body(body: &str) -> BodyReading {
    let mut own: Vec<Found> = Vec::new();
    let mut quoted: Vec<Found> = Vec::new();
    let mut boxes = false;
    let mut part = Part::Own;
    for (i, line) in body.lines().enumerate() {
        if is_forward_marker(line) {
            part = Part::Forwarded;
            continue;
        }
        if part == Part::Own && is_signature_separator(line) {
            part = Part::Signature;
            continue;
        }
        let t = line.trim();
        let unquoted = t.trim_start_matches(['>', '|', ' ', '\t']);
        let is_quoted = unquoted.len() != t.len();
        if !is_quoted && (part == Part::Signature || t.ends_with("wrote:")) {
            continue;
        }
        if empty_box(unquoted) {
            boxes = true;
            continue;
        }
        let into = if is_quoted || part == Part::Forwarded {
            &mut quoted
        } else {
            &mut own
        };
        if let Some((v, counts)) = vote_token(unquoted) {
            into.push((i, v, counts));
        } else if !is_quoted
            && part == Part::Own
            && let Some(v) = changed_vote(t)
        {
            own.push((i, v, true));
        }
    }
    let own_lines = own.len();
    drop_templates(&mut own);
    if let Some(v) = own.iter().rev().find(|c| c.2).map(|c| c.1) {
        return BodyReading::Vote(v);
    }
    let quoted_lines = quoted.len();
    drop_templates(&mut quoted);
    if boxes || own.len() < own_lines || quoted.len() < quoted_lines {
        BodyReading::Template
    } else if quoted.iter().any(|c| c.2) {
        BodyReading::Quoted
    } else {
        BodyReading::Nothing
    }
}

/// The signature separator `-- ` (also a bare `--`).
fn is_signature_separator(line: &str) -> bool {
    let t = line.trim_end_matches(['\r', '\n']);
    t == "-- " || t == "--"
}

/// A forwarded or original-message marker: what follows is someone else's mail.
fn is_forward_marker(line: &str) -> bool {
    let t = line.trim();
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

/// An empty checkbox before a vote, `[ ] +1 Release this package`: a template line.
fn empty_box(line: &str) -> bool {
    line.strip_prefix('[')
        .and_then(|after| after.split_once(']'))
        .is_some_and(|(inside, after)| {
            !inside.trim().eq_ignore_ascii_case("x") && vote_token(after.trim_start()).is_some()
        })
}

/// Removes groups of nearby vote lines holding +1, 0 and −1 together: the
/// unboxed template of a vote call.
fn drop_templates(found: &mut Vec<Found>) {
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

/// Who may open a vote change: `I`, `I'm`, `I am`, `I've`, `I have`, `I hereby` (after an
/// optional `so`, `and`, `ok`, …), or nobody (`Changing my vote …`). `I'd`, `I would`,
/// `I will`, `you` … are not a change made now.
const OPENERS: [&str; 9] = [
    "so ",
    "and ",
    "ok, ",
    "ok ",
    "okay, ",
    "okay ",
    "then ",
    "on second thought, ",
    "on second thought ",
];
const SUBJECTS: [&str; 10] = [
    "i am ",
    "i'm ",
    "i\u{2019}m ",
    "i have ",
    "i've ",
    "i\u{2019}ve ",
    "i hereby ",
    "i ",
    "hereby ",
    "",
];
const VERBS: [&str; 12] = [
    "changing",
    "changed",
    "change",
    "revising",
    "revised",
    "revise",
    "updating",
    "updated",
    "update",
    "switching",
    "switched",
    "switch",
];
/// Words after the value that make the change a condition, not a vote.
const CONDITIONS: [&str; 6] = ["if", "once", "unless", "provided", "when", "as soon as"];

/// A vote announced as a change of vote, in a sentence of its own (after `.`, `!`, `?`, `:` or
/// `;`, not `,`: `If …, I change my vote …` is a condition) in a line of own words:
/// `Changing my vote to +1`, `I change my vote to +1 (binding)`, `Revising my vote: -1`,
/// `The year is fine. I've changed my vote from -1 to 0`. A change without a value (`I'd
/// change my vote if …`) or on a condition (`… to +1 once the NOTICE is fixed`) is not a vote.
fn changed_vote(line: &str) -> Option<Value> {
    let lower = line.to_lowercase();
    let starts = std::iter::once(0).chain(
        lower
            .match_indices(['.', '!', '?', ':', ';'])
            .map(|(i, _)| i + 1)
            .filter(|&i| lower[i..].starts_with(char::is_whitespace)),
    );
    starts
        .filter_map(|i| lower.get(i..))
        .find_map(|sentence| change_sentence(sentence.trim_start()))
}

/// [`changed_vote`] for a sentence that starts at `text`.
fn change_sentence(text: &str) -> Option<Value> {
    let mut rest = text;
    for o in OPENERS {
        if let Some(r) = rest.strip_prefix(o) {
            rest = r.trim_start();
            break;
        }
    }
    rest = SUBJECTS.iter().find_map(|s| rest.strip_prefix(s))?;
    rest = VERBS.iter().find_map(|v| rest.strip_prefix(v))?;
    rest = rest.strip_prefix(" my vote")?.trim_start();
    if let Some(from) = rest.strip_prefix("from ") {
        rest = from.split_once(" to ")?.1;
    }
    for filler in [":", "- ", "= ", "now ", "is ", "to "] {
        rest = rest.strip_prefix(filler).unwrap_or(rest).trim_start();
    }
    let (value, _) = vote_token(rest)?;
    let after = rest
        .get(rest.find(['1', '0']).map_or(rest.len(), |i| i + 1)..)
        .unwrap_or_default()
        .trim_start_matches([' ', '(', ',', ';', '.', '-', ':'])
        .trim_start();
    let conditional = CONDITIONS.iter().any(|c| {
        after
            .strip_prefix(c)
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    });
    (!conditional).then_some(value)
}

/// The vote token at the start of a trimmed line, and whether it counts as
/// a vote (`false` for an unsigned `0` followed by words, which is only a
/// template hint).
pub(super) fn vote_token(line: &str) -> Option<(Value, bool)> {
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
