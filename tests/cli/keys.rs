//! OpenPGP keys: import (certs, keyrings, KEYS files, gpg output), status, merge, retire, KEYS
//! export checked by the real gpg, generation, bad input.

use std::path::Path;

use serde_json::Value;

use crate::common::{Gpg, TestEnv, fixture, sqv_ok};

/// Lets gpg make and use keys without a passphrase prompt.
const NOPASS: &str = "--pinentry-mode";
const NOPASS2: &str = "loopback";

fn key(name: &str) -> String {
    fixture(&format!("keys/{name}"))
}

fn realworld(name: &str) -> String {
    fixture(&format!("realworld/{name}"))
}

fn results(v: &Value) -> Vec<String> {
    v["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["result"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn import_show_list_and_reimport() {
    let env = TestEnv::with_project();
    let r = env.json(&[
        "--as",
        "pmc1",
        "key",
        "import",
        &key("alice.pub.asc"),
        "--user",
        "pmc1",
    ]);
    assert_eq!(results(&r), ["imported"]);
    let fpr = r["keys"][0]["fingerprint"].as_str().unwrap().to_string();
    assert_eq!(fpr.len(), 40);
    let shown = env.json(&["key", "show", &fpr]);
    assert_eq!(shown["status"], "valid");
    assert_eq!(shown["user"], "pmc1");
    assert_eq!(shown["algorithm"], "ed25519");
    assert_eq!(shown["user_ids"][0], "Alice Example <alice@example.org>");
    // By long key id, lowercase, with 0x.
    let by_id = env.json(&["key", "show", &format!("0x{}", fpr[24..].to_lowercase())]);
    assert_eq!(by_id["fingerprint"], fpr.as_str());
    assert!(
        env.store_dir()
            .join("keys")
            .join(format!("{fpr}.asc"))
            .is_file()
    );
    let before = env.events();
    let again = env.json(&["key", "import", &key("alice.pub.asc")]);
    assert_eq!(results(&again), ["unchanged"]);
    assert_eq!(env.events(), before, "an unchanged import records nothing");
    let list = env.json(&["key", "list", "--user", "pmc1"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    env.fails(6, &["key", "show", &"A".repeat(40)]);
    env.fails(2, &["key", "show", "xyz"]);
}

#[test]
fn apache_keys_files_and_status() {
    let env = TestEnv::new();
    let r = env.json(&["key", "import", &key("sample-KEYS")]);
    assert_eq!(results(&r), ["imported", "imported", "imported"]);
    let r = env.json(&[
        "key",
        "import",
        &key("expired.pub.asc"),
        &key("revoked.pub.asc"),
    ]);
    assert_eq!(results(&r), ["imported", "imported"]);
    let list = env.json(&["key", "list"]);
    let status: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        status.iter().filter(|s| **s == "valid").count(),
        3,
        "{status:?}"
    );
    assert!(status.contains(&"expired"));
    assert!(status.contains(&"revoked"));
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn tomcat_keys_file_from_the_real_world() {
    let env = TestEnv::new();
    let r = env.json(&["key", "import", &realworld("tomcat-KEYS")]);
    let items = r["keys"].as_array().unwrap();
    assert_eq!(items.len(), 13, "gpg reads 13 keys from it");
    let imported: Vec<&Value> = items.iter().filter(|k| k["result"] == "imported").collect();
    assert!(!imported.is_empty());
    for k in items.iter().filter(|k| k["result"] == "rejected") {
        let reason = k["reason"].as_str().unwrap();
        assert!(
            reason.contains("too weak") || reason.contains("SHA-1"),
            "{reason}"
        );
    }
    // Mark Thomas's RSA-4096 key is among those kept.
    assert!(
        imported
            .iter()
            .any(|k| k["fingerprint"] == "A9C5DF4D22E99998D9875A5110C01C5A2F6059E7")
    );
    assert_eq!(
        env.json(&["key", "list"]).as_array().unwrap().len(),
        imported.len()
    );
}

#[test]
fn secret_keys_are_stripped_and_weak_keys_refused() {
    let env = TestEnv::new();
    let r = env.run(&["key", "import", &key("bob.sec.asc")]).success();
    let err = String::from_utf8_lossy(&r.get_output().stderr).into_owned();
    assert!(err.contains("stripped"), "{err}");
    for entry in std::fs::read_dir(env.store_dir().join("keys")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(!text.contains("PRIVATE KEY"));
    }
    assert_eq!(
        env.count("SELECT count(*) FROM keys WHERE armored LIKE '%PRIVATE%'"),
        0
    );
    let before = env.events();
    let err = env.fails(3, &["key", "import", &key("weak.pub.asc")]);
    assert!(err.contains("too weak"), "{err}");
    assert_eq!(env.events(), before);
}

#[test]
fn bad_key_files_are_clear_errors_and_change_nothing() {
    let env = TestEnv::new();
    let alice = std::fs::read_to_string(key("alice.pub.asc")).unwrap();
    let truncated = &alice[..alice.len() / 2];
    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.asc", vec![]),
        ("random.bin", random),
        ("truncated.asc", truncated.as_bytes().to_vec()),
        ("text.txt", b"just some text, no key here\n".to_vec()),
        ("big.bin", vec![0x99; 50 * 1024 * 1024]),
    ];
    let before = env.events();
    for (name, bytes) in cases {
        let path = env.write(name, &bytes);
        let out = env.run(&["key", "import", &path]).get_output().clone();
        let code = out.status.code().unwrap();
        assert!(code == 2 || code == 3, "{name}: exit {code}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("error: "), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    env.fails(2, &["key", "import", "no-such-file.asc"]);
    assert_eq!(env.events(), before);
    assert_eq!(env.count("SELECT count(*) FROM keys"), 0);
}

#[test]
fn key_permissions() {
    let env = TestEnv::with_project();
    // A committer manages no keys; an RM only their own; PMC and admin anyone's.
    env.fails(
        4,
        &[
            "--as",
            "dev",
            "key",
            "import",
            &key("alice.pub.asc"),
            "--user",
            "dev",
        ],
    );
    env.fails(
        4,
        &[
            "--as",
            "rm",
            "key",
            "import",
            &key("alice.pub.asc"),
            "--user",
            "pmc1",
        ],
    );
    env.ok(&[
        "--as",
        "rm",
        "key",
        "import",
        &key("alice.pub.asc"),
        "--user",
        "rm",
    ]);
    env.ok(&[
        "--as",
        "pmc2",
        "key",
        "import",
        &key("bob.pub.asc"),
        "--user",
        "pmc3",
    ]);
    env.ok(&[
        "--as",
        "admin",
        "key",
        "import",
        &key("carol.pub.asc"),
        "--user",
        "pmc2",
    ]);
    env.fails(
        6,
        &["key", "import", &key("carol.pub.asc"), "--user", "nobody"],
    );
    let bob = env.json(&["key", "list", "--user", "pmc3"])[0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    env.fails(4, &["--as", "rm", "key", "remove", &bob]);
    // A key keeps its owner: importing it for someone else is refused.
    env.fails(5, &["key", "import", &key("bob.pub.asc"), "--user", "pmc1"]);
}

#[test]
fn retire_keeps_the_key_for_verification() {
    let env = TestEnv::with_project();
    let r = env.json(&["key", "import", &key("alice.pub.asc"), "--user", "pmc1"]);
    let fpr = r["keys"][0]["fingerprint"].as_str().unwrap().to_string();
    let v = env.json(&["--as", "pmc1", "key", "remove", &fpr]);
    assert_eq!(v["status"], "retired");
    assert!(v["retired_at"].is_string());
    env.fails(5, &["key", "remove", &fpr]);
    assert_eq!(env.json(&["key", "list"]).as_array().unwrap().len(), 1);
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn gpg_keys_import_and_merge_new_user_ids_and_revocations() {
    let env = TestEnv::new();
    let gpg = Gpg::new();
    gpg.ok(&[
        NOPASS,
        NOPASS2,
        "--passphrase",
        "",
        "--quick-gen-key",
        "Eddie <eddie@example.org>",
        "ed25519",
        "sign",
        "never",
    ]);
    gpg.ok(&[
        NOPASS,
        NOPASS2,
        "--passphrase",
        "",
        "--quick-gen-key",
        "Rita <rita@example.org>",
        "rsa3072",
        "sign",
        "never",
    ]);
    gpg.ok(&[
        NOPASS,
        NOPASS2,
        "--passphrase",
        "",
        "--faked-system-time",
        "20200101T000000",
        "--quick-gen-key",
        "Old <old@example.org>",
        "ed25519",
        "sign",
        "1y",
    ]);
    let fprs = gpg.fingerprints();
    assert_eq!(fprs.len(), 3);
    let export = env.path().join("gpg-export.gpg");
    gpg.ok(&["--output", export.to_str().unwrap(), "--export"]);
    let r = env.json(&["key", "import", export.to_str().unwrap()]);
    assert_eq!(results(&r), ["imported", "imported", "imported"]);
    let mut ours: Vec<String> = env
        .json(&["key", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["fingerprint"].as_str().unwrap().to_string())
        .collect();
    ours.sort();
    assert_eq!(ours, fprs);
    let expired = env
        .json(&["key", "list"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["status"] == "expired")
        .count();
    assert_eq!(expired, 1);

    // A new user id, then a revocation: each merges into the known key.
    let eddie = gpg.ok(&["--with-colons", "--list-keys", "eddie@example.org"]);
    let eddie_fpr = eddie
        .lines()
        .find(|l| l.starts_with("fpr:"))
        .unwrap()
        .split(':')
        .nth(9)
        .unwrap()
        .to_string();
    gpg.ok(&[
        NOPASS,
        NOPASS2,
        "--passphrase",
        "",
        "--quick-add-uid",
        &eddie_fpr,
        "Eddie Work <eddie@work.example.org>",
    ]);
    let armored = env.path().join("eddie.asc");
    gpg.ok(&[
        "--armor",
        "--output",
        armored.to_str().unwrap(),
        "--export",
        &eddie_fpr,
    ]);
    let r = env.json(&["key", "import", armored.to_str().unwrap()]);
    assert_eq!(results(&r), ["updated"]);
    assert_eq!(
        env.json(&["key", "show", &eddie_fpr])["user_ids"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    gpg.ok(&[
        NOPASS,
        NOPASS2,
        "--passphrase",
        "",
        "--quick-revoke-uid",
        &eddie_fpr,
        "Eddie Work <eddie@work.example.org>",
    ]);
    let rev_path = gpg
        .home
        .path()
        .join("openpgp-revocs.d")
        .join(format!("{eddie_fpr}.rev"));
    let rev = std::fs::read_to_string(&rev_path)
        .unwrap()
        .replace(":-----BEGIN", "-----BEGIN");
    gpg.ok(&["--import", env.write("rev.asc", rev.as_bytes()).as_str()]);
    gpg.ok(&[
        "--armor",
        "--output",
        armored.to_str().unwrap(),
        "--export",
        &eddie_fpr,
    ]);
    let r = env.json(&["key", "import", armored.to_str().unwrap()]);
    assert_eq!(results(&r), ["updated"]);
    let shown = env.json(&["key", "show", &eddie_fpr]);
    assert_eq!(shown["status"], "revoked");
    assert_eq!(
        env.count("SELECT count(*) FROM keys"),
        3,
        "merged, not duplicated"
    );
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn exported_keys_import_into_gpg_with_the_same_fingerprints() {
    let env = TestEnv::with_project();
    env.ok(&["key", "import", &key("alice.pub.asc"), "--user", "pmc1"]);
    env.ok(&["key", "import", &key("bob.pub.asc"), "--user", "rm"]);
    env.ok(&["key", "import", &key("carol.pub.asc"), "--user", "guest"]);
    let keys_file = env.path().join("KEYS");
    env.ok(&["key", "export", "demo", "-o", keys_file.to_str().unwrap()]);
    let text = std::fs::read_to_string(&keys_file).unwrap();
    assert_eq!(
        text.matches("-----BEGIN PGP PUBLIC KEY BLOCK-----").count(),
        2,
        "guest is no member of demo"
    );
    assert!(text.contains("pub   ed25519/"), "{text}");
    let gpg = Gpg::new();
    gpg.ok(&["--import", keys_file.to_str().unwrap()]);
    let mut ours: Vec<String> = ["pmc1", "rm"]
        .iter()
        .map(|u| {
            env.json(&["key", "list", "--user", u])[0]["fingerprint"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    ours.sort();
    assert_eq!(gpg.fingerprints(), ours);
    // Sequoia's sqv takes the KEYS file as its keyring: it verifies alice's signature and bob's
    // (made by his signing subkey).
    let signer = Gpg::new();
    for k in ["alice.sec.asc", "bob.sec.asc"] {
        signer.ok(&["--import", &key(k)]);
    }
    let data = env.write("data.txt", b"signed for sqv\n");
    for who in ["alice@example.org", "bob@example.org"] {
        let sig = env.path().join(format!("{who}.asc"));
        signer.ok(&[
            "-u",
            who,
            "--armor",
            "--detach-sign",
            "-o",
            sig.to_str().unwrap(),
            &data,
        ]);
        let good = sqv_ok(&[keys_file.as_path()], 1, &sig, Path::new(&data));
        assert_eq!(good.len(), 1, "{who}");
    }
    // Stable: the same export twice is byte-identical.
    let again = env
        .ok(&["key", "export", "demo"])
        .get_output()
        .stdout
        .clone();
    assert_eq!(again, text.as_bytes());
}

#[test]
fn generated_keys_are_registered_and_import_into_gpg() {
    let env = TestEnv::with_project();
    let out = env.path().join("rm.sec.asc");
    let g = env.json(&[
        "--as",
        "rm",
        "key",
        "generate",
        "--user",
        "rm",
        "-o",
        out.to_str().unwrap(),
    ]);
    let fpr = g["fingerprint"].as_str().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    assert_eq!(env.json(&["key", "show", fpr])["user"], "rm");
    let gpg = Gpg::new();
    gpg.ok(&["--import", out.to_str().unwrap()]);
    assert_eq!(gpg.fingerprints(), [fpr.to_string()]);
    let (_, secrets, _) = gpg.run(&["--list-secret-keys", fpr]);
    assert!(secrets.contains(fpr), "{secrets}");
    env.fails(
        5,
        &[
            "--as",
            "rm",
            "key",
            "generate",
            "--user",
            "rm",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    env.fails(
        4,
        &[
            "--as", "rm", "key", "generate", "--user", "pmc1", "-o", "x.asc",
        ],
    );
}

#[test]
fn generated_keys_can_be_passphrase_protected() {
    let env = TestEnv::with_project();
    let pass = env.write("pass.txt", b"s3cret words\n");
    let out = env.path().join("p.sec.asc");
    let g = env
        .cmd()
        .env("RELMGR_PASSPHRASE_FILE", &pass)
        .args([
            "--json",
            "key",
            "generate",
            "--user",
            "pmc1",
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&g.get_output().stdout).unwrap();
    assert_eq!(v["protected"], true);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("PRIVATE KEY"));
    // gpg can unlock it only with the passphrase: sign something with each.
    let gpg = Gpg::new();
    gpg.ok(&["--import", out.to_str().unwrap()]);
    let data = env.write("data.txt", b"hello");
    fn loop_args(p: &str) -> Vec<&str> {
        vec![
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            p,
            "--detach-sign",
            "-o",
        ]
    }
    let mut wrong = loop_args("wrong");
    let sig1 = env.path().join("1.sig");
    wrong.extend([sig1.to_str().unwrap(), data.as_str()]);
    assert!(
        !gpg.run(&wrong).0,
        "a wrong passphrase must not unlock the key"
    );
    let mut right = loop_args("s3cret words");
    let sig2 = env.path().join("2.sig");
    right.extend([sig2.to_str().unwrap(), data.as_str()]);
    gpg.ok(&right);
}

/// Regression: on the real clock, `key generate` rounded the creation time to the NEAREST
/// second, so half the time gpg refused the key as "created 1 second in the future".
#[test]
fn a_key_generated_on_the_real_clock_imports_into_gpg_at_once() {
    let env = TestEnv::with_project();
    for i in 0..3 {
        let out = env.path().join(format!("k{i}.sec.asc"));
        env.cmd()
            .env_remove("RELMGR_NOW")
            .args([
                "--as",
                "rm",
                "key",
                "generate",
                "--user",
                "rm",
                "-o",
                out.to_str().unwrap(),
            ])
            .assert()
            .success();
        let gpg = Gpg::new();
        // No --ignore-time-conflict here: plain gpg, as a user runs it.
        let status = std::process::Command::new("gpg")
            .env("GNUPGHOME", gpg.home.path())
            .args(["--batch", "--import", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
    }
}

fn owners(v: &Value) -> Vec<Value> {
    v["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["owner"].clone())
        .collect()
}

/// SPEC §3: without `--user` each certificate goes to the one user whose email is in its user
/// IDs (case-insensitively); with none or several such users it stays unowned, and says so.
#[test]
fn keys_without_user_go_to_the_user_of_their_email() {
    let env = TestEnv::with_project();
    for (u, email) in [
        ("bob", "bob@example.org"),
        ("alice", "alice@example.org"),
        ("carol1", "carol@example.org"),
        ("carol2", "Carol@Example.org"),
    ] {
        env.ok(&["user", "add", u, "--email", email, "--consent"]);
    }
    env.ok(&["role", "grant", "demo", "bob", "pmc"]);
    env.ok(&["role", "grant", "demo", "alice", "rm"]);
    // Bob's second certificate, its email in other letters.
    let gpg = Gpg::new();
    gpg.ok(&[
        NOPASS,
        NOPASS2,
        "--passphrase",
        "",
        "--quick-gen-key",
        "Bob Example (work) <BOB@example.ORG>",
        "ed25519",
        "sign",
        "never",
    ]);
    let second = env.path().join("second.asc");
    gpg.ok(&["--output", second.to_str().unwrap(), "--armor", "--export"]);
    let mut two = std::fs::read(key("bob.pub.asc")).unwrap();
    two.extend_from_slice(&std::fs::read(&second).unwrap());
    let two = env.write("two.asc", &two);

    let r = env.json(&["--as", "bob", "key", "import", &two]);
    assert_eq!(results(&r), ["imported", "imported"]);
    assert_eq!(owners(&r), ["bob", "bob"]);
    assert_eq!(
        env.json(&["key", "list", "--user", "bob"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(env.json(&["key", "export", "demo"])["keys"], 2);

    // No user with its email, or two: unowned, with a note and a hint.
    let r = env
        .run(&["--as", "bob", "key", "import", &key("expired.pub.asc")])
        .success();
    let out = String::from_utf8_lossy(&r.get_output().stdout).into_owned();
    let err = String::from_utf8_lossy(&r.get_output().stderr).into_owned();
    assert!(out.contains("no user with the email"), "{out}");
    assert!(err.contains("--user"), "{err}");
    let r = env.json(&["--as", "bob", "key", "import", &key("carol.pub.asc")]);
    assert_eq!(owners(&r), [Value::Null]);
    let note = r["keys"][0]["note"].as_str().unwrap();
    assert!(note.contains("carol1") && note.contains("carol2"), "{note}");

    // An RM may import their own key without --user, but not one that would go to another.
    let before = env.events();
    env.fails(4, &["--as", "alice", "key", "import", &two]);
    let err = env.fails(
        4,
        &[
            "--as",
            "alice",
            "key",
            "import",
            &key("alice.pub.asc"),
            &key("carol.pub.asc"),
        ],
    );
    assert!(err.contains("carol"), "{err}");
    assert_eq!(env.events(), before, "a refused import records nothing");
    let r = env.json(&["--as", "alice", "key", "import", &key("alice.pub.asc")]);
    assert_eq!(owners(&r), ["alice"]);

    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}
