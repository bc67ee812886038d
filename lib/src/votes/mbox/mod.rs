//! Votes from a mailing-list thread in mbox format.
//!
//! [`parse_thread`] splits an mbox into messages, parses each with
//! `mailparse` (MIME, quoted-printable, base64, charsets), and reads every
//! message: the vote in the sender's own words, or why it has none
//! ([`Reading`]), so that a release manager can review the whole tally.
//! [`last_votes`] keeps each sender's last vote; an earlier vote of the same
//! sender is marked replaced ([`MailMessage::replaced_by`]).
//!
//! # How a vote is found (#29)
//!
//! A vote is `+1`, `-1`, `+0` or `-0` (also `−` for `-`) **anywhere** in the sender's own
//! words (`so that's a +1 from me`, `my +1 (binding)`), as long as the token is not glued to
//! more of a number or a word (`+10`, `1.2.0-1`, `rc-1`, `n+1`, `+1%`), not in a URL or an
//! address, not a phone number (`+1 650 555 0100`), not a time zone (`GMT +1`). An unsigned
//! `0` counts at the start of a line followed by nothing or punctuation, or right after a
//! vote is named (`changed my vote to 0`). `+0.5`-style values are fractional votes.
//!
//! Each sentence is read for changes: a value after `withdraw`, `retract`, `scratch`, … (or
//! before `withdrawn`, `retracted`) is taken back; one after `change`, `revise`, `update`,
//! `switch`, … (or `from`) and before a following `to` is the old value; one on a condition
//! (`+1 if …`, `If …, +1`, `pending`, `once`) or a maybe (`I would be +1`) is conditional.
//! Then ([`Reading`]): one value → that vote; only a value taken back → 0 (the withdrawal
//! replaces the earlier vote); different values with a change or withdrawal word → the last;
//! different values without one, a conditional or a fractional vote → [`Reading::Review`]
//! with the lines, and nothing is recorded (never guessed). The words and the tables are in
//! `body.rs` and `docs/votes-and-network.md`.
//!
//! # Design decisions (where the spec is silent)
//!
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
//! * **The call**: the first message whose subject holds `[VOTE]` and is not
//!   a reply (`Re:`, `Fwd:` …) is marked [`MailMessage::call`]; it is read
//!   like any other message: the template is skipped by the two rules above,
//!   and an own `+1` counts.
//! * **No vote, and why** ([`Reading`]): a message whose only vote lines are
//!   a template (boxes or a group, its own or quoted, e.g. a reply quoting
//!   the call) reads as [`Reading::Template`]; one whose only vote lines are
//!   quoted or forwarded (`> +1` of someone else) as [`Reading::Quoted`].
//! * **`[RESULT]`**: the first message whose subject contains `[RESULT]`
//!   (any case) and every message after it are ignored.
//! * **Body**: the first `text/plain` part that is not an attachment; else the first
//!   `text/html` one as text ([`html_text`]: blockquotes are quoted, Gmail's and Outlook's
//!   unmarked quotes are hidden).
//! * **Sender**: the first address of `From:`, lower-cased; when `From:` is
//!   missing or unparsable, the address of the mbox `From ` line if it has
//!   an `@`; otherwise the message is ignored.
//! * **Date**: the `Date:` header parsed as RFC 2822; `None` if missing or
//!   invalid. **Message-ID**: trimmed, without the angle brackets.
//! * **The window** ([`apply_window`], given the vote's open and end times
//!   and now): a vote in a mail dated before the vote opened, after now,
//!   after the end time, or not dated is marked [`MailMessage::outside`] and
//!   not counted; [`last_votes`] and [`MailMessage::replaced_by`] consider
//!   only the votes inside it, so a voter's last message in the window wins.
//! * **Linear**: every step is one pass over the messages (the replaced
//!   votes are linked through a map from sender to their latest vote).
//! * **Splitting**: a line starting with `From ` begins a new message when
//!   it is the first line, follows a blank line, or looks like an envelope
//!   line (has a 4-digit year). Body lines `>From `, `>>From `... lose one
//!   `>` (mboxrd; also right for mboxo). Leading blank lines are skipped;
//!   messages that are blank or that `mailparse` rejects read as
//!   [`Reading::Unreadable`].
//! * **Binding claims** such as `(binding)` are not recorded: whether a vote
//!   is binding is decided from the roster by the caller.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use jiff::Timestamp;
use mailparse::{DispositionType, MailAddr, MailHeaderMap, ParsedMail};
use serde::{Deserialize, Serialize};

