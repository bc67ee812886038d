//! What one message body says: the sender's vote, why there is none (only a vote template,
//! only someone else's quoted vote, nothing at all), or why the rules cannot settle it (needs
//! review). The rules are in the [module documentation](super).

use super::super::rule::Value;

/// The most own lines a review lists, and the most characters of each.
const REVIEW_LINES: usize = 6;
const REVIEW_LINE_CHARS: usize = 200;

/// What a message body holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum BodyReading {
    /// The sender's vote, how it was settled (`None`: one value; else e.g. a change or a
    /// withdrawal), and the own lines that hold it.
    Vote(Value, Option<String>, Vec<String>),
    /// Votes in the sender's own words that the rules cannot settle: why, and the lines.
    Review(String, Vec<String>),
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

/// What a token in a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok {
    /// `+1`, `-1`, `+0`, `-0`, or `0` where it counts.
    Vote(Value),
    /// An unsigned `0` that only helps to recognise a template (`+1, 0 or -1`).
    ZeroHint,
    /// `+0.5`, `-0.5`: a fractional vote some projects use; the tally holds +1/0/-1 only.
    Fraction,
}

/// A vote line: (line index, value) of its first vote token, to recognise templates.
type Found = (usize, Value);

/// Reads a message body.
pub(super) fn read_body(body: &str) -> BodyReading {
    let lines: Vec<&str> = body.lines().collect();
    // Own lines that hold a token, with their tokens.
    let mut own: Vec<(usize, Vec<(usize, Tok)>)> = Vec::new();
    let mut quoted_votes = false;
    let mut quoted_first: Vec<Found> = Vec::new();
    let mut boxes = false;
    let mut part = Part::Own;
    for (i, line) in lines.iter().enumerate() {
        if is_forward_marker(line) || (part != Part::Forwarded && is_header_block(&lines, i)) {
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
        if !is_quoted && (part == Part::Signature || is_attribution(t)) {
            continue;
        }
        if empty_box(unquoted) {
            boxes = true;
            continue;
        }
        let toks = tokens(unquoted);
        if toks.is_empty() {
            continue;
        }
        if is_quoted || part == Part::Forwarded {
            quoted_votes |= toks.iter().any(|t| matches!(t.1, Tok::Vote(_)));
            if let Some(v) = first_value(&toks) {
                quoted_first.push((i, v));
            }
        } else {
            own.push((i, toks));
        }
    }
    // Templates among the own lines: groups of nearby lines that name +1, 0 and -1.
    // A set: a search of the template lines for each own line made a long body of vote lines
    // quadratic.
    let template_lines: std::collections::HashSet<usize> =
        template_lines(&own).into_iter().collect();
    let own_lines = own.len();
    own.retain(|(i, _)| !template_lines.contains(i));
    let dropped_own = own.len() < own_lines;
    let quoted_templates = !template_lines_of(&quoted_first).is_empty();
    match settle(&lines, &own) {
        Some(r) => r,
        None if boxes || dropped_own || quoted_templates => BodyReading::Template,
        None if quoted_votes => BodyReading::Quoted,
        None => BodyReading::Nothing,
    }
}

fn first_value(toks: &[(usize, Tok)]) -> Option<Value> {
    toks.iter().find_map(|t| match t.1 {
        Tok::Vote(v) => Some(v),
        Tok::ZeroHint => Some(Value::Zero),
        Tok::Fraction => None,
    })
}

/// The line numbers of templates among the lines with tokens: groups of lines within 3 lines
/// of each other that start with a value and, together, name +1, 0 and -1 (`+1 Release` / `0
/// Don't care` / `-1 Do not release`), and single lines that name all three (`vote +1, 0 or
/// -1`).
fn template_lines(own: &[(usize, Vec<(usize, Tok)>)]) -> Vec<usize> {
    let value = |t: &(usize, Tok)| match t.1 {
        Tok::Vote(v) => Some(v),
        Tok::ZeroHint => Some(Value::Zero),
        Tok::Fraction => None,
    };
    let mut found: Vec<Found> = Vec::new();
    let mut out = Vec::new();
    for (i, toks) in own {
        if let Some(v) = toks.first().filter(|t| t.0 <= 4).and_then(value) {
            found.push((*i, v));
        }
        let has = |v: Value| toks.iter().any(|t| value(t) == Some(v));
        if has(Value::Plus) && has(Value::Zero) && has(Value::Minus) {
            out.push(*i);
        }
    }
    out.extend(template_lines_of(&found));
    out
}

fn template_lines_of(found: &[Found]) -> Vec<usize> {
    let mut out = Vec::new();
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
        if has(Value::Plus) && has(Value::Zero) && has(Value::Minus) {
            out.extend(group.iter().map(|c| c.0));
        }
        start = end;
    }
    out
}

