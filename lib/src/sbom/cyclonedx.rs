//! CycloneDX 1.6 JSON.
//!
//! Layout: `metadata` (timestamp, lifecycle `post-build`, tool relmgr in `tools.components`,
//! `authors` and `supplier` from the project supplier, `component` = the release), `components`
//! (the release files as `file`, then the libraries as `library`), `dependencies` (release →
//! files → libraries; every bom-ref appears once as `ref`), and `vulnerabilities` when there
//! are CVEs.
//!
//! Bom-refs: the release `relmgr:release/<target>@<version>`, a file
//! `relmgr:file/<target>@<version>/<name>`, a library its purl.

use anyhow::Result;
use jiff::Timestamp;
use serde_json::{Value, json};

use super::{
    Cve, Package, Release, Scan, document_time, document_uuid, format_time, known_severity,
    known_state, release_name, scan_release, sorted_cves, sorted_packages, to_pretty, web_url,
};

/// SPDX license ids written as `{"license": {"id": ..}}`; any other single token is written as
/// `{"license": {"name": ..}}`, because the schema's id list is closed.
const KNOWN_LICENSE_IDS: &[&str] = &[
    "0BSD",
    "AGPL-3.0-only",
    "AGPL-3.0-or-later",
    "Apache-1.1",
    "Apache-2.0",
    "Artistic-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "BSL-1.0",
    "CC0-1.0",
    "CC-BY-4.0",
    "CDDL-1.0",
    "EPL-1.0",
    "EPL-2.0",
    "GPL-2.0-only",
    "GPL-2.0-or-later",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "ISC",
    "LGPL-2.1-only",
    "LGPL-2.1-or-later",
    "LGPL-3.0-only",
    "LGPL-3.0-or-later",
    "MIT",
    "MIT-0",
    "MPL-2.0",
    "PostgreSQL",
    "Python-2.0",
    "Unicode-3.0",
    "Unlicense",
    "Zlib",
];

/// The release's CycloneDX 1.6 JSON, at [`document_time`], scanning archives with
/// [`scan_release`] (unreadable archives are marked, not fatal).
pub fn cyclonedx(r: &Release, tool_version: &str) -> Result<String> {
    cyclonedx_with(r, tool_version, document_time(r), &scan_release(r))
}

/// The release's CycloneDX 1.6 JSON at time `at`, with the libraries of an earlier `scan` (so
/// that one scan serves both formats).
pub fn cyclonedx_with(
    r: &Release,
    tool_version: &str,
    at: Timestamp,
    scan: &Scan,
) -> Result<String> {
    let release_ref = format!("relmgr:release/{}@{}", r.target, r.version);
    let supplier = json!({ "name": r.project.supplier });

    let mut component = json!({
        "type": "application",
        "bom-ref": release_ref,
        "name": release_name(r),
        "version": r.version,
        "supplier": supplier,
    });
    if let Some(d) = r
        .project
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        component["description"] = json!(d);
    }
    if let Some(l) = r
        .project
        .license
        .as_deref()
        .filter(|l| !l.trim().is_empty())
    {
        component["licenses"] = licenses(l.trim());
    }
    let mut refs = Vec::new();
    if let Some(u) = web_url(r.project.homepage.as_ref()) {
        refs.push(json!({ "type": "website", "url": u }));
    }
    if let Some(u) = web_url(r.project.source_url.as_ref()) {
        refs.push(json!({ "type": "vcs", "url": u }));
    }
    if !refs.is_empty() {
        component["externalReferences"] = Value::Array(refs);
    }

    let mut components = Vec::new();
    let mut dependencies = Vec::new();
    let mut file_refs = Vec::new();
    let mut file_deps = Vec::new();
    for p in sorted_packages(r) {
        let mut bom_ref = format!("relmgr:file/{}@{}/{}", r.target, r.version, p.name);
        while file_refs.contains(&bom_ref) {
            bom_ref.push('~');
        }
        components.push(file_component(r, p, &bom_ref, scan));
        let lib_refs: Vec<&str> = scan
            .deps
            .get(&p.name)
            .map(|ds| ds.iter().map(|d| d.purl.as_str()).collect())
            .unwrap_or_default();
        let mut entry = json!({ "ref": bom_ref });
        if !lib_refs.is_empty() {
            entry["dependsOn"] = json!(lib_refs);
        }
        file_deps.push(entry);
        file_refs.push(bom_ref);
    }
    dependencies.push(json!({ "ref": release_ref, "dependsOn": file_refs }));
    dependencies.extend(file_deps);

    for lib in scan.libraries() {
        let found_in: Vec<Value> = scan
            .deps
            .iter()
            .flat_map(|(pkg, ds)| ds.iter().filter(|d| d.purl == lib.purl).map(move |d| (pkg, d)))
            .map(|(pkg, d)| json!({ "name": "relmgr:found-in", "value": format!("{pkg}!/{}", d.found_in) }))
            .collect();
        components.push(json!({
            "type": "library",
            "bom-ref": lib.purl,
            "name": lib.name,
            "version": lib.version,
            "purl": lib.purl,
            "properties": found_in,
        }));
        dependencies.push(json!({ "ref": lib.purl }));
    }

    let mut bom = json!({
        "$schema": "http://cyclonedx.org/schema/bom-1.6.schema.json",
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "serialNumber": format!("urn:uuid:{}", document_uuid(r, "cyclonedx")),
        "version": 1,
        "metadata": {
            "timestamp": format_time(at),
            "lifecycles": [{ "phase": "post-build" }],
            "tools": { "components": [{
                "type": "application",
                "name": "relmgr",
                "version": tool_version,
            }] },
            "authors": [{ "name": r.project.supplier }],
            "supplier": supplier,
            "component": component,
        },
        "components": components,
        "dependencies": dependencies,
    });
    let vulns: Vec<Value> = sorted_cves(r)
        .into_iter()
        .map(|c| vulnerability(c, &release_ref))
        .collect();
    if !vulns.is_empty() {
        bom["vulnerabilities"] = Value::Array(vulns);
    }
    to_pretty(&bom)
}

