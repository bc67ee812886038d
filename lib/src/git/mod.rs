//! The shared history's transport through git refs (SPEC §6, design note §4). This module owns
//! every call to the `git` program about the history; it moves opaque records (an event, its
//! `.asc` signature, its `.pii` part, a key certificate…) and never parses them.
//!
//! Layout: ONE REF PER CLONE, `refs/relmgr/clones/<clone-id>`. A clone only ever fast-forwards
//! its own ref, so two clones' pushes never conflict; readers take the union of all refs. Each
//! ref is a chain of commits, one per [`Repo::append`]; each commit's tree holds the clone's
//! whole set of records (cumulative, so the tip alone says everything) as blobs at
//! `events/<first two characters of the name>/<name>`, mode 100644. The commits are transport;
//! the records are the truth: the same record reached through two refs is one record, and the
//! same name with other bytes anywhere is an error ([`GitError::Conflict`]).
//!
//! Why one ref per clone rather than one shared ref with merge commits: no push ever has to
//! fetch, merge and retry, the refs never need a merge commit whose tree someone must compute,
//! and a rewrite is a plain "not a descendant" test per ref.
//!
//! Everything runs the `git` program (never a library), so remotes, credentials, ssh, hooks and
//! config behave as they do for git. Its stderr is captured for the error messages; its prompts
//! (credentials, ssh) go to the terminal as usual.

mod remote;
#[cfg(test)]
mod tests;
mod write;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub use remote::{Incoming, SetAside};

/// Where the clones' refs live: `refs/relmgr/clones/<clone-id>`.
pub const CLONES: &str = "refs/relmgr/clones/";

/// The identity on every commit relmgr writes: the records carry their own actors and
/// signatures, so the commits must not depend on (or leak) the user's git config.
const IDENT_NAME: &str = "relmgr";
const IDENT_EMAIL: &str = "relmgr@localhost";