/// What a token says in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The sender casts it.
    Cast,
    /// The value a change starts from (`from -1 to +1`, `change my -1 to +1`).
    Old,
    /// A value taken back (`I withdraw my -1`, `-1 retracted`).
    Retracted,
    /// Cast on a condition (`+1 if …`) or only as a maybe (`I would be +1`).
    Conditional,
    /// A fractional vote (`+0.5`).
    Fraction,
    /// Not the sender's: `please change your vote to +1`.
    Other,
}

/// Words before a value, in its sentence, that make it someone else's.
const OTHERS: [&str; 5] = [
    "your vote",
    "please vote",
    "please change",
    "you vote",
    "your +1",
];

/// Words that take a vote back: before the value (`withdraw my -1`) or, as participles, after
/// it (`my -1 is withdrawn`).
const RETRACT_BEFORE: [&str; 12] = [
    "withdraw",
    "withdrawing",
    "retract",
    "retracting",
    "scratch",
    "scratching",
    "take back",
    "taking back",
    "revoke",
    "revoking",
    "rescind",
    "rescinding",
];
const RETRACT_AFTER: [&str; 5] = [
    "withdrawn",
    "retracted",
    "scratched",
    "revoked",
    "rescinded",
];
/// Words that change a vote: what stands before a following `to` is the old value.
const CHANGE: [&str; 18] = [
    "change",
    "changing",
    "changed",
    "revise",
    "revising",
    "revised",
    "update",
    "updating",
    "updated",
    "switch",
    "switching",
    "switched",
    "amend",
    "amending",
    "upgrade",
    "downgrade",
    "make that",
    "flip",
];
/// Words after a value that make it a condition.
const CONDITIONS: [&str; 9] = [
    "if",
    "once",
    "unless",
    "provided",
    "assuming",
    "as long as",
    "pending",
    "when",
    "conditional",
];
/// Words before a value, in its sentence, that make it a maybe or a condition.
const MAYBE: [&str; 19] = [
    "if",
    "will change",
    "'ll change",
    "will be",
    "will vote",
    "should",
    "once",
    "unless",
    "provided",
    "assuming",
    "would be",
    "'d be",
    "\u{2019}d be",
    "would vote",
    "'d vote",
    "would change",
    "'d change",
    "could",
    "might",
];