fn file_component(r: &Release, p: &Package, bom_ref: &str, scan: &Scan) -> Value {
    let mut hashes = Vec::new();
    if is_hex(&p.sha256, 64) {
        hashes.push(json!({ "alg": "SHA-256", "content": p.sha256.to_ascii_lowercase() }));
    }
    if let Some(h) = p.sha512.as_deref().filter(|h| is_hex(h, 128)) {
        hashes.push(json!({ "alg": "SHA-512", "content": h.to_ascii_lowercase() }));
    }
    let mut props = Vec::new();
    let mut prop = |name: &str, value: Option<&String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            props.push(json!({ "name": name, "value": v }));
        }
    };
    prop("relmgr:platform", p.platform.as_ref());
    prop("relmgr:arch", p.arch.as_ref());
    prop("relmgr:channel", p.channel.as_ref());
    prop("relmgr:media-type", p.media_type.as_ref());
    prop("relmgr:size", Some(&p.size.to_string()));
    if scan.errors.contains_key(&p.name) {
        prop("relmgr:dependency-scan", Some(&"failed".to_string()));
    }
    let mut c = json!({
        "type": "file",
        "bom-ref": bom_ref,
        "name": p.name,
        "version": r.version,
        "supplier": { "name": r.project.supplier },
        "hashes": hashes,
        "properties": props,
    });
    if let Some(u) = p.external_url.as_deref().filter(|u| !u.trim().is_empty()) {
        c["externalReferences"] = json!([{ "type": "distribution", "url": u.trim() }]);
    }
    c
}

fn vulnerability(c: &Cve, release_ref: &str) -> Value {
    let mut v = json!({
        "id": c.id,
        "source": { "name": "NVD", "url": format!("https://nvd.nist.gov/vuln/detail/{}", c.id) },
        "description": c.title,
        "affects": [{ "ref": release_ref }],
    });
    if let Ok(d) = c.date.trim().parse::<jiff::civil::Date>() {
        v["published"] = json!(format!("{d}T00:00:00Z"));
    }
    if let Some(s) = known_severity(c) {
        v["ratings"] = json!([{ "severity": s }]);
    }
    if let Some(s) = known_state(c) {
        v["analysis"] = json!({ "state": s });
    }
    v
}

/// The `licenses` array for an SPDX expression (see [`KNOWN_LICENSE_IDS`]).
fn licenses(expr: &str) -> Value {
    let compound = expr.contains(|c: char| c.is_whitespace() || c == '(' || c == ')');
    if compound || expr.starts_with("LicenseRef-") {
        json!([{ "expression": expr }])
    } else if let Some(id) = KNOWN_LICENSE_IDS
        .iter()
        .find(|k| k.eq_ignore_ascii_case(expr))
    {
        json!([{ "license": { "id": id } }])
    } else {
        json!([{ "license": { "name": expr } }])
    }
}

/// Whether `s` is `len` hex digits.
pub(crate) fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn license_forms() {
        assert_eq!(
            licenses("Apache-2.0"),
            json!([{ "license": { "id": "Apache-2.0" } }])
        );
        assert_eq!(licenses("mit"), json!([{ "license": { "id": "MIT" } }]));
        assert_eq!(
            licenses("Apache-2.0 OR MIT"),
            json!([{ "expression": "Apache-2.0 OR MIT" }])
        );
        assert_eq!(
            licenses("LicenseRef-Foo"),
            json!([{ "expression": "LicenseRef-Foo" }])
        );
        assert_eq!(
            licenses("Foo-1.0"),
            json!([{ "license": { "name": "Foo-1.0" } }])
        );
    }
}
