//! `check --dir` at Apache RAT's level (issue #30) on real archives from PyPI and npm
//! (`fixtures/realworld/`, origins in its README.md): missing LICENSE fails, the type table,
//! `--source`/`--binary`/`--license`/`--ignore-file`, levels, rules and per-package summaries.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::check_dir::check_dir_in;
use crate::common::{TestEnv, fixture};

/// A download directory holding only `files` from `fixtures/realworld/` (unsigned).
fn dl(files: &[&str]) -> PathBuf {
    let d = tempfile::tempdir().unwrap().keep();
    for f in files {
        std::fs::copy(fixture(&format!("realworld/{f}")), d.join(f)).unwrap();
    }
    d
}

fn rows<'a>(f: &'a [Value], package: &str, check: &str) -> Vec<&'a Value> {
    f.iter()
        .filter(|x| x["package"] == package && x["check"] == check)
        .collect()
}

fn run(dir: &Path, extra: &[&str]) -> Vec<Value> {
    check_dir_in(dir, dir, extra)
}

/// Item 1: an sdist without LICENSE is a source archive (by content) and fails.
#[test]
fn an_sdist_without_license_fails() {
    let p = "termcolor-1.1.0.tar.gz";
    let f = run(&dl(&[p]), &[]);
    let c = rows(&f, p, "source-contents");
    assert_eq!(c[0]["result"], "fail", "{c:?}");
    assert_eq!(c[0]["level"], "blocker");
    assert_eq!(c[0]["rule"], "source-contents/no-license");
    assert!(
        c[0]["reason"]
            .as_str()
            .unwrap()
            .contains("no LICENSE file in termcolor-1.1.0/")
    );
    let h = rows(&f, p, "license-headers");
    assert!(h.iter().all(|x| x["result"] != "skip"), "{h:?}");
}

/// Item 1: `--binary GLOB` and `--source GLOB` decide, and the skip reason names the flag.
#[test]
fn source_and_binary_globs() {
    let p = "termcolor-1.1.0.tar.gz";
    let d = dl(&[p]);
    let f = run(&d, &["--binary", "termcolor-*"]);
    let c = rows(&f, p, "source-contents");
    assert_eq!(c[0]["result"], "skip");
    assert_eq!(c[0]["level"], "note");
    assert_eq!(c[0]["reason"], "not a source archive: given --binary");
    let f = run(&d, &["--source", "*.tar.gz"]);
    assert_eq!(rows(&f, p, "source-contents")[0]["result"], "fail");
    let bad = TestEnv::bare()
        .run(&["check", "--dir", d.to_str().unwrap(), "--source", "a[b"])
        .code(2);
    assert!(String::from_utf8_lossy(&bad.get_output().stderr).contains("--source"));
}

/// Items 2-4 on an npm tarball whose sources hold UTF-8 (Chinese) comments: read without
/// trouble, `.json` not read (as RAT), `--license` sets the project's rules.
#[test]
fn npm_tarball_with_utf8_comments() {
    let p = "nzh-1.0.12.tgz";
    let f = run(&dl(&[p]), &["--license", "BSD-2-Clause"]);
    assert_eq!(rows(&f, p, "archive-integrity")[0]["result"], "pass");
    let h = rows(&f, p, "license-headers");
    assert!(h.iter().all(|x| x["result"] == "pass"), "{h:?}");
    let missing = h
        .iter()
        .find(|x| x["rule"] == "license-headers/missing")
        .unwrap();
    assert!(
        missing["reason"]
            .as_str()
            .unwrap()
            .contains("not required for BSD-2-Clause")
    );
    assert_eq!(missing["level"], "note");
    // RAT does not read `.json` (application/json): no row names package.json.
    for x in &h {
        assert!(
            !x["reason"].as_str().unwrap().contains("package.json"),
            "{x}"
        );
    }
}

/// Item 4: a JSON-schema-heavy sdist: schemas (extension-less vocabularies too) are not
/// asked for a header; `.github/` is left out as RAT's HIDDEN_DIR does.
#[test]
fn json_schema_heavy_sdist() {
    let p = "jsonschema_specifications-2023.12.1.tar.gz";
    let f = run(&dl(&[p]), &["--license", "MIT"]);
    let h = rows(&f, p, "license-headers");
    let json = h
        .iter()
        .find(|x| x["rule"] == "license-headers/commentless")
        .unwrap_or_else(|| panic!("{h:?}"));
    let entries: Vec<&str> = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert!(
        entries.contains(
            &"jsonschema_specifications-2023.12.1/jsonschema_specifications/schemas/draft202012/vocabularies/core"
        ),
        "{entries:?}"
    );
    for x in &h {
        let e = x["entries"].as_array().unwrap();
        assert!(
            e.iter().all(|e| !e.as_str().unwrap().contains("/.github/")),
            "{x}"
        );
    }
}

