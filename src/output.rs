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
    pub color: bool,
}

impl Output {
    pub fn new(json: bool, quiet: bool, verbose: bool, color: ColorChoice) -> Output {
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stderr().is_terminal()
            }
        };
        Output {
            json,
            quiet,
            verbose,
            color,
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
            let text = printable(&human(), true).into_owned();
            if !text.is_empty() {
                write_stdout(
                    if text.ends_with('\n') {
                        text
                    } else {
                        format!("{text}\n")
                    }
                    .as_str(),
                );
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

/// `text` safe to show on a terminal: control characters (C0, DEL, C1) and bidi controls
/// (U+202A-202E, U+2066-2069) become visible escapes - `\\n`, `\\r`, `\\t`, `\\x1b`,
/// `\\u{202e}` - so untrusted text cannot drive the terminal or reorder what is shown.
/// `keep_lines` leaves newlines and tabs of multi-line text alone. Backslashes are kept as
/// they are (Windows paths read as written).
pub fn printable(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && !(keep_lines && matches!(c, '\n' | '\t')))
            || crate::model::is_bidi_control(c)
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !unsafe_char(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// `word` as one POSIX shell word: as it is when it holds only `A-Za-z0-9` and `._+,:@%/=-`
/// (and does not start with `-`... which a name cannot), else in single quotes with each `'`
/// written `'\\''`. Used for every name in a command relmgr prints or renders.
pub fn shell_quote(word: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "._+,:@%/=-".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        return Cow::Borrowed(word);
    }
    Cow::Owned(format!("'{}'", word.replace('\'', "'\\''")))
}

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

/// A table with a header row.
pub fn table<I, R, C>(header: &[&str], rows: I) -> String
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = C>,
    C: std::fmt::Display,
{
    let mut t = new_table();
    t.set_header(header.to_vec());
    for r in rows {
        // Escaped before layout, so the widths comfy-table computes are the widths shown.
        t.add_row(
            r.into_iter()
                .map(|c| printable(&c.to_string(), true).into_owned()),
        );
    }
    t.to_string()
}

/// A two-column table of fields and values, skipping empty values.
pub fn fields(rows: &[(&str, Option<String>)]) -> String {
    let mut t = new_table();
    for (k, v) in rows {
        if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
            t.add_row(vec![k.to_string(), printable(v, true).into_owned()]);
        }
    }
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
    fn control_and_bidi_characters_are_escaped() {
        let cases: &[(&str, bool, &str)] = &[
            ("plain name-1.0.tar.gz", false, "plain name-1.0.tar.gz"),
            ("a\x1b]0;owned\x07b", false, "a\\x1b]0;owned\\x07b"),
            ("clear\x1b[2J", true, "clear\\x1b[2J"),
            ("two\nlines\tx", true, "two\nlines\tx"),
            ("two\nlines\tx", false, "two\\nlines\\tx"),
            ("cr\rover", true, "cr\\rover"),
            ("evil\u{202E}piz.exe", true, "evil\\u{202e}piz.exe"),
            ("c1\u{9b}31m", true, "c1\\u{9b}31m"),
            ("del\x7f", true, "del\\x7f"),
            ("中文 C:\\dir", true, "中文 C:\\dir"),
        ];
        for (text, keep, want) in cases {
            assert_eq!(printable(text, *keep), *want, "{text:?}");
        }
        let t = table(&["name"], [["x\x1b[2Jy"]]);
        assert!(!t.contains('\x1b') && t.contains("x\\x1b[2Jy"), "{t}");
    }

    #[test]
    fn shell_words_are_quoted_unless_plain() {
        assert_eq!(
            shell_quote("demo-1.2.0-src.tar.gz"),
            "demo-1.2.0-src.tar.gz"
        );
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(
            shell_quote("0 $(touch PWNED)`id`;id;.tar.gz"),
            "'0 $(touch PWNED)`id`;id;.tar.gz'"
        );
        assert_eq!(shell_quote("a#1?~*.zip"), "'a#1?~*.zip'");
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
