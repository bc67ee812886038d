//! The download page (SPEC §9): `index.html` per project and one at the top of a publish
//! directory, rendered from plain structs. Plain HTML5 with inline CSS: no JavaScript, no
//! external resource, readable from a phone's width (375 px) to a desktop's.
//!
//! Links are relative to the page unless `base_url` (package files: a mirror network) or
//! `canonical_url` (`.asc`, `.sha512`, KEYS: the Apache rule that signatures and checksums come
//! only from the canonical site) is given; both are prefixes of paths relative to the publish
//! directory. Output is a pure function of the input, so an unchanged page is byte-identical and
//! `publish` does not rewrite it.

use std::fmt::Write;

/// Where links point.
#[derive(Debug, Clone, Default)]
pub struct Urls {
    /// Prefix for package files (e.g. `https://downloads.example.org/`).
    pub base: Option<String>,
    /// Prefix for `.asc`, `.sha512` and KEYS (e.g. `https://downloads.apache.org/`).
    pub canonical: Option<String>,
    /// The release notes of a release: a URL with `{version}` (and `{target}`) in it.
    pub notes: Option<String>,
    /// Prefix where archived releases stay (e.g. `https://archive.apache.org/dist/`): the
    /// archive page links `<prefix>/<target>/<version>/`.
    pub archive: Option<String>,
}

impl Urls {
    /// The release-notes link of `target@version`, from the `--notes-url` template.
    pub fn notes_of(&self, target: &str, version: &str) -> Option<String> {
        self.notes
            .as_ref()
            .map(|t| t.replace("{version}", version).replace("{target}", target))
    }
}

/// One project's page: the project and its products.
#[derive(Debug, Clone)]
pub struct ProjectPage {
    /// The project key, also its directory.
    pub key: String,
    pub name: String,
    pub description: Option<String>,
    pub homepage: Option<String>,
    /// The project first, then its products.
    pub sections: Vec<Section>,
}

/// A project or product and its releases.
#[derive(Debug, Clone)]
pub struct Section {
    /// `project` or `project/product`.
    pub target: String,
    pub name: String,
    /// Newest first.
    pub current: Vec<CurrentRelease>,
    /// Newest first.
    pub revoked: Vec<RevokedRelease>,
    /// Older releases, no longer in the tree (archived), newest first: the archive page.
    pub archived: Vec<ArchivedRelease>,
}

