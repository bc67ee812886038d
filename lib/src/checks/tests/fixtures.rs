//! Each fixture archive yields exactly its expected findings (check id + outcome, in order).

use super::super::{CHECKS, Context, Outcome, PackageInput, check_package};
use super::{check_fixture, demo_ctx, fixture_dir, outcomes};
use Outcome::{Fail, Pass, Skip, Warn};

const INTEGRITY: &str = "archive-integrity";
const PATHS: &str = "archive-paths";
const CONTENTS: &str = "source-contents";
const COMPILED: &str = "compiled-files";
const HEADERS: &str = "license-headers";
const NAMING: &str = "naming";

/// The expected table: fixture name → (check, outcome) in report order.
fn expected() -> Vec<(&'static str, Vec<(&'static str, Outcome)>)> {
    let clean = |paths, contents, compiled, headers| {
        vec![
            (INTEGRITY, Pass),
            (PATHS, paths),
            (CONTENTS, contents),
            (COMPILED, compiled),
            (HEADERS, headers),
            (NAMING, Pass),
        ]
    };
    vec![
        ("demo-1.2.0-src.tar.gz", clean(Pass, Pass, Pass, Pass)),
        ("demo-1.2.0-src.zip", clean(Pass, Pass, Pass, Pass)),
        (
            "demo-1.2.0-dotdot-src.tar.gz",
            clean(Fail, Pass, Pass, Pass),
        ),
        // Its /tmp/demo-abs.txt is text RAT reads, without a header (issue #30 item 4).
        ("demo-1.2.0-abs-src.tar.gz", clean(Fail, Pass, Pass, Warn)),
        (
            "demo-1.2.0-symlink-src.tar.gz",
            clean(Fail, Pass, Pass, Pass),
        ),
        (
            "demo-1.2.0-topdir-src.tar.gz",
            clean(Warn, Pass, Pass, Pass),
        ),
        (
            "demo-1.2.0-nolicense-src.tar.gz",
            clean(Pass, Fail, Pass, Pass),
        ),
        (
            "demo-1.2.0-nonotice-src.tar.gz",
            clean(Pass, Warn, Pass, Pass),
        ),
        ("demo-1.2.0-class-src.tar.gz", clean(Pass, Pass, Warn, Pass)),
        (
            "demo-1.2.0-noheader-src.tar.gz",
            clean(Pass, Pass, Pass, Warn),
        ),
        (
            "demo-1.2.0-truncated-src.tar.gz",
            vec![
                (INTEGRITY, Fail),
                (PATHS, Warn),
                (CONTENTS, Warn),
                (COMPILED, Warn),
                (HEADERS, Warn),
                (NAMING, Pass),
            ],
        ),
        (
            // Its layout is checked before any entry is inflated: nothing is read.
            "demo-1.2.0-badlocal-src.zip",
            vec![
                (INTEGRITY, Fail),
                (PATHS, Warn),
                (CONTENTS, Warn),
                (CONTENTS, Warn),
                (COMPILED, Warn),
                (HEADERS, Warn),
                (NAMING, Pass),
            ],
        ),
        (
            "demo-1.2.0-bin.tar.gz",
            vec![
                (INTEGRITY, Pass),
                (PATHS, Pass),
                (CONTENTS, Skip),
                (COMPILED, Skip),
                (HEADERS, Skip),
                (NAMING, Pass),
            ],
        ),
    ]
}

#[test]
fn every_fixture_gives_its_expected_findings() {
    let ctx = demo_ctx();
    for (name, want) in expected() {
        let got = check_fixture(&ctx, name);
        assert_eq!(outcomes(&got), want, "{name}: {got:#?}");
        for f in &got {
            assert_eq!(f.package, name);
            assert!(CHECKS.contains(&f.check.as_str()));
            assert!(!f.reason.contains('\n'), "{}", f.reason);
            assert!(
                !f.reason.contains(name),
                "the row names the package, its reason need not: {}",
                f.reason
            );
        }
    }
}

#[test]
fn every_fixture_is_small_and_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = expected().iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
    for n in on_disk {
        assert!(
            std::fs::metadata(fixture_dir().join(&n)).unwrap().len() < 10 * 1024,
            "{n}"
        );
    }
}

fn entries_of(name: &str, check: &str) -> (Vec<String>, String) {
    let got = check_fixture(&demo_ctx(), name);
    let f = got
        .iter()
        .find(|f| f.check == check && f.result != Pass)
        .unwrap();
    (f.entries.clone(), f.reason.clone())
}