/// A failure of the git transport. The variants are the ones a caller branches on; everything
/// git itself refused is [`GitError::Git`] with git's own stderr.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// The directory is not inside a git work tree.
    #[error("not inside a git work tree")]
    NotARepo,
    /// Neither a configured remote, nor a URL, nor an existing path.
    #[error("{remote:?} is not a git remote: {detail}")]
    NoSuchRemote { remote: String, detail: String },
    /// The remote holds no `refs/relmgr/clones/*`: nobody shared a history there yet.
    #[error("{0} holds no relmgr history (no refs under refs/relmgr/clones/)")]
    NoRelmgrRefs(String),
    /// One record name with two different contents, in `first` and in `second` (refs, or a
    /// description such as "the records to append").
    #[error("record {name} has different bytes in {first} and in {second}")]
    Conflict {
        name: String,
        first: String,
        second: String,
    },
    /// A ref whose tree is not a relmgr record set, or a ref name that is not a clone id.
    #[error("{ref_name} is not a relmgr history: {detail}")]
    Malformed { ref_name: String, detail: String },
    /// A local ref moved between reading and updating it: another relmgr (or git) wrote it
    /// concurrently. Nothing was changed; trying again is safe.
    #[error(
        "{ref_name} moved while relmgr was updating it (another relmgr at work?); nothing was changed, try again"
    )]
    Moved { ref_name: String },
    /// The remote's copy of this clone's own ref is not an ancestor of the local one: only
    /// possible when two machines use the same clone id.
    #[error(
        "{remote} refused {ref_name}: the remote's copy is not an ancestor of ours, which only happens when two machines share a clone id ({detail})"
    )]
    RemoteMoved {
        remote: String,
        ref_name: String,
        detail: String,
    },
    /// A record name outside `[0-9A-Za-z._-]`, shorter than 3 characters, or not starting with
    /// a letter or digit.
    #[error(
        "{0:?} is not a valid record name (3 to 200 of [0-9A-Za-z._-], starting with a letter or digit)"
    )]
    BadName(String),
    /// A directory to exclude that is not strictly inside the work tree.
    #[error("{} is not inside the git work tree {}", path.display(), root.display())]
    OutsideWorkTree { path: PathBuf, root: PathBuf },
    /// A clone id that cannot be a ref name component.
    #[error("{0:?} is not a valid clone id (1 to 64 of [0-9A-Za-z_-])")]
    BadCloneId(String),
    /// git ran and failed.
    #[error("git {args} failed: {stderr}")]
    Git { args: String, stderr: String },
    /// git could not be run at all (not installed?).
    #[error("cannot run git {args}")]
    Run {
        args: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// One opaque record: a file name (a 64-hex event id, possibly with a suffix such as `.asc`)
/// and its bytes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Record {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A git work tree and its git directory.
#[derive(Debug, Clone)]
pub struct Repo {
    root: PathBuf,
    git_dir: PathBuf,
}

/// Record name → blob id, for one tree or a union of trees.
type Entries = BTreeMap<String, String>;

impl Repo {
    /// The git work tree holding `dir` (which must exist), if any: `git -C dir rev-parse
    /// --show-toplevel --absolute-git-dir`. None outside a repository, in a bare one or inside
    /// a `.git` directory; an error if git cannot run or refuses the repository (for example
    /// for its ownership), since the user should hear about that.
    pub fn discover(dir: &Path) -> Result<Option<Repo>, GitError> {
        let args = ["rev-parse", "--show-toplevel", "--absolute-git-dir"];
        let out = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            // Its stderr is matched below: in git's own words, not a translation.
            .env("LC_ALL", "C")
            .stdin(Stdio::null())
            .output()
            .map_err(|source| GitError::Run {
                args: args.join(" "),
                source,
            })?;
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr);
            if stderr.contains("not a git repository") || stderr.contains("in a work tree") {
                return Ok(None);
            }
            return Err(GitError::Git {
                args: args.join(" "),
                stderr: stderr.trim().to_string(),
            });
        }
        let text = String::from_utf8(out.stdout).map_err(|_| GitError::Git {
            args: args.join(" "),
            stderr: "the repository's path is not UTF-8".into(),
        })?;
        let mut lines = text.lines();
        match (lines.next(), lines.next()) {
            (Some(root), Some(git_dir)) => Ok(Some(Repo {
                root: PathBuf::from(root),
                git_dir: PathBuf::from(git_dir),
            })),
            _ => Err(GitError::Git {
                args: args.join(" "),
                stderr: format!("unexpected output {text:?}"),
            }),
        }
    }

    /// [`discover`](Self::discover), with [`GitError::NotARepo`] outside a work tree.
    pub fn open(dir: &Path) -> Result<Repo, GitError> {
        Repo::discover(dir)?.ok_or(GitError::NotARepo)
    }

    /// The work tree's root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The git directory (`.git`, or `.git/worktrees/<name>` in a linked work tree).
    pub fn git_dir(&self) -> &Path {
        &self.git_dir
    }

    /// Adds the gitignore `pattern` to `info/exclude` (the shared one in a linked work tree)
    /// unless a line already says exactly that. Returns whether it added it.
    pub fn exclude(&self, pattern: &str) -> Result<bool, GitError> {
        let out = self.git(&["rev-parse", "--git-path", "info/exclude"])?;
        let rel = String::from_utf8_lossy(&out).trim().to_string();
        let path = self.root.join(rel);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(e.into()),
        };
        if text.lines().any(|l| l.trim_end_matches('\r') == pattern) {
            return Ok(false);
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)?;
        let sep = if text.is_empty() || text.ends_with('\n') {
            ""
        } else {
            "\n"
        };
        writeln!(f, "{sep}{pattern}")?;
        Ok(true)
    }

    /// Excludes directory `dir` (inside the work tree) from git's view: adds
    /// `/<its path from the root>/` to `info/exclude` with [`exclude`](Self::exclude), after
    /// resolving both paths (so a relative or symlinked `dir` works) and escaping what a
    /// gitignore pattern would read as a wildcard. Returns the pattern.
    pub fn exclude_dir(&self, dir: &Path) -> Result<String, GitError> {
        let dir = dir.canonicalize()?;
        let root = self.root.canonicalize()?;
        let outside = || GitError::OutsideWorkTree {
            path: dir.clone(),
            root: root.clone(),
        };
        let rel = dir.strip_prefix(&root).map_err(|_| outside())?;
        let mut pattern = String::new();
        for part in rel.components() {
            let part = part.as_os_str().to_str().ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{} is not UTF-8", dir.display()),
                )
            })?;
            pattern.push('/');
            for c in part.chars() {
                if matches!(c, '\\' | '*' | '?' | '[' | ']' | '!' | '#' | ' ') {
                    pattern.push('\\');
                }
                pattern.push(c);
            }
        }
        if pattern.is_empty() {
            return Err(outside());
        }
        pattern.push('/');
        self.exclude(&pattern)?;
        Ok(pattern)
    }

    /// Every record of every local clone ref (`refs/relmgr/clones/*`), each once, sorted by
    /// name. A name with different bytes in two refs is a [`GitError::Conflict`] naming both.
    /// One `ls-tree` per ref and ONE `cat-file --batch` for all the blobs.
    pub fn read_all(&self) -> Result<Vec<Record>, GitError> {
        let union = union(&self.trees(&self.tips()?)?)?;
        let oids: Vec<&str> = union.values().map(|(oid, _)| oid.as_str()).collect();
        let blobs = self.cat_blobs(&oids)?;
        Ok(union
            .into_keys()
            .zip(blobs)
            .map(|(name, bytes)| Record { name, bytes })
            .collect())
    }

    /// The names of every record of every local clone ref, without reading a blob.
    pub fn names(&self) -> Result<BTreeSet<String>, GitError> {
        Ok(union(&self.trees(&self.tips()?)?)?.into_keys().collect())
    }

    /// The local clone refs and their tips: `refs/relmgr/clones/<id>` → commit id.
    pub fn tips(&self) -> Result<BTreeMap<String, String>, GitError> {
        self.refs_under(CLONES)
    }

    /// Every ref under `prefix` (a folder, ending in `/`) → its commit id.
    fn refs_under(&self, prefix: &str) -> Result<BTreeMap<String, String>, GitError> {
        let out = self.git(&["for-each-ref", "--format=%(refname) %(objectname)", prefix])?;
        Ok(String::from_utf8_lossy(&out)
            .lines()
            .filter_map(|l| l.split_once(' '))
            .map(|(r, o)| (r.to_string(), o.to_string()))
            .collect())
    }

    /// Each ref's record set, from `ls-tree -r` of its tip.
    fn trees(
        &self,
        tips: &BTreeMap<String, String>,
    ) -> Result<BTreeMap<String, Entries>, GitError> {
        tips.iter()
            .map(|(r, tip)| Ok((r.clone(), self.entries(r, tip)?)))
            .collect()
    }

    /// The records of commit `tip` (of ref `ref_name`, for messages): name → blob id. Anything
    /// in the tree but `events/<xx>/<name>` blobs with valid names is [`GitError::Malformed`].
    fn entries(&self, ref_name: &str, tip: &str) -> Result<Entries, GitError> {
        let out = self.git(&["ls-tree", "-r", "-z", "--full-tree", tip])?;
        let malformed = |detail: String| GitError::Malformed {
            ref_name: ref_name.to_string(),
            detail,
        };
        let mut entries = Entries::new();
        for item in out.split(|b| *b == 0).filter(|i| !i.is_empty()) {
            let item = String::from_utf8_lossy(item);
            let (meta, path) = item
                .split_once('\t')
                .ok_or_else(|| malformed(format!("unexpected ls-tree line {item:?}")))?;
            let mut meta = meta.split(' ');
            let (mode, kind, oid) = (meta.next(), meta.next(), meta.next());
            let name = path.rsplit('/').next().unwrap_or_default();
            if mode != Some("100644")
                || kind != Some("blob")
                || check_name(name).is_err()
                || path != path_of(name)
            {
                return Err(malformed(format!(
                    "{tip} holds {path:?}, not a record (events/<xx>/<name>, mode 100644)"
                )));
            }
            entries.insert(name.to_string(), oid.unwrap_or_default().to_string());
        }
        Ok(entries)
    }

    /// The bytes of the blobs `oids`, in order: ONE `git cat-file --batch`.
    fn cat_blobs(&self, oids: &[&str]) -> Result<Vec<Vec<u8>>, GitError> {
        self.cat(oids)?
            .into_iter()
            .zip(oids)
            .map(|(found, oid)| match found {
                Some(blob) => Ok(blob),
                None => Err(GitError::Git {
                    args: "cat-file --batch".into(),
                    stderr: format!("blob {oid} is missing"),
                }),
            })
            .collect()
    }

    /// For each query (a blob id, or `<commit>:<path>`), its bytes if it names a blob, None if
    /// nothing is there: ONE `git cat-file --batch`, reading `<oid> <type> <size>\n<bytes>\n`
    /// or `<query> missing\n` per query.
    fn cat<Q: AsRef<str>>(&self, queries: &[Q]) -> Result<Vec<Option<Vec<u8>>>, GitError> {
        if queries.is_empty() {
            return Ok(Vec::new());
        }
        let mut input = String::with_capacity(queries.len() * 65);
        for q in queries {
            input.push_str(q.as_ref());
            input.push('\n');
        }
        let args = ["cat-file", "--batch"];
        let out = run(self.command(&args), &args, Some(input.into_bytes()))?;
        let bad = |what: String| GitError::Git {
            args: args.join(" "),
            stderr: what,
        };
        let mut found = Vec::with_capacity(queries.len());
        let mut rest = &out[..];
        for q in queries {
            let q = q.as_ref();
            let eol = rest
                .iter()
                .position(|b| *b == b'\n')
                .ok_or_else(|| bad(format!("output ends before {q}")))?;
            let header = String::from_utf8_lossy(&rest[..eol]).into_owned();
            if header == format!("{q} missing") {
                found.push(None);
                rest = &rest[eol + 1..];
                continue;
            }
            let mut parts = header.split(' ');
            let (kind, size) = (parts.nth(1), parts.next());
            let size: usize = size
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| bad(format!("asked for {q}, got {header:?}")))?;
            let start = eol + 1;
            if rest.len() < start + size + 1 {
                return Err(bad(format!("output ends inside {q}")));
            }
            // A tree where a record should be: not a record (a reader calls the ref malformed).
            found.push((kind == Some("blob")).then(|| rest[start..start + size].to_vec()));
            rest = &rest[start + size + 1..];
        }
        Ok(found)
    }

    /// `git ARGS` in the work tree, stdin closed.
    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("git");
        cmd.current_dir(&self.root).args(args).stdin(Stdio::null());
        cmd
    }

    /// Runs `git ARGS`; its stdout, or [`GitError::Git`] with its stderr.
    fn git(&self, args: &[&str]) -> Result<Vec<u8>, GitError> {
        run(self.command(args), args, None)
    }

    /// Whether commit `a` is an ancestor of (or equal to) commit `b`.
    fn is_ancestor(&self, a: &str, b: &str) -> Result<bool, GitError> {
        let args = ["merge-base", "--is-ancestor", a, b];
        let out = output(self.command(&args), &args, None)?;
        match out.status.code() {
            Some(0) => Ok(true),
            Some(1) => Ok(false),
            _ => Err(failure(&args, &out)),
        }
    }
}

