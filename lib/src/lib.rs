//! relmgr: carry a software release from staged files to a signed, voted, published and, when
//! needed, revoked release, with an audit trail. The binary (`src/main.rs` and `src/cli/`, which
//! this library cannot reach) is a thin shell over it: it parses and prints; `ops` decides and
//! changes, `store` owns SQL and files. Nothing here uses clap or knows the terminal.

pub mod checks;
pub mod checksums;
pub mod clock;
pub mod digest;
pub mod distdir;
pub mod error;
pub mod git;
pub mod machine;
pub mod model;
pub mod ops;
pub mod page;
pub mod perm;
pub mod pgp;
pub mod sbom;
pub mod store;
pub mod text;
pub mod votes;

#[cfg(test)]
mod hostile_parsers;

/// The layers (issue #26 item 5): the library is its own package (`relmgr-lib`, lib/), so the
/// compiler keeps it from the CLI and from every crate lib/Cargo.toml does not name; the tests
/// keep the CLI's crates out of that Cargo.toml and out of the sources.
#[cfg(test)]
mod layers {
    mod manifest;

    #[test]
    fn the_library_uses_no_cli_or_terminal_crate() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let banned = [
            "clap",
            "clap_complete",
            "clap_mangen",
            "indicatif",
            "dialoguer",
            "comfy_table",
        ];
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.unwrap();
            let path = entry.path();
            let rel = path.strip_prefix(&src).unwrap();
            if rel.starts_with("cli") || rel == std::path::Path::new("main.rs") {
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for b in banned {
                    if code.contains(&format!("{b}::")) || code.contains(&format!("use {b}")) {
                        found.push(format!("{}:{}: {b}", rel.display(), n + 1));
                    }
                }
            }
        }
        assert!(found.is_empty(), "the library names CLI crates: {found:#?}");
    }

    /// Where code under `src/machine/` names the module `ops` (a path through it, or one in a
    /// `use` group): `crate::ops::x`, `super::super::ops`, `use crate::{ops, …}`. Comments and
    /// string literals on a line are not code.
    fn names_ops(text: &str) -> Vec<usize> {
        let mut hits = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let mut unquoted = String::new();
            for (i, part) in code.split('"').enumerate() {
                if i % 2 == 0 {
                    unquoted.push_str(part);
                    unquoted.push(' ');
                }
            }
            let words: Vec<&str> = unquoted
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .collect();
            if words.iter().any(|w| w.split("::").any(|seg| seg == "ops")) {
                hits.push(n + 1);
            }
        }
        hits
    }

    /// The state machine calls no command code (issue #26 item 5): commands build operations
    /// and call the machine, never the other way; a rule both need lives in the machine.
    #[test]
    fn the_machine_calls_no_command_code() {
        let machine = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/machine");
        let mut found = Vec::new();
        let mut files = 0;
        for entry in walkdir::WalkDir::new(&machine) {
            let entry = entry.unwrap();
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            files += 1;
            let text = std::fs::read_to_string(path).unwrap();
            for n in names_ops(&text) {
                found.push(format!(
                    "src/machine/{}:{n}",
                    path.strip_prefix(&machine).unwrap().display()
                ));
            }
        }
        assert!(files >= 5, "src/machine/ read: {files} files");
        assert!(found.is_empty(), "the machine names crate::ops: {found:#?}");
    }

    #[test]
    fn a_path_through_ops_is_found_and_a_comment_is_not() {
        for code in [
            "use crate::ops::access;",
            "    crate::ops::project::check_url(u)",
            "use crate::{model, ops};",
            "use super::super::ops::vote;",
            "let x = ops::vote::ballots(&rows);",
        ] {
            assert_eq!(names_ops(code), vec![1], "{code}");
        }
        for code in [
            "// crate::ops::vote is a command",
            "//! Commands (`crate::ops`) build a change",
            "let s = \"crate::ops::x\";",
            "let stops = 1; hops::x(); ops_count += 1;",
        ] {
            assert!(names_ops(code).is_empty(), "{code}");
        }
    }
}
