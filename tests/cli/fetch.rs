//! `relmgr fetch` and `publish --candidates` (SPEC §6): a clone has the history but not the
//! package bytes. Simulated by a store whose `objects/` and `releases/` were emptied after
//! staging, signing and starting the vote: the commands that read bytes exit 6 with the fetch
//! hint, and `fetch` restores them — from a candidates tree, a directory of the raw files, a
//! store's `releases/` tree, and over HTTP from `python3 -m http.server` on 127.0.0.1 — verified
//! against the index. Bad bytes, truncated transfers and packages found nowhere store nothing.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use assert_cmd::assert::Assert;
use serde_json::Value;

use crate::common::{TestEnv, clean_source, repo};

const SRC: &str = "demo-1.2.0-src.tar.gz";
const BIN: &str = "demo-1.2.0-bin.dat";

fn bin_bytes() -> Vec<u8> {
    (0..200_000u32).map(|i| (i * 31 % 251) as u8).collect()
}

/// An HTTP server on 127.0.0.1 for one test; killed when dropped, also when the test panics.
pub(crate) struct Server {
    child: Child,
    port: u16,
}

impl Server {
    /// `python3 -m http.server` serving `dir`, on a free port (0: the kernel picks one).
    pub(crate) fn serving(dir: &Path) -> Server {
        let child = Command::new("python3")
            .args(["-u", "-m", "http.server", "0", "--bind", "127.0.0.1"])
            .arg("--directory")
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 must be installed");
        // "Serving HTTP on 127.0.0.1 port 40123 (http://127.0.0.1:40123/) ..."
        Server::started(child, |line| {
            line.split_whitespace()
                .skip_while(|w| *w != "port")
                .nth(1)
                .and_then(|p| p.parse().ok())
        })
    }

    /// `tests/support/http_faults.py MODE DIR`, which prints its port.
    fn faulty(mode: &str, dir: &Path) -> Server {
        let child = Command::new("python3")
            .arg("-u")
            .arg(repo().join("tests/support/http_faults.py"))
            .arg(mode)
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 must be installed");
        Server::started(child, |line| line.trim().parse().ok())
    }

    fn started(mut child: Child, port_of: impl Fn(&str) -> Option<u16>) -> Server {
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let Some(port) = port_of(&line) else {
            let _ = child.kill();
            panic!("the server said {line:?}, not its port");
        };
        let server = Server { child, port };
        // It printed its port once bound; wait until it also accepts (a bounded number of tries).
        for _ in 0..200 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return server;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        panic!("the server on port {port} never answered");
    }

    pub(crate) fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs relmgr with no proxy from the environment (the servers are on loopback).
fn run(env: &TestEnv, args: &[&str]) -> Assert {
    let mut c = env.cmd();
    for v in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        c.env_remove(v);
    }
    c.args(args).assert()
}