/// The own lines' verdict: a vote, a review, or `None` when they hold no vote.
fn settle(lines: &[&str], own: &[(usize, Vec<(usize, Tok)>)]) -> Option<BodyReading> {
    let mut roles: Vec<(usize, Value, Role)> = Vec::new();
    let mut change_words = false;
    for (i, toks) in own {
        let line = lines.get(*i).copied().unwrap_or_default().trim();
        // Only ASCII words matter: byte offsets of the tokens hold in the lower-cased text.
        let lower = line.to_ascii_lowercase();
        // The tokens are sorted by offset, the sentences too: one walk hands each sentence its
        // tokens (a filter of all the line's tokens per sentence was quadratic in a long line).
        let mut next_tok = 0;
        for (start, end) in sentences(&lower) {
            let s = lower.get(start..end).unwrap_or_default();
            while toks.get(next_tok).is_some_and(|t| t.0 < start) {
                next_tok += 1;
            }
            let first = next_tok;
            while toks.get(next_tok).is_some_and(|t| t.0 < end) {
                next_tok += 1;
            }
            let in_s: Vec<(usize, Tok)> = toks
                .get(first..next_tok)
                .unwrap_or_default()
                .iter()
                .map(|t| (t.0 - start, t.1))
                .collect();
            if in_s.is_empty() {
                change_words |= has_word(s, &RETRACT_BEFORE) || has_word(s, &CHANGE);
                continue;
            }
            let sentence_roles = roles_in(s, &in_s);
            change_words |= sentence_roles
                .iter()
                .any(|r| matches!(r.1, Role::Old | Role::Retracted))
                || has_word(s, &CHANGE);
            roles.extend(sentence_roles.into_iter().map(|(v, r)| (*i, v, r)));
        }
    }
    roles.retain(|r| r.2 != Role::Other);
    if roles.is_empty() {
        return None;
    }
    let lines_of = |pick: &dyn Fn(&Role) -> bool| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        // The line last shown: a line of many votes is cut to its review line once, not once
        // per vote.
        let mut last: Option<usize> = None;
        for (i, _, r) in &roles {
            if out.len() >= REVIEW_LINES {
                break;
            }
            if !pick(r) || last == Some(*i) {
                continue;
            }
            last = Some(*i);
            let l = review_line(lines.get(*i).copied().unwrap_or_default());
            if out.last() != Some(&l) {
                out.push(l);
            }
        }
        out
    };
    if roles.iter().any(|r| r.2 == Role::Conditional) {
        return Some(BodyReading::Review(
            "a vote on a condition or a maybe".into(),
            lines_of(&|r| *r == Role::Conditional),
        ));
    }
    if roles.iter().any(|r| r.2 == Role::Fraction) {
        return Some(BodyReading::Review(
            "a fractional vote (the tally holds +1, 0 and -1)".into(),
            lines_of(&|r| *r == Role::Fraction),
        ));
    }
    let cast: Vec<Value> = roles
        .iter()
        .filter(|r| r.2 == Role::Cast)
        .map(|r| r.1)
        .collect();
    let all_lines = lines_of(&|_| true);
    match cast.last() {
        None => {
            let taken_back = roles.iter().rev().find(|r| r.2 == Role::Retracted)?;
            Some(BodyReading::Vote(
                Value::Zero,
                Some(format!("withdrew {}: counts as 0", taken_back.1)),
                all_lines,
            ))
        }
        Some(&last) if cast.iter().all(|&v| v == last) => {
            let how = roles
                .iter()
                .find(|r| matches!(r.2, Role::Old | Role::Retracted))
                .map(|r| format!("changed from {} to {last}", r.1));
            Some(BodyReading::Vote(last, how, all_lines))
        }
        Some(&last) if change_words => Some(BodyReading::Vote(
            last,
            Some(format!("changed its vote: the last, {last}, counts")),
            all_lines,
        )),
        Some(_) => Some(BodyReading::Review(
            "different votes and no word of a change".into(),
            all_lines,
        )),
    }
}

fn review_line(line: &str) -> String {
    let t = line.trim();
    match t.char_indices().nth(REVIEW_LINE_CHARS) {
        None => t.to_string(),
        Some((end, _)) => format!("{}…", t.get(..end).unwrap_or_default()),
    }
}

/// The sentences of a lower-cased line, as byte ranges: split after `.`, `!`, `?` or `;`
/// followed by a space (so `+1.` ends a sentence but `1.2` does not).
fn sentences(lower: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = lower.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'!' | b'?' | b';')
            && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
        {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < lower.len() {
        out.push((start, lower.len()));
    }
    out
}

/// Whether `s` holds one of `words` as whole words.
fn has_word(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| find_word(s, w, 0).is_some())
}

/// The byte offset of the first whole-word `w` in `s` at or after `from`.
fn find_word(s: &str, w: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(rel) = s.get(at..).and_then(|r| r.find(w)) {
        let i = at + rel;
        let before = s.get(..i).and_then(|b| b.chars().next_back());
        let after = s.get(i + w.len()..).and_then(|a| a.chars().next());
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if edge(before) && edge(after) {
            return Some(i);
        }
        at = i + w.len().max(1);
    }
    None
}

/// The positions of whole words of `words` in `s`, sorted.
fn word_positions(s: &str, words: &[&str]) -> Vec<usize> {
    let mut out = Vec::new();
    for w in words {
        let mut from = 0;
        while let Some(i) = find_word(s, w, from) {
            out.push(i);
            from = i + w.len();
        }
    }
    out.sort_unstable();
    out
}

