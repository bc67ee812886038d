//! `vote import`: every message of the thread is listed with what was read from it, and votes
//! announced as a change ("Changing my vote to +1") count, the later replacing the earlier.

use serde_json::Value;

use crate::common::{TestEnv, clean_source};

/// One mbox message from `from`, at `date` (day of February 2024 and hour).
fn mail(n: usize, from: &str, subject: &str, day_hour: (u32, u32), body: &str) -> String {
    let (d, h) = day_hour;
    format!(
        "From {from} Mon Feb  5 09:00:00 2024\nFrom: {from}\nSubject: {subject}\n\
         Date: {d} Feb 2024 {h:02}:00:00 +0000\nMessage-ID: <m{n}@x>\n\n{body}\n\n"
    )
}

const CALL: &str = "Please vote on Demo 1.2.0 rc1.\n\n[ ] +1 approve\n[ ]  0 no opinion\n\
                    [ ] -1 disapprove because...\n\nMy own vote:\n+1 (binding)\n";

fn thread() -> String {
    let re = "Re: [VOTE] Release Demo 1.2.0";
    [
        mail(1, "alice@apache.org", "[VOTE] Release Demo 1.2.0", (5, 9), CALL),
        mail(2, "bob@apache.org", re, (5, 10), "-1 (binding): the NOTICE year is wrong"),
        mail(
            3,
            "carol@apache.org",
            re,
            (5, 11),
            "Will check tomorrow.\n\nOn Mon, Alice wrote:\n> [ ] +1 approve\n> [ ]  0 no opinion\n> [ ] -1 disapprove\n",
        ),
        mail(
            4,
            "dave@apache.org",
            re,
            (5, 12),
            "Bob is right.\n\nOn Mon, Bob wrote:\n> -1 (binding): the NOTICE year is wrong\n",
        ),
        mail(5, "bob@apache.org", re, (6, 9), "The year is fine after all. Changing my vote to +1"),
        mail(6, "carol@apache.org", re, (6, 10), "I change my vote to +1 (binding)"),
        mail(7, "dave@apache.org", re, (6, 11), "I'd change my vote if the LICENSE listed jquery."),
        mail(8, "eve@example.com", re, (6, 12), "+1 (non-binding)"),
        mail(9, "carol@apache.org", re, (6, 13), "Revising my vote: -1, the LICENSE misses jquery"),
        mail(10, "alice@apache.org", "[RESULT] [VOTE] Release Demo 1.2.0", (8, 9), "+1: bob"),
        mail(11, "dave@apache.org", re, (8, 10), "+1"),
    ]
    .concat()
}

fn voting_store() -> TestEnv {
    let env = TestEnv::bare();
    env.set_now("2024-01-02T00:00:00Z");
    env.ok(&["init", "--user", "admin"]);
    env.ok(&["project", "create", "demo", "--name", "Demo"]);
    for (u, email, role) in [
        ("alice", "alice@apache.org", "pmc"),
        ("bob", "bob@apache.org", "pmc"),
        ("carol", "carol@apache.org", "pmc"),
        ("dave", "dave@apache.org", "committer"),
    ] {
        env.ok(&["user", "add", u]);
        env.ok(&["role", "grant", "demo", u, role]);
        env.ok(&["user", "edit", u, "--email", email]);
    }
    env.ok(&[
        "--as",
        "alice",
        "key",
        "generate",
        "--user",
        "alice",
        "-o",
        "a.sec.asc",
    ]);
    env.set_now("2024-02-05T08:00:00Z");
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    env.ok(&[
        "--as",
        "alice",
        "stage",
        "demo@1.2.0",
        "dist",
        "--sign",
        "a.sec.asc",
    ]);
    env.ok(&["--as", "alice", "vote", "start", "demo@1.2.0"]);
    env.set_now("2024-02-08T12:00:00Z");
    env
}