/// Item 5: an MIT project with `--license MIT`: no NOTICE or header asked, exit 0 with
/// --strict apart from the (absent) signature; item 6: a summary line per package.
#[test]
fn mit_project_with_license_mit() {
    let p = "is-number-7.0.0.tgz";
    let d = dl(&[p]);
    let f = run(&d, &["--license", "MIT"]);
    let c = rows(&f, p, "source-contents");
    assert_eq!(c[0]["result"], "pass", "{c:?}");
    assert!(
        c[0]["reason"]
            .as_str()
            .unwrap()
            .contains("not required for MIT")
    );
    let h = rows(&f, p, "license-headers");
    assert!(h.iter().all(|x| x["result"] == "pass"), "{h:?}");
    let apache = run(&d, &[]);
    let c = rows(&apache, p, "source-contents");
    assert_eq!(c[0]["result"], "warn", "{c:?}");
    let out = TestEnv::bare()
        .run(&["check", "--dir", d.to_str().unwrap(), "--license", "MIT"])
        .code(3);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains(&format!("{p}: blocked: 3 blockers, 1 warning, 2 notes.")),
        "no signature, no checksum, no layout: {text}"
    );
}

/// Item 5: `--ignore-file` in RAT's `--input-exclude-file` format leaves files out.
#[test]
fn ignore_file_excludes_files() {
    let p = "termcolor-1.1.0.tar.gz";
    let d = dl(&[p]);
    let before = run(&d, &[]);
    let h = rows(&before, p, "license-headers");
    assert!(h.iter().any(|x| x["result"] == "warn"), "{h:?}");
    let ex = d.join("excludes.txt");
    std::fs::write(&ex, "# RAT excludes\n*.py\n*.rst\nPKG-INFO\nCOPYING.txt\n").unwrap();
    let after = run(&d, &["--ignore-file", ex.to_str().unwrap()]);
    let h = rows(&after, p, "license-headers");
    assert!(h.iter().all(|x| x["result"] == "pass"), "{h:?}");
}

/// Item 5: a source tree's own `.rat-excludes` is read.
#[test]
fn rat_excludes_in_the_tree() {
    let d = tempfile::tempdir().unwrap().keep();
    let top = d.join("src-tree").join("demo-1.0");
    std::fs::create_dir_all(top.join("gen")).unwrap();
    std::fs::write(top.join("LICENSE"), "Apache License\n").unwrap();
    std::fs::write(top.join("NOTICE"), "Demo\n").unwrap();
    std::fs::write(top.join("a.py"), "# SPDX-License-Identifier: Apache-2.0\n").unwrap();
    std::fs::write(top.join("gen/b.py"), "x = 1\n").unwrap();
    std::fs::write(top.join(".rat-excludes"), "gen/**\n.rat-excludes\n").unwrap();
    let out = d.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let st = std::process::Command::new("tar")
        .args(["-czf", out.join("demo-1.0.tar.gz").to_str().unwrap(), "-C"])
        .arg(d.join("src-tree"))
        .arg("demo-1.0")
        .status()
        .unwrap();
    assert!(st.success());
    let f = run(&out, &[]);
    let h = rows(&f, "demo-1.0.tar.gz", "license-headers");
    assert_eq!(h.len(), 1, "{h:?}");
    assert_eq!(h[0]["result"], "pass", "{h:?}");
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Item 7: the SWHID of a `.tar.gz` and a `.zip` of the same tree are equal, and equal to
/// `git write-tree`'s id of that directory (an executable, a symlink, nested directories).
#[test]
fn swhid_parity_with_git() {
    let d = tempfile::tempdir().unwrap().keep();
    let top = d.join("src").join("demo-1.0");
    std::fs::create_dir_all(top.join("a/b")).unwrap();
    std::fs::write(top.join("LICENSE"), "Apache License\n").unwrap();
    std::fs::write(
        top.join("a/b/deep.py"),
        "# SPDX-License-Identifier: Apache-2.0\n",
    )
    .unwrap();
    std::fs::write(top.join("a-b.txt"), "sorts before a/ in git\n").unwrap();
    std::fs::write(top.join("run.sh"), "#!/bin/sh\necho hi\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(top.join("run.sh"), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::os::unix::fs::symlink("LICENSE", top.join("COPYING")).unwrap();
    git(&top, &["init", "-q"]);
    git(&top, &["add", "-A"]);
    let tree = git(&top, &["write-tree"]);
    std::fs::remove_dir_all(top.join(".git")).unwrap();
    let out = d.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let st = std::process::Command::new("tar")
        .args(["-czf", out.join("demo-1.0.tar.gz").to_str().unwrap(), "-C"])
        .arg(d.join("src"))
        .arg("demo-1.0")
        .status()
        .unwrap();
    assert!(st.success());
    let zip = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            r#"
import os, sys, zipfile, stat
root, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dest, "w") as z:
    for dirpath, dirs, files in sorted(os.walk(root)):
        for n in sorted(files):
            p = os.path.join(dirpath, n)
            arc = os.path.relpath(p, os.path.dirname(root))
            st = os.lstat(p)
            info = zipfile.ZipInfo(arc)
            info.external_attr = st.st_mode << 16
            data = os.readlink(p).encode() if stat.S_ISLNK(st.st_mode) else open(p, "rb").read()
            z.writestr(info, data)
"#,
        )
        .arg(&top)
        .arg(out.join("demo-1.0.zip"))
        .status()
        .unwrap();
    assert!(zip.success());
    let f = run(&out, &[]);
    let id = |p: &str| rows(&f, p, "archive-integrity")[0]["swhid"].clone();
    let want = format!("swh:1:dir:{tree}");
    assert_eq!(id("demo-1.0.tar.gz"), want.as_str(), "{f:?}");
    assert_eq!(id("demo-1.0.zip"), want.as_str());
    let text = TestEnv::bare()
        .run(&["check", "--dir", out.to_str().unwrap()])
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&text).contains(&want));
}