/// A release that left the tree when a newer one came (phase archived).
#[derive(Debug, Clone)]
pub struct ArchivedRelease {
    pub version: String,
    /// `YYYY-MM-DD`, when it became current.
    pub date: Option<String>,
    pub cves: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct CurrentRelease {
    pub version: String,
    /// `YYYY-MM-DD`, when it was promoted.
    pub date: Option<String>,
    pub files: Vec<File>,
    /// The SBOMs publish wrote beside the packages (name, path relative to the publish
    /// directory, size).
    pub sboms: Vec<(String, String, u64)>,
    /// CVEs linked to the release (fixed in it or affecting it).
    pub cves: Vec<String>,
}

/// A package as the page shows it.
#[derive(Debug, Clone)]
pub struct File {
    pub name: String,
    /// Path relative to the publish directory (`demo/1.2.0/demo-1.2.0-src.tar.gz`); None for
    /// an external package.
    pub path: Option<String>,
    pub external_url: Option<String>,
    pub sha256: String,
    pub size: u64,
    pub platform: Option<String>,
    pub arch: Option<String>,
}

#[derive(Debug, Clone)]
pub struct RevokedRelease {
    pub version: String,
    pub date: Option<String>,
    pub reason: Option<String>,
    pub cves: Vec<String>,
}

const STYLE: &str = "\
:root{color-scheme:light}\
*{box-sizing:border-box}\
body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1b1b;background:#fff;margin:0 auto;max-width:64rem;padding:1rem}\
h1{font-size:1.7rem;margin:.5rem 0}\
h2{font-size:1.35rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:2px solid #e3e3e3}\
h3{font-size:1.1rem;margin:1.25rem 0 .25rem}\
a{color:#0b57a4}\
p.lead{color:#444;margin-top:0}\
ul.files{list-style:none;margin:.25rem 0;padding:0}\
ul.files li{padding:.5rem 0;border-bottom:1px solid #eee}\
a.file{font-weight:600;overflow-wrap:anywhere}\
.meta{display:block;color:#555;font-size:.9rem}\
.links a{margin-right:.75rem}\
pre{background:#f4f4f4;border-radius:4px;padding:.75rem;white-space:pre-wrap;overflow-wrap:anywhere;font-size:.9rem}\
.revoked{background:#fff4f4;border-left:4px solid #b3261e;padding:.5rem .75rem;margin:.5rem 0}\
.date{color:#555;font-weight:normal;font-size:.95rem}\
.kind{display:inline-block;min-width:4.5rem;margin-right:.5rem;padding:0 .4rem;border-radius:3px;background:#e8f0fb;color:#0b3d75;font-size:.85rem;font-weight:600;text-align:center}\
.kind.src{background:#e6f4ea;color:#0d5224}\
.notes{margin:.25rem 0}\
.notes a{margin-right:.75rem}\
footer{margin-top:2.5rem;color:#666;font-size:.85rem}";

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Percent-encodes a path relative to the publish directory for a link: every byte but
/// the unreserved ones (RFC 3986: letters, digits, `-._~`) and the `/` separators, so a
/// package named `a#1.tar.gz`, `a?b` or `100%.zip` links to itself.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Joins a URL prefix and a path relative to the publish directory.
fn absolute(prefix: &str, path: &str) -> String {
    format!("{}/{}", prefix.trim_end_matches('/'), path)
}

/// A link to `path` (relative to the publish directory) from a page in `page_dir` (relative to
/// it too: "" for the top page, "demo" for a project's).
fn href(prefix: Option<&str>, page_dir: &str, path: &str) -> String {
    let path = encode_path(path);
    let page_dir = encode_path(page_dir);
    let path = path.as_str();
    match prefix {
        Some(p) => absolute(p, path),
        None if page_dir.is_empty() => path.to_string(),
        None => path
            .strip_prefix(&format!("{page_dir}/"))
            .map(str::to_string)
            .unwrap_or_else(|| format!("../{path}")),
    }
}

fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    );
}

fn foot(out: &mut String) {
    out.push_str(
        "<footer>Written by relmgr publish. Verify every download with its signature (.asc) \
         and checksum (.sha512) against the project's KEYS.</footer>\n</body>\n</html>\n",
    );
}

/// A human size, in one style for every size on the page: IEC units (KiB, MiB, GiB) with one
/// decimal, bytes only below 1 KiB (`512 B`, `1.5 KiB`, `12.3 MiB`).
pub fn human_size(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut v = n as f64;
    let mut unit = "B";
    for u in UNITS {
        if v < 1024.0 {
            break;
        }
        v /= 1024.0;
        unit = u;
    }
    format!("{v:.1} {unit}")
}