fn fetch_json(env: &TestEnv, from: &str) -> Value {
    let out = run(env, &["--json", "fetch", "demo@1.2.0", "--from", from])
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn fails(env: &TestEnv, code: i32, args: &[&str]) -> String {
    let a = run(env, args).code(code);
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

/// demo@1.2.0 rc1 staged (a clean source archive and a binary), signed by rm and under vote,
/// written to `cand/` by `publish --candidates`; the raw files are in `dist/`, and a copy of the
/// store's `releases/` tree in `tree-copy/`.
fn voting() -> TestEnv {
    let env = TestEnv::with_rm_key();
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    env.write(&format!("dist/{SRC}"), &clean_source());
    env.write(&format!("dist/{BIN}"), &bin_bytes());
    crate::common::stage_and_start_vote(&env);
    env.ok(&["--as", "rm", "publish", "cand", "--candidates"]);
    copy_dir(
        &env.store_dir().join("releases"),
        &env.path().join("tree-copy"),
    );
    env
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// Empties `objects/` and `releases/`, as in a clone that has the history and no bytes.
fn drop_bytes(env: &TestEnv) {
    for sub in ["objects", "releases"] {
        let d = env.store_dir().join(sub);
        std::fs::remove_dir_all(&d).unwrap();
        std::fs::create_dir(&d).unwrap();
    }
}

/// The files under `objects/` and `tmp/`.
fn stored(env: &TestEnv) -> (usize, usize) {
    let count = |sub: &str| {
        walkdir::WalkDir::new(env.store_dir().join(sub))
            .into_iter()
            .filter(|e| e.as_ref().is_ok_and(|e| e.file_type().is_file()))
            .count()
    };
    (count("objects"), count("tmp"))
}

fn tree_dir(env: &TestEnv) -> PathBuf {
    env.store_dir().join("releases/demo/1.2.0/rc1")
}

/// `verify` passes and `sha512sum -c` passes in the rebuilt tree.
fn assert_restored(env: &TestEnv) {
    let v = env.json(&["verify", "demo@1.2.0"]);
    assert_eq!(v["ok"], true, "{v}");
    let out = Command::new("sha512sum")
        .args(["-c", &format!("{SRC}.sha512"), &format!("{BIN}.sha512")])
        .current_dir(tree_dir(env))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "sha512sum -c: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(tree_dir(env).join(format!("{SRC}.asc")).is_file());
}

fn names(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().or(x["name"].as_str()).unwrap())
        .collect()
}

#[test]
fn commands_that_need_missing_bytes_exit_6_with_the_fetch_hint() {
    let env = voting();
    drop_bytes(&env);
    for args in [
        vec!["check", "demo@1.2.0"],
        vec!["verify", "demo@1.2.0"],
        vec!["sbom", "demo@1.2.0", "--format", "spdx"],
        vec!["--as", "rm", "publish", "again", "--candidates"],
    ] {
        let err = env.fails(6, &args);
        assert!(err.contains(BIN) && err.contains(SRC), "{args:?}: {err}");
        assert!(
            err.contains("hint: relmgr fetch demo@1.2.0 --from DIR|URL"),
            "{args:?}: {err}"
        );
    }
    let out = env.run(&["--json", "verify", "demo@1.2.0"]).code(6);
    let doc: Value = serde_json::from_slice(&out.get_output().stderr).unwrap();
    assert_eq!(doc["error"]["code"], "not-found", "{doc}");
    assert_eq!(
        doc["error"]["details"]["missing"],
        serde_json::json!([BIN, SRC])
    );
    assert!(!env.path().join("again").exists());
}

#[test]
fn a_missing_older_revision_names_it_in_the_hint() {
    let env = voting();
    env.write("dist2/demo-1.2.0-extra.txt", b"more");
    env.ok(&["--as", "rm", "stage", "demo@1.2.0", "dist2"]);
    // rc2 shares the objects of rc1: emptying objects/ leaves both without bytes.
    drop_bytes(&env);
    let err = env.fails(6, &["verify", "demo@1.2.0", "--revision", "rc1"]);
    assert!(
        err.contains("relmgr fetch demo@1.2.0 --revision rc1 --from DIR|URL"),
        "{err}"
    );
}

#[test]
fn fetch_from_the_candidates_dir_restores_the_bytes_and_the_tree() {
    let env = voting();
    drop_bytes(&env);
    let v = fetch_json(&env, "cand");
    assert_eq!(v["release"], "demo@1.2.0");
    assert_eq!(v["revision"], "rc1");
    assert_eq!(names(&v["fetched"]), [BIN, SRC], "{v}");
    assert_eq!(v["fetched"][0]["size"], 200_000);
    let source = v["fetched"][0]["source"].as_str().unwrap();
    assert!(
        source.ends_with(&format!("cand/demo/1.2.0-rc1/{BIN}")),
        "{v}"
    );
    assert_eq!(v["present"], serde_json::json!([]));
    assert_eq!(stored(&env), (2, 0));
    assert_restored(&env);
    env.ok(&["check", "demo@1.2.0"]);
    env.ok(&["sbom", "demo@1.2.0", "--format", "cyclonedx"]);

    // Again: nothing to fetch, and the human form says so.
    let v = fetch_json(&env, "cand");
    assert_eq!(v["fetched"], serde_json::json!([]));
    assert_eq!(names(&v["present"]), [BIN, SRC]);
    let out = run(&env, &["fetch", "demo@1.2.0", "--from", "cand"]).success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("Nothing to fetch") && text.contains("2 already present"),
        "{text}"
    );
}

#[test]
fn fetch_from_raw_files_and_from_a_store_tree() {
    let env = voting();
    drop_bytes(&env);
    let v = fetch_json(&env, "dist");
    assert!(
        v["fetched"][1]["source"]
            .as_str()
            .unwrap()
            .ends_with(&format!("dist/{SRC}")),
        "{v}"
    );
    assert_restored(&env);

    // Only one object missing: one fetched, one present; the store's own tree layout.
    let show = env.json(&["release", "show", "demo@1.2.0"]);
    assert_eq!(show["packages"][0]["name"], BIN);
    let sha256 = show["packages"][0]["sha256"].as_str().unwrap();
    std::fs::remove_file(env.store_dir().join(format!(
        "objects/sha256/{}/{}",
        &sha256[..2],
        &sha256[2..]
    )))
    .unwrap();
    std::fs::remove_dir_all(env.store_dir().join("releases")).unwrap();
    let v = fetch_json(&env, "tree-copy");
    assert_eq!(names(&v["fetched"]), [BIN], "{v}");
    assert!(
        v["fetched"][0]["source"]
            .as_str()
            .unwrap()
            .ends_with(&format!("tree-copy/demo/1.2.0/rc1/{BIN}")),
        "{v}"
    );
    assert_eq!(names(&v["present"]), [SRC]);
    assert_restored(&env);
}

#[test]
fn fetch_over_http_from_a_candidates_tree() {
    let env = voting();
    drop_bytes(&env);
    let server = Server::serving(&env.path().join("cand"));
    let v = fetch_json(&env, &server.url());
    assert_eq!(names(&v["fetched"]), [BIN, SRC], "{v}");
    assert_eq!(
        v["fetched"][0]["source"],
        format!("{}demo/1.2.0-rc1/{BIN}", server.url())
    );
    assert_restored(&env);

    // A base URL without the trailing slash, over the raw files.
    drop_bytes(&env);
    let server = Server::serving(env.path());
    let v = fetch_json(&env, &format!("{}dist", server.url()));
    assert_eq!(
        v["fetched"][0]["source"],
        format!("{}dist/{BIN}", server.url())
    );
    assert_restored(&env);
}

#[test]
fn wrong_bytes_exit_3_name_the_file_and_store_nothing() {
    let env = voting();
    drop_bytes(&env);
    // Same size, other bytes, over HTTP: the source archive is fine, and still nothing lands.
    let bad = env.path().join("bad");
    copy_dir(&env.path().join("cand"), &bad);
    let mut bytes = bin_bytes();
    bytes[100_000] ^= 0xff;
    let pkg = bad.join(format!("demo/1.2.0-rc1/{BIN}"));
    std::fs::write(&pkg, &bytes).unwrap();
    let server = Server::serving(&bad);
    let err = fails(&env, 3, &["fetch", "demo@1.2.0", "--from", &server.url()]);
    assert!(err.contains(BIN) && err.contains("do not match"), "{err}");
    assert_eq!(stored(&env), (0, 0), "nothing stored, no temp file left");
    env.fails(6, &["verify", "demo@1.2.0"]);

    // Another size, in a directory: refused before reading.
    std::fs::write(&pkg, b"short").unwrap();
    let err = fails(&env, 3, &["fetch", "demo@1.2.0", "--from", "bad"]);
    assert!(err.contains(BIN) && err.contains("5 bytes"), "{err}");
    assert_eq!(stored(&env), (0, 0));
}

#[test]
fn a_truncated_download_exits_3_and_stores_nothing() {
    let env = voting();
    drop_bytes(&env);
    let server = Server::faulty("truncate", &env.path().join("cand"));
    let err = fails(&env, 3, &["fetch", "demo@1.2.0", "--from", &server.url()]);
    assert!(err.contains("truncated"), "{err}");
    assert!(err.contains(BIN) || err.contains(SRC), "{err}");
    assert_eq!(stored(&env), (0, 0));
    let err = fails(
        &env,
        3,
        &["--json", "fetch", "demo@1.2.0", "--from", &server.url()],
    );
    let doc: Value = serde_json::from_str(&err).unwrap();
    assert_eq!(doc["error"]["code"], "verification-failed", "{doc}");
    assert_eq!(doc["error"]["details"]["truncated"], true, "{doc}");
    assert_eq!(stored(&env), (0, 0));
}

#[test]
fn not_found_anywhere_exits_6_and_an_http_error_exits_1() {
    let env = voting();
    drop_bytes(&env);
    std::fs::create_dir(env.path().join("empty")).unwrap();
    let err = fails(&env, 6, &["fetch", "demo@1.2.0", "--from", "empty"]);
    assert!(
        err.contains(BIN) && err.contains(&format!("demo/1.2.0-rc1/{BIN}")),
        "{err}"
    );
    let server = Server::serving(&env.path().join("empty"));
    let err = fails(&env, 6, &["fetch", "demo@1.2.0", "--from", &server.url()]);
    assert!(err.contains(BIN) && err.contains(&server.url()), "{err}");
    assert_eq!(stored(&env), (0, 0));

    let broken = Server::faulty("status500", &env.path().join("cand"));
    let err = fails(&env, 1, &["fetch", "demo@1.2.0", "--from", &broken.url()]);
    assert!(err.contains("HTTP 500"), "{err}");
    assert_eq!(stored(&env), (0, 0));
}

#[test]
fn bad_origins_and_unknown_revisions_are_refused() {
    let env = voting();
    drop_bytes(&env);
    let err = fails(
        &env,
        2,
        &["fetch", "demo@1.2.0", "--from", "ftp://example.org/dev"],
    );
    assert!(
        err.contains("http(s)://") && err.contains("ftp://"),
        "{err}"
    );
    let err = fails(&env, 6, &["fetch", "demo@1.2.0", "--from", "no-such-dir"]);
    assert!(
        err.contains("no-such-dir") && err.contains("no such directory"),
        "{err}"
    );
    let err = fails(&env, 2, &["fetch", "demo@1.2.0", "--from", "rm.sec.asc"]);
    assert!(err.contains("not a directory"), "{err}");
    let err = fails(
        &env,
        6,
        &["fetch", "demo@1.2.0", "--revision", "rc9", "--from", "cand"],
    );
    assert!(err.contains("rc9"), "{err}");
    env.fails(6, &["fetch", "demo@9.9.9", "--from", "cand"]);
    env.fails(2, &["fetch", "demo@1.2.0"]);
    assert_eq!(stored(&env), (0, 0));
}

#[test]
fn external_packages_are_skipped() {
    let env = TestEnv::with_rm_key();
    env.write(&format!("dist/{BIN}"), &bin_bytes());
    env.ok(&["--as", "rm", "stage", "demo@1.2.0", "dist"]);
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "--external",
        "https://mirror.example.org/demo-1.2.0.iso",
        "--sha256",
        &"ab".repeat(32),
        "--size",
        "1000",
    ]);
    drop_bytes(&env);
    let v = fetch_json(&env, "dist");
    assert_eq!(names(&v["fetched"]), [BIN], "{v}");
    assert_eq!(names(&v["external"]), ["demo-1.2.0.iso"], "{v}");
    assert_eq!(stored(&env).0, 1);
    assert!(tree_dir(&env).join(BIN).is_file());
}

