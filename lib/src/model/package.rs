//! What a package is besides its bytes: the [`Package`] record itself, the labels it is staged
//! with (platform, arch, channel, source flag), the URL, SHA-256 and size of an external package,
//! and the media type read from its name.

use serde::Serialize;

use crate::error::Error;

use super::PackageName;
use super::event::StagedPackage;

/// A package of a release revision: what `stage` records, the index keeps, `release show` prints
/// and the SBOM describes. The one type for the concept across layers; the index adds only what
/// is not the package's own ([`crate::store::releases::StoredPackage`]: its row id and the
/// signatures made of it since), which is why that one wraps this one rather than repeating it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Package {
    /// The file name; may hold `/`.
    pub name: String,
    /// The size in bytes.
    pub size: u64,
    /// The SHA-256, lowercase hex.
    pub sha256: String,
    /// The SHA-512, lowercase hex; `None` for an external package (its bytes are not here).
    pub sha512: Option<String>,
    /// The media type read from the name ([`media_type`]).
    pub media_type: Option<String>,
    /// The platform (`linux`, …).
    pub platform: Option<String>,
    /// The architecture (`x86_64`, …).
    pub arch: Option<String>,
    /// The channel (`stable`, …).
    pub channel: Option<String>,
    /// Where an external package is downloaded from.
    pub external_url: Option<String>,
    /// `stage --source` (true) or `--binary` (false); `None`: the checks judge. Not in
    /// `release show --json` (SPEC §5 lists its fields).
    #[serde(skip)]
    pub source: Option<bool>,
}

impl Package {
    /// The package as a stage event carries it, with the signature made while staging.
    pub fn staged(&self, signature: Option<String>) -> StagedPackage {
        StagedPackage {
            name: self.name.clone(),
            size: self.size,
            sha256: self.sha256.clone(),
            sha512: self.sha512.clone(),
            media_type: self.media_type.clone(),
            platform: self.platform.clone(),
            arch: self.arch.clone(),
            channel: self.channel.clone(),
            external_url: self.external_url.clone(),
            signature,
            source: self.source,
        }
    }
}

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
        // Credentials in a published URL would be published with it (the page, the history);
        // the message does not repeat the URL, which would print the secret.
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(Error::usage(
                "--external URL holds credentials (user:password@): publish a URL that needs none",
            )
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
