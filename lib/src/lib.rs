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
}
