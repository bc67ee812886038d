//! `verify --dir` on a whole tree written by `publish` (projects, KEYS, a signed snapshot), with
//! gpg and Sequoia's `sqv` as judges of every published signature.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{Gpg, PAST, TestEnv, sqv_ok};
use crate::lifecycle::passed;

/// demo@1.0.0 and demo@1.1.0 current, published to `dist-tree` at [`PAST`] (sqv judges by the
/// real clock).
fn published() -> (TestEnv, PathBuf) {
    let env = TestEnv::with_project_at(PAST);
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
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    for v in ["1.0.0", "1.1.0"] {
        passed(&env, v);
        env.ok(&["--as", "rm", "promote", &format!("demo@{v}")]);
    }
    let dist = env.path().join("dist-tree");
    env.ok(&[
        "--as",
        "rm",
        "publish",
        dist.to_str().unwrap(),
        "--key",
        "rm.sec.asc",
    ]);
    (env, dist)
}

fn verify_tree(env: &TestEnv, dist: &Path, code: i32) -> Value {
    let out = env
        .run(&["--json", "verify", "--dir", dist.to_str().unwrap()])
        .code(code)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn sqv_and_gpg_verify_every_published_signature_with_the_published_keys() {
    let (_env, dist) = published();
    let keys = dist.join("demo/KEYS");
    let gpg = Gpg::new();
    gpg.ok(&["--import", keys.to_str().unwrap()]);
    let mut n = 0;
    for e in walkdir::WalkDir::new(&dist) {
        let p = e.unwrap().into_path();
        if p.extension().is_some_and(|x| x == "asc") {
            let data = p.with_extension("");
            assert_eq!(sqv_ok(&[&keys], 1, &p, &data).len(), 1, "{}", p.display());
            gpg.ok(&["--verify", p.to_str().unwrap(), data.to_str().unwrap()]);
            n += 1;
        }
    }
    // Two packages, four SBOMs, the snapshot.
    assert_eq!(n, 7);
}

#[test]
fn verify_dir_checks_a_published_tree_and_its_snapshot() {
    let (env, dist) = published();
    let v = verify_tree(&env, &dist, 0);
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["snapshot"]["signature"], "ok", "{v}");
    // Two packages and their four SBOMs, each listed with its SHA-512 and size.
    assert_eq!(v["snapshot"]["packages"], 6, "{v}");
    assert!(
        v["packages"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["name"].as_str().unwrap().starts_with("demo/")),
        "snapshot.json is no package: {v}"
    );
    let human = env
        .ok(&["verify", "--dir", dist.to_str().unwrap()])
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8_lossy(&human).contains("Snapshot"),
        "{}",
        String::from_utf8_lossy(&human)
    );

    // A directory below the top is judged by the top's snapshot: its own files, named from the
    // top, and the listed files under it.
    let top = dist.canonicalize().unwrap();
    for (part, listed) in [("demo", 6), ("demo/1.0.0", 3)] {
        let v = verify_tree(&env, &dist.join(part), 0);
        assert_eq!(v["snapshot"]["signature"], "ok", "{v}");
        assert_eq!(v["snapshot"]["top"], top.to_str().unwrap(), "{v}");
        assert_eq!(v["snapshot"]["within"], part, "{v}");
        assert_eq!(v["snapshot"]["packages"], listed, "{v}");
        let names: Vec<&str> = v["packages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert!(
            !names.is_empty() && names.iter().all(|n| n.starts_with(&format!("{part}/"))),
            "{v}"
        );
    }
    let human = env
        .ok(&["verify", "--dir", dist.join("demo/1.0.0").to_str().unwrap()])
        .get_output()
        .stdout
        .clone();
    let human = String::from_utf8_lossy(&human);
    assert!(
        human.contains(&format!(
            "Snapshot: snapshot.json (at the tree's top, {}) version 1",
            top.display()
        )) && human.contains("3 listed packages under demo/1.0.0/."),
        "{human}"
    );

    // A tampered snapshot.
    let snap = dist.join("snapshot.json");
    let original = std::fs::read_to_string(&snap).unwrap();
    std::fs::write(&snap, original.replace("\"stable\"", "\"beta\"")).unwrap();
    let v = verify_tree(&env, &dist, 3);
    assert_eq!(v["snapshot"]["signature"], "bad", "{v}");
    let v = verify_tree(&env, &dist.join("demo"), 3);
    assert_eq!(v["snapshot"]["signature"], "bad", "{v}");
    std::fs::write(&snap, &original).unwrap();
    verify_tree(&env, &dist, 0);

    // A package swapped for other bytes with a matching .sha512 and a good signature by the
    // same key: every sidecar agrees, only the snapshot tells.
    let dir = dist.join("demo/1.1.0");
    let pkg = dir.join("demo-1.1.0-src.tar.gz");
    std::fs::remove_file(&pkg).unwrap();
    std::fs::write(&pkg, b"not the voted bytes").unwrap();
    let sum = std::process::Command::new("sha512sum")
        .arg("demo-1.1.0-src.tar.gz")
        .current_dir(&dir)
        .output()
        .unwrap();
    std::fs::write(dir.join("demo-1.1.0-src.tar.gz.sha512"), sum.stdout).unwrap();
    let gpg = Gpg::new();
    gpg.ok(&["--import", env.path().join("rm.sec.asc").to_str().unwrap()]);
    env.set_now("2026-11-24T14:00:00Z"); // after gpg's signature
    gpg.ok(&[
        "--faked-system-time",
        "20261124T130000",
        "--armor",
        "--detach-sign",
        "-o",
        dir.join("demo-1.1.0-src.tar.gz.asc").to_str().unwrap(),
        pkg.to_str().unwrap(),
    ]);
    let v = verify_tree(&env, &dist, 3);
    let p = v["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "demo/1.1.0/demo-1.1.0-src.tar.gz")
        .unwrap();
    assert_eq!(
        (&p["checksum"], &p["signature"]),
        (&"ok".into(), &"ok".into()),
        "{v}"
    );
    let problems = v["snapshot"]["problems"].to_string();
    assert!(problems.contains("demo/1.1.0/demo-1.1.0-src.tar.gz"), "{v}");
    let v = verify_tree(&env, &dist.join("demo/1.1.0"), 3);
    assert!(
        v["snapshot"]["problems"]
            .to_string()
            .contains("demo/1.1.0/demo-1.1.0-src.tar.gz: differs from snapshot.json"),
        "{v}"
    );
    verify_tree(&env, &dist.join("demo/1.0.0"), 0);

    // A listed package that is gone.
    std::fs::remove_file(&pkg).unwrap();
    let v = verify_tree(&env, &dist, 3);
    assert!(
        v["snapshot"]["problems"].to_string().contains("missing"),
        "{v}"
    );
}

