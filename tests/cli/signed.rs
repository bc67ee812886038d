//! Signed history (SPEC §7): events signed by their actor's key, judged by `gpg` and `sqv`.

use std::path::Path;

use crate::common::{Gpg, PAST, TestEnv, clean_source, sqv_ok};

/// demo@1.2.0 rc1 staged, signed and under vote (min-hours 0), with keys for rm and pmc1, and
/// the policy `--signed-events binding`. Made at [`PAST`] so that `sqv` (real clock) judges it.
fn signed_env() -> TestEnv {
    let env = TestEnv::with_project_at(PAST);
    for u in ["rm", "pmc1"] {
        env.ok(&[
            "--as",
            u,
            "key",
            "generate",
            "--user",
            u,
            "-o",
            &format!("{u}.sec.asc"),
        ]);
    }
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
    crate::common::stage_and_start_vote(&env);
    // Whoever sets a signing policy holds a usable key (as an admin must).
    env.ok(&["key", "generate", "--user", "admin", "-o", "admin.sec.asc"]);
    env.ok(&[
        "policy",
        "set",
        "demo",
        "--signed-events",
        "binding",
        "--min-hours",
        "0",
    ]);
    env
}

const ADD_CVE: &[&str] = &[
    "cve",
    "add",
    "CVE-2026-0001",
    "--title",
    "x",
    "--date",
    "2026-01-01",
];

fn as_with_key(env: &TestEnv, user: &str, key: Option<&str>, args: &[&str]) -> (i32, String) {
    let mut c = env.cmd();
    c.args(["--as", user]).args(args);
    if let Some(k) = key {
        c.env("RELMGR_SIGNING_KEY", env.path().join(k));
    }
    let out = c.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn under_binding_a_vote_needs_its_voters_own_key_and_verifies_with_gpg_and_sqv() {
    let env = signed_env();
    let cast = ["vote", "cast", "demo@1.2.0", "+1"];
    let before = env.events();
    // Someone else's key: refused.
    let (code, err) = as_with_key(&env, "pmc1", Some("rm.sec.asc"), &cast);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("belongs to rm"), "{err}");
    // No key: refused, with the hint.
    let (code, err) = as_with_key(&env, "pmc1", None, &cast);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("signing_key"), "{err}");
    assert_eq!(env.events(), before, "nothing recorded");
    // Their own key: recorded, signed.
    let (code, err) = as_with_key(&env, "pmc1", Some("pmc1.sec.asc"), &cast);
    assert_eq!(code, 0, "{err}");
    let log = env.json(&["log", "demo"]);
    let e = log.as_array().unwrap().last().unwrap().clone();
    assert_eq!(e["type"], "vote.cast");
    assert!(
        e["signature"]
            .as_str()
            .unwrap()
            .contains("BEGIN PGP SIGNATURE")
    );
    let pmc1_fpr = env.json(&["key", "list", "--user", "pmc1"])[0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(e["signer"], pmc1_fpr.as_str());
    // Exported, it verifies without relmgr: gpg and sqv.
    let seq = e["seq"].to_string();
    let out = env.path().join("export");
    let x = env.json(&["log", "--event", &seq, "--export", out.to_str().unwrap()]);
    let (record, sig) = (
        Path::new(x["record"].as_str().unwrap()).to_path_buf(),
        Path::new(x["signature"].as_str().unwrap()).to_path_buf(),
    );
    assert_eq!(record, out.join(format!("event-{seq}.json")));
    let keys = env.path().join("KEYS");
    env.ok(&["key", "export", "demo", "-o", keys.to_str().unwrap()]);
    let gpg = Gpg::new();
    gpg.ok(&["--import", keys.to_str().unwrap()]);
    let verdict = gpg.ok(&["--verify", sig.to_str().unwrap(), record.to_str().unwrap()]);
    assert!(verdict.contains("Good signature"), "{verdict}");
    assert_eq!(
        sqv_ok(&[&keys], 1, &sig, &record),
        std::slice::from_ref(&pmc1_fpr)
    );
    // The exported bytes are the event's canonical record: its SHA-256 is the event's hash.
    let bytes = std::fs::read(&record).unwrap();
    use sha2::Digest;
    assert_eq!(
        hex::encode(sha2::Sha256::digest(&bytes)),
        e["hash"].as_str().unwrap()
    );
    // Editing the record breaks the signature for gpg.
    std::fs::write(
        &record,
        String::from_utf8(bytes).unwrap().replace("+1", "-1"),
    )
    .unwrap();
    let (ok, _, _) = gpg.run(&["--verify", sig.to_str().unwrap(), record.to_str().unwrap()]);
    assert!(!ok, "gpg refuses an edited event");
    // vote cast --sign is the same mechanism: the event is signed with that key.
    env.set_now("2026-11-24T12:05:00Z");
    let r = env.json(&[
        "--as",
        "pmc1",
        "vote",
        "cast",
        "demo@1.2.0",
        "0",
        "--sign",
        "pmc1.sec.asc",
    ]);
    assert_eq!(r["signed_by"], pmc1_fpr.as_str());
    let last = env
        .json(&["log", "demo"])
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["signer"], pmc1_fpr.as_str());
    let st = env.json(&["vote", "status", "demo@1.2.0"]);
    assert_eq!(st["voters"][0]["signed"], true, "{st}");
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "fsck verifies every signature"
    );
}

