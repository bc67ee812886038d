//! The sealed test environment: a temp dir per test, a fixed clock, no colour, a fixed width,
//! no inherited RELMGR_* variables, and helpers that read the store's SQLite directly.

#![allow(dead_code)]

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::assert::Assert;
use serde_json::Value;
use tempfile::TempDir;

/// After the committed fixture keys were made (2026-11-23), so they can sign.
pub const T0: &str = "2027-01-05T10:00:00Z";

/// Before the real clock (and after the fixture keys were made): for scenarios judged by `sqv`,
/// which checks signatures against the real clock and so refuses ones made at [`T0`].
pub const PAST: &str = "2026-11-24T12:00:00Z";

pub struct TestEnv {
    pub dir: TempDir,
    now: RefCell<String>,
    user: RefCell<Option<String>>,
    /// Whether the store's log must replay to its index when the test ends (see `Drop`).
    replays: std::cell::Cell<bool>,
}

impl TestEnv {
    /// An empty temp dir, no store.
    pub fn bare() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().unwrap(),
            now: RefCell::new(T0.to_string()),
            user: RefCell::new(None),
            replays: std::cell::Cell::new(true),
        }
    }

    /// A store whose admin is `admin`.
    pub fn new() -> TestEnv {
        TestEnv::new_at(T0)
    }

    /// A store whose admin is `admin`, made at `now` (which stays set).
    pub fn new_at(now: &str) -> TestEnv {
        let env = TestEnv::bare();
        env.set_now(now);
        env.run(&[
            "init",
            "--user",
            "admin",
            "--name",
            "Ada Admin",
            "--email",
            "ada@example.org",
        ])
        .success();
        env
    }

    /// A store with project `demo` (Apache-2.0), `pmc1..pmc3` PMC members, `rm` release
    /// manager, `dev` committer, `guest` with no role.
    pub fn with_project() -> TestEnv {
        TestEnv::with_project_at(T0)
    }

    /// [`with_project`](Self::with_project), made at `now` (which stays set).
    pub fn with_project_at(now: &str) -> TestEnv {
        let env = TestEnv::new_at(now);
        env.ok(&[
            "project",
            "create",
            "demo",
            "--name",
            "Demo",
            "--license",
            "Apache-2.0",
            "--homepage",
            "https://demo.example.org",
        ]);
        for (u, role) in [
            ("pmc1", Some("pmc")),
            ("pmc2", Some("pmc")),
            ("pmc3", Some("pmc")),
            ("rm", Some("rm")),
            ("dev", Some("committer")),
            ("guest", None),
        ] {
            env.ok(&["user", "add", u]);
            if let Some(role) = role {
                env.ok(&["role", "grant", "demo", u, role]);
            }
        }
        env
    }

    /// `with_project`, plus an Ed25519 signing key generated for `rm` in `rm.sec.asc`.
    pub fn with_rm_key() -> TestEnv {
        let env = TestEnv::with_project();
        env.ok(&[
            "--as",
            "rm",
            "key",
            "generate",
            "--user",
            "rm",
            "-o",
            "rm.sec.asc",
        ]);
        env
    }

    /// The test changes the store behind relmgr's back (tampering, killed runs): its log need
    /// not replay to its index at the end.
    pub fn tampered(&self) {
        self.replays.set(false);
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn store_dir(&self) -> PathBuf {
        self.path().join(".relmgr")
    }

    /// Sets $RELMGR_NOW for the following commands.
    pub fn set_now(&self, t: &str) {
        *self.now.borrow_mut() = t.to_string();
    }

    /// Sets the acting user (`--as`) for the following commands; None = config's user.
    pub fn act_as(&self, user: Option<&str>) {
        *self.user.borrow_mut() = user.map(str::to_string);
    }

    /// A std command in the test dir with a sealed environment (for spawning and killing).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("relmgr"));
        c.current_dir(self.path())
            .env_remove("RELMGR_STORE")
            .env_remove("RELMGR_USER")
            .env_remove("RELMGR_PASSPHRASE_FILE")
            .env_remove("RELMGR_TEST_KILL_AT")
            .env_remove("SOURCE_DATE_EPOCH")
            .env("HOME", self.path())
            .env("RELMGR_NOW", self.now.borrow().as_str())
            .env("NO_COLOR", "1")
            .env("COLUMNS", "200")
            .env("CI", "1");
        if let Some(u) = self.user.borrow().as_ref() {
            c.env("RELMGR_USER", u);
        }
        c
    }

    /// A command in the test dir with a sealed environment.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    pub fn run(&self, args: &[&str]) -> Assert {
        self.cmd().args(args).assert()
    }

    /// Runs and asserts success.
    pub fn ok(&self, args: &[&str]) -> Assert {
        self.run(args).success()
    }

    /// Runs as `user` and returns the assertion.
    pub fn run_as(&self, user: &str, args: &[&str]) -> Assert {
        let mut full = vec!["--as", user];
        full.extend_from_slice(args);
        self.run(&full)
    }

    /// Runs with --json, asserts success, parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut full = vec!["--json"];
        full.extend_from_slice(args);
        let out = self.ok(&full).get_output().stdout.clone();
        serde_json::from_slice(&out)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out)))
    }

    /// Asserts the exit code and returns stderr.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let a = self.run(args).code(code);
        String::from_utf8_lossy(&a.get_output().stderr).into_owned()
    }

    pub fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.store_dir().join("index.db")).unwrap()
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.db().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    pub fn events(&self) -> i64 {
        self.count("SELECT count(*) FROM events")
    }

    /// Writes a file under the test dir and returns its path as a string.
    pub fn write(&self, rel: &str, content: &[u8]) -> String {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, content).unwrap();
        p.to_string_lossy().into_owned()
    }
}

