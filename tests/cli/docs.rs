//! Completions and man pages are generated from the clap definitions and committed; this test
//! fails when they are stale (run `cargo run -- generate-docs` to refresh them).

use crate::common::{TestEnv, repo};

#[test]
fn committed_completions_and_man_pages_are_fresh() {
    let env = TestEnv::bare();
    env.ok(&["generate-docs", env.path().to_str().unwrap()]);
    for dir in ["completions", "man"] {
        let fresh = env.path().join(dir);
        let committed = repo().join(dir);
        let mut names: Vec<_> = std::fs::read_dir(&fresh)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        let mut have: Vec<_> = std::fs::read_dir(&committed)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        have.sort();
        assert_eq!(
            names, have,
            "{dir}/ is stale: run `cargo run -- generate-docs`"
        );
        for n in names {
            let a = std::fs::read(fresh.join(&n)).unwrap();
            let b = std::fs::read(committed.join(&n)).unwrap();
            assert!(
                a == b,
                "{dir}/{} is stale: run `cargo run -- generate-docs`",
                n.to_string_lossy()
            );
        }
    }
}

#[test]
fn completions_for_every_shell() {
    let env = TestEnv::bare();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = env.ok(&["completions", shell]).get_output().stdout.clone();
        assert!(String::from_utf8_lossy(&out).contains("relmgr"), "{shell}");
    }
    env.fails(2, &["completions", "tcsh"]);
}
