//! How results reach people and scripts: one JSON document on stdout with `--json`, else short
//! sentences and comfy-table tables; status lines on stderr, muted by `--quiet` and `--json`.
//! Colour and progress decisions live here too.
//!
//! Every human output goes through [`printable`] (tables cell by cell, then the whole text;
//! status lines, warnings, errors): names from archives, downloads, mail and servers are
//! untrusted, and a raw `ESC ] 0;…` retitles a terminal, `ESC [2J` clears it, U+202E reverses
//! what follows. JSON is escaped by serde already.

use std::borrow::Cow;
use std::io::{IsTerminal, Write};

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// The output settings of one invocation.
#[derive(Debug, Clone)]
pub struct Output {
    pub json: bool,
    pub quiet: bool,
    pub verbose: bool,
    /// Colour on stderr (errors, warnings).
    pub color: bool,
    /// Colour on stdout (the result words of tables).
    pub color_stdout: bool,
}

impl Output {
    pub fn new(json: bool, quiet: bool, verbose: bool, color: ColorChoice) -> Output {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let (color, color_stdout) = match color {
            ColorChoice::Always => (true, true),
            ColorChoice::Never => (false, false),
            ColorChoice::Auto => (
                !no_color && std::io::stderr().is_terminal(),
                !no_color && std::io::stdout().is_terminal(),
            ),
        };
        Output {
            json,
            quiet,
            verbose,
            color,
            color_stdout,
        }
    }

    /// Prints the command's result: `value` as JSON, or the human rendering.
    pub fn data<T: Serialize + ?Sized>(&self, value: &T, human: impl FnOnce() -> String) {
        if self.json {
            let text = serde_json::to_string_pretty(value).unwrap_or_else(|e| {
                format!(
                    "{{\"error\": {{\"code\": \"internal\", \"message\": {:?}}}}}",
                    e.to_string()
                )
            });
            write_stdout(&format!("{text}\n"));
        } else {
            let text = paint_marks(&printable(&human(), true), self.color_stdout);
            if !text.is_empty() {
                // The newline written after the text, not into a copy of it (a 600k-message
                // import's table is some 100 MB).
                write_stdout(&text);
                if !text.ends_with('\n') {
                    write_stdout("\n");
                }
            }
        }
    }

    /// A status line for people on stderr (not with --quiet or --json).
    pub fn status(&self, message: &str) {
        if !self.quiet && !self.json {
            eprintln!("{}", printable(message, true));
        }
    }

    /// A warning for people on stderr (`warning: …`; not with --quiet or --json, where a
    /// script reads the result instead).
    pub fn warn(&self, message: &str) {
        if !self.quiet && !self.json {
            let message = printable(message, true);
            eprintln!("{} {message}", self.paint("warning:", "1;33"));
        }
    }

    /// A detail shown only with --verbose.
    pub fn detail(&self, message: &str) {
        if self.verbose && !self.json {
            eprintln!("{}", printable(message, true));
        }
    }

    /// Whether a progress bar may be drawn: a terminal, not quiet, not JSON.
    pub fn progress_allowed(&self) -> bool {
        !self.quiet && !self.json && std::io::stderr().is_terminal()
    }

