//! What a package carries besides its bytes: labels (platform, arch, channel, source flag), the
//! URL, SHA-256 and size of an external package, and the media type read from its name.

use crate::error::Error;

use super::PackageName;

/// Platform, arch, channel and source flag of the packages being staged.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    pub platform: Option<String>,
    pub arch: Option<String>,
    pub channel: Option<String>,
    /// `--source` (true) or `--binary` (false): overrides the checks' judgement.
    pub source: Option<bool>,
}

/// A package whose bytes live elsewhere.
#[derive(Debug, Clone)]
pub struct External {
    pub url: String,
    pub sha256: String,
    pub size: u64,
}

fn check_label(what: &str, v: &str) -> anyhow::Result<()> {
    let ok = !v.is_empty()
        && v.len() <= 32
        && v.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && v.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if !ok {
        return Err(Error::usage(format!(
            "{what} {v:?} is not valid: lowercase letters, digits, '.', '_', '-'"
        ))
        .into());
    }
    Ok(())
}

impl Labels {
    pub fn validate(&self) -> anyhow::Result<()> {
        if let Some(p) = &self.platform {
            check_label("platform", p)?;
        }
        if let Some(a) = &self.arch {
            check_label("arch", a)?;
        }
        if let Some(c) = &self.channel {
            check_label("channel", c)?;
        }
        Ok(())
    }
}

impl External {
    /// SPEC §5: `https://` (or `oci://`) URLs, 64 hex digits, a positive size.
    pub fn parse(url: &str, sha256: &str, size: &str) -> anyhow::Result<External> {
        let parsed = url::Url::parse(url)
            .map_err(|e| Error::usage(format!("--external {url:?} is not a URL")).caused_by(e))?;
        if !matches!(parsed.scheme(), "https" | "oci")
            || parsed.host_str().is_none_or(str::is_empty)
        {
            return Err(Error::usage(format!(
                "--external {url:?} must be an https:// or oci:// URL"
            ))
            .into());
        }
        if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(Error::usage(format!(
                "--external {url:?} holds whitespace or control characters"
            ))
            .into());
        }
        if sha256.len() != 64 || !sha256.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::usage(format!("--sha256 {sha256:?} is not 64 hex digits")).into());
        }
        let size: u64 =
            size.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                Error::usage(format!("--size {size:?} is not a positive integer"))
            })?;
        Ok(External {
            url: url.to_string(),
            sha256: sha256.to_ascii_lowercase(),
            size,
        })
    }

    /// The package name: the URL's last path segment (or the image name for oci://).
    pub fn name(&self) -> anyhow::Result<PackageName> {
        let trimmed = self.url.split(['?', '#']).next().unwrap_or("");
        let last = trimmed
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("");
        let last = last.replace([':', '@'], "-");
        last.parse().map_err(|e: Error| {
            Error::usage(format!(
                "cannot name a package after {}: {}",
                self.url, e.message
            ))
            .into()
        })
    }
}

/// A media type from the file name, for the SBOM and `release show`.
pub fn media_type(name: &str) -> Option<&'static str> {
    let n = name.to_ascii_lowercase();
    let table: &[(&str, &str)] = &[
        (".tar.gz", "application/gzip"),
        (".tgz", "application/gzip"),
        (".tar.bz2", "application/x-bzip2"),
        (".tar.xz", "application/x-xz"),
        (".tar", "application/x-tar"),
        (".zip", "application/zip"),
        (".jar", "application/java-archive"),
        (".war", "application/java-archive"),
        (".whl", "application/zip"),
        (".deb", "application/vnd.debian.binary-package"),
        (".rpm", "application/x-rpm"),
        (".msi", "application/x-msi"),
        (".dmg", "application/x-apple-diskimage"),
        (".json", "application/json"),
        (".txt", "text/plain"),
        (".md", "text/markdown"),
        (".pom", "application/xml"),
        (".xml", "application/xml"),
    ];
    table
        .iter()
        .find(|(ext, _)| n.ends_with(ext))
        .map(|(_, t)| *t)
}
