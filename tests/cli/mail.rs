//! The release mails sent over SMTP (SPEC §10), to a real SMTP server on 127.0.0.1 (aiosmtpd,
//! from the venv that scripts/test.sh sets up; `tests/support/smtp_server.py`): the messages it
//! receives are parsed and asserted. A server that refuses, one that is down and one that drops
//! the connection mid-DATA give a clear error, exit 1 and the `mail resend` hint, and the store
//! keeps the command's own change and nothing else.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

use crate::common::{TestEnv, clean_source, repo};

/// A test SMTP server; stopped (its stdin closed, then killed) when dropped.
struct SmtpServer {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl SmtpServer {
    fn start(mode: &str) -> SmtpServer {
        let venv = std::env::var_os("RELMGR_SBOM_VENV")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo().join(".venv"));
        let python = venv.join("bin/python");
        assert!(
            python.exists(),
            "{} is missing: run scripts/test.sh (it installs aiosmtpd into .venv)",
            python.display()
        );
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(python)
            .arg(repo().join("tests/support/smtp_server.py"))
            .arg(mode)
            .arg(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("the SMTP server said {line:?}, not its port"));
        SmtpServer { child, port, dir }
    }

    /// The messages received so far, in order, parsed.
    fn messages(&self) -> Vec<(Vec<String>, Received)> {
        let mut out = Vec::new();
        for n in 1.. {
            let eml = self.dir.path().join(format!("{n}.eml"));
            let Ok(bytes) = std::fs::read(&eml) else {
                break;
            };
            let rcpt = std::fs::read_to_string(self.dir.path().join(format!("{n}.rcpt"))).unwrap();
            out.push((
                rcpt.lines().map(str::to_string).collect(),
                Received::parse(&bytes),
            ));
        }
        out
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A received message: its headers and its body, decoded.
struct Received {
    headers: Vec<(String, String)>,
    body: String,
    /// The message as it came over the wire.
    raw: String,
}

impl Received {
    fn parse(bytes: &[u8]) -> Received {
        let m = mailparse::parse_mail(bytes).unwrap();
        Received {
            headers: m
                .headers
                .iter()
                .map(|h| (h.get_key().to_ascii_lowercase(), h.get_value()))
                .collect(),
            body: m.get_body().unwrap().replace("\r\n", "\n"),
            raw: String::from_utf8_lossy(bytes).into_owned(),
        }
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {name} header in {:?}", self.headers))
    }
}

/// Points the store's `[smtp]` at 127.0.0.1:`port` (no TLS: loopback only).
fn configure(env: &TestEnv, port: u16) {
    configure_store(&env.store_dir(), port);
}

/// [`configure`] for the store in `store_dir`.
fn configure_store(store_dir: &std::path::Path, port: u16) {
    let path = store_dir.join("config.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = match text.find("\n[smtp]") {
        Some(i) => text[..i + 1].to_string(),
        None => text,
    };
    std::fs::write(
        &path,
        format!(
            "{text}\n[smtp]\nhost = \"127.0.0.1\"\nport = {port}\nfrom = \"Rita RM <rm@example.org>\"\nsecurity = \"none\"\n"
        ),
    )
    .unwrap();
}

fn staged(env: &TestEnv) {
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    env.ok(&[
        "project",
        "edit",
        "demo",
        "--notify",
        "dev@demo.example.org",
    ]);
    env.write("dist/demo-1.0.0-src.tar.gz", &clean_source());
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.0.0",
        "dist",
        "--sign",
        "rm.sec.asc",
    ]);
}

