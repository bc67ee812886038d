//! The store: `.relmgr/` with `config.toml`, `index.db` (SQLite, WAL, foreign keys on),
//! `objects/`, `releases/` and `keys/`. This module and its children are the only code that
//! speaks SQL. Every mutation goes through [`Store::write`], which runs it in one `BEGIN
//! IMMEDIATE` transaction together with its audit event.

pub mod cves;
pub mod debris;
pub mod events;
pub mod integrity;
pub mod keys;
pub mod memory;
pub mod names;
pub mod objects;
pub mod projects;
pub mod publications;
pub mod release_checks;
pub mod release_sets;
pub mod releases;
pub mod schema;
pub mod shared;
mod state;
pub mod tree;
pub mod users;
pub mod votes;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::error::Error;
pub use events::{Actor, ActorKind, EventDraft};

/// The name of the store directory, like `.git`.
pub const DIR_NAME: &str = ".relmgr";
/// The config file's format version this build writes and reads.
pub const CONFIG_FORMAT: u32 = 1;

/// `config.toml`: store settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Config {
    pub format_version: u32,
    /// The default acting user.
    pub user: Option<String>,
    #[serde(default)]
    pub policy: DefaultPolicy,
    #[serde(default)]
    pub hashes: Hashes,
    /// Where `--send` sends mail (SPEC §10); absent until the user adds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub smtp: Option<SmtpSettings>,
    /// The overall deadlines of network commands (`[net]`); defaults when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net: Option<NetSettings>,
    /// This clone's name in the shared history (`refs/relmgr/clones/<id>`, SPEC §6); set when
    /// the store is made inside a git work tree or by the first `sync`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clone_id: Option<String>,
    /// The secret key that signs every event this clone's user writes (SPEC §7);
    /// `$RELMGR_SIGNING_KEY` overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_key: Option<String>,
}

/// `[smtp]` of `config.toml`. The password never lives here: `$RELMGR_SMTP_PASSWORD_FILE`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpSettings {
    pub host: String,
    /// Default: 587 for `starttls`, 465 for `tls`, 25 for `none`.
    pub port: Option<u16>,
    /// `Name <address>` or a bare address.
    pub from: String,
    /// The login, if the server wants one.
    pub user: Option<String>,
    #[serde(default)]
    pub security: SmtpSecurity,
}

/// `[net]` of `config.toml`: how long a network command may take in all, in seconds.
/// `$RELMGR_NET_DEADLINE` overrides both (`crate::ops::deadline`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetSettings {
    /// One mail sent over SMTP (`--send`, `mail resend`).
    pub smtp_deadline: Option<u64>,
    /// One `fetch` over HTTP, every package together.
    pub fetch_deadline: Option<u64>,
}

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    /// Plain connection upgraded with STARTTLS (port 587).
    #[default]
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only to a loopback address (a local relay, tests).
    None,
}

/// The vote policy a project starts with.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DefaultPolicy {
    pub min_hours: u32,
}

impl Default for DefaultPolicy {
    fn default() -> Self {
        DefaultPolicy { min_hours: 72 }
    }
}

/// Which checksums are written beside packages.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Hashes {
    pub checksum: String,
    pub object: String,
}

impl Default for Hashes {
    fn default() -> Self {
        Hashes {
            checksum: "sha512".into(),
            object: "sha256".into(),
        }
    }
}

/// An open store.
pub struct Store {
    /// The `.relmgr` directory.
    pub dir: PathBuf,
    pub config: Config,
    conn: Connection,
    /// `tmp/` was swept of dead processes' temp files by this process's first write.
    swept: bool,
    /// The sequence number of the event this process appended last.
    last_seq: Option<i64>,
    /// The index was missing and was made empty: it must be replayed from the shared history.
    pub needs_replay: bool,
    /// Signs each event this process writes (SPEC §7), when a signing key is in use.
    pub event_signer: Option<Box<events::SignFn>>,
}

/// Where a store was looked for, for the not-found message.
fn not_found(looked: &str) -> anyhow::Error {
    Error::not_found(format!("no relmgr store found ({looked})"))
        .hint("run `relmgr init --user ID` in the project's repository, or pass --store DIR")
        .into()
}

