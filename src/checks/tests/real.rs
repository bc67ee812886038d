//! Real release archives, as the package registries serve them (`fixtures/realworld/`):
//! source trees known by their content, PyPI's underscore names, padded gzip streams.

use std::path::PathBuf;

use super::super::{Context, Outcome, PackageInput, inspect};
use super::outcomes;
use Outcome::{Pass, Skip};

const AIRFLOW: &str = "apache_airflow_providers_http-6.3.0.tar.gz";

fn real(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/realworld")
        .join(name)
}

fn airflow_ctx() -> Context {
    Context {
        license: Some("Apache-2.0".into()),
        ..Context::new("airflow-providers-http", "6.3.0")
    }
}

#[test]
fn a_pypi_sdist_is_a_source_archive_by_its_content() {
    let got = inspect(
        &airflow_ctx(),
        &PackageInput {
            name: AIRFLOW.into(),
            path: Some(real(AIRFLOW)),
            source: None,
        },
    );
    assert!(got.source, "{got:#?}");
    assert_eq!(
        outcomes(&got.findings),
        [
            ("archive-integrity", Pass),
            ("archive-paths", Pass),
            ("source-contents", Pass),
            ("compiled-files", Pass),
            ("license-headers", Pass),
            ("naming", Pass),
        ],
        "{got:#?}"
    );
}

#[test]
fn binary_flag_skips_the_source_checks_and_says_why() {
    let got = inspect(
        &airflow_ctx(),
        &PackageInput {
            name: AIRFLOW.into(),
            path: Some(real(AIRFLOW)),
            source: Some(false),
        },
    );
    assert!(!got.source);
    let skips: Vec<_> = got.findings.iter().filter(|f| f.result == Skip).collect();
    assert_eq!(skips.len(), 3, "{got:#?}");
    for f in skips {
        assert!(f.reason.contains("--binary"), "{f:?}");
    }
}

#[test]
fn a_gzip_padded_with_zeros_is_not_invalid() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = std::fs::read(real(AIRFLOW)).unwrap();
    bytes.extend(std::iter::repeat_n(0u8, 4096));
    let padded = dir.path().join(AIRFLOW);
    std::fs::write(&padded, &bytes).unwrap();
    let p = PackageInput {
        name: AIRFLOW.into(),
        path: Some(padded.clone()),
        source: None,
    };
    let got = inspect(&airflow_ctx(), &p);
    assert_eq!(got.findings[0].result, Pass, "{:#?}", got.findings[0]);
    // Garbage after the gzip stream still fails.
    bytes.extend_from_slice(b"garbage");
    std::fs::write(&padded, &bytes).unwrap();
    let got = inspect(&airflow_ctx(), &p);
    assert_eq!(
        got.findings[0].result,
        Outcome::Fail,
        "{:#?}",
        got.findings[0]
    );
}
