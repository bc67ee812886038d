//! `fetch TARGET@VERSION [--revision rcN] --from DIR|URL` (SPEC §6): the bytes of a revision's
//! managed packages that this store lacks, taken from a directory or an http(s) base URL and
//! verified against the history (size, SHA-256, SHA-512) before any of them lands in `objects/`.
//! Also [`require_bytes`], the check every command that reads package bytes makes first.
//!
//! Each missing package is streamed once into a locked temp file under `tmp/` while both digests
//! are computed (`digest::read_once`, as `stage` does). Only when every package verified are the
//! temp files renamed into `objects/`: a mismatch, a truncated transfer or a package found
//! nowhere stores nothing at all. Then the revision's `releases/` tree is rebuilt. The index
//! does not change, so no event is written: `objects/` and `releases/` are local to a clone.
//!
//! Over HTTP a fetch has an overall deadline ([`super::deadline`], an hour unless configured)
//! and gives up on a transfer that stalls (fewer than [`STALL_BYTES`] in [`STALL_WINDOW`]): a
//! server that drips a byte every few seconds fails the fetch with exit 1 and the reason, and
//! stores nothing.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::digest::{self, Sha512};
use crate::error::Error;
use crate::model::Package;
use crate::model::{ReleaseRef, RevisionNo};
use crate::store::objects;
use crate::store::releases::{self, Release, Revision, StoredPackage};

use super::deadline::{Deadline, Limit, NetCommand};
use super::{Session, parallel, release, stage};

/// A transfer that brings fewer than [`STALL_BYTES`] in this long has stalled.
pub const STALL_WINDOW: Duration = Duration::from_secs(30);
/// See [`STALL_WINDOW`].
pub const STALL_BYTES: u64 = 1024;

/// Where `fetch` takes bytes from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// A directory: a download, a candidates tree (`publish --candidates`), a published tree or
    /// another store's `releases/`.
    Dir(PathBuf),
    /// An `http://` or `https://` base URL under which the same layouts are tried.
    Url(url::Url),
}

impl FromStr for Origin {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        if s.is_empty() {
            return Err(Error::usage(
                "--from needs a directory or an http(s):// URL",
            ));
        }
        let Some((scheme, _)) = s.split_once("://") else {
            return Ok(Origin::Dir(PathBuf::from(s)));
        };
        if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
            return Err(Error::usage(format!(
                "relmgr fetches from a directory or an http(s):// URL, not {scheme}://"
            )));
        }
        let mut url = url::Url::parse(s).map_err(|e| Error::usage(format!("{s}: {e}")))?;
        if url.host_str().is_none_or(str::is_empty) {
            return Err(Error::usage(format!("{s}: the URL names no host")));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(Error::usage(format!(
                "{s}: a base URL takes no query or fragment"
            )));
        }
        // A base is a directory: `https://h/dist` and `https://h/dist/` mean the same.
        if !url.path().ends_with('/') {
            let path = format!("{}/", url.path());
            url.set_path(&path);
        }
        Ok(Origin::Url(url))
    }
}

/// One package taken from the origin.
#[derive(Debug, Clone, Serialize)]
pub struct Fetched {
    pub name: String,
    pub size: u64,
    /// The file or URL it was read from.
    pub source: String,
}

/// What `fetch` did.
#[derive(Debug, Clone, Serialize)]
pub struct FetchReport {
    pub release: String,
    pub revision: String,
    pub fetched: Vec<Fetched>,
    /// Packages whose bytes were in the store already.
    pub present: Vec<String>,
    /// External packages: their bytes live at their URL, not in the store.
    pub external: Vec<String>,
}

impl FetchReport {
    /// Bytes fetched.
    pub fn bytes(&self) -> u64 {
        self.fetched.iter().map(|f| f.size).sum()
    }
}

/// The managed packages of `packages` whose object is not in the store.
pub fn missing<'a>(store_dir: &Path, packages: &'a [StoredPackage]) -> Vec<&'a StoredPackage> {
    packages
        .iter()
        .filter(|p| p.external_url.is_none() && !objects::path(store_dir, &p.sha256).is_file())
        .collect()
}

