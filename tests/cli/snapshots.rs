//! Snapshot tests (insta) of what people read: `--help` of every command, and the human output
//! of `release show`, `vote status` and `check`. A change to any of them shows up as a diff in
//! review; accept an intended one with `cargo insta review` (or `INSTA_UPDATE=always cargo test`).
//! Fingerprints, signatures and temp paths vary from run to run and are masked.

use crate::common::{TestEnv, clean_source};

/// Every command path: `[]`, `["vote"]`, `["vote", "start"]`, …, as the help itself lists them
/// (its `Commands:` section; hidden commands are not listed, `help` is skipped).
fn command_paths(env: &TestEnv, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    let mut args: Vec<&str> = prefix.iter().map(String::as_str).collect();
    args.push("--help");
    let help = String::from_utf8(env.ok(&args).get_output().stdout.clone()).unwrap();
    let subs: Vec<String> = help
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|name| name != "help")
        .collect();
    for sub in subs {
        let mut path = prefix.clone();
        path.push(sub);
        command_paths(env, path, out);
    }
}

#[test]
fn help_of_every_command() {
    let env = TestEnv::bare();
    let mut paths = Vec::new();
    command_paths(&env, Vec::new(), &mut paths);
    assert!(paths.len() > 40, "{} commands", paths.len());
    for path in paths {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let out = env.ok(&args).get_output().stdout.clone();
        let name = if path.is_empty() {
            "help".to_string()
        } else {
            format!("help-{}", path.join("-"))
        };
        insta::assert_snapshot!(name, String::from_utf8(out).unwrap());
    }
}

/// Masks what differs between runs: fingerprints, key ids and temp dirs.
fn masked(text: &str, env: &TestEnv) -> String {
    let text = text.replace(env.path().to_str().unwrap(), "[TMP]");
    let mut out = String::new();
    for word in text.split_inclusive(|c: char| !c.is_ascii_hexdigit()) {
        let hex = word.trim_end_matches(|c: char| !c.is_ascii_hexdigit());
        if (hex.len() == 40 || hex.len() == 16)
            && hex
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase())
        {
            out.push_str(&"F".repeat(hex.len()));
            out.push_str(&word[hex.len()..]);
        } else {
            out.push_str(word);
        }
    }
    out
}

fn human(env: &TestEnv, args: &[&str]) -> String {
    let a = env.run(args);
    let o = a.get_output();
    masked(
        &format!(
            "exit: {:?}\n--- stdout\n{}--- stderr\n{}",
            o.status.code(),
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
        env,
    )
}

#[test]
fn release_show_vote_status_and_check_as_people_read_them() {
    let env = TestEnv::with_rm_key();
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "dist",
        "--sign",
        "rm.sec.asc",
        "--platform",
        "any",
    ]);
    insta::assert_snapshot!("check", human(&env, &["check", "demo@1.2.0"]));
    env.ok(&["--as", "rm", "vote", "start", "demo@1.2.0"]);
    for (u, v) in [("pmc1", "+1"), ("pmc2", "+1"), ("dev", "-1")] {
        env.ok(&["--as", u, "vote", "cast", "demo@1.2.0", v]);
    }
    insta::assert_snapshot!(
        "vote-status",
        human(&env, &["vote", "status", "demo@1.2.0"])
    );
    insta::assert_snapshot!(
        "release-show",
        human(&env, &["release", "show", "demo@1.2.0"])
    );
}
