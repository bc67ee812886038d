//! Keys and signatures as gpg, sqv and rnp see them (#27 item 6), and key imports that are
//! large or interrupted (#28 items 4 and 10): KEYS listings equal to gpg's, files rnp loads,
//! text-mode signatures, bad signatures that name their key, keys that are refused (version 6,
//! SHA-1 only) told as such, bare revocation certificates, many user IDs, many keys.

use std::path::Path;

use serde_json::Value;

use crate::common::{Gpg, TestEnv, fixture, sqv_ok};

#[path = "../support/keygen.rs"]
mod keygen;

const NOPASS: [&str; 4] = ["--pinentry-mode", "loopback", "--passphrase", ""];

fn key(name: &str) -> String {
    fixture(&format!("keys/{name}"))
}

fn results(v: &Value) -> Vec<String> {
    v["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["result"].as_str().unwrap().to_string())
        .collect()
}

/// gpg with a fresh home, running `args` after the no-passphrase options.
fn gpg_np(gpg: &Gpg, args: &[&str]) -> String {
    let mut all: Vec<&str> = NOPASS.to_vec();
    all.extend_from_slice(args);
    gpg.ok(&all)
}

/// The fingerprint gpg lists first for `who`.
fn fpr_of(gpg: &Gpg, who: &str) -> String {
    gpg.ok(&["--with-colons", "--list-keys", who])
        .lines()
        .find(|l| l.starts_with("fpr:"))
        .unwrap()
        .split(':')
        .nth(9)
        .unwrap()
        .to_string()
}

/// rnp's verdict: imports `keys` into a fresh home, then checks `sig` over `data` if given.
fn rnp(keys: &Path, sig_data: Option<(&Path, &Path)>) -> (bool, String) {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("rnpkeys")
        .arg("--homedir")
        .arg(home.path())
        .arg("--import")
        .arg(keys)
        .output()
        .expect("rnp must be installed (Debian package rnp; scripts/test.sh installs it)");
    let mut text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return (false, text);
    }
    let Some((sig, data)) = sig_data else {
        return (true, text);
    };
    let out = std::process::Command::new("rnp")
        .arg("--homedir")
        .arg(home.path())
        .arg("--verify")
        .arg(sig)
        .arg("--source")
        .arg(data)
        .output()
        .unwrap();
    text += &String::from_utf8_lossy(&out.stdout);
    text += &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

/// The blocks of a `--list-keys` listing (lines from `pub` to the next empty line).
fn listing_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in text.lines() {
        if line.starts_with("pub ") {
            current = Some(vec![line]);
        } else if line.is_empty() || line.starts_with("-----") {
            if let Some(b) = current.take() {
                blocks.push(b.join("\n"));
            }
        } else if let Some(b) = current.as_mut() {
            b.push(line);
        }
    }
    blocks.extend(current.map(|b| b.join("\n")));
    blocks
}

