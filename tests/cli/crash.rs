//! Crash safety: relmgr is killed at named points (`$RELMGR_TEST_KILL_AT`, an abort as abrupt
//! as `kill -9`) and with real SIGKILLs during a large `stage`; afterwards the change happened
//! whole or not at all, and `fsck --repair` leaves a sound store.

use std::time::Duration;

use crate::common::{TestEnv, clean_source};

fn killed_at(env: &TestEnv, point: &str, args: &[&str]) {
    let out = env
        .cmd()
        .env("RELMGR_TEST_KILL_AT", point)
        .args(args)
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "{point}: the process should have died"
    );
    assert_eq!(
        out.status.code(),
        None,
        "{point}: killed by a signal, not an exit"
    );
}

fn sound_after_repair(env: &TestEnv) {
    // --repair may still report findings it cannot fix (exit 3) but must never fail (exit 1).
    let code = env.run(&["fsck", "--repair"]).get_output().status.code();
    assert!(
        matches!(code, Some(0) | Some(3)),
        "fsck --repair exited {code:?}"
    );
    let r = env.json(&["fsck"]);
    assert_eq!(r["ok"], true, "{r}");
    let integrity: String = env
        .db()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

fn packages(env: &TestEnv) -> i64 {
    env.count("SELECT count(*) FROM packages")
}

#[test]
fn stage_is_whole_or_absent_at_every_kill_point() {
    for (point, lands) in [
        ("stage:objects-written", false),
        ("release.stage:before-commit", false),
        ("release.stage:after-commit", true),
        ("tree:half-built", true),
    ] {
        let env = TestEnv::with_rm_key();
        env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
        env.write("dist/demo-1.2.0.zip", b"more");
        let events = env.events();
        killed_at(
            &env,
            point,
            &[
                "--as",
                "rm",
                "stage",
                "demo@1.2.0",
                "dist",
                "--sign",
                "rm.sec.asc",
            ],
        );
        let expected = if lands { 2 } else { 0 };
        assert_eq!(packages(&env), expected, "{point}");
        assert_eq!(env.events(), events + i64::from(lands), "{point}");
        sound_after_repair(&env);
        if lands {
            assert_eq!(
                env.json(&["verify", "demo@1.2.0"])["ok"],
                true,
                "{point}: the tree is rebuilt"
            );
        }
        // And the command works when run again.
        env.ok(&[
            "--as",
            "rm",
            "stage",
            "demo@1.2.0",
            "dist",
            "--sign",
            "rm.sec.asc",
        ]);
        assert_eq!(env.json(&["fsck"])["ok"], true);
    }
}

#[test]
fn vote_cast_promote_and_publish_survive_kills() {
    let env = TestEnv::with_rm_key();
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    crate::common::stage_and_start_vote(&env);
    killed_at(
        &env,
        "vote.cast:before-commit",
        &["--as", "pmc1", "vote", "cast", "demo@1.2.0", "+1"],
    );
    assert_eq!(env.count("SELECT count(*) FROM ballots"), 0);
    for u in ["pmc1", "pmc2", "pmc3"] {
        env.ok(&["--as", u, "vote", "cast", "demo@1.2.0", "+1"]);
    }
    env.ok(&["--as", "rm", "vote", "close", "demo@1.2.0"]);
    killed_at(
        &env,
        "release.promote:before-commit",
        &["--as", "rm", "promote", "demo@1.2.0"],
    );
    assert_eq!(
        env.json(&["release", "show", "demo@1.2.0"])["stage"],
        "candidate"
    );
    env.ok(&["--as", "rm", "promote", "demo@1.2.0"]);
    let www = env.path().join("www");
    let w = www.to_str().unwrap();
    env.ok(&["--as", "rm", "publish", w, "--key", "rm.sec.asc"]);
    for point in [
        "publish:files-written",
        "publish:snapshot-written",
        "publish:before-commit",
    ] {
        killed_at(
            &env,
            point,
            &["--as", "rm", "publish", w, "--key", "rm.sec.asc"],
        );
        // Whatever the reader finds is consistent: the snapshot verifies and names only files
        // that are there.
        assert_eq!(
            env.json(&["verify", "--dir", www.join("demo").to_str().unwrap()])["ok"],
            true,
            "{point}"
        );
    }
    let again = env.json(&["--as", "rm", "publish", w, "--key", "rm.sec.asc"]);
    assert!(again["version"].as_u64().unwrap() >= 2);
    sound_after_repair(&env);
}

#[test]
fn real_sigkills_during_a_large_stage() {
    let env = TestEnv::with_rm_key();
    // 96 MiB, so the kills land while it is read, copied, hashed and signed.
    let big: Vec<u8> = (0..96u32 * 1024 * 1024)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    env.write("dist/demo-1.2.0-bin.tar.gz", &big);
    drop(big);
    let mut landed = 0;
    for delay_ms in [5u64, 30, 80, 150, 250, 400, 800, 2000] {
        let mut child = env
            .std_cmd()
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .args([
                "--as",
                "rm",
                "stage",
                &format!("demo@1.{delay_ms}.0"),
                "dist",
                "--sign",
                "rm.sec.asc",
            ])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let n: i64 = env.count(&format!(
            "SELECT count(*) FROM releases WHERE version = '1.{delay_ms}.0'"
        ));
        let p: i64 = env.count(&format!(
            "SELECT count(*) FROM packages p JOIN revisions v ON v.id = p.revision_id JOIN releases r ON r.id = v.release_id WHERE r.version = '1.{delay_ms}.0'"
        ));
        assert_eq!(
            n, p,
            "release and package land together or not at all ({delay_ms} ms)"
        );
        landed += p;
        sound_after_repair(&env);
    }
    // Every staged release that landed verifies.
    for r in env.json(&["release", "list"]).as_array().unwrap() {
        assert_eq!(
            env.json(&["verify", r["release"].as_str().unwrap()])["ok"],
            true
        );
    }
    eprintln!("{landed} of 8 killed stages had committed before the kill");
}

/// No secret key material reaches the store or its log, whatever a command was given.
#[test]
fn no_secret_key_material_in_the_store() {
    let env = TestEnv::with_rm_key();
    env.ok(&[
        "key",
        "import",
        &crate::common::fixture("keys/bob.sec.asc"),
        "--user",
        "pmc1",
    ]);
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    crate::common::stage_and_start_vote(&env);
    // Lines of the secret keys' armor bodies: none may appear anywhere in the store.
    let mut secrets: Vec<String> = Vec::new();
    for f in [
        env.path().join("rm.sec.asc"),
        std::path::PathBuf::from(crate::common::fixture("keys/bob.sec.asc")),
    ] {
        let text = std::fs::read_to_string(f).unwrap();
        secrets.extend(
            text.lines()
                .filter(|l| l.len() >= 60 && !l.starts_with("-----"))
                .map(str::to_string),
        );
    }
    // Public lines also occur in secret armor; keep only lines absent from every public export.
    let public = std::fs::read_to_string(crate::common::fixture("keys/bob.pub.asc")).unwrap()
        + &env.json(&["key", "list"]).to_string();
    secrets.retain(|l| !public.contains(l.as_str()));
    assert!(!secrets.is_empty());
    let _ = env.db().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);");
    for e in walkdir::WalkDir::new(env.store_dir()) {
        let e = e.unwrap();
        if !e.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(e.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("BEGIN PGP PRIVATE KEY BLOCK"),
            "{}",
            e.path().display()
        );
        for l in &secrets {
            assert!(
                !text.contains(l.as_str()),
                "secret material in {}",
                e.path().display()
            );
        }
    }
}

