//! Fetching other clones' refs (in two steps: look, then accept) and pushing this clone's own.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;

use sha2::{Digest, Sha256};

use super::{CLONES, Entries, GitError, Record, Repo, check_clone_id, clone_ref, output, union};

/// Where `fetch` stages a remote's refs: `refs/relmgr-incoming/<remote>/…`, never over
/// `refs/relmgr/` itself.
const INCOMING: &str = "refs/relmgr-incoming/";

/// What a [`Repo::fetch`] found: the records the remote has and this clone lacks, and the
/// fast-forwards of the local refs that [`Repo::accept`] will make. Nothing local has moved yet.
#[derive(Debug)]
pub struct Incoming {
    remote: String,
    updates: Vec<RefUpdate>,
    records: Vec<Record>,
    missing: Vec<String>,
}

/// One local clone ref to create (`old` None) or fast-forward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefUpdate {
    pub ref_name: String,
    pub old: Option<String>,
    pub new: String,
}

impl Incoming {
    /// The remote as given to `fetch`.
    pub fn remote(&self) -> &str {
        &self.remote
    }

    /// The records the remote's refs hold and no local ref does, sorted by name: the ones to
    /// verify before [`Repo::accept`].
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// The local refs `accept` will create or fast-forward.
    pub fn updates(&self) -> &[RefUpdate] {
        &self.updates
    }

    /// Local clone refs the remote does not have (this clone's own before its first push, or
    /// refs that came from another remote, or that someone deleted there).
    pub fn missing_on_remote(&self) -> &[String] {
        &self.missing
    }

    /// Whether the remote brings nothing new.
    pub fn is_empty(&self) -> bool {
        self.updates.is_empty()
    }
}

impl Repo {
    /// Fetches `remote`'s `refs/relmgr/*` into `refs/relmgr-incoming/<remote>/*` (forced and
    /// pruned: a staging area, like remote-tracking branches) and compares every incoming
    /// clone ref with the local one. New refs and fast-forwards are planned; a remote ref that
    /// is behind ours (an ancestor) is left alone; one that is not a descendant of ours, or a
    /// descendant that dropped a record, is [`GitError::Rewritten`]; a record name the remote
    /// holds with other bytes than a local ref (or another remote ref) is
    /// [`GitError::Conflict`]. On any error nothing under `refs/relmgr/` has changed.
    ///
    /// `remote` is a configured remote, a URL or a path; anything else is
    /// [`GitError::NoSuchRemote`]. A remote without clone refs is [`GitError::NoRelmgrRefs`].
    /// git's prompts (credentials, ssh) reach the terminal as for `git fetch`.
    pub fn fetch(&self, remote: &str) -> Result<Incoming, GitError> {
        let target = self.resolve_remote(remote)?;
        let stage = format!("{INCOMING}{}/", stage_name(remote));
        let refspec = format!("+refs/relmgr/*:{stage}*");
        let args = [
            "fetch",
            "--quiet",
            "--prune",
            "--no-tags",
            "--no-write-fetch-head",
            "--no-recurse-submodules",
            target.as_str(),
            refspec.as_str(),
        ];
        let mut cmd = self.command(&args);
        cmd.stdin(Stdio::inherit());
        let out = output(cmd, &args, None)?;
        if !out.status.success() {
            return Err(super::failure(&args, &out));
        }
        let staged = self.refs_under(&format!("{stage}clones/"))?;
        if staged.is_empty() {
            return Err(GitError::NoRelmgrRefs(remote.to_string()));
        }
        let mut incoming = BTreeMap::new();
        for (staged_ref, tip) in staged {
            let id = &staged_ref[stage.len() + "clones/".len()..];
            if check_clone_id(id).is_err() {
                return Err(GitError::Malformed {
                    ref_name: format!("{remote}'s refs/relmgr/clones/{id}"),
                    detail: "not a clone id".into(),
                });
            }
            incoming.insert(format!("{CLONES}{id}"), tip);
        }
        let local_tips = self.tips()?;
        let local = self.trees(&local_tips)?;
        let have = union(&local)?;
        let mut updates = Vec::new();
        let mut delta: BTreeMap<String, (String, String)> = BTreeMap::new();
        for (ref_name, new) in &incoming {
            let theirs = format!("{remote}'s {ref_name}");
            let old = local_tips.get(ref_name);
            if let Some(old) = old {
                if old == new || self.is_ancestor(new, old)? {
                    continue; // the same, or ours is ahead: nothing to take
                }
                if !self.is_ancestor(old, new)? {
                    return Err(GitError::Rewritten {
                        ref_name: theirs,
                        detail: format!(
                            "its tip {new} does not descend from ours, {old} (staged as {stage}{})",
                            &ref_name["refs/relmgr/".len()..]
                        ),
                    });
                }
            }
            let entries = self.entries(&theirs, new)?;
            for (name, oid) in &entries {
                if let Some((known, first)) = have.get(name).or_else(|| delta.get(name)) {
                    if known != oid {
                        return Err(GitError::Conflict {
                            name: name.clone(),
                            first: first.clone(),
                            second: theirs,
                        });
                    }
                } else {
                    delta.insert(name.clone(), (oid.clone(), theirs.clone()));
                }
            }
            if let Some(dropped) = old.and_then(|_| first_missing(&local[ref_name], &entries)) {
                return Err(GitError::Rewritten {
                    ref_name: theirs,
                    detail: format!("it no longer holds record {dropped}"),
                });
            }
            updates.push(RefUpdate {
                ref_name: ref_name.clone(),
                old: old.cloned(),
                new: new.clone(),
            });
        }
        let oids: Vec<&str> = delta.values().map(|(oid, _)| oid.as_str()).collect();
        let blobs = self.cat_blobs(&oids)?;
        let records = delta
            .into_keys()
            .zip(blobs)
            .map(|(name, bytes)| Record { name, bytes })
            .collect();
        let missing = local_tips
            .into_keys()
            .filter(|r| !incoming.contains_key(r))
            .collect();
        Ok(Incoming {
            remote: remote.to_string(),
            updates,
            records,
            missing,
        })
    }