#[test]
fn keys_listing_is_gpgs_and_the_file_loads_in_gpg_sqv_and_rnp() {
    let env = TestEnv::with_project();
    // A valid key with a revoked subkey and an expired one, made by gpg.
    let gpg = Gpg::new();
    gpg_np(
        &gpg,
        &[
            "--faked-system-time",
            "20261123T000000",
            "--quick-gen-key",
            "Subby <subby@example.org>",
            "ed25519",
            "sign,cert",
            "never",
        ],
    );
    let subby = fpr_of(&gpg, "subby@example.org");
    for (algo, usage, expiry) in [
        ("cv25519", "encr", "never"),
        ("ed25519", "sign", "2026-12-01"),
        ("ed25519", "sign", "never"),
    ] {
        gpg_np(
            &gpg,
            &[
                "--faked-system-time",
                "20261123T000000",
                "--quick-add-key",
                &subby,
                algo,
                usage,
                expiry,
            ],
        );
    }
    // Revokes the first subkey (the encryption one) through gpg's key editor.
    let cmds = env.write("revkey.cmd", b"key 1\nrevkey\ny\n0\n\ny\nsave\n");
    let status = std::process::Command::new("gpg")
        .env("GNUPGHOME", gpg.home.path())
        .args([
            "--batch",
            "--no-tty",
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            "",
            "--faked-system-time",
            "20261124T000000",
            "--command-file",
            &cmds,
            "--edit-key",
            &subby,
        ])
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let subby_file = env.path().join("subby.asc");
    gpg.ok(&[
        "--armor",
        "--output",
        subby_file.to_str().unwrap(),
        "--export",
        &subby,
    ]);
    for (file, user) in [
        (key("alice.pub.asc"), "pmc1"),
        (key("expired.pub.asc"), "pmc2"),
        (key("revoked.pub.asc"), "pmc3"),
        (subby_file.to_str().unwrap().to_string(), "rm"),
    ] {
        env.ok(&["key", "import", &file, "--user", user]);
    }
    let keys_file = env.path().join("KEYS");
    env.ok(&["key", "export", "demo", "-o", keys_file.to_str().unwrap()]);
    let text = std::fs::read_to_string(&keys_file).unwrap();
    assert!(
        text.ends_with("-----END PGP PUBLIC KEY BLOCK-----\n"),
        "KEYS ends with exactly one newline: {:?}",
        &text[text.len() - 40..]
    );
    assert!(text.contains("[expired: 2020-12-31]"), "{text}");
    assert!(text.contains("[ expired]"), "{text}");
    assert!(text.contains("[revoked: "), "{text}");

    // gpg lists each key exactly as the KEYS file does, on the same clock (the test's T0).
    let judge = Gpg::new();
    judge.ok(&["--import", keys_file.to_str().unwrap()]);
    let listed = judge.ok(&[
        "--faked-system-time",
        "20270105T100000",
        "--list-keys",
        "--keyid-format",
        "long",
    ]);
    let gpg_blocks = listing_blocks(&listed);
    let ours = listing_blocks(&text);
    assert_eq!(ours.len(), 4, "{text}");
    for block in &ours {
        assert!(
            gpg_blocks.contains(block),
            "KEYS lists\n{block}\nbut gpg lists\n{}",
            gpg_blocks.join("\n\n")
        );
    }

    // sqv and rnp load the whole file and check a signature by alice with it.
    let signer = Gpg::new();
    signer.ok(&["--import", &key("alice.sec.asc")]);
    let data = env.write("data.txt", b"judged by three\n");
    let sig = env.path().join("data.txt.asc");
    signer.ok(&[
        "-u",
        "alice@example.org",
        "--armor",
        "--detach-sign",
        "-o",
        sig.to_str().unwrap(),
        &data,
    ]);
    assert_eq!(
        sqv_ok(&[keys_file.as_path()], 1, &sig, Path::new(&data)).len(),
        1
    );
    let (ok, out) = rnp(&keys_file, Some((&sig, Path::new(&data))));
    assert!(ok, "rnp: {out}");
}

/// A release directory of one file, `demo-1.0.txt`, its `.sha512` and the `.asc` gpg writes with
/// `sign_args`; returns the directory.
fn signed_dir(env: &TestEnv, gpg: &Gpg, data: &[u8], sign_args: &[&str]) -> std::path::PathBuf {
    let dir = env.path().join("dl");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("demo-1.0.txt");
    std::fs::write(&file, data).unwrap();
    let sha = std::process::Command::new("sha512sum")
        .current_dir(&dir)
        .arg("demo-1.0.txt")
        .output()
        .unwrap();
    std::fs::write(dir.join("demo-1.0.txt.sha512"), sha.stdout).unwrap();
    let sig = dir.join("demo-1.0.txt.asc");
    let mut args = vec![
        "--yes",
        "--armor",
        "--detach-sign",
        "-o",
        sig.to_str().unwrap(),
    ];
    args.extend_from_slice(sign_args);
    args.push(file.to_str().unwrap());
    gpg.ok(&args);
    dir
}

