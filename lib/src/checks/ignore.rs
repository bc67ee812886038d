//! Ignore patterns and the report summary.
//!
//! Owns [`Ignore`], [`apply_ignores`], [`validate_ignores`] and [`summary`].
//!
//! Matching, per ignore in order, with a glob where `*` and `?` also match `/` (so
//! `*.jar` matches `demo/lib/x.jar`), `**` works too, and `\` escapes:
//!
//! * the whole finding is ignored when the pattern matches `<package>` or
//!   `<check>:<package>`; it becomes `pass` with reason `ignored: <reason>`;
//! * otherwise each entry `E` is removed when the pattern matches `<package>:<E>` or
//!   `<check>:<package>:<E>`; when no entries remain and none were beyond the cap
//!   (`entries_total`), the finding becomes `pass` with reason `ignored: <reason>`, else it
//!   keeps its outcome and its reason notes how many entries were ignored.
//!
//! Findings that already pass (or were skipped) are left as they are. An invalid pattern never matches
//! (check patterns up front with [`validate_ignores`]).

use globset::{GlobBuilder, GlobMatcher};
use serde::{Deserialize, Serialize};

use super::{Finding, Outcome};

/// One ignore rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ignore {
    /// Glob over `<package>`, `<check>:<package>`, `<package>:<entry>` or
    /// `<check>:<package>:<entry>`.
    pub pattern: String,
    /// Why it is fine; shown as `ignored: <reason>`.
    pub reason: String,
}

/// An ignore pattern that is not a valid glob.
#[derive(Debug, thiserror::Error)]
#[error("invalid ignore pattern {pattern:?}: {message}")]
pub struct IgnoreError {
    /// The offending pattern.
    pub pattern: String,
    /// What is wrong with it.
    pub message: String,
}

fn compile(pattern: &str) -> Result<GlobMatcher, IgnoreError> {
    GlobBuilder::new(pattern)
        .literal_separator(false)
        .backslash_escape(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| IgnoreError {
            pattern: pattern.to_string(),
            message: e.kind().to_string(),
        })
}

/// Checks that every pattern is a valid glob.
pub fn validate_ignores(ignores: &[Ignore]) -> Result<(), IgnoreError> {
    ignores
        .iter()
        .try_for_each(|i| compile(&i.pattern).map(|_| ()))
}

/// Downgrades ignored findings to `pass` and drops ignored entries (see the module docs).
pub fn apply_ignores(findings: Vec<Finding>, ignores: &[Ignore]) -> Vec<Finding> {
    let rules: Vec<(GlobMatcher, &str)> = ignores
        .iter()
        .filter_map(|i| compile(&i.pattern).ok().map(|m| (m, i.reason.as_str())))
        .collect();
    findings.into_iter().map(|f| apply_one(f, &rules)).collect()
}

fn apply_one(mut f: Finding, rules: &[(GlobMatcher, &str)]) -> Finding {
    if matches!(f.result, Outcome::Pass | Outcome::Skip) || rules.is_empty() {
        return f;
    }
    let whole = [f.package.clone(), format!("{}:{}", f.check, f.package)];
    if let Some((_, reason)) = rules
        .iter()
        .find(|(m, _)| whole.iter().any(|c| m.is_match(c)))
    {
        f.result = Outcome::Pass;
        f.level = super::Level::Note;
        f.reason = format!("ignored: {reason}");
        return f;
    }
    let total = f.entries_total.max(f.entries.len());
    let mut removed = 0;
    let mut last_reason = "";
    f.entries.retain(|e| {
        let by = [
            format!("{}:{e}", f.package),
            format!("{}:{}:{e}", f.check, f.package),
        ];
        match rules.iter().find(|(m, _)| by.iter().any(|c| m.is_match(c))) {
            Some((_, reason)) => {
                removed += 1;
                last_reason = reason;
                false
            }
            None => true,
        }
    });
    if removed == 0 {
        return f;
    }
    f.entries_total = total - removed;
    if f.entries_total == 0 {
        f.result = Outcome::Pass;
        f.level = super::Level::Note;
        f.reason = format!("ignored: {last_reason}");
    } else {
        f.reason = format!("{} [{removed} ignored: {last_reason}]", f.reason);
    }
    f
}

/// How many findings passed, warned and failed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Findings that passed (or were ignored).
    pub pass: usize,
    /// Findings that warned.
    pub warn: usize,
    /// Findings that failed.
    pub fail: usize,
    /// Checks that did not run on a package (the reason says why).
    #[serde(default)]
    pub skip: usize,
}

impl Summary {
    /// The worst outcome counted (`pass` when empty).
    pub fn worst(&self) -> Outcome {
        if self.fail > 0 {
            Outcome::Fail
        } else if self.warn > 0 {
            Outcome::Warn
        } else {
            Outcome::Pass
        }
    }
}

/// Counts findings by outcome.
pub fn summary(findings: &[Finding]) -> Summary {
    let mut s = Summary::default();
    for f in findings {
        match f.result {
            Outcome::Pass => s.pass += 1,
            Outcome::Warn => s.warn += 1,
            Outcome::Fail => s.fail += 1,
            Outcome::Skip => s.skip += 1,
        }
    }
    s
}