/// Fails with exit 6 and the `relmgr fetch` hint when any managed package of the revision has
/// no bytes in this store (a clone gets the history through git, the bytes separately).
pub fn require_bytes(
    s: &Session,
    rel: &Release,
    rev: &Revision,
    packages: &[StoredPackage],
) -> anyhow::Result<()> {
    let gone = missing(&s.store.dir, packages);
    if gone.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = gone.iter().map(|p| p.name.as_str()).collect();
    let r = format!("{}@{}", rel.target, rel.version);
    let newest = releases::newest_revision(s.store.db(), rel.id)?.is_some_and(|n| n.id == rev.id);
    let revision = match newest {
        true => String::new(),
        false => format!(" --revision {}", rev.label()),
    };
    Err(Error::not_found(format!(
        "the bytes of {} package{} of {r} {} are not in this store: {}",
        names.len(),
        if names.len() == 1 { "" } else { "s" },
        rev.label(),
        names.join(", ")
    ))
    .hint(format!("relmgr fetch {r}{revision} --from DIR|URL"))
    .details(serde_json::json!({"release": r, "revision": rev.label(), "missing": names}))
    .into())
}

/// The places a package may be under the origin, in the order they are tried: the name itself
/// (a flat download), the candidates layout of `publish --candidates`, the store's own
/// `releases/` layout, and the published dist tree (`publish`).
fn layouts(rel: &Release, rev: &Revision, name: &str) -> Vec<String> {
    let (t, v, rc) = (&rel.target, &rel.version, rev.label());
    vec![
        name.to_string(),
        format!("{t}/{v}-{rc}/{name}"),
        format!("{t}/{v}/{rc}/{name}"),
        format!("{t}/{v}/{name}"),
    ]
}

/// The one HTTP agent of a run: proxies from `$HTTPS_PROXY`/`$HTTP_PROXY`/`$ALL_PROXY` (and
/// `$NO_PROXY`), statuses handled here, a stalled server given up on after a minute.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(Duration::from_secs(30)))
        .timeout_recv_response(Some(Duration::from_secs(60)))
        .timeout_per_read(Some(Duration::from_secs(60)))
        .user_agent(concat!("relmgr/", env!("CARGO_PKG_VERSION")))
        // OpenSSL (through native-tls) with the system's roots: the TLS stack of SMTP too,
        // and the library sequoia already links for OpenPGP.
        .tls_config(
            ureq::tls::TlsConfig::builder()
                .provider(ureq::tls::TlsProvider::NativeTls)
                .root_certs(ureq::tls::RootCerts::PlatformVerifier)
                .build(),
        )
        .build()
        .into()
}

/// ` through the proxy HOST:PORT` when the request to `url` goes through one, for messages
/// (never its credentials).
fn via_proxy(agent: &ureq::Agent, url: &url::Url) -> String {
    let Some(proxy) = agent.config().proxy() else {
        return String::new();
    };
    match url.as_str().parse::<ureq::http::Uri>() {
        Ok(uri) if !proxy.is_no_proxy(&uri) => {
            format!(" through the proxy {}:{}", proxy.host(), proxy.port())
        }
        _ => String::new(),
    }
}

/// An opened source of one package's bytes.
struct Opened {
    reader: Box<dyn Read + Send>,
    /// The file or URL.
    source: String,
    /// The size the source announces (file length, Content-Length), if it does.
    announced: Option<u64>,
}

/// The URL of `rel_path` (a `/`-separated path) under `base`, each part percent-encoded.
fn url_of(base: &url::Url, rel_path: &str) -> url::Url {
    let mut u = base.clone();
    if let Ok(mut segs) = u.path_segments_mut() {
        segs.pop_if_empty().extend(rel_path.split('/'));
    }
    u
}

