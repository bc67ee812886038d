//! `source-contents`: a source archive carries `LICENSE` and (for Apache-2.0) `NOTICE`.
//!
//! Owns [`ContentsCheck`], which records `LICENSE`/`NOTICE` files (also `.txt`, `.md`)
//! that sit directly under a top-level directory or at the archive root; `finish` looks them
//! up under the top-level directory chosen by `archive-paths`. A missing LICENSE names the
//! first LICENSE files found deeper, so a voter sees where it went.

use std::collections::HashSet;

use super::archive::{Entry, Kind};
use super::paths::components;
use super::{Finding, Outcome};

const CHECK: &str = "source-contents";

/// Accepted file names for the license and notice files.
pub const LICENSE_NAMES: &[&str] = &["LICENSE", "LICENSE.txt", "LICENSE.md"];
/// Accepted file names for the notice file.
pub const NOTICE_NAMES: &[&str] = &["NOTICE", "NOTICE.txt", "NOTICE.md"];

/// Streaming state of the `source-contents` check.
#[derive(Debug, Default)]
pub struct ContentsCheck {
    /// `(directory, file)` pairs seen: directory is the top component, "" at the root.
    seen: HashSet<(String, String)>,
    /// LICENSE files deeper down (the first few), named when the top one is missing.
    deeper: Vec<String>,
}

/// How many deeper LICENSE files a finding names.
const DEEPER: usize = 3;

impl ContentsCheck {
    /// Feeds one entry.
    pub fn entry(&mut self, e: &Entry) {
        if e.kind != Kind::File {
            return;
        }
        let comps = components(e.path);
        let (dir, file) = match comps.as_slice() {
            [file] => ("", *file),
            [dir, file] => (*dir, *file),
            [.., file] => {
                if LICENSE_NAMES.contains(file) && self.deeper.len() < DEEPER {
                    self.deeper.push(comps.join("/"));
                }
                return;
            }
            [] => return,
        };
        if LICENSE_NAMES.contains(&file) || NOTICE_NAMES.contains(&file) {
            self.seen.insert((dir.to_string(), file.to_string()));
        }
    }

    fn find(&self, top: Option<&str>, names: &[&str]) -> Option<String> {
        let dir = top.unwrap_or("");
        names
            .iter()
            .find(|n| self.seen.contains(&(dir.to_string(), n.to_string())))
            .map(|n| {
                if dir.is_empty() {
                    n.to_string()
                } else {
                    format!("{dir}/{n}")
                }
            })
    }

    /// The findings for package `name`; `complete` is false when the archive was cut short,
    /// in which case a missing file is only "not found yet" and warns.
    pub fn finish(
        self,
        name: &str,
        top: Option<&str>,
        license: Option<&str>,
        complete: bool,
    ) -> Vec<Finding> {
        let at = top
            .map(|t| format!("{t}/"))
            .unwrap_or_else(|| "the archive root".into());
        let incomplete = |what: &str| {
            Finding::new(
                name,
                CHECK,
                Outcome::Warn,
                format!("no {what} in {at} before the archive became unreadable"),
            )
        };
        let mut out = Vec::new();
        let lic = self.find(top, LICENSE_NAMES);
        if lic.is_none() {
            out.push(if complete {
                let deeper = match self.deeper.is_empty() {
                    true => String::new(),
                    false => format!(" (found deeper: {})", self.deeper.join(", ")),
                };
                Finding::new(
                    name,
                    CHECK,
                    Outcome::Fail,
                    format!("no LICENSE file in {at}{deeper}"),
                )
                .rule("source-contents/no-license")
            } else {
                incomplete("LICENSE")
            });
        }
        let notice = self.find(top, NOTICE_NAMES);
        let apache = license.is_none_or(|l| l.contains("Apache-2.0"));
        let mut notice_note = String::new();
        if notice.is_none() {
            if !complete {
                out.push(incomplete("NOTICE"));
            } else if apache {
                let lic = license.unwrap_or("unknown license");
                out.push(
                    Finding::new(
                        name,
                        CHECK,
                        Outcome::Warn,
                        format!("no NOTICE file in {at} (expected for {lic})"),
                    )
                    .rule("source-contents/no-notice"),
                );
            } else {
                notice_note = format!("; no NOTICE, not required for {}", license.unwrap_or(""));
            }
        }
        if out.is_empty() {
            let found: Vec<String> = lic.into_iter().chain(notice).collect();
            let reason = format!("has {}{notice_note}", found.join(" and "));
            out.push(Finding::new(name, CHECK, Outcome::Pass, reason));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(paths: &[&str], license: Option<&str>) -> Vec<(Outcome, String)> {
        let mut c = ContentsCheck::default();
        for path in paths {
            c.entry(&Entry {
                path,
                kind: Kind::File,
                link: None,
                head: &[],
                blob: None,
                exec: false,
            });
        }
        c.finish("d.tar.gz", Some("d"), license, true)
            .into_iter()
            .map(|f| (f.result, f.reason))
            .collect()
    }

    #[test]
    fn license_and_notice_rules() {
        assert_eq!(
            run(&["d/LICENSE.txt", "d/NOTICE"], None)[0].0,
            Outcome::Pass
        );
        assert_eq!(run(&["d/LICENSE"], Some("Apache-2.0"))[0].0, Outcome::Warn);
        assert_eq!(run(&["d/LICENSE"], None)[0].0, Outcome::Warn);
        let mit = run(&["d/LICENSE.md"], Some("MIT"));
        assert_eq!(mit[0].0, Outcome::Pass, "{mit:?}");
        assert!(mit[0].1.contains("not required for MIT"));
        let nested = run(&["d/sub/LICENSE", "x/NOTICE"], Some("MIT"));
        assert_eq!(nested.len(), 1);
        assert_eq!(nested[0].0, Outcome::Fail);
        assert_eq!(
            nested[0].1,
            "no LICENSE file in d/ (found deeper: d/sub/LICENSE)"
        );
    }
}