/// `publish DIR` as `rm` with `rm.sec.asc`, its `--json` report.
fn publish(env: &TestEnv, dist: &Path) -> Value {
    env.json(&[
        "--as",
        "rm",
        "publish",
        dist.to_str().unwrap(),
        "--key",
        "rm.sec.asc",
    ])
}

fn write(path: &Path, content: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

/// publish removes only files its previous snapshot listed: a checkout's `.svn/`, a release it
/// never wrote and a file beside a listed release stay, and are reported as kept.
#[test]
fn publish_removes_only_what_its_own_snapshot_listed() {
    let (env, dist) = published();
    let foreign = [
        "demo/.svn/entries",
        "demo/0.9.0/demo-0.9.0-src.tar.gz",
        "demo/0.9.0/demo-0.9.0-src.tar.gz.asc",
        "demo/1.0.0/NOTES.txt",
    ];
    for f in foreign {
        write(&dist.join(f), f.as_bytes());
    }
    env.ok(&["--as", "rm", "revoke", "demo@1.0.0", "--reason", "broken"]);
    let r = publish(&env, &dist);
    // The package, its .asc and .sha512, and two SBOMs with theirs.
    assert_eq!(r["removed"], 9, "{r}");
    assert!(!dist.join("demo/1.0.0/demo-1.0.0-src.tar.gz").exists());
    for f in foreign {
        assert_eq!(std::fs::read(dist.join(f)).unwrap(), f.as_bytes(), "{f}");
    }
    let kept: Vec<&str> = r["kept"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    let mut want = foreign.to_vec();
    want.sort();
    assert_eq!(kept, want, "{r}");
    let human = env
        .ok(&[
            "--as",
            "rm",
            "publish",
            dist.to_str().unwrap(),
            "--key",
            "rm.sec.asc",
        ])
        .get_output()
        .stdout
        .clone();
    let human = String::from_utf8_lossy(&human);
    assert!(
        human.contains("Kept 4 files that publish did not write: demo/.svn/entries"),
        "{human}"
    );
}

/// A symlinked directory inside DIR is refused with its path, and nothing is written where it
/// points.
#[test]
fn publish_never_writes_through_a_symlinked_directory() {
    let (env, dist) = published();
    let outside = env.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    let release = dist.join("demo/1.1.0");
    std::fs::remove_dir_all(&release).unwrap();
    std::os::unix::fs::symlink(&outside, &release).unwrap();
    let err = env.fails(
        2,
        &[
            "--as",
            "rm",
            "publish",
            dist.to_str().unwrap(),
            "--key",
            "rm.sec.asc",
        ],
    );
    assert!(
        err.contains("demo/1.1.0") && err.contains("symbolic link"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
    // The project's directory itself, too.
    std::fs::remove_file(&release).unwrap();
    let demo = dist.join("demo");
    std::fs::rename(&demo, env.path().join("moved")).unwrap();
    std::os::unix::fs::symlink(&outside, &demo).unwrap();
    let err = env.fails(
        2,
        &[
            "--as",
            "rm",
            "publish",
            dist.to_str().unwrap(),
            "--key",
            "rm.sec.asc",
        ],
    );
    assert!(
        err.contains("demo") && err.contains("symbolic link"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
}

/// Published packages are copies: writing into one in place leaves the store's object (and so
/// fsck) as it was. A tree published as hard links before is given copies on the next publish.
#[test]
fn writing_to_a_published_file_leaves_the_store_clean() {
    use std::io::Write;
    use std::os::unix::fs::MetadataExt;
    let (env, dist) = published();
    let pkg = dist.join("demo/1.1.0/demo-1.1.0-src.tar.gz");
    assert_eq!(std::fs::metadata(&pkg).unwrap().nlink(), 1);
    let mut f = std::fs::OpenOptions::new().write(true).open(&pkg).unwrap();
    f.write_all(b"mirror scribbles here").unwrap();
    drop(f);
    let v = env.json(&["fsck"]);
    assert_eq!(v["ok"], true, "{v}");

    // A hard link to the object (what an older publish wrote) is replaced by a copy.
    let sha256 = env.json(&["release", "show", "demo@1.1.0"])["packages"][0]["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    let object = env
        .store_dir()
        .join("objects/sha256")
        .join(&sha256[..2])
        .join(&sha256[2..]);
    assert!(object.is_file(), "{}", object.display());
    std::fs::remove_file(&pkg).unwrap();
    std::fs::hard_link(&object, &pkg).unwrap();
    let r = publish(&env, &dist);
    assert_eq!(r["written"], 1, "{r}");
    let (p, o) = (
        std::fs::metadata(&pkg).unwrap(),
        std::fs::metadata(&object).unwrap(),
    );
    assert_ne!((p.dev(), p.ino()), (o.dev(), o.ino()));
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

fn problems(v: &Value) -> Vec<String> {
    v["snapshot"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

/// Only what the snapshot lists as current passes: a revoked release's folder copied back, a
/// release never published and an extra signed file in a listed release each fail, one line
/// naming the file and the reason.
#[test]
fn verify_dir_refuses_files_the_snapshot_does_not_list() {
    let (env, dist) = published();
    let saved = env.path().join("saved-1.1.0");
    copy_dir(&dist.join("demo/1.1.0"), &saved);
    env.ok(&["--as", "rm", "revoke", "demo@1.1.0", "--reason", "broken"]);
    publish(&env, &dist);
    assert!(!dist.join("demo/1.1.0").exists());
    verify_tree(&env, &dist, 0);

    // The revoked release, copied back.
    copy_dir(&saved, &dist.join("demo/1.1.0"));
    let v = verify_tree(&env, &dist, 3);
    let line = "demo/1.1.0/demo-1.1.0-src.tar.gz: demo@1.1.0 is revoked (broken) in snapshot.json: \
                its files must not be in the tree";
    assert!(problems(&v).iter().any(|p| p == line), "{v}");
    assert_eq!(
        v["snapshot"]["unlisted"].as_array().unwrap().len(),
        3,
        "{v}"
    );
    let human = env
        .run(&["verify", "--dir", dist.to_str().unwrap()])
        .code(3)
        .get_output()
        .stdout
        .clone();
    let human = String::from_utf8_lossy(&human);
    assert!(human.lines().any(|l| l.trim() == line), "{human}");
    // So from below the top: the project's directory and the release's own.
    for part in ["demo", "demo/1.1.0"] {
        let v = verify_tree(&env, &dist.join(part), 3);
        assert!(problems(&v).iter().any(|p| p == line), "{part}: {v}");
        assert_eq!(
            v["snapshot"]["unlisted"].as_array().unwrap().len(),
            3,
            "{v}"
        );
    }
    verify_tree(&env, &dist.join("demo/1.0.0"), 0);
    std::fs::remove_dir_all(dist.join("demo/1.1.0")).unwrap();
    verify_tree(&env, &dist, 0);
    verify_tree(&env, &dist.join("demo"), 0);

    // A release never published (the signed files of another, under a new version).
    copy_dir(&dist.join("demo/1.0.0"), &dist.join("demo/0.9.0"));
    let v = verify_tree(&env, &dist, 3);
    assert!(
        problems(&v)
            .contains(&"demo/0.9.0/demo-1.0.0-src.tar.gz: not listed in snapshot.json".into()),
        "{v}"
    );
    for part in ["demo", "demo/0.9.0"] {
        let v = verify_tree(&env, &dist.join(part), 3);
        assert!(
            problems(&v)
                .contains(&"demo/0.9.0/demo-1.0.0-src.tar.gz: not listed in snapshot.json".into()),
            "{part}: {v}"
        );
    }
    std::fs::remove_dir_all(dist.join("demo/0.9.0")).unwrap();
    verify_tree(&env, &dist, 0);

    // An extra file in a listed release, with a good signature and checksum.
    let d = dist.join("demo/1.0.0");
    std::fs::copy(d.join("demo-1.0.0-src.tar.gz"), d.join("extra.tar.gz")).unwrap();
    std::fs::copy(
        d.join("demo-1.0.0-src.tar.gz.asc"),
        d.join("extra.tar.gz.asc"),
    )
    .unwrap();
    let sum = std::process::Command::new("sha512sum")
        .arg("extra.tar.gz")
        .current_dir(&d)
        .output()
        .unwrap();
    std::fs::write(d.join("extra.tar.gz.sha512"), sum.stdout).unwrap();
    let v = verify_tree(&env, &dist, 3);
    let extra = v["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "demo/1.0.0/extra.tar.gz")
        .unwrap();
    assert_eq!(
        (&extra["checksum"], &extra["signature"]),
        (&"ok".into(), &"ok".into())
    );
    assert_eq!(
        problems(&v),
        ["demo/1.0.0/extra.tar.gz: not listed in snapshot.json"],
        "{v}"
    );
    for part in ["demo", "demo/1.0.0"] {
        let v = verify_tree(&env, &dist.join(part), 3);
        assert_eq!(
            problems(&v),
            ["demo/1.0.0/extra.tar.gz: not listed in snapshot.json"],
            "{part}: {v}"
        );
    }
}

/// A snapshot past its `expires` fails (judged by $RELMGR_NOW's clock); so does one older than
/// a version already seen: by the store (which publish and verify keep), or without a store by
/// the file beside `--keys`.
#[test]
fn verify_dir_refuses_an_expired_or_rolled_back_snapshot() {
    let (env, dist) = published();
    let v1 = env.path().join("dist-v1");
    copy_dir(&dist, &v1);
    env.set_now("2026-12-24T12:00:01Z"); // 30 days and a second after publishing
    let v = verify_tree(&env, &dist, 3);
    assert!(
        problems(&v).iter().any(|p| p.starts_with(
            "snapshot.json: expired at 2026-12-24T12:00:00Z (now 2026-12-24T12:00:01Z)"
        )),
        "{v}"
    );
    let v = verify_tree(&env, &dist.join("demo/1.0.0"), 3);
    assert!(
        problems(&v)
            .iter()
            .any(|p| p.starts_with("snapshot.json: expired at 2026-12-24T12:00:00Z")),
        "{v}"
    );
    env.set_now(PAST);
    verify_tree(&env, &dist, 0);
    verify_tree(&env, &dist.join("demo/1.0.0"), 0);

    // Publish again (version 2): the store knows it, and refuses the tree of version 1.
    env.set_now("2026-11-24T13:00:00Z");
    assert_eq!(publish(&env, &dist)["version"], 2);
    let v = verify_tree(&env, &v1, 3);
    assert_eq!(
        problems(&v),
        ["snapshot.json: version 1 is older than version 2 already seen for demo (a rollback)"],
        "{v}"
    );
    for part in ["demo", "demo/1.1.0"] {
        let v = verify_tree(&env, &v1.join(part), 3);
        assert_eq!(
            problems(&v),
            ["snapshot.json: version 1 is older than version 2 already seen for demo (a rollback)"],
            "{part}: {v}"
        );
    }
    verify_tree(&env, &dist, 0);

    // Without a store: the versions seen are kept beside --keys.
    let user = crate::common::TestEnv::bare();
    user.set_now("2026-11-24T14:00:00Z");
    let keys = user.path().join("demo-KEYS");
    std::fs::copy(dist.join("demo/KEYS"), &keys).unwrap();
    let verify = |tree: &Path, code: i32| -> Value {
        let out = user
            .run(&[
                "--json",
                "verify",
                "--dir",
                tree.to_str().unwrap(),
                "--keys",
                keys.to_str().unwrap(),
            ])
            .code(code)
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    };
    verify(&v1, 0);
    let v = verify(&dist, 0);
    let seen = user.path().join("demo-KEYS.seen.json");
    assert_eq!(v["snapshot"]["last_seen"], seen.to_str().unwrap(), "{v}");
    let kept: Value = serde_json::from_slice(&std::fs::read(&seen).unwrap()).unwrap();
    assert_eq!(kept, serde_json::json!({"demo": 2}));
    let v = verify(&v1, 3);
    assert!(problems(&v).iter().any(|p| p.contains("a rollback")), "{v}");
    let v = verify(&v1.join("demo"), 3);
    assert!(problems(&v).iter().any(|p| p.contains("a rollback")), "{v}");
    verify(&dist.join("demo"), 0);
}

/// Inside a store, the store's keys are the trust root: an attacker who replaces KEYS and
/// re-signs every file and the snapshot passes a verifier without a store, not one inside it.
#[test]
fn inside_a_store_a_replaced_keys_fails() {
    let (env, dist) = published();
    // The attacker's key: another store's rm key, its KEYS.
    let evil = TestEnv::with_project_at(PAST);
    evil.ok(&[
        "--as",
        "rm",
        "key",
        "generate",
        "--user",
        "rm",
        "-o",
        "rm.sec.asc",
    ]);
    evil.ok(&["key", "export", "demo", "-o", "KEYS"]);
    std::fs::copy(evil.path().join("KEYS"), dist.join("demo/KEYS")).unwrap();
    let gpg = Gpg::new();
    gpg.ok(&["--import", evil.path().join("rm.sec.asc").to_str().unwrap()]);
    let mut signed = 0;
    for e in walkdir::WalkDir::new(&dist) {
        let p = e.unwrap().into_path();
        if p.extension().is_some_and(|x| x == "asc") {
            let data = p.with_extension("");
            std::fs::remove_file(&p).unwrap();
            gpg.ok(&[
                "--faked-system-time",
                "20261124T130000",
                "--armor",
                "--detach-sign",
                "-o",
                p.to_str().unwrap(),
                data.to_str().unwrap(),
            ]);
            signed += 1;
        }
    }
    assert_eq!(signed, 7);
    // Outside a store the tree's own KEYS is all there is: the forgery is consistent.
    let user = crate::common::TestEnv::bare();
    user.set_now("2026-11-24T14:00:00Z");
    user.ok(&["verify", "--dir", dist.to_str().unwrap()]);
    user.ok(&["verify", "--dir", dist.join("demo").to_str().unwrap()]);
    // Inside the store it fails, naming the file and the key.
    env.set_now("2026-11-24T14:00:00Z");
    let v = verify_tree(&env, &dist, 3);
    let evil_fpr = evil.json(&["key", "list"])[0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        problems(&v).contains(&format!(
            "demo/KEYS: holds keys that are not the store's keys for demo: {evil_fpr}"
        )),
        "{v}"
    );
    assert_eq!(v["snapshot"]["signature"], "unknown-key", "{v}");
    assert!(
        v["packages"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["signature"] == "unknown-key"),
        "{v}"
    );
    // From below the top as well.
    for part in ["demo", "demo/1.0.0"] {
        let v = verify_tree(&env, &dist.join(part), 3);
        assert!(
            problems(&v).contains(&format!(
                "demo/KEYS: holds keys that are not the store's keys for demo: {evil_fpr}"
            )),
            "{part}: {v}"
        );
        assert_eq!(v["snapshot"]["signature"], "unknown-key", "{v}");
    }
}

/// The tree's top is looked for at most three directories up (`<project>/<product>/<version>/`
/// is the deepest publish writes): a directory deeper down is a plain directory of packages.
#[test]
fn verify_dir_looks_for_the_tree_top_at_most_three_levels_up() {
    let (env, dist) = published();
    let release = dist.join("demo/1.0.0");
    let deep = release.join("a/b");
    for f in [
        "demo-1.0.0-src.tar.gz",
        "demo-1.0.0-src.tar.gz.asc",
        "demo-1.0.0-src.tar.gz.sha512",
    ] {
        write(&deep.join(f), &std::fs::read(release.join(f)).unwrap());
    }
    // Three levels below the top (demo/1.0.0/a): the snapshot judges, and does not list it.
    let v = verify_tree(&env, &release.join("a"), 3);
    assert_eq!(
        problems(&v),
        ["demo/1.0.0/a/b/demo-1.0.0-src.tar.gz: not listed in snapshot.json"],
        "{v}"
    );
    // Four levels below: no snapshot, a plain directory checked with the store's keys.
    let v = verify_tree(&env, &deep, 0);
    assert!(v.get("snapshot").is_none(), "{v}");
    assert_eq!(v["packages"][0]["name"], "demo-1.0.0-src.tar.gz", "{v}");
}

/// `check --dir` on a release's directory inside a published tree still judges each package's
/// signature and checksum (verify names the files from the tree's top; check from the
/// directory named).
#[test]
fn check_dir_below_a_published_tree_judges_signatures() {
    let (env, dist) = published();
    let out = env
        .run(&[
            "--json",
            "check",
            "--dir",
            dist.join("demo/1.0.0").to_str().unwrap(),
        ])
        .get_output()
        .stdout
        .clone();
    let findings: Value = serde_json::from_slice(&out).unwrap();
    let row = |check: &str| {
        findings
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["package"] == "demo-1.0.0-src.tar.gz" && f["check"] == check)
            .unwrap_or_else(|| panic!("no {check} row: {findings:#}"))
            .clone()
    };
    assert_eq!(row("signature")["result"], "pass", "{findings:#}");
    assert_eq!(row("checksum")["result"], "pass", "{findings:#}");
}

/// A tree whose `snapshot.json` is gone is no plain directory to the store that published it:
/// `verify --dir` on it or below it fails, naming the missing file. A verifier without a store
/// has nothing to tell it a snapshot belongs there (docs/published-tree.md).
#[test]
fn verify_dir_refuses_a_tree_of_this_store_without_its_snapshot() {
    let (env, dist) = published();
    let saved = env.path().join("saved-1.1.0");
    copy_dir(&dist.join("demo/1.1.0"), &saved);
    env.ok(&["--as", "rm", "revoke", "demo@1.1.0", "--reason", "broken"]);
    publish(&env, &dist);
    // The mirror puts the revoked release back and deletes the snapshot that refuses it.
    copy_dir(&saved, &dist.join("demo/1.1.0"));
    std::fs::remove_file(dist.join("snapshot.json")).unwrap();
    std::fs::remove_file(dist.join("snapshot.json.asc")).unwrap();
    let top = dist.canonicalize().unwrap();
    for part in ["", "demo", "demo/1.1.0"] {
        let v = verify_tree(&env, &dist.join(part), 3);
        assert_eq!(v["snapshot"]["signature"], "missing", "{part}: {v}");
        assert_eq!(
            problems(&v),
            [format!(
                "snapshot.json: missing from {}, where this store published version 2: the tree \
                 cannot be judged (a mirror may have removed it; publish again)",
                top.display()
            )],
            "{part}: {v}"
        );
    }
    // Publishing again puts it back; it did not list the copied-back files, so they stay, and
    // are refused, until removed.
    publish(&env, &dist);
    let v = verify_tree(&env, &dist.join("demo"), 3);
    assert!(
        problems(&v)
            .iter()
            .any(|p| p.contains("demo@1.1.0 is revoked")),
        "{v}"
    );
    std::fs::remove_dir_all(dist.join("demo/1.1.0")).unwrap();
    verify_tree(&env, &dist, 0);
}