/// The role of each token of one sentence (offsets within it).
fn roles_in(s: &str, toks: &[(usize, Tok)]) -> Vec<(Value, Role)> {
    let retract_before = word_positions(s, &RETRACT_BEFORE);
    let retract_after = word_positions(s, &RETRACT_AFTER);
    let changes = word_positions(s, &CHANGE);
    let maybe = word_positions(s, &MAYBE);
    let others = word_positions(s, &OTHERS);
    let from_words = word_positions(s, &["from"]);
    let to_words = word_positions(s, &["to"]);
    // Where `vote` first stands: found once, not searched for before each token.
    let first_vote = s.find("vote");
    // An unsigned 0 mid-sentence counts where a vote is named before it: `changed my vote to
    // 0`, `my vote: 0`.
    let votes: Vec<(usize, Tok)> = toks
        .iter()
        .copied()
        .filter_map(|t| match t.1 {
            Tok::ZeroHint => {
                let before = s.get(..t.0).unwrap_or_default();
                let named =
                    first_vote.is_some_and(|v| v + "vote".len() <= t.0) || !changes.is_empty();
                let led = before.trim_end().ends_with(" to")
                    || before.trim_end().ends_with("vote")
                    || before.trim_end().ends_with("vote:")
                    || before.trim_end().ends_with(" is");
                (named && led).then_some((t.0, Tok::Vote(Value::Zero)))
            }
            _ => Some(t),
        })
        .collect();
    let mut out = Vec::new();
    for (k, &(pos, tok)) in votes.iter().enumerate() {
        let value = match tok {
            Tok::Vote(v) => v,
            Tok::Fraction => {
                out.push((Value::Zero, Role::Fraction));
                continue;
            }
            Tok::ZeroHint => continue,
        };
        let prev_tok = k.checked_sub(1).and_then(|p| votes.get(p)).map(|t| t.0);
        let next_tok = votes.get(k + 1).map(|t| t.0);
        // The word positions are sorted: each question is a binary search, not a scan (a
        // sentence of many tokens and words made a scan per token quadratic).
        let between = |a: Option<usize>, b: usize, set: &[usize]| in_range(set, a.unwrap_or(0), b);
        let before_pos = |set: &[usize]| set.first().is_some_and(|&w| w < pos);
        // `withdraw my -1`: a retract word between the previous token and this one.
        let retracted_before = between(prev_tok, pos, &retract_before);
        // `my -1 is withdrawn`: a participle after this token, before the next one.
        let retracted_after = in_range(&retract_after, pos + 1, next_tok.unwrap_or(usize::MAX));
        // `change my -1 to +1`, `from -1 to +1`: a change word (or `from`) before it, and a
        // `to` after it that comes before the next token.
        let to_next = next_tok.is_some_and(|n| in_range(&to_words, pos + 1, n));
        let old = to_next && (before_pos(&changes) || between(prev_tok, pos, &from_words));
        let after = s.get(pos..).unwrap_or_default();
        let conditional = condition_follows(after) || before_pos(&maybe);
        let role = if before_pos(&others) {
            Role::Other
        } else if retracted_before || retracted_after {
            Role::Retracted
        } else if old {
            Role::Old
        } else if conditional {
            Role::Conditional
        } else {
            Role::Cast
        };
        out.push((value, role));
    }
    out
}

/// Whether the sorted `set` holds a position in `from..to`.
fn in_range(set: &[usize], from: usize, to: usize) -> bool {
    let i = set.partition_point(|&w| w < from);
    set.get(i).is_some_and(|&w| w < to)
}

/// The most bytes after a token that [`condition_follows`] reads: its few words, so that a
/// long line of tokens is not read to its end once per token.
const CONDITION_WINDOW: usize = 128;