/// What a package is, from its labels and else its file name: `Source` for a source release
/// (`-src`, `-source`, `sources`), else the platform and architecture of a binary (`Linux
/// x86_64`, `Windows`, `macOS aarch64`, `noarch`) or plain `Binary`.
pub fn package_kind(f: &File) -> (bool, String) {
    let name = f
        .name
        .rsplit('/')
        .next()
        .unwrap_or(&f.name)
        .to_ascii_lowercase();
    let words: Vec<&str> = name
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .collect();
    let has = |w: &[&str]| words.iter().any(|x| w.contains(x));
    if has(&["src", "source", "sources"]) && f.platform.is_none() && f.arch.is_none() {
        return (true, "Source".into());
    }
    let platform = f.platform.as_deref().map(platform_name).or_else(|| {
        [
            (&["linux"][..], "Linux"),
            (&["windows", "win", "win32", "win64"][..], "Windows"),
            (&["macos", "osx", "darwin", "mac"][..], "macOS"),
            (&["freebsd"][..], "FreeBSD"),
        ]
        .iter()
        .find(|(w, _)| has(w))
        .map(|(_, n)| n.to_string())
    });
    let arch = f.arch.clone().or_else(|| {
        [
            (&["x86_64", "amd64", "x64"][..], "x86_64"),
            (&["aarch64", "arm64"][..], "aarch64"),
            (&["i386", "i686", "x86"][..], "x86"),
            (&["noarch"][..], "noarch"),
        ]
        .iter()
        .find(|(w, _)| has(w))
        .map(|(_, n)| n.to_string())
    });
    let label: Vec<String> = platform.into_iter().chain(arch).collect();
    match label.is_empty() {
        true => (false, "Binary".into()),
        false => (false, label.join(" ")),
    }
}

/// A platform label as people write it (`linux` → `Linux`); other labels as they are.
fn platform_name(p: &str) -> String {
    match p.to_ascii_lowercase().as_str() {
        "linux" => "Linux".into(),
        "windows" | "win" => "Windows".into(),
        "macos" | "osx" | "darwin" | "mac" => "macOS".into(),
        "freebsd" => "FreeBSD".into(),
        _ => p.to_string(),
    }
}

/// The files of a release in the page's order: the source release first, then the binaries
/// by their label, each group in its given order.
fn ordered(files: &[File]) -> Vec<(&File, bool, String)> {
    let mut v: Vec<(&File, bool, String)> = files
        .iter()
        .map(|f| {
            let (src, label) = package_kind(f);
            (f, src, label)
        })
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.2.cmp(&b.2)));
    v
}

/// The record of a CVE on cve.org (an id that is not `CVE-YYYY-N…` gets no link).
fn cve_link(id: &str) -> String {
    let valid = id
        .strip_prefix("CVE-")
        .and_then(|r| r.split_once('-'))
        .is_some_and(|(y, n)| {
            y.len() == 4
                && n.len() >= 4
                && y.bytes().all(|b| b.is_ascii_digit())
                && n.bytes().all(|b| b.is_ascii_digit())
        });
    match valid {
        true => format!(
            "<a href=\"https://www.cve.org/CVERecord?id={}\">{}</a>",
            esc(id),
            esc(id)
        ),
        false => esc(id),
    }
}

