//! The one cap on the text that travels with a vote: a ballot's comment, and what a vote
//! import keeps of a mail's subject. `vote cast` refuses a longer comment; an event that came
//! through sync, or a mail, is cut here instead, so that no stored or shown text is unbounded
//! (a 50 MB comment once made `vote status` run for 40 minutes).

/// The most bytes of a comment that are stored: what `vote cast --comment` accepts.
pub const COMMENT_MAX_BYTES: usize = 4096;

/// The most characters of a comment a table shows; the rest is counted, not printed.
pub const COMMENT_SHOWN_CHARS: usize = 200;

/// The mark that ends a cut text.
const CUT: &str = "…";

/// `text` cut to at most `max` bytes (at a character boundary, ending in `…` when cut).
pub fn cap(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max.saturating_sub(CUT.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{CUT}", text.get(..end).unwrap_or_default())
}

/// A ballot's comment as it is stored: at most [`COMMENT_MAX_BYTES`].
pub fn cap_comment(comment: Option<&str>) -> Option<String> {
    comment.map(|c| cap(c, COMMENT_MAX_BYTES))
}

/// A comment for a table: its first [`COMMENT_SHOWN_CHARS`] characters, then how much more
/// there is. Linear in what is shown, whatever the comment's length.
pub fn preview(comment: &str) -> String {
    match comment.char_indices().nth(COMMENT_SHOWN_CHARS) {
        None => comment.to_string(),
        Some((end, _)) => {
            let shown = comment.get(..end).unwrap_or_default();
            format!("{shown}{CUT} ({} bytes more)", comment.len() - end)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cap_cuts_at_a_character_boundary() {
        assert_eq!(cap("short", 10), "short");
        assert_eq!(cap("abcdefghij", 10), "abcdefghij");
        let cut = cap("abcdefghijk", 10);
        assert!(cut.len() <= 10 && cut.ends_with('…'), "{cut}");
        // 'é' is two bytes: never split.
        let cut = cap(&"é".repeat(100), 11);
        assert!(cut.len() <= 11 && cut.starts_with("éééé"), "{cut}");
        let long = "x".repeat(10 * COMMENT_MAX_BYTES);
        assert!(cap_comment(Some(&long)).unwrap().len() <= COMMENT_MAX_BYTES);
        assert_eq!(cap_comment(None), None);
    }

    #[test]
    fn preview_shows_the_start_and_counts_the_rest() {
        assert_eq!(preview("lgtm"), "lgtm");
        let p = preview(&"y".repeat(COMMENT_SHOWN_CHARS + 50));
        assert!(p.starts_with(&"y".repeat(COMMENT_SHOWN_CHARS)), "{p}");
        assert!(p.ends_with("… (50 bytes more)"), "{p}");
    }
}
