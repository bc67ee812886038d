//! SPDX 2.3 JSON.
//!
//! Packages: the release (`SPDXRef-Release`, purpose `APPLICATION`), one per release file
//! (`SPDXRef-File-<sanitized name>-<n>`, purpose `ARCHIVE` for archive names, else `FILE`,
//! `filesAnalyzed: false`, SHA256 + SHA512 checksums), one per library found in archives
//! (`SPDXRef-Dep-<sanitized purl>-<n>`, purpose `LIBRARY`, a `PACKAGE-MANAGER`/`purl` external
//! ref). `<n>` is the 1-based position in the sorted list, so ids are unique even when two names
//! sanitize alike. Relationships: `DOCUMENT DESCRIBES Release` (not the deprecated
//! `documentDescribes`), `Release CONTAINS file`, `file DEPENDS_ON library`.
//!
//! SPDX 2.3 has no vulnerability section: CVEs are left to the CycloneDX document (VEX).
//! Platform, architecture, channel, media type and size of a file go into its `comment`.

use anyhow::Result;
use jiff::Timestamp;
use serde_json::{Value, json};

use super::cyclonedx::is_hex;
use super::{
    Package, Release, Scan, document_time, document_uuid, format_time, purl, release_name,
    scan_release, sorted_packages, to_pretty, web_url,
};

const NOASSERTION: &str = "NOASSERTION";

/// File name endings taken as archives (purpose `ARCHIVE`).
const ARCHIVE_SUFFIXES: &[&str] = &[
    ".tar.gz", ".tgz", ".tar", ".zip", ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".tar.zst", ".7z",
    ".jar", ".war", ".whl", ".crate", ".gem", ".nupkg",
];

/// The release's SPDX 2.3 JSON, at [`document_time`], scanning archives with [`scan_release`]
/// (unreadable archives are marked, not fatal).
pub fn spdx(r: &Release, tool_version: &str) -> Result<String> {
    spdx_with(r, tool_version, document_time(r), &scan_release(r))
}

/// The release's SPDX 2.3 JSON at time `at`, with the libraries of an earlier `scan`.
pub fn spdx_with(r: &Release, tool_version: &str, at: Timestamp, scan: &Scan) -> Result<String> {
    let supplier = organization(&r.project.supplier);
    let uuid = document_uuid(r, "spdx");
    let ident =
        purl::encode(&format!("{}-{}-{}", r.target, r.version, r.revision).replace('/', "-"));
    let namespace = format!("https://relmgr.invalid/spdx/{ident}-{uuid}");

    let mut release = json!({
        "SPDXID": "SPDXRef-Release",
        "name": release_name(r),
        "versionInfo": r.version,
        "supplier": supplier,
        "downloadLocation": web_url(r.project.source_url.as_ref()).unwrap_or(NOASSERTION),
        "filesAnalyzed": false,
        "licenseConcluded": NOASSERTION,
        "licenseDeclared": r.project.license.as_deref().map(str::trim).filter(|l| !l.is_empty()).unwrap_or(NOASSERTION),
        "copyrightText": NOASSERTION,
        "primaryPackagePurpose": "APPLICATION",
        "comment": format!("Release {}@{}, revision {}", r.target, r.version, r.revision),
    });
    if let Some(u) = web_url(r.project.homepage.as_ref()) {
        release["homepage"] = json!(u);
    }
    if let Some(d) = r
        .project
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        release["summary"] = json!(d);
    }

    let mut packages = vec![release];
    let mut relationships = vec![rel("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-Release")];

    let libs = scan.libraries();
    let lib_ids: Vec<String> = libs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            format!(
                "SPDXRef-Dep-{}-{}",
                sanitize(d.purl.trim_start_matches("pkg:")),
                i + 1
            )
        })
        .collect();

    let mut depends = Vec::new();
    for (i, p) in sorted_packages(r).into_iter().enumerate() {
        let id = format!("SPDXRef-File-{}-{}", sanitize(&p.name), i + 1);
        packages.push(file_package(r, p, &id, &supplier, scan));
        relationships.push(rel("SPDXRef-Release", "CONTAINS", &id));
        for d in scan.deps.get(&p.name).into_iter().flatten() {
            if let Some(j) = libs.iter().position(|l| l.purl == d.purl) {
                depends.push(rel(&id, "DEPENDS_ON", &lib_ids[j]));
            }
        }
    }
    relationships.extend(depends);

    for (lib, id) in libs.iter().zip(&lib_ids) {
        let found: Vec<String> = scan
            .deps
            .iter()
            .flat_map(|(pkg, ds)| {
                ds.iter()
                    .filter(|d| d.purl == lib.purl)
                    .map(move |d| format!("{pkg}!/{}", d.found_in))
            })
            .collect();
        packages.push(json!({
            "SPDXID": id,
            "name": lib.name,
            "versionInfo": lib.version,
            "supplier": NOASSERTION,
            "downloadLocation": NOASSERTION,
            "filesAnalyzed": false,
            "licenseConcluded": NOASSERTION,
            "licenseDeclared": NOASSERTION,
            "copyrightText": NOASSERTION,
            "primaryPackagePurpose": "LIBRARY",
            "externalRefs": [{
                "referenceCategory": "PACKAGE-MANAGER",
                "referenceType": "purl",
                "referenceLocator": lib.purl,
            }],
            "comment": format!("Pinned by {}", found.join(", ")),
        }));
    }

    let mut creators = vec![format!("Tool: relmgr-{tool_version}")];
    if supplier != NOASSERTION {
        creators.push(supplier);
    }
    let doc = json!({
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": format!("{}@{}-{}", r.target, r.version, r.revision),
        "documentNamespace": namespace,
        "creationInfo": {
            "created": format_time(at),
            "creators": creators,
        },
        "packages": packages,
        "relationships": relationships,
    });
    to_pretty(&doc)
}