/// The repository root (for fixtures/).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> String {
    repo()
        .join("fixtures")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

/// A throwaway GnuPG home for interop tests; its agent is stopped on drop.
pub struct Gpg {
    pub home: TempDir,
}

impl Gpg {
    pub fn new() -> Gpg {
        let home = tempfile::tempdir().unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        Gpg { home }
    }

    /// Runs gpg in batch mode with this home; returns (success, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (bool, String, String) {
        let out = std::process::Command::new("gpg")
            .env("GNUPGHOME", self.home.path())
            // Tests run on relmgr's fake clock ($RELMGR_NOW), which may lie ahead of the real
            // one: keys and signatures "from the future" are expected here.
            .args([
                "--batch",
                "--yes",
                "--no-tty",
                "--ignore-time-conflict",
                "--ignore-valid-from",
            ])
            .args(args)
            .output()
            .expect("gpg must be installed (.ci/run installs it)");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Runs gpg and asserts success.
    pub fn ok(&self, args: &[&str]) -> String {
        let (ok, out, err) = self.run(args);
        assert!(ok, "gpg {args:?} failed: {err}");
        out + &err
    }

    /// Fingerprints of the public keys in the keyring.
    pub fn fingerprints(&self) -> Vec<String> {
        let (_, out, _) = self.run(&["--with-colons", "--list-keys"]);
        let mut fprs = Vec::new();
        let mut want = false;
        for line in out.lines() {
            if line.starts_with("pub:") {
                want = true;
            } else if line.starts_with("fpr:") && want {
                fprs.push(line.split(':').nth(9).unwrap_or("").to_string());
                want = false;
            } else if line.starts_with("sub:") {
                want = false;
            }
        }
        fprs.sort();
        fprs
    }
}

/// Every scenario's log replays to its live index, table by table (one state machine: what the
/// commands did is what replaying their events does). Checked when each test's store goes away,
/// by `fsck`'s replay, unless the test tampered with the store on purpose.
impl Drop for TestEnv {
    fn drop(&mut self) {
        if std::thread::panicking()
            || !self.replays.get()
            || !self.store_dir().join("index.db").is_file()
        {
            return;
        }
        let out = self
            .std_cmd()
            .env_remove("RELMGR_USER")
            .args(["--json", "--as", "admin", "fsck"])
            .output()
            .expect("relmgr runs");
        let Ok(report) = serde_json::from_slice::<Value>(&out.stdout) else {
            return; // no admin, or no store a user may read: nothing to compare
        };
        let broken: Vec<&Value> = report["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["kind"] == "replay" || f["kind"] == "events")
            .collect();
        assert!(
            broken.is_empty(),
            "the log does not replay to the index: {broken:#?}"
        );
    }
}

impl Drop for Gpg {
    fn drop(&mut self) {
        let _ = std::process::Command::new("gpgconf")
            .env("GNUPGHOME", self.home.path())
            .args(["--kill", "all"])
            .output();
    }
}

/// As `rm`, stages `dist/` into demo@1.2.0 signed with `rm.sec.asc`, then starts its vote:
/// the candidate most scenarios start from.
pub fn stage_and_start_vote(env: &TestEnv) {
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "dist",
        "--sign",
        "rm.sec.asc",
    ]);
    env.ok(&["--as", "rm", "vote", "start", "demo@1.2.0"]);
}

/// As `rm`, stages a clean source archive (`d/demo-1.0.0-src.tar.gz` for `demo@1.0.0`) into
/// `release`, signed with `rm.sec.asc`.
pub fn stage_clean_source(env: &TestEnv, release: &str) {
    let file = format!("d/{}-src.tar.gz", release.replace('@', "-"));
    env.write(&file, &clean_source());
    env.ok(&["--as", "rm", "stage", release, "d", "--sign", "rm.sec.asc"]);
}

/// A clean source release archive (LICENSE, NOTICE, headers): passes every release check.
pub fn clean_source() -> Vec<u8> {
    std::fs::read(fixture("checks/demo-1.2.0-src.tar.gz")).unwrap()
}

/// Runs Sequoia's `sqv` (a second judge beside gpg): `sqv --keyring K... [-n N] SIG DATA`.
/// Returns (success, stdout: the fingerprints of the good signatures, stderr). sqv judges by the
/// real clock: sign at [`PAST`]. A missing sqv fails the test (`.ci/run` installs it).
pub fn sqv(keyrings: &[&Path], n: usize, sig: &Path, data: &Path) -> (bool, String, String) {
    let mut c = std::process::Command::new("sqv");
    c.args(["-n", &n.to_string()]);
    for k in keyrings {
        c.arg("--keyring").arg(k);
    }
    let out = c.arg(sig).arg(data).output().unwrap_or_else(|e| {
        panic!("sqv must be installed (Debian package sqv; .ci/run installs it): {e}")
    });
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `sqv` that must pass; returns the fingerprints of the good signatures, sorted.
pub fn sqv_ok(keyrings: &[&Path], n: usize, sig: &Path, data: &Path) -> Vec<String> {
    let (ok, out, err) = sqv(keyrings, n, sig, data);
    assert!(
        ok,
        "sqv -n {n} {} {} failed: {err}",
        sig.display(),
        data.display()
    );
    let mut fprs: Vec<String> = out.lines().map(|l| l.trim().to_uppercase()).collect();
    fprs.sort();
    fprs
}
