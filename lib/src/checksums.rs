//! Checksum files: writing `sha512sum` lines and reading what projects actually publish.
//!
//! This module owns the text formats of `.sha512` / `.sha256` files. It writes exactly the GNU
//! form, `<hex>  <name>\n`, and reads the GNU form (with or without the `*` binary marker), a
//! bare hash (also split over lines), the BSD / `--tag` form `SHA512 (name) = hex`, the openssl
//! form `SHA512(name)= hex` (also `SHA2-512(...)`), and the `gpg --print-md` form
//! `name: 8D01F14C C6E8DFE8 ...` with the hash in upper-case groups over several lines.

use serde::Serialize;

/// A digest algorithm a checksum file may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Algo {
    /// SHA-256: 64 hex digits.
    Sha256,
    /// SHA-512: 128 hex digits.
    Sha512,
}

impl Algo {
    /// Number of hex digits of a digest of this algorithm.
    pub fn hex_len(self) -> usize {
        match self {
            Algo::Sha256 => 64,
            Algo::Sha512 => 128,
        }
    }

    /// The algorithm whose digests have `len` hex digits, if any.
    pub fn from_hex_len(len: usize) -> Option<Algo> {
        match len {
            64 => Some(Algo::Sha256),
            128 => Some(Algo::Sha512),
            _ => None,
        }
    }
}

impl std::fmt::Display for Algo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Algo::Sha256 => "SHA-256",
            Algo::Sha512 => "SHA-512",
        })
    }
}

/// One checksum read from a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The algorithm, named by the line or decided by the hex length.
    pub algo: Algo,
    /// The digest in lowercase hex.
    pub hex: String,
    /// The file name the line gives, if the form has one (a bare hash has none).
    pub name: Option<String>,
}

/// Why a checksum file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChecksumError {
    /// The text holds no checksum at all.
    #[error("the checksum file is empty")]
    Empty,
    /// A line matches none of the known forms.
    #[error("line {line}: not a checksum line in any known form: {excerpt:?}")]
    Unrecognised {
        /// 1-based line number.
        line: usize,
        /// The start of the offending line.
        excerpt: String,
    },
    /// The hash has a number of hex digits that fits neither algorithm.
    #[error("line {line}: a hash of {len} hex digits is neither SHA-256 (64) nor SHA-512 (128)")]
    BadLength {
        /// 1-based line number where the hash starts.
        line: usize,
        /// Hex digits found.
        len: usize,
    },
    /// A line names an algorithm this tool does not accept (MD5, SHA-1, ...).
    #[error("line {line}: unsupported algorithm {algo:?} (only SHA-256 and SHA-512)")]
    UnsupportedAlgorithm {
        /// 1-based line number.
        line: usize,
        /// The algorithm as written.
        algo: String,
    },
    /// A line names an algorithm but its hash has the other algorithm's length.
    #[error("line {line}: a {algo} hash must have {} hex digits, found {found}", algo.hex_len())]
    LengthMismatch {
        /// 1-based line number.
        line: usize,
        /// The algorithm the line names.
        algo: Algo,
        /// Hex digits found.
        found: usize,
    },
    /// The file names files, but not the one expected.
    #[error("no checksum for {expected:?} (the file lists {found:?})")]
    NameNotFound {
        /// The file name asked for.
        expected: String,
        /// The names the file lists.
        found: Vec<String>,
    },
}

/// The line `sha512sum` writes for `file_name`: `"<hex>  <file_name>\n"`.
///
/// Like GNU, a name holding `\\`, a newline or a carriage return is escaped and the line
/// starts with `\\`, so `sha512sum -c` reads it back.
pub fn sha512sum_line(hex: &str, file_name: &str) -> String {
    if !file_name.contains(['\\', '\n', '\r']) {
        return format!("{hex}  {file_name}\n");
    }
    let escaped = file_name
        .replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r");
    format!("\\{hex}  {escaped}\n")
}

/// Reads every checksum in `text`.
///
/// With `expected_name`, entries that name another file (compared by final path component)
/// are dropped, and it is an error if named entries exist but none is for that file; entries
/// without a name are always kept. Blank lines, a byte-order mark and CRLF endings are fine.
pub fn parse(text: &str, expected_name: Option<&str>) -> Result<Vec<Entry>, ChecksumError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let entries = match bare_hash(text)? {
        Some(entry) => vec![entry],
        None => parse_lines(text)?,
    };
    if entries.is_empty() {
        return Err(ChecksumError::Empty);
    }
    let Some(expected) = expected_name else {
        return Ok(entries);
    };
    let wanted = base_name(expected);
    let has_names = entries.iter().any(|e| e.name.is_some());
    let kept: Vec<Entry> = entries
        .iter()
        .filter(|e| e.name.as_deref().is_none_or(|n| base_name(n) == wanted))
        .cloned()
        .collect();
    if kept.is_empty() && has_names {
        let found = entries.into_iter().filter_map(|e| e.name).collect();
        return Err(ChecksumError::NameNotFound {
            expected: expected.to_owned(),
            found,
        });
    }
    Ok(kept)
}