#[test]
fn findings_name_the_entries() {
    let (e, r) = entries_of("demo-1.2.0-dotdot-src.tar.gz", PATHS);
    assert_eq!(e, ["demo-1.2.0/../../evil.txt"]);
    assert!(r.contains("`..`"), "{r}");
    let (e, _) = entries_of("demo-1.2.0-abs-src.tar.gz", PATHS);
    assert_eq!(e, ["/tmp/demo-abs.txt"]);
    let (e, r) = entries_of("demo-1.2.0-symlink-src.tar.gz", PATHS);
    assert_eq!(e, ["demo-1.2.0/passwd"]);
    assert!(r.contains("demo-1.2.0/passwd -> ../../etc/passwd"), "{r}");
    let (e, r) = entries_of("demo-1.2.0-class-src.tar.gz", COMPILED);
    assert_eq!(e, ["demo-1.2.0/lib/Foo.class"]);
    assert!(r.contains("Java class"), "{r}");
    let (e, r) = entries_of("demo-1.2.0-noheader-src.tar.gz", HEADERS);
    assert_eq!(e, ["demo-1.2.0/src/main/java/org/demo/NoHeader.java"]);
    assert!(r.contains("1 of 4 files read"), "{r}");
    let (_, r) = entries_of("demo-1.2.0-nolicense-src.tar.gz", CONTENTS);
    assert!(r.contains("no LICENSE file in demo-1.2.0/"), "{r}");
    let (_, r) = entries_of("demo-1.2.0-topdir-src.tar.gz", PATHS);
    assert!(r.contains("other-9.9/"), "{r}");
    let (_, r) = entries_of("demo-1.2.0-badlocal-src.zip", INTEGRITY);
    assert!(r.contains("demo-1.2.0-src/README.mx"), "{r}");
    let (_, r) = entries_of("demo-1.2.0-truncated-src.tar.gz", INTEGRITY);
    assert!(r.contains("unreadable"), "{r}");
}

#[test]
fn notice_is_optional_for_other_licenses() {
    let ctx = Context {
        license: Some("MIT".into()),
        ..demo_ctx()
    };
    let got = check_fixture(&ctx, "demo-1.2.0-nonotice-src.tar.gz");
    let f = got.iter().find(|f| f.check == CONTENTS).unwrap();
    assert_eq!(f.result, Pass, "{f:?}");
    let unknown = Context {
        license: None,
        ..demo_ctx()
    };
    let got = check_fixture(&unknown, "demo-1.2.0-nonotice-src.tar.gz");
    assert!(got.iter().any(|f| f.check == CONTENTS && f.result == Warn));
}

#[test]
fn explicit_source_flag_and_non_archives() {
    let ctx = demo_ctx();
    // The binary archive checked as a source archive: no NOTICE problem, a compiled class.
    let p = PackageInput {
        name: "demo-1.2.0-bin.tar.gz".into(),
        path: Some(fixture_dir().join("demo-1.2.0-bin.tar.gz")),
        source: Some(true),
    };
    let got = check_package(&ctx, &p);
    assert!(
        got.iter().any(|f| f.check == COMPILED && f.result == Warn),
        "{got:#?}"
    );
    // Flagged as not source: no source checks despite the name.
    let p = PackageInput {
        source: Some(false),
        name: "demo-1.2.0-class-src.tar.gz".into(),
        path: Some(fixture_dir().join("demo-1.2.0-class-src.tar.gz")),
    };
    assert_eq!(
        outcomes(&check_package(&ctx, &p)),
        [
            (INTEGRITY, Pass),
            (PATHS, Pass),
            (CONTENTS, Skip),
            (COMPILED, Skip),
            (HEADERS, Skip),
            (NAMING, Pass)
        ]
    );
    // A non-archive says its archive checks were skipped; an external package: naming only.
    let p = PackageInput {
        name: "maven/demo-1.2.0.pom".into(),
        path: Some(fixture_dir().join("demo-1.2.0-src.tar.gz")),
        source: None,
    };
    assert_eq!(
        outcomes(&check_package(&ctx, &p)),
        [(INTEGRITY, Skip), (NAMING, Pass)]
    );
    let p = PackageInput {
        name: "demo-1.2.0-src.tar.gz".into(),
        path: None,
        source: None,
    };
    assert_eq!(outcomes(&check_package(&ctx, &p)), [(NAMING, Pass)]);
    // A missing file is an integrity failure, not a panic.
    let p = PackageInput {
        name: "demo-1.2.0-src.tar.gz".into(),
        path: Some(fixture_dir().join("does-not-exist.tar.gz")),
        source: None,
    };
    assert_eq!(check_package(&ctx, &p)[0].result, Fail);
}