fn tmp_files(env: &TestEnv) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(env.store_dir().join("tmp")) {
        Ok(d) => d.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

/// A run killed while it writes an object leaves a temp file: debris of a dead process, not
/// corruption. fsck notes it and exits 0; the next writing command removes it.
#[test]
fn a_dead_runs_temp_file_is_a_note_and_the_next_write_removes_it() {
    let env = TestEnv::with_rm_key();
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    killed_at(
        &env,
        "stage:temp-written",
        &[
            "--as",
            "rm",
            "stage",
            "demo@1.2.0",
            "dist",
            "--sign",
            "rm.sec.asc",
        ],
    );
    assert_eq!(tmp_files(&env).len(), 1, "the kill left its temp file");
    let r = env.json(&["fsck"]);
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["findings"].as_array().unwrap().len(), 0, "{r}");
    let notes = r["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{r}");
    assert_eq!(notes[0]["kind"], "leftover");
    assert!(notes[0]["place"].as_str().unwrap().starts_with("tmp/"));
    // Human output says so, and exits 0.
    let human = env.ok(&["fsck"]).get_output().stdout.clone();
    let human = String::from_utf8(human).unwrap();
    assert!(human.contains("leftovers of interrupted runs"), "{human}");
    assert!(human.contains("The store is sound."), "{human}");

    env.ok(&["user", "add", "someone"]);
    assert_eq!(tmp_files(&env), Vec::<std::path::PathBuf>::new());
    let r = env.json(&["fsck"]);
    assert_eq!(r["notes"].as_array().unwrap().len(), 0, "{r}");
}

/// A temp file that a live process holds (its lock) is in use: neither a write nor
/// `fsck --repair` removes it. Once the process lets go, the next write does.
#[test]
fn a_live_runs_temp_file_is_never_removed() {
    let env = TestEnv::with_project();
    let tmp = env.store_dir().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let live = tmp.join("obj-1-live");
    std::fs::write(&live, b"being written").unwrap();
    let held = std::fs::File::open(&live).unwrap();
    held.lock_shared().unwrap();

    env.ok(&["user", "add", "someone"]);
    assert!(live.exists(), "a write removed a live temp file");
    let r = env.json(&["fsck", "--repair"]);
    assert_eq!(r["ok"], true, "{r}");
    let note = &r["notes"][0];
    assert!(note["problem"].as_str().unwrap().contains("in use"), "{r}");
    assert_eq!(note["repaired"], false);
    assert!(live.exists(), "fsck --repair removed a live temp file");

    drop(held);
    env.ok(&["user", "add", "someone-else"]);
    assert!(!live.exists());
}