fn events_of(env: &TestEnv, kind: &str) -> Vec<Value> {
    env.json(&["log"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == kind)
        .cloned()
        .collect()
}

const CANDIDATES: &str = "https://dist.example.org/dev/demo/1.0.0-rc1/";

/// Runs git in `dir` with a fixed identity.
fn git(dir: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .args(["-c", "init.defaultBranch=main", "-c", "tag.gpgSign=false"])
        .args(args)
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}");
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// The test dir as a git repository holding the staged source archive's tree, tagged
/// `v1.0.0`; returns the commit.
fn tagged_source(env: &TestEnv) -> String {
    let d = env.path();
    let tree = d.join("src-tree");
    std::fs::create_dir_all(&tree).unwrap();
    let tarball = env.write("source.tar.gz", &clean_source());
    assert!(
        Command::new("tar")
            .args(["-xzf", &tarball, "--strip-components=1", "-C"])
            .arg(&tree)
            .status()
            .unwrap()
            .success()
    );
    git(d, &["init", "-q"]);
    // The source tree is the repository's root, as a project's own repository is.
    git(d, &["--work-tree", "src-tree", "add", "-A", "."]);
    git(
        d,
        &["--work-tree", "src-tree", "commit", "-q", "-m", "1.0.0"],
    );
    git(d, &["tag", "v1.0.0"]);
    git(d, &["rev-parse", "v1.0.0^{commit}"])
}

/// A vote thread as a list archive exports it: the [VOTE] call, a PMC member's +1, and two
/// people who are no users: one +1 with a display name, one -1 with none (hours after T0).
fn thread() -> String {
    let mail = |n: u32, from: &str, subject: &str, hour: u32, body: &str| {
        format!(
            "From x Tue Jan  5 10:00:00 2027\nFrom: {from}\nSubject: {subject}\n\
             Date: Tue, 5 Jan 2027 {hour:02}:00:00 +0000\nMessage-ID: <t{n}@list.example.org>\n\n{body}\n\n"
        )
    };
    let re = "Re: [VOTE] Release Demo 1.0.0 (rc1)";
    [
        mail(
            1,
            "Rita Release <rm@example.org>",
            "[VOTE] Release Demo 1.0.0 (rc1)",
            10,
            "Please vote.\n\n[ ] +1 Release\n[ ] -1 No",
        ),
        mail(
            2,
            "Gina Guest <gina@users.example.net>",
            re,
            12,
            "+1 (non-binding), checked the signatures",
        ),
        mail(
            3,
            "nobody@elsewhere.example.com",
            re,
            13,
            "-1 (non-binding): the NOTICE is missing a year",
        ),
    ]
    .concat()
}

/// The three mails, each received by a real SMTP server and read field by field: [VOTE] with
/// the candidate's URL, KEYS, the git tag and commit, the SHA-512, the end time in UTC and the
/// RM's name; [RESULT] threaded under it, naming each voter by name, binding or not, with the
/// thread's non-users; [ANNOUNCE] to two lists with the download page, KEYS and the CVE fixed.
/// No body has a quoted-printable soft break: the SHA-512 lines arrive whole.
#[test]
fn vote_result_and_announce_mails_reach_a_real_server_threaded() {
    let server = SmtpServer::start("accept");
    let env = TestEnv::with_rm_key();
    staged(&env);
    configure(&env, server.port);
    env.ok(&["user", "consent", "rm", "grant"]);
    for (u, name) in [
        ("rm", "Rita Release"),
        ("pmc1", "Paula Primo"),
        ("pmc2", "Pedro Segundo"),
        ("pmc3", "Pia Terza"),
        ("dev", "Dev Eloper"),
    ] {
        env.ok(&["user", "edit", u, "--name", name]);
    }
    env.ok(&["user", "edit", "rm", "--email", "rm@example.org"]);
    let sha512 = env.json(&["release", "show", "demo@1.0.0"])["packages"][0]["sha512"]
        .as_str()
        .unwrap()
        .to_string();
    let commit = tagged_source(&env);
    env.json(&["check", "demo@1.0.0", "--git", "v1.0.0"]);

    let start = env.json(&[
        "--as",
        "rm",
        "vote",
        "start",
        "demo@1.0.0",
        "--hours",
        "72",
        "--candidates-url",
        CANDIDATES,
        "--send",
    ]);
    assert_eq!(start["sent"]["kind"], "vote", "{start}");
    for u in ["pmc1", "pmc2", "pmc3"] {
        env.ok(&["--as", u, "vote", "cast", "demo@1.0.0", "+1"]);
    }
    env.ok(&["--as", "dev", "vote", "cast", "demo@1.0.0", "-1"]);
    env.set_now("2027-01-08T11:00:00Z");
    env.write("thread.mbox", thread().as_bytes());
    let import = env.json(&["--as", "rm", "vote", "import", "demo@1.0.0", "thread.mbox"]);
    let unknown: Vec<&str> = import["votes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["result"] == "unknown-sender")
        .map(|v| v["email"].as_str().unwrap())
        .collect();
    assert_eq!(
        unknown,
        ["gina@users.example.net", "nobody@elsewhere.example.com"],
        "{import}"
    );
    // A second import of the same thread records no guest twice.
    let events = env.events();
    env.ok(&["--as", "rm", "vote", "import", "demo@1.0.0", "thread.mbox"]);
    assert_eq!(env.events(), events, "nothing new to record");
    let close = env.json(&["--as", "rm", "vote", "close", "demo@1.0.0", "--send"]);
    assert_eq!(close["outcome"], "passed", "{close}");
    assert_eq!(close["sent"]["kind"], "result");
    env.ok(&["--as", "rm", "promote", "demo@1.0.0"]);
    env.ok(&[
        "cve",
        "add",
        "CVE-2026-41234",
        "--title",
        "Path traversal in the unpacker",
        "--date",
        "2026-12-01",
    ]);
    env.ok(&["cve", "link", "CVE-2026-41234", "demo@1.0.0"]);
    env.ok(&[
        "--as",
        "rm",
        "publish",
        "pub",
        "--key",
        "rm.sec.asc",
        "--base-url",
        "https://dlcdn.example.org/dist/",
        "--canonical-url",
        "https://downloads.example.org/",
    ]);
    env.ok(&[
        "--as",
        "rm",
        "announce",
        "demo@1.0.0",
        "--send",
        "--to",
        "announce@apache.example.org,dev@demo.example.org",
        "--to",
        "users@demo.example.org",
    ]);

    let got = server.messages();
    assert_eq!(got.len(), 3, "three mails received");
    for (_, m) in &got {
        // Sent as it is: no quoted-printable, so no `=` soft break inside a SHA-512.
        assert_eq!(m.header("content-transfer-encoding"), "7bit", "{}", m.raw);
        assert!(
            m.raw.contains(&sha512),
            "the SHA-512 whole on the wire: {}",
            m.raw
        );
        assert!(
            !m.raw.contains("=\r\n") && !m.raw.contains("=\n"),
            "{}",
            m.raw
        );
        let from = m.header("from");
        assert!(
            from.contains("Rita RM") && from.ends_with("<rm@example.org>"),
            "{from}"
        );
    }

    let (vote_to, vote) = &got[0];
    assert_eq!(vote_to, &["dev@demo.example.org"]);
    assert_eq!(vote.header("to"), "dev@demo.example.org");
    assert_eq!(vote.header("subject"), "[VOTE] Release Demo 1.0.0 (rc1)");
    let vote_id = vote.header("message-id").to_string();
    assert_eq!(vote_id, "<relmgr.vote.demo.1.0.0.rc1@example.org>");
    let b = &vote.body;
    assert!(
        b.contains(&format!("The release candidate:\n\n  {CANDIDATES}\n")),
        "{b}"
    );
    assert!(
        b.contains(&format!(
            "The KEYS file to verify the signatures:\n\n  {CANDIDATES}KEYS\n"
        )),
        "before any publish, KEYS is the one beside the candidate: {b}"
    );
    assert!(b.contains("  tag:    v1.0.0\n"), "{b}");
    assert!(b.contains(&format!("  commit: {commit}\n")), "{b}");
    assert!(b.contains(&format!("    SHA-512: {sha512}\n")), "{b}");
    assert!(
        b.contains("The vote is open until 2027-01-08 10:00:00 UTC (72 hours after it opened; a release vote stays open at least 72 hours)"),
        "{b}"
    );
    assert!(b.contains("[ ] +1 Release this package"));
    assert!(
        b.trim_end().ends_with("Thanks,\nRita Release"),
        "signed with the name: {b}"
    );
    assert!(!b.contains("relmgr's tree"), "{b}");

    let (result_to, result) = &got[1];
    assert_eq!(result_to, &["dev@demo.example.org"]);
    assert_eq!(
        result.header("subject"),
        "[RESULT] [VOTE] Release Demo 1.0.0 (rc1)"
    );
    assert_eq!(result.header("in-reply-to"), vote_id);
    assert_eq!(result.header("references"), vote_id);
    let b = &result.body;
    assert!(b.contains("has passed"), "{b}");
    assert!(
        b.contains(
            "Binding votes: +1: 3, 0: 0, -1: 0\n  +1  Paula Primo\n  +1  Pedro Segundo\n  +1  Pia Terza\n"
        ),
        "{b}"
    );
    assert!(
        b.contains(
            "Non-binding votes: +1: 1, 0: 0, -1: 2\n\
             \x20 +1  Gina Guest <gina@users.example.net> (on the list)\n\
             \x20 -1  Dev Eloper\n\
             \x20 -1  <nobody@elsewhere.example.com> (on the list)\n"
        ),
        "{b}"
    );
    assert!(b.contains(&format!("    SHA-512: {sha512}\n")), "{b}");
    assert!(b.trim_end().ends_with("voted.\nRita Release"), "{b}");
    assert!(!b.contains("pmc1"), "names, not ids: {b}");

    let (announce_to, announce) = &got[2];
    assert_eq!(
        announce_to,
        &[
            "announce@apache.example.org",
            "dev@demo.example.org",
            "users@demo.example.org"
        ]
    );
    assert_eq!(
        announce.header("to"),
        "announce@apache.example.org, dev@demo.example.org, users@demo.example.org"
    );
    assert_eq!(announce.header("subject"), "[ANNOUNCE] Demo 1.0.0 released");
    let b = &announce.body;
    assert!(
        b.contains("Downloads: https://dlcdn.example.org/dist/demo/\n"),
        "{b}"
    );
    assert!(
        b.contains("KEYS file: https://downloads.example.org/demo/KEYS\n"),
        "KEYS where it really is (the canonical site): {b}"
    );
    assert!(
        b.contains("This release fixes:\n\n  CVE-2026-41234 Path traversal in the unpacker\n"),
        "{b}"
    );
    assert!(b.contains(&format!("    SHA-512 {sha512}\n")), "{b}");
    assert!(
        b.contains("Rita Release, on behalf of the Demo team"),
        "{b}"
    );
    assert!(!b.contains("(the project's"), "no placeholder: {b}");

    // Each send is an event: who, what, to whom, the Message-ID.
    let sent = events_of(&env, "mail.sent");
    assert_eq!(sent.len(), 3);
    assert_eq!(sent[0]["actor"], "rm");
    assert_eq!(sent[0]["payload"]["message_id"], vote_id.as_str());
    assert_eq!(sent[0]["payload"]["to"][0], "dev@demo.example.org");
    assert_eq!(sent[1]["payload"]["in_reply_to"], vote_id.as_str());
    assert_eq!(sent[2]["payload"]["to"].as_array().unwrap().len(), 3);
    // What the mails say is in the history: a fresh replay agrees, and a resend of the [VOTE]
    // is the same mail.
    assert_eq!(env.json(&["fsck"])["ok"], true, "the log replays");
    let seq = events_of(&env, "vote.start")[0]["seq"].as_i64().unwrap();
    assert_eq!(
        events_of(&env, "vote.start")[0]["payload"]["candidates_url"],
        CANDIDATES
    );
    env.ok(&["--as", "rm", "mail", "resend", &seq.to_string()]);
    let again = server.messages();
    assert_eq!(again.len(), 4);
    assert_eq!(
        again[3].1.body,
        got[0].1.body.replace(
            &format!("{CANDIDATES}KEYS"),
            "https://downloads.example.org/demo/KEYS",
        ),
        "the resend gives the published KEYS now that there is one"
    );
}

/// What the mails say comes from the history: a clone that only synced renders the same
/// [RESULT] as the clone that imported the thread (the guests of `vote import` travel in its
/// event) and closed the vote.
#[test]
fn a_fresh_clone_sends_the_same_result_with_the_thread_guests() {
    use crate::sync::{T1, T2, three_clones};
    let server = SmtpServer::start("accept");
    let root = tempfile::tempdir().unwrap();
    let (a, b, _c) = three_clones(root.path());
    a.ok(T1, &["user", "edit", "pmc1", "--name", "Paula Primo"]);
    for u in ["pmc1", "pmc2", "pmc3"] {
        a.ok(T1, &["--as", u, "vote", "cast", "demo@1.0.0", "+1"]);
    }
    // Dated when the vote opened (min-hours 0: it opens and may close at once).
    std::fs::write(
        a.dir.join("thread.mbox"),
        "From x Tue Jan  5 10:00:00 2027\nFrom: =?UTF-8?Q?J=C3=B6rg_Gast?= <joerg@example.net>\n\
         Subject: Re: [VOTE] Release Demo 1.0.0\nDate: Tue, 5 Jan 2027 10:00:00 +0000\n\
         Message-ID: <g1@list.example.org>\n\n+1 (non-binding)\n\n",
    )
    .unwrap();
    let r = a.json(
        T1,
        &["--as", "rm", "vote", "import", "demo@1.0.0", "thread.mbox"],
    );
    assert_eq!(r["votes"][0]["result"], "unknown-sender", "{r}");
    a.ok(T2, &["--as", "rm", "vote", "close", "demo@1.0.0"]);
    a.ok(T2, &["sync"]);
    b.ok(T2, &["sync"]);
    let mut bodies = Vec::new();
    for clone in [&a, &b] {
        configure_store(&clone.dir.join(".relmgr"), server.port);
        let log = clone.json(T2, &["--as", "admin", "log"]);
        let close = log
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["type"] == "vote.close")
            .expect("the close reached the clone");
        let seq = close["seq"].as_i64().unwrap().to_string();
        clone.ok(
            T2,
            &[
                "--as",
                "rm",
                "mail",
                "resend",
                &seq,
                "--to",
                "dev@demo.example.org",
            ],
        );
        let got = server.messages();
        let m = &got.last().unwrap().1;
        assert_eq!(
            m.header("content-transfer-encoding"),
            "8bit",
            "a name in UTF-8"
        );
        bodies.push(m.body.clone());
    }
    assert_eq!(bodies[0], bodies[1], "both clones send the same [RESULT]");
    let b0 = &bodies[0];
    assert!(
        b0.contains(
            "Binding votes: +1: 3, 0: 0, -1: 0\n  +1  Paula Primo\n  +1  pmc2\n  +1  pmc3\n"
        ),
        "{b0}"
    );
    assert!(
        b0.contains("Non-binding votes: +1: 1, 0: 0, -1: 0\n  +1  Jörg Gast <joerg@example.net> (on the list)\n"),
        "{b0}"
    );
}

/// `announce --send` with no download page URL recorded (no `publish --base-url`) exits 2
/// before anything is marked or recorded; so does `vote start --send` without
/// `--candidates-url`. Without --send the announcement is made and says what it lacks, and
/// `mail resend` of it refuses to send the placeholder.
#[test]
fn a_mail_with_a_placeholder_is_refused_before_anything_changes() {
    let server = SmtpServer::start("accept");
    let env = TestEnv::with_rm_key();
    staged(&env);
    configure(&env, server.port);
    let events = env.events();
    let err = env.fails(2, &["--as", "rm", "vote", "start", "demo@1.0.0", "--send"]);
    assert!(err.contains("--candidates-url"), "{err}");
    assert_eq!(env.events(), events, "the vote is not started");
    assert_eq!(
        env.json(&["release", "show", "demo@1.0.0"])["revisions"][0]["phase"],
        "draft"
    );
    env.ok(&[
        "--as",
        "rm",
        "vote",
        "start",
        "demo@1.0.0",
        "--candidates-url",
        CANDIDATES,
    ]);
    for u in ["pmc1", "pmc2", "pmc3"] {
        env.ok(&["--as", u, "vote", "cast", "demo@1.0.0", "+1"]);
    }
    env.ok(&["--as", "rm", "vote", "close", "demo@1.0.0"]);
    env.ok(&["--as", "rm", "promote", "demo@1.0.0"]);
    // A publish without --base-url records no URL to link.
    env.ok(&["--as", "rm", "publish", "pub", "--key", "rm.sec.asc"]);
    let events = env.events();
    let err = env.fails(
        2,
        &[
            "--as",
            "rm",
            "announce",
            "demo@1.0.0",
            "--send",
            "--to",
            "announce@apache.example.org",
        ],
    );
    assert!(err.contains("placeholders"), "{err}");
    assert!(err.contains("--base-url"), "{err}");
    assert_eq!(env.events(), events, "nothing recorded");
    assert!(events_of(&env, "release.announce").is_empty());
    let phase = |env: &TestEnv| env.json(&["release", "show", "demo@1.0.0"])["phase"].clone();
    assert_eq!(phase(&env), "distributing", "not marked");
    assert!(server.messages().is_empty(), "nothing sent");

    // Without --send: announced, and the JSON says what is missing; a resend refuses.
    let r = env.json(&["--as", "rm", "announce", "demo@1.0.0"]);
    assert_eq!(phase(&env), "announced");
    assert!(
        r["missing"][0].as_str().unwrap().contains("--base-url"),
        "{r}"
    );
    let seq = events_of(&env, "release.announce")[0]["seq"]
        .as_i64()
        .unwrap();
    let err = env.fails(2, &["--as", "rm", "mail", "resend", &seq.to_string()]);
    assert!(err.contains("placeholders"), "{err}");
    assert!(server.messages().is_empty(), "nothing sent");
    assert!(events_of(&env, "mail.sent").is_empty());
}

/// The project's own URLs (issue #29 item 7): with `candidates_url` set, `vote start --send`
/// without --candidates-url calls the vote on `<candidates_url>/<target>/<version>-<rcN>/` (the
/// layout `publish --candidates` writes) and records that URL; with only `download_url` set (no
/// publish ever gave a --base-url) `announce --send` goes out linking it, and KEYS in it. With
/// neither, or with a download page that says nothing of where KEYS is, it exits 2 before
/// anything is marked.
#[test]
fn the_projects_own_urls_place_the_candidate_and_the_download_page() {
    let server = SmtpServer::start("accept");
    let env = TestEnv::with_rm_key();
    staged(&env);
    configure(&env, server.port);
    env.ok(&[
        "--as",
        "rm",
        "project",
        "edit",
        "demo",
        "--candidates-url",
        "https://dist.example.org/dev",
    ]);
    let start = env.json(&["--as", "rm", "vote", "start", "demo@1.0.0", "--send"]);
    assert_eq!(start["sent"]["kind"], "vote", "{start}");
    let rc = "https://dist.example.org/dev/demo/1.0.0-rc1/";
    let vote_start = &events_of(&env, "vote.start")[0];
    assert_eq!(vote_start["payload"]["candidates_url"], rc, "recorded");
    // Changing the project's URL later does not change the call that was made.
    env.ok(&[
        "--as",
        "rm",
        "project",
        "edit",
        "demo",
        "--candidates-url",
        "",
    ]);
    for u in ["pmc1", "pmc2", "pmc3"] {
        env.ok(&["--as", u, "vote", "cast", "demo@1.0.0", "+1"]);
    }
    env.ok(&["--as", "rm", "vote", "close", "demo@1.0.0"]);
    env.ok(&["--as", "rm", "promote", "demo@1.0.0"]);

    let phase = |env: &TestEnv| env.json(&["release", "show", "demo@1.0.0"])["phase"].clone();
    let announce = [
        "--as",
        "rm",
        "announce",
        "demo@1.0.0",
        "--send",
        "--to",
        "announce@apache.example.org",
    ];
    // Neither a download_url nor a publish --base-url: refused, nothing marked.
    let events = env.events();
    let err = env.fails(2, &announce);
    assert!(err.contains("download page's URL"), "{err}");
    assert!(err.contains("--download-url"), "{err}");
    assert_eq!(env.events(), events, "nothing recorded");
    assert_eq!(phase(&env), "distributing", "not marked");
    // A download page that is not the directory: the page is known, where KEYS is is not.
    env.ok(&[
        "--as",
        "rm",
        "project",
        "edit",
        "demo",
        "--download-url",
        "https://demo.example.org/download.html",
    ]);
    let events = env.events();
    let err = env.fails(2, &announce);
    assert!(err.contains("KEYS file's URL"), "{err}");
    assert!(!err.contains("download page's URL"), "{err}");
    assert_eq!(env.events(), events, "nothing recorded");
    assert_eq!(phase(&env), "distributing", "not marked");
    // The project's directory on the download server: the page, and KEYS in it.
    env.ok(&[
        "--as",
        "rm",
        "project",
        "edit",
        "demo",
        "--download-url",
        "https://downloads.example.org/demo/",
    ]);
    let shown = env.json(&["project", "show", "demo"]);
    assert_eq!(shown["download_url"], "https://downloads.example.org/demo/");
    assert!(shown.get("candidates_url").is_none(), "cleared: {shown}");
    env.ok(&announce);
    assert_eq!(phase(&env), "announced");

    let got = server.messages();
    assert_eq!(got.len(), 2, "the [VOTE] and the [ANNOUNCE]");
    let vote = &got[0].1;
    assert_eq!(vote.header("subject"), "[VOTE] Release Demo 1.0.0 (rc1)");
    assert!(
        vote.body
            .contains(&format!("The release candidate:\n\n  {rc}\n")),
        "{}",
        vote.body
    );
    assert!(
        vote.body.contains(&format!(
            "The KEYS file to verify the signatures:\n\n  {rc}KEYS\n"
        )),
        "{}",
        vote.body
    );
    let (to, ann) = &got[1];
    assert_eq!(to, &["announce@apache.example.org"]);
    assert_eq!(ann.header("subject"), "[ANNOUNCE] Demo 1.0.0 released");
    assert!(
        ann.body
            .contains("Downloads: https://downloads.example.org/demo/\n"),
        "{}",
        ann.body
    );
    assert!(
        ann.body
            .contains("KEYS file: https://downloads.example.org/demo/KEYS\n"),
        "{}",
        ann.body
    );
    assert!(!ann.body.contains("(the project's"), "no placeholder");

    // The [VOTE] is rendered from its event: a resend gives the recorded candidate URL though
    // the project's field is cleared, and the KEYS the project now links.
    let seq = vote_start["seq"].as_i64().unwrap().to_string();
    env.ok(&["--as", "rm", "mail", "resend", &seq]);
    assert_eq!(
        server.messages()[2].1.body,
        vote.body.replace(
            &format!("{rc}KEYS"),
            "https://downloads.example.org/demo/KEYS"
        )
    );
    assert_eq!(env.json(&["fsck"])["ok"], true, "the log replays");
}

/// Precedence: `--candidates-url` comes before the project's `candidates_url`; the project's
/// `download_url` comes before the page of the last `publish --base-url`, and KEYS is where that
/// publish put it (its --canonical-url), not guessed from a download page.
#[test]
fn a_flag_and_the_projects_download_page_come_before_the_rest() {
    let server = SmtpServer::start("accept");
    let env = TestEnv::with_rm_key();
    staged(&env);
    configure(&env, server.port);
    env.ok(&[
        "--as",
        "rm",
        "project",
        "edit",
        "demo",
        "--candidates-url",
        "https://dist.example.org/dev/",
        "--download-url",
        "https://demo.example.org/download.html",
    ]);
    env.ok(&[
        "--as",
        "rm",
        "vote",
        "start",
        "demo@1.0.0",
        "--candidates-url",
        CANDIDATES,
    ]);
    assert_eq!(
        events_of(&env, "vote.start")[0]["payload"]["candidates_url"],
        CANDIDATES
    );
    for u in ["pmc1", "pmc2", "pmc3"] {
        env.ok(&["--as", u, "vote", "cast", "demo@1.0.0", "+1"]);
    }
    env.ok(&["--as", "rm", "vote", "close", "demo@1.0.0"]);
    env.ok(&["--as", "rm", "promote", "demo@1.0.0"]);
    env.ok(&[
        "--as",
        "rm",
        "publish",
        "pub",
        "--key",
        "rm.sec.asc",
        "--base-url",
        "https://dlcdn.example.org/dist/",
        "--canonical-url",
        "https://downloads.example.org/",
    ]);
    env.ok(&[
        "--as",
        "rm",
        "announce",
        "demo@1.0.0",
        "--send",
        "--to",
        "announce@apache.example.org",
    ]);
    let got = server.messages();
    assert_eq!(got.len(), 1);
    let b = &got[0].1.body;
    assert!(
        b.contains("Downloads: https://demo.example.org/download.html\n"),
        "the project's page first: {b}"
    );
    assert!(
        b.contains("KEYS file: https://downloads.example.org/demo/KEYS\n"),
        "KEYS where publish put it: {b}"
    );
}

/// A product leaves its candidates URL to its project: `vote start` on `demo/web@2.0.0` calls
/// the vote under the project's `candidates_url`, in the product's own directory.
#[test]
fn a_product_inherits_its_projects_candidates_url() {
    let env = TestEnv::with_rm_key();
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    env.ok(&["product", "create", "demo/web", "--name", "Web"]);
    env.ok(&[
        "project",
        "edit",
        "demo",
        "--candidates-url",
        "https://dist.example.org/dev/",
    ]);
    assert!(
        env.json(&["product", "show", "demo/web"])
            .get("candidates_url")
            .is_none()
    );
    env.write("dist/web-2.0.0-src.tar.gz", &clean_source());
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo/web@2.0.0",
        "dist",
        "--sign",
        "rm.sec.asc",
    ]);
    let out = env.ok(&["--as", "rm", "vote", "start", "demo/web@2.0.0"]);
    let mail = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let url = "https://dist.example.org/dev/demo/web/2.0.0-rc1/";
    assert!(
        mail.contains(&format!("The release candidate:\n\n  {url}\n")),
        "{mail}"
    );
    assert_eq!(
        events_of(&env, "vote.start")[0]["payload"]["candidates_url"],
        url
    );
}

