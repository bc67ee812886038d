//! Tests of the checks module as a whole: the fixture archives built by
//! `fixtures/make-check-archives.sh`, ignores, robustness on random bytes, and streaming of
//! large archives in every supported format.

mod fixtures;
mod ignores;
mod props;
mod real;
mod stream;

use std::path::PathBuf;

use super::{Context, Finding, Outcome, PackageInput, check_package};

/// Directory holding the fixture archives.
pub fn fixture_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("fixtures/checks")
}

/// The context the fixtures are built for.
pub fn demo_ctx() -> Context {
    Context {
        license: Some("Apache-2.0".into()),
        ..Context::new("demo", "1.2.0")
    }
}

/// Checks a fixture archive, source-ness inferred from its name.
pub fn check_fixture(ctx: &Context, name: &str) -> Vec<Finding> {
    let p = PackageInput {
        name: name.to_string(),
        path: Some(fixture_dir().join(name)),
        source: None,
    };
    check_package(ctx, &p)
}

/// `(check, outcome)` pairs in report order.
pub fn outcomes(findings: &[Finding]) -> Vec<(&str, Outcome)> {
    findings
        .iter()
        .map(|f| (f.check.as_str(), f.result))
        .collect()
}
