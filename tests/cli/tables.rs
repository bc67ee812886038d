//! Tables fit the screen: the terminal's width, else $COLUMNS, else 100 columns when piped, with
//! long cells (paths, URLs, hashes) wrapped rather than cut.

use crate::common::TestEnv;

/// A long name made of words (wraps between them) and a long URL (one word, wraps inside it).
const LONG_NAME: &str = "demo-incubating-distribution-with-a-rather-long-descriptive-name-for-every-platform-and-arch-1.0.0-bin.tar.gz";
const LONG_URL: &str = "https://demo.example.org/a/very/long/path/that/goes/on/and/on/past/any/terminal/width/index.html";

/// A store whose tables run wide: a long homepage, a long package name, signed.
fn wide_store() -> TestEnv {
    let env = TestEnv::with_rm_key();
    env.ok(&[
        "project",
        "edit",
        "demo",
        "--homepage",
        LONG_URL,
        "--description",
        &"A project whose description is a long paragraph. ".repeat(6),
    ]);
    env.write(&format!("dist/{LONG_NAME}"), b"bytes");
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.0.0",
        "dist",
        "--sign",
        "rm.sec.asc",
    ]);
    env
}

const WIDE: [&[&str]; 4] = [
    &["project", "show", "demo"],
    &["release", "show", "demo@1.0.0"],
    &["key", "list"],
    &["log"],
];

fn run_with(env: &TestEnv, columns: Option<&str>, args: &[&str]) -> String {
    let mut cmd = env.cmd();
    cmd.env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let out = cmd
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// Column `n` of every table in `text`, its wrapped pieces joined again.
fn column(text: &str, n: usize) -> String {
    text.lines()
        .filter_map(|l| l.split(['│', '┆']).nth(n + 1))
        .map(str::trim)
        .collect()
}

#[test]
fn piped_tables_wrap_at_100_columns_and_honour_columns() {
    let env = wide_store();
    let mut wider_with_200 = false;
    for args in WIDE {
        let piped = run_with(&env, None, args);
        assert!(
            widest(&piped) <= 100,
            "{args:?} piped without COLUMNS is {} wide:\n{piped}",
            widest(&piped)
        );
        let at_200 = run_with(&env, Some("200"), args);
        assert!(widest(&at_200) <= 200, "{args:?}:\n{at_200}");
        wider_with_200 |= widest(&at_200) > 100;
        let at_60 = run_with(&env, Some("60"), args);
        assert!(widest(&at_60) <= 60, "{args:?} with COLUMNS=60:\n{at_60}");
    }
    assert!(wider_with_200, "COLUMNS=200 lets the tables be wider");
    // Long cells wrap, they are not cut.
    let show = run_with(&env, None, &["project", "show", "demo"]);
    assert!(column(&show, 1).contains(LONG_URL), "{show}");
    let release = run_with(&env, None, &["release", "show", "demo@1.0.0"]);
    assert!(column(&release, 0).contains(LONG_NAME), "{release}");
    // Unusable COLUMNS values are ignored.
    let junk = run_with(&env, Some("wide"), &["project", "show", "demo"]);
    assert!(widest(&junk) <= 100, "{junk}");
}