/// The project's `download_url` travels in its `project.edit` event: a clone that only synced
/// announces with the same download page and KEYS.
#[test]
fn a_clone_that_only_synced_announces_with_the_projects_download_page() {
    use crate::sync::{T1, T2, three_clones};
    let server = SmtpServer::start("accept");
    let root = tempfile::tempdir().unwrap();
    let (a, b, _c) = three_clones(root.path());
    for u in ["pmc1", "pmc2", "pmc3"] {
        a.ok(T1, &["--as", u, "vote", "cast", "demo@1.0.0", "+1"]);
    }
    a.ok(T2, &["--as", "rm", "vote", "close", "demo@1.0.0"]);
    a.ok(T2, &["--as", "rm", "promote", "demo@1.0.0"]);
    a.ok(
        T2,
        &[
            "--as",
            "rm",
            "project",
            "edit",
            "demo",
            "--download-url",
            "https://downloads.example.org/demo/",
        ],
    );
    a.ok(T2, &["sync"]);
    b.ok(T2, &["sync"]);
    assert_eq!(
        b.json(T2, &["project", "show", "demo"]),
        a.json(T2, &["project", "show", "demo"])
    );
    configure_store(&b.dir.join(".relmgr"), server.port);
    b.ok(
        T2,
        &[
            "--as",
            "rm",
            "announce",
            "demo@1.0.0",
            "--send",
            "--to",
            "announce@apache.example.org",
        ],
    );
    let got = server.messages();
    assert_eq!(got.len(), 1);
    let body = &got[0].1.body;
    assert!(
        body.contains("Downloads: https://downloads.example.org/demo/\n"),
        "{body}"
    );
    assert!(
        body.contains("KEYS file: https://downloads.example.org/demo/KEYS\n"),
        "{body}"
    );
}

