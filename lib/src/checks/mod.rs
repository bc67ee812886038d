//! Release checks: what a careful PMC member verifies by hand before voting.
//!
//! This module owns the public API of `relmgr check`: the finding model ([`Outcome`],
//! [`Finding`], [`Summary`]), the inputs ([`Context`], [`PackageInput`]), the per-package
//! entry point [`check_package`], the release-level [`check_layout`], and [`apply_ignores`].
//! It is pure: the caller passes file paths and metadata; signature and checksum verification
//! are done by the caller, which reports them as findings with the ids `signature` and
//! `checksum` (both listed in [`CHECKS`]).
//!
//! # Design decisions
//!
//! * **One pass.** Every archive check (integrity, paths, source contents, compiled files,
//!   license headers) is fed from one streaming read of the archive (`archive.rs`); nothing is
//!   unpacked to disk. Each regular file is read to its end (so compression and zip CRC errors
//!   surface); only its first 4 KiB are kept, for magic numbers and license headers.
//!   Compressed tars are drained after the last entry so gzip/bzip2/xz trailers are verified.
//! * **Integrity.** `.tar.gz`/`.tgz`, `.tar.bz2`/`.tbz2`/`.tbz`, `.tar.xz`/`.txz`, `.tar` and
//!   `.zip` are archives (by name); anything else gets no archive findings. A tar whose stream
//!   ends without the end-of-archive zero block, or whose entry is shorter than its header
//!   says, fails as truncated. An empty archive warns (`archive-paths`).
//! * **Incomplete reads.** When the archive cannot be read to the end, problems already seen
//!   are still reported, but checks that would pass, and "missing LICENSE/NOTICE" results,
//!   become `warn` "not fully checked" (absence is not established).
//! * **Findings.** Each check that runs on a package yields at least one finding; a single
//!   `pass` when it found nothing, else one finding per kind of problem (so e.g. absolute
//!   paths and a misnamed top-level directory can be ignored separately). `entries` (the
//!   JSON) holds the first [`KEPT_ENTRIES`] paths and `entries_total` counts all; the reason
//!   (the table) shows [`MAX_ENTRIES`] and the count.
//! * **Bounds** (hostile input, #28): see `archive.rs` for header, name and entry limits; a
//!   panic in one package's checks fails that package only (`guard.rs`).
//! * **Top-level directory.** The most common first path component (ties: first seen) is the
//!   top-level directory; entries elsewhere (or files at the root) fail. Its name warns unless
//!   it equals the file name without the archive extension or is a prefix of it ending at a
//!   `-`/`_` (or a `.` not followed by a digit): `demo-1.2.0` fits `demo-1.2.0-src.tar.gz`,
//!   `demo-1.2` does not. `\` counts as a path separator; `./` prefixes are ignored.
//! * **Source archives** are those flagged (`stage --source`/`--binary`), else those whose
//!   file name says so (`-src`, `-source`; `-bin` says not), else those whose content is a
//!   source tree (`source.rs`). Only they get `source-contents`, `compiled-files` and
//!   `license-headers`; other archives get a `skip` row for each, with the reason.
//!   `LICENSE`/`NOTICE` (also `.txt`, `.md`) are looked up directly under the top-level
//!   directory, or at the root of a flat archive. NOTICE is expected when the project license
//!   is unknown or mentions `Apache-2.0`.
//! * **License headers**: as Apache RAT's default matchers judge them (`headers.rs`), with
//!   SPDX ids judged against the accepted licenses (`licenses.rs`). Empty files are exempt.
//! * **Naming** accepts `<key>` followed by `-`, `_` or `.`, where key is the project key, the
//!   product key or `<project>-<product>`, optionally behind `apache-` (case-insensitive); the
//!   version must appear not glued to other digits.
//! * **Layout** yields one finding per package (worst of: missing signature or SHA-512,
//!   forbidden `.md5`/`.sha1`/`.sha`/`.sig`/`KEYS`, dotfile component — all `fail`) plus one
//!   finding for the package [`RELEASE`]: `fail` when there are no packages, `warn` when no
//!   package is a source archive (by name), else `pass`.
//! * **Ignores**: see [`apply_ignores`]: globs over `<package>` / `<check>:<package>` (whole
//!   finding) and `<package>:<entry>` / `<check>:<package>:<entry>` (single entries).
//! * **Crates**: `flate2` (gzip, multi-member), `bzip2` 0.6 (its default backend is the
//!   pure-Rust `libbz2-rs-sys`), `lzma-rust2` (pure-Rust xz, already in the tree through `zip`;
//!   block decoders are limited to 256 MiB of memory), `tar`, `zip`, `globset`. No system
//!   libraries are needed.

