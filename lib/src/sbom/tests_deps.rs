//! Tests of the dependency scanner: each lockfile kind with exact purls, each archive kind,
//! corrupt archives.

use super::tests::{FIXTURE_PURLS, add_local, cdx, demo, fixture, spdx_doc};
use super::*;

fn purls(deps: &[Dep]) -> Vec<&str> {
    deps.iter().map(|d| d.purl.as_str()).collect()
}

#[test]
fn scan_tar_gz_and_zip_find_every_lockfile() {
    for name in ["demo-1.2.0-src.tar.gz", "demo-1.2.0-src.zip"] {
        let deps = scan_archive(&fixture(name), name).unwrap();
        assert_eq!(purls(&deps), FIXTURE_PURLS, "{name}");
        let serde = &deps[0];
        assert_eq!((serde.ecosystem, serde.name.as_str()), ("cargo", "serde"));
        assert_eq!(serde.found_in, "demo-1.2.0/Cargo.lock");
        let npm = deps.iter().find(|d| d.name == "@babel/code-frame").unwrap();
        assert_eq!(npm.found_in, "demo-1.2.0/web/package-lock.json");
    }
}

#[test]
fn scan_plain_tar() {
    let dir = tempfile::tempdir().unwrap();
    let tar_path = dir.path().join("x.tar");
    let gz = std::fs::read(fixture("demo-1.2.0-src.tar.gz")).unwrap();
    let mut raw = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut raw).unwrap();
    std::fs::write(&tar_path, raw).unwrap();
    let deps = scan_archive(&tar_path, "demo-1.2.0-src.tar").unwrap();
    assert_eq!(purls(&deps), FIXTURE_PURLS);
}

#[test]
fn cargo_lock_skips_workspace_crates() {
    let text = "version = 4\n[[package]]\nname = \"me\"\nversion = \"0.1.0\"\n\n\
                [[package]]\nname = \"anyhow\"\nversion = \"1.0.86\"\nsource = \"registry+x\"\n\n\
                [[package]]\nname = \"gitdep\"\nversion = \"0.2.0\"\nsource = \"git+https://x/y#abc\"\n";
    let deps = parse::cargo_lock("Cargo.lock", text).unwrap();
    assert_eq!(
        purls(&deps),
        ["pkg:cargo/anyhow@1.0.86", "pkg:cargo/gitdep@0.2.0"]
    );
    assert!(parse::cargo_lock("Cargo.lock", "[[package]\n").is_err());
}

#[test]
fn package_lock_v3_and_v1() {
    let v3 = r#"{"lockfileVersion":3,"packages":{"":{"name":"root","version":"1.0.0"},
        "packages/ws":{"name":"ws","version":"0.0.1"},
        "node_modules/ws":{"resolved":"packages/ws","link":true},
        "node_modules/@types/node":{"version":"20.14.2"},
        "node_modules/local":{"version":"file:../local"},
        "node_modules/a/node_modules/b":{"version":"2.0.0"}}}"#;
    let deps = parse::package_lock("package-lock.json", v3).unwrap();
    assert_eq!(
        purls(&deps),
        ["pkg:npm/%40types/node@20.14.2", "pkg:npm/b@2.0.0"]
    );
    let v1 = r#"{"lockfileVersion":1,"dependencies":{"@scope/x":{"version":"1.0.0",
        "dependencies":{"y":{"version":"2.0.0"}}},"g":{"version":"github:a/b#c"}}}"#;
    let mut deps = parse::package_lock("package-lock.json", v1).unwrap();
    deps.sort();
    assert_eq!(
        purls(&deps),
        ["pkg:npm/%40scope/x@1.0.0", "pkg:npm/y@2.0.0"]
    );
    assert!(parse::package_lock("package-lock.json", "{").is_err());
}