#[test]
fn without_send_nothing_is_sent_and_send_needs_its_settings() {
    let env = TestEnv::with_rm_key();
    staged(&env);
    let events = env.events();
    // --send without [smtp]: a usage error before anything changes.
    let err = env.fails(2, &["--as", "rm", "vote", "start", "demo@1.0.0", "--send"]);
    assert!(err.contains("[smtp]"), "{err}");
    assert_eq!(env.events(), events, "nothing changed");
    // security = "none" only to loopback.
    configure(&env, 2525);
    let path = env.store_dir().join("config.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("127.0.0.1", "mail.example.org");
    std::fs::write(&path, text).unwrap();
    let err = env.fails(2, &["--as", "rm", "vote", "start", "demo@1.0.0", "--send"]);
    assert!(err.contains("loopback"), "{err}");
    // A login without a password file.
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("mail.example.org", "127.0.0.1")
        + "user = \"rita\"\n";
    std::fs::write(&path, text).unwrap();
    let err = env.fails(2, &["--as", "rm", "vote", "start", "demo@1.0.0", "--send"]);
    assert!(err.contains("RELMGR_SMTP_PASSWORD_FILE"), "{err}");
    assert_eq!(env.events(), events, "nothing changed");
    // Without --send: the mail goes to stdout, as before, and no mail event; without a
    // candidates URL it says so on stderr.
    let out = env.ok(&["--as", "rm", "vote", "start", "demo@1.0.0"]);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.starts_with("Subject: [VOTE]"), "{stdout}");
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("warning: the [VOTE] mail does not say the candidate's URL"),
        "{stderr}"
    );
    assert!(events_of(&env, "mail.sent").is_empty());
}