fn cve_links(ids: &[String]) -> String {
    ids.iter()
        .map(|c| cve_link(c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `id` of a release's heading, for links from the top page.
fn anchor(target: &str, version: &str) -> String {
    format!("{}-{}", target.replace('/', "-"), version)
}

/// One revoked release: name and version, when, why and the CVEs, never a download link (the
/// download page and the archive page alike).
fn revoked_item(out: &mut String, name: &str, r: &RevokedRelease) {
    let _ = write!(
        out,
        "<div class=\"revoked\"><strong>{} {}</strong> revoked",
        esc(name),
        esc(&r.version)
    );
    if let Some(d) = &r.date {
        let _ = write!(out, " on {}", esc(d));
    }
    if let Some(reason) = &r.reason {
        let _ = write!(out, ": {}", esc(reason));
    }
    if !r.cves.is_empty() {
        let _ = write!(out, " ({})", cve_links(&r.cves));
    }
    out.push_str("</div>\n");
}

fn file_item(out: &mut String, f: &File, source: bool, label: &str, page_dir: &str, urls: &Urls) {
    let meta = [human_size(f.size)];
    let _ = write!(
        out,
        "<li><span class=\"kind{}\">{}</span>",
        if source { " src" } else { "" },
        esc(label)
    );
    match (&f.path, &f.external_url) {
        (Some(path), _) => {
            let _ = write!(
                out,
                "<a class=\"file\" href=\"{}\">{}</a><span class=\"meta\" title=\"{} bytes\">{}</span>\
                 <span class=\"links\"><a href=\"{}\">signature (.asc)</a><a href=\"{}\">checksum (.sha512)</a></span>",
                esc(&href(urls.base.as_deref(), page_dir, path)),
                esc(&f.name),
                f.size,
                esc(&meta.join(" · ")),
                esc(&href(
                    urls.canonical.as_deref(),
                    page_dir,
                    &format!("{path}.asc")
                )),
                esc(&href(
                    urls.canonical.as_deref(),
                    page_dir,
                    &format!("{path}.sha512")
                )),
            );
        }
        (None, Some(url)) => {
            let _ = write!(
                out,
                "<a class=\"file\" href=\"{}\">{}</a><span class=\"meta\">{} · external, SHA-256 {}</span>",
                esc(url),
                esc(&f.name),
                esc(&meta.join(" · ")),
                esc(&f.sha256),
            );
        }
        (None, None) => {
            let _ = write!(out, "{}", esc(&f.name));
        }
    }
    out.push_str("</li>\n");
}

fn verify_section(out: &mut String, page: &ProjectPage, page_dir: &str, urls: &Urls) {
    let keys = href(
        urls.canonical.as_deref(),
        page_dir,
        &format!("{}/KEYS", page.key),
    );
    let example = page
        .sections
        .iter()
        .flat_map(|s| &s.current)
        .flat_map(|r| ordered(&r.files))
        .map(|(f, _, _)| f)
        .find(|f| f.path.is_some())
        .map(|f| f.name.rsplit('/').next().unwrap_or(&f.name).to_string())
        .unwrap_or_else(|| "FILE".into());
    // Pasted into a shell: each name is one quoted word, whatever it holds.
    let asc = crate::text::shell_quote(&format!("{example}.asc")).into_owned();
    let sha = crate::text::shell_quote(&format!("{example}.sha512")).into_owned();
    let example = crate::text::shell_quote(&example);
    let _ = write!(
        out,
        "<h2 id=\"verify\">Verify</h2>\n<p>Download the <a href=\"{keys}\">KEYS</a> file, the \
         package, its <code>.asc</code> and its <code>.sha512</code> into one directory, then \
         run there:</p>\n<pre>gpg --import KEYS\ngpg --verify {asc} {ex}\nsha512sum -c {sha}\n\
         relmgr verify --dir . --keys KEYS</pre>\n<p>gpg must say <q>Good signature</q> from a key \
         in KEYS, and sha512sum <q>OK</q>. <code>relmgr verify --dir</code> checks every package \
         of the directory at once.</p>\n",
        keys = esc(&keys),
        ex = esc(&example),
        asc = esc(&asc),
        sha = esc(&sha),
    );
}

/// A project's page, for `<key>/index.html`.
pub fn project_page(page: &ProjectPage, urls: &Urls) -> String {
    let dir = page.key.as_str();
    let mut out = String::new();
    head(&mut out, &format!("{} downloads", page.name));
    let _ = writeln!(out, "<h1>{} downloads</h1>", esc(&page.name));
    if let Some(d) = &page.description {
        let _ = writeln!(out, "<p class=\"lead\">{}</p>", esc(d));
    }
    if let Some(h) = &page.homepage {
        let _ = writeln!(
            out,
            "<p>Home page: <a href=\"{}\">{}</a></p>",
            esc(h),
            esc(h)
        );
    }
    let keys = href(urls.canonical.as_deref(), dir, &format!("{dir}/KEYS"));
    let _ = writeln!(
        out,
        "<p>Every package comes with a detached signature (<code>.asc</code>) and a SHA-512 \
         checksum (<code>.sha512</code>). The release managers' keys are in \
         <a href=\"{}\">KEYS</a>; see <a href=\"#verify\">Verify</a>.</p>",
        esc(&keys)
    );
    for s in &page.sections {
        let _ = writeln!(
            out,
            "<h2 id=\"{}\">{}</h2>",
            esc(&s.target.replace('/', "-")),
            esc(&if s.target == page.key {
                format!("{} releases", s.name)
            } else {
                format!("{} ({})", s.name, s.target)
            })
        );
        if s.current.is_empty() {
            out.push_str("<p>No current release.</p>\n");
        }
        for r in &s.current {
            let _ = write!(
                out,
                "<h3 id=\"{}\">{} {}",
                esc(&anchor(&s.target, &r.version)),
                esc(&s.name),
                esc(&r.version)
            );
            if let Some(d) = &r.date {
                let _ = write!(out, " <span class=\"date\">released {}</span>", esc(d));
            }
            out.push_str("</h3>\n");
            let mut links = Vec::new();
            if let Some(notes) = urls.notes_of(&s.target, &r.version) {
                links.push(format!("<a href=\"{}\">Release notes</a>", esc(&notes)));
            }
            for (name, path, size) in &r.sboms {
                let what = if name.ends_with(".spdx.json") {
                    "SPDX"
                } else {
                    "CycloneDX"
                };
                links.push(format!(
                    "<a href=\"{}\" title=\"{}\">SBOM ({what}, {})</a>",
                    esc(&href(urls.base.as_deref(), dir, path)),
                    esc(name),
                    esc(&human_size(*size)),
                ));
            }
            if !links.is_empty() {
                let _ = writeln!(out, "<p class=\"notes\">{}</p>", links.join(""));
            }
            if !r.cves.is_empty() {
                let _ = writeln!(
                    out,
                    "<p class=\"notes\">Security: {}</p>",
                    cve_links(&r.cves)
                );
            }
            out.push_str("<ul class=\"files\">\n");
            for (f, source, label) in ordered(&r.files) {
                file_item(&mut out, f, source, &label, dir, urls);
            }
            out.push_str("</ul>\n");
        }
        if !s.revoked.is_empty() {
            out.push_str(
                "<h3>Revoked releases</h3>\n<p>Do not use these; they are not for download.</p>\n",
            );
            for r in &s.revoked {
                revoked_item(&mut out, &s.name, r);
            }
        }
    }
    let _ = writeln!(
        out,
        "<h2 id=\"older\">Older releases</h2>\n<p>Releases that newer ones replaced are listed \
         in the <a href=\"archive.html\">archive of {}</a>.</p>",
        esc(&page.name)
    );
    verify_section(&mut out, page, dir, urls);
    foot(&mut out);
    out
}

/// A project's archive page, for `<key>/archive.html`: every older (archived) release and
/// every revoked one, newest first, linked to `--archive-url` when given.
pub fn archive_page(page: &ProjectPage, urls: &Urls) -> String {
    let mut out = String::new();
    head(&mut out, &format!("{} release archive", page.name));
    let _ = writeln!(out, "<h1>{} release archive</h1>", esc(&page.name));
    let _ = writeln!(
        out,
        "<p class=\"lead\">Older releases, kept for reference. Use the <a \
         href=\"index.html\">current release</a>: older ones do not get security fixes.</p>"
    );
    for s in &page.sections {
        let _ = writeln!(
            out,
            "<h2 id=\"{}\">{}</h2>",
            esc(&s.target.replace('/', "-")),
            esc(&s.name)
        );
        if s.archived.is_empty() && s.revoked.is_empty() {
            out.push_str("<p>No older release.</p>\n");
            continue;
        }
        out.push_str("<ul class=\"files\">\n");
        for r in &s.archived {
            let title = format!("{} {}", s.name, r.version);
            match &urls.archive {
                Some(prefix) => {
                    let _ = write!(
                        out,
                        "<li><a class=\"file\" href=\"{}/\">{}</a>",
                        esc(&absolute(
                            prefix,
                            &encode_path(&format!("{}/{}", s.target, r.version))
                        )),
                        esc(&title)
                    );
                }
                None => {
                    let _ = write!(out, "<li><strong>{}</strong>", esc(&title));
                }
            }
            if let Some(d) = &r.date {
                let _ = write!(out, " <span class=\"date\">released {}</span>", esc(d));
            }
            if let Some(notes) = urls.notes_of(&s.target, &r.version) {
                let _ = write!(
                    out,
                    "<span class=\"meta\"><a href=\"{}\">Release notes</a></span>",
                    esc(&notes)
                );
            }
            if !r.cves.is_empty() {
                let _ = write!(
                    out,
                    "<span class=\"meta\">Security: {}</span>",
                    cve_links(&r.cves)
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
        for r in &s.revoked {
            revoked_item(&mut out, &s.name, r);
        }
    }
    foot(&mut out);
    out
}

/// The top page, for `index.html`: every project with its current releases.
pub fn top_page(pages: &[ProjectPage], urls: &Urls) -> String {
    let mut out = String::new();
    head(&mut out, "Downloads");
    out.push_str("<h1>Downloads</h1>\n");
    for p in pages {
        let _ = writeln!(
            out,
            "<h2><a href=\"{}/index.html\">{}</a></h2>",
            esc(&p.key),
            esc(&p.name)
        );
        if let Some(d) = &p.description {
            let _ = writeln!(out, "<p class=\"lead\">{}</p>", esc(d));
        }
        let mut any = false;
        out.push_str("<ul>\n");
        for s in &p.sections {
            for r in &s.current {
                any = true;
                let _ = write!(
                    out,
                    "<li><a href=\"{}/index.html#{}\">{} {}</a>",
                    esc(&p.key),
                    esc(&anchor(&s.target, &r.version)),
                    esc(&s.name),
                    esc(&r.version)
                );
                if let Some(d) = &r.date {
                    let _ = write!(out, " <span class=\"date\">released {}</span>", esc(d));
                }
                out.push_str("</li>\n");
            }
        }
        if !any {
            out.push_str("<li>No current release.</li>\n");
        }
        out.push_str("</ul>\n");
        let _ = writeln!(
            out,
            "<p><a href=\"{}\">KEYS</a></p>",
            esc(&href(
                urls.canonical.as_deref(),
                "",
                &format!("{}/KEYS", p.key)
            ))
        );
    }
    foot(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ProjectPage {
        ProjectPage {
            key: "demo".into(),
            name: "Apache <Demo>".into(),
            description: Some("A demo & more".into()),
            homepage: Some("https://demo.example.org".into()),
            sections: vec![
                Section {
                    target: "demo".into(),
                    name: "Apache <Demo>".into(),
                    current: vec![CurrentRelease {
                        version: "1.2.0".into(),
                        date: Some("2026-03-05".into()),
                        files: vec![File {
                            name: "demo-1.2.0-src.tar.gz".into(),
                            path: Some("demo/1.2.0/demo-1.2.0-src.tar.gz".into()),
                            external_url: None,
                            sha256: "ab".repeat(32),
                            size: 123_456,
                            platform: None,
                            arch: None,
                        }],
                        sboms: vec![(
                            "demo-1.2.0.cdx.json".into(),
                            "demo/1.2.0/demo-1.2.0.cdx.json".into(),
                            2048,
                        )],
                        cves: vec![],
                    }],
                    revoked: vec![RevokedRelease {
                        version: "1.1.0".into(),
                        date: Some("2026-03-01".into()),
                        reason: Some("CVE-2026-1234".into()),
                        cves: vec!["CVE-2026-1234".into()],
                    }],
                    archived: vec![ArchivedRelease {
                        version: "1.0.0".into(),
                        date: Some("2025-01-01".into()),
                        cves: vec![],
                    }],
                },
                Section {
                    target: "demo/web".into(),
                    name: "Demo Web".into(),
                    current: vec![],
                    revoked: vec![],
                    archived: vec![],
                },
            ],
        }
    }

    #[test]
    fn hostile_names_are_quoted_in_commands_and_encoded_in_links() {
        let mut page = sample();
        let name = "0 $(touch PWNED)`id`;id;#1?%.tar.gz";
        let f = &mut page.sections[0].current[0].files[0];
        f.name = name.into();
        f.path = Some(format!("demo/1.2.0/{name}"));
        let html = project_page(&page, &Urls::default());
        let quoted = "&#39;0 $(touch PWNED)`id`;id;#1?%.tar.gz&#39;";
        assert!(
            html.contains(&format!(
                "gpg --verify {} {quoted}",
                quoted.replace(".tar.gz&#39;", ".tar.gz.asc&#39;")
            )),
            "{html}"
        );
        assert!(html.contains(&format!(
            "sha512sum -c {}",
            quoted.replace(".gz&#39;", ".gz.sha512&#39;")
        )));
        let encoded = "1.2.0/0%20%24%28touch%20PWNED%29%60id%60%3Bid%3B%231%3F%25.tar.gz";
        assert!(html.contains(&format!("href=\"{encoded}\"")), "{html}");
        assert!(html.contains(&format!("href=\"{encoded}.asc\"")));
        let html = project_page(
            &page,
            &Urls {
                base: Some("https://dl.example.org/".into()),
                ..Urls::default()
            },
        );
        assert!(
            html.contains(&format!("href=\"https://dl.example.org/demo/{encoded}\"")),
            "{html}"
        );
    }

    #[test]
    fn relative_links_from_the_project_page() {
        let html = project_page(&sample(), &Urls::default());
        assert!(html.contains("href=\"1.2.0/demo-1.2.0-src.tar.gz\""));
        assert!(html.contains("href=\"1.2.0/demo-1.2.0-src.tar.gz.asc\""));
        assert!(html.contains("href=\"1.2.0/demo-1.2.0-src.tar.gz.sha512\""));
        assert!(html.contains("href=\"KEYS\""));
        assert!(html.contains("gpg --verify demo-1.2.0-src.tar.gz.asc demo-1.2.0-src.tar.gz"));
        assert!(html.contains("sha512sum -c demo-1.2.0-src.tar.gz.sha512"));
        assert!(html.contains("Apache &lt;Demo&gt; downloads"));
        assert!(html.contains("A demo &amp; more"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("1.1.0/"), "no link into a revoked release");
        assert!(html.contains(
            "revoked on 2026-03-01: CVE-2026-1234 (<a href=\"https://www.cve.org/CVERecord?id=CVE-2026-1234\">CVE-2026-1234</a>)"
        ), "{html}");
    }

    #[test]
    fn mirror_and_canonical_urls() {
        let urls = Urls {
            base: Some("https://mirror.example.net/dist/".into()),
            canonical: Some("https://downloads.example.org/".into()),
            ..Urls::default()
        };
        let html = project_page(&sample(), &urls);
        assert!(
            html.contains(
                "href=\"https://mirror.example.net/dist/demo/1.2.0/demo-1.2.0-src.tar.gz\""
            )
        );
        assert!(html.contains(
            "href=\"https://downloads.example.org/demo/1.2.0/demo-1.2.0-src.tar.gz.asc\""
        ));
        assert!(html.contains("href=\"https://downloads.example.org/demo/KEYS\""));
        let top = top_page(&[sample()], &urls);
        assert!(top.contains("href=\"demo/index.html#demo-1.2.0\""));
        assert!(top.contains("href=\"https://downloads.example.org/demo/KEYS\""));
    }

    #[test]
    fn links_out_of_the_page_directory() {
        assert_eq!(href(None, "demo", "demo/1.0/a"), "1.0/a");
        assert_eq!(href(None, "demo", "other/KEYS"), "../other/KEYS");
        assert_eq!(href(None, "", "demo/KEYS"), "demo/KEYS");
        assert_eq!(
            href(Some("https://x.org"), "demo", "demo/KEYS"),
            "https://x.org/demo/KEYS"
        );
    }

    #[test]
    fn packages_are_labelled_source_first_then_by_platform() {
        let file = |name: &str| File {
            name: name.into(),
            path: Some(format!("demo/1.2.0/{name}")),
            external_url: None,
            sha256: String::new(),
            size: 1,
            platform: None,
            arch: None,
        };
        let files = [
            file("demo-1.2.0-bin-windows-x64.zip"),
            file("demo-1.2.0-linux-aarch64.tar.gz"),
            file("demo-1.2.0-src.tar.gz"),
            file("demo-1.2.0-macos-arm64.dmg"),
            file("demo-1.2.0-noarch.jar"),
            file("demo-1.2.0.tar.gz"),
        ];
        let got: Vec<(String, String)> = ordered(&files)
            .into_iter()
            .map(|(f, _, l)| (l, f.name.clone()))
            .collect();
        assert_eq!(got[0], ("Source".into(), "demo-1.2.0-src.tar.gz".into()));
        let labels: Vec<&str> = got.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Source",
                "Binary",
                "Linux aarch64",
                "Windows x86_64",
                "macOS aarch64",
                "noarch"
            ]
        );
        let mut labelled = file("demo-1.2.0-dist.tar.gz");
        labelled.platform = Some("linux".into());
        labelled.arch = Some("x86_64".into());
        assert_eq!(package_kind(&labelled), (false, "Linux x86_64".into()));
    }

    #[test]
    fn sizes_cves_notes_sboms_and_the_archive() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(2048), "2.0 KiB");
        assert_eq!(human_size(5 * 1024 * 1024 + 1), "5.0 MiB");
        let urls = Urls {
            notes: Some("https://demo.example.org/changes-{version}.html".into()),
            archive: Some("https://archive.example.org/dist/".into()),
            ..Urls::default()
        };
        let mut page = sample();
        page.sections[0].current[0].cves = vec!["CVE-2026-9999".into(), "bogus\"".into()];
        let html = project_page(&page, &urls);
        assert!(
            html.contains("<h3 id=\"demo-1.2.0\">Apache &lt;Demo&gt; 1.2.0"),
            "{html}"
        );
        assert!(
            html.contains("href=\"https://demo.example.org/changes-1.2.0.html\">Release notes")
        );
        assert!(
            html.contains("href=\"1.2.0/demo-1.2.0.cdx.json\""),
            "{html}"
        );
        assert!(html.contains("SBOM (CycloneDX, 2.0 KiB)"), "{html}");
        assert!(html.contains("href=\"https://www.cve.org/CVERecord?id=CVE-2026-9999\""));
        assert!(html.contains("bogus&quot;") && !html.contains("id=bogus"));
        assert!(
            html.contains("<span class=\"kind src\">Source</span>"),
            "{html}"
        );
        assert!(html.contains("href=\"archive.html\""));
        let archive = archive_page(&page, &urls);
        assert!(
            archive.contains("href=\"https://archive.example.org/dist/demo/1.0.0/\""),
            "{archive}"
        );
        assert!(archive.contains("changes-1.0.0.html"));
        assert!(archive.contains("revoked on 2026-03-01"));
        assert!(!archive.contains("<script"));
        let top = top_page(&[page], &urls);
        assert!(top.contains("Apache &lt;Demo&gt; 1.2.0</a>"), "{top}");
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        assert_eq!(
            project_page(&sample(), &Urls::default()),
            project_page(&sample(), &Urls::default())
        );
    }
}