/// Finds and opens a package under the origin; None when no layout has it.
fn open(
    origin: &Origin,
    agent: &ureq::Agent,
    deadline: &Deadline,
    candidates: &[String],
) -> anyhow::Result<Option<Opened>> {
    for rel_path in candidates {
        match origin {
            Origin::Dir(dir) => {
                let path = dir.join(rel_path);
                let Ok(meta) = std::fs::metadata(&path) else {
                    continue;
                };
                if !meta.is_file() {
                    continue;
                }
                let file = File::open(&path).map_err(|e| {
                    Error::failed(format!("while opening {}", path.display())).caused_by(e)
                })?;
                return Ok(Some(Opened {
                    reader: Box::new(file),
                    source: path.display().to_string(),
                    announced: Some(meta.len()),
                }));
            }
            Origin::Url(base) => {
                let url = url_of(base, rel_path);
                // The whole exchange, body included, ends by the fetch's deadline.
                let resp = agent
                    .get(url.as_str())
                    .config()
                    .timeout_global(Some(deadline.remaining()))
                    .build()
                    .call()
                    .map_err(|e| {
                        let what = format!("while fetching {url}{}", via_proxy(agent, &url));
                        match deadline.passed() {
                            true => Error::failed(format!("{what}: {}", deadline.reason())),
                            false => Error::failed(what).caused_by(e),
                        }
                    })?;
                let status = resp.status().as_u16();
                if status == 404 || status == 410 {
                    continue;
                }
                if !(200..300).contains(&status) {
                    return Err(Error::failed(format!(
                        "GET {url}: HTTP {status} {}",
                        resp.status().canonical_reason().unwrap_or("")
                    ))
                    .into());
                }
                let announced = resp.body().content_length();
                return Ok(Some(Opened {
                    reader: Box::new(resp.into_body().into_reader()),
                    source: url.to_string(),
                    announced,
                }));
            }
        }
    }
    Ok(None)
}

/// A reader that counts what it gave and keeps the first error of the source, so that a
/// transfer that breaks off is told apart from a failing write into the store. It also ends a
/// transfer that stalls: fewer than [`STALL_BYTES`] in a [`STALL_WINDOW`].
struct Tracked<R> {
    inner: R,
    read: u64,
    failed: Option<io::Error>,
    /// The start of the current stall window and the count read when it began.
    window: (Instant, u64),
    stalled: bool,
}

impl<R> Tracked<R> {
    fn new(inner: R) -> Tracked<R> {
        Tracked {
            inner,
            read: 0,
            failed: None,
            window: (Instant::now(), 0),
            stalled: false,
        }
    }
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                self.read += n as u64;
                let (since, at) = self.window;
                if since.elapsed() >= STALL_WINDOW {
                    if self.read - at < STALL_BYTES {
                        self.stalled = true;
                        let why = format!(
                            "stalled: {} bytes in the last {} s",
                            self.read - at,
                            STALL_WINDOW.as_secs()
                        );
                        self.failed = Some(io::Error::new(io::ErrorKind::TimedOut, why.clone()));
                        return Err(io::Error::new(io::ErrorKind::TimedOut, why));
                    }
                    self.window = (Instant::now(), self.read);
                }
                Ok(n)
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Err(e),
            Err(e) => {
                let copy = io::Error::new(e.kind(), e.to_string());
                self.failed = Some(e);
                Err(copy)
            }
        }
    }
}

/// Whether a read failed because the request's overall timeout (the deadline) ran out.
fn out_of_time(e: &io::Error) -> bool {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<ureq::Error>())
        .is_some_and(|u| matches!(u, ureq::Error::Timeout(ureq::Timeout::Global)))
}

/// A verified package in a locked temp file, waiting to be moved into `objects/`; removed if
/// dropped before that.
struct Pending {
    temp: PathBuf,
    /// The temp file, whose lock (debris sweeps leave it alone) lives until the rename.
    handle: Option<objects::WriteBehind>,
    sha256: String,
    fetched: Fetched,
}