use super::rule::Value;

mod body;

use body::{BodyReading, read_body};

/// What was read from one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reading {
    /// A vote in the sender's own words (the last one of the message).
    Vote(Value),
    /// No vote line of the sender's, only a vote template (`[ ] +1 …` boxes, a +1/0/-1 group).
    Template,
    /// No vote line of the sender's, only quoted or forwarded votes of someone else.
    Quoted,
    /// No vote line at all (also: no text/plain part).
    NoVote,
    /// The `[RESULT]` mail, or a message after it: not read.
    AfterResult,
    /// A message that cannot be read, and why: empty, malformed, no sender address.
    Unreadable(String),
    /// Votes in the sender's own words that the rules cannot settle (two different values and
    /// no word of a change, a vote on a condition, a fractional vote): why. Nothing is recorded
    /// until the release manager decides ([`MailMessage::lines`] holds the lines).
    Review(String),
}

impl Reading {
    /// A stable name for scripts: `vote`, `template`, `quoted-vote`, `no-vote`,
    /// `after-result`, `unreadable`.
    pub fn code(&self) -> &'static str {
        match self {
            Reading::Vote(_) => "vote",
            Reading::Template => "template",
            Reading::Quoted => "quoted-vote",
            Reading::NoVote => "no-vote",
            Reading::AfterResult => "after-result",
            Reading::Unreadable(_) => "unreadable",
            Reading::Review(_) => "needs-review",
        }
    }
}

/// One message of a thread and what was read from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailMessage {
    /// Its position in the mbox, from 1.
    pub number: usize,
    /// The sender's address, lower-cased (`None` when it has none).
    pub from_email: Option<String>,
    /// The sender's display name, if any.
    pub from_name: Option<String>,
    /// The `Date:` header, if present and valid.
    pub date: Option<Timestamp>,
    /// The decoded subject (empty if none).
    pub subject: String,
    /// The Message-ID without angle brackets, if any.
    pub message_id: Option<String>,
    /// Whether this is the call for the vote (the `[VOTE]` mail).
    pub call: bool,
    pub reading: Reading,
    /// For a vote: the number of the same sender's later vote message that replaces it.
    pub replaced_by: Option<usize>,
    /// For a vote: why it lies outside the vote's window, if it does ([`apply_window`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outside: Option<Outside>,
    /// For a vote settled by more than one value: how (`changed from -1 to +1`, `withdrew -1:
    /// counts as 0`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<String>,
    /// The sender's own lines that hold the vote, or that make the message need review.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<String>,
}

impl MailMessage {
    /// The vote read, if any.
    pub fn vote(&self) -> Option<Value> {
        match self.reading {
            Reading::Vote(v) => Some(v),
            _ => None,
        }
    }

    /// The vote read, if any and inside the vote's window: the vote that counts.
    pub fn counted_vote(&self) -> Option<Value> {
        self.vote().filter(|_| self.outside.is_none())
    }

    fn counts(&self) -> bool {
        self.counted_vote().is_some()
    }

    /// Why the message gives no vote, as a line for people (`None` for a vote).
    pub fn why_not(&self) -> Option<String> {
        let why = match &self.reading {
            Reading::Vote(_) => match self.outside {
                Some(o) => format!("not recorded: {}", o.reason()),
                None => return None,
            },
            Reading::Template => "no vote line (only a vote template)".into(),
            Reading::Quoted => "no vote line (only quoted votes)".into(),
            Reading::NoVote => "no vote line".into(),
            Reading::AfterResult => "[RESULT] message or after it".into(),
            Reading::Unreadable(why) => why.clone(),
            Reading::Review(why) => format!("needs review: {why}"),
        };
        Some(match &self.from_email {
            Some(e) => format!("message {} from {e}: {why}", self.number),
            None => format!("message {}: {why}", self.number),
        })
    }
}