#[test]
fn publish_candidates_writes_the_revisions_under_vote() {
    let env = voting();
    let dir = env.path().join("cand/demo/1.2.0-rc1");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "KEYS",
            BIN,
            &format!("{BIN}.asc"),
            &format!("{BIN}.sha512"),
            SRC,
            &format!("{SRC}.asc"),
            &format!("{SRC}.sha512"),
        ]
    );
    for f in [SRC, BIN] {
        assert_eq!(
            std::fs::read(dir.join(f)).unwrap(),
            std::fs::read(tree_dir(&env).join(f)).unwrap()
        );
        assert_eq!(
            std::fs::read(dir.join(format!("{f}.asc"))).unwrap(),
            std::fs::read(tree_dir(&env).join(format!("{f}.asc"))).unwrap()
        );
    }
    let ok = Command::new("sha512sum")
        .args(["-c", &format!("{SRC}.sha512"), &format!("{BIN}.sha512")])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(ok.status.success());
    // Voters verify the directory with the KEYS beside the packages.
    let v = env.json(&["verify", "--dir", dir.to_str().unwrap()]);
    assert_eq!(v["ok"], true, "{v}");

    // Incremental, and the store does not change.
    let events = env.events();
    let v = env.json(&["--as", "rm", "publish", "cand", "--candidates"]);
    assert_eq!(v["written"], 0, "{v}");
    assert_eq!(v["unchanged"], 7, "{v}");
    assert_eq!(v["candidates"][0]["path"], "demo/1.2.0-rc1");
    assert_eq!(env.events(), events);

    // Who may, and what else is refused.
    env.fails(4, &["--as", "guest", "publish", "x", "--candidates"]);
    env.fails(
        2,
        &[
            "--as",
            "rm",
            "publish",
            "x",
            "--candidates",
            "--key",
            "rm.sec.asc",
        ],
    );
    env.fails(2, &["--as", "rm", "publish", "x"]);
    // A draft is not under vote.
    env.write("dist2/demo-1.3.0-src.tar.gz", &clean_source());
    env.ok(&["--as", "rm", "stage", "demo@1.3.0", "dist2"]);
    env.json(&["--as", "rm", "publish", "only", "demo", "--candidates"]);
    assert!(!env.path().join("only/demo/1.3.0-rc1").exists());
    assert!(env.path().join("only/demo/1.2.0-rc1").is_dir());
}

