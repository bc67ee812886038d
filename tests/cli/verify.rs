//! Verify, judged beside the real `gpg --verify` and Sequoia's `sqv`: flipped bytes, swapped
//! signatures, unknown keys, checksum forms, and several signers in one `.asc`.

use std::path::Path;

use serde_json::Value;

use crate::common::{Gpg, PAST, sqv_ok};
use crate::stage::{dist, env_with_keys, key, rc_dir};

#[test]
fn verify_catches_flipped_bytes_swapped_signatures_and_missing_checksums() {
    let env = env_with_keys();
    let d = dist(&env);
    env.ok(&[
        "--as",
        "pmc1",
        "stage",
        "demo@1.2.0",
        &d,
        "--sign",
        "alice.sec.asc",
    ]);
    // Copy the tree out, as a voter downloads it, and attack the copy.
    let copy = env.path().join("download");
    copy_dir(&rc_dir(&env, "rc1"), &copy);
    let keys_file = env.path().join("KEYS");
    env.ok(&["key", "export", "demo", "-o", keys_file.to_str().unwrap()]);
    let verify = |expect: i32| -> Value {
        let out = env
            .run(&[
                "--json",
                "verify",
                "--dir",
                copy.to_str().unwrap(),
                "--keys",
                keys_file.to_str().unwrap(),
            ])
            .code(expect)
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    };
    assert_eq!(verify(0)["ok"], true);
    let status = |v: &Value, name: &str| -> (String, String) {
        let p = v["packages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap()
            .clone();
        (
            p["checksum"].as_str().unwrap().into(),
            p["signature"].as_str().unwrap().into(),
        )
    };

    // A flipped byte: checksum and signature bad.
    let bin = copy.join("demo-1.2.0-bin.tar.gz");
    let mut bytes = std::fs::read(&bin).unwrap();
    bytes[1000] ^= 1;
    std::fs::write(&bin, &bytes).unwrap();
    let v = verify(3);
    assert_eq!(
        status(&v, "demo-1.2.0-bin.tar.gz"),
        ("bad".into(), "bad".into())
    );
    assert_eq!(
        status(&v, "demo-1.2.0-src.tar.gz"),
        ("ok".into(), "ok".into())
    );
    bytes[1000] ^= 1;
    std::fs::write(&bin, &bytes).unwrap();

    // A swapped .asc: the signature is bad, the checksum still ok.
    let src_asc = copy.join("demo-1.2.0-src.tar.gz.asc");
    let saved = std::fs::read(&src_asc).unwrap();
    std::fs::copy(copy.join("demo-1.2.0-bin.tar.gz.asc"), &src_asc).unwrap();
    assert_eq!(
        status(&verify(3), "demo-1.2.0-src.tar.gz"),
        ("ok".into(), "bad".into())
    );
    std::fs::write(&src_asc, saved).unwrap();

    // A missing .sha512.
    std::fs::remove_file(copy.join("maven/demo-1.2.0.jar.sha512")).unwrap();
    assert_eq!(
        status(&verify(3), "maven/demo-1.2.0.jar"),
        ("missing".into(), "ok".into())
    );
}

#[test]
fn a_signature_by_a_key_outside_keys_is_unknown() {
    let env = env_with_keys();
    let d = dist(&env);
    env.ok(&[
        "--as",
        "pmc1",
        "stage",
        "demo@1.2.0",
        &d,
        "--sign",
        "alice.sec.asc",
    ]);
    let out = env
        .run(&[
            "--json",
            "verify",
            "--dir",
            rc_dir(&env, "rc1").to_str().unwrap(),
            "--keys",
            &key("bob.pub.asc"),
        ])
        .code(3)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert!(
        v["packages"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["signature"] == "unknown-key"),
        "{v}"
    );
}

#[test]
fn verify_dir_reads_every_checksum_form_and_reports_strays() {
    let env = env_with_keys();
    let dir = env.path().join("mirror");
    std::fs::create_dir_all(&dir).unwrap();
    let data = b"release bytes";
    std::fs::write(dir.join("a.tar.gz"), data).unwrap();
    std::fs::write(dir.join("b.zip"), data).unwrap();
    std::fs::write(dir.join("c.tgz"), data).unwrap();
    let sha512 = |p: &Path| {
        String::from_utf8(
            std::process::Command::new("sha512sum")
                .arg(p)
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap()[..128]
            .to_string()
    };
    let sha256 = |p: &Path| {
        String::from_utf8(
            std::process::Command::new("sha256sum")
                .arg(p)
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap()[..64]
            .to_string()
    };
    std::fs::write(
        dir.join("a.tar.gz.sha512"),
        format!("SHA512 (a.tar.gz) = {}\n", sha512(&dir.join("a.tar.gz"))),
    )
    .unwrap();
    std::fs::write(
        dir.join("b.zip.sha256"),
        format!("{}\n", sha256(&dir.join("b.zip"))),
    )
    .unwrap();
    std::fs::write(
        dir.join("c.tgz.sha512"),
        format!("{}  c.tgz\n", sha512(&dir.join("c.tgz"))),
    )
    .unwrap();
    for f in ["a.tar.gz", "b.zip", "c.tgz"] {
        let sig = env.path().join("sig.asc");
        let _ = std::fs::remove_file(&sig);
        let gpg = Gpg::new();
        gpg.ok(&["--import", &key("alice.sec.asc")]);
        // Both the shared SHA-512 path and a SHA-256 signature of gpg's own.
        let algo = if f == "b.zip" { "SHA256" } else { "SHA512" };
        gpg.ok(&[
            "--digest-algo",
            algo,
            "--armor",
            "--detach-sign",
            "-o",
            dir.join(format!("{f}.asc")).to_str().unwrap(),
            dir.join(f).to_str().unwrap(),
        ]);
    }
    let v = env.json(&["verify", "--dir", dir.to_str().unwrap()]);
    assert_eq!(
        v["ok"], true,
        "gpg's signatures and three checksum forms: {v}"
    );
    std::fs::write(
        dir.join("a.tar.gz.md5"),
        "d41d8cd98f00b204e9800998ecf8427e\n",
    )
    .unwrap();
    std::fs::write(dir.join("gone.tar.gz.asc"), "x").unwrap();
    let out = env
        .run(&["--json", "verify", "--dir", dir.to_str().unwrap()])
        .code(3)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["stray"], serde_json::json!(["a.tar.gz.md5"]));
    assert_eq!(v["orphans"], serde_json::json!(["gone.tar.gz.asc"]));
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
            let mut perms = std::fs::metadata(&dest).unwrap().permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perms.set_readonly(false);
            std::fs::set_permissions(&dest, perms).unwrap();
        }
    }
}