/// The last component of a `/` or `\` separated path, without a leading `./`.
fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// True if `s` has only hex digits and whitespace.
fn is_hex_or_space(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_hexdigit() || c.is_whitespace())
}

/// `s` without whitespace, lowercased.
fn squeeze_hex(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// An entry for `hex` (already squeezed), with the algorithm decided by its length.
fn by_length(hex: String, name: Option<String>, line: usize) -> Result<Entry, ChecksumError> {
    match Algo::from_hex_len(hex.len()) {
        Some(algo) => Ok(Entry { algo, hex, name }),
        None => Err(ChecksumError::BadLength {
            line,
            len: hex.len(),
        }),
    }
}

/// The whole text as one bare hash (hex and whitespace only), if it is one.
///
/// GNU lines whose file names happen to be hex digits are not taken for a bare hash.
fn bare_hash(text: &str) -> Result<Option<Entry>, ChecksumError> {
    if !is_hex_or_space(text) || text.trim().is_empty() {
        return Ok(None);
    }
    if text.lines().any(|l| gnu_line(l, 0).is_some()) {
        return Ok(None);
    }
    let start = text.len() - text.trim_start().len();
    let line = 1 + text[..start].matches('\n').count();
    by_length(squeeze_hex(text), None, line).map(Some)
}

/// Parses the text line by line (GNU, BSD, openssl and gpg forms may follow each other).
fn parse_lines(text: &str) -> Result<Vec<Entry>, ChecksumError> {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut entries = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (line, number) = (lines[i], i + 1);
        i += 1;
        if line.trim().is_empty() {
            continue;
        }
        if let Some(entry) = gnu_line(line, number) {
            entries.push(entry?);
        } else if let Some(entry) = tagged_line(line, number) {
            entries.push(entry?);
        } else if let Some((name, first)) = gpg_head(line) {
            // gpg continues the hash on following lines that hold only hex groups.
            let mut hex = squeeze_hex(first);
            while i < lines.len() && !lines[i].trim().is_empty() && is_hex_or_space(lines[i]) {
                hex.push_str(&squeeze_hex(lines[i]));
                i += 1;
            }
            entries.push(by_length(hex, Some(name.to_owned()), number)?);
        } else {
            return Err(ChecksumError::Unrecognised {
                line: number,
                excerpt: line.chars().take(60).collect(),
            });
        }
    }
    Ok(entries)
}