fn text(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

#[test]
fn every_message_is_listed_with_what_was_read() {
    let env = voting_store();
    let mbox = env.write("thread.mbox", thread().as_bytes());
    let r = env.json(&["--as", "alice", "vote", "import", "demo@1.2.0", &mbox]);
    let messages = r["messages"].as_array().expect("messages");
    let got: Vec<String> = messages
        .iter()
        .map(|m| {
            format!(
                "{} {} {} {} {} {} {}",
                m["number"],
                text(&m["from"]),
                m["call"],
                text(&m["read"]),
                text(&m["vote"]),
                text(&m["result"]),
                text(&m["replaced_by"]),
            )
        })
        .collect();
    let want = [
        "1 alice@apache.org true vote +1 recorded null",
        "2 bob@apache.org false vote -1 replaced 5",
        "3 carol@apache.org false template null null null",
        "4 dave@apache.org false quoted-vote null null null",
        "5 bob@apache.org false vote +1 recorded null",
        "6 carol@apache.org false vote +1 replaced 9",
        "7 dave@apache.org false no-vote null null null",
        "8 eve@example.com false vote +1 unknown-sender null",
        "9 carol@apache.org false vote -1 recorded null",
        "10 alice@apache.org false after-result null null null",
        "11 dave@apache.org false after-result null null null",
    ];
    assert_eq!(got, want);
    for m in messages {
        for field in ["message_id", "from", "date", "subject", "read"] {
            assert!(!m[field].is_null(), "{field} in {m}");
        }
    }
    assert_eq!(messages[0]["message_id"], "m1@x");
    assert_eq!(messages[0]["date"], "2024-02-05T09:00:00Z");
    assert_eq!(messages[8]["binding"], true);
    // The fields scripts already read are still there.
    let votes: Vec<(String, String, String)> = r["votes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (text(&v["email"]), text(&v["vote"]), text(&v["result"])))
        .collect();
    let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(
        votes,
        [
            s("alice@apache.org", "+1", "recorded"),
            s("bob@apache.org", "+1", "recorded"),
            s("carol@apache.org", "-1", "recorded"),
            s("eve@example.com", "+1", "unknown-sender"),
        ]
    );
    assert_eq!(
        r["ignored"].as_array().unwrap().len(),
        5,
        "{}",
        r["ignored"]
    );
    // The tally counts each voter's last vote.
    let st = env.json(&["vote", "status", "demo@1.2.0"]);
    assert_eq!(st["binding"]["plus"], 2, "{st}");
    assert_eq!(st["binding"]["minus"], 1, "{st}");
}

#[test]
fn the_import_table_shows_every_message() {
    let env = voting_store();
    let mbox = env.write("thread.mbox", thread().as_bytes());
    let out = env
        .cmd()
        .env_remove("COLUMNS")
        .args(["--as", "alice", "vote", "import", "demo@1.2.0", &mbox])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.lines().all(|l| l.chars().count() <= 100), "{out}");
    // One row per message, each starting with its number.
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| {
            l.strip_prefix('│')
                .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        })
        .collect();
    assert_eq!(rows.len(), 11, "{out}");
    for (row, want) in rows.iter().zip([
        "[VOTE] mail: +1 binding",
        "-1",
        "quoted template",
        "quoted vote only",
        "+1 binding",
        "+1",
        "no vote found",
        "+1",
        "-1 binding",
        "[RESULT] mail: not read",
        "after [RESULT]: not read",
    ]) {
        assert!(row.contains(want), "{want:?} not in {row:?}\n{out}");
    }
    assert!(rows[1].contains("replaced by #5"), "{out}");
    assert!(rows[5].contains("replaced by #9"), "{out}");
    assert!(rows[7].contains("unknown sender"), "{out}");
    assert!(
        out.contains("11 messages read; the last votes of 4 senders, 3 of them recorded now."),
        "{out}"
    );
    assert!(
        out.contains("No user has these emails: eve@example.com."),
        "{out}"
    );
}

