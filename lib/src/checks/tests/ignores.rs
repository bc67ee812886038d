//! `apply_ignores`, `validate_ignores` and `summary` on real fixture findings.

use super::super::{Finding, Ignore, Outcome, apply_ignores, summary, validate_ignores};
use super::{check_fixture, demo_ctx};

fn ignore(pattern: &str, reason: &str) -> Ignore {
    Ignore {
        pattern: pattern.into(),
        reason: reason.into(),
    }
}

fn find<'a>(fs: &'a [Finding], check: &str) -> &'a Finding {
    fs.iter().find(|f| f.check == check).unwrap()
}

#[test]
fn whole_package_and_check_package_patterns() {
    let fs = check_fixture(&demo_ctx(), "demo-1.2.0-class-src.tar.gz");
    assert_eq!(summary(&fs).warn, 1);
    let by_check = apply_ignores(
        fs.clone(),
        &[ignore(
            "compiled-files:demo-*-class-src.tar.gz",
            "test data",
        )],
    );
    let f = find(&by_check, "compiled-files");
    assert_eq!(
        (f.result, f.reason.as_str()),
        (Outcome::Pass, "ignored: test data")
    );
    assert_eq!(summary(&by_check).worst(), Outcome::Pass);
    // A check-qualified pattern for another check leaves it alone.
    let other = apply_ignores(fs.clone(), &[ignore("license-headers:*", "x")]);
    assert_eq!(find(&other, "compiled-files").result, Outcome::Warn);
    // A package pattern ignores every failing check of that package; passes stay as they are.
    let fs = check_fixture(&demo_ctx(), "demo-1.2.0-truncated-src.tar.gz");
    let all = apply_ignores(fs.clone(), &[ignore("*truncated*", "known")]);
    assert!(all.iter().all(|f| f.result == Outcome::Pass));
    assert_eq!(find(&all, "naming").reason, find(&fs, "naming").reason);
}

#[test]
fn entry_patterns_remove_entries() {
    let fs = check_fixture(&demo_ctx(), "demo-1.2.0-noheader-src.tar.gz");
    let out = apply_ignores(
        fs.clone(),
        &[ignore(
            "demo-1.2.0-noheader-src.tar.gz:*/NoHeader.java",
            "generated",
        )],
    );
    let f = find(&out, "license-headers");
    assert_eq!(f.result, Outcome::Pass);
    assert_eq!(f.reason, "ignored: generated");
    assert!(f.entries.is_empty());
    let scoped = apply_ignores(fs.clone(), &[ignore("license-headers:*:**/*.java", "ok")]);
    assert_eq!(find(&scoped, "license-headers").result, Outcome::Pass);
    let miss = apply_ignores(fs, &[ignore("*:*.py", "no")]);
    assert_eq!(find(&miss, "license-headers").result, Outcome::Warn);
}

#[test]
fn partial_ignores_keep_the_outcome_and_whole_ones_pass() {
    let entries: Vec<String> = (0..25).map(|i| format!("d/gen/F{i}.java")).collect();
    let many = Finding::with_entries(
        "p.tar.gz",
        "license-headers",
        Outcome::Warn,
        "25 files",
        entries,
        25,
    );
    assert_eq!((many.entries.len(), many.entries_total), (25, 25));
    // Every entry is listed, so an ignore that matches them all makes the finding pass.
    let out = apply_ignores(
        vec![many.clone()],
        &[ignore("p.tar.gz:d/gen/*", "generated")],
    );
    assert_eq!(out[0].result, Outcome::Pass);
    assert_eq!(out[0].reason, "ignored: generated");
    // Some entries match: they go, the rest stay.
    let out = apply_ignores(vec![many], &[ignore("p.tar.gz:*F1?.java", "x")]);
    assert_eq!(out[0].entries.len(), 15);
    assert_eq!(out[0].entries_total, 15);
    assert_eq!(out[0].result, Outcome::Warn);
    assert!(
        out[0].reason.contains("[10 ignored: x]"),
        "{}",
        out[0].reason
    );
}

#[test]
fn invalid_patterns_are_reported_and_never_match() {
    let bad = [ignore("a[", "x")];
    let err = validate_ignores(&bad).unwrap_err();
    assert!(err.to_string().contains("a["));
    assert!(validate_ignores(&[ignore("*.zip", "x")]).is_ok());
    let fs = check_fixture(&demo_ctx(), "demo-1.2.0-class-src.tar.gz");
    assert_eq!(apply_ignores(fs.clone(), &bad), fs);
}

#[test]
fn findings_serialise_with_lowercase_outcomes() {
    let fs = check_fixture(&demo_ctx(), "demo-1.2.0-class-src.tar.gz");
    let json = serde_json::to_string(&fs).unwrap();
    assert!(json.contains(r#""result":"warn""#) && json.contains(r#""result":"pass""#));
    let back: Vec<Finding> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, fs);
    let s = serde_json::to_value(summary(&fs)).unwrap();
    assert_eq!(
        s,
        serde_json::json!({"pass": 5, "warn": 1, "fail": 0, "skip": 0})
    );
}

#[test]
fn every_entry_is_kept_and_the_reason_shows_twenty() {
    let entries: Vec<String> = (0..30).map(|i| format!("d/f{i:02}.java")).collect();
    let f = Finding::with_entries(
        "x.tar.gz",
        "license-headers",
        Outcome::Warn,
        "30 files without a header",
        entries.clone(),
        30,
    );
    assert_eq!(f.entries, entries, "the JSON holds every entry");
    assert_eq!(f.entries_total, 30);
    assert!(f.reason.contains("d/f19.java") && !f.reason.contains("d/f20.java"));
    assert!(
        f.reason.ends_with("(and 10 more: --json lists them all)"),
        "{}",
        f.reason
    );
}
