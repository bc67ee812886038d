//! The download pages that `publish` writes (SPEC §9), judged by real programs: headless
//! Chromium renders them (the DOM it builds is asserted, screenshots are taken at 375 and
//! 1280 px, and the page's width at 375 px is measured) and tidy validates the HTML. Both are
//! installed by scripts/test.sh; a missing one FAILS the test.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{TestEnv, clean_source};

fn tool(name: &str) -> PathBuf {
    for dir in std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
    {
        let p = dir.join(name);
        if p.is_file() {
            return p;
        }
    }
    panic!("{name} is missing: run scripts/test.sh, which installs it (Debian package {name})");
}

/// Runs headless Chromium (as the probe of this machine does: no sandbox as root, no network
/// chatter) with `args` and returns stdout.
fn chromium(profile: &Path, args: &[&str]) -> String {
    let out = Command::new("timeout")
        .arg("120")
        .arg(tool("chromium"))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "chromium {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn url(p: &Path) -> String {
    format!("file://{}", p.display())
}

/// Every `href` of a DOM dump.
fn hrefs(dom: &str) -> Vec<String> {
    dom.split("href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].replace("&amp;", "&"))
        .collect()
}

fn passed(env: &TestEnv, version: &str) {
    let r = format!("demo@{version}");
    let d = format!("dist-{version}");
    env.write(&format!("{d}/demo-{version}-src.tar.gz"), &clean_source());
    env.write(&format!("{d}/demo-{version}-manual.pdf"), b"binary bytes");
    env.ok(&["--as", "rm", "stage", &r, &d, "--sign", "rm.sec.asc"]);
    env.ok(&["--as", "rm", "vote", "start", &r]);
    for u in ["pmc1", "pmc2", "pmc3"] {
        env.ok(&["--as", u, "vote", "cast", &r, "+1"]);
    }
    env.ok(&["--as", "rm", "vote", "close", &r]);
    env.ok(&["--as", "rm", "promote", &r]);
}

/// A project with a current release, a revoked one (with a CVE) and a product.
fn published() -> (TestEnv, PathBuf) {
    let env = TestEnv::with_rm_key();
    env.ok(&["policy", "set", "demo", "--min-hours", "0"]);
    env.ok(&["product", "create", "demo/web", "--name", "Demo Web"]);
    passed(&env, "1.0.0");
    passed(&env, "1.1.0");
    env.ok(&[
        "cve",
        "add",
        "CVE-2026-1234",
        "--title",
        "Bad",
        "--date",
        "2026-03-01",
    ]);
    env.ok(&[
        "--as",
        "rm",
        "revoke",
        "demo@1.0.0",
        "--reason",
        "remote code execution",
        "--cve",
        "CVE-2026-1234",
    ]);
    let dist = env.path().join("www");
    env.ok(&[
        "--as",
        "rm",
        "publish",
        dist.to_str().unwrap(),
        "--key",
        "rm.sec.asc",
    ]);
    (env, dist)
}

#[test]
fn the_project_page_links_every_current_package_in_a_real_browser() {
    let (env, dist) = published();
    let profile = tempfile::tempdir().unwrap();
    let page = dist.join("demo/index.html");
    let dom = chromium(profile.path(), &["--dump-dom", &url(&page)]);
    let links = hrefs(&dom);

    // Every package of the current release: the file, its .asc and .sha512, all in the tree.
    let show = env.json(&["release", "show", "demo@1.1.0"]);
    let packages = show["packages"].as_array().unwrap();
    assert_eq!(packages.len(), 2);
    for p in packages {
        let name = p["name"].as_str().unwrap();
        for suffix in ["", ".asc", ".sha512"] {
            let want = format!("1.1.0/{name}{suffix}");
            assert!(links.contains(&want), "{want} in {links:?}");
        }
        // The size as people read it.
        assert!(
            dom.contains(&format!("title=\"{} bytes\"", p["size"])),
            "{dom}"
        );
    }
    // Every relative link points at a file of the tree; nothing links into the revoked release.
    for l in &links {
        if l.starts_with('#') || l.starts_with("https://") {
            continue;
        }
        assert!(
            dist.join("demo").join(l).is_file(),
            "{l} is not in the tree"
        );
        assert!(!l.contains("1.0.0"), "a link into the revoked release: {l}");
    }
    assert!(links.contains(&"KEYS".to_string()));
    // The revoked release, with its reason and CVE, and the product's section.
    assert!(
        dom.contains("Demo 1.0.0"),
        "the display name, not the id: {dom}"
    );
    assert!(dom.contains("remote code execution"));
    assert!(dom.contains("CVE-2026-1234"));
    assert!(dom.contains("Demo Web (demo/web)"));
    // The Verify section with the exact commands.
    for cmd in [
        "gpg --import KEYS",
        "gpg --verify demo-1.1.0-src.tar.gz.asc demo-1.1.0-src.tar.gz",
        "sha512sum -c demo-1.1.0-src.tar.gz.sha512",
        "relmgr verify --dir . --keys KEYS",
    ] {
        assert!(dom.contains(cmd), "{cmd} in the Verify section");
    }
    // No JavaScript and nothing loaded from elsewhere.
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("<script"));
    assert!(!html.contains(" src="));
    assert!(!html.contains("<link"));

    // The commands of the page work, in the directory of the files.
    let gpg = crate::common::Gpg::new();
    gpg.ok(&["--import", dist.join("demo/KEYS").to_str().unwrap()]);
    let rel = dist.join("demo/1.1.0");
    gpg.ok(&[
        "--verify",
        rel.join("demo-1.1.0-src.tar.gz.asc").to_str().unwrap(),
        rel.join("demo-1.1.0-src.tar.gz").to_str().unwrap(),
    ]);
    let sums = Command::new("sha512sum")
        .args(["-c", "demo-1.1.0-src.tar.gz.sha512"])
        .current_dir(&rel)
        .output()
        .unwrap();
    assert!(sums.status.success());

    // The top page links the project's page and its release.
    let top = chromium(
        profile.path(),
        &["--dump-dom", &url(&dist.join("index.html"))],
    );
    let top_links = hrefs(&top);
    assert!(top_links.contains(&"demo/index.html#demo-1.1.0".to_string()));
    assert!(top_links.contains(&"demo/KEYS".to_string()));
}