/// Runs `cmd` (described by `args`), feeding it `input`; its stdout, or [`GitError::Git`].
fn run(cmd: Command, args: &[&str], input: Option<Vec<u8>>) -> Result<Vec<u8>, GitError> {
    let out = output(cmd, args, input)?;
    if !out.status.success() {
        return Err(failure(args, &out));
    }
    Ok(out.stdout)
}

/// Runs `cmd` with stdout and stderr captured, writing `input` to its stdin from a thread
/// (so a large input cannot deadlock against a large output).
fn output(mut cmd: Command, args: &[&str], input: Option<Vec<u8>>) -> Result<Output, GitError> {
    let spawn_error = |source| GitError::Run {
        args: args.join(" "),
        source,
    };
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    if input.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd.spawn().map_err(spawn_error)?;
    let writer = match (input, child.stdin.take()) {
        (Some(input), Some(mut stdin)) => Some(std::thread::spawn(move || {
            // A git that exits early closes the pipe; its exit status tells why.
            let _ = stdin.write_all(&input);
        })),
        _ => None,
    };
    let out = child.wait_with_output().map_err(spawn_error)?;
    if let Some(w) = writer {
        let _ = w.join();
    }
    Ok(out)
}

fn failure(args: &[&str], out: &Output) -> GitError {
    let mut stderr = String::from_utf8_lossy(&out.stderr).trim().to_string();
    if stderr.is_empty() {
        stderr = format!("exit status {}", out.status);
    }
    GitError::Git {
        args: args.join(" "),
        stderr,
    }
}