/// Turns a `--store`/`$RELMGR_STORE` value into the `.relmgr` directory: the value may name the
/// store directory itself or the directory holding it.
fn resolve_explicit(dir: &Path, source: &str) -> anyhow::Result<PathBuf> {
    if dir.file_name().is_some_and(|n| n == DIR_NAME) && dir.join("config.toml").is_file() {
        return Ok(dir.to_path_buf());
    }
    let inner = dir.join(DIR_NAME);
    if inner.join("config.toml").is_file() {
        return Ok(inner);
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Error::usage(format!("{source} {} is not a directory", dir.display())).into());
    }
    Err(not_found(&format!("{source} {}", dir.display())))
}

/// Finds the store: `--store`, else `$RELMGR_STORE`, else the nearest `.relmgr/` upward.
pub fn locate(explicit: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(dir) = explicit {
        return resolve_explicit(dir, "--store");
    }
    if let Some(dir) = std::env::var_os("RELMGR_STORE").filter(|v| !v.is_empty()) {
        return resolve_explicit(Path::new(&dir), "$RELMGR_STORE");
    }
    let cwd = std::env::current_dir().context("while reading the current directory")?;
    for dir in cwd.ancestors() {
        let candidate = dir.join(DIR_NAME);
        if candidate.join("config.toml").is_file() {
            return Ok(candidate);
        }
    }
    Err(not_found(&format!(
        "in {} or any parent directory",
        cwd.display()
    )))
}

fn open_connection(path: &Path, create: bool) -> anyhow::Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags)
        .with_context(|| format!("while opening {}", path.display()))?;
    // Many relmgr processes may share a store: wait for the writer lock instead of failing.
    conn.busy_timeout(Duration::from_secs(60))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Statement journals (a savepoint per replayed event) and sorts in memory, not in files
    // under /var/tmp: a replay of 10,000 events wrote a million pages there, one call each.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    statements(&conn)?;
    Ok(conn)
}

/// How a connection keeps and plans its statements: a cache of [`STATEMENT_CACHE`], and the
/// same query plan whatever is bound. SQLite otherwise parses a cached statement again when a
/// new bound value might change its plan (`WHERE release_id = ?1 ... LIMIT 1`): a quarter of a
/// replay's time went to that, for plans that never change (the index is never `ANALYZE`d).
pub(crate) fn statements(conn: &Connection) -> anyhow::Result<()> {
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    Ok(())
}

/// Prepared statements a connection keeps (rusqlite's default is 16): a replay applies every
/// kind of event, and a statement parsed again for each event costs more than running it.
pub(crate) const STATEMENT_CACHE: usize = 256;

