//! `archive-paths`: entry paths that would be unsafe or untidy to unpack.
//!
//! Owns [`PathsCheck`], a streaming accumulator fed one entry at a time. It fails absolute
//! paths, `..` components, entries outside the one common top-level directory, links whose
//! target is absolute or leaves the top-level directory, and device/fifo/socket entries; it
//! warns when the top-level directory does not fit the archive's name, and on empty archives.

use std::collections::HashMap;

use super::archive::{Entry, Kind};
use super::{Finding, KEPT_ENTRIES, Outcome, count};

const CHECK: &str = "archive-paths";

/// The first [`KEPT_ENTRIES`] paths of one kind of problem (with display labels) and the
/// count of all: memory stays bounded whatever an archive holds.
#[derive(Debug, Default)]
pub struct Bucket {
    pub samples: Vec<String>,
    pub labels: Vec<String>,
    pub count: usize,
}

impl Bucket {
    /// Records a path shown as itself.
    pub fn push(&mut self, path: &str) {
        self.count += 1;
        if self.samples.len() < KEPT_ENTRIES {
            self.samples.push(path.to_string());
            self.labels.push(path.to_string());
        }
    }

    /// Records a path shown as `label` in the reason (made only when it is kept).
    pub fn push_labelled(&mut self, path: &str, label: impl FnOnce() -> String) {
        self.count += 1;
        if self.samples.len() < KEPT_ENTRIES {
            self.samples.push(path.to_string());
            self.labels.push(label());
        }
    }

    /// Adds `other`'s count and as many of its paths as there is room for.
    pub fn absorb(&mut self, other: Bucket) {
        self.count += other.count;
        let room = KEPT_ENTRIES.saturating_sub(self.samples.len());
        self.samples.extend(other.samples.into_iter().take(room));
        self.labels.extend(other.labels.into_iter().take(room));
    }
}

/// How many distinct first path components are told apart; entries under further ones (only
/// a hostile or broken archive has 10,000 top-level names) count as outside the top directory.
pub const MAX_ROOTS: usize = 10_000;

#[derive(Debug, Default)]
struct Root {
    order: usize,
    is_dir: bool,
    entries: Bucket,
}

/// Streaming state of the `archive-paths` check.
#[derive(Debug, Default)]
pub struct PathsCheck {
    absolute: Bucket,
    dotdot: Bucket,
    links: Bucket,
    special: Bucket,
    /// Names holding bidi controls: they read differently from what they unpack to.
    bidi: Bucket,
    roots: HashMap<String, Root>,
    /// Entries under first components past [`MAX_ROOTS`].
    overflow: Bucket,
    entries: usize,
}

/// Splits a stored path into its components; `/` and `\` separate, empty and `.` vanish.
pub fn components(path: &str) -> Vec<&str> {
    path.split(['/', '\\'])
        .filter(|c| !c.is_empty() && *c != ".")
        .collect()
}

/// Whether a path is absolute on Unix or Windows.
pub fn is_absolute(path: &str) -> bool {
    let b = path.as_bytes();
    path.starts_with(['/', '\\']) || (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':')
}

/// Resolves `target` against the components `base`; `None` when it climbs above the root.
fn resolve<'a>(base: &[&'a str], target: &'a str) -> Option<Vec<&'a str>> {
    let mut out = base.to_vec();
    for c in target.split(['/', '\\']) {
        match c {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            c => out.push(c),
        }
    }
    Some(out)
}

impl PathsCheck {
    /// Feeds one entry.
    pub fn entry(&mut self, e: &Entry) {
        self.entries += 1;
        if let Kind::Special(what) = e.kind {
            self.special
                .push_labelled(e.path, || format!("{} ({what})", e.path));
        }
        if e.path.chars().any(crate::model::is_bidi_control) {
            self.bidi.push(e.path);
        }
        if is_absolute(e.path) {
            self.absolute.push(e.path);
            return;
        }
        let comps = components(e.path);
        if comps.contains(&"..") {
            self.dotdot.push(e.path);
            return;
        }
        let Some(first) = comps.first() else { return };
        if self.roots.len() >= MAX_ROOTS && !self.roots.contains_key(*first) {
            self.overflow.push(e.path);
            return;
        }
        let order = self.roots.len();
        let root = self.roots.entry(first.to_string()).or_insert_with(|| Root {
            order,
            ..Root::default()
        });
        root.is_dir |= comps.len() > 1 || e.kind == Kind::Dir;
        root.entries.push(e.path);
        if let Some(target) = e.link {
            let escapes = is_absolute(target)
                || match e.kind {
                    // A symlink resolves from its own directory, a hard link from the root.
                    Kind::Symlink => resolve(&comps[..comps.len() - 1], target),
                    _ => resolve(&[], target),
                }
                .is_none_or(|r| r.first() != Some(first));
            if escapes && matches!(e.kind, Kind::Symlink | Kind::Hardlink) {
                self.links
                    .push_labelled(e.path, || format!("{} -> {target}", e.path));
            }
        }
    }

    /// The top-level directory: the most common first component (ties: first seen).
    pub fn top_dir(&self) -> Option<String> {
        self.roots
            .iter()
            .max_by_key(|(_, r)| (r.entries.count, std::cmp::Reverse(r.order)))
            .filter(|(_, r)| r.is_dir)
            .map(|(name, _)| name.clone())
    }