fn file_package(r: &Release, p: &Package, id: &str, supplier: &str, scan: &Scan) -> Value {
    let mut checksums = Vec::new();
    if is_hex(&p.sha256, 64) {
        checksums
            .push(json!({ "algorithm": "SHA256", "checksumValue": p.sha256.to_ascii_lowercase() }));
    }
    if let Some(h) = p.sha512.as_deref().filter(|h| is_hex(h, 128)) {
        checksums.push(json!({ "algorithm": "SHA512", "checksumValue": h.to_ascii_lowercase() }));
    }
    let lower = p.name.to_ascii_lowercase();
    let purpose = if ARCHIVE_SUFFIXES.iter().any(|s| lower.ends_with(s)) {
        "ARCHIVE"
    } else {
        "FILE"
    };
    let mut notes = Vec::new();
    for (k, v) in [
        ("platform", &p.platform),
        ("arch", &p.arch),
        ("channel", &p.channel),
        ("media type", &p.media_type),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            notes.push(format!("{k}: {v}"));
        }
    }
    notes.push(format!("size: {} bytes", p.size));
    if scan.errors.contains_key(&p.name) {
        notes.push("dependency scan failed: the archive could not be read".to_string());
    }
    json!({
        "SPDXID": id,
        "name": p.name,
        "versionInfo": r.version,
        "packageFileName": p.name,
        "supplier": supplier,
        "downloadLocation": web_url(p.external_url.as_ref()).unwrap_or(NOASSERTION),
        "filesAnalyzed": false,
        "checksums": checksums,
        "licenseConcluded": NOASSERTION,
        "licenseDeclared": NOASSERTION,
        "copyrightText": NOASSERTION,
        "primaryPackagePurpose": purpose,
        "comment": notes.join("; "),
    })
}

fn rel(a: &str, ty: &str, b: &str) -> Value {
    json!({ "spdxElementId": a, "relationshipType": ty, "relatedSpdxElement": b })
}

/// `Organization: <name>`; parentheses would read as an e-mail address, so they become `[]`.
fn organization(name: &str) -> String {
    let name = name.trim().replace('(', "[").replace(')', "]");
    if name.is_empty() {
        NOASSERTION.to_string()
    } else {
        format!("Organization: {name}")
    }
}

/// Maps every character outside `[A-Za-z0-9.-]` (the SPDX id charset) to `-`.
pub(crate) fn sanitize(s: &str) -> String {
    let out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if out.is_empty() { "x".to_string() } else { out }
}