fn verify_dir(env: &TestEnv, dir: &Path, keys: &Path, code: i32) -> Value {
    let out = env
        .run(&[
            "--json",
            "verify",
            "--dir",
            dir.to_str().unwrap(),
            "--keys",
            keys.to_str().unwrap(),
        ])
        .code(code)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn text_mode_signatures_are_judged_as_gpg_sqv_and_rnp_judge_them() {
    let env = TestEnv::bare();
    let gpg = Gpg::new();
    gpg.ok(&["--import", &key("alice.sec.asc")]);
    // LF and CRLF line endings: text mode hashes each as CRLF.
    let data = b"line one\nline two\r\nline three\n\nend without newline";
    let dir = signed_dir(&env, &gpg, data, &["-u", "alice@example.org", "--textmode"]);
    let sig = dir.join("demo-1.0.txt.asc");
    let file = dir.join("demo-1.0.txt");
    gpg.ok(&["--verify", sig.to_str().unwrap(), file.to_str().unwrap()]);
    let keys = Path::new(&key("alice.pub.asc")).to_path_buf();
    assert_eq!(sqv_ok(&[keys.as_path()], 1, &sig, &file).len(), 1);
    let (ok, out) = rnp(&keys, Some((&sig, &file)));
    assert!(ok, "rnp: {out}");
    let v = verify_dir(&env, &dir, &keys, 0);
    assert_eq!(v["packages"][0]["signature"], "ok", "{v}");

    // A lone CR is no line ending to gpg: "a\rb\n" and "a\rb\r\n" are the same text, "a\r\nb\n"
    // another. (Debian 12's sqv refuses all three, so gpg alone judges this.)
    let dir = signed_dir(
        &env,
        &gpg,
        b"a\rb\n",
        &["-u", "alice@example.org", "--textmode"],
    );
    let file = dir.join("demo-1.0.txt");
    for (text, same) in [(&b"a\rb\r\n"[..], true), (&b"a\r\nb\n"[..], false)] {
        std::fs::write(&file, text).unwrap();
        let by_gpg = gpg
            .run(&[
                "--verify",
                dir.join("demo-1.0.txt.asc").to_str().unwrap(),
                file.to_str().unwrap(),
            ])
            .0;
        assert_eq!(by_gpg, same, "{text:?}");
        let v = verify_dir(&env, &dir, &keys, 3);
        let sig = &v["packages"][0]["signature"];
        assert_eq!(sig == "ok", same, "{text:?}: {v}");
    }

    // Changed text is a bad signature for everyone.
    std::fs::write(&file, b"line one\nline 2\r\n").unwrap();
    assert!(
        !gpg.run(&["--verify", sig.to_str().unwrap(), file.to_str().unwrap()])
            .0
    );
    let v = verify_dir(&env, &dir, &keys, 3);
    assert_eq!(v["packages"][0]["signature"], "bad", "{v}");
}

#[test]
fn a_bad_signature_names_its_key_as_gpg_does() {
    let env = TestEnv::bare();
    let gpg = Gpg::new();
    gpg.ok(&["--import", &key("alice.sec.asc")]);
    let dir = signed_dir(&env, &gpg, b"good data\n", &["-u", "alice@example.org"]);
    let file = dir.join("demo-1.0.txt");
    std::fs::write(&file, b"evil data\n").unwrap();
    let (ok, _, err) = gpg.run(&[
        "--status-fd",
        "2",
        "--verify",
        dir.join("demo-1.0.txt.asc").to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert!(!ok);
    let badsig = err
        .lines()
        .find(|l| l.starts_with("[GNUPG:] BADSIG "))
        .expect("gpg says BADSIG");
    let key_id = badsig.split(' ').nth(2).unwrap();
    let keys = Path::new(&key("alice.pub.asc")).to_path_buf();
    let v = verify_dir(&env, &dir, &keys, 3);
    let reason = v["packages"][0]["signatures"][0]["reason"]
        .as_str()
        .unwrap_or_default();
    assert!(
        reason.contains(&format!("key {key_id}")),
        "gpg's BADSIG names {key_id}; relmgr says {reason:?}"
    );
}

#[test]
fn a_signature_by_a_sha1_only_key_of_keys_is_rejected_not_unknown() {
    let env = TestEnv::bare();
    let gpg = Gpg::new();
    gpg_np(
        &gpg,
        &[
            "--cert-digest-algo",
            "SHA1",
            "--quick-gen-key",
            "Old Hash <oldhash@example.org>",
            "rsa2048",
            "sign,cert",
            "never",
        ],
    );
    let keys = env.path().join("KEYS");
    gpg.ok(&[
        "--armor",
        "--output",
        keys.to_str().unwrap(),
        "--export",
        "oldhash@example.org",
    ]);
    let dir = signed_dir(
        &env,
        &gpg,
        b"signed with sha512\n",
        &["-u", "oldhash@example.org", "--digest-algo", "SHA512"],
    );
    let v = verify_dir(&env, &dir, &keys, 3);
    let line = &v["packages"][0]["signatures"][0];
    assert_eq!(line["status"], "bad", "{v}");
    let reason = line["reason"].as_str().unwrap_or_default();
    assert!(
        reason.contains("rejected") && reason.contains("SHA-1"),
        "{reason}"
    );
}

#[test]
fn version_6_keys_are_refused_on_import_and_for_signing() {
    let env = TestEnv::with_project();
    let (public, secret) = keygen::v6_key("Six <six@example.org>");
    let public = env.write("six.pub.asc", &public);
    let secret = env.write("six.sec.asc", &secret);
    let out = env
        .run(&["--json", "key", "import", &public, "--user", "pmc1"])
        .code(3)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(err.contains("version 6"), "{err}");
    assert_eq!(env.count("SELECT count(*) FROM keys"), 0);

    // Beside a good key, the v6 one is rejected and the rest imported.
    let r = env.json(&[
        "key",
        "import",
        &key("alice.pub.asc"),
        &public,
        "--user",
        "pmc1",
    ]);
    assert_eq!(results(&r), ["imported", "rejected"]);
    assert!(
        r["keys"][1]["reason"]
            .as_str()
            .unwrap()
            .contains("version 6"),
        "{r}"
    );
    // KEYS stays readable by gpg.
    let keys_file = env.path().join("KEYS");
    env.ok(&["key", "export", "demo", "-o", keys_file.to_str().unwrap()]);
    let judge = Gpg::new();
    let imported = judge.ok(&["--import", keys_file.to_str().unwrap()]);
    assert!(imported.contains("imported: 1"), "{imported}");

    // Signing with it: bad input (exit 2) with the reason, not an internal error.
    env.write("d/demo-1.2.0.txt", b"data");
    let err = env.fails(
        2,
        &[
            "--as",
            "pmc1",
            "stage",
            "demo@1.2.0",
            "d",
            "--sign",
            &secret,
        ],
    );
    assert!(err.contains("version 6"), "{err}");
}

#[test]
fn a_bare_revocation_certificate_revokes_its_stored_key() {
    let env = TestEnv::new();
    let gpg = Gpg::new();
    gpg_np(
        &gpg,
        &[
            "--faked-system-time",
            "20261123T000000",
            "--quick-gen-key",
            "Rev <rev@example.org>",
            "ed25519",
            "sign,cert",
            "never",
        ],
    );
    let fpr = fpr_of(&gpg, "rev@example.org");
    let public = env.path().join("rev.pub.asc");
    gpg.ok(&[
        "--armor",
        "--output",
        public.to_str().unwrap(),
        "--export",
        &fpr,
    ]);
    // gpg's revocation certificate, as it wrote it (with its ':' guard).
    let rev = gpg
        .home
        .path()
        .join("openpgp-revocs.d")
        .join(format!("{fpr}.rev"));
    // Unknown key first: refused with the reason.
    let err = env.fails(3, &["key", "import", rev.to_str().unwrap()]);
    assert!(err.contains("import the key first"), "{err}");

    env.ok(&["key", "import", public.to_str().unwrap()]);
    let r = env.json(&["key", "import", rev.to_str().unwrap()]);
    assert_eq!(results(&r), ["updated"], "{r}");
    assert_eq!(env.json(&["key", "show", &fpr])["status"], "revoked");
    // gpg agrees once it reads the merged certificate.
    let stored = env.store_dir().join("keys").join(format!("{fpr}.asc"));
    let judge = Gpg::new();
    judge.ok(&["--import", stored.to_str().unwrap()]);
    let listed = judge.ok(&["--list-keys", &fpr]);
    assert!(listed.contains("[revoked: "), "{listed}");

    // `sq key revoke`'s form: the primary key and the revocation signature.
    let (key2, rev2) = keygen::key_and_sq_revocation("Sq <sq@example.org>");
    let key2 = env.write("sq.pub.asc", &key2);
    let rev2 = env.write("sq.rev", &rev2);
    env.ok(&["key", "import", &key2]);
    let r = env.json(&["key", "import", &rev2]);
    assert_eq!(results(&r), ["updated"], "{r}");
    let fpr2 = r["keys"][0]["fingerprint"].as_str().unwrap().to_string();
    assert_eq!(env.json(&["key", "show", &fpr2])["status"], "revoked");
    assert_eq!(env.json(&["fsck"])["ok"], true);
}

#[test]
fn a_key_with_thousands_of_user_ids_imports_whole() {
    let env = TestEnv::new();
    let file = env.write("many.asc", &keygen::many_uids(3000));
    let r = env.json(&["key", "import", &file]);
    assert_eq!(results(&r), ["imported"]);
    let fpr = r["keys"][0]["fingerprint"].as_str().unwrap().to_string();
    let shown = env.json(&["key", "show", &fpr]);
    assert_eq!(shown["user_ids"].as_array().unwrap().len(), 3000);
}

fn killed_at(env: &TestEnv, point: &str, args: &[&str]) {
    let out = env
        .cmd()
        .env("RELMGR_TEST_KILL_AT", point)
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), None, "{point}: killed by a signal");
}

#[test]
fn a_key_import_killed_anywhere_leaves_fsck_clean() {
    for (point, lands) in [
        ("key.import:files-half-written", false),
        ("key.import:before-commit", false),
        ("key.import:after-commit", true),
    ] {
        let env = TestEnv::new();
        // 300 new keys: killed while their files are written, before or after the commit.
        let keys = env.write("keys.asc", &keygen::many_keys(300));
        killed_at(&env, point, &["key", "import", &keys]);
        let stored = env.count("SELECT count(*) FROM keys");
        assert_eq!(stored, if lands { 300 } else { 0 }, "{point}");
        let r = env.json(&["fsck"]);
        assert_eq!(r["ok"], true, "{point}: {r}");
        // And the import runs whole afterwards.
        env.ok(&["key", "import", &keys]);
        assert_eq!(env.count("SELECT count(*) FROM keys"), 300, "{point}");
        assert_eq!(env.json(&["fsck"])["ok"], true, "{point}");
    }
}