/// Refused, down, dropped mid-DATA: exit 1 with the resend hint; the vote is started all the
/// same, no mail event is written; `mail resend` then sends the same mail.
#[test]
fn a_failed_send_keeps_the_change_and_says_how_to_resend() {
    let down_port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let refuse = SmtpServer::start("refuse");
    let drop = SmtpServer::start("drop");
    for (what, port) in [
        ("refused", refuse.port),
        ("down", down_port),
        ("dropped mid-DATA", drop.port),
    ] {
        let env = TestEnv::with_rm_key();
        staged(&env);
        configure(&env, port);
        let events = env.events();
        let err = env.fails(
            1,
            &[
                "--as",
                "rm",
                "vote",
                "start",
                "demo@1.0.0",
                "--candidates-url",
                CANDIDATES,
                "--send",
            ],
        );
        assert!(err.contains("sending the [VOTE] mail"), "{what}: {err}");
        let vote_start = events_of(&env, "vote.start");
        assert_eq!(vote_start.len(), 1, "{what}: the vote started");
        let seq = vote_start[0]["seq"].as_i64().unwrap();
        assert!(
            err.contains(&format!("relmgr mail resend {seq}")),
            "{what}: {err}"
        );
        assert_eq!(env.events(), events + 1, "{what}: only the command's event");
        assert_eq!(
            env.json(&["vote", "status", "demo@1.0.0"])["outcome"],
            "open"
        );
        // JSON errors carry the same.
        if what == "down" {
            let server = SmtpServer::start("accept");
            configure(&env, server.port);
            let r = env.json(&["--as", "rm", "mail", "resend", &seq.to_string()]);
            assert_eq!(r["about"], seq);
            assert_eq!(r["message_id"], "<relmgr.vote.demo.1.0.0.rc1@example.org>");
            let got = server.messages();
            assert_eq!(got.len(), 1);
            assert_eq!(
                got[0].1.header("subject"),
                "[VOTE] Release Demo 1.0.0 (rc1)"
            );
            assert_eq!(events_of(&env, "mail.sent").len(), 1);
            // Only events with a mail can be resent; only a release manager may.
            env.fails(5, &["--as", "rm", "mail", "resend", "1"]);
            env.fails(4, &["--as", "dev", "mail", "resend", &seq.to_string()]);
            env.fails(6, &["--as", "rm", "mail", "resend", "9999"]);
        }
    }
}