#[test]
fn an_edited_signed_event_fails_fsck_naming_its_seq() {
    let env = signed_env();
    env.tampered(); // on purpose: the log need not replay
    let (code, err) = as_with_key(
        &env,
        "pmc1",
        Some("pmc1.sec.asc"),
        &["vote", "cast", "demo@1.2.0", "+1"],
    );
    assert_eq!(code, 0, "{err}");
    let seq: i64 = env.count("SELECT max(seq) FROM events");
    let db = env.db();
    db.execute_batch("DROP TRIGGER events_no_update").unwrap();
    db.execute(
        "UPDATE events SET payload = replace(payload, '\"+1\"', '\"-1\"') WHERE seq = ?1",
        [seq],
    )
    .unwrap();
    drop(db);
    let a = env.run(&["--json", "fsck"]).code(3);
    let out = String::from_utf8_lossy(&a.get_output().stdout).into_owned();
    assert!(
        out.contains(&format!("\"seq\": {seq}")) || out.contains(&format!("event {seq}")),
        "{out}"
    );
}

#[test]
fn policy_all_refuses_any_unsigned_event_and_signs_everything_with_the_configured_key() {
    let env = TestEnv::with_project_at(PAST);
    env.ok(&["key", "generate", "--user", "admin", "-o", "admin.sec.asc"]);
    env.ok(&["policy", "set", "demo", "--signed-events", "all"]);
    let err = env.fails(4, ADD_CVE);
    assert!(err.contains("signing_key"), "{err}");
    // config.toml's signing_key (relative to the directory that holds .relmgr).
    let cfg = env.store_dir().join("config.toml");
    let mut text = std::fs::read_to_string(&cfg).unwrap();
    text = text.replacen(
        "format_version",
        "signing_key = \"admin.sec.asc\"\nformat_version",
        1,
    );
    std::fs::write(&cfg, text).unwrap();
    env.ok(ADD_CVE);
    env.ok(&["project", "edit", "demo", "--description", "signed"]);
    let log = env.json(&["log"]);
    let last: Vec<_> = log.as_array().unwrap().iter().rev().take(2).collect();
    assert!(last.iter().all(|e| e["signature"].is_string()), "{log}");
    assert_eq!(env.json(&["fsck"])["ok"], true);
}

/// What a key signed while it was valid stays valid after it expires; it signs nothing new.
#[test]
fn a_key_that_expires_later_does_not_void_what_it_signed() {
    let now = jiff::Timestamp::now();
    let at = |secs: i64| {
        (now + jiff::SignedDuration::from_secs(secs))
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    };
    let env = TestEnv::with_project_at(&at(60));
    let gpg = Gpg::new();
    gpg.ok(&[
        "--pinentry-mode",
        "loopback",
        "--passphrase",
        "",
        "--quick-gen-key",
        "Pat One <pmc1@example.org>",
        "ed25519",
        "sign",
        "1d",
    ]);
    let (public, secret) = (env.path().join("pmc1.pub"), env.path().join("pmc1.sec.asc"));
    gpg.ok(&["--armor", "--output", public.to_str().unwrap(), "--export"]);
    gpg.ok(&[
        "--pinentry-mode",
        "loopback",
        "--passphrase",
        "",
        "--armor",
        "--output",
        secret.to_str().unwrap(),
        "--export-secret-keys",
    ]);
    env.ok(&["key", "import", public.to_str().unwrap(), "--user", "pmc1"]);
    env.write("dist/demo-1.2.0-src.tar.gz", &clean_source());
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
    crate::common::stage_and_start_vote(&env);
    env.ok(&["key", "generate", "--user", "admin", "-o", "admin.sec.asc"]);
    env.ok(&["policy", "set", "demo", "--signed-events", "binding"]);
    let cast = ["vote", "cast", "demo@1.2.0", "+1"];
    let (code, err) = as_with_key(&env, "pmc1", Some("pmc1.sec.asc"), &cast);
    assert_eq!(code, 0, "{err}");
    // Two days on, the key has expired: the vote it signed still counts, fsck still holds.
    env.set_now(&at(2 * 86_400));
    let st = env.json(&["vote", "status", "demo@1.2.0"]);
    assert_eq!(st["binding"]["plus"], 1, "{st}");
    assert_eq!(env.json(&["fsck"])["ok"], true);
    // But it signs nothing new.
    let (code, err) = as_with_key(&env, "pmc1", Some("pmc1.sec.asc"), &cast);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("expired") || err.contains("can sign now"),
        "{err}"
    );
}
