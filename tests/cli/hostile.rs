//! Hostile input (#28): archives that crashed, ate memory or inflated for minutes; names that
//! drive a terminal or run code when pasted; URLs that publish a password. The hostile files
//! come from the generators in `tests/support/hostile.rs`; nothing large is committed.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::TestEnv;

#[path = "../support/hostile.rs"]
mod generate;

/// A download directory holding `name` with `bytes` (no signature: those rows fail).
fn dir_with(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = tempfile::tempdir().unwrap().keep();
    std::fs::write(dir.join(name), bytes).unwrap();
    dir
}

/// `check --dir --json` (exit 3: the package is unsigned): the findings.
fn check_json(dir: &Path) -> Vec<Value> {
    let env = TestEnv::bare();
    let a = env
        .run(&["--json", "check", "--dir", dir.to_str().unwrap()])
        .code(3);
    let v: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    v.as_array().unwrap().clone()
}

fn finding<'a>(fs: &'a [Value], check: &str) -> &'a Value {
    fs.iter()
        .find(|f| f["check"] == check)
        .unwrap_or_else(|| panic!("no {check} finding: {fs:?}"))
}

#[test]
fn a_cjk_comment_line_does_not_crash_the_report() {
    let bytes = generate::tar_gz_of(&[
        (b"demo-1.0.0-src/LICENSE", b"Apache License"),
        (
            b"demo-1.0.0-src/a.c",
            "// 中文注释\n/* 日本語のコメント */\nint x;\n".as_bytes(),
        ),
        // `.txt`: text RAT reads (a `.bat` it does not: Tika names it application/x-bat).
        (b"demo-1.0.0-src/rem.txt", "rem 中\n".as_bytes()),
    ]);
    let dir = dir_with("demo-1.0.0-src.tar.gz", &bytes);
    let fs = check_json(&dir);
    assert_eq!(
        finding(&fs, "archive-integrity")["result"],
        "pass",
        "{fs:?}"
    );
    let headers = finding(&fs, "license-headers");
    assert_eq!(headers["result"], "warn", "{fs:?}");
    assert_eq!(headers["entries_total"], 2, "{fs:?}");
}

#[test]
fn a_pax_header_over_the_limit_is_refused_unread() {
    let bytes = generate::pax_bomb(Vec::new(), 8 << 20);
    let fs = check_json(&dir_with("demo-1.0.0.tar.gz", &bytes));
    let f = finding(&fs, "archive-integrity");
    assert_eq!(f["result"], "fail", "{fs:?}");
    let reason = f["reason"].as_str().unwrap();
    assert!(reason.contains("PAX header of 8388"), "{reason}");
    // A long name that fits the header limit is still refused past 4096 bytes.
    let bytes = generate::pax_bomb(Vec::new(), 5000);
    let fs = check_json(&dir_with("demo-1.0.0.tar.gz", &bytes));
    let reason = finding(&fs, "archive-integrity")["reason"]
        .as_str()
        .unwrap();
    assert!(reason.contains("entry name of 5000 bytes"), "{reason}");
}

#[test]
fn flagged_entries_are_counted_and_the_first_thousand_listed() {
    let bytes = generate::many_flagged(Vec::new(), 3000);
    let dir = dir_with("demo-1.0.0.tar.gz", &bytes);
    let fs = check_json(&dir);
    let f = fs
        .iter()
        .find(|f| f["reason"].as_str().unwrap().contains("absolute path"))
        .unwrap_or_else(|| panic!("{fs:?}"));
    assert_eq!(f["entries_total"], 3000);
    assert_eq!(f["entries"].as_array().unwrap().len(), 1000);
    let reason = f["reason"].as_str().unwrap();
    assert!(
        reason.ends_with("(and 2980 more: --json lists the first 1000)"),
        "{reason}"
    );
}

#[test]
fn overlapping_zip_entries_are_refused_before_inflating() {
    let plain = generate::overlapping_zip(1, 1000);
    let fs = check_json(&dir_with("demo-1.0.0.zip", &plain));
    assert_eq!(
        finding(&fs, "archive-integrity")["result"],
        "pass",
        "{fs:?}"
    );
    // Small: three entries; large: 2,000 entries that would inflate to about 8 GiB.
    for (files, len) in [(3, 1000), (2000, 4 << 20)] {
        let bomb = generate::overlapping_zip(files, len);
        let fs = check_json(&dir_with("demo-1.0.0.zip", &bomb));
        let f = finding(&fs, "archive-integrity");
        assert_eq!(f["result"], "fail", "{fs:?}");
        let reason = f["reason"].as_str().unwrap();
        assert!(
            reason.contains("unreadable after 0 entries")
                && reason.contains("overlap (possible zip bomb)"),
            "{reason}"
        );
    }
    let long = generate::overlong_zip(100);
    let fs = check_json(&dir_with("demo-1.0.0.zip", &long));
    let reason = finding(&fs, "archive-integrity")["reason"]
        .as_str()
        .unwrap();
    assert!(
        reason.contains("runs into the central directory"),
        "{reason}"
    );
}