#[test]
fn the_page_is_readable_at_a_phones_width_and_a_desktops() {
    let profile = tempfile::tempdir().unwrap();
    let shots = tempfile::tempdir().unwrap();
    let (_env, dist) = foundation_published();
    for page in ["index.html", "demo/index.html", "demo/archive.html"] {
        for width in [375, 1280] {
            // A screenshot, kept out of the repository.
            let png = shots
                .path()
                .join(format!("{}-{width}.png", page.replace('/', "-")));
            chromium(
                profile.path(),
                &[
                    &format!("--window-size={width},900"),
                    &format!("--screenshot={}", png.display()),
                    &url(&dist.join(page)),
                ],
            );
            let bytes = std::fs::read(&png).unwrap();
            assert!(bytes.starts_with(b"\x89PNG"), "{page} at {width}px");
            assert!(bytes.len() > 2000, "{page} at {width}px is a blank image");
            // To look at them: RELMGR_PAGE_SHOTS=DIR keeps a copy (never in the repository).
            if let Some(keep) = std::env::var_os("RELMGR_PAGE_SHOTS") {
                std::fs::create_dir_all(&keep).unwrap();
                std::fs::copy(&png, Path::new(&keep).join(png.file_name().unwrap())).unwrap();
            }
            // The width the page really takes: a copy of it laid out at `width` px (headless
            // Chromium's --dump-dom keeps a window of at least 500 px, so the copy's root gets
            // the width) with a probe that writes the right edge of the widest element, its own
            // scrolled content included, into the DOM. The page itself has no script.
            let probe = dist.join(format!("probe-{width}.html"));
            let html = std::fs::read_to_string(dist.join(page))
                .unwrap()
                .replace(
                    "</head>",
                    &format!("<style>html{{width:{width}px !important}}</style></head>"),
                )
                .replace(
                    "</body>",
                    "<script>let m = 0; for (const e of document.querySelectorAll('body *')) { \
                     const r = e.getBoundingClientRect(); \
                     m = Math.max(m, r.right, r.left + e.scrollWidth); } \
                     document.body.setAttribute('data-width', Math.ceil(m))</script></body>",
                );
            std::fs::write(&probe, html).unwrap();
            let dom = chromium(
                profile.path(),
                &[
                    &format!("--window-size={width},900"),
                    "--dump-dom",
                    &url(&probe),
                ],
            );
            std::fs::remove_file(&probe).unwrap();
            let at = dom.find("data-width=\"").expect("the probe ran") + 12;
            let measured: u32 = dom[at..at + dom[at..].find('"').unwrap()].parse().unwrap();
            assert!(
                measured <= width,
                "{page} is {measured}px wide in a {width}px window: it scrolls sideways"
            );
        }
    }
}

