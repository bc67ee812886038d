//! `naming`: package file names start with a project key and carry the version.
//!
//! Owns the name helpers shared by the other checks ([`file_name`], [`is_source_name`]) and
//! the `naming` check: the file name (last `/` component) must start with the project key,
//! the product key or `<project>-<product>` (optionally behind `apache-`, case-insensitive),
//! followed by `-`, `_` or `.`, and contain the version not glued to other digits. `_` in the
//! file name counts as `-`, since PyPI names sdists so (`apache_libcloud-3.9.1.tar.gz`).

use super::{Context, Finding, Outcome};

const CHECK: &str = "naming";

/// The last `/` component of a package name.
pub fn file_name(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// Whether a package name looks like a source release (`-src` or `-source` in the file name).
pub fn is_source_name(name: &str) -> bool {
    let f = file_name(name).to_ascii_lowercase();
    f.contains("-src") || f.contains("-source")
}

/// Whether a package name says it is a binary distribution (`-bin` in the file name).
pub fn is_binary_name(name: &str) -> bool {
    let f = file_name(name).to_ascii_lowercase();
    f.contains("-bin.") || f.contains("-bin-") || f.contains("-binary")
}

/// Whether `file` starts with `key` followed by a separator.
fn starts_with_key(file: &str, key: &str) -> bool {
    !key.is_empty()
        && file
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(['-', '_', '.']))
}

/// Whether `version` occurs in `file` with no digit (or `.digit`) glued to either side.
pub fn contains_version(file: &str, version: &str) -> bool {
    if version.is_empty() {
        return false;
    }
    let b = file.as_bytes();
    file.match_indices(version).any(|(at, _)| {
        let before_ok = at == 0 || !(b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'.');
        let end = at + version.len();
        let after_ok = match (b.get(end), b.get(end + 1)) {
            (Some(c), _) if c.is_ascii_digit() => false,
            (Some(b'.'), Some(c)) if c.is_ascii_digit() => false,
            _ => true,
        };
        before_ok && after_ok
    })
}

/// The `naming` finding for one package.
pub fn check(ctx: &Context, name: &str) -> Vec<Finding> {
    if ctx.project_key.is_empty() {
        let why = "no project to compare the name with (check --dir)";
        return vec![Finding::new(name, CHECK, Outcome::Skip, why)];
    }
    let file = file_name(name);
    // PyPI normalises `-` to `_` in sdist names: apache_libcloud-3.9.1 is apache-libcloud's.
    let lower = file.to_ascii_lowercase().replace('_', "-");
    let project = ctx.project_key.to_ascii_lowercase();
    let mut keys = vec![project.clone()];
    if let Some(product) = &ctx.product_key {
        let product = product.to_ascii_lowercase();
        keys.push(format!("{project}-{product}"));
        keys.push(product);
    }
    let prefixed = keys
        .iter()
        .any(|k| starts_with_key(&lower, k) || starts_with_key(&lower, &format!("apache-{k}")));
    let versioned = contains_version(file, &ctx.version);
    let mut problems = Vec::new();
    if !prefixed {
        problems.push(format!("does not start with {}", keys.join(" or ")));
    }
    if !versioned {
        problems.push(format!("does not contain the version {}", ctx.version));
    }
    let (result, reason) = if problems.is_empty() {
        (
            Outcome::Pass,
            format!("named after {project} {}", ctx.version),
        )
    } else {
        (Outcome::Warn, problems.join(" and "))
    };
    vec![Finding::new(name, CHECK, result, reason)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(ctx: &Context, name: &str) -> Outcome {
        check(ctx, name)[0].result
    }

    #[test]
    fn names() {
        let mut ctx = Context::new("demo", "1.2.0");
        assert_eq!(outcome(&ctx, "demo-1.2.0-src.tar.gz"), Outcome::Pass);
        assert_eq!(
            outcome(&ctx, "sub/dir/apache-demo-1.2.0-bin.zip"),
            Outcome::Pass
        );
        assert_eq!(outcome(&ctx, "Demo_1.2.0.tar.gz"), Outcome::Pass);
        assert_eq!(outcome(&ctx, "apache_demo-1.2.0.tar.gz"), Outcome::Pass);
        let lib = Context::new("libcloud", "3.9.1");
        assert_eq!(outcome(&lib, "apache_libcloud-3.9.1.tar.gz"), Outcome::Pass);
        let lib = Context::new("apache-libcloud", "3.9.1");
        assert_eq!(outcome(&lib, "apache_libcloud-3.9.1.tar.gz"), Outcome::Pass);
        assert_eq!(outcome(&ctx, "demonstration-1.2.0.tar.gz"), Outcome::Warn);
        assert_eq!(outcome(&ctx, "demo-1.2.tar.gz"), Outcome::Warn);
        assert_eq!(outcome(&ctx, "demo-1.2.0.1.tar.gz"), Outcome::Warn);
        assert_eq!(outcome(&ctx, "demo-11.2.0.tar.gz"), Outcome::Warn);
        ctx.product_key = Some("cli".into());
        assert_eq!(outcome(&ctx, "cli-1.2.0.tar.gz"), Outcome::Pass);
        assert_eq!(outcome(&ctx, "demo-cli-1.2.0.tar.gz"), Outcome::Pass);
        assert_eq!(outcome(&ctx, "other-1.2.0.tar.gz"), Outcome::Warn);
    }

    #[test]
    fn source_names() {
        assert!(is_source_name("x/demo-1.2.0-src.tar.gz"));
        assert!(is_source_name("demo-1.2.0-source-release.zip"));
        assert!(!is_source_name("demo-src/demo-1.2.0-bin.tar.gz"));
    }
}
