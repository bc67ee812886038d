//! Stage, sign and unstage, judged by the real `sha512sum -c`, `gpg --verify` and `sqv`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{Gpg, PAST, T0, TestEnv, fixture, sqv_ok};

pub(crate) fn key(name: &str) -> String {
    fixture(&format!("keys/{name}"))
}

/// A project with pmc1 owning alice's key and rm owning bob's; secret keys copied with 0600.
pub(crate) fn env_with_keys() -> TestEnv {
    env_with_keys_at(T0)
}

/// [`env_with_keys`] made at `now` ([`PAST`] for scenarios `sqv` judges).
fn env_with_keys_at(now: &str) -> TestEnv {
    let env = TestEnv::with_project_at(now);
    env.ok(&["key", "import", &key("alice.pub.asc"), "--user", "pmc1"]);
    env.ok(&["key", "import", &key("bob.pub.asc"), "--user", "rm"]);
    for k in ["alice.sec.asc", "bob.sec.asc", "carol.sec.asc"] {
        let dest = env.path().join(k);
        std::fs::copy(key(k), &dest).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dest, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
    }
    env
}

pub(crate) fn dist(env: &TestEnv) -> String {
    env.write("dist/demo-1.2.0-src.tar.gz", b"source bytes");
    env.write(
        "dist/demo-1.2.0-bin.tar.gz",
        &vec![7u8; 3 * 1024 * 1024 + 17],
    );
    env.write("dist/maven/demo-1.2.0.jar", b"jar bytes");
    env.path().join("dist").to_string_lossy().into_owned()
}

pub(crate) fn rc_dir(env: &TestEnv, rc: &str) -> PathBuf {
    env.store_dir().join("releases/demo/1.2.0").join(rc)
}

/// Runs `sha512sum -c` in the directory of every .sha512 file under `dir`; returns the count.
fn sha512sum_all(dir: &Path) -> usize {
    let mut n = 0;
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "sha512") {
            let out = std::process::Command::new("sha512sum")
                .arg("-c")
                .arg(e.file_name())
                .current_dir(e.path().parent().unwrap())
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "sha512sum -c {}: {}",
                e.path().display(),
                String::from_utf8_lossy(&out.stdout)
            );
            n += 1;
        }
    }
    n
}

/// Runs `gpg --verify` and Sequoia's `sqv` on every .asc under `dir` with the given public keys;
/// returns the count. sqv judges by the real clock: sign at [`PAST`].
fn gpg_verify_all(dir: &Path, pubkeys: &[&str]) -> usize {
    let gpg = Gpg::new();
    for k in pubkeys {
        gpg.ok(&["--import", &key(k)]);
    }
    let certs: Vec<PathBuf> = pubkeys.iter().map(|k| PathBuf::from(key(k))).collect();
    let certs: Vec<&Path> = certs.iter().map(PathBuf::as_path).collect();
    let mut n = 0;
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        let p = e.path();
        if p.extension().is_some_and(|x| x == "asc") {
            let data = p.with_extension("");
            gpg.ok(&["--verify", p.to_str().unwrap(), data.to_str().unwrap()]);
            assert_eq!(sqv_ok(&certs, 1, p, &data).len(), 1, "{}", p.display());
            n += 1;
        }
    }
    n
}