mod archive;
mod compiled;
mod contents;
mod guard;
mod headers;
mod ignore;
mod layout;
mod licenses;
mod naming;
mod paths;
mod source;
#[cfg(test)]
mod tests;
mod tika_globs;
mod tree;
mod types;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use ignore::{Ignore, apply_ignores, summary, validate_ignores};
pub use layout::{RELEASE, check_layout};
pub use tree::{Files, compare_git, parity};

/// All stable check ids, in report order.
pub const CHECKS: &[&str] = &[
    "signature",
    "checksum",
    "archive-integrity",
    "archive-paths",
    "source-contents",
    "compiled-files",
    "license-headers",
    "naming",
    "layout",
    "source-tree",
    "format-parity",
];

/// Header snippets that always count as a license header (besides `SPDX-License-Identifier`).
pub const DEFAULT_HEADER_PATTERNS: &[&str] = &[
    "Licensed to the Apache Software Foundation",
    "Licensed under the Apache License",
];

/// Most entry paths a finding's reason (the table) shows; `entries` (the JSON) holds up to
/// [`KEPT_ENTRIES`].
pub const MAX_ENTRIES: usize = 20;

/// Most entry paths a finding keeps (`entries`, the JSON and the stored report);
/// `entries_total` counts them all. Bounds memory and the check cache for any archive.
pub const KEPT_ENTRIES: usize = 1000;

/// Result of one check on one package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Not run on this package; the reason says why.
    Skip,
    /// Nothing wrong (or ignored).
    Pass,
    /// Worth a look; does not block a vote by itself.
    Warn,
    /// Blocks the release.
    Fail,
}

/// How much a finding matters to a voter (issue #30): `blocker` (a `fail`), `warning` (a
/// `warn`), `note` (worth knowing, does not count against the release: a skipped check, an
/// ignored finding, files not asked for a header), `ok` (a plain pass).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    #[default]
    Ok,
    Note,
    Warning,
    Blocker,
}

impl Level {
    /// The level a result has unless the finding says otherwise.
    pub fn of(result: Outcome) -> Level {
        match result {
            Outcome::Fail => Level::Blocker,
            Outcome::Warn => Level::Warning,
            Outcome::Skip => Level::Note,
            Outcome::Pass => Level::Ok,
        }
    }
}

/// Apache RAT's equivalent of a relmgr rule, where there is one (shown in `--json` as `rat`).
pub fn rat_equivalent(rule: &str) -> Option<&'static str> {
    Some(match rule {
        "license-headers/missing" => "Unknown license: an unapproved STANDARD document",
        "license-headers/incompatible" => {
            "a license family RAT does not approve (GPL); unapproved STANDARD document"
        }
        "license-headers/review" => {
            "CDDL1 is approved by RAT; other ASF category B ids are unknown to it"
        }
        "license-headers/generated" => "IGNORED document (generation-keywords.txt)",
        "license-headers/rat-approved" => "approved family (OASIS, W3CD)",
        "license-headers/commentless" => {
            "BINARY for .json (application/json); RAT reads .avsc and .avpr"
        }
        "license-headers" => "STANDARD documents with an approved license",
        "compiled-files" => "BINARY and ARCHIVE documents (counted, not failed)",
        "source-contents/notice-files" => "NOTICE documents (NoteGuesser)",
        _ => return None,
    })
}

