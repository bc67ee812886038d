//! Issue 31, items 3 and 4: completion of names from the store (the way the generated shell
//! scripts ask for it), the passphrase prompt's key, "project id" in messages, and tables at 80
//! columns (tokens whole, key ids, coloured results).

use crate::common::{TestEnv, clean_source, stage_and_start_vote};

/// A store with demo@1.2.0 staged and signed by `rm`, its vote started.
fn store_with_release() -> TestEnv {
    let env = TestEnv::with_rm_key();
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    stage_and_start_vote(&env);
    env
}

/// What `COMPLETE=bash relmgr -- WORDS…` answers, as the bash script asks (the word being
/// completed is the last one), one candidate a line.
fn complete(env: &TestEnv, words: &[&str]) -> Vec<String> {
    let out = env
        .cmd()
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn release_names_and_user_ids_complete_from_the_store() {
    let env = store_with_release();
    assert_eq!(
        complete(&env, &["relmgr", "release", "show", "de"]),
        ["demo@1.2.0"]
    );
    // An empty word: the releases first, then the flags.
    let empty = complete(&env, &["relmgr", "vote", "status", ""]);
    assert_eq!(empty[0], "demo@1.2.0", "{empty:?}");
    assert!(empty.contains(&"--revision".to_string()), "{empty:?}");
    assert_eq!(
        complete(&env, &["relmgr", "user", "show", "pmc"]),
        ["pmc1", "pmc2", "pmc3"]
    );
    assert!(complete(&env, &["relmgr", "--as", "r"]).contains(&"rm".to_string()));
    // Subcommands come from the command definitions.
    assert!(complete(&env, &["relmgr", "rel"]).contains(&"release".to_string()));
    // No store: nothing to offer, and no error.
    let bare = TestEnv::bare();
    assert!(complete(&bare, &["relmgr", "release", "show", "de"]).is_empty());
    // The line's own --store is the store completed from.
    let store = env.path().to_str().unwrap();
    assert_eq!(
        complete(
            &bare,
            &["relmgr", "--store", store, "release", "show", "de"]
        ),
        ["demo@1.2.0"]
    );
}

/// The script `relmgr completions bash` prints, sourced by a real bash, completes
/// `relmgr release show de<TAB>` to the release.
#[test]
fn the_bash_script_completes_a_release() {
    let env = store_with_release();
    let script = env.ok(&["completions", "bash"]).get_output().stdout.clone();
    std::fs::write(env.path().join("relmgr.bash"), script).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("relmgr");
    let out = std::process::Command::new("bash")
        .current_dir(env.path())
        .env(
            "PATH",
            format!("{}:/usr/bin:/bin", bin.parent().unwrap().display()),
        )
        .env("HOME", env.path())
        .env_remove("RELMGR_STORE")
        .args([
            "--norc",
            "-c",
            "source ./relmgr.bash; COMP_WORDS=(relmgr release show de); COMP_CWORD=3; \
             COMP_TYPE=9; _clap_complete_relmgr relmgr de show; printf '%s\\n' \"${COMPREPLY[@]}\"",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "demo@1.2.0\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_invalid_project_id_is_called_a_project_id() {
    let env = TestEnv::new();
    let err = env.fails(2, &["project", "create", "Demo", "--name", "Demo"]);
    assert!(err.contains("project id \"Demo\" is not valid"), "{err}");
    let err = env.fails(2, &["release", "show", "demo/Web@1.0"]);
    assert!(err.contains("product id \"Web\" is not valid"), "{err}");
}

/// With no passphrase available, the error names the key (its user ID and key id).
#[test]
fn a_protected_key_is_named_when_no_passphrase_is_given() {
    let env = TestEnv::with_project();
    env.write("pass", b"correct horse\n");
    env.cmd()
        .env("RELMGR_PASSPHRASE_FILE", env.path().join("pass"))
        .args([
            "--as",
            "rm",
            "key",
            "generate",
            "--user",
            "rm",
            "-o",
            "rm.sec.asc",
        ])
        .assert()
        .success();
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    let key_id = env.json(&["key", "list"])[0]["fingerprint"]
        .as_str()
        .unwrap()
        .chars()
        .skip(24)
        .collect::<String>();
    let err = env.fails(
        4,
        &[
            "--as",
            "rm",
            "stage",
            "demo@1.2.0",
            "dist",
            "--sign",
            "rm.sec.asc",
        ],
    );
    assert!(
        err.contains(&format!("(key id {key_id})")) && err.contains("rm"),
        "{err}"
    );
}

fn at_80(env: &TestEnv, color: &str, args: &[&str]) -> String {
    let out = env
        .cmd()
        .env("COLUMNS", "80")
        .env_remove("NO_COLOR")
        .args(["--color", color])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The main tables at 80 columns: every line fits, no timestamp, key id or file name is split,
/// fingerprints show as key ids, and with `--color always` the result words are coloured
/// (never with `--color never` or NO_COLOR).
#[test]
fn tables_at_80_columns_keep_tokens_whole() {
    let env = store_with_release();
    env.ok(&["--as", "pmc1", "vote", "cast", "demo@1.2.0", "+1"]);
    let fpr = env.json(&["key", "list"])[0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    let key_id = &fpr[24..];
    let t0 = crate::common::T0.trim_end_matches('Z');
    let t0 = &t0[..t0.len().min(16)];
    let commands: [(&[&str], &[&str]); 6] = [
        (&["release", "list"], &["demo@1.2.0"]),
        (&["key", "list"], &[key_id]),
        (&["check", "demo@1.2.0"], &["demo-1.2.0-src.tar.gz"]),
        (
            &["verify", "demo@1.2.0"],
            &["demo-1.2.0-src.tar.gz", key_id],
        ),
        (&["vote", "status", "demo@1.2.0"], &[t0]),
        (&["log"], &[t0, "demo@1.2.0"]),
    ];
    for (args, tokens) in commands {
        let text = at_80(&env, "never", args);
        assert!(!text.is_empty(), "{args:?}");
        for l in text.lines() {
            assert!(
                l.chars().count() <= 80,
                "{args:?} is wider than 80:\n{text}"
            );
        }
        assert!(
            !text.contains('\x1b'),
            "{args:?} coloured with --color never"
        );
        assert!(
            !text.contains(&fpr),
            "{args:?} shows a whole fingerprint:\n{text}"
        );
        for token in tokens {
            assert!(text.contains(token), "{args:?} splits {token}:\n{text}");
        }
        if args[0] != "log" {
            // The key is made afresh by each run: its id (as wide) stands in.
            let stable = text.replace(key_id, "KEY-ID-OF-RM-KEY");
            insta::assert_snapshot!(format!("at80_{}", args[..2].join("_")), stable);
        }
    }
    let keys = at_80(&env, "never", &["key", "list"]);
    assert!(keys.contains(key_id) && keys.contains("key id"), "{keys}");
    // Colour: --color always paints the result words, NO_COLOR with auto does not.
    let coloured = at_80(&env, "always", &["key", "list"]);
    assert!(coloured.contains("\x1b[32mvalid\x1b[0m"), "{coloured}");
    let check = at_80(&env, "always", &["check", "demo@1.2.0"]);
    assert!(check.contains("\x1b[32mpass\x1b[0m"), "{check}");
    let votes = at_80(&env, "always", &["vote", "status", "demo@1.2.0"]);
    assert!(votes.contains("\x1b[32m+1\x1b[0m"), "{votes}");
    let verify = at_80(&env, "always", &["verify", "demo@1.2.0"]);
    assert!(verify.contains("\x1b[32mok\x1b[0m"), "{verify}");
    let auto = env
        .cmd()
        .env("COLUMNS", "80")
        .args(["--color", "auto", "key", "list"])
        .output()
        .unwrap();
    assert!(
        !auto.stdout.contains(&0x1b),
        "NO_COLOR and a pipe: no colour"
    );
    // The full fingerprint stays in --json and `key show`.
    let show = at_80(&env, "never", &["key", "show", key_id]);
    assert!(show.contains(&fpr), "{show}");
}

/// On a terminal (a pty from util-linux `script`), the prompt names the key it unlocks; the
/// passphrase typed there signs.
#[test]
fn a_terminal_prompt_names_the_key_it_unlocks() {
    let env = TestEnv::with_project();
    env.write("pass", b"correct horse\n");
    env.cmd()
        .env("RELMGR_PASSPHRASE_FILE", env.path().join("pass"))
        .args([
            "--as",
            "rm",
            "key",
            "generate",
            "--user",
            "rm",
            "-o",
            "rm.sec.asc",
        ])
        .assert()
        .success();
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    let key_id = env.json(&["key", "list"])[0]["fingerprint"]
        .as_str()
        .unwrap()[24..]
        .to_string();
    let bin = assert_cmd::cargo::cargo_bin("relmgr");
    let command = format!(
        "{} --as rm stage demo@1.2.0 dist --sign rm.sec.asc",
        bin.display()
    );
    // The sealed environment of the test's commands, without $CI (which forbids prompts).
    let mut script = std::process::Command::new("script");
    script.current_dir(env.path());
    for (k, v) in env.std_cmd().get_envs() {
        match v {
            Some(v) => script.env(k, v),
            None => script.env_remove(k),
        };
    }
    let mut child = script
        .env_remove("CI")
        .args(["-qec", &command, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("script (util-linux) runs");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"correct horse\n").unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!(
            "Passphrase of the secret key of rm (key id {key_id})"
        )),
        "{text}"
    );
    assert!(
        out.status.success() && text.contains("Staged 1 package"),
        "{text}"
    );
}

/// Runs `relmgr ARGS` on a terminal (a pty from util-linux `script`) in the test's sealed
/// environment, changed by `env_changes` (None removes); returns what the terminal showed.
fn on_a_terminal(env: &TestEnv, args: &str, env_changes: &[(&str, Option<&str>)]) -> String {
    let bin = assert_cmd::cargo::cargo_bin("relmgr");
    let mut script = std::process::Command::new("script");
    script.current_dir(env.path());
    for (k, v) in env.std_cmd().get_envs() {
        match v {
            Some(v) => script.env(k, v),
            None => script.env_remove(k),
        };
    }
    for (k, v) in env_changes {
        match v {
            Some(v) => script.env(k, v),
            None => script.env_remove(k),
        };
    }
    let out = script
        .args(["-qec", &format!("{} {args}", bin.display()), "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script (util-linux) runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `--color auto` colours a table on a terminal, not with NO_COLOR, and never in a pipe
/// (tables_at_80_columns_keep_tokens_whole).
#[test]
fn auto_colour_follows_the_terminal_and_no_color() {
    let env = TestEnv::with_rm_key();
    let tty = on_a_terminal(&env, "key list", &[("NO_COLOR", None)]);
    assert!(tty.contains("\x1b[32mvalid\x1b[0m"), "{tty:?}");
    let no_color = on_a_terminal(&env, "key list", &[("NO_COLOR", Some("1"))]);
    assert!(
        no_color.contains("valid") && !no_color.contains('\x1b'),
        "{no_color:?}"
    );
    let never = on_a_terminal(&env, "--color never key list", &[("NO_COLOR", None)]);
    assert!(
        never.contains("valid") && !never.contains('\x1b'),
        "{never:?}"
    );
}