/// A server that greets with a `220-` line every half second never lets relmgr speak; each
/// line resets a per-read timeout, so only the overall deadline (here `[net] smtp_deadline =
/// 2`, then `$RELMGR_NET_DEADLINE`) ends the send: exit 1, the reason and the resend hint.
#[test]
fn a_server_that_never_finishes_its_greeting_meets_the_deadline() {
    let slow = SmtpServer::start("slow220");
    let env = TestEnv::with_rm_key();
    staged(&env);
    configure(&env, slow.port);
    let path = env.store_dir().join("config.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\n[net]\nsmtp_deadline = 2\n")).unwrap();
    let err = env.fails(
        1,
        &[
            "--as",
            "rm",
            "vote",
            "start",
            "demo@1.0.0",
            "--candidates-url",
            CANDIDATES,
            "--send",
        ],
    );
    assert!(err.contains("sending the [VOTE] mail"), "{err}");
    assert!(
        err.contains("the overall deadline of 2 s passed ([net] smtp_deadline)"),
        "{err}"
    );
    let seq = events_of(&env, "vote.start")[0]["seq"].as_i64().unwrap();
    assert!(err.contains(&format!("relmgr mail resend {seq}")), "{err}");
    let a = env
        .cmd()
        .env("RELMGR_NET_DEADLINE", "1")
        .args(["--as", "rm", "mail", "resend", &seq.to_string()])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(
        err.contains("the overall deadline of 1 s passed ($RELMGR_NET_DEADLINE)"),
        "{err}"
    );
    assert!(events_of(&env, "mail.sent").is_empty());
}