/// Every message of a thread, in mbox order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thread {
    pub messages: Vec<MailMessage>,
}

impl Thread {
    /// The messages that give no vote, with why: `message N from EMAIL: REASON`.
    pub fn ignored(&self) -> Vec<String> {
        self.messages
            .iter()
            .filter_map(MailMessage::why_not)
            .collect()
    }
}

/// Why an mbox cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MboxError {
    /// The input is not an mbox, or holds no message.
    #[error("malformed mbox: {0}")]
    Malformed(String),
}

/// Each sender's last counted vote (by mbox order; not one outside the window), sorted by
/// email.
pub fn last_votes(thread: &Thread) -> Vec<(&MailMessage, Value)> {
    let mut last: BTreeMap<&str, (&MailMessage, Value)> = BTreeMap::new();
    for m in &thread.messages {
        if let (Some(e), Some(v)) = (&m.from_email, m.counted_vote()) {
            last.insert(e.as_str(), (m, v));
        }
    }
    last.into_values().collect()
}

/// Whether a subject is that of a call for a vote rather than a reply to it.
fn is_call_subject(subject: &str) -> bool {
    let lower = subject.trim_start().to_lowercase();
    let reply = ["re:", "re :", "aw:", "sv:", "fw:", "fwd:", "antw:"]
        .iter()
        .any(|p| lower.starts_with(p));
    !reply && lower.contains("[vote]")
}

/// Reads every message of a mailing-list thread from mbox bytes.
///
/// Fails only when the input is not an mbox (does not start with a `From `
/// line) or holds no message; a message that cannot be parsed reads as
/// [`Reading::Unreadable`]. Never panics.
pub fn parse_thread(mbox: &[u8]) -> Result<Thread, MboxError> {
    let raw = split_mbox(mbox)?;
    let mut thread = Thread {
        messages: Vec::with_capacity(raw.len()),
    };
    let mut after_result = false;
    let mut call_seen = false;
    for (i, msg) in raw.iter().enumerate() {
        let mut m = MailMessage {
            number: i + 1,
            from_email: None,
            from_name: None,
            date: None,
            subject: String::new(),
            message_id: None,
            call: false,
            reading: Reading::NoVote,
            replaced_by: None,
            outside: None,
            how: None,
            lines: Vec::new(),
        };
        if msg.bytes.iter().all(u8::is_ascii_whitespace) {
            m.reading = Reading::Unreadable("empty message".into());
            thread.messages.push(m);
            continue;
        }
        let parsed = match mailparse::parse_mail(&msg.bytes) {
            Ok(p) => p,
            Err(e) => {
                m.reading = Reading::Unreadable(format!("cannot be parsed: {e}"));
                thread.messages.push(m);
                continue;
            }
        };
        m.subject = parsed
            .headers
            .get_first_value("Subject")
            .unwrap_or_default()
            .trim()
            .to_string();
        if let Some((email, name)) = sender(&parsed, msg.envelope) {
            m.from_email = Some(email);
            m.from_name = name;
        }
        m.date = parsed.headers.get_first_value("Date").and_then(|d| {
            jiff::fmt::rfc2822::DateTimeParser::new()
                .parse_timestamp(d.trim())
                .ok()
        });
        m.message_id = parsed
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
        if !after_result && m.subject.to_ascii_lowercase().contains("[result]") {
            after_result = true;
        }
        if !after_result && !call_seen && is_call_subject(&m.subject) {
            call_seen = true;
            m.call = true;
        }
        m.reading = if after_result {
            Reading::AfterResult
        } else if m.from_email.is_none() {
            Reading::Unreadable("no sender address".into())
        } else {
            match text_body(&parsed).map(|b| read_body(&b)) {
                Some(BodyReading::Vote(v, how, lines)) => {
                    m.how = how;
                    m.lines = lines;
                    Reading::Vote(v)
                }
                Some(BodyReading::Review(why, lines)) => {
                    m.lines = lines;
                    Reading::Review(why)
                }
                Some(BodyReading::Template) => Reading::Template,
                Some(BodyReading::Quoted) => Reading::Quoted,
                Some(BodyReading::Nothing) | None => Reading::NoVote,
            }
        };
        thread.messages.push(m);
    }
    link_replaced(&mut thread.messages);
    Ok(thread)
}

