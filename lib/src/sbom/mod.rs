//! Software bills of materials for a release revision, in CycloneDX 1.6 JSON ([`cyclonedx()`]) and
//! SPDX 2.3 JSON ([`spdx()`]).
//!
//! The module is self-contained: it takes a [`Release`] (project, `target@version`, revision,
//! packages, CVEs) and returns the document as pretty JSON with a trailing newline.
//!
//! # What is in a document
//! - The release itself (CycloneDX `metadata.component`, SPDX package `SPDXRef-Release`).
//! - One file component / package per release package, with its SHA-256 and SHA-512.
//! - The third-party libraries pinned by lockfiles found inside source archives
//!   (`Cargo.lock`, `package-lock.json`, `go.mod`, `requirements.txt`; see [`deps`]), with purls.
//! - The CVEs of the release (CycloneDX only: SPDX 2.3 has no vulnerability section).
//!
//! Relationships: release → each file (CycloneDX `dependencies`, SPDX `CONTAINS`); file → each
//! library its lockfiles pin (CycloneDX `dependencies`, SPDX `DEPENDS_ON`: the software in the
//! archive depends on the library; the archive does not contain the library's code, so
//! `CONTAINS` would be untrue). A library found in several files is one component / package.
//!
//! # Reproducibility
//! The output is a pure function of the input and the document time:
//! - Time: [`document_time`] = `$SOURCE_DATE_EPOCH` (integer seconds) when set and valid, else
//!   the revision's `created_at`; formatted `YYYY-MM-DDThh:mm:ssZ` (whole seconds, UTC).
//! - Ids: CycloneDX `serialNumber` = `urn:uuid:<v5>` and SPDX `documentNamespace` =
//!   `https://relmgr.invalid/spdx/<target>-<version>-<revision>-<v5>` (`/` in the target becomes
//!   `-`; `.invalid` is reserved by RFC 2606, so the URI is unique but never resolvable, which
//!   SPDX allows). The UUID v5 hashes, under the fixed namespace [`UUID_NAMESPACE`], the format
//!   name, the project key, target, version, revision, every package's name and SHA-256, and
//!   every CVE's id, state and severity. So any change of content gives a new id (CycloneDX
//!   `version` is always 1), while the same content always gives the same id.
//! - Order: packages by name, libraries by purl, CVEs by id, relationships in that order; JSON
//!   objects are built with `serde_json::json!` (a sorted map), never from a `HashMap`.
//!
//! # Archives that cannot be read
//! [`scan_release`] scans each archive package whose bytes are at hand ([`Release::files`]). A
//! corrupt or unreadable archive does not fail the document: its error is kept in
//! [`Scan::errors`] (for the caller to report), and the document marks that file (CycloneDX
//! property `relmgr:dependency-scan` = `failed`, SPDX package comment), listing no libraries for
//! it. Nothing here panics on input.
//!
//! # Licenses
//! `Project::license` is taken to be an SPDX expression. SPDX gets it as `licenseDeclared`
//! verbatim. CycloneDX gets `{"expression": ..}` for a compound expression or a `LicenseRef-`,
//! `{"license": {"id": ..}}` for a well-known SPDX id (see `cyclonedx.rs`), and
//! `{"license": {"name": ..}}` for any other single token (the schema's id list is closed).

pub mod cyclonedx;
pub mod deps;
mod parse;
pub mod purl;
pub mod spdx;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_deps;
#[cfg(test)]
mod tests_validate;

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::Timestamp;
use uuid::Uuid;

use crate::model::{Cve, Package};

pub use cyclonedx::{cyclonedx, cyclonedx_with};
pub use deps::{Dep, scan_archive};
pub use spdx::{spdx, spdx_with};

/// The CycloneDX `impactAnalysisState` values: the states a CVE may have (`cve add --state`).
pub const CVE_STATES: &[&str] = &[
    "resolved",
    "resolved_with_pedigree",
    "exploitable",
    "in_triage",
    "false_positive",
    "not_affected",
];

/// The CycloneDX `severity` values: the severities a CVE may have (`cve add --severity`).
pub const SEVERITIES: &[&str] = &[
    "critical", "high", "medium", "low", "info", "none", "unknown",
];

/// The fixed namespace of the documents' UUID v5 ids (never change it: ids would change).
pub const UUID_NAMESPACE: Uuid = Uuid::from_u128(0x6d1c_4f0e_9a43_5b2e_8c71_3e5f_a0d2_b947);

/// A release revision to describe.
#[derive(Debug, Clone)]
pub struct Release {
    /// The project (or product) whose release this is.
    pub project: Project,
    /// The release target: `demo` or `demo/web`.
    pub target: String,
    /// The release version: `1.2.0`.
    pub version: String,
    /// The revision: `rc1`.
    pub revision: String,
    /// The revision's creation time: the default document timestamp.
    pub created_at: Timestamp,
    /// The revision's packages, in any order.
    pub packages: Vec<Package>,
    /// Where the bytes of packages are, by SHA-256, for [`scan_release`] to look inside
    /// archives; a package without an entry (an external one) is described from its record alone.
    pub files: BTreeMap<String, PathBuf>,
    /// The release's CVEs, in any order.
    pub cves: Vec<Cve>,
}