#[test]
fn stage_with_sign_makes_checksums_and_signatures_real_tools_accept() {
    let env = env_with_keys_at(PAST);
    let d = dist(&env);
    let r = env.json(&[
        "--as",
        "pmc1",
        "stage",
        "demo@1.2.0",
        &d,
        "--sign",
        "alice.sec.asc",
        "--platform",
        "any",
    ]);
    assert_eq!(r["revision"], "rc1");
    assert_eq!(r["new_revision"], true);
    let names: Vec<&str> = r["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "demo-1.2.0-bin.tar.gz",
            "demo-1.2.0-src.tar.gz",
            "maven/demo-1.2.0.jar"
        ]
    );
    let dir = rc_dir(&env, "rc1");
    assert!(dir.join("maven/demo-1.2.0.jar").is_file());
    assert_eq!(sha512sum_all(&dir), 3);
    assert_eq!(gpg_verify_all(&dir, &["alice.pub.asc"]), 3);

    let show = env.json(&["release", "show", "demo@1.2.0"]);
    assert_eq!(show["release"], "demo@1.2.0");
    assert_eq!(show["revision"], "rc1");
    assert_eq!(show["stage"], "candidate");
    assert_eq!(show["phase"], "draft");
    let p = &show["packages"][0];
    for field in [
        "name",
        "size",
        "sha256",
        "sha512",
        "signatures",
        "platform",
        "arch",
        "channel",
        "external_url",
    ] {
        assert!(p.get(field).is_some(), "release show lacks {field}");
    }
    assert_eq!(p["size"], 3 * 1024 * 1024 + 17);
    assert_eq!(p["platform"], "any");
    assert_eq!(p["signatures"][0].as_str().unwrap().len(), 40);
    // The index agrees with sha256sum too.
    let out = std::process::Command::new("sha256sum")
        .arg(dir.join("demo-1.2.0-bin.tar.gz"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with(p["sha256"].as_str().unwrap()));

    let v = env.json(&["verify", "demo@1.2.0"]);
    assert_eq!(v["ok"], true);
    assert!(
        v["packages"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["checksum"] == "ok" && p["signature"] == "ok")
    );
}

#[test]
fn sign_later_with_a_subkey_counts_for_the_primary() {
    let env = env_with_keys_at(PAST);
    let d = dist(&env);
    env.ok(&["--as", "rm", "stage", "demo@1.2.0", &d]);
    let v = env
        .run(&["--json", "verify", "demo@1.2.0"])
        .code(3)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&v).unwrap();
    assert!(
        v["packages"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["signature"] == "missing" && p["checksum"] == "ok")
    );
    let r = env.json(&["--as", "rm", "sign", "demo@1.2.0", "--key", "bob.sec.asc"]);
    assert_eq!(r["signed"].as_array().unwrap().len(), 3);
    let bob = env.json(&["key", "list", "--user", "rm"])[0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(r["fingerprint"], bob.as_str());
    let v = env.json(&["verify", "demo@1.2.0"]);
    assert_eq!(v["ok"], true);
    assert_eq!(
        v["packages"][0]["signer"],
        bob.as_str(),
        "bob signs with a subkey; it counts for his primary key"
    );
    assert_eq!(gpg_verify_all(&rc_dir(&env, "rc1"), &["bob.pub.asc"]), 3);
}