#[test]
fn go_mod_single_and_block_requires() {
    let text = "module m\n\ngo 1.22\n\nrequire golang.org/x/text v0.16.0 // indirect\n\
                require (\n\tgithub.com/a/b v1.0.0\n\t// a comment\n\tgithub.com/c/d/v2 v2.1.0+incompatible // indirect\n)\n\
                replace github.com/a/b => ../b\nrequire ()\n";
    let deps = parse::go_mod("go.mod", text);
    assert_eq!(
        purls(&deps),
        [
            "pkg:golang/golang.org/x/text@v0.16.0",
            "pkg:golang/github.com/a/b@v1.0.0",
            "pkg:golang/github.com/c/d/v2@v2.1.0%2Bincompatible",
        ]
    );
}

#[test]
fn requirements_pinned_lines_only() {
    let text = "# c\n-r other.txt\n-e .\n--index-url https://x\nDjango==4.2.13  # pinned\n\
                zope.interface==6.4 ; python_version>'3'\nPyYAML[extra,more] == 6.0.1 --hash=sha256:abc\n\
                pkg_a==1.0 \\\n  --hash=sha256:def\nloose>=1.0\nwild==1.*\nrange>=1,==1.5\narb===1.0\nbare\n";
    let deps = parse::requirements("requirements.txt", text);
    assert_eq!(
        purls(&deps),
        [
            "pkg:pypi/django@4.2.13",
            "pkg:pypi/zope.interface@6.4",
            "pkg:pypi/pyyaml@6.0.1",
            "pkg:pypi/pkg-a@1.0",
        ]
    );
}

#[test]
fn corrupt_archives_are_errors_and_documents_still_build() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(fixture("demo-1.2.0-src.tar.gz")).unwrap();
    let cases: [(&str, &[u8]); 4] = [
        ("bad.tar.gz", b"not gzip at all"),
        ("bad.zip", b"PK\x03\x04 truncated"),
        ("truncated.tar.gz", &good[..good.len() / 2]),
        ("bad.tar", &[0xffu8; 1024]),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        assert!(scan_archive(&path, name).is_err(), "{name}");
    }
    let mut r = demo(vec![]);
    add_local(&mut r, "bad.zip", &dir.path().join("bad.zip"));
    let scan = scan_release(&r);
    assert_eq!(scan.errors.keys().collect::<Vec<_>>(), ["bad.zip"]);
    let doc = cdx(&r);
    let bad = doc["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "bad.zip")
        .unwrap();
    assert!(
        bad["properties"]
            .to_string()
            .contains("relmgr:dependency-scan")
    );
    assert!(spdx_doc(&r).to_string().contains("dependency scan failed"));
}

mod properties {
    use super::super::parse;
    use proptest::prelude::*;

    proptest! {
        /// No lockfile text, however broken, makes a parser panic; what they return is well
        /// formed (non-empty names and versions, purls of their ecosystem).
        #[test]
        fn lockfile_parsers_never_panic(text in "\\PC{0,300}", kind in 0usize..4) {
            let path = ["Cargo.lock", "package-lock.json", "go.mod", "requirements.txt"][kind];
            if let Ok(deps) = parse::lockfile(path, &text) {
                for d in deps {
                    prop_assert!(!d.name.is_empty() && !d.version.is_empty());
                    let prefix = format!("pkg:{}/", d.ecosystem);
                    prop_assert!(d.purl.starts_with(&prefix), "{} for {}", d.purl, prefix);
                }
            }
        }

        #[test]
        fn pinned_requirements_are_found(name in "[a-z][a-z0-9_-]{0,12}", ver in "[0-9]{1,3}(\\.[0-9]{1,3}){0,2}") {
            let text = format!("# comment\n{name}=={ver}  # pinned\n-r other.txt\nunpinned>=1\n");
            let deps = parse::lockfile("requirements.txt", &text).unwrap();
            prop_assert_eq!(deps.len(), 1);
            prop_assert_eq!(&deps[0].version, &ver);
        }
    }
}