/// Sets [`MailMessage::replaced_by`] on each counted vote that a later counted vote of the
/// same sender replaces, and clears it on every other message. One pass with a map from
/// sender to their latest vote so far: searching back through the thread for each vote made a
/// thread of many senders quadratic (160k one-line messages took 33 s).
fn link_replaced(messages: &mut [MailMessage]) {
    let mut latest: HashMap<String, usize> = HashMap::new();
    for i in 0..messages.len() {
        let Some(m) = messages.get_mut(i) else { break };
        m.replaced_by = None;
        if !m.counts() {
            continue;
        }
        let Some(email) = m.from_email.clone() else {
            continue;
        };
        let number = m.number;
        if let Some(earlier) = latest.insert(email, i).and_then(|j| messages.get_mut(j)) {
            earlier.replaced_by = Some(number);
        }
    }
}

/// Why a message's vote lies outside the vote's window and is not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outside {
    /// The mail has no valid `Date:` header: it cannot be placed in the window.
    Undated,
    /// Dated before the vote opened.
    BeforeOpen,
    /// Dated after the time of the import: a date no mail can have yet.
    InFuture,
    /// Dated after the vote's end time.
    AfterClose,
}

impl Outside {
    /// A stable name for scripts: `undated`, `dated-before-open`, `dated-in-future`,
    /// `dated-after-close`.
    pub fn code(self) -> &'static str {
        match self {
            Outside::Undated => "undated",
            Outside::BeforeOpen => "dated-before-open",
            Outside::InFuture => "dated-in-future",
            Outside::AfterClose => "dated-after-close",
        }
    }

    /// Why, for people.
    pub fn reason(self) -> &'static str {
        match self {
            Outside::Undated => "no valid Date header",
            Outside::BeforeOpen => "dated before the vote opened",
            Outside::InFuture => "dated after now",
            Outside::AfterClose => "dated after the vote closed",
        }
    }
}

/// Where `date` stands against the window `[opened, closes]` at `now`: `None` inside it.
/// A date after now is named so even when it is also after the end: that is the likelier lie.
pub fn outside_window(
    date: Option<Timestamp>,
    opened: Timestamp,
    closes: Timestamp,
    now: Timestamp,
) -> Option<Outside> {
    let Some(d) = date else {
        return Some(Outside::Undated);
    };
    if d < opened {
        Some(Outside::BeforeOpen)
    } else if d > now {
        Some(Outside::InFuture)
    } else if d > closes {
        Some(Outside::AfterClose)
    } else {
        None
    }
}

/// Marks each vote dated outside the vote's window ([`MailMessage::outside`]) so that it is
/// not counted, and links the replaced votes again among those inside it: a voter's last
/// message inside the window wins.
pub fn apply_window(thread: &mut Thread, opened: Timestamp, closes: Timestamp, now: Timestamp) {
    for m in &mut thread.messages {
        m.outside = match m.reading {
            Reading::Vote(_) | Reading::Review(_) => outside_window(m.date, opened, closes, now),
            _ => None,
        };
    }
    link_replaced(&mut thread.messages);
}

/// One message of the mbox: its envelope (`From `) line and its bytes, borrowed from the mbox
/// unless a `>From ` line had to be unescaped (a copy of every message doubled the memory of an
/// import).
struct RawMessage<'a> {
    envelope: &'a [u8],
    bytes: Cow<'a, [u8]>,
}

/// A message being split off: where its bytes start in the mbox, and its own copy once a line
/// had to be changed.
struct Pending<'a> {
    envelope: &'a [u8],
    start: usize,
    copy: Option<Vec<u8>>,
}