#[test]
fn restaging_replaces_and_unstage_removes_in_a_draft() {
    let env = env_with_keys();
    env.write("one/demo-1.2.0.txt", b"v1");
    env.write("two/demo-1.2.0.txt", b"v2");
    env.ok(&["--as", "rm", "stage", "demo@1.2.0", "one/demo-1.2.0.txt"]);
    env.ok(&["--as", "rm", "stage", "demo@1.2.0", "two/demo-1.2.0.txt"]);
    let show = env.json(&["release", "show", "demo@1.2.0"]);
    assert_eq!(show["packages"].as_array().unwrap().len(), 1);
    assert_eq!(
        std::fs::read(rc_dir(&env, "rc1").join("demo-1.2.0.txt")).unwrap(),
        b"v2"
    );
    env.ok(&["--as", "rm", "unstage", "demo@1.2.0", "demo-1.2.0.txt"]);
    assert_eq!(
        env.json(&["release", "show", "demo@1.2.0"])["packages"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert!(!rc_dir(&env, "rc1").join("demo-1.2.0.txt").exists());
    env.fails(
        6,
        &["--as", "rm", "unstage", "demo@1.2.0", "demo-1.2.0.txt"],
    );
    env.fails(6, &["--as", "rm", "unstage", "demo@9.9", "x"]);
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn identical_bytes_are_stored_once() {
    let env = env_with_keys();
    env.write("d/a.bin", b"same");
    env.write("d/b.bin", b"same");
    env.ok(&["--as", "rm", "stage", "demo@1.2.0", "d"]);
    let objects = walkdir::WalkDir::new(env.store_dir().join("objects"))
        .into_iter()
        .filter(|e| e.as_ref().unwrap().file_type().is_file())
        .count();
    assert_eq!(objects, 1);
}

#[test]
fn external_packages() {
    let env = env_with_keys();
    let hex = "ab".repeat(32);
    let r = env.json(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "--external",
        "https://mirror.example.org/demo/demo-1.2.0.msi",
        "--sha256",
        &hex,
        "--size",
        "4096",
        "--platform",
        "windows",
        "--arch",
        "x64",
    ]);
    assert_eq!(r["packages"][0]["name"], "demo-1.2.0.msi");
    assert_eq!(
        r["packages"][0]["external_url"],
        "https://mirror.example.org/demo/demo-1.2.0.msi"
    );
    assert_eq!(r["packages"][0]["sha512"], Value::Null);
    env.ok(&[
        "--as",
        "rm",
        "stage",
        "demo@1.2.0",
        "--external",
        "oci://registry.example.org/demo/server:1.2.0",
        "--sha256",
        &hex,
        "--size",
        "1",
    ]);
    let before = env.events();
    for (url, sha, size) in [
        ("http://mirror.example.org/x.msi", hex.as_str(), "1"),
        ("ftp://mirror.example.org/x.msi", hex.as_str(), "1"),
        ("https://mirror.example.org/x.msi", "abc", "1"),
        ("https://mirror.example.org/x.msi", &"zz".repeat(32), "1"),
        ("https://mirror.example.org/x.msi", hex.as_str(), "0"),
        ("https://mirror.example.org/x.msi", hex.as_str(), "-5"),
        ("https://mirror.example.org/x.msi", hex.as_str(), "big"),
    ] {
        env.fails(
            2,
            &[
                "--as",
                "rm",
                "stage",
                "demo@1.2.0",
                "--external",
                url,
                "--sha256",
                sha,
                "--size",
                size,
            ],
        );
    }
    assert_eq!(env.events(), before);
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}

#[test]
fn bad_input_is_refused_and_nothing_is_staged() {
    let env = env_with_keys();
    env.write("ok/demo.txt", b"x");
    let with_link = env.path().join("linked");
    std::fs::create_dir_all(&with_link).unwrap();
    std::fs::write(with_link.join("real.txt"), b"x").unwrap();
    std::os::unix::fs::symlink("real.txt", with_link.join("link.txt")).unwrap();
    let ctrl = env.path().join("ctrl");
    std::fs::create_dir_all(&ctrl).unwrap();
    std::fs::write(ctrl.join("bad\u{1}name.txt"), b"x").unwrap();
    let dots = env.path().join("dots");
    std::fs::create_dir_all(&dots).unwrap();
    std::fs::write(dots.join("a..b.txt"), b"x").unwrap();
    let space = env.path().join("space");
    std::fs::create_dir_all(&space).unwrap();
    std::fs::write(space.join(" lead.txt"), b"x").unwrap();
    std::fs::create_dir_all(env.path().join("empty")).unwrap();
    let before = env.events();
    for args in [
        vec!["stage", "demo@1.2.0", with_link.to_str().unwrap()],
        vec!["stage", "demo@1.2.0", "/dev/null"],
        vec!["stage", "demo@1.2.0", ctrl.to_str().unwrap()],
        vec!["stage", "demo@1.2.0", dots.to_str().unwrap()],
        vec!["stage", "demo@1.2.0", space.to_str().unwrap()],
        vec!["stage", "demo@1.2.0", "empty"],
        vec!["stage", "demo@1.2.0", "no-such-file"],
        vec!["stage", "demo@1.2.0", "ok", "ok/demo.txt"],
        vec!["stage", "demo@1.2.0-rc1", "ok"],
        vec!["stage", "demo@..", "ok"],
        vec!["stage", "demo@1.2.0", "ok", "--platform", "Linux OS"],
        vec!["stage", "demo@1.2.0"],
    ] {
        let mut full = vec!["--as", "rm"];
        full.extend(args.iter().copied());
        env.fails(2, &full);
    }
    assert_eq!(env.events(), before);
    assert_eq!(env.count("SELECT count(*) FROM releases"), 0);
    let objects = walkdir::WalkDir::new(env.store_dir().join("objects"))
        .into_iter()
        .filter(|e| e.as_ref().unwrap().file_type().is_file())
        .count();
    assert_eq!(objects, 0);
}

#[test]
fn signing_keys_must_be_the_actors_own_and_valid() {
    let env = env_with_keys();
    env.write("d/demo.txt", b"x");
    // rm signing with pmc1's key; an unregistered key; a public key.
    env.fails(
        4,
        &[
            "--as",
            "rm",
            "stage",
            "demo@1.2.0",
            "d",
            "--sign",
            "alice.sec.asc",
        ],
    );
    env.fails(
        4,
        &[
            "--as",
            "pmc2",
            "stage",
            "demo@1.2.0",
            "d",
            "--sign",
            "carol.sec.asc",
        ],
    );
    env.fails(
        2,
        &[
            "--as",
            "rm",
            "stage",
            "demo@1.2.0",
            "d",
            "--sign",
            &key("bob.pub.asc"),
        ],
    );
    // A retired key signs nothing new.
    let alice = env.json(&["key", "list", "--user", "pmc1"])[0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    env.ok(&["key", "remove", &alice]);
    let err = env.fails(
        4,
        &[
            "--as",
            "pmc1",
            "stage",
            "demo@1.2.0",
            "d",
            "--sign",
            "alice.sec.asc",
        ],
    );
    assert!(err.contains("retired"), "{err}");
    // A committer may not stage at all.
    env.fails(4, &["--as", "dev", "stage", "demo@1.2.0", "d"]);
    assert_eq!(env.count("SELECT count(*) FROM packages"), 0);
}

#[test]
fn protected_keys_need_the_passphrase_file() {
    let env = env_with_keys();
    env.ok(&["key", "import", &key("carol.pub.asc"), "--user", "pmc2"]);
    env.write("d/demo.txt", b"x");
    let err = env.fails(
        4,
        &[
            "--as",
            "pmc2",
            "stage",
            "demo@1.2.0",
            "d",
            "--sign",
            "carol.sec.asc",
        ],
    );
    assert!(err.contains("RELMGR_PASSPHRASE_FILE"), "{err}");
    let wrong = env.write("wrong.pass", b"nope\n");
    env.cmd()
        .env("RELMGR_PASSPHRASE_FILE", &wrong)
        .args([
            "--as",
            "pmc2",
            "stage",
            "demo@1.2.0",
            "d",
            "--sign",
            "carol.sec.asc",
        ])
        .assert()
        .code(4);
    env.cmd()
        .env("RELMGR_PASSPHRASE_FILE", key("carol.pass"))
        .args([
            "--as",
            "pmc2",
            "stage",
            "demo@1.2.0",
            "d",
            "--sign",
            "carol.sec.asc",
        ])
        .assert()
        .success();
    assert_eq!(env.json(&["verify", "demo@1.2.0"])["ok"], true);
}

#[test]
fn readable_secret_keys_get_a_warning() {
    let env = env_with_keys();
    env.write("d/demo.txt", b"x");
    let loose = env.path().join("loose.sec.asc");
    std::fs::copy(key("alice.sec.asc"), &loose).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let out = env
        .ok(&[
            "--as",
            "pmc1",
            "stage",
            "demo@1.2.0",
            "d",
            "--sign",
            loose.to_str().unwrap(),
        ])
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("can be read by other users"));
}

#[test]
fn list_releases_of_projects_and_products() {
    let env = env_with_keys();
    env.ok(&["product", "create", "demo/web", "--name", "Web"]);
    env.write("d/x.txt", b"x");
    env.ok(&["--as", "rm", "stage", "demo@1.0.0", "d"]);
    env.ok(&["--as", "rm", "stage", "demo/web@2.0.0", "d"]);
    let all = env.json(&["release", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert_eq!(
        env.json(&["release", "list", "demo"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let web = env.json(&["release", "list", "demo/web"]);
    assert_eq!(web.as_array().unwrap().len(), 1);
    assert_eq!(web[0]["release"], "demo/web@2.0.0");
    assert!(
        env.store_dir()
            .join("releases/demo/web/2.0.0/rc1/x.txt")
            .is_file()
    );
    assert_eq!(
        env.json(&["release", "list", "--stage", "current"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
    env.fails(6, &["release", "show", "demo@3.0"]);
    env.fails(6, &["release", "show", "demo@1.0.0", "--revision", "rc2"]);
    assert_eq!(
        env.json(&["fsck"])["ok"],
        true,
        "the log replays to the index"
    );
}
