//! How results reach people and scripts: one JSON document on stdout with `--json`, else short
//! sentences and comfy-table tables; status lines on stderr, muted by `--quiet` and `--json`.
//! Colour and progress decisions live here too.

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
            let text = human();
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
            eprintln!("{message}");
        }
    }

    /// A warning for people on stderr (`warning: …`; not with --quiet or --json, where a
    /// script reads the result instead).
    pub fn warn(&self, message: &str) {
        if !self.quiet && !self.json {
            eprintln!("{} {message}", self.paint("warning:", "1;33"));
        }
    }

    /// A detail shown only with --verbose.
    pub fn detail(&self, message: &str) {
        if self.verbose && !self.json {
            eprintln!("{message}");
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
    C: Into<comfy_table::Cell>,
{
    let mut t = new_table();
    t.set_header(header.to_vec());
    for r in rows {
        t.add_row(r);
    }
    t.to_string()
}

/// A two-column table of fields and values, skipping empty values.
pub fn fields(rows: &[(&str, Option<String>)]) -> String {
    let mut t = new_table();
    for (k, v) in rows {
        if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
            t.add_row(vec![k.to_string(), v.clone()]);
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