/// One row of the check report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Package name as given (may hold `/`), or [`RELEASE`] for release-wide findings.
    pub package: String,
    /// Stable check id, one of [`CHECKS`].
    pub check: String,
    /// Outcome.
    pub result: Outcome,
    /// One line naming the file and the entries concerned.
    pub reason: String,
    /// The paths inside the archive the finding concerns: all of them, or the first
    /// [`KEPT_ENTRIES`].
    #[serde(default)]
    pub entries: Vec<String>,
    /// How many entries the finding concerns in all (`>= entries.len()`).
    #[serde(default)]
    pub entries_total: usize,
    /// `blocker`, `warning`, `note` or `ok` ([`Level`]).
    #[serde(default)]
    pub level: Level,
    /// The rule that made the finding: the check id, or `<check>/<rule>` when a check has
    /// several (`source-contents/no-license`, `license-headers/missing`).
    #[serde(default)]
    pub rule: String,
    /// Apache RAT's equivalent of the rule, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rat: Option<String>,
    /// On an archive's `archive-integrity` row: the Software Heritage id of its top-level
    /// directory (`swh:1:dir:<git tree id>`), when the archive was read to the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub swhid: Option<String>,
}

impl Finding {
    /// A finding without entries.
    pub fn new(package: &str, check: &str, result: Outcome, reason: impl Into<String>) -> Self {
        Finding {
            package: package.to_string(),
            check: check.to_string(),
            result,
            reason: reason.into(),
            entries: Vec::new(),
            entries_total: 0,
            level: Level::of(result),
            rule: check.to_string(),
            rat: rat_equivalent(check).map(str::to_string),
            swhid: None,
        }
    }

    /// Names the rule that made the finding (and its RAT equivalent).
    pub fn set_rule(&mut self, rule: &str) {
        self.rule = rule.to_string();
        self.rat = rat_equivalent(rule).map(str::to_string);
        if matches!(self.result, Outcome::Pass) && rule != self.check {
            self.level = Level::Note;
        }
    }

    /// This finding with `rule` ([`Finding::set_rule`]).
    pub fn rule(mut self, rule: &str) -> Self {
        self.set_rule(rule);
        self
    }

    /// A finding about `total` entries (all of them in `entries`). The reason shows the first
    /// [`MAX_ENTRIES`]: `"<what>: a, b, c (and N more: --json lists them all)"`.
    pub fn with_entries(
        package: &str,
        check: &str,
        result: Outcome,
        what: &str,
        entries: Vec<String>,
        total: usize,
    ) -> Self {
        let labels = entries.clone();
        Self::with_labelled_entries(package, check, result, what, entries, labels, total)
    }

    /// Like [`Finding::with_entries`], but the reason shows `labels[i]` for `entries[i]`
    /// (e.g. `link -> target`).
    pub fn with_labelled_entries(
        package: &str,
        check: &str,
        result: Outcome,
        what: &str,
        entries: Vec<String>,
        labels: Vec<String>,
        total: usize,
    ) -> Self {
        let total = total.max(entries.len());
        let shown = &labels[..labels.len().min(MAX_ENTRIES)];
        let mut reason = format!("{what}: {}", shown.join(", "));
        if total > shown.len() {
            let more = total - shown.len();
            match total > entries.len() {
                true => reason.push_str(&format!(
                    " (and {more} more: --json lists the first {})",
                    entries.len()
                )),
                false => reason.push_str(&format!(" (and {more} more: --json lists them all)")),
            }
        }
        Finding {
            entries,
            entries_total: total,
            ..Finding::new(package, check, result, reason)
        }
    }
}

/// [`count`] for other modules.
pub fn count_of(n: usize, one: &str, many: &str) -> String {
    count(n, one, many)
}