/// A mail's Date places its vote: before the vote opened, after now, after the end time or not
/// dated at all, it is listed with the reason and not recorded; the voter's last message inside
/// the window counts.
#[test]
fn mails_dated_outside_the_window_are_listed_not_recorded() {
    let env = voting_store();
    // The vote opened 2024-02-05 08:00 and ends 72 hours later, 2024-02-08 08:00.
    env.set_now("2024-02-07T00:00:00Z");
    let re = "Re: [VOTE] Release Demo 1.2.0";
    let undated = "From dave@apache.org Mon Feb  5 09:00:00 2024\nFrom: dave@apache.org\n\
                   Subject: Re: [VOTE] Release Demo 1.2.0\nMessage-ID: <m7@x>\n\n-1\n\n";
    let mbox = [
        mail(
            1,
            "alice@apache.org",
            "[VOTE] Release Demo 1.2.0",
            (5, 9),
            CALL,
        ),
        mail(
            2,
            "bob@apache.org",
            re,
            (4, 10),
            "-1 (binding), written before the vote",
        ),
        mail(3, "carol@apache.org", re, (6, 10), "+1"),
        mail(4, "dave@apache.org", re, (5, 12), "+1"),
        mail(5, "bob@apache.org", re, (6, 11), "+1"),
        mail(
            6,
            "carol@apache.org",
            re,
            (9, 10),
            "-1, dated two days from now",
        ),
        undated.to_string(),
    ]
    .concat();
    let path = env.write("window.mbox", mbox.as_bytes());
    let r = env.json(&["--as", "alice", "vote", "import", "demo@1.2.0", &path]);
    let got: Vec<String> = r["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            format!(
                "{} {} {} {} {}",
                m["number"],
                text(&m["vote"]),
                text(&m["result"]),
                text(&m["replaced_by"]),
                text(&m["note"])
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "1 +1 recorded null null",
            "2 -1 dated-before-open null dated before the vote opened",
            "3 +1 recorded null null",
            "4 +1 recorded null null",
            "5 +1 recorded null null",
            "6 -1 dated-in-future null dated after now",
            "7 -1 undated null no valid Date header",
        ]
    );
    let votes: Vec<String> = r["votes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            format!(
                "{} {} {}",
                text(&v["email"]),
                text(&v["vote"]),
                text(&v["date"])
            )
        })
        .collect();
    assert_eq!(
        votes,
        [
            "alice@apache.org +1 2024-02-05T09:00:00Z",
            "bob@apache.org +1 2024-02-06T11:00:00Z",
            "carol@apache.org +1 2024-02-06T10:00:00Z",
            "dave@apache.org +1 2024-02-05T12:00:00Z",
        ]
    );
    let ignored = r["ignored"].to_string();
    assert!(
        ignored
            .contains("message 2 from bob@apache.org: not recorded: dated before the vote opened"),
        "{ignored}"
    );
    let st = env.json(&["vote", "status", "demo@1.2.0"]);
    assert_eq!(st["binding"]["plus"], 3, "{st}");
    assert_eq!(st["binding"]["minus"], 0, "{st}");
    assert_eq!(st["non_binding"]["plus"], 1, "{st}");

    // The table says why, row by row.
    let out = env.ok(&["--as", "alice", "vote", "import", "demo@1.2.0", &path]);
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for want in [
        "not recorded: dated before the vote opened",
        "not recorded: dated after now",
        "not recorded: no valid Date header",
    ] {
        assert!(out.contains(want), "{want:?} not in\n{out}");
    }

    // After the end time (and before anyone closed the vote), a mail dated after it is late.
    env.set_now("2024-02-10T00:00:00Z");
    let late = mail(8, "dave@apache.org", re, (9, 10), "-1");
    let path = env.write("late.mbox", late.as_bytes());
    let r = env.json(&["--as", "alice", "vote", "import", "demo@1.2.0", &path]);
    assert_eq!(r["messages"][0]["result"], "dated-after-close", "{r}");
    assert_eq!(r["votes"].as_array().unwrap().len(), 0, "{r}");
    let st = env.json(&["vote", "status", "demo@1.2.0"]);
    assert_eq!(st["non_binding"]["plus"], 1, "{st}");
    assert_eq!(st["non_binding"]["minus"], 0, "{st}");
}
