//! Votes as people write them (#29 items 1–4): threads in the shapes of real list archives
//! (Thunderbird, Gmail, Outlook, Apple Mail, a ponymail export), each tally checked against the
//! tally a person makes by hand; messages the rules cannot settle need review, `vote close`
//! refuses while any does, and the release manager's decisions are events that replay and a
//! fresh clone agree on.

use serde_json::Value;

use crate::common::{TestEnv, clean_source};

/// The vote on demo@1.2.0 opened 2024-02-05 08:00 (ends 72 hours later), with alice, bob and
/// carol on the PMC, dave a committer, and `policy` set before it started.
fn store(policy: &[&str]) -> TestEnv {
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
    if !policy.is_empty() {
        let mut args = vec!["policy", "set", "demo"];
        args.extend_from_slice(policy);
        env.ok(&args);
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

const RE: &str = "Re: [VOTE] Release Demo 1.2.0 rc1";

/// An mbox message: envelope, the given headers, a blank line, the body.
fn mbox_msg(from_addr: &str, headers: &str, body: &str) -> String {
    format!("From {from_addr} Mon Feb  5 09:00:00 2024\n{headers}\n\n{body}\n\n")
}

fn b64(data: &str) -> String {
    use base64::Engine;
    let s = base64::engine::general_purpose::STANDARD.encode(data.as_bytes());
    s.as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The issue's thread: the RM's +1 written in the [VOTE] mail (Thunderbird), a Gmail reply
/// (multipart/alternative, RFC 2047 name, sender in capitals), an HTML-only Outlook mail
/// (base64), and a -1 that its voter withdraws in their own words (Apple Mail,
/// quoted-printable).
fn issue_thread() -> String {
    let call = mbox_msg(
        "alice@apache.org",
        "From: Alice Example <alice@apache.org>\nSubject: [VOTE] Release Demo 1.2.0 rc1\n\
         Date: Mon, 5 Feb 2024 09:00:00 +0000\nMessage-ID: <call@thunderbird>\n\
         User-Agent: Mozilla Thunderbird\nContent-Type: text/plain; charset=UTF-8; format=flowed",
        "Hi all,\n\nPlease vote on releasing Demo 1.2.0 rc1 (sources at \n\
         https://dist.example.org/demo-1.2.0-rc1/, built with JDK 1.8.0-1).\n\n\
         [ ] +1 Release this package as Demo 1.2.0\n[ ] +0 No opinion\n\
         [ ] -1 Do not release this package because...\n\n\
         The vote is open for at least 72 hours. Here's my +1 (binding).\n\n\
         Thanks,\nAlice\n-- \nAlice Example, release manager\n+1 650 555 0100",
    );
    let gmail = mbox_msg(
        "bob@apache.org",
        "From: =?UTF-8?B?Qm9iIEzDtndl?= <Bob@Apache.ORG>\nSubject: Re: [VOTE] Release Demo 1.2.0 rc1\n\
         Date: Mon, 5 Feb 2024 10:00:00 +0000\nMessage-ID: <CAB+gmail@mail.gmail.com>\n\
         In-Reply-To: <call@thunderbird>\nMIME-Version: 1.0\n\
         Content-Type: multipart/alternative; boundary=\"000000000000abc\"",
        "--000000000000abc\nContent-Type: text/plain; charset=\"UTF-8\"\n\n\
         +1 (binding)\n\nChecked the signatures and the SHA-512.\n\n\
         On Mon, Feb 5, 2024 at 9:00 AM Alice Example <alice@apache.org> wrote:\n\
         > [ ] +1 Release this package as Demo 1.2.0\n> Here's my +1 (binding).\n\n\
         --000000000000abc\nContent-Type: text/html; charset=\"UTF-8\"\n\n\
         <div dir=\"ltr\">+1 (binding)<div><br></div><div>Checked the signatures.</div></div><br>\
         <div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Mon, Alice wrote:<br></div>\
         <blockquote class=\"gmail_quote\">[ ] -1 Do not release</blockquote></div>\n\
         --000000000000abc--",
    );
    let outlook_html = "<html><head><style>p{margin:0}</style></head><body>\
        <div>Verified signatures and checksums and built from source, so that\u{2019}s a +1 from me \
        (binding).</div><div><br></div><hr style=\"display:inline-block;width:98%\">\
        <div id=\"divRplyFwdMsg\" dir=\"ltr\"><b>From:</b> Alice Example &lt;alice@apache.org&gt;<br>\
        <b>Sent:</b> Monday, February 5, 2024 9:00 AM<br><b>Subject:</b> [VOTE] Release Demo 1.2.0 rc1\
        </div><div>[ ] +1 Release this package<br>[ ] -1 Do not release this package because...</div>\
        </body></html>";
    let outlook = mbox_msg(
        "carol@apache.org",
        "From: \"Carol (Outlook)\" <carol@apache.org>\nSubject: RE: [VOTE] Release Demo 1.2.0 rc1\n\
         Date: Mon, 5 Feb 2024 11:00:00 +0000\nMessage-ID: <DM6PR@outlook.com>\n\
         MIME-Version: 1.0\nContent-Type: text/html; charset=\"utf-8\"\n\
         Content-Transfer-Encoding: base64",
        &b64(outlook_html),
    );
    let minus = mbox_msg(
        "dave@apache.org",
        "From: Dave <dave@apache.org>\nSubject: Re: [VOTE] Release Demo 1.2.0 rc1\n\
         Date: Mon, 5 Feb 2024 12:00:00 +0000\nMessage-ID: <A1B2@apple.mail>\n\
         Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable",
        "-1 (non-binding): the NOTICE says =C2=A9 2023, it should be 2024.",
    );
    let withdrawn = mbox_msg(
        "dave@apache.org",
        "From: Dave <dave@apache.org>\nSubject: Re: [VOTE] Release Demo 1.2.0 rc1\n\
         Date: Tue, 6 Feb 2024 09:30:00 +0000\nMessage-ID: <C3D4@apple.mail>\n\
         Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable",
        "My mistake, the year is right after all =E2=80=94 please consider my -1 withdra=\nwn.\n\n\
         > On 5 Feb 2024, at 12:00, Dave <dave@apache.org> wrote:\n>=20\n\
         > -1 (non-binding): the NOTICE says =C2=A9 2023",
    );
    [call, gmail, outlook, minus, withdrawn].concat()
}

fn text(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

/// `number vote result note` of each message.
fn rows(r: &Value) -> Vec<String> {
    r["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            format!(
                "{} {} {} {}",
                m["number"],
                text(&m["vote"]),
                text(&m["result"]),
                text(&m["note"])
            )
        })
        .collect()
}

#[test]
fn the_issue_thread_reads_as_a_person_reads_it_and_passes() {
    // Any -1 pauses the vote: the withdrawn -1 must not.
    let env = store(&["--pause-on-veto", "true"]);
    let mbox = env.write("issue.mbox", issue_thread().as_bytes());
    let r = env.json(&["--as", "alice", "vote", "import", "demo@1.2.0", &mbox]);
    assert_eq!(
        rows(&r),
        [
            "1 +1 recorded null",
            "2 +1 recorded null",
            "3 +1 recorded null",
            "4 -1 replaced null",
            "5 0 recorded withdrew -1: counts as 0",
        ],
        "{r}"
    );
    assert_eq!(r["messages"][0]["call"], true);
    assert_eq!(r["messages"][1]["from"], "bob@apache.org");
    assert_eq!(
        r["messages"][4]["lines"][0].as_str().unwrap(),
        "My mistake, the year is right after all — please consider my -1 withdrawn."
    );
    assert_eq!(r["needs_review"], 0);
    // The tally a person makes: binding +1 alice, bob, carol; dave (committer) withdrew.
    let st = env.json(&["vote", "status", "demo@1.2.0"]);
    assert_eq!(
        st["binding"],
        serde_json::json!({"plus": 3, "zero": 0, "minus": 0}),
        "{st}"
    );
    assert_eq!(
        st["non_binding"],
        serde_json::json!({"plus": 0, "zero": 1, "minus": 0}),
        "{st}"
    );
    assert_eq!(st["needs_review"], 0);
    let closed = env.json(&["--as", "alice", "vote", "close", "demo@1.2.0"]);
    assert_eq!(closed["outcome"], "passed", "{closed}");

    // The table shows each decision.
    let env = store(&["--pause-on-veto", "true"]);
    let mbox = env.write("issue.mbox", issue_thread().as_bytes());
    let out = env.ok(&["--as", "alice", "vote", "import", "demo@1.2.0", &mbox]);
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for want in [
        "[VOTE] mail: +1 binding",
        "0 non-binding (withdrew -1: counts",
        "replaced by #5",
    ] {
        assert!(out.contains(want), "{want:?} not in\n{out}");
    }
}

/// A ponymail export: messages whose own words the rules cannot settle.
fn review_thread() -> String {
    let m = |n: u32, from: &str, day_hour: (u32, u32), body: &str| {
        mbox_msg(
            from,
            &format!(
                "From: {from}\nSubject: {RE}\nDate: {} Feb 2024 {:02}:00:00 +0000\n\
                 Message-ID: <p{n}@ponymail>\nContent-Type: text/plain; charset=utf-8",
                day_hour.0, day_hour.1
            ),
            body,
        )
    };
    [
        m(
            1,
            "alice@apache.org",
            (5, 9),
            "[VOTE] mail? no: a reply. +1 (binding)",
        ),
        // Two values, no word of a change.
        m(
            2,
            "bob@apache.org",
            (5, 10),
            "+1 on the sources.\nThe convenience binary is broken though: -1.",
        ),
        // A vote on a condition.
        m(
            3,
            "carol@apache.org",
            (5, 11),
            "+1 (binding) if the NOTICE year gets fixed before the release.",
        ),
        // A fractional vote.
        m(
            4,
            "dave@apache.org",
            (5, 12),
            "+0.5, only checked the sigs.",
        ),
        // Not votes: version numbers, URLs, a phone number in the own words.
        m(
            5,
            "eve@example.com",
            (5, 13),
            "Tried 1.2.0-1 from https://example.org/+1/ ; call +1 (650) 555-0100.",
        ),
    ]
    .concat()
}

#[test]
fn what_the_rules_cannot_settle_needs_review_and_blocks_close() {
    let env = store(&["--min-hours", "72"]);
    let mbox = env.write("review.mbox", review_thread().as_bytes());
    let r = env.json(&["--as", "alice", "vote", "import", "demo@1.2.0", &mbox]);
    let got: Vec<String> = r["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            format!(
                "{} {} {}",
                text(&m["read"]),
                text(&m["review_id"]),
                text(&m["review"])
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "vote null null",
            "needs-review p2@ponymail pending",
            "needs-review p3@ponymail pending",
            "needs-review p4@ponymail pending",
            "no-vote null null",
        ],
        "{r}"
    );
    assert_eq!(r["needs_review"], 3);
    let bob = &r["messages"][1];
    assert_eq!(bob["note"], "different votes and no word of a change");
    assert_eq!(
        bob["lines"],
        serde_json::json!([
            "+1 on the sources.",
            "The convenience binary is broken though: -1."
        ])
    );
    assert_eq!(r["messages"][2]["note"], "a vote on a condition or a maybe");
    // Nothing recorded for them: only alice's +1.
    let st = env.json(&["vote", "status", "demo@1.2.0"]);
    assert_eq!(st["binding"]["plus"], 1, "{st}");
    assert_eq!(st["binding"]["minus"], 0, "{st}");
    assert_eq!(st["needs_review"], 3, "{st}");
    let human = env.ok(&["vote", "status", "demo@1.2.0"]);
    let human = String::from_utf8(human.get_output().stdout.clone()).unwrap();
    assert!(
        human.contains("needs review: p3@ponymail from carol@apache.org"),
        "{human}"
    );
    // Close refuses while any needs review (exit 2, with the reason).
    let err = env.fails(2, &["--as", "alice", "vote", "close", "demo@1.2.0"]);
    assert!(
        err.contains("3 messages of the vote thread need review"),
        "{err}"
    );
    assert!(err.contains("p2@ponymail"), "{err}");
    // Importing again records nothing new and keeps them pending; --review without a
    // terminal asks nothing.
    let before = env.events();
    let r = env.json(&[
        "--as",
        "alice",
        "vote",
        "import",
        "demo@1.2.0",
        &mbox,
        "--review",
    ]);
    assert_eq!(r["needs_review"], 3);
    assert_eq!(env.events(), before);
    // A decision names a message that needs review.
    let err = env.fails(
        2,
        &[
            "--as",
            "alice",
            "vote",
            "import",
            "demo@1.2.0",
            &mbox,
            "--set",
            "p1@ponymail=+1",
        ],
    );
    assert!(err.contains("no message that needs review"), "{err}");
    assert_eq!(env.events(), before);
    // The RM decides: bob -1, carol +1, dave's +0.5 gives none.
    let r = env.json(&[
        "--as",
        "alice",
        "vote",
        "import",
        "demo@1.2.0",
        &mbox,
        "--set",
        "<p2@ponymail>=-1",
        "--set",
        "p3@ponymail=+1",
        "--ignore",
        "p4@ponymail",
    ]);
    assert_eq!(r["needs_review"], 0, "{r}");
    assert_eq!(env.events(), before + 3, "one event per decision");
    let reviewed: Vec<String> = r["reviewed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {}",
                text(&d["message_id"]),
                text(&d["decision"]),
                text(&d["voter"]),
                text(&d["binding"])
            )
        })
        .collect();
    assert_eq!(
        reviewed,
        [
            "p2@ponymail -1 bob true",
            "p3@ponymail +1 carol true",
            "p4@ponymail none null null"
        ]
    );
    let review: Vec<String> = r["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| text(&m["review"]))
        .collect();
    assert_eq!(review, ["null", "-1", "+1", "none", "null"]);
    // The tally a person makes now: binding +1 alice, carol; binding -1 bob.
    let st = env.json(&["vote", "status", "demo@1.2.0"]);
    assert_eq!(
        st["binding"],
        serde_json::json!({"plus": 2, "zero": 0, "minus": 1}),
        "{st}"
    );
    assert_eq!(st["needs_review"], 0);
    let log = env.json(&["log", "demo"]);
    let last = log.as_array().unwrap().last().unwrap();
    assert_eq!(last["type"], "vote.review", "{last}");
    assert_eq!(last["actor"], "alice", "{last}");
    // A decided message is not decided twice.
    let err = env.fails(
        2,
        &[
            "--as",
            "alice",
            "vote",
            "import",
            "demo@1.2.0",
            &mbox,
            "--ignore",
            "p2@ponymail",
        ],
    );
    assert!(err.contains("decided already"), "{err}");
    // The history replays to the same index.
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
    let closed = env.json(&["--as", "alice", "vote", "close", "demo@1.2.0"]);
    assert_eq!(closed["outcome"], "failed", "{closed}");
}