impl Store {
    /// Creates a new store in `parent/.relmgr`. Refuses if one is already there.
    pub fn create(parent: &Path, user: &str) -> anyhow::Result<Store> {
        let dir = parent.join(DIR_NAME);
        if dir.exists() {
            return Err(Error::wrong_state(format!(
                "a relmgr store already exists at {}",
                dir.display()
            ))
            .into());
        }
        std::fs::create_dir_all(parent)
            .with_context(|| format!("while creating {}", parent.display()))?;
        // Build in a temporary sibling, then rename: a killed init leaves no half store.
        let tmp = parent.join(format!(".relmgr.init-{}", std::process::id()));
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp)?;
        }
        std::fs::create_dir(&tmp).with_context(|| format!("while creating {}", tmp.display()))?;
        for sub in ["objects", "releases", "keys", "tmp"] {
            std::fs::create_dir(tmp.join(sub))?;
        }
        let config = Config {
            format_version: CONFIG_FORMAT,
            user: Some(user.to_string()),
            policy: DefaultPolicy::default(),
            hashes: Hashes::default(),
            smtp: None,
            net: None,
            clone_id: None,
            signing_key: None,
        };
        std::fs::write(tmp.join("config.toml"), toml::to_string_pretty(&config)?)?;
        {
            let mut conn = open_connection(&tmp.join("index.db"), true)?;
            schema::migrate(&mut conn)?;
        }
        std::fs::rename(&tmp, &dir)
            .with_context(|| format!("while moving the new store to {}", dir.display()))?;
        Store::open(&dir)
    }

    /// Opens the store at `dir` (a `.relmgr` directory), migrating its schema forward.
    pub fn open(dir: &Path) -> anyhow::Result<Store> {
        let config_path = dir.join("config.toml");
        let text = std::fs::read_to_string(&config_path)
            .with_context(|| format!("while reading {}", config_path.display()))?;
        let config: Config = toml::from_str(&text)
            .with_context(|| format!("{} is not a valid relmgr config", config_path.display()))?;
        if config.format_version > CONFIG_FORMAT {
            anyhow::bail!(
                "{} has format version {}, but this relmgr knows up to {CONFIG_FORMAT}: upgrade relmgr",
                config_path.display(),
                config.format_version
            );
        }
        // The index is a cache of a shared history: when it is gone, an empty one is made and
        // `needs_replay` tells the caller to fill it from the history (`ops::sync::catch_up`).
        let index = dir.join("index.db");
        let needs_replay = config.clone_id.is_some() && !index.exists();
        let mut conn = open_connection(&index, needs_replay)?;
        schema::migrate(&mut conn)?;
        Ok(Store {
            dir: dir.to_path_buf(),
            config,
            conn,
            swept: false,
            last_seq: None,
            needs_replay,
            event_signer: None,
        })
    }

    /// Writes `config` back to `config.toml` (temp file + rename).
    pub fn save_config(&self) -> anyhow::Result<()> {
        let path = self.dir.join("config.toml");
        let tmp = self.dir.join("config.toml.tmp");
        std::fs::write(&tmp, toml::to_string_pretty(&self.config)?)?;
        std::fs::rename(&tmp, &path)
            .with_context(|| format!("while writing {}", path.display()))?;
        Ok(())
    }

    /// The connection for reads. Writes go through [`Store::write`].
    pub fn db(&self) -> &Connection {
        &self.conn
    }

    /// Runs `change` in one immediate transaction and appends the event it returns, so the
    /// change and its audit record land together or not at all.
    pub fn write<T>(
        &mut self,
        actor: &Actor,
        change: impl FnOnce(&Connection) -> anyhow::Result<(T, EventDraft)>,
    ) -> anyhow::Result<T> {
        self.write_event(actor, change, |_, _| Ok(()))
    }

    /// [`Store::write`], then `apply` runs on the appended event in the same transaction: the
    /// command decides and names its event, `apply` makes the change the event describes.
    pub fn write_event<T>(
        &mut self,
        actor: &Actor,
        change: impl FnOnce(&Connection) -> anyhow::Result<(T, EventDraft)>,
        apply: impl FnOnce(&Connection, &events::Event) -> anyhow::Result<()>,
    ) -> anyhow::Result<T> {
        if !self.swept {
            debris::sweep_tmp(&self.dir);
            self.swept = true;
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context("while waiting for the store's write lock")?;
        let (value, event) = change(&tx)?;
        let appended = events::append_signed(&tx, actor, &event, self.event_signer.as_deref())?;
        apply(&tx, &appended)?;
        crash_point(&format!("{}:before-commit", event.kind));
        tx.commit().context("while committing")?;
        crash_point(&format!("{}:after-commit", event.kind));
        self.last_seq = Some(appended.seq);
        Ok(value)
    }

    /// The sequence number of the event this process appended last, if any.
    pub fn last_seq(&self) -> Option<i64> {
        self.last_seq
    }
}

/// A test hook for crash-safety tests: when `$RELMGR_TEST_KILL_AT` names this point, the
/// process dies on the spot (`abort`, no cleanup, like `kill -9`). Points: `<event type>:before-
/// commit` and `<event type>:after-commit` for every change, `stage:temp-written`,
/// `stage:objects-written`,
/// `tree:half-built`, `publish:files-written`, `publish:snapshot-written`.
///
/// Only in a build with the `failpoints` feature, which the tests enable (the CLI package's
/// dev-dependency on this library names that feature, so the binary the tests run has the hook);
/// a release build has no such hook.
#[cfg(feature = "failpoints")]
pub fn crash_point(name: &str) {
    if let Some(at) = std::env::var_os("RELMGR_TEST_KILL_AT")
        && at == name
    {
        std::process::abort();
    }
}

/// Without the `failpoints` feature: nothing.
#[cfg(not(feature = "failpoints"))]
#[inline(always)]
pub fn crash_point(_name: &str) {}
