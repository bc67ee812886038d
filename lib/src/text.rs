//! Text made safe to show: [`printable`] for a terminal, [`shell_quote`] for a shell. Names from
//! archives, downloads, mail and servers are untrusted; every human output goes through
//! `printable` (the CLI's `output` module) and every name in a command relmgr prints or renders
//! through `shell_quote`.

use std::borrow::Cow;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
