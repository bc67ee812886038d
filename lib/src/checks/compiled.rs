//! `compiled-files`: compiled or binary code in a source archive.
//!
//! Owns [`CompiledCheck`] and [`classify`], which recognise compiled files by extension
//! (`.class`, `.jar`, `.so`, `.dll`, ...) or by magic number in their first bytes: ELF,
//! Mach-O (thin and universal; `cafebabe` is told apart from a Java class by the field after
//! it), PE (`MZ` only when `e_lfanew` points at a `PE\0\0` signature, so text starting with
//! "MZ" passes).

use super::archive::{Entry, Kind};
use super::paths::Bucket;
use super::{Finding, Outcome, count};

const CHECK: &str = "compiled-files";

/// Extensions of compiled files (lowercase, without the dot).
pub const EXTENSIONS: &[&str] = &[
    "class", "jar", "war", "ear", "so", "dll", "dylib", "exe", "o", "a", "pyc", "pyo",
];

/// What kind of compiled file `path` with first bytes `head` is, if any.
pub fn classify(path: &str, head: &[u8]) -> Option<&'static str> {
    if let Some(kind) = by_magic(head) {
        return Some(kind);
    }
    let file = path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_ascii_lowercase();
    let ext = file.rsplit_once('.').map(|(_, e)| e)?;
    if let Some(e) = EXTENSIONS.iter().find(|e| **e == ext) {
        return Some(match *e {
            "class" => "Java class",
            "jar" | "war" | "ear" => "Java archive",
            "pyc" | "pyo" => "Python bytecode",
            "o" | "a" => "object file",
            _ => "native library or executable",
        });
    }
    // Versioned shared objects: libfoo.so.1.2
    let (_, version) = file.split_once(".so.")?;
    version
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.')
        .then_some("native library or executable")
}

fn by_magic(head: &[u8]) -> Option<&'static str> {
    let word = |at: usize| -> Option<[u8; 4]> { head.get(at..at + 4)?.try_into().ok() };
    match word(0)? {
        [0x7f, b'E', b'L', b'F'] => Some("ELF binary"),
        [0xfe, 0xed, 0xfa, 0xce | 0xcf] | [0xce | 0xcf, 0xfa, 0xed, 0xfe] => Some("Mach-O binary"),
        [0xca, 0xfe, 0xba, 0xbe] => {
            // Universal Mach-O has a small architecture count next; a Java class has
            // minor/major versions with major >= 45.
            let next = u32::from_be_bytes(word(4)?);
            Some(if next < 45 {
                "Mach-O universal binary"
            } else {
                "Java class"
            })
        }
        [b'M', b'Z', ..] => {
            let off = u32::from_le_bytes(word(0x3c)?) as usize;
            (word(off)? == *b"PE\0\0").then_some("PE executable")
        }
        _ => None,
    }
}

/// Streaming state of the `compiled-files` check.
#[derive(Debug, Default)]
pub struct CompiledCheck {
    found: Bucket,
    first_kind: Option<&'static str>,
    files: usize,
}

impl CompiledCheck {
    /// How many compiled files were seen.
    pub fn found(&self) -> usize {
        self.found.count
    }

    /// Feeds one entry.
    pub fn entry(&mut self, e: &Entry) {
        if e.kind != Kind::File {
            return;
        }
        self.files += 1;
        if let Some(kind) = classify(e.path, e.head) {
            if self.found.count == 0 {
                self.first_kind = Some(kind);
            }
            self.found.push(e.path);
        }
    }

    /// The findings for package `name`.
    pub fn finish(self, name: &str) -> Vec<Finding> {
        if self.found.count == 0 {
            let reason = format!("no compiled files among {} files", self.files);
            return vec![Finding::new(name, CHECK, Outcome::Pass, reason)];
        }
        let what = format!(
            "{} in a source archive (first: {})",
            count(self.found.count, "compiled file", "compiled files"),
            self.first_kind.unwrap_or("binary")
        );
        vec![Finding::with_entries(
            name,
            CHECK,
            Outcome::Warn,
            &what,
            self.found.samples,
            self.found.count,
        )]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_numbers() {
        assert_eq!(classify("x", b"\x7fELF\x02\x01"), Some("ELF binary"));
        assert_eq!(
            classify("x", &[0xcf, 0xfa, 0xed, 0xfe, 7, 0]),
            Some("Mach-O binary")
        );
        assert_eq!(
            classify("x", &[0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2]),
            Some("Mach-O universal binary")
        );
        assert_eq!(
            classify("x", &[0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 61]),
            Some("Java class")
        );
        assert_eq!(
            classify("x.txt", b"MZ is a nice prefix for a text file, isn't it?"),
            None
        );
        let mut pe = vec![0u8; 0x100];
        pe[..2].copy_from_slice(b"MZ");
        pe[0x3c] = 0x80;
        pe[0x80..0x84].copy_from_slice(b"PE\0\0");
        assert_eq!(classify("x", &pe), Some("PE executable"));
    }

    #[test]
    fn extensions() {
        assert_eq!(classify("d/A.class", b""), Some("Java class"));
        assert_eq!(
            classify("d/lib/libx.so.1.2", b""),
            Some("native library or executable")
        );
        assert_eq!(
            classify("d/x.SO", b""),
            Some("native library or executable")
        );
        assert_eq!(classify("d/solar.txt", b""), None);
        assert_eq!(classify("d/x.so.txt", b""), None);
        assert_eq!(classify("d/README", b"hello"), None);
    }
}