#[test]
fn tidy_finds_no_error_or_warning() {
    let (_env, dist) = foundation_published();
    for page in ["index.html", "demo/index.html", "demo/archive.html"] {
        let out = Command::new(tool("tidy"))
            .args(["-q", "-e", "--gnu-emacs", "yes"])
            .arg(dist.join(page))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "tidy on {page} (exit {:?}): {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn mirror_and_canonical_urls_and_an_unchanged_page_is_not_rewritten() {
    let (env, dist) = published();
    let page = dist.join("demo/index.html");
    let before = std::fs::metadata(&page).unwrap();
    let again = env.json(&[
        "--as",
        "rm",
        "publish",
        dist.to_str().unwrap(),
        "--key",
        "rm.sec.asc",
    ]);
    assert_eq!(again["written"], 0, "{again}");
    let after = std::fs::metadata(&page).unwrap();
    {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(before.ino(), after.ino(), "the page was rewritten");
    }
    env.ok(&[
        "--as",
        "rm",
        "publish",
        dist.to_str().unwrap(),
        "--key",
        "rm.sec.asc",
        "--base-url",
        "https://mirror.example.net/dist",
        "--canonical-url",
        "https://downloads.example.org/",
    ]);
    let links = hrefs(&std::fs::read_to_string(&page).unwrap());
    assert!(
        links.contains(
            &"https://mirror.example.net/dist/demo/1.1.0/demo-1.1.0-manual.pdf".to_string()
        )
    );
    assert!(links.contains(
        &"https://downloads.example.org/demo/1.1.0/demo-1.1.0-manual.pdf.asc".to_string()
    ));
    assert!(links.contains(
        &"https://downloads.example.org/demo/1.1.0/demo-1.1.0-manual.pdf.sha512".to_string()
    ));
    assert!(links.contains(&"https://downloads.example.org/demo/KEYS".to_string()));
    assert!(
        !links
            .iter()
            .any(|l| l.starts_with("https://mirror.example.net/")
                && (l.ends_with(".asc") || l.ends_with(".sha512") || l.ends_with("KEYS")))
    );
    // A URL that is not http(s) is a usage error.
    env.fails(
        2,
        &[
            "--as",
            "rm",
            "publish",
            dist.to_str().unwrap(),
            "--key",
            "rm.sec.asc",
            "--base-url",
            "ftp://mirror.example.net/",
        ],
    );
}

/// [`published`], then demo@1.2.0 (source and a Linux x86_64 binary) promoted with
/// `--archive-prior` (1.1.0 goes to the archive), published with a release-notes template and
/// an archive URL.
fn foundation_published() -> (TestEnv, PathBuf) {
    let (env, dist) = published();
    let r = "demo@1.2.0";
    env.write("dist-1.2.0/demo-1.2.0-src.tar.gz", &clean_source());
    env.write(
        "dist-1.2.0/demo-1.2.0-bin-linux-x86_64.tar.gz",
        &clean_source(),
    );
    env.ok(&[
        "--as",
        "rm",
        "stage",
        r,
        "dist-1.2.0",
        "--sign",
        "rm.sec.asc",
    ]);
    env.ok(&["--as", "rm", "vote", "start", r]);
    for u in ["pmc1", "pmc2", "pmc3"] {
        env.ok(&["--as", u, "vote", "cast", r, "+1"]);
    }
    env.ok(&["--as", "rm", "vote", "close", r]);
    env.ok(&["--as", "rm", "promote", r, "--archive-prior"]);
    env.ok(&[
        "--as",
        "rm",
        "publish",
        dist.to_str().unwrap(),
        "--key",
        "rm.sec.asc",
        "--notes-url",
        "https://demo.example.org/changes-{version}.html",
        "--archive-url",
        "https://archive.example.org/dist/",
    ]);
    (env, dist)
}

/// Issue 31 item 5: the page as a foundation's, read from the DOM headless Chromium builds.
#[test]
fn the_page_is_a_foundations_download_page() {
    let (env, dist) = foundation_published();
    let profile = tempfile::tempdir().unwrap();
    let dom = chromium(
        profile.path(),
        &["--dump-dom", &url(&dist.join("demo/index.html"))],
    );
    let links = hrefs(&dom);
    // The display name, the source release first and labelled, the binary by its platform.
    assert!(dom.contains(">Demo 1.2.0"), "{dom}");
    let release = &dom[dom.find("id=\"demo-1.2.0\"").unwrap()..];
    let release = &release[..release.find("</ul>").unwrap()];
    let src = release.find(">Source</span>").expect("a Source label");
    let bin = release
        .find(">Linux x86_64</span>")
        .expect("a platform label");
    assert!(src < bin, "the source release comes first: {release}");
    assert!(
        release.find("demo-1.2.0-src.tar.gz").unwrap()
            < release.find("demo-1.2.0-bin-linux-x86_64.tar.gz").unwrap()
    );
    // The SBOMs publish wrote, linked, and in the tree.
    for sbom in ["1.2.0/demo-1.2.0.cdx.json", "1.2.0/demo-1.2.0.spdx.json"] {
        assert!(links.contains(&sbom.to_string()), "{sbom} in {links:?}");
        assert!(dist.join("demo").join(sbom).is_file(), "{sbom}");
    }
    // Release notes, the revoked release's CVE record, the archive page.
    assert!(links.contains(&"https://demo.example.org/changes-1.2.0.html".to_string()));
    assert!(links.contains(&"https://www.cve.org/CVERecord?id=CVE-2026-1234".to_string()));
    assert!(links.contains(&"archive.html".to_string()));
    // Sizes in one style (IEC units, one decimal).
    assert!(!dom.contains(" MB") && !dom.contains(" kB"), "{dom}");
    // The Verify example is the source archive.
    assert!(dom.contains("gpg --verify demo-1.2.0-src.tar.gz.asc demo-1.2.0-src.tar.gz"));
    for l in &links {
        if !l.starts_with("https://") && !l.starts_with('#') {
            assert!(
                dist.join("demo").join(l).is_file(),
                "{l} is not in the tree"
            );
        }
    }
    // The archive page: 1.1.0 (archived, out of the tree) with its notes, 1.0.0 revoked.
    let archive = chromium(
        profile.path(),
        &["--dump-dom", &url(&dist.join("demo/archive.html"))],
    );
    let alinks = hrefs(&archive);
    assert!(
        alinks.contains(&"https://archive.example.org/dist/demo/1.1.0/".to_string()),
        "{archive}"
    );
    assert!(alinks.contains(&"https://demo.example.org/changes-1.1.0.html".to_string()));
    assert!(archive.contains("remote code execution"), "{archive}");
    assert!(!dist.join("demo/1.1.0").exists(), "1.1.0 left the tree");
    // The published tree still verifies with the archive page in it.
    env.ok(&["verify", "--dir", dist.to_str().unwrap()]);
}