/// rm (bob) stages and signs; pmc1 (alice) and pmc2 (carol, passphrase) sign too.
fn signed_by_three() -> crate::common::TestEnv {
    let env = env_with_keys();
    env.set_now(PAST);
    env.ok(&["key", "import", &key("carol.pub.asc"), "--user", "pmc2"]);
    let d = dist(&env);
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        &d,
        "--sign",
        "bob.sec.asc",
    ]);
    env.ok(&[
        "--as",
        "pmc1",
        "sign",
        "demo@1.2.0",
        "--key",
        "alice.sec.asc",
    ]);
    env.cmd()
        .env("RELMGR_PASSPHRASE_FILE", key("carol.pass"))
        .args([
            "--as",
            "pmc2",
            "sign",
            "demo@1.2.0",
            "--key",
            "carol.sec.asc",
        ])
        .assert()
        .success();
    env
}

#[test]
fn three_signers_write_one_armored_block_that_gpg_and_sqv_read_whole() {
    let env = signed_by_three();
    let dir = rc_dir(&env, "rc1");
    let pkg = dir.join("demo-1.2.0-src.tar.gz");
    let asc = dir.join("demo-1.2.0-src.tar.gz.asc");
    let text = std::fs::read_to_string(&asc).unwrap();
    assert_eq!(
        text.matches("-----BEGIN PGP SIGNATURE-----").count(),
        1,
        "one armored block: {text}"
    );
    let certs: Vec<String> = ["alice", "bob", "carol"]
        .iter()
        .map(|k| key(&format!("{k}.pub.asc")))
        .collect();
    let certs: Vec<&Path> = certs.iter().map(Path::new).collect();
    // Sequoia's verifier sees all three signatures, and alice alone finds hers.
    assert_eq!(sqv_ok(&certs, 3, &asc, &pkg).len(), 3);
    assert_eq!(sqv_ok(&certs[..1], 1, &asc, &pkg).len(), 1);
    // gpg too.
    let gpg = Gpg::new();
    for c in &certs {
        gpg.ok(&["--import", c.to_str().unwrap()]);
    }
    let out = gpg.ok(&["--verify", asc.to_str().unwrap(), pkg.to_str().unwrap()]);
    assert_eq!(out.matches("Good signature").count(), 3, "{out}");
    // relmgr lists the three signers.
    let v = env.json(&["verify", "demo@1.2.0"]);
    assert_eq!(v["ok"], true, "{v}");
    let sigs = v["packages"][0]["signatures"].as_array().unwrap();
    assert_eq!(sigs.len(), 3, "{v}");
    assert!(sigs.iter().all(|s| s["status"] == "ok"), "{v}");
    // A verifier holding only alice's key: ok, with the other two listed as unknown keys.
    let v = env.json(&[
        "verify",
        "--dir",
        dir.to_str().unwrap(),
        "--keys",
        &key("alice.pub.asc"),
    ]);
    assert_eq!(v["ok"], true, "{v}");
    let p = &v["packages"][0];
    assert_eq!(p["signature"], "ok", "{v}");
    let unknown = p["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["status"] == "unknown-key")
        .count();
    assert_eq!(unknown, 2, "{v}");
    let human = env
        .ok(&[
            "verify",
            "--dir",
            dir.to_str().unwrap(),
            "--keys",
            &key("alice.pub.asc"),
        ])
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8_lossy(&human).contains("unknown key"),
        "{}",
        String::from_utf8_lossy(&human)
    );
}