/// The project a release belongs to.
#[derive(Debug, Clone)]
pub struct Project {
    /// The project key.
    pub key: String,
    /// The display name.
    pub name: String,
    /// A one-line description.
    pub description: Option<String>,
    /// The home page URL.
    pub homepage: Option<String>,
    /// The source repository URL.
    pub source_url: Option<String>,
    /// The license, an SPDX expression.
    pub license: Option<String>,
    /// The supplier: "The Apache Software Foundation" or the project name.
    pub supplier: String,
}

/// What [`scan_release`] found inside a release's archives.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// Libraries per package name, each list sorted by purl.
    pub deps: BTreeMap<String, Vec<Dep>>,
    /// Package name → error text, for archives that could not be read.
    pub errors: BTreeMap<String, String>,
}

impl Scan {
    /// All distinct libraries of all packages, sorted by purl (the first `found_in` kept).
    pub fn libraries(&self) -> Vec<&Dep> {
        let mut by_purl: BTreeMap<&str, &Dep> = BTreeMap::new();
        for deps in self.deps.values() {
            for d in deps {
                by_purl.entry(d.purl.as_str()).or_insert(d);
            }
        }
        by_purl.into_values().collect()
    }
}

/// Scans every package whose bytes are in [`Release::files`] with [`scan_archive`]; errors are
/// collected, not returned, so that a document can still be written.
pub fn scan_release(r: &Release) -> Scan {
    let mut scan = Scan::default();
    for p in sorted_packages(r) {
        let Some(path) = r.files.get(&p.sha256) else {
            continue;
        };
        match scan_archive(path, &p.name) {
            Ok(deps) if deps.is_empty() => {}
            Ok(deps) => {
                scan.deps.insert(p.name.clone(), deps);
            }
            Err(e) => {
                scan.errors.insert(p.name.clone(), format!("{e:#}"));
            }
        }
    }
    scan
}

/// The document time: `$SOURCE_DATE_EPOCH` when set to a valid integer, else `r.created_at`.
pub fn document_time(r: &Release) -> Timestamp {
    let env = std::env::var("SOURCE_DATE_EPOCH").ok();
    source_date_epoch(env.as_deref()).unwrap_or(r.created_at)
}

/// Parses a `SOURCE_DATE_EPOCH` value (decimal seconds since 1970); `None` if absent or invalid.
pub fn source_date_epoch(value: Option<&str>) -> Option<Timestamp> {
    let secs: i64 = value?.trim().parse().ok()?;
    Timestamp::from_second(secs).ok()
}

/// Formats a time as the formats want it: `YYYY-MM-DDThh:mm:ssZ`, whole seconds, UTC.
pub(crate) fn format_time(t: Timestamp) -> String {
    crate::clock::fmt(t)
}

/// The packages sorted by name (then SHA-256, for a total order).
pub(crate) fn sorted_packages(r: &Release) -> Vec<&Package> {
    let mut v: Vec<&Package> = r.packages.iter().collect();
    v.sort_by(|a, b| (&a.name, &a.sha256).cmp(&(&b.name, &b.sha256)));
    v
}

/// The CVEs sorted by id.
pub(crate) fn sorted_cves(r: &Release) -> Vec<&Cve> {
    let mut v: Vec<&Cve> = r.cves.iter().collect();
    v.sort_by(|a, b| (&a.id, &a.date, &a.title).cmp(&(&b.id, &b.date, &b.title)));
    v
}

/// The document's UUID v5 over the release identity and content (see the module docs).
pub(crate) fn document_uuid(r: &Release, format: &str) -> Uuid {
    let mut s = String::new();
    let mut field = |v: &str| {
        s.push_str(v);
        s.push('\0');
    };
    field("relmgr-sbom");
    field(format);
    field(&r.project.key);
    field(&r.target);
    field(&r.version);
    field(&r.revision);
    for p in sorted_packages(r) {
        field("package");
        field(&p.name);
        field(&p.sha256);
    }
    for c in sorted_cves(r) {
        field("cve");
        field(c.id.as_str());
        field(c.state.as_deref().unwrap_or(""));
        field(c.severity.as_deref().unwrap_or(""));
    }
    Uuid::new_v5(&UUID_NAMESPACE, s.as_bytes())
}

/// The CVE's severity when it is one of [`SEVERITIES`] (any case), lowercased.
pub(crate) fn known_severity(c: &Cve) -> Option<&'static str> {
    let s = c.severity.as_deref()?.trim();
    SEVERITIES
        .iter()
        .copied()
        .find(|k| k.eq_ignore_ascii_case(s))
}

/// The CVE's state when it is one of [`CVE_STATES`] (any case, `-` taken as `_`).
pub(crate) fn known_state(c: &Cve) -> Option<&'static str> {
    let s = c.state.as_deref()?.trim().replace('-', "_");
    CVE_STATES
        .iter()
        .copied()
        .find(|k| k.eq_ignore_ascii_case(&s))
}

/// The release's display name: the project name, else the target.
pub(crate) fn release_name(r: &Release) -> &str {
    if r.project.name.trim().is_empty() {
        &r.target
    } else {
        &r.project.name
    }
}

/// An `http(s)` URL with something after the scheme, else `None`.
pub(crate) fn web_url(u: Option<&String>) -> Option<&str> {
    let u = u?.trim();
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))?;
    (!rest.is_empty() && !u.contains(char::is_whitespace)).then_some(u)
}

/// Pretty JSON with a trailing newline.
pub(crate) fn to_pretty(v: &serde_json::Value) -> anyhow::Result<String> {
    let mut s = serde_json::to_string_pretty(v)?;
    s.push('\n');
    Ok(s)
}
