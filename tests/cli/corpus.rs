//! The bad-input corpus: every case is refused with its exact exit code, no panic, and the
//! store unchanged (same event count, fsck clean, SQLite integrity ok).

use crate::common::{TestEnv, clean_source};

fn store() -> TestEnv {
    let env = TestEnv::with_rm_key();
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "dist",
        "--sign",
        "rm.sec.asc",
    ]);
    env.write("bad/empty.asc", b"");
    env.write("bad/garbage.bin", &[0xde, 0xad, 0xbe, 0xef, 0x00, 0x01]);
    env.write("bad/notmail.mbox", b"hello\nworld\n");
    env.write("bad/checklist.md", b"");
    env.write("bad/binary.md", &[0xff, 0xfe, 0x00]);
    env
}

#[test]
fn the_corpus() {
    let env = store();
    let long = "a".repeat(300);
    let zeros = "0".repeat(64);
    let gs = "g".repeat(64);
    let ffs = "F".repeat(40);
    let cases: Vec<(i32, Vec<&str>)> = vec![
        // Keys, names, versions (SPEC §5).
        (2, vec!["project", "create", "", "--name", "x"]),
        (2, vec!["project", "create", "a/b", "--name", "x"]),
        (2, vec!["project", "create", "..", "--name", "x"]),
        (2, vec!["project", "create", " a", "--name", "x"]),
        (2, vec!["project", "create", "a\u{7}", "--name", "x"]),
        (2, vec!["project", "create", "UPPER", "--name", "x"]),
        (
            2,
            vec![
                "project",
                "create",
                "x'; DROP TABLE projects; --",
                "--name",
                "x",
            ],
        ),
        (2, vec!["project", "create", &long, "--name", "x"]),
        (2, vec!["product", "create", "demo/a..b", "--name", "x"]),
        (2, vec!["product", "create", "demo/", "--name", "x"]),
        (2, vec!["stage", "demo@", "dist"]),
        (2, vec!["stage", "demo@1.0 ", "dist"]),
        (2, vec!["stage", "demo@.1", "dist"]),
        (2, vec!["stage", "demo@1..0", "dist"]),
        (2, vec!["stage", "demo@1/0", "dist"]),
        (2, vec!["stage", "demo@1.0\n", "dist"]),
        (2, vec!["stage", "demo@1.0-rc2", "dist"]),
        (2, vec!["stage", "@1.0", "dist"]),
        (2, vec!["stage", "demo", "dist"]),
        (
            2,
            vec!["release", "show", "demo@1.2.0", "--revision", "rc0"],
        ),
        (2, vec!["release", "show", "demo@1.2.0", "--revision", "1"]),
        (2, vec!["user", "add", "a b"]),
        (2, vec!["user", "add", "-x"]),
        (
            2,
            vec!["user", "add", "x", "--email", "no-at-sign", "--consent"],
        ),
        (2, vec!["role", "grant", "demo", "dev", "overlord"]),
        (2, vec!["role", "grant", "demo/web", "dev", "pmc"]),
        // Paths and files.
        (
            2,
            vec!["--as", "rm", "stage", "demo@1.3.0", "/no/such/path"],
        ),
        (2, vec!["--as", "rm", "stage", "demo@1.3.0", "/dev/null"]),
        (
            2,
            vec!["--as", "rm", "stage", "demo@1.3.0", "bad/../bad/missing"],
        ),
        (2, vec!["key", "import", "bad/empty.asc"]),
        (2, vec!["key", "import", "bad/garbage.bin"]),
        (2, vec!["key", "import", "bad"]),
        (
            2,
            vec![
                "--as",
                "rm",
                "sign",
                "demo@1.2.0",
                "--key",
                "bad/garbage.bin",
            ],
        ),
        (
            2,
            vec![
                "--as",
                "rm",
                "sign",
                "demo@1.2.0",
                "--key",
                "no-such-key.asc",
            ],
        ),
        (
            2,
            vec!["policy", "set", "demo", "--checklist", "bad/checklist.md"],
        ),
        (
            2,
            vec!["policy", "set", "demo", "--checklist", "bad/binary.md"],
        ),
        (2, vec!["policy", "set", "demo", "--min-hours", "99999999"]),
        (2, vec!["policy", "set", "demo", "--min-hours", "-3"]),
        (2, vec!["policy", "set", "demo", "--manual", "perhaps"]),
        // External packages.
        (
            2,
            vec![
                "--as",
                "rm",
                "stage",
                "demo@1.3.0",
                "--external",
                "http://x.org/a",
                "--sha256",
                "00",
                "--size",
                "1",
            ],
        ),
        (
            2,
            vec![
                "--as",
                "rm",
                "stage",
                "demo@1.3.0",
                "--external",
                "file:///etc/passwd",
                "--sha256",
                &zeros,
                "--size",
                "1",
            ],
        ),
        (
            2,
            vec![
                "--as",
                "rm",
                "stage",
                "demo@1.3.0",
                "--external",
                "https://x.org/a",
                "--sha256",
                &gs,
                "--size",
                "1",
            ],
        ),
        (
            2,
            vec![
                "--as",
                "rm",
                "stage",
                "demo@1.3.0",
                "--external",
                "https://x.org/a",
                "--sha256",
                &zeros,
                "--size",
                "0",
            ],
        ),
        (
            2,
            vec![
                "--as",
                "rm",
                "stage",
                "demo@1.3.0",
                "--external",
                "https://x.org/a",
                "--sha256",
                &zeros,
                "--size",
                "99999999999999999999999",
            ],
        ),
        (
            2,
            vec![
                "--as",
                "rm",
                "stage",
                "demo@1.3.0",
                "--external",
                "https://x.org/a",
                "--sha256",
                &zeros,
            ],
        ),
        // Votes, dates, CVEs.
        (
            2,
            vec!["--as", "rm", "vote", "start", "demo@1.2.0", "--hours", "-1"],
        ),
        (
            2,
            vec!["--as", "rm", "vote", "start", "demo@1.2.0", "--hours", "1"],
        ),
        (
            2,
            vec!["--as", "rm", "vote", "start", "demo@1.2.0", "--vote", "+2"],
        ),
        (
            2,
            vec![
                "cve",
                "add",
                "CVE-2026-1",
                "--title",
                "t",
                "--date",
                "2026-01-01",
            ],
        ),
        (
            2,
            vec![
                "cve",
                "add",
                "CVE-2026-1234",
                "--title",
                "t",
                "--date",
                "2026-02-31",
            ],
        ),
        (
            2,
            vec![
                "cve",
                "add",
                "CVE-2026-1234",
                "--title",
                "t",
                "--date",
                "yesterday",
            ],
        ),
        (2, vec!["log", "--since", "2026-13-45"]),
        (2, vec!["completions", "cmd.exe"]),
        (2, vec!["--color", "sometimes", "project", "list"]),
        // Not found, not allowed, wrong state.
        (6, vec!["release", "show", "nope@1.0"]),
        (6, vec!["release", "show", "demo@9.9.9"]),
        (6, vec!["key", "show", &ffs]),
        (6, vec!["user", "show", "ghost"]),
        (
            6,
            vec!["--as", "rm", "unstage", "demo@1.2.0", "ghost.tar.gz"],
        ),
        (6, vec!["--store", "/no/such/store", "project", "list"]),
        (4, vec!["--as", "ghost", "project", "list"]),
        (4, vec!["--as", "dev", "stage", "demo@1.3.0", "dist"]),
        // No vote has started: that is told before anything about the voter.
        (5, vec!["--as", "guest", "vote", "cast", "demo@1.2.0", "+1"]),
        (5, vec!["--as", "pmc1", "vote", "cast", "demo@1.2.0", "+1"]),
        (5, vec!["--as", "rm", "promote", "demo@1.2.0"]),
        (5, vec!["--as", "rm", "announce", "demo@1.2.0"]),
        (5, vec!["init", "--user", "again"]),
    ];
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let events = env.events();
    for (code, args) in &cases {
        let out = env.run(args).get_output().clone();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(*code), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
        assert_eq!(env.events(), events, "{args:?} changed the store");
    }
    let integrity: String = env
        .db()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    assert_eq!(env.json(&["fsck"])["ok"], true);
    assert_eq!(
        env.count("SELECT count(*) FROM projects"),
        1,
        "the SQL-looking key created nothing"
    );
}