#[test]
fn accept_review_closes_with_the_messages_uncounted() {
    let env = store(&[]);
    let mbox = env.write("review.mbox", review_thread().as_bytes());
    env.ok(&["--as", "alice", "vote", "import", "demo@1.2.0", &mbox]);
    env.fails(2, &["--as", "alice", "vote", "close", "demo@1.2.0"]);
    // Only the release manager decides.
    let err = env.fails(
        4,
        &[
            "--as",
            "dave",
            "vote",
            "import",
            "demo@1.2.0",
            &mbox,
            "--set",
            "p3@ponymail=+1",
        ],
    );
    assert!(!err.is_empty());
    let closed = env.json(&[
        "--as",
        "alice",
        "vote",
        "close",
        "demo@1.2.0",
        "--accept-review",
    ]);
    assert_eq!(closed["outcome"], "failed", "{closed}");
    assert_eq!(closed["binding"]["plus"], 1, "{closed}");
}

/// Under `--signed-events binding`, a decision is a signed event of the release manager: refused
/// without their key, signed with it, and the history still replays.
#[test]
fn a_decision_is_signed_under_signed_events() {
    let env = store(&["--min-hours", "72"]);
    let mbox = env.write("review.mbox", review_thread().as_bytes());
    env.ok(&["--as", "alice", "vote", "import", "demo@1.2.0", &mbox]);
    // Whoever sets a signing policy holds a usable key (#31).
    env.ok(&["key", "generate", "--user", "admin", "-o", "admin.sec.asc"]);
    env.ok(&["policy", "set", "demo", "--signed-events", "binding"]);
    let set = [
        "--as",
        "alice",
        "vote",
        "import",
        "demo@1.2.0",
        &mbox,
        "--set",
        "p3@ponymail=+1",
    ];
    let before = env.events();
    let err = env.fails(4, &set);
    assert!(err.contains("signing_key") || err.contains("sign"), "{err}");
    assert_eq!(env.events(), before, "nothing recorded");
    let out = env
        .cmd()
        .args(set)
        .env("RELMGR_SIGNING_KEY", env.path().join("a.sec.asc"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = env.json(&["log", "demo"]);
    let e = log.as_array().unwrap().last().unwrap();
    assert_eq!(e["type"], "vote.review", "{e}");
    assert!(
        e["signature"]
            .as_str()
            .unwrap()
            .contains("BEGIN PGP SIGNATURE"),
        "{e}"
    );
    let st = env.json(&["vote", "status", "demo@1.2.0"]);
    assert_eq!(st["binding"]["plus"], 2, "{st}");
    assert_eq!(st["needs_review"], 2, "{st}");
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

/// The decisions travel through git: an old clone and a fresh one agree with the clone that
/// made them on what needs review and on the tally.
#[test]
fn an_old_and_a_fresh_clone_agree_on_the_decisions() {
    use crate::common::T0;
    use crate::sync::{Clone, T1, git, three_clones};
    let root = tempfile::tempdir().unwrap();
    let (a, b, _c) = three_clones(root.path());
    for u in ["pmc2", "pmc3"] {
        a.ok(
            T0,
            &["user", "edit", u, "--email", &format!("{u}@apache.org")],
        );
    }
    // The vote (min-hours 0) opened and ends at T0: the mails are dated then.
    let m = |n: u32, from: &str, body: &str| {
        mbox_msg(
            from,
            &format!(
                "From: {from}\nSubject: Re: [VOTE] Release Demo 1.0.0\n\
                 Date: Tue, 5 Jan 2027 10:00:00 +0000\nMessage-ID: <c{n}@x>"
            ),
            body,
        )
    };
    let thread = [
        m(1, "pmc2@apache.org", "+1 once the KEYS file lists my key"),
        m(2, "pmc3@apache.org", "+1 (binding)\nno, wait: -1"),
    ]
    .concat();
    let mbox = root.path().join("t.mbox");
    std::fs::write(&mbox, thread).unwrap();
    let mbox = mbox.to_str().unwrap();
    let r = a.json(T1, &["--as", "rm", "vote", "import", "demo@1.0.0", mbox]);
    assert_eq!(r["needs_review"], 2, "{r}");
    a.ok(T1, &["sync"]);
    b.ok(T1, &["sync"]);
    assert_eq!(
        b.json(T1, &["vote", "status", "demo@1.0.0"])["needs_review"],
        2
    );
    a.ok(
        T1,
        &[
            "--as",
            "rm",
            "vote",
            "import",
            "demo@1.0.0",
            mbox,
            "--set",
            "c1@x=+1",
            "--ignore",
            "c2@x",
        ],
    );
    a.ok(T1, &["sync"]);
    b.ok(T1, &["sync"]);
    git(root.path(), &["clone", "-q", "remote.git", "d"]);
    let d = Clone {
        dir: root.path().join("d"),
    };
    d.json(T1, &["sync", "--user", "pmc1"]);
    let status = |c: &Clone| {
        let st = c.json(T1, &["vote", "status", "demo@1.0.0"]);
        (
            st["needs_review"].clone(),
            st["binding"].clone(),
            st["non_binding"].clone(),
        )
    };
    let want = (
        serde_json::json!(0),
        serde_json::json!({"plus": 1, "zero": 0, "minus": 0}),
        serde_json::json!({"plus": 0, "zero": 0, "minus": 0}),
    );
    assert_eq!(status(&a), want);
    assert_eq!(status(&b), want, "the old clone");
    assert_eq!(status(&d), want, "the fresh clone");
    // The clone that decided replays its log to the same index (d lacks the package bytes).
    assert_eq!(a.json(T1, &["fsck"])["ok"], true);
}

/// `--review` on a terminal (a pty made by `script`): each pending message is shown with its
/// sender and own words, and the keys choose -1, +1 and none.
#[test]
fn review_on_a_terminal_asks_for_each_message() {
    use std::io::Write;
    let env = store(&["--min-hours", "72"]);
    let mbox = env.write("review.mbox", review_thread().as_bytes());
    let relmgr = assert_cmd::cargo::cargo_bin("relmgr");
    let line = format!(
        "{} --as alice vote import demo@1.2.0 {mbox} --review",
        relmgr.display()
    );
    let mut child = std::process::Command::new("script")
        .args(["-qefc", &line, "/dev/null"])
        .current_dir(env.path())
        .env_remove("CI")
        .env_remove("RELMGR_STORE")
        .env_remove("RELMGR_USER")
        .env("HOME", env.path())
        .env("RELMGR_NOW", "2024-02-08T12:00:00Z")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("script(1) runs");
    let mut keys = child.stdin.take().unwrap();
    // Up from "skip": twice is -1, four times +1, once none.
    for k in ["kk\r", "kkkk\r", "k\r"] {
        std::thread::sleep(std::time::Duration::from_millis(1500));
        keys.write_all(k.as_bytes()).unwrap();
        keys.flush().unwrap();
    }
    let out = child.wait_with_output().unwrap();
    drop(keys);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("bob@apache.org"), "{shown}");
    assert!(
        shown.contains("The convenience binary is broken though: -1."),
        "{shown}"
    );
    let st = env.json(&["vote", "status", "demo@1.2.0"]);
    assert_eq!(st["needs_review"], 0, "{st}\n{shown}");
    assert_eq!(
        st["binding"],
        serde_json::json!({"plus": 2, "zero": 0, "minus": 1}),
        "{st}"
    );
    let log = env.json(&["log", "demo"]);
    let decisions: Vec<String> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "vote.review")
        .map(|e| {
            format!(
                "{} {}",
                text(&e["payload"]["message_id"]),
                text(&e["payload"]["decision"])
            )
        })
        .collect();
    assert_eq!(
        decisions,
        ["p2@ponymail -1", "p3@ponymail +1", "p4@ponymail none"],
        "{log}"
    );
}