/// `"1 entry"`, `"2 entries"`: a count with the right noun.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What the checks need to know about the release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    /// Project key, e.g. `demo`.
    pub project_key: String,
    /// Product key when the project ships several products.
    #[serde(default)]
    pub product_key: Option<String>,
    /// Release version, e.g. `1.2.0`.
    pub version: String,
    /// SPDX expression of the project license; `None` = unknown.
    #[serde(default)]
    pub license: Option<String>,
    /// License header snippets; [`DEFAULT_HEADER_PATTERNS`] always count as well.
    #[serde(default = "default_patterns")]
    pub header_patterns: Vec<String>,
    /// SPDX ids accepted in file headers (`project edit --header-license`); empty: the ids
    /// of `license`, else Apache-2.0.
    #[serde(default)]
    pub header_licenses: Vec<String>,
    /// Compute each source archive's files by git blob id ([`Checked::files`]), for
    /// `--git` and format parity.
    #[serde(default)]
    pub hash_files: bool,
    /// How the user marks a package as source or not, for skip reasons (`stage --source`,
    /// `check --dir --source GLOB`).
    #[serde(default = "default_hint")]
    pub flag_hint: String,
    /// Exclusion patterns for the header check (`check --dir --ignore-file`), in the format of
    /// RAT's `--input-exclude-file` (see `excludes.rs`); a source tree's own `.rat-excludes`
    /// is added per package.
    #[serde(default)]
    pub excludes: Vec<String>,
}

fn default_hint() -> String {
    "stage --source".to_string()
}

fn default_patterns() -> Vec<String> {
    DEFAULT_HEADER_PATTERNS
        .iter()
        .map(|s| s.to_string())
        .collect()
}

impl Context {
    /// A context with no product key, unknown license and the default header patterns.
    pub fn new(project_key: &str, version: &str) -> Self {
        Context {
            project_key: project_key.to_string(),
            product_key: None,
            version: version.to_string(),
            license: None,
            header_patterns: default_patterns(),
            header_licenses: Vec::new(),
            hash_files: false,
            flag_hint: default_hint(),
            excludes: Vec::new(),
        }
    }

    /// The SPDX ids file headers may name without question (see `licenses.rs`).
    pub fn accepted_licenses(&self) -> Vec<String> {
        if !self.header_licenses.is_empty() {
            return self.header_licenses.clone();
        }
        let ids = self
            .license
            .as_deref()
            .map(licenses::ids_of)
            .unwrap_or_default();
        match ids.is_empty() {
            true => vec!["Apache-2.0".to_string()],
            false => ids,
        }
    }
}

/// One package of the release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageInput {
    /// Name in the release, may hold `/`; its last component is the file name.
    pub name: String,
    /// Where its bytes are; `None` for an external package (only naming is checked).
    #[serde(default)]
    pub path: Option<PathBuf>,
    /// Source archive or not, as `stage --source`/`--binary` said; `None` = judged by its
    /// name (`-src`, `-source`; `-bin`), else by its content ([`source::judge`]).
    #[serde(default)]
    pub source: Option<bool>,
}

/// The file name of an archive package without its archive extension; `None` for packages
/// that are not archives relmgr reads.
pub fn archive_name(name: &str) -> Option<String> {
    archive::detect(name).map(|(_, stem)| stem)
}

/// What checking one package found: its findings and whether it was a source archive.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    pub findings: Vec<Finding>,
    /// Checked as a source archive (by flag, name or content).
    pub source: bool,
    /// A source archive's files below its top directory, by git blob id (with
    /// [`Context::hash_files`], when the archive was read to the end).
    pub files: Option<Files>,
}

/// The SWHID (`swh:1:dir:<git tree id>`) of the top-level directory of the archive at `path`
/// named `name` (the whole archive when it has no single top directory); `None` for
/// non-archives and archives that cannot be read to the end.
pub fn swhid(path: &std::path::Path, name: &str) -> Option<String> {
    let (format, _) = archive::detect(name)?;
    let mut tree = tree::TreeFiles::default();
    let mut paths = paths::PathsCheck::default();
    let scan = archive::scan_hashing(path, format, true, &mut |e| {
        tree.entry(e);
        paths.entry(e);
    });
    if scan.error.is_some() {
        return None;
    }
    let top = paths.top_dir().filter(|_| paths.all_under_top());
    tree.swhid(top.as_deref())
}

/// Checks one package: archive integrity and paths, source contents, compiled files and
/// license headers (archives only, the last three for source archives only, else `skip`
/// rows saying why), then naming.
pub fn check_package(ctx: &Context, p: &PackageInput) -> Vec<Finding> {
    inspect(ctx, p).findings
}

