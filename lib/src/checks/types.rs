//! Which files the `license-headers` check reads: Apache RAT's document types.
//!
//! Owns [`classify`]. Each rule cites the RAT source it follows (github.com/apache/creadur-rat,
//! `apache-rat-core/src/main/`, at 582a39f7129e70352b29688056e416570d63a3d7):
//!
//! 1. **Ignored by RAT's default excludes** (`java/org/apache/rat/Defaults.java`,
//!    `getStandardExclusion()` = `MISC` and `HIDDEN_DIR` of
//!    `java/org/apache/rat/config/exclusion/StandardCollection.java`): a file under a directory
//!    whose name starts with `.` (`.github/`), and the editor leftovers `*~`, `#*#`, `.#*`,
//!    `%*%`, `._*`. Hidden *files* (`.gitignore`) are read, as RAT reads them.
//! 2. **Media type** (`java/org/apache/rat/analysis/TikaProcessor.java`): RAT asks Apache Tika
//!    and reads every `text/*` type plus xml, xhtml, svg, xslt, xliff, asp and fictionbook;
//!    every other type (pdf, archives, `application/json`, `application/x-sh`…) is not read.
//!    Bytes with NULs or that are not text are binary (not read). For text, Tika's magic says
//!    `text/plain` and the file-name glob's type wins only when it specialises `text/plain`
//!    (Tika's `MimeTypes.applyHint`): `tika_globs.rs`, generated from Tika's
//!    `tika-mimetypes.xml`, lists the globs whose type then makes RAT skip the file (`.sh`,
//!    `.bat`, `.rs`, `.wsdl`, `.json`…; the longest matching extension wins, as in Tika).
//! 3. **Notice files** (`java/org/apache/rat/document/guesser/NoteGuesser.java`): of the text
//!    files, those named NOTICE, LICENSE, README, CHANGELOG, AUTHORS, COPYRIGHT, KEYS, BUILD…
//!    (upper-cased name in RAT's list, spelling quirks included) or ending in `.LICENSE`,
//!    `.LICENSE.TXT`, `.NOTICE`, `.NOTICE.TXT` are notices and need no header.
//! 4. **relmgr's own rule**, where it differs from RAT on purpose (`docs/checks.md`): text
//!    that cannot hold a comment (`.avsc`, `.avpr`, `.jsonl`, `.ipynb`, and a file with no
//!    Tika glob whose whole content is JSON) is not asked for a header.

use super::tika_globs::{NOT_READ_EXTENSIONS, NOT_READ_NAMES};

/// RAT's document type of a file, as far as the header check cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocType {
    /// Read for a license header (RAT's STANDARD).
    Standard,
    /// A notice file (RAT's NOTICE): no header needed.
    Notice,
    /// Left out by RAT's default excludes; the name of the exclusion (`MISC`, `HIDDEN_DIR`).
    Excluded(&'static str),
    /// Not text RAT reads (RAT's BINARY or ARCHIVE).
    Binary,
    /// Text that cannot hold a comment (JSON): relmgr does not ask it for a header.
    Commentless,
}

/// `NoteGuesser.NOTE_FILE_NAMES`, as RAT spells them (compared with the upper-cased name, so
/// `AUTHORS.txt` and `BUILT.TXT` are RAT's own quirks, kept).
const NOTE_FILE_NAMES: &[&str] = &[
    "NOTICE",
    "LICENSE",
    "LICENSE.TXT",
    "NOTICE.TXT",
    "INSTALL",
    "INSTALL.TXT",
    "README",
    "README.TXT",
    "NEWS",
    "NEWS.TXT",
    "AUTHOR",
    "AUTHOR.TXT",
    "AUTHORS",
    "AUTHORS.txt",
    "CHANGELOG",
    "CHANGELOG.TXT",
    "DISCLAIMER",
    "DISCLAIMER.TXT",
    "KEYS",
    "KEYS.TXT",
    "RELEASE-NOTES",
    "RELEASE-NOTES.TXT",
    "RELEASE_NOTES",
    "RELEASE_NOTES.TXT",
    "UPGRADE",
    "UPGRADE.TXT",
    "STATUS",
    "STATUS.TXT",
    "THIRD_PARTY_NOTICES",
    "THIRD_PARTY_NOTICES.TXT",
    "COPYRIGHT",
    "COPYRIGHT.TXT",
    "BUILDING",
    "BUILDING.TXT",
    "BUILD",
    "BUILT.TXT",
    "DEPENDENCIES",
];

/// `NoteGuesser.NOTE_FILE_EXTENSIONS`: an upper-cased name ending in `.` + one of these.
const NOTE_FILE_EXTENSIONS: &[&str] = &["LICENSE", "LICENSE.TXT", "NOTICE", "NOTICE.TXT"];

/// relmgr: extensions of text formats that cannot hold a comment.
pub const COMMENTLESS_EXTENSIONS: &[&str] = &["avsc", "avpr", "jsonl", "ndjson", "ipynb"];

/// Whether `file` (a name, no directory) is a RAT notice file.
pub fn is_note(file: &str) -> bool {
    let upper = file.to_uppercase();
    NOTE_FILE_NAMES.contains(&upper.as_str())
        || NOTE_FILE_EXTENSIONS
            .iter()
            .any(|e| upper.strip_suffix(e).is_some_and(|s| s.ends_with('.')))
}

