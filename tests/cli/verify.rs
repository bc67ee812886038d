//! Verify, judged beside the real `gpg --verify` and Sequoia's `sqv`: flipped bytes, swapped
//! signatures, unknown keys, checksum forms, and several signers in one `.asc`.

use std::path::Path;

use serde_json::Value;

use crate::common::Gpg;
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