#[test]
fn publish_candidates_with_nothing_under_vote_is_a_wrong_state() {
    let env = TestEnv::with_rm_key();
    let err = env.fails(5, &["--as", "rm", "publish", "x", "--candidates"]);
    assert!(err.contains("under vote"), "{err}");
}

#[test]
fn the_proxy_of_the_environment_is_used() {
    let env = voting();
    drop_bytes(&env);
    let server = Server::serving(&env.path().join("cand"));
    // A proxy that is down: the fetch goes to it, not to the server, and fails.
    let a = env
        .cmd()
        .env("HTTP_PROXY", "http://127.0.0.1:1")
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .args(["fetch", "demo@1.2.0", "--from", &server.url()])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(
        err.contains("while fetching") && err.contains("through the proxy 127.0.0.1:1"),
        "{err}"
    );
    assert_eq!(stored(&env), (0, 0));
    // NO_PROXY lets it through.
    env.cmd()
        .env("HTTP_PROXY", "http://127.0.0.1:1")
        .env("NO_PROXY", "127.0.0.1")
        .args(["fetch", "demo@1.2.0", "--from", &server.url()])
        .assert()
        .success();
    assert_restored(&env);
}

/// A server that drips one byte every half second would hold `fetch` for days: the overall
/// deadline (`$RELMGR_NET_DEADLINE`, here 2 s) ends it with exit 1, the reason, and nothing
/// stored.
#[test]
fn a_dripping_server_meets_the_deadline_and_exits_1() {
    let env = voting();
    drop_bytes(&env);
    let server = Server::faulty("drip", &env.path().join("cand"));
    let mut c = env.cmd();
    for v in ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"] {
        c.env_remove(v);
    }
    c.env_remove("ALL_PROXY").env_remove("all_proxy");
    let a = c
        .env("RELMGR_NET_DEADLINE", "2")
        .args(["fetch", "demo@1.2.0", "--from", &server.url()])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(
        err.contains("deadline of 2 s passed ($RELMGR_NET_DEADLINE)"),
        "{err}"
    );
    assert!(err.contains("nothing was stored"), "{err}");
    assert_eq!(stored(&env), (0, 0));
    // A value that is not a number of seconds is a usage error.
    let a = env
        .cmd()
        .env("RELMGR_NET_DEADLINE", "2s")
        .args(["fetch", "demo@1.2.0", "--from", &server.url()])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(err.contains("RELMGR_NET_DEADLINE"), "{err}");
}