/// RAT's `MISC` patterns (`StandardCollection.MISC`) on a file name.
fn is_misc(file: &str) -> bool {
    file.ends_with('~')
        || (file.len() >= 2 && file.starts_with('#') && file.ends_with('#'))
        || file.starts_with(".#")
        || (file.len() >= 2 && file.starts_with('%') && file.ends_with('%'))
        || file.starts_with("._")
}

/// Whether Tika names a text file called `file` with a type RAT does not read.
fn not_read_by_name(file: &str) -> bool {
    if NOT_READ_NAMES.contains(&file) {
        return true;
    }
    let lower = file.to_lowercase();
    // Longest extension first: `x.tar.gz` is tried as `tar.gz`, then `gz`.
    lower.match_indices('.').any(|(i, _)| {
        let ext = &lower[i + 1..];
        i > 0 && !ext.is_empty() && NOT_READ_EXTENSIONS.binary_search(&ext).is_ok()
    })
}

/// Whether `head` (a file's first bytes) looks like text, as Tika's fallback judges: no NUL,
/// and (UTF-8 or) few control characters.
pub fn looks_text(head: &[u8]) -> bool {
    if head.contains(&0) {
        return false;
    }
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        // A character cut at the end of the kept bytes is still text.
        Err(e) => e.error_len().is_none(),
    };
    if valid {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 20 < head.len()
}

/// Whether `head` is a whole JSON document (`complete`: the file was not cut).
fn is_json(head: &[u8], complete: bool) -> bool {
    let t = head.trim_ascii_start();
    complete
        && matches!(t.first(), Some(b'{' | b'['))
        && serde_json::from_slice::<serde::de::IgnoredAny>(head).is_ok()
}

/// The document type of the file at `path` (archive path, any separators), whose first
/// bytes are `head`; `complete` says `head` is the whole file.
pub fn classify(path: &str, head: &[u8], complete: bool) -> DocType {
    let comps: Vec<&str> = path
        .split(['/', '\\'])
        .filter(|c| !c.is_empty() && *c != ".")
        .collect();
    let Some((file, dirs)) = comps.split_last() else {
        return DocType::Binary;
    };
    if dirs.iter().any(|d| d.starts_with('.')) {
        return DocType::Excluded("HIDDEN_DIR");
    }
    if is_misc(file) {
        return DocType::Excluded("MISC");
    }
    let lower = file.to_lowercase();
    if let Some((_, ext)) = lower.rsplit_once('.')
        && COMMENTLESS_EXTENSIONS.contains(&ext)
    {
        return DocType::Commentless;
    }
    if !looks_text(head) {
        return DocType::Binary;
    }
    if not_read_by_name(file) {
        return DocType::Binary;
    }
    if is_json(head, complete) {
        return DocType::Commentless;
    }
    match is_note(file) {
        true => DocType::Notice,
        false => DocType::Standard,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(path: &str) -> DocType {
        classify(path, b"some text\n", true)
    }

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(NOT_READ_EXTENSIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn types_as_rat_classifies_them() {
        // Read by RAT (issue #30 item 4): .pyi .cts .md .txt .csv .svg .in .jinja PKG-INFO
        // .gitignore, and the usual code.
        for p in [
            "d/a.pyi",
            "d/a.cts",
            "d/a.d.cts",
            "d/README.md",
            "d/notes.txt",
            "d/t.csv",
            "d/i.svg",
            "d/MANIFEST.in",
            "d/t.jinja",
            "d/PKG-INFO",
            "d/.gitignore",
            "d/a.py",
            "d/A.java",
            "d/a.js",
            "d/a.ts",
            "d/pom.xml",
            "d/a.yaml",
            "d/Makefile",
            "d/a.c",
            "d/a.toml",
            "d/a.proto",
        ] {
            assert_eq!(t(p), DocType::Standard, "{p}");
        }
        // Not read by RAT: Tika names them other types.
        for p in [
            "d/a.sh", "d/a.bat", "d/lib.rs", "d/a.wsdl", "d/a.cmd", "d/x.json",
        ] {
            assert_eq!(t(p), DocType::Binary, "{p}");
        }
        assert_eq!(
            classify("d/a.pdf", b"%PDF-1.4\n\x00\x01", true),
            DocType::Binary
        );
        for p in [
            "d/NOTICE",
            "d/LICENSE",
            "d/README",
            "d/CHANGELOG",
            "d/AUTHORS",
            "d/COPYRIGHT",
            "d/KEYS",
            "d/lib/foo.LICENSE",
            "d/BUILD",
            "d/LICENSE.txt",
        ] {
            assert_eq!(t(p), DocType::Notice, "{p}");
        }
        assert_eq!(
            t("d/.github/workflows/ci.yml"),
            DocType::Excluded("HIDDEN_DIR")
        );
        for p in ["d/a.py~", "d/#a.py#", "d/.#a.py", "d/._a.py"] {
            assert_eq!(t(p), DocType::Excluded("MISC"), "{p}");
        }
        for p in ["d/s.avsc", "d/p.avpr"] {
            assert_eq!(t(p), DocType::Commentless, "{p}");
        }
        assert_eq!(
            classify("d/vocab/core", b"{\"$schema\": \"x\"}\n", true),
            DocType::Commentless
        );
        assert_eq!(classify("d/blob", b"\x00\x01\x02", true), DocType::Binary);
        assert_eq!(
            classify("d/script", b"#!/bin/sh\necho\n", true),
            DocType::Standard
        );
    }
}