#[test]
fn control_characters_in_entry_names_reach_the_terminal_escaped() {
    let bytes = generate::tar_gz_of(&[
        (b"demo-1.0.0/a.txt", b"x"),
        (b"/\x1b]0;owned\x07\x1b[2Jx", b"y"),
        ("/evil\u{202E}txt.exe".as_bytes(), b"z"),
    ]);
    let dir = dir_with("demo-1.0.0.tar.gz", &bytes);
    let env = TestEnv::bare();
    let a = env.run(&["check", "--dir", dir.to_str().unwrap()]).code(3);
    let out = String::from_utf8_lossy(&a.get_output().stdout).into_owned();
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
    assert!(!out.contains('\u{202E}'), "{out:?}");
    assert!(out.contains("\\x1b]0;owned\\x07\\x1b[2Jx"), "{out}");
    assert!(out.contains("evil\\u{202e}txt.exe"), "{out}");
    assert!(
        out.contains("1 entry whose name holds a bidirectional control"),
        "{out}"
    );
    // JSON keeps the names as they are (serde escapes them).
    let fs = check_json(&dir);
    let f = finding(&fs, "archive-paths");
    assert!(f["entries"].to_string().contains("\\u001b]0;owned"), "{f}");
}

#[test]
fn stage_refuses_shell_metacharacters_and_bidi_controls_in_names() {
    let env = TestEnv::with_project();
    let before = env.events();
    for (name, culprit) in [
        ("0 $(touch PWNED)`id`;id;.tar.gz", "'$'"),
        ("demo;1.0.tar.gz", "';'"),
        ("demo|x.zip", "'|'"),
    ] {
        let f = env.write(&format!("d/{name}"), b"x");
        let err = env.fails(2, &["--as", "rm", "stage", "demo@1.0.0", &f]);
        assert!(
            err.contains(culprit) && err.contains("metacharacter"),
            "{err}"
        );
        std::fs::remove_file(&f).unwrap();
    }
    let f = env.write("e/demo-1.0\u{202E}zip.exe", b"x");
    let err = env.fails(2, &["--as", "rm", "stage", "demo@1.0.0", &f]);
    assert!(err.contains("U+202E"), "{err}");
    assert!(
        !err.contains('\u{202E}'),
        "the message shows the name escaped: {err}"
    );
    assert_eq!(env.events(), before, "nothing staged");
    // Names with #, ? and % stay allowed: the page encodes its links.
    let f = env.write("g/demo-1.0.0#1?%.tar.gz", b"x");
    env.ok(&["--as", "rm", "stage", "demo@1.0.0", &f]);
}

#[test]
fn external_urls_with_credentials_are_refused_without_echoing_them() {
    let env = TestEnv::with_project();
    let hex = "ab".repeat(32);
    for url in [
        "https://user:s3cret@mirror.example.org/demo-1.0.0.msi",
        "https://token@mirror.example.org/demo-1.0.0.msi",
    ] {
        let err = env.fails(
            2,
            &[
                "--as",
                "rm",
                "stage",
                "demo@1.0.0",
                "--external",
                url,
                "--sha256",
                &hex,
                "--size",
                "1",
            ],
        );
        assert!(err.contains("credentials"), "{err}");
        assert!(!err.contains("s3cret") && !err.contains("token@"), "{err}");
    }
}

#[test]
fn bidi_controls_are_refused_in_cve_titles_and_project_texts() {
    let env = TestEnv::with_project();
    let err = env.fails(
        2,
        &[
            "cve",
            "add",
            "CVE-2026-1234",
            "--title",
            "RCE in \u{202E}gol",
            "--date",
            "2026-01-01",
        ],
    );
    assert!(err.contains("U+202E"), "{err}");
    let err = env.fails(
        2,
        &[
            "project",
            "edit",
            "demo",
            "--description",
            "A \u{2066}demo\u{2069}",
        ],
    );
    assert!(err.contains("U+2066"), "{err}");
    let err = env.fails(
        2,
        &[
            "user",
            "add",
            "eve",
            "--name",
            "Eve \u{202E}nimda",
            "--email",
            "eve@example.org",
        ],
    );
    assert!(err.contains("U+202E"), "{err}");
}

#[test]
fn error_messages_reach_the_terminal_escaped() {
    let env = TestEnv::bare();
    let dir = env.path().join("gone\x1b]0;owned\x07\x1b[2J");
    let a = env.run(&["check", "--dir", dir.to_str().unwrap()]).code(2);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(!err.contains('\x1b') && !err.contains('\x07'), "{err:?}");
    assert!(err.contains("gone\\x1b]0;owned\\x07\\x1b[2J"), "{err}");
}