/// [`check_package`], also telling whether the package was a source archive. A bug that
/// panics while checking one package fails that package's `archive-integrity` with the
/// panic's message; the other packages are checked as usual.
pub fn inspect(ctx: &Context, p: &PackageInput) -> Checked {
    guard::contained(|| inspect_unguarded(ctx, p)).unwrap_or_else(|panic| Checked {
        findings: vec![Finding::new(
            &p.name,
            "archive-integrity",
            Outcome::Fail,
            format!(
                "not checked: relmgr failed on this package (a bug, please report it): {panic}"
            ),
        )],
        ..Checked::default()
    })
}

fn inspect_unguarded(ctx: &Context, p: &PackageInput) -> Checked {
    let mut out = Checked::default();
    match (&p.path, archive::detect(&p.name)) {
        (Some(path), Some((format, stem))) => {
            out = archive_checks(ctx, p, path, format, &stem);
        }
        (Some(_), None) => out.findings.push(Finding::new(
            &p.name,
            "archive-integrity",
            Outcome::Skip,
            "not an archive relmgr reads (.tar.gz, .tgz, .tar.bz2, .tar.xz, .tar, .zip)",
        )),
        (None, _) => {}
    }
    out.findings.extend(naming::check(ctx, &p.name));
    out
}

fn archive_checks(
    ctx: &Context,
    p: &PackageInput,
    path: &std::path::Path,
    format: archive::Format,
    stem: &str,
) -> Checked {
    let name = p.name.as_str();
    let mut tree = tree::TreeFiles::default();
    let mut paths = paths::PathsCheck::default();
    let mut contents = contents::ContentsCheck::default();
    let mut compiled = compiled::CompiledCheck::default();
    let mut headers = headers::HeadersCheck::new(&ctx.header_patterns, &ctx.accepted_licenses())
        .with_excludes(&ctx.excludes);
    // Every check is fed; whether the source checks report is decided after the pass,
    // since a source tree is known by its content only at the end.
    // Always hashed: the SWHID needs every blob id.
    let scan = archive::scan_hashing(path, format, true, &mut |e| {
        tree.entry(e);
        paths.entry(e);
        contents.entry(e);
        compiled.entry(e);
        headers.entry(e);
    });
    let complete = scan.error.is_none();
    let top = paths.top_dir();
    let swhid = complete
        .then(|| tree.swhid(top.as_deref().filter(|_| paths.all_under_top())))
        .flatten();
    let mut out = vec![match &scan.error {
        None => {
            let mut f = Finding::new(
                name,
                "archive-integrity",
                Outcome::Pass,
                // The SWHID is its own field, and the package's summary line (a 50-character
                // token would break an 80-column table).
                format!("{} entries read to the end", scan.entries),
            );
            f.swhid = swhid;
            f
        }
        Some(err) => Finding::new(
            name,
            "archive-integrity",
            Outcome::Fail,
            format!("unreadable after {} entries: {err}", scan.entries),
        ),
    }];
    let verdict = source::judge(
        p.source,
        name,
        &source::Tree {
            single_top: top.is_some() && paths.all_under_top(),
            source_files: headers.code_files(),
            compiled_files: compiled.found(),
        },
        &ctx.flag_hint,
    );
    let mut rest = paths.finish(name, stem);
    if verdict.source {
        rest.extend(contents.finish(name, top.as_deref(), ctx.license.as_deref(), complete));
        rest.extend(compiled.finish(name));
        rest.extend(headers.finish(name));
    } else {
        for check in ["source-contents", "compiled-files", "license-headers"] {
            let reason = format!("not a source archive: {}", verdict.why);
            rest.push(Finding::new(name, check, Outcome::Skip, reason));
        }
    }
    if !complete {
        for f in rest.iter_mut().filter(|f| f.result == Outcome::Pass) {
            f.result = Outcome::Warn;
            f.reason = "not fully checked: the archive could not be read to the end".into();
        }
    }
    out.extend(rest);
    let files = (ctx.hash_files && verdict.source && complete)
        .then(|| tree.finish(top.as_deref()))
        .flatten();
    Checked {
        findings: out,
        source: verdict.source,
        files,
    }
}