/// Whether a condition word follows a token within a few words (`+1 if …`, `+1 (binding) once
/// the NOTICE is fixed`), before the clause ends.
fn condition_follows(after_token: &str) -> bool {
    let mut end = after_token.len().min(CONDITION_WINDOW);
    while !after_token.is_char_boundary(end) {
        end -= 1;
    }
    let rest = after_token
        .get(..end)
        .unwrap_or_default()
        .split_once(char::is_whitespace)
        .map_or("", |(_, r)| r);
    let clause = rest.split([',', ':', '—', '-']).next().unwrap_or_default();
    let words: Vec<&str> = clause
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .filter(|w| !matches!(*w, "binding" | "non" | "nonbinding" | "from" | "me"))
        .take(3)
        .collect();
    let head = words.join(" ");
    CONDITIONS.iter().any(|c| {
        head == *c || head.starts_with(&format!("{c} ")) || words.first().is_some_and(|w| w == c)
    })
}

/// The signature separator `-- ` (also a bare `--`).
fn is_signature_separator(line: &str) -> bool {
    let t = line.trim_end_matches(['\r', '\n']);
    t == "-- " || t == "--"
}

/// An attribution line: `On … wrote:`, `Am … schrieb:`, Thunderbird's `On 05/12/2026 10:00,
/// Bob wrote:` and others that end in `wrote:`.
fn is_attribution(t: &str) -> bool {
    let lower = t.to_lowercase();
    lower.ends_with("wrote:") || lower.ends_with("schrieb:") || lower.ends_with("a écrit :")
}

/// A forwarded or original-message marker: what follows is someone else's mail.
fn is_forward_marker(line: &str) -> bool {
    let t = line.trim();
    let lower = t.to_lowercase();
    if lower.starts_with("begin forwarded message") {
        return true;
    }
    if t.chars().count() >= 10 && t.chars().all(|c| matches!(c, '_' | '─' | '━')) {
        return true;
    }
    t.starts_with("---")
        && (lower.contains("original message") || lower.contains("forwarded message"))
}

/// An Outlook reply's header block (`From: …` then `Sent:` or `Date:` within two lines): the
/// quoted mail follows, unmarked by `>`.
fn is_header_block(lines: &[&str], i: usize) -> bool {
    let head = |l: &str| {
        let t = l.trim().trim_start_matches('*').to_lowercase();
        t.starts_with("from:")
    };
    if !lines.get(i).is_some_and(|l| head(l)) {
        return false;
    }
    lines.iter().skip(i + 1).take(2).any(|l| {
        let t = l.trim().trim_start_matches('*').to_lowercase();
        t.starts_with("sent:") || t.starts_with("date:")
    })
}

/// An empty checkbox before a vote, `[ ] +1 Release this package`: a template line.
fn empty_box(line: &str) -> bool {
    line.strip_prefix('[')
        .and_then(|after| after.split_once(']'))
        .is_some_and(|(inside, after)| {
            !inside.trim().eq_ignore_ascii_case("x") && vote_token(after.trim_start()).is_some()
        })
}

/// Words before a `+1` that make it a time zone (`GMT +1`), not a vote.
const ZONES: [&str; 4] = ["gmt", "utc", "cet", "tz"];