    pub fn paint(&self, text: &str, ansi: &str) -> String {
        if self.color {
            format!("\x1b[{ansi}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

pub use relmgr::text::printable;

/// Writes to stdout; a closed pipe (`relmgr log | head`) ends the process quietly.
pub fn write_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write to stdout: {e}");
        std::process::exit(1);
    }
}

/// The width a table is fitted to when stdout is not a terminal and `$COLUMNS` is not set (as
/// cargo and gh do): a table piped to a file or a pager stays readable.
pub const PIPED_WIDTH: u16 = 100;

/// The width to fit tables to: `$COLUMNS` when it is a positive number, else none on a terminal
/// (comfy-table then asks the terminal), else [`PIPED_WIDTH`].
fn table_width(columns: Option<&str>, stdout_is_terminal: bool) -> Option<u16> {
    match columns.and_then(|c| c.trim().parse::<u16>().ok()) {
        Some(w) if w > 0 => Some(w),
        _ if stdout_is_terminal => None,
        _ => Some(PIPED_WIDTH),
    }
}

/// An empty table in the house style, fitted to the screen: cells wrap (long words such as
/// hashes and URLs are split, never cut) so that every line fits.
fn new_table() -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    let columns = std::env::var("COLUMNS").ok();
    if let Some(w) = table_width(columns.as_deref(), t.is_tty()) {
        t.set_width(w);
    }
    t
}

/// A table with a header row. Fingerprints (40 or 64 upper-case hex digits) are shown as their
/// key ids (the full one is in `--json` and `show`); no token is split that the column could
/// hold ([`keep_tokens_whole`]); the first word of a result column (`result`, `status`,
/// `checksum`, `signature`, `vote`, `outcome`) is coloured as cargo does when colour is on.
pub fn table<I, R, C>(header: &[&str], rows: I) -> String
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = C>,
    C: std::fmt::Display,
{
    let mut shortened = vec![false; header.len()];
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| {
            // Escaped before layout, so the widths comfy-table computes are the widths shown.
            r.into_iter()
                .enumerate()
                .map(|(i, c)| {
                    let c = c.to_string();
                    let short = shorten_fingerprint(&c);
                    if short.len() == 16
                        && c.len() != 16
                        && let Some(s) = shortened.get_mut(i)
                    {
                        *s = true;
                    }
                    cell_text(&short)
                })
                .collect()
        })
        .collect();
    let header: Vec<String> = header
        .iter()
        .zip(&shortened)
        .map(|(h, short)| match *h {
            "fingerprint" if *short => "key id".to_string(),
            h => h.to_string(),
        })
        .collect();
    let mut t = new_table();
    t.set_header(header.clone());
    if rows.iter().all(|r| r.len() <= header.len()) {
        // The header makes every column: the bounds are set first and the rows moved in, not
        // copied (a table of 600k messages is held once).
        keep_tokens_whole(&mut t, Some(&header), &rows);
        for r in rows {
            t.add_row(r);
        }
    } else {
        for r in &rows {
            t.add_row(r.clone());
        }
        keep_tokens_whole(&mut t, Some(&header), &rows);
    }
    let result_columns: Vec<bool> = header
        .iter()
        .map(|h| RESULT_HEADERS.contains(&h.as_str()))
        .collect();
    mark_results(&t.to_string(), &result_columns)
}

/// The headers of columns whose first word is a result to colour.
const RESULT_HEADERS: &[&str] = &[
    "result",
    "status",
    "checksum",
    "signature",
    "vote",
    "outcome",
];

/// A cell with each fingerprint in it (a run of exactly 40 or 64 upper-case hex digits: v4 or
/// v6) as its key id (the last 16 digits of a v4 one, the first 16 of a v6 one), as gpg shows
/// it; lower-case hex (digests, commits) and any other text stay as they are.
fn shorten_fingerprint(cell: &str) -> Cow<'_, str> {
    let is_hex = |b: u8| b.is_ascii_digit() || (b'A'..=b'F').contains(&b);
    let bytes = cell.as_bytes();
    let mut out = String::new();
    let (mut i, mut copied) = (0, 0);
    while i < bytes.len() {
        if !is_hex(bytes[i]) || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let end = (i..bytes.len())
            .find(|&j| !is_hex(bytes[j]))
            .unwrap_or(bytes.len());
        let bounded = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        let key_id = match end - i {
            40 if bounded => Some(&cell[end - 16..end]),
            64 if bounded => Some(&cell[i..i + 16]),
            _ => None,
        };
        if let Some(k) = key_id {
            out.push_str(&cell[copied..i]);
            out.push_str(k);
            copied = end;
        }
        i = end;
    }
    if copied == 0 {
        return Cow::Borrowed(cell);
    }
    out.push_str(&cell[copied..]);
    Cow::Owned(out)
}

/// A cell's text for layout: escaped ([`printable`]), and with the private-use characters
/// relmgr marks colours with escaped too, so that a name cannot colour a table.
fn cell_text(text: &str) -> String {
    let text = printable(text, true);
    if !text.chars().any(is_mark) {
        return text.into_owned();
    }
    text.chars()
        .map(|c| match c {
            c if is_mark(c) => format!("\\u{{{:x}}}", c as u32),
            c => c.to_string(),
        })
        .collect()
}

/// The marks of a coloured word (private-use characters, expanded by [`paint_marks`]).
const MARK_GREEN: char = '\u{e000}';
const MARK_RED: char = '\u{e001}';
const MARK_YELLOW: char = '\u{e002}';
const MARK_END: char = '\u{e003}';

fn is_mark(c: char) -> bool {
    ('\u{e000}'..='\u{e003}').contains(&c)
}

/// The colour of a result word, as cargo colours its statuses: green for good, red for bad,
/// yellow for a warning.
fn result_mark(word: &str) -> Option<char> {
    let word = word.trim_end_matches([',', ':', ';']).to_ascii_lowercase();
    match word.as_str() {
        "ok" | "pass" | "passed" | "valid" | "good" | "imported" | "updated" | "current" | "+1" => {
            Some(MARK_GREEN)
        }
        "fail" | "failed" | "bad" | "invalid" | "revoked" | "rejected" | "missing" | "mismatch"
        | "error" | "-1" => Some(MARK_RED),
        "warn" | "warning" | "expired" | "retired" | "unsigned" | "unknown" => Some(MARK_YELLOW),
        _ => None,
    }
}

