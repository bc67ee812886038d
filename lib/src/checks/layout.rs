//! `layout`: the release directory as a whole.
//!
//! Owns [`check_layout`]. Per package, all `fail`: no signature, no SHA-512, a name that is a
//! forbidden sidecar or key file (`.md5`, `.sha1`, `.sha`, `.sig`, `KEYS`), a name component
//! starting with `.`. Release-wide (package [`RELEASE`]): no packages fails; no source
//! archive (as the per-package checks judged it: by flag, name or content) warns.

use super::{Context, Finding, Outcome, count, naming};

const CHECK: &str = "layout";

/// Package name used for release-wide findings.
pub const RELEASE: &str = "(release)";

/// Forbidden file name endings among packages (lowercase).
pub const FORBIDDEN_SUFFIXES: &[&str] = &[".md5", ".sha1", ".sha", ".sig"];

/// Checks the release layout. `signed[i]`, `has_sha512[i]` and `source[i]` describe
/// `names[i]`; a missing element counts as `false`. Yields one finding per package and one
/// for [`RELEASE`].
pub fn check_layout(
    ctx: &Context,
    names: &[String],
    signed: &[bool],
    has_sha512: &[bool],
    source: &[bool],
) -> Vec<Finding> {
    let mut out = Vec::with_capacity(names.len() + 1);
    for (i, name) in names.iter().enumerate() {
        let file = naming::file_name(name);
        let lower = file.to_ascii_lowercase();
        let mut problems = Vec::new();
        if !signed.get(i).copied().unwrap_or(false) {
            problems.push("no signature (.asc)".to_string());
        }
        if !has_sha512.get(i).copied().unwrap_or(false) {
            problems.push("no SHA-512 checksum (.sha512)".to_string());
        }
        if let Some(s) = FORBIDDEN_SUFFIXES.iter().find(|s| lower.ends_with(*s)) {
            problems.push(format!("{s} files must not be published"));
        }
        if file == "KEYS" {
            problems.push("KEYS belongs at the project's dist root, not in a release".into());
        }
        if name.split('/').any(|c| c.starts_with('.')) {
            problems.push("dotfile (a name component starts with '.')".into());
        }
        out.push(if problems.is_empty() {
            Finding::new(name, CHECK, Outcome::Pass, "signed, with SHA-512")
        } else {
            Finding::new(name, CHECK, Outcome::Fail, problems.join("; "))
        });
    }
    let sources = (0..names.len())
        .filter(|i| source.get(*i).copied().unwrap_or(false))
        .count();
    let release = match ctx.project_key.is_empty() {
        true => "the directory".to_string(),
        false => format!("{} {}", ctx.project_key, ctx.version),
    };
    out.push(if names.is_empty() {
        Finding::new(
            RELEASE,
            CHECK,
            Outcome::Fail,
            format!("{release}: the release has no packages"),
        )
    } else if sources == 0 {
        Finding::new(
            RELEASE,
            CHECK,
            Outcome::Warn,
            format!("{release}: no source archive: an Apache release must include source"),
        )
    } else {
        Finding::new(
            RELEASE,
            CHECK,
            Outcome::Pass,
            format!(
                "{release}: {}, {}",
                count(names.len(), "package", "packages"),
                count(sources, "source archive", "source archives")
            ),
        )
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn layout_rules() {
        let ctx = Context::new("demo", "1.2.0");
        let n = names(&[
            "demo-1.2.0-src.tar.gz",
            "demo-1.2.0-bin.tar.gz",
            "demo-1.2.0-src.tar.gz.md5",
            "KEYS",
            "sub/.hidden.tar.gz",
        ]);
        let f = check_layout(
            &ctx,
            &n,
            &[true, true, true, true],
            &[true, false, true, true, true],
            &[true],
        );
        let r: Vec<Outcome> = f.iter().map(|f| f.result).collect();
        use Outcome::*;
        assert_eq!(r, vec![Pass, Fail, Fail, Fail, Fail, Pass]);
        assert!(f[1].reason.contains("SHA-512"));
        assert!(f[4].reason.contains("no signature") && f[4].reason.contains("dotfile"));
        assert_eq!(f[5].reason, "demo 1.2.0: 5 packages, 1 source archive");
        let one = check_layout(&ctx, &names(&["x.tar.gz"]), &[true], &[true], &[true]);
        assert_eq!(one[1].reason, "demo 1.2.0: 1 package, 1 source archive");
        assert!(!one[0].reason.contains("x.tar.gz"), "{:?}", one[0]);
        let bin = check_layout(
            &ctx,
            &names(&["demo-1.2.0-bin.zip"]),
            &[true],
            &[true],
            &[false],
        );
        assert_eq!(bin[1].result, Warn);
        assert!(bin[1].reason.contains("no source archive"));
        assert_eq!(check_layout(&ctx, &[], &[], &[], &[])[0].result, Fail);
    }
}
