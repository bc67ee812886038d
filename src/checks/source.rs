//! Whether a package is a source archive: by flag, by name, else by content.
//!
//! Owns [`judge`]. Real source releases rarely say `-src` (PyPI sdists, npm tarballs, most
//! Apache `.tar.gz`), so the content decides when neither `stage --source`/`--binary` nor the
//! name does: a source tree is one top-level directory holding a `LICENSE` and more source
//! files (by the header check's extensions) than compiled ones. A binary distribution with a
//! `LICENSE`, jars and a few `bin/*.sh` is therefore not one.

use super::naming;

/// What one pass over an archive learnt about its shape.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tree {
    /// Every entry sits under one top-level directory.
    pub single_top: bool,
    /// A `LICENSE` (or `.txt`, `.md`) directly under it.
    pub license: bool,
    /// Files with a source extension.
    pub source_files: usize,
    /// Compiled files (classes, jars, native code).
    pub compiled_files: usize,
}

/// The verdict and, when not a source archive, why (for the `skip` rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub source: bool,
    pub why: String,
}

/// Judges one package: the stage flag wins, then the name (`-src`/`-source` yes, `-bin` no),
/// then the content.
pub fn judge(flag: Option<bool>, name: &str, t: &Tree) -> Verdict {
    let v = |source: bool, why: &str| Verdict {
        source,
        why: why.to_string(),
    };
    if let Some(flag) = flag {
        return match flag {
            true => v(true, "staged with --source"),
            false => v(false, "staged with --binary"),
        };
    }
    if naming::is_source_name(name) {
        return v(true, "its name says -src/-source");
    }
    if naming::is_binary_name(name) {
        return v(
            false,
            "its name says -bin (stage --source to check it as one)",
        );
    }
    if !t.single_top {
        return v(
            false,
            "not one top-level directory (stage --source to check it as one)",
        );
    }
    if !t.license {
        return v(
            false,
            "no LICENSE in its top-level directory (stage --source to check it as one)",
        );
    }
    if t.source_files == 0 || t.source_files <= t.compiled_files {
        return v(
            false,
            "more compiled than source files (stage --source to check it as one)",
        );
    }
    v(
        true,
        "a source tree: one top-level directory with LICENSE and sources",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        let tree = Tree {
            single_top: true,
            license: true,
            source_files: 10,
            compiled_files: 0,
        };
        let no_license = Tree {
            license: false,
            ..tree
        };
        let jars = Tree {
            source_files: 2,
            compiled_files: 30,
            ..tree
        };
        let flat = Tree {
            single_top: false,
            ..tree
        };
        let cases = [
            (
                None,
                "apache_libcloud-3.9.1.tar.gz",
                tree,
                true,
                "source tree",
            ),
            (None, "x-1.0.tar.gz", no_license, false, "no LICENSE"),
            (None, "x-1.0.tar.gz", jars, false, "more compiled"),
            (None, "x-1.0.zip", flat, false, "top-level"),
            (None, "x-1.0-bin.tar.gz", tree, false, "-bin"),
            (None, "x-1.0-src.tar.gz", flat, true, "-src"),
            (Some(false), "x-1.0-src.tar.gz", tree, false, "--binary"),
            (Some(true), "x-1.0-bin.tar.gz", flat, true, "--source"),
        ];
        for (flag, name, t, source, why) in cases {
            let got = judge(flag, name, &t);
            assert_eq!(got.source, source, "{name}: {got:?}");
            assert!(got.why.contains(why), "{name}: {got:?}");
        }
    }
}