/// The union of ref → record sets: name → (blob id, the first ref holding it). The same name
/// with two blob ids is a [`GitError::Conflict`] naming both refs.
fn union(
    trees: &BTreeMap<String, Entries>,
) -> Result<BTreeMap<String, (String, String)>, GitError> {
    let mut all: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (r, entries) in trees {
        for (name, oid) in entries {
            match all.get(name) {
                Some((known, first)) if known != oid => {
                    return Err(GitError::Conflict {
                        name: name.clone(),
                        first: first.clone(),
                        second: r.clone(),
                    });
                }
                Some(_) => {}
                None => {
                    all.insert(name.clone(), (oid.clone(), r.clone()));
                }
            }
        }
    }
    Ok(all)
}

/// Where record `name` lives in a tree: `events/<first two characters>/<name>`.
fn path_of(name: &str) -> String {
    format!("events/{}/{name}", &name[..2.min(name.len())])
}

/// A record name: 3 to 200 of `[0-9A-Za-z._-]`, starting with a letter or digit (so no `.`
/// or `..` can appear as a path component of its fan-out directory or itself).
fn check_name(name: &str) -> Result<(), GitError> {
    let ok = (3..=200).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(GitError::BadName(name.to_string()))
    }
}

/// The ref of the clone `id` (`refs/relmgr/clones/<id>`), once its id is checked.
fn clone_ref(id: &str) -> Result<String, GitError> {
    check_clone_id(id)?;
    Ok(format!("{CLONES}{id}"))
}

/// A clone id (a uuid, in practice): 1 to 64 of `[0-9A-Za-z_-]`, one ref name component.
fn check_clone_id(id: &str) -> Result<(), GitError> {
    let ok = (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(GitError::BadCloneId(id.to_string()))
    }
}
