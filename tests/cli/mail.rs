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
            body: m.get_body().unwrap(),
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
    let path = env.store_dir().join("config.toml");
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

#[test]
fn vote_result_and_announce_mails_reach_a_real_server_threaded() {
    let server = SmtpServer::start("accept");
    let env = TestEnv::with_rm_key();
    staged(&env);
    configure(&env, server.port);
    let sha512 = env.json(&["release", "show", "demo@1.0.0"])["packages"][0]["sha512"]
        .as_str()
        .unwrap()
        .to_string();

    let start = env.json(&["--as", "rm", "vote", "start", "demo@1.0.0", "--send"]);
    assert_eq!(start["sent"]["kind"], "vote", "{start}");
    for u in ["pmc1", "pmc2", "pmc3"] {
        env.ok(&["--as", u, "vote", "cast", "demo@1.0.0", "+1"]);
    }
    env.ok(&["--as", "dev", "vote", "cast", "demo@1.0.0", "-1"]);
    let close = env.json(&["--as", "rm", "vote", "close", "demo@1.0.0", "--send"]);
    assert_eq!(close["outcome"], "passed");
    assert_eq!(close["sent"]["kind"], "result");
    env.ok(&["--as", "rm", "promote", "demo@1.0.0"]);
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
    assert_eq!(got.len(), 3, "three mails received");
    let (vote_to, vote) = &got[0];
    assert_eq!(vote_to, &["dev@demo.example.org"]);
    assert_eq!(vote.header("subject"), "[VOTE] Release Demo 1.0.0 (rc1)");
    let from = vote.header("from");
    assert!(
        from.contains("Rita RM") && from.ends_with("<rm@example.org>"),
        "{from}"
    );
    assert_eq!(vote.header("to"), "dev@demo.example.org");
    let vote_id = vote.header("message-id").to_string();
    assert_eq!(vote_id, "<relmgr.vote.demo.1.0.0.rc1@example.org>");
    assert!(vote.body.contains(&sha512), "{}", vote.body);
    assert!(vote.body.contains("[ ] +1 Release this package"));

    let (_, result) = &got[1];
    assert_eq!(
        result.header("subject"),
        "[RESULT] [VOTE] Release Demo 1.0.0 (rc1)"
    );
    assert_eq!(result.header("in-reply-to"), vote_id);
    assert_eq!(result.header("references"), vote_id);
    assert!(result.body.contains("has passed"), "{}", result.body);
    assert!(result.body.contains("Binding votes: +1: 3, 0: 0, -1: 0"));
    assert!(result.body.contains("+1: pmc1, pmc2, pmc3"));
    assert!(
        result
            .body
            .contains("Non-binding votes: +1: 0, 0: 0, -1: 1")
    );
    assert!(result.body.contains("-1: dev"));
    assert!(result.body.contains(&sha512));

    let (announce_to, announce) = &got[2];
    assert_eq!(announce_to, &["announce@apache.example.org"]);
    assert!(announce.header("subject").starts_with("[ANNOUNCE]"));
    assert!(announce.body.contains(&sha512));

    // Each send is an event: who, what, to whom, the Message-ID.
    let sent = events_of(&env, "mail.sent");
    assert_eq!(sent.len(), 3);
    assert_eq!(sent[0]["actor"], "rm");
    assert_eq!(sent[0]["payload"]["message_id"], vote_id.as_str());
    assert_eq!(sent[0]["payload"]["to"][0], "dev@demo.example.org");
    assert_eq!(sent[1]["payload"]["in_reply_to"], vote_id.as_str());
    assert_eq!(env.json(&["fsck"])["ok"], true, "the log replays");
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
    // Without --send: the mail goes to stdout, as before, and no mail event.
    let out = env.ok(&["--as", "rm", "vote", "start", "demo@1.0.0"]);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.starts_with("Subject: [VOTE]"), "{stdout}");
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
        let err = env.fails(1, &["--as", "rm", "vote", "start", "demo@1.0.0", "--send"]);
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
    let err = env.fails(1, &["--as", "rm", "vote", "start", "demo@1.0.0", "--send"]);
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