    /// Makes the fast-forwards a [`fetch`](Self::fetch) planned, all or none, each only if
    /// the local ref is still where `fetch` saw it (else [`GitError::Moved`]).
    pub fn accept(&self, incoming: &Incoming) -> Result<(), GitError> {
        if incoming.updates.is_empty() {
            return Ok(());
        }
        let mut input = String::new();
        for u in &incoming.updates {
            match &u.old {
                Some(old) => input.push_str(&format!("update {} {} {old}\n", u.ref_name, u.new)),
                None => input.push_str(&format!("create {} {}\n", u.ref_name, u.new)),
            }
        }
        let args = ["update-ref", "--stdin"];
        let out = output(self.command(&args), &args, Some(input.into_bytes()))?;
        if out.status.success() {
            return Ok(());
        }
        let now = self.tips()?;
        match incoming
            .updates
            .iter()
            .find(|u| now.get(&u.ref_name) != u.old.as_ref())
        {
            Some(u) => Err(GitError::Moved {
                ref_name: u.ref_name.clone(),
            }),
            None => Err(super::failure(&args, &out)),
        }
    }

    /// `git push REMOTE refs/relmgr/clones/<clone>:refs/relmgr/clones/<clone>`, never forced:
    /// only this clone's own ref (the others push theirs). Does nothing when the clone has no
    /// ref yet. A rejected non-fast-forward is [`GitError::RemoteMoved`]; hooks run as for
    /// `git push`.
    pub fn push(&self, remote: &str, clone: &str) -> Result<(), GitError> {
        let ref_name = clone_ref(clone)?;
        let target = self.resolve_remote(remote)?;
        if !self.tips()?.contains_key(&ref_name) {
            return Ok(());
        }
        let refspec = format!("{ref_name}:{ref_name}");
        let args = ["push", "--porcelain", target.as_str(), refspec.as_str()];
        let mut cmd = self.command(&args);
        cmd.stdin(Stdio::inherit());
        let out = output(cmd, &args, None)?;
        if out.status.success() {
            return Ok(());
        }
        // --porcelain: `!<TAB>from:to<TAB>[rejected] (non-fast-forward)` on stdout.
        let stdout = String::from_utf8_lossy(&out.stdout);
        if let Some(line) = stdout
            .lines()
            .find(|l| l.starts_with("!\t") && l.contains("[rejected]"))
        {
            return Err(GitError::RemoteMoved {
                remote: remote.to_string(),
                ref_name,
                detail: line.rsplit('\t').next().unwrap_or_default().to_string(),
            });
        }
        let mut err = super::failure(&args, &out);
        if let GitError::Git { stderr, .. } = &mut err {
            for l in stdout.lines().filter(|l| l.starts_with("!\t")) {
                stderr.push_str(&format!("\n{l}"));
            }
        }
        Err(err)
    }

