//! `license-headers`: source files without a license header, like Apache RAT.
//!
//! Owns [`HeadersCheck`]: files whose extension is in [`EXTENSIONS`] must carry
//! `SPDX-License-Identifier` or one of the header patterns within their first [`LINES`]
//! lines (and the first 4 KiB the scan keeps). Lines are stripped of comment markers and
//! whitespace is collapsed before a case-insensitive search, so a pattern may span lines.
//! Empty (whitespace-only) files are exempt.

use super::archive::{Entry, Kind};
use super::paths::Bucket;
use super::{DEFAULT_HEADER_PATTERNS, Finding, Outcome, count};

const CHECK: &str = "license-headers";

/// How many leading lines may hold the header.
pub const LINES: usize = 30;

/// Extensions (lowercase, without the dot) of source files that need a header.
pub const EXTENSIONS: &[&str] = &[
    "rs", "java", "py", "c", "h", "cc", "cpp", "cxx", "hh", "hpp", "hxx", "go", "js", "mjs", "cjs",
    "ts", "jsx", "tsx", "scala", "kt", "kts", "sh", "bash", "rb", "pl", "pm", "php", "cs", "swift",
    "groovy", "gradle", "sql", "proto", "m", "mm", "r", "lua", "dart", "erl", "ex", "exs", "hs",
    "clj", "fs", "vb", "ps1", "thrift", "avdl", "fbs",
];

/// Streaming state of the `license-headers` check.
#[derive(Debug)]
pub struct HeadersCheck {
    /// Normalised needles: SPDX marker, default patterns, then the context's.
    needles: Vec<String>,
    missing: Bucket,
    checked: usize,
    seen: usize,
}

/// Lowercases, drops comment markers at line starts and collapses whitespace.
fn normalise<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line
            .trim()
            .trim_start_matches(|c: char| "/*#-;!<>{}(%'\"".contains(c) || c.is_whitespace());
        for word in line.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&word.to_lowercase());
        }
    }
    out
}

impl HeadersCheck {
    /// A check that accepts the defaults plus `patterns`.
    pub fn new(patterns: &[String]) -> Self {
        let mut needles = vec!["spdx-license-identifier".to_string()];
        let all = DEFAULT_HEADER_PATTERNS
            .iter()
            .copied()
            .chain(patterns.iter().map(|s| s.as_str()));
        for p in all {
            let n = normalise(p.lines());
            if !n.is_empty() && !needles.contains(&n) {
                needles.push(n);
            }
        }
        HeadersCheck {
            needles,
            missing: Bucket::default(),
            checked: 0,
            seen: 0,
        }
    }

    /// Whether `path` is a file this check looks at.
    pub fn wants(path: &str) -> bool {
        let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
        file.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty() && EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
        })
    }

    /// Whether `head` carries a license header.
    pub fn has_header(&self, head: &[u8]) -> bool {
        let text = String::from_utf8_lossy(head);
        let text = normalise(text.lines().take(LINES));
        self.needles.iter().any(|n| text.contains(n.as_str()))
    }

    /// How many files with a source extension were seen (empty ones too).
    pub fn seen(&self) -> usize {
        self.seen
    }

    /// Feeds one entry.
    pub fn entry(&mut self, e: &Entry) {
        if e.kind != Kind::File || !Self::wants(e.path) {
            return;
        }
        self.seen += 1;
        if e.head.iter().all(|b| b.is_ascii_whitespace()) {
            return;
        }
        self.checked += 1;
        if !self.has_header(e.head) {
            self.missing.push(e.path);
        }
    }

    /// The findings for package `name`.
    pub fn finish(self, name: &str) -> Vec<Finding> {
        if self.missing.count == 0 {
            let reason = format!("all {} source files have a license header", self.checked);
            return vec![Finding::new(name, CHECK, Outcome::Pass, reason)];
        }
        let what = format!(
            "{} of {} without a license header",
            self.missing.count,
            count(self.checked, "source file", "source files")
        );
        vec![Finding::with_entries(
            name,
            CHECK,
            Outcome::Warn,
            &what,
            self.missing.samples,
            self.missing.count,
        )]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_headers() {
        let c = HeadersCheck::new(&["Copyright The Demo\nAuthors".to_string()]);
        assert!(c.has_header(b"// SPDX-License-Identifier: Apache-2.0\nfn main() {}"));
        assert!(
            c.has_header(b"/*\n * Licensed to the Apache Software Foundation (ASF) under one\n */")
        );
        assert!(c.has_header(b"#!/bin/sh\n#  Licensed under the Apache License, Version 2.0\n"));
        assert!(c.has_header(b"-- Copyright The Demo\n-- Authors\nselect 1;"));
        assert!(!c.has_header(b"public class A {}\n"));
        let late = format!("{}// SPDX-License-Identifier: MIT\n", "x\n".repeat(LINES));
        assert!(!c.has_header(late.as_bytes()));
    }

    #[test]
    fn picks_source_files() {
        assert!(HeadersCheck::wants("d/src/A.java"));
        assert!(HeadersCheck::wants("d/x.PY"));
        assert!(!HeadersCheck::wants("d/README.md"));
        assert!(!HeadersCheck::wants("d/.rs"));
        assert!(!HeadersCheck::wants("d/Makefile"));
    }
}
