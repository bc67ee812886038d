//! Completions and man pages are generated from the clap definitions and committed; this test
//! fails when they are stale (run `cargo run -- generate-docs` to refresh them).

use crate::common::{TestEnv, repo};

/// The files under `dir`, by their path relative to it, sorted.
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut names: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    names.sort();
    names
}

#[test]
fn committed_completions_and_man_pages_are_fresh() {
    let env = TestEnv::bare();
    env.ok(&["generate-docs", env.path().to_str().unwrap()]);
    for dir in ["completions", "man"] {
        let fresh = env.path().join(dir);
        let committed = repo().join(dir);
        let names = files_under(&fresh);
        assert_eq!(
            names,
            files_under(&committed),
            "{dir}/ is stale: run `cargo run -- generate-docs`"
        );
        for n in names {
            let a = std::fs::read(fresh.join(&n)).unwrap();
            let b = std::fs::read(committed.join(&n)).unwrap();
            assert!(
                a == b,
                "{dir}/{} is stale: run `cargo run -- generate-docs`",
                n.display()
            );
        }
    }
}

/// Every man page formats without a warning (`groff -ww -z`), and the main page has the
/// sections a reader looks for; no page names one that does not exist.
#[test]
fn man_pages_format_cleanly_and_the_main_page_is_complete() {
    let dir = repo().join("man/man1");
    let pages = files_under(&dir);
    assert!(pages.len() > 60, "{pages:?}");
    let names: Vec<String> = pages
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".1").to_string())
        .collect();
    for page in &pages {
        let out = std::process::Command::new("groff")
            .args(["-ww", "-z", "-man"])
            .arg(dir.join(page))
            .output()
            .expect("groff (Debian: groff-base) is installed by scripts/test.sh");
        assert!(out.status.success(), "{}", page.display());
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "",
            "groff warns on {}",
            page.display()
        );
        let text = std::fs::read_to_string(dir.join(page)).unwrap();
        for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '\\')) {
            if let Some(rest) = word.strip_prefix("relmgr\\-") {
                let named = format!("relmgr-{}", rest.replace("\\-", "-"));
                if text.contains(&format!("{word}(1)")) {
                    assert!(
                        names.contains(&named),
                        "{} names {named}(1)",
                        page.display()
                    );
                }
            }
        }
    }
    let main = std::fs::read_to_string(dir.join("relmgr.1")).unwrap();
    for section in [
        "NAME",
        "SYNOPSIS",
        "ENVIRONMENT",
        "EXIT STATUS",
        "FILES",
        "EXAMPLES",
    ] {
        assert!(
            main.contains(&format!(".SH {section}")),
            "relmgr(1) lacks {section}"
        );
    }
    assert!(!main.contains("relmgr \\- relmgr"), "NAME repeats the name");
    assert!(
        !main.contains("relmgr\\-help"),
        "there is no relmgr-help(1)"
    );
}

/// bash completes what a user types, with the script `relmgr completions bash` writes (which
/// asks `relmgr` on the PATH for the words).
#[test]
fn bash_completes_commands_and_subcommands() {
    let env = TestEnv::bare();
    let script = env.path().join("relmgr.bash");
    let out = env.ok(&["completions", "bash"]).get_output().stdout.clone();
    std::fs::write(&script, out).unwrap();
    for (line, want) in [
        ("relmgr vo", vec!["vote"]),
        ("relmgr vote s", vec!["start", "status"]),
        ("relmgr mail r", vec!["resend"]),
        (
            "relmgr publish --can",
            vec!["--candidates", "--canonical-url"],
        ),
    ] {
        let words: Vec<&str> = line.split(' ').collect();
        let cword = words.len() - 1;
        let prog = format!(
            "source '{}'; COMP_WORDS=({line}); COMP_CWORD={cword}; COMP_LINE='{line}'; \
             COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9; _clap_complete_relmgr relmgr '{}' '{}'; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display(),
            words[cword],
            words[cword - 1]
        );
        let bin = assert_cmd::cargo::cargo_bin("relmgr");
        let out = std::process::Command::new("bash")
            .current_dir(env.path())
            .env(
                "PATH",
                format!("{}:/usr/bin:/bin", bin.parent().unwrap().display()),
            )
            .args(["-c", &prog])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut got: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        // bash offers them in the order the flags are declared: compare as sets.
        got.sort();
        assert_eq!(got, want, "completions of `{line}`");
    }
}

/// Every shell's script hands the words to relmgr (`COMPLETE=SHELL relmgr -- WORDS`), which
/// knows every command (zsh, fish, elvish and PowerShell are not on the test machine to run
/// the scripts).
#[test]
fn completions_for_every_shell_name_every_command() {
    let env = TestEnv::bare();
    let commands = [
        "init",
        "project",
        "product",
        "user",
        "role",
        "key",
        "policy",
        "stage",
        "unstage",
        "sign",
        "check",
        "verify",
        "vote",
        "promote",
        "announce",
        "mail",
        "revoke",
        "cve",
        "publish",
        "fetch",
        "sbom",
        "release",
        "log",
        "fsck",
        "completions",
    ];
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = env.ok(&["completions", shell]).get_output().stdout.clone();
        let text = String::from_utf8_lossy(&out);
        assert!(
            text.contains("COMPLETE") && text.contains(shell) && text.contains("relmgr"),
            "{shell}: {text}"
        );
        let words = env
            .cmd()
            .env("COMPLETE", shell)
            .env("_CLAP_COMPLETE_INDEX", "1")
            .args(["--", "relmgr", ""])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let words = String::from_utf8_lossy(&words);
        for c in commands {
            assert!(
                words
                    .lines()
                    .any(|l| l.split(['\t', ':']).next() == Some(c)),
                "{shell} completion lacks `{c}`: {words}"
            );
        }
    }
    env.fails(2, &["completions", "tcsh"]);
}

/// The README's tour is `scripts/tour.sh` line for line, so it cannot drift from what runs.
#[test]
fn the_readme_shows_the_tour_that_runs() {
    let script = std::fs::read_to_string(repo().join("scripts/tour.sh")).unwrap();
    let tour = script
        .split("# tour:begin\n")
        .nth(1)
        .and_then(|t| t.split("# tour:end").next())
        .expect("tour markers");
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("```sh\n{tour}```\n")),
        "README.md's tour differs from scripts/tour.sh: copy the lines between the markers"
    );
    assert!(
        readme.lines().count() < 250,
        "the README is a newcomer's page: keep it under 250 lines"
    );
}

/// The tour runs as written, from an empty directory, with this build of relmgr.
#[test]
fn the_tour_runs_as_written() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("bash")
        .arg(repo().join("scripts/tour.sh"))
        .env("RELMGR", assert_cmd::cargo::cargo_bin("relmgr"))
        .env("HOME", home.path())
        .env_remove("GNUPGHOME")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "scripts/tour.sh failed:\n{err}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Tour complete"),
        "{err}"
    );
}