/// The binary packets of an armored file, by `gpg --dearmor`.
fn dearmor(gpg: &Gpg, asc: &Path) -> Vec<u8> {
    let bin = asc.with_extension("bin");
    gpg.ok(&[
        "--dearmor",
        "-o",
        bin.to_str().unwrap(),
        asc.to_str().unwrap(),
    ]);
    std::fs::read(bin).unwrap()
}

/// One `PGP SIGNATURE` armor block around `packets` (base64 by coreutils, no CRC line: optional
/// in RFC 9580).
fn armor(dir: &Path, packets: &[u8]) -> String {
    let bin = dir.join("packets.bin");
    std::fs::write(&bin, packets).unwrap();
    let out = std::process::Command::new("base64")
        .args(["-w", "64"])
        .arg(&bin)
        .output()
        .unwrap();
    assert!(out.status.success());
    format!(
        "-----BEGIN PGP SIGNATURE-----\n\n{}-----END PGP SIGNATURE-----\n",
        String::from_utf8(out.stdout).unwrap()
    )
}

#[test]
fn a_bad_signature_beside_good_ones_makes_the_package_bad_as_in_gpg() {
    let env = env_with_keys();
    let work = env.path().join("work");
    let dir = env.path().join("dl");
    std::fs::create_dir_all(&work).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    let pkg = dir.join("a.tgz");
    std::fs::write(&pkg, b"the package").unwrap();
    let other = work.join("other");
    std::fs::write(&other, b"other bytes").unwrap();
    let sum = std::process::Command::new("sha512sum")
        .arg("a.tgz")
        .current_dir(&dir)
        .output()
        .unwrap();
    std::fs::write(dir.join("a.tgz.sha512"), sum.stdout).unwrap();
    let mut keys = String::new();
    for k in ["alice", "bob", "carol"] {
        keys += &std::fs::read_to_string(key(&format!("{k}.pub.asc"))).unwrap();
    }
    std::fs::write(dir.join("KEYS"), keys).unwrap();

    let signer = Gpg::new();
    for k in ["alice.sec.asc", "bob.sec.asc"] {
        signer.ok(&["--import", &key(k)]);
    }
    signer.ok(&[
        "--pinentry-mode",
        "loopback",
        "--passphrase-file",
        &key("carol.pass"),
        "--import",
        &key("carol.sec.asc"),
    ]);
    let sign = |users: &[&str], data: &Path, out: &str| -> std::path::PathBuf {
        let out = work.join(out);
        let mut args = vec![
            "--pinentry-mode",
            "loopback",
            "--passphrase-file",
            key_pass(),
            "--armor",
            "--detach-sign",
        ];
        for u in users {
            args.extend(["-u", u]);
        }
        args.extend(["-o", out.to_str().unwrap(), data.to_str().unwrap()]);
        signer.ok(&args);
        out
    };
    let good = sign(&["alice@example.org"], &pkg, "good.asc");
    let three = sign(
        &["alice@example.org", "bob@example.org", "carol@example.org"],
        &pkg,
        "three.asc",
    );
    // bob's signature over other bytes: bad for the package.
    let bad = sign(&["bob@example.org"], &other, "bad.asc");
    let read = |p: &Path| std::fs::read_to_string(p).unwrap();
    let mut three_and_bad = dearmor(&signer, &three);
    three_and_bad.extend(dearmor(&signer, &bad));
    let cases = [
        ("a good block, then a bad one", read(&good) + &read(&bad)),
        ("a bad block first", read(&bad) + &read(&good)),
        (
            "one block: three good, one bad",
            armor(&work, &three_and_bad),
        ),
    ];
    let judge = Gpg::new();
    judge.ok(&["--import", dir.join("KEYS").to_str().unwrap()]);
    let asc = dir.join("a.tgz.asc");
    for (what, text) in &cases {
        std::fs::write(&asc, text).unwrap();
        let (gpg_ok, _, _) = judge.run(&["--verify", asc.to_str().unwrap(), pkg.to_str().unwrap()]);
        assert!(!gpg_ok, "{what}: gpg rejects it");
        let out = env
            .run(&["--json", "verify", "--dir", dir.to_str().unwrap()])
            .code(3)
            .get_output()
            .stdout
            .clone();
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["packages"][0]["signature"], "bad", "{what}: {v}");
        let statuses: Vec<&str> = v["packages"][0]["signatures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["status"].as_str().unwrap())
            .collect();
        assert!(
            statuses.contains(&"bad") && statuses.contains(&"ok"),
            "{what}: {v}"
        );
    }
    // Three good signatures in one block (gpg's own multi-signer form) pass; so does a good one
    // beside one by a key outside KEYS, which is listed.
    std::fs::write(&asc, read(&three)).unwrap();
    let v = env.json(&["verify", "--dir", dir.to_str().unwrap()]);
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["packages"][0]["signatures"].as_array().unwrap().len(), 3);
    let only_alice = env.path().join("alice.KEYS");
    std::fs::copy(key("alice.pub.asc"), &only_alice).unwrap();
    let v = env.json(&[
        "verify",
        "--dir",
        dir.to_str().unwrap(),
        "--keys",
        only_alice.to_str().unwrap(),
    ]);
    assert_eq!(v["ok"], true, "{v}");
    // Unknown keys alone: unknown-key, exit 3.
    let bob_only = sign(&["bob@example.org"], &pkg, "bob.asc");
    std::fs::write(&asc, read(&bob_only)).unwrap();
    let out = env
        .run(&[
            "--json",
            "verify",
            "--dir",
            dir.to_str().unwrap(),
            "--keys",
            only_alice.to_str().unwrap(),
        ])
        .code(3)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["packages"][0]["signature"], "unknown-key", "{v}");
}

fn key_pass() -> &'static str {
    static PASS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PASS.get_or_init(|| key("carol.pass"))
}
