//! `relmgr init` in a git work tree keeps the store out of `git status` through
//! `.git/info/exclude` (SPEC §6), wherever in the work tree the store is.

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
    let v = env.json(&["init", "--user", "admin"]);
    assert_eq!(v["git_exclude"], "/.relmgr/");
    assert_eq!(git(env.path(), &["status", "--porcelain"]), "");

    // A store in a new subdirectory, from the root: its own path, special characters taken
    // literally; the text output says so.
    let out = env.ok(&["init", "sub dir/x", "--user", "admin"]);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("/sub\\ dir/x/.relmgr/ is in .git/info/exclude"),
        "{text}"
    );
    assert_eq!(git(env.path(), &["status", "--porcelain"]), "");
    let exclude = std::fs::read_to_string(env.path().join(".git/info/exclude")).unwrap();
    assert_eq!(
        exclude
            .lines()
            .filter(|l| l.ends_with(".relmgr/"))
            .collect::<Vec<_>>(),
        ["/.relmgr/", "/sub\\ dir/x/.relmgr/"]
    );
    // Other files still show.
    env.write("README", b"hi\n");
    assert_eq!(git(env.path(), &["status", "--porcelain"]), "?? README\n");
}

#[test]
fn init_outside_git_touches_no_exclude_file() {
    let env = TestEnv::bare();
    let v = env.json(&["init", "--user", "admin"]);
    assert!(v["git_exclude"].is_null());
    assert!(!env.path().join(".git").exists());
}
