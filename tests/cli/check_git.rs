//! `relmgr check --git REF`: a source archive made by `git archive` from a tagged repository
//! matches it; one file edited, one added, one removed are each reported; `check ignore`
//! applies; the same release as .tar.gz and .zip must hold the same files.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::check_dir::{candidate, check_dir_in};
use crate::checks_real::{findings, stage};
use crate::common::TestEnv;

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .args(["-c", "init.defaultBranch=main", "-c", "tag.gpgSign=false"])
        .args(args)
        .env("HOME", dir)
        .status()
        .unwrap()
        .success();
    assert!(ok, "git {args:?}");
}

/// Makes the test dir a git repository holding a small source tree, tagged `v1.2.0`, and
/// returns the `git archive` of it as demo-1.2.0.tar.gz (and .zip) under `out/`.
fn tagged_repo(env: &TestEnv) {
    let d = env.path();
    env.write("LICENSE", b"Apache License 2.0\n");
    env.write("NOTICE", b"Apache Demo\n");
    env.write(
        "src/A.java",
        b"// SPDX-License-Identifier: Apache-2.0\nclass A {}\n",
    );
    env.write(
        "src/B.java",
        b"// SPDX-License-Identifier: Apache-2.0\nclass B {}\n",
    );
    env.write(
        "src/gone.py",
        b"# SPDX-License-Identifier: Apache-2.0\nx = 1\n",
    );
    git(d, &["init", "-q"]);
    git(d, &["add", "LICENSE", "NOTICE", "src"]);
    git(d, &["commit", "-q", "-m", "1.2.0"]);
    git(d, &["tag", "v1.2.0"]);
    std::fs::create_dir_all(d.join("out")).unwrap();
    for fmt in ["tar.gz", "zip"] {
        let out = format!("out/demo-1.2.0.{fmt}");
        git(
            d,
            &["archive", "--prefix=demo-1.2.0/", "-o", &out, "v1.2.0"],
        );
    }
}

/// The edited archive: B.java changed, EXTRA.txt added, gone.py removed.
fn edited_archive(env: &TestEnv) -> String {
    let d = env.path();
    let work = d.join("edit");
    std::fs::create_dir_all(&work).unwrap();
    assert!(
        Command::new("tar")
            .arg("-xzf")
            .arg(d.join("out/demo-1.2.0.tar.gz"))
            .arg("-C")
            .arg(&work)
            .status()
            .unwrap()
            .success()
    );
    let top = work.join("demo-1.2.0");
    std::fs::write(
        top.join("src/B.java"),
        b"// SPDX-License-Identifier: Apache-2.0\nclass B { int x; }\n",
    )
    .unwrap();
    std::fs::write(top.join("EXTRA.txt"), b"added by the release\n").unwrap();
    std::fs::remove_file(top.join("src/gone.py")).unwrap();
    let out = d.join("edited/demo-1.2.0.tar.gz");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    assert!(
        Command::new("tar")
            .arg("-czf")
            .arg(&out)
            .arg("-C")
            .arg(&work)
            .arg("demo-1.2.0")
            .status()
            .unwrap()
            .success()
    );
    out.to_string_lossy().into_owned()
}

fn tree_rows<'a>(f: &'a [Value], check: &str) -> Vec<&'a Value> {
    f.iter().filter(|x| x["check"] == check).collect()
}

#[test]
fn git_archive_of_the_tag_matches_and_edits_are_each_reported() {
    let env = TestEnv::with_rm_key();
    tagged_repo(&env);
    let tgz = env.path().join("out/demo-1.2.0.tar.gz");
    stage(&env, "demo@1.2.0", &[tgz.to_str().unwrap()], &[]);
    let f = findings(&env, &["demo@1.2.0", "--git", "v1.2.0"], 0);
    let rows = tree_rows(&f, "source-tree");
    assert_eq!(rows.len(), 1, "{f:#?}");
    assert_eq!(rows[0]["result"], "pass", "{:#?}", rows[0]);
    env.fails(6, &["check", "demo@1.2.0", "--git", "no-such-tag"]);

    let edited = edited_archive(&env);
    stage(&env, "demo@1.2.0", &[&edited], &[]);
    let f = findings(&env, &["demo@1.2.0", "--git", "v1.2.0"], 3);
    let rows = tree_rows(&f, "source-tree");
    let got: Vec<(&str, &Value)> = rows
        .iter()
        .map(|r| (r["result"].as_str().unwrap(), &r["entries"]))
        .collect();
    assert_eq!(got.len(), 3, "{rows:#?}");
    assert!(got.iter().all(|(r, _)| *r == "fail"));
    assert_eq!(rows[0]["entries"][0], "EXTRA.txt", "only in the archive");
    assert_eq!(rows[1]["entries"][0], "src/gone.py", "only in git");
    assert_eq!(rows[2]["entries"][0], "src/B.java", "different");
    assert!(
        rows[0]["reason"]
            .as_str()
            .unwrap()
            .contains("only in the archive")
    );
    // A file the release adds, accepted by an ignore.
    env.ok(&[
        "--as",
        "rm",
        "check",
        "ignore",
        "add",
        "demo",
        "source-tree:*:EXTRA.txt",
        "--reason",
        "written by the release build",
    ]);
    let f = findings(&env, &["demo@1.2.0", "--git", "v1.2.0"], 3);
    let rows = tree_rows(&f, "source-tree");
    assert_eq!(rows[0]["result"], "pass", "{:#?}", rows[0]);
    assert_eq!(rows[1]["result"], "fail");
}

#[test]
fn a_tar_gz_and_a_zip_of_one_release_must_hold_the_same_files() {
    let env = TestEnv::with_rm_key();
    tagged_repo(&env);
    let tgz = env.path().join("out/demo-1.2.0.tar.gz");
    let zip = env.path().join("out/demo-1.2.0.zip");
    stage(
        &env,
        "demo@1.2.0",
        &[tgz.to_str().unwrap(), zip.to_str().unwrap()],
        &[],
    );
    let f = findings(&env, &["demo@1.2.0"], 0);
    let rows = tree_rows(&f, "format-parity");
    assert_eq!(rows.len(), 1, "{f:#?}");
    assert_eq!(rows[0]["result"], "pass");
    // The edited .tar.gz beside the tag's .zip: parity fails.
    let edited = edited_archive(&env);
    stage(&env, "demo@1.2.0", &[&edited], &[]);
    let f = findings(&env, &["demo@1.2.0"], 3);
    let rows = tree_rows(&f, "format-parity");
    assert!(rows.iter().all(|r| r["result"] == "fail"), "{rows:#?}");
    assert_eq!(rows.len(), 3, "{rows:#?}");
    // check --dir --git from inside the repository, no store needed there.
    let dl = candidate(&env, "demo@1.2.0", &[zip.to_str().unwrap()]);
    let f = check_dir_in(env.path(), &dl, &["--git", "v1.2.0"]);
    let rows = tree_rows(&f, "source-tree");
    assert!(
        rows.iter()
            .any(|r| r["package"] == "demo-1.2.0.zip" && r["result"] == "pass"),
        "{f:#?}"
    );
}