/// Every vote token of a line (`[x] ` boxes left in), by byte offset: signed values anywhere
/// (`so that's a +1 from me`), an unsigned `0` only at the start (as in [`vote_token`]) or as
/// a template hint. Not tokens: parts of numbers, versions, words or URLs (`+10`, `1.2-1`,
/// `rc-1`, `n+1`, `http://x/+1`), phone numbers (`+1 650 555 0100`, `+1-650-…`, `+1 (650)`),
/// time zones (`GMT +1`), percentages.
pub(super) fn tokens(line: &str) -> Vec<(usize, Tok)> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip words that are URLs or addresses.
        let word_start = i == 0 || bytes.get(i - 1).is_some_and(u8::is_ascii_whitespace);
        if word_start {
            let end = line
                .get(i..)
                .and_then(|r| r.find(char::is_whitespace))
                .map_or(line.len(), |e| i + e);
            let word = line.get(i..end).unwrap_or_default();
            if word.contains("://") || word.starts_with("www.") || word.contains('@') {
                i = end;
                continue;
            }
        }
        let Some(&b) = bytes.get(i) else { break };
        let (sign_len, signed) = match b {
            b'+' | b'-' => (1, true),
            0xE2 if line.get(i..).is_some_and(|r| r.starts_with('\u{2212}')) => (3, true),
            0xC2 if line.get(i..).is_some_and(|r| r.starts_with('\u{b1}')) => (2, true),
            b'0' => (0, false),
            _ => {
                i += 1;
                continue;
            }
        };
        let prev = line.get(..i).and_then(|p| p.chars().next_back());
        let prev_ok = prev.is_none_or(|c| {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '"' | '\'' | '*' | '_' | ':' | ',' | ';')
                || matches!(c, '\u{201c}' | '\u{2018}')
        });
        let start = i;
        i += sign_len.max(1);
        if !prev_ok {
            continue;
        }
        let rest = line.get(start + sign_len..).unwrap_or_default();
        // Two digits tell `1`/`0` from a longer number: no need to read a run of digits.
        let digits: String = rest
            .chars()
            .take(2)
            .take_while(char::is_ascii_digit)
            .collect();
        if digits != "1" && digits != "0" {
            continue;
        }
        let after = rest.get(1..).unwrap_or_default();
        let mut ac = after.chars();
        let next = ac.next();
        let next2 = ac.next();
        let fraction =
            matches!(next, Some('.' | ',')) && next2.is_some_and(|d| d.is_ascii_digit()) && {
                let frac: String = after
                    .get(1..)
                    .unwrap_or_default()
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let tail = after.get(1 + frac.len()..).unwrap_or_default();
                digits == "0"
                    && !frac.trim_end_matches('0').is_empty()
                    && !tail.starts_with(['.', '-'])
                    && !tail.starts_with(|c: char| c.is_alphanumeric())
            };
        if !signed {
            // An unsigned 0 mid-line is only a template hint (`+1, 0 or -1`).
            let word_end = next.is_none_or(|c| !c.is_alphanumeric() && c != '.' && c != ',')
                || matches!(next, Some('.' | ',')) && !next2.is_some_and(|d| d.is_ascii_digit());
            if word_end {
                out.push((start, Tok::ZeroHint));
            }
            continue;
        }
        if fraction {
            out.push((start, Tok::Fraction));
            continue;
        }
        match next {
            Some(c) if c.is_alphanumeric() || c == '_' || c == '%' || c == '/' => continue,
            Some('.' | ',' | '-') if next2.is_some_and(|d| d.is_ascii_digit()) => continue,
            _ => {}
        }
        if digits == "1" && b == b'+' && is_phone(after) {
            continue;
        }
        // Only the word before counts: lower-casing the whole line before each token was
        // quadratic in a long line.
        let before = line.get(..start).unwrap_or_default().trim_end().as_bytes();
        if ZONES.iter().any(|z| {
            before
                .len()
                .checked_sub(z.len())
                .and_then(|k| before.get(k..))
                .is_some_and(|tail| tail.eq_ignore_ascii_case(z.as_bytes()))
        }) {
            continue;
        }
        let value = match (b, digits.as_str()) {
            (_, "0") => Value::Zero,
            (b'+', _) => Value::Plus,
            (0xC2, _) => continue,
            _ => Value::Minus,
        };
        out.push((start, Tok::Vote(value)));
    }
    // An unsigned 0 that starts the line (after a ticked box) counts as in [`vote_token`].
    if let Some(first) = out.first_mut()
        && first.1 == Tok::ZeroHint
        && line
            .get(..first.0)
            .is_some_and(|b| b.trim().is_empty() || b.trim().eq_ignore_ascii_case("[x]"))
        && vote_token(line.trim_start()) == Some((Value::Zero, true))
    {
        first.1 = Tok::Vote(Value::Zero);
    }
    out
}

/// After `+1`: a phone number's area code (`650 555 0100`, `-650-555`, `(650) 555`, `.650`).
fn is_phone(after: &str) -> bool {
    let t = after.trim_start_matches([' ', '-', '.', '(', '\u{a0}']);
    if after.len() - t.len() > 3 {
        return false;
    }
    t.chars().take(3).filter(char::is_ascii_digit).count() == 3
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
        Some(c) if c.is_alphanumeric() || c == '_' || c == '%' => return None,
        Some('.' | ',' | '-') if next.next().is_some_and(|d| d.is_ascii_digit()) => return None,
        Some(_) => {}
    }
    if sign == Some(false) && digit == '1' && is_phone(tail) {
        return None;
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