/// Marks the first word of each cell of a result column in a rendered table (after layout, so
/// the marks take no width). A line with more separators than columns (a name holding `┆`) is
/// left as it is.
fn mark_results(text: &str, result_columns: &[bool]) -> String {
    if !result_columns.contains(&true) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        let is_sep = |c: char| c == '│' || c == '┆';
        let pieces: Vec<&str> = line.split(is_sep).collect();
        if !line.starts_with('│') || pieces.len() != result_columns.len() + 2 {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let seps: Vec<char> = line.chars().filter(|c| is_sep(*c)).collect();
        for (i, piece) in pieces.iter().enumerate() {
            if i > 0 {
                out.push(seps[i - 1]);
            }
            let column = i.checked_sub(1).and_then(|c| result_columns.get(c));
            let trimmed = piece.trim_start();
            let word = trimmed.split(' ').next().unwrap_or("");
            match (column, result_mark(word)) {
                (Some(true), Some(mark)) if !word.is_empty() => {
                    let lead = &piece[..piece.len() - trimmed.len()];
                    out.push_str(lead);
                    out.push(mark);
                    out.push_str(word);
                    out.push(MARK_END);
                    out.push_str(&trimmed[word.len()..]);
                }
                _ => out.push_str(piece),
            }
        }
        out.push('\n');
    }
    if !text.ends_with('\n') {
        out.pop();
    }
    out
}

/// Expands the colour marks of [`mark_results`] into ANSI colours (`color`), or drops them.
pub fn paint_marks(text: &str, color: bool) -> String {
    if !text.chars().any(is_mark) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 64);
    for c in text.chars() {
        match (c, color) {
            (MARK_GREEN, true) => out.push_str("\x1b[32m"),
            (MARK_RED, true) => out.push_str("\x1b[31m"),
            (MARK_YELLOW, true) => out.push_str("\x1b[33m"),
            (MARK_END, true) => out.push_str("\x1b[0m"),
            (c, _) if is_mark(c) => {}
            (c, _) => out.push(c),
        }
    }
    out
}

/// Gives each column of `t` a lower bound of its longest token (a run without spaces: a
/// timestamp, a key id, a file name), so that comfy-table wraps between tokens rather than
/// inside one. When the bounds cannot all fit the table's width, the longest are lowered
/// first (a 128-digit hash still wraps, a 20-character timestamp does not).
fn keep_tokens_whole(t: &mut Table, header: Option<&[String]>, rows: &[Vec<String>]) {
    let Some(width) = t.width() else {
        return;
    };
    let columns = rows
        .iter()
        .map(Vec::len)
        .chain(header.map(<[String]>::len))
        .max()
        .unwrap_or(0);
    if columns == 0 {
        return;
    }
    // Borders: one left of each column and one at the right.
    let budget = (width as usize).saturating_sub(columns + 1);
    // A token wider than the whole table wraps whatever its column gets: it sets no bound.
    let longest = |s: &str| {
        s.split([' ', '\n'])
            .map(|w| w.chars().count())
            .filter(|&n| n + 2 <= budget)
            .max()
            .unwrap_or(0)
    };
    let mut mins: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| longest(c))
                .chain(header.and_then(|h| h.get(i)).map(|h| longest(h)))
                .max()
                .unwrap_or(0)
                + 2
        })
        .collect();
    while mins.iter().sum::<usize>() > budget {
        let (i, &m) = mins
            .iter()
            .enumerate()
            .max_by_key(|(i, m)| (**m, std::cmp::Reverse(*i)))
            .expect("columns > 0");
        if m <= 3 {
            return;
        }
        mins[i] = m - 1;
    }
    for (i, m) in mins.into_iter().enumerate() {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
                comfy_table::Width::Fixed(m as u16),
            ));
        }
    }
}

/// A two-column table of fields and values, skipping empty values.
pub fn fields(rows: &[(&str, Option<String>)]) -> String {
    let mut t = new_table();
    let mut cells = Vec::new();
    for (k, v) in rows {
        if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
            let row = vec![k.to_string(), cell_text(v)];
            t.add_row(row.clone());
            cells.push(row);
        }
    }
    keep_tokens_whole(&mut t, None, &cells);
    t.to_string()
}

