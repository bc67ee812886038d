//! `relmgr init` in a git work tree keeps the store out of `git status` through
//! `.git/info/exclude` (SPEC §6).

use std::path::Path;
use std::process::Command;

use crate::common::TestEnv;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "init.defaultBranch=main"])
        .args(args)
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn init_in_a_git_work_tree_leaves_git_status_clean() {
    let env = TestEnv::bare();
    git(env.path(), &["init", "-q"]);
    env.ok(&["init", "--user", "admin"]);
    assert_eq!(git(env.path(), &["status", "--porcelain"]), "");
    let exclude = std::fs::read_to_string(env.path().join(".git/info/exclude")).unwrap();
    assert_eq!(
        exclude
            .lines()
            .filter(|l| l.contains(".relmgr"))
            .collect::<Vec<_>>(),
        ["/.relmgr/"]
    );
    // Other files still show.
    env.write("README", b"hi\n");
    assert_eq!(git(env.path(), &["status", "--porcelain"]), "?? README\n");
}

#[test]
fn init_of_a_relative_directory_in_a_git_work_tree_excludes_its_store() {
    let env = TestEnv::bare();
    git(env.path(), &["init", "-q"]);
    std::fs::create_dir(env.path().join("sub")).unwrap();
    env.ok(&["init", "sub/new dir", "--user", "admin"]);
    assert_eq!(git(env.path(), &["status", "--porcelain"]), "");
    // From a subdirectory too.
    let mut cmd = env.cmd();
    cmd.current_dir(env.path().join("sub"))
        .args(["init", "../other", "--user", "admin"])
        .assert()
        .success();
    assert_eq!(git(env.path(), &["status", "--porcelain"]), "");
}

#[test]
fn init_outside_git_makes_no_repository() {
    let env = TestEnv::bare();
    env.ok(&["init", "--user", "admin"]);
    assert!(!env.path().join(".git").exists());
}