impl Pending {
    fn commit(mut self, store_dir: &Path) -> anyhow::Result<Fetched> {
        objects::commit(store_dir, &self.temp, &self.sha256)?;
        self.handle.take();
        self.temp = PathBuf::new();
        Ok(self.fetched.clone())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.temp.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// A verification failure that names the package and where its bytes came from: other bytes
/// (`truncated` false) or fewer (a transfer that broke off or ended short).
fn mismatch(p: &Package, source: &str, what: String, truncated: bool) -> anyhow::Error {
    let hint = match truncated {
        true => "try again, or fetch from another source",
        false => "fetch from a source that holds the bytes the history records",
    };
    Error::verification(format!(
        "{} from {source}: {what}; nothing was stored",
        p.name
    ))
    .hint(hint)
    .details(serde_json::json!({"name": p.name, "source": source, "truncated": truncated}))
    .into()
}

/// Takes one package from the origin into a temp file and verifies it.
#[allow(clippy::too_many_arguments)]
fn fetch_one(
    store_dir: &Path,
    origin: &Origin,
    agent: &ureq::Agent,
    deadline: &Deadline,
    rel: &Release,
    rev: &Revision,
    p: &Package,
    progress: &(dyn Fn(u64) + Sync),
) -> anyhow::Result<Pending> {
    let candidates = layouts(rel, rev, &p.name);
    let Some(opened) = open(origin, agent, deadline, &candidates)? else {
        let place = match origin {
            Origin::Dir(d) => d.display().to_string(),
            Origin::Url(u) => u.to_string(),
        };
        return Err(Error::not_found(format!(
            "{} is not in {place} (looked for {})",
            p.name,
            candidates.join(", ")
        ))
        .details(serde_json::json!({"name": p.name, "looked_for": candidates}))
        .into());
    };
    if let Some(n) = opened.announced
        && n != p.size
    {
        return Err(mismatch(
            p,
            &opened.source,
            format!("{n} bytes where the history records {}", p.size),
            false,
        ));
    }
    let (temp, handle) = objects::temp_file(store_dir)?;
    let mut pending = Pending {
        temp,
        handle: Some(objects::WriteBehind::new(handle)),
        sha256: p.sha256.clone(),
        fetched: Fetched {
            name: p.name.clone(),
            size: p.size,
            source: opened.source.clone(),
        },
    };
    let dest = pending.handle.as_mut().expect("just set");
    // One byte more than recorded at most: a source that keeps sending is cut off there.
    let mut src = Tracked::new(opened.reader.take(p.size + 1));
    let mut last = 0u64;
    let mut report = |n: u64| {
        progress(n - last);
        last = n;
    };
    let result = digest::read_once(&mut src, Some(&mut *dest), Sha512::new(), &mut report)
        .and_then(|r| dest.flush().and_then(|_| dest.sync()).map(|_| r));
    let (size, sha256, sha512) = match result {
        Ok(r) => r,
        // A server too slow to finish: not other bytes, a failed transfer (exit 1).
        Err(_)
            if src.stalled
                || (matches!(origin, Origin::Url(_))
                    && (deadline.passed() || src.failed.as_ref().is_some_and(out_of_time))) =>
        {
            let why = match src.stalled {
                true => src.failed.take().map(|e| e.to_string()).unwrap_or_default(),
                false => deadline.reason(),
            };
            return Err(Error::failed(format!(
                "{} from {}: gave up after {} of {} bytes: {why}; nothing was stored",
                p.name, opened.source, src.read, p.size
            ))
            .hint("try again later, or fetch from another source")
            .details(serde_json::json!({"name": p.name, "source": opened.source}))
            .into());
        }
        Err(_) if src.failed.is_some() => {
            let cause = src.failed.take().expect("checked");
            return Err(mismatch(
                p,
                &opened.source,
                format!(
                    "truncated: the transfer broke off after {} of {} bytes: {cause}",
                    src.read, p.size
                ),
                true,
            ));
        }
        Err(e) => {
            return Err(anyhow::Error::new(e).context(format!(
                "while writing {} into {}",
                p.name,
                store_dir.display()
            )));
        }
    };
    if size != p.size {
        let what = match size < p.size {
            true => format!("truncated: {size} of {} bytes", p.size),
            false => format!("more than the {} bytes the history records", p.size),
        };
        return Err(mismatch(p, &opened.source, what, size < p.size));
    }
    let sha512 = digest::to_hex(sha512);
    if digest::to_hex(sha256) != p.sha256 || p.sha512.as_ref().is_some_and(|h| *h != sha512) {
        return Err(mismatch(
            p,
            &opened.source,
            "the bytes do not match the SHA-256 and SHA-512 the history records".into(),
            false,
        ));
    }
    Ok(pending)
}

/// The origin, checked: a directory that exists, or a URL.
fn check_origin(origin: &Origin) -> anyhow::Result<()> {
    if let Origin::Dir(d) = origin {
        match std::fs::metadata(d) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(
                    Error::usage(format!("--from {}: not a directory", d.display())).into(),
                );
            }
            Err(e) => {
                return Err(
                    Error::not_found(format!("--from {}: no such directory", d.display()))
                        .caused_by(e)
                        .into(),
                );
            }
        }
    }
    Ok(())
}

/// The packages `fetch` would take, and their total size: for the progress bar.
pub fn plan(s: &Session, r: &ReleaseRef, which: Option<RevisionNo>) -> anyhow::Result<Vec<u64>> {
    let db = s.store.db();
    let rel = release::load(db, r)?;
    let rev = release::revision(db, &rel, which)?;
    let packages = releases::packages(db, rev.id)?;
    Ok(missing(&s.store.dir, &packages)
        .iter()
        .map(|p| p.size)
        .collect())
}