/// The GNU form `hex  name`, `hex *name` (or one space), with GNU's `\` escaping of names.
fn gnu_line(line: &str, number: usize) -> Option<Result<Entry, ChecksumError>> {
    let (escaped, body) = match line.strip_prefix('\\') {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    // Shorter runs of hex are not taken for a hash (MD5, with 32 digits, is the shortest).
    let hex_len = body.find(|c: char| !c.is_ascii_hexdigit())?;
    if hex_len < 32 {
        return None;
    }
    let rest = body[hex_len..].strip_prefix(' ')?;
    let name = rest
        .strip_prefix(' ')
        .or_else(|| rest.strip_prefix('*'))
        .unwrap_or(rest);
    if name.is_empty() {
        return None;
    }
    let name = if escaped {
        unescape_gnu(name)
    } else {
        name.to_owned()
    };
    Some(by_length(squeeze_hex(&body[..hex_len]), Some(name), number))
}

/// Undoes GNU's escaping of `\\`, `\n` and `\r` in a file name.
fn unescape_gnu(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The BSD form `SHA512 (name) = hex` and the openssl form `SHA512(name)= hex`.
fn tagged_line(line: &str, number: usize) -> Option<Result<Entry, ChecksumError>> {
    let (head, hex) = line.rsplit_once('=')?;
    let head = head.trim_end().strip_suffix(')')?;
    let (algo, name) = head.split_once('(')?;
    let algo = algo.trim();
    if algo.is_empty() || !algo.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    if !algo.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let hex = hex.trim();
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let named = match algo.to_ascii_uppercase().as_str() {
        "SHA512" | "SHA-512" | "SHA2-512" => Algo::Sha512,
        "SHA256" | "SHA-256" | "SHA2-256" => Algo::Sha256,
        _ => {
            return Some(Err(ChecksumError::UnsupportedAlgorithm {
                line: number,
                algo: algo.to_owned(),
            }));
        }
    };
    if hex.len() != named.hex_len() {
        return Some(Err(ChecksumError::LengthMismatch {
            line: number,
            algo: named,
            found: hex.len(),
        }));
    }
    Some(Ok(Entry {
        algo: named,
        hex: hex.to_ascii_lowercase(),
        name: Some(name.to_owned()),
    }))
}

/// The first line of the `gpg --print-md` form: `name:` and maybe the first hex groups.
fn gpg_head(line: &str) -> Option<(&str, &str)> {
    let (name, hex) = line.rsplit_once(':')?;
    let name = name.trim();
    (!name.is_empty() && is_hex_or_space(hex)).then_some((name, hex))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    const H512: &str = "8d01f14cc6e8dfe80988a2cdb51265b82537c4494dfcc5efa98f10bca7e47c47688c6ebf924253e3f7084bceddf1abf9f6c4624c07c8cd8c749f6552b16c0709";
    const H256: &str = "9b4a72ba952973af26105e78c3ebfcdde7c568f5e2f2826a97ce318c29887bd7";

    fn one(text: &str) -> Entry {
        let mut entries = parse(text, None).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(entries.len(), 1, "{text:?}");
        entries.remove(0)
    }

    fn entry(algo: Algo, hex: &str, name: Option<&str>) -> Entry {
        let (hex, name) = (hex.to_owned(), name.map(str::to_owned));
        Entry { algo, hex, name }
    }

    /// Runs a tool in `dir` and returns its stdout, or None when it is not installed.
    fn run(dir: &std::path::Path, argv: &[&str]) -> Option<String> {
        let out = Command::new(argv[0])
            .args(&argv[1..])
            .current_dir(dir)
            .env("GNUPGHOME", dir)
            .output()
            .ok()?;
        assert!(out.status.success(), "{argv:?}");
        Some(String::from_utf8(out.stdout).unwrap())
    }

    #[test]
    fn sha512sum_line_is_accepted_by_sha512sum_check() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "apache-foo-1.0-src.tar.gz",
            "with space.zip",
            "back\\slash.jar",
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, name.as_bytes()).unwrap();
            let hex = crate::digest::to_hex(crate::digest::sha512_file(&path).unwrap());
            let line = sha512sum_line(&hex, name);
            assert_eq!(run(dir.path(), &["sha512sum", name]).unwrap(), line);
            std::fs::write(dir.path().join("x.sha512"), &line).unwrap();
            let ok = run(dir.path(), &["sha512sum", "-c", "x.sha512"]).unwrap();
            assert!(ok.ends_with(": OK\n"), "{ok}");
            assert_eq!(
                parse(&line, Some(name)).unwrap(),
                [entry(Algo::Sha512, &hex, Some(name))]
            );
        }
        assert_eq!(sha512sum_line(H512, "a.tgz"), format!("{H512}  a.tgz\n"));
    }

    /// The gpg --print-md layout of H512: upper-case groups of 8, `per_line` groups a line.
    fn gpg_groups(per_line: usize, indent: &str, eol: &str) -> String {
        let upper = H512.to_uppercase();
        let groups: Vec<&str> = (0..16).map(|i| &upper[i * 8..i * 8 + 8]).collect();
        let lines: Vec<String> = groups.chunks(per_line).map(|c| c.join(" ")).collect();
        lines.join(&format!("{eol}{indent}")) + eol
    }

    #[test]
    fn accepted_forms() {
        use Algo::{Sha256 as S256, Sha512 as S512};
        let up = H512.to_uppercase();
        let cases: Vec<(String, Algo, Option<&str>)> = vec![
            // GNU
            (format!("{H512}  a.tgz\n"), S512, Some("a.tgz")),
            (format!("{H512} *a.tgz"), S512, Some("a.tgz")),
            (format!("{H512} a.tgz\r\n"), S512, Some("a.tgz")),
            (format!("{up}  a.tgz\n"), S512, Some("a.tgz")),
            (format!("{H256}  x y.zip\n"), S256, Some("x y.zip")),
            (format!("\\{H256}  a\\nb\\\\c"), S256, Some("a\nb\\c")),
            // bare
            (H512.to_owned(), S512, None),
            (format!("\u{feff}{H512}\r\n\n  "), S512, None),
            (format!("{}\n{}\n", &H512[..64], &H512[64..]), S512, None),
            (H256.to_uppercase(), S256, None),
            (gpg_groups(8, "", "\n"), S512, None),
            // BSD and openssl
            (format!("SHA512 (a.tgz) = {H512}\n"), S512, Some("a.tgz")),
            (format!("SHA512(a.tgz)= {H512}"), S512, Some("a.tgz")),
            (format!("SHA2-512(a.tgz)= {H512}"), S512, Some("a.tgz")),
            (
                format!("SHA256 (f (1).zip) = {H256}\r\n"),
                S256,
                Some("f (1).zip"),
            ),
            // gpg --print-md, short and long names
            (
                format!("x.bin: {}", gpg_groups(8, "       ", "\n")),
                S512,
                Some("x.bin"),
            ),
            (
                format!("a-long-name.tar.gz: \r\n{}", gpg_groups(9, " ", "\r\n")),
                S512,
                Some("a-long-name.tar.gz"),
            ),
            (
                "x.bin: 9B4A72BA 952973AF 26105E78 C3EBFCDD E7C568F5 E2F2826A 97CE318C 29887BD7"
                    .into(),
                S256,
                Some("x.bin"),
            ),
        ];
        for (text, algo, name) in cases {
            let hex = if algo == S512 { H512 } else { H256 };
            assert_eq!(one(&text), entry(algo, hex, name), "{text:?}");
        }
    }

    #[test]
    fn real_tool_outputs_parse() {
        let dir = tempfile::tempdir().unwrap();
        let name = "apache-thing-2.0.0-incubating-source-release.tar.gz";
        std::fs::write(dir.path().join(name), b"release bytes").unwrap();
        let want = crate::digest::hash_file(&dir.path().join(name)).unwrap();
        let tools: [&[&str]; 5] = [
            &["sha512sum", name],
            &["sha256sum", "-b", name],
            &["sha512sum", "--tag", name],
            &["openssl", "dgst", "-sha512", name],
            &["gpg", "--print-md", "SHA512", name],
        ];
        // Every tool is on a machine set up by scripts/test.sh: a missing one fails the test.
        for argv in tools {
            let out = run(dir.path(), argv)
                .unwrap_or_else(|| panic!("{} did not run: run scripts/test.sh", argv[0]));
            let got = one(&out);
            let hex = match got.algo {
                Algo::Sha256 => want.sha256_hex(),
                Algo::Sha512 => want.sha512_hex(),
            };
            assert_eq!(got, entry(got.algo, &hex, Some(name)), "{argv:?}: {out}");
        }
    }

    #[test]
    fn expected_name_selects_among_several() {
        let text = format!("{H512}  a.tgz\n{H512}  ./dist/b.zip\n");
        assert_eq!(parse(&text, None).unwrap().len(), 2);
        let got = parse(&text, Some("b.zip")).unwrap();
        assert_eq!(got, [entry(Algo::Sha512, H512, Some("./dist/b.zip"))]);
        let err = parse(&text, Some("c.zip")).unwrap_err();
        assert!(matches!(err, ChecksumError::NameNotFound { ref found, .. } if found.len() == 2));
        assert_eq!(parse(H512, Some("anything")).unwrap().len(), 1);
    }

    #[test]
    fn bad_input_gives_clear_errors() {
        let sha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
        assert_eq!(parse("", None), Err(ChecksumError::Empty));
        assert_eq!(parse(" \r\n\n", None), Err(ChecksumError::Empty));
        assert_eq!(
            parse(sha1, None),
            Err(ChecksumError::BadLength { line: 1, len: 40 })
        );
        let err = parse(&format!("\n{sha1}  a.tgz\n"), None);
        assert_eq!(err, Err(ChecksumError::BadLength { line: 2, len: 40 }));
        let err = parse(&format!("MD5 (a) = {}", &H256[..32]), None).unwrap_err();
        assert!(matches!(
            err,
            ChecksumError::UnsupportedAlgorithm { line: 1, .. }
        ));
        let err = parse(&format!("SHA512 (a) = {H256}"), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 1: a SHA-512 hash must have 128 hex digits, found 64"
        );
        let err = parse(&format!("{H512}  a\nhello world\n"), None).unwrap_err();
        assert!(
            matches!(err, ChecksumError::Unrecognised { line: 2, .. }),
            "{err}"
        );
        assert!(parse("<html>404 Not Found</html>", None).is_err());
        assert!(parse(&format!("{H512} *"), None).is_err());
        // A trailing blank after a bare hash is fine.
        assert_eq!(parse(&format!("{H512}  "), None).unwrap().len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC*", name in proptest::option::of("\\PC*")) {
            let _ = parse(&text, name.as_deref());
        }

        #[test]
        fn never_panics_on_near_misses(text in "([0-9a-fA-F]{0,130}|SHA512|[ ():=*\\\\\r\n]|é){0,12}") {
            let _ = parse(&text, Some("a"));
        }

        #[test]
        fn line_round_trips(bytes in proptest::collection::vec(0u8.., 64), name in "[^\\s][^\r\n]*") {
            let hex = crate::digest::to_hex(&bytes);
            let got = parse(&sha512sum_line(&hex, &name), None).unwrap();
            proptest::prop_assert_eq!(got, vec![entry(Algo::Sha512, &hex, Some(&name))]);
        }
    }
}