    /// Whether every entry sits under the top-level directory (none outside, none unsafe).
    pub fn all_under_top(&self) -> bool {
        self.roots.len() == 1
            && self.absolute.count == 0
            && self.dotdot.count == 0
            && self.overflow.count == 0
    }

    /// The findings for package `name` whose file name without extension is `stem`.
    pub fn finish(self, name: &str, stem: &str) -> Vec<Finding> {
        let top = self.top_dir();
        let mut out = Vec::new();
        let mut fail = |bucket: Bucket, one: &str, many: &str| {
            if bucket.count > 0 {
                let what = count(bucket.count, one, many);
                out.push(Finding::with_labelled_entries(
                    name,
                    CHECK,
                    Outcome::Fail,
                    &what,
                    bucket.samples,
                    bucket.labels,
                    bucket.count,
                ));
            }
        };
        fail(
            self.absolute,
            "entry with an absolute path",
            "entries with an absolute path",
        );
        fail(
            self.dotdot,
            "entry with a `..` component",
            "entries with a `..` component",
        );
        let outside_top = "pointing outside the top-level directory";
        fail(
            self.links,
            &format!("link {outside_top}"),
            &format!("links {outside_top}"),
        );
        fail(
            self.special,
            "device, fifo or socket entry",
            "device, fifo or socket entries",
        );
        fail(
            self.bidi,
            "entry whose name holds a bidirectional control",
            "entries whose names hold a bidirectional control",
        );
        let mut outside = Bucket::default();
        let mut roots: Vec<_> = self.roots.into_iter().collect();
        roots.sort_by_key(|(_, r)| r.order);
        for (root, r) in roots {
            if top.as_deref() != Some(root.as_str()) {
                outside.absorb(r.entries);
            }
        }
        outside.absorb(self.overflow);
        let outside_what = match &top {
            Some(t) => format!("outside the top-level directory {t}/"),
            None => "not under one top-level directory".to_string(),
        };
        fail(
            outside,
            &format!("entry {outside_what}"),
            &format!("entries {outside_what}"),
        );
        if self.entries == 0 {
            out.push(Finding::new(
                name,
                CHECK,
                Outcome::Warn,
                "archive has no entries",
            ));
        }
        if let Some(t) = &top
            && !fits_stem(t, stem)
        {
            out.push(Finding::new(
                name,
                CHECK,
                Outcome::Warn,
                format!("top-level directory {t}/ does not match the file name {stem}"),
            ));
        }
        if out.is_empty() {
            let reason = format!(
                "{} entries, all under {}/",
                self.entries,
                top.unwrap_or_default()
            );
            out.push(Finding::new(name, CHECK, Outcome::Pass, reason));
        }
        out
    }
}

/// Whether top-level directory `top` fits an archive named `stem`: equal, or a prefix that
/// ends at `-`, `_`, or a `.` not followed by a digit.
pub fn fits_stem(top: &str, stem: &str) -> bool {
    match stem.strip_prefix(top) {
        None => false,
        Some(rest) => {
            let mut chars = rest.chars();
            match chars.next() {
                None | Some('-' | '_') => true,
                Some('.') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
                Some(_) => false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(entries: &[(&str, Kind, Option<&str>)]) -> Vec<Finding> {
        let mut c = PathsCheck::default();
        for (path, kind, link) in entries {
            c.entry(&Entry {
                path,
                kind: *kind,
                link: *link,
                head: &[],
                blob: None,
                exec: false,
            });
        }
        c.finish("demo-1.2.0-src.tar.gz", "demo-1.2.0-src")
    }

    #[test]
    fn stems() {
        assert!(fits_stem("demo-1.2.0-src", "demo-1.2.0-src"));
        assert!(fits_stem("demo-1.2.0", "demo-1.2.0-src"));
        assert!(!fits_stem("demo-1.2", "demo-1.2.0-src"));
        assert!(!fits_stem("other", "demo-1.2.0-src"));
        assert!(fits_stem("demo", "demo.final"));
    }

    #[test]
    fn links_inside_pass_and_escaping_fail() {
        use Kind::*;
        let ok = run(&[
            ("demo-1.2.0/", Dir, None),
            ("demo-1.2.0/a/l", Symlink, Some("../b")),
            ("demo-1.2.0/h", Hardlink, Some("demo-1.2.0/a/x")),
        ]);
        assert_eq!(ok.len(), 1, "{ok:?}");
        assert_eq!(ok[0].result, Outcome::Pass);
        let bad = run(&[
            ("demo-1.2.0/l", Symlink, Some("../x")),
            ("demo-1.2.0/m", Symlink, Some("/etc/passwd")),
            ("demo-1.2.0/h", Hardlink, Some("other/x")),
        ]);
        assert_eq!(bad[0].entries_total, 3, "{bad:?}");
    }

    #[test]
    fn flat_and_split_archives_fail() {
        use Kind::*;
        let f = run(&[("a", File, None), ("b", File, None)]);
        assert_eq!(f[0].result, Outcome::Fail);
        let f = run(&[
            ("demo-1.2.0/a", File, None),
            ("demo-1.2.0/b", File, None),
            ("x/c", File, None),
            ("README", File, None),
        ]);
        assert_eq!(f[0].entries, vec!["x/c", "README"]);
        let f = run(&[("C:\\x", File, None), ("./demo-1.2.0/../../y", File, None)]);
        assert_eq!(f.len(), 2, "{f:?}");
    }
}