    /// What to hand git for `remote`: a configured remote's name, a URL, or an existing path
    /// (made absolute, since git runs in the work tree's root).
    fn resolve_remote(&self, remote: &str) -> Result<String, GitError> {
        let no_such = |detail: String| GitError::NoSuchRemote {
            remote: remote.to_string(),
            detail,
        };
        if remote.is_empty() || remote.starts_with('-') {
            return Err(no_such("not a remote name, URL or path".into()));
        }
        let out = self.git(&["remote"])?;
        let names = String::from_utf8_lossy(&out);
        if names.lines().any(|n| n == remote) {
            return Ok(remote.to_string());
        }
        if looks_like_url(remote) {
            return Ok(remote.to_string());
        }
        let path = Path::new(remote);
        if path.exists() {
            let abs = std::path::absolute(path)?;
            return abs
                .to_str()
                .map(str::to_string)
                .ok_or_else(|| no_such("the path is not UTF-8".into()));
        }
        let known: Vec<&str> = names.lines().collect();
        Err(no_such(format!(
            "not a remote of {} ({}), a URL or an existing path",
            self.root.display(),
            if known.is_empty() {
                "it has none".to_string()
            } else {
                format!("git remote: {}", known.join(", "))
            }
        )))
    }
}

/// `scheme://…` or scp-like `[user@]host:path` (a colon before any slash).
fn looks_like_url(s: &str) -> bool {
    if s.contains("://") {
        return true;
    }
    match (s.find(':'), s.find('/')) {
        (Some(colon), slash) => colon > 0 && slash.is_none_or(|sl| colon < sl),
        (None, _) => false,
    }
}

/// The staging folder's name for `remote`: itself when it is a plain name, else a hash of it
/// (URLs and paths hold characters a ref name cannot).
fn stage_name(remote: &str) -> String {
    let plain = remote
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'));
    if plain {
        remote.to_string()
    } else {
        let digest = Sha256::digest(remote.as_bytes());
        format!("url-{}", &hex::encode(digest)[..16])
    }
}

/// The first record of `old` that `new` lacks.
fn first_missing(old: &Entries, new: &Entries) -> Option<String> {
    old.keys().find(|n| !new.contains_key(*n)).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_stage_names() {
        for url in [
            "https://h/x.git",
            "git@host:x.git",
            "host:x",
            "file:///srv/x",
        ] {
            assert!(looks_like_url(url), "{url}");
        }
        for not in ["origin", "../x", "/srv/x.git", "./a:b", ":x"] {
            assert!(!looks_like_url(not), "{not}");
        }
        assert_eq!(stage_name("origin"), "origin");
        assert_eq!(stage_name("my_remote-2"), "my_remote-2");
        let hashed = stage_name("/srv/x.git");
        assert!(hashed.starts_with("url-") && hashed.len() == 20, "{hashed}");
        assert_ne!(hashed, stage_name("/srv/y.git"));
    }
}