impl<'a> Pending<'a> {
    fn finish(self, data: &'a [u8], end: usize) -> RawMessage<'a> {
        RawMessage {
            envelope: self.envelope,
            bytes: match self.copy {
                Some(v) => Cow::Owned(v),
                None => Cow::Borrowed(data.get(self.start..end).unwrap_or_default()),
            },
        }
    }
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

fn split_mbox(data: &[u8]) -> Result<Vec<RawMessage<'_>>, MboxError> {
    let mut lines = data.split_inclusive(|&b| b == b'\n').peekable();
    let mut offset = 0;
    while let Some(l) = lines.next_if(|l| is_blank(l)) {
        offset += l.len();
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
    let mut out: Vec<RawMessage<'_>> = Vec::new();
    let mut cur: Option<Pending<'_>> = None;
    let mut prev_blank = true;
    for line in lines {
        let line_start = offset;
        offset += line.len();
        if line.starts_with(b"From ") && (prev_blank || looks_like_envelope(line)) {
            if let Some(p) = cur.take() {
                out.push(p.finish(data, line_start));
            }
            cur = Some(Pending {
                envelope: line.trim_ascii(),
                start: offset,
                copy: None,
            });
            prev_blank = false;
            continue;
        }
        prev_blank = is_blank(line);
        let Some(p) = cur.as_mut() else { continue };
        let gt = line.iter().take_while(|&&b| b == b'>').count();
        if gt > 0
            && line
                .get(gt..)
                .is_some_and(|rest| rest.starts_with(b"From "))
        {
            let copy = p
                .copy
                .get_or_insert_with(|| data.get(p.start..line_start).unwrap_or_default().to_vec());
            copy.extend_from_slice(line.get(1..).unwrap_or_default());
        } else if let Some(copy) = p.copy.as_mut() {
            copy.extend_from_slice(line);
        }
    }
    if let Some(p) = cur.take() {
        out.push(p.finish(data, data.len()));
    }
    if out.iter().all(|m| is_blank(&m.bytes)) {
        return Err(MboxError::Malformed(
            "no message: only 'From ' lines".into(),
        ));
    }
    Ok(out)
}

/// The sender's (lower-cased address, display name).
fn sender(parsed: &ParsedMail<'_>, envelope: &[u8]) -> Option<(String, Option<String>)> {
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
    String::from_utf8_lossy(envelope)
        .split_whitespace()
        .nth(1)
        .filter(|a| a.contains('@'))
        .map(|a| (a.to_lowercase(), None))
}

/// What a person reads: the first `text/plain` part that is not an attachment, decoded; else
/// the first such `text/html` part turned into text ([`html_text`]).
fn text_body(parsed: &ParsedMail<'_>) -> Option<String> {
    let inline = |mime: &'static str| {
        parsed
            .parts()
            .filter(|p| p.subparts.is_empty())
            .filter(move |p| p.ctype.mimetype.eq_ignore_ascii_case(mime))
            .find(|p| p.get_content_disposition().disposition != DispositionType::Attachment)
    };
    if let Some(p) = inline("text/plain") {
        return p.get_body().ok();
    }
    inline("text/html")
        .and_then(|p| p.get_body().ok())
        .map(|h| html_text(&h))
}

/// The CSS that hides what a mail program quotes without a `<blockquote>`: Gmail's
/// `gmail_quote` (and its attribution line), Outlook's reply header and appended mail,
/// Thunderbird's and Apple Mail's cite prefixes. A `<blockquote>` is rendered as `> ` lines,
/// which read as quoted text.
const QUOTE_CSS: &str = ".gmail_quote, .gmail_attr, .gmail_extra, #divRplyFwdMsg, \
    #appendonsend, .moz-cite-prefix, .moz-signature, .gmail_signature, #Signature \
    { display: none; }";

/// An HTML body as text, by `html2text` (no wrapping; links without footnotes). On an error
/// of the renderer, the text between tags, so that a message is never lost.
pub(crate) fn html_text(html: &str) -> String {
    let config = html2text::config::plain()
        .add_css(QUOTE_CSS)
        .map(|c| c.link_footnotes(false).allow_width_overflow());
    match config.and_then(|c| c.string_from_read(html.as_bytes(), 10_000)) {
        Ok(text) => text,
        Err(_) => {
            let mut out = String::with_capacity(html.len());
            let mut in_tag = false;
            for c in html.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => out.push(c),
                    _ => {}
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests;