/// `Some(text)` for a non-empty list joined by ", ".
pub fn join(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_width_follows_columns_then_the_terminal_then_100() {
        let cases: &[(Option<&str>, bool, Option<u16>)] = &[
            (None, false, Some(PIPED_WIDTH)),
            (None, true, None),
            (Some("200"), false, Some(200)),
            (Some("200"), true, Some(200)),
            (Some(" 60 "), false, Some(60)),
            (Some("0"), false, Some(PIPED_WIDTH)),
            (Some("0"), true, None),
            (Some(""), false, Some(PIPED_WIDTH)),
            (Some("wide"), false, Some(PIPED_WIDTH)),
            (Some("-5"), true, None),
            (Some("99999"), false, Some(PIPED_WIDTH)),
        ];
        for (columns, tty, want) in cases {
            assert_eq!(table_width(*columns, *tty), *want, "{columns:?} tty={tty}");
        }
    }

    #[test]
    fn table_cells_are_printable() {
        let t = table(&["name"], [["x\x1b[2Jy"]]);
        assert!(!t.contains('\x1b') && t.contains("x\\x1b[2Jy"), "{t}");
    }

    /// At 80 columns a timestamp or a file name is never split when its column can
    /// hold it; a 128-digit hash still wraps; every line fits.
    #[test]
    fn tokens_the_column_can_hold_are_not_split() {
        let name = "apache-demo-1.2.0-linux-x86_64.tar.gz";
        let long = "ab".repeat(64);
        let rows = vec![
            vec![name.to_string(), "2026-12-05T18:32:23Z".into(), "ok".into()],
            vec![
                "a.zip".into(),
                "2026-12-05T18:32:23Z".into(),
                "fail: the signature does not verify against any key of the project".into(),
            ],
            vec![long.clone(), "x".into(), "warn".into()],
        ];
        let mut t = new_table();
        t.set_width(80);
        let header: Vec<String> = ["package", "at", "result"].map(String::from).into();
        t.set_header(header.clone());
        for r in &rows {
            t.add_row(r.clone());
        }
        keep_tokens_whole(&mut t, Some(&header), &rows);
        let text = t.to_string();
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
        for token in [name, "2026-12-05T18:32:23Z", "signature"] {
            assert!(text.contains(token), "{token} is split:\n{text}");
        }
        // Without the bounds, comfy-table splits the timestamp (the test's premise).
        let mut plain = new_table();
        plain.set_width(80).set_header(header);
        for r in &rows {
            plain.add_row(r.clone());
        }
        let plain = plain.to_string();
        assert!(
            !plain.contains(name) || !plain.contains("2026-12-05T18:32:23Z"),
            "{plain}"
        );
    }

    #[test]
    fn fingerprints_become_key_ids_and_results_are_marked() {
        let fpr = "0123456789ABCDEF0123456789ABCDEF01234567";
        let text = table(
            &["fingerprint", "status"],
            [[fpr, "valid"], [fpr, "revoked"]],
        );
        assert!(
            text.contains("key id") && text.contains("89ABCDEF01234567"),
            "{text}"
        );
        assert!(!text.contains(fpr), "{text}");
        let plain = paint_marks(&text, false);
        assert!(
            !plain.chars().any(is_mark) && plain.contains("┆ valid"),
            "{plain}"
        );
        let colour = paint_marks(&text, true);
        assert!(colour.contains("\x1b[32mvalid\x1b[0m"), "{colour}");
        assert!(colour.contains("\x1b[31mrevoked\x1b[0m"), "{colour}");
        assert_eq!(
            shorten_fingerprint(&format!("signed by rm ({fpr}), and {fpr}X")),
            format!("signed by rm (89ABCDEF01234567), and {fpr}X")
        );
        let v6 = "AB".repeat(32);
        assert_eq!(
            shorten_fingerprint(&format!("{v6} ok")),
            "ABABABABABABABAB ok"
        );
        // Lower-case hex (a digest) stays; a mark in a name is escaped, not a colour.
        let digest = "ab".repeat(20);
        let t = table(
            &["name", "result"],
            [[digest.as_str(), "ok"], ["x\u{e000}y", "warn"]],
        );
        assert!(t.contains(&digest) && t.contains("x\\u{e000}y"), "{t}");
        assert!(paint_marks(&t, true).contains("\x1b[33mwarn\x1b[0m"), "{t}");
        // Columns that are not results are not coloured.
        let t = table(&["name"], [["ok"]]);
        assert!(!t.chars().any(is_mark), "{t}");
    }

    #[test]
    fn a_long_cell_wraps_whole_within_the_width() {
        let hash = "ab".repeat(64);
        let mut t = new_table();
        t.set_width(40)
            .add_row(vec!["sha512".to_string(), hash.clone()]);
        let text = t.to_string();
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        let joined: String = text
            .lines()
            .filter_map(|l| l.split('┆').nth(1))
            .map(|v| v.trim().trim_end_matches('│').trim())
            .collect();
        assert_eq!(joined, hash);
    }
}
