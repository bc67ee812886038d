//! Whether a package is a source archive: by flag, by name, else by content.
//!
//! Owns [`judge`]. Real source releases rarely say `-src` (PyPI sdists, npm tarballs, most
//! Apache `.tar.gz`), so the content decides when neither `stage --source`/`--binary` nor the
//! name does: a source tree is one top-level directory holding more source code files (by
//! extension, `headers::EXTENSIONS`) than compiled ones. A LICENSE is not asked for here: a
//! source tree without one is a source archive whose `source-contents` check then fails
//! (issue #30: 3 of 14 real sdists had none, and were skipped). A binary distribution with
//! jars and a few `bin/*.sh` is not one.

use super::naming;

/// What one pass over an archive learnt about its shape.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tree {
    /// Every entry sits under one top-level directory.
    pub single_top: bool,
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

/// Judges one package: the flag wins (`stage --source`/`--binary`, or `check --dir`'s
/// globs), then the name (`-src`/`-source` yes, `-bin` no), then the content. `how` says how
/// the user flags one (`stage --source`, `check --dir --source GLOB`), for the skip reason.
pub fn judge(flag: Option<bool>, name: &str, t: &Tree, how: &str) -> Verdict {
    let v = |source: bool, why: &str| Verdict {
        source,
        why: why.replace("stage --source", how),
    };
    if let Some(flag) = flag {
        let (yes, no) = match how.starts_with("stage") {
            true => ("staged with --source", "staged with --binary"),
            false => ("given --source", "given --binary"),
        };
        return match flag {
            true => v(true, yes),
            false => v(false, no),
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
    if t.source_files == 0 || t.source_files <= t.compiled_files {
        return v(
            false,
            "more compiled than source files (stage --source to check it as one)",
        );
    }
    v(
        true,
        "a source tree: one top-level directory with more sources than compiled files",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        let tree = Tree {
            single_top: true,
            source_files: 10,
            compiled_files: 0,
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
            (None, "termcolor-1.1.0.tar.gz", tree, true, "source tree"),
            (None, "x-1.0.tar.gz", jars, false, "more compiled"),
            (None, "x-1.0.zip", flat, false, "top-level"),
            (None, "x-1.0-bin.tar.gz", tree, false, "-bin"),
            (None, "x-1.0-src.tar.gz", flat, true, "-src"),
            (Some(false), "x-1.0-src.tar.gz", tree, false, "--binary"),
            (
                Some(true),
                "x-1.0-bin.tar.gz",
                flat,
                true,
                "staged with --source",
            ),
        ];
        for (flag, name, t, source, why) in cases {
            let got = judge(flag, name, &t, "stage --source");
            assert_eq!(got.source, source, "{name}: {got:?}");
            assert!(got.why.contains(why), "{name}: {got:?}");
        }
        let got = judge(None, "x.zip", &flat, "check --dir --source GLOB");
        assert!(
            got.why.contains("(check --dir --source GLOB to check"),
            "{got:?}"
        );
        let got = judge(Some(true), "x.zip", &flat, "check --dir --source GLOB");
        assert_eq!(got.why, "given --source");
    }
}