/// `fetch TARGET@VERSION [--revision rcN] --from DIR|URL`.
pub fn fetch(
    s: &Session,
    r: &ReleaseRef,
    which: Option<RevisionNo>,
    origin: &Origin,
    progress: &(dyn Fn(u64) + Sync),
) -> anyhow::Result<FetchReport> {
    let db = s.store.db();
    let rel = release::load(db, r)?;
    let rev = release::revision(db, &rel, which)?;
    check_origin(origin)?;
    let packages = releases::packages(db, rev.id)?;
    let wanted = missing(&s.store.dir, &packages);
    let agent = agent();
    let deadline = Limit::of(&s.store.config, NetCommand::Fetch)?.start();
    let store_dir = s.store.dir.clone();
    // Every package into its temp file first; the first failure (in package order) is the
    // answer, and the temp files of the others go with their `Pending`.
    let results = parallel(&wanted, |p| {
        Ok(fetch_one(
            &store_dir, origin, &agent, &deadline, &rel, &rev, p, progress,
        ))
    })?;
    let mut verified = Vec::with_capacity(results.len());
    for result in results {
        verified.push(result?);
    }
    let mut fetched = Vec::with_capacity(verified.len());
    for pending in verified {
        fetched.push(pending.commit(&s.store.dir)?);
    }
    stage::rebuild_tree(s, &rel, &rev)?;
    Ok(FetchReport {
        release: r.to_string(),
        revision: rev.label(),
        fetched,
        present: packages
            .iter()
            .filter(|p| p.external_url.is_none() && !wanted.iter().any(|w| w.id == p.id))
            .map(|p| p.name.clone())
            .collect(),
        external: packages
            .iter()
            .filter(|p| p.external_url.is_some())
            .map(|p| p.name.clone())
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_parse() {
        assert!(matches!("dist".parse::<Origin>(), Ok(Origin::Dir(_))));
        assert!(matches!("./a b/c".parse::<Origin>(), Ok(Origin::Dir(_))));
        let Ok(Origin::Url(u)) = "https://dist.example.org/dev/demo".parse::<Origin>() else {
            panic!("an https URL");
        };
        assert_eq!(u.as_str(), "https://dist.example.org/dev/demo/");
        let Ok(Origin::Url(u)) = "HTTP://127.0.0.1:8000".parse::<Origin>() else {
            panic!("an http URL");
        };
        assert_eq!(u.as_str(), "http://127.0.0.1:8000/");
        for bad in [
            "",
            "ftp://example.org/x",
            "file:///tmp/x",
            "s3://bucket/x",
            "https://example.org/x?y=1",
            "https://example.org/#frag",
        ] {
            let e = bad.parse::<Origin>().unwrap_err();
            assert_eq!(e.kind, crate::error::Kind::Usage, "{bad}");
        }
    }

    /// A source that gives one byte per read, as a server dripping bytes does.
    struct Drip;

    impl Read for Drip {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            buf.first_mut().map_or(Ok(0), |b| {
                *b = b'x';
                Ok(1)
            })
        }
    }

    #[test]
    fn a_transfer_that_stalls_is_ended() {
        let mut t = Tracked::new(Drip);
        let mut buf = [0u8; 64];
        // Inside the window, a byte at a time is fine.
        assert_eq!(t.read(&mut buf).unwrap(), 1);
        // A window that began long ago and brought too little: stalled.
        let Some(long_ago) = Instant::now().checked_sub(STALL_WINDOW * 2) else {
            return;
        };
        t.window = (long_ago, 0);
        let e = t.read(&mut buf).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::TimedOut);
        assert!(t.stalled && e.to_string().contains("stalled"), "{e}");
        // Enough bytes in the window: a new window starts.
        let mut t = Tracked::new(Drip);
        t.window = (long_ago, 0);
        t.read = STALL_BYTES;
        assert_eq!(t.read(&mut buf).unwrap(), 1);
        assert!(!t.stalled && t.window.1 == STALL_BYTES + 1);
    }

    #[test]
    fn urls_keep_the_base_and_encode_each_part() {
        let Ok(Origin::Url(base)) = "http://h/dev/".parse::<Origin>() else {
            panic!()
        };
        assert_eq!(
            url_of(&base, "demo/web/1.0.0-rc1/a b#1.tar.gz").as_str(),
            "http://h/dev/demo/web/1.0.0-rc1/a%20b%231.tar.gz"
        );
    }
}
