//! Fetching other clones' refs (in two steps: look, then accept) and pushing this clone's own.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Stdio;

use sha2::{Digest, Sha256};

use super::{CLONES, Entries, GitError, Record, Repo, check_clone_id, clone_ref, output, union};

/// Where `fetch` stages a remote's refs: `refs/relmgr-incoming/<remote>/…`, never over
/// `refs/relmgr/` itself.
const INCOMING: &str = "refs/relmgr-incoming/";

/// What a [`Repo::fetch`] found: for each remote clone ref that can be taken, the fast-forward
/// of the local ref and the records it brings that no local ref holds; the refs set aside
/// whole, with the reason; the refs the remote holds behind ours (rewound) and the local refs
/// it lacks. Nothing local has moved yet: the caller judges the records ([`Incoming::set_aside`]
/// what it refuses), then [`Repo::accept`] moves only the refs left.
#[derive(Debug)]
pub struct Incoming {
    remote: String,
    updates: Vec<RefUpdate>,
    /// Per ref of `updates`: the records it brings that no local ref holds.
    brought: BTreeMap<String, Vec<Record>>,
    /// The names of the records every local clone ref holds.
    held: BTreeSet<String>,
    set_aside: Vec<SetAside>,
    behind: Vec<String>,
    missing: Vec<String>,
}

/// One local clone ref to create (`old` None) or fast-forward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefUpdate {
    pub ref_name: String,
    pub old: Option<String>,
    pub new: String,
}

/// A remote ref that is not taken at all, and why (SPEC §6: a bad ref blocks no one).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SetAside {
    /// `<remote>'s refs/relmgr/clones/<id>`.
    #[serde(rename = "ref")]
    pub ref_name: String,
    pub reason: String,
}

impl Incoming {
    /// The remote as given to `fetch`.
    pub fn remote(&self) -> &str {
        &self.remote
    }

    /// The records the refs still to be taken bring, each name once (the first ref's copy when
    /// two refs bring one name), sorted by name.
    pub fn records(&self) -> Vec<Record> {
        let mut all: BTreeMap<&str, &Record> = BTreeMap::new();
        for records in self.brought.values() {
            for r in records {
                all.entry(r.name.as_str()).or_insert(r);
            }
        }
        all.into_values().cloned().collect()
    }

    /// Per ref still to be taken (its local name, `refs/relmgr/clones/<id>`): the records it
    /// brings that no local ref holds.
    pub fn brought(&self) -> &BTreeMap<String, Vec<Record>> {
        &self.brought
    }

    /// Whether a local clone ref holds a record of this name.
    pub fn is_held(&self, name: &str) -> bool {
        self.held.contains(name)
    }

    /// The local refs `accept` will create or fast-forward.
    pub fn updates(&self) -> &[RefUpdate] {
        &self.updates
    }

    /// Takes `ref_name` (a local ref name) out of what `accept` will do, with the reason.
    pub fn set_aside(&mut self, ref_name: &str, reason: String) {
        if self.brought.remove(ref_name).is_none() {
            return;
        }
        self.updates.retain(|u| u.ref_name != ref_name);
        self.set_aside.push(SetAside {
            ref_name: format!("{}'s {ref_name}", self.remote),
            reason,
        });
    }

    /// The remote refs set aside whole, with the reason.
    pub fn set_asides(&self) -> &[SetAside] {
        &self.set_aside
    }

    /// Local clone refs whose copy on the remote is behind ours (an ancestor: the remote lost
    /// records this clone holds). Ours stay as they are.
    pub fn behind_on_remote(&self) -> &[String] {
        &self.behind
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
    /// pruned: a staging area, like remote-tracking branches) and judges every incoming clone
    /// ref against the local one, ref by ref. A new ref or a fast-forward is planned, with the
    /// records it brings; a remote ref that is behind ours is left alone and listed
    /// ([`Incoming::behind_on_remote`]). A ref is SET ASIDE whole, with its reason, when its
    /// name is not a clone id, its tree is not a record set, it does not descend from our copy
    /// of it, it dropped a record our copy holds, it holds a record name with other bytes than
    /// a local ref, holds a record with other bytes than another incoming ref for a signature
    /// (`.asc`), or holds a signature or personal-data record (`<event>.asc`, `<event>.pii`)
    /// without its event. Nothing under `refs/relmgr/` changes here.
    ///
    /// `remote` is a configured remote, a URL or a path; anything else is
    /// [`GitError::NoSuchRemote`]. A remote without clone refs, when this clone has none
    /// either, is [`GitError::NoRelmgrRefs`]. git's prompts (credentials, ssh) reach the
    /// terminal as for `git fetch`.
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
        let local_tips = self.tips()?;
        if staged.is_empty() && local_tips.is_empty() {
            return Err(GitError::NoRelmgrRefs(remote.to_string()));
        }
        let mut set_aside = Vec::new();
        let mut incoming = BTreeMap::new();
        for (staged_ref, tip) in staged {
            let id = &staged_ref[stage.len() + "clones/".len()..];
            if check_clone_id(id).is_err() {
                set_aside.push(SetAside {
                    ref_name: format!("{remote}'s refs/relmgr/clones/{id}"),
                    reason: "its name is not a clone id".into(),
                });
                continue;
            }
            incoming.insert(format!("{CLONES}{id}"), tip);
        }
        let local = self.trees(&local_tips)?;
        let have = union(&local)?;
        let mut updates = Vec::new();
        let mut behind = Vec::new();
        // Per ref taken: its new records, name → blob id.
        let mut new_entries: BTreeMap<String, Entries> = BTreeMap::new();
        for (ref_name, new) in &incoming {
            let theirs = format!("{remote}'s {ref_name}");
            let mut refuse = |reason: String| {
                set_aside.push(SetAside {
                    ref_name: theirs.clone(),
                    reason,
                })
            };
            let old = local_tips.get(ref_name);
            if let Some(old) = old {
                if old == new {
                    continue;
                }
                if self.is_ancestor(new, old)? {
                    behind.push(ref_name.clone());
                    continue;
                }
                if !self.is_ancestor(old, new)? {
                    refuse(format!(
                        "it was rewritten: its tip {new} does not descend from ours, {old} (staged as {stage}{})",
                        &ref_name["refs/relmgr/".len()..]
                    ));
                    continue;
                }
            }
            let entries = match self.entries(&theirs, new) {
                Ok(e) => e,
                Err(GitError::Malformed { detail, .. }) => {
                    refuse(format!("it is not a relmgr history: {detail}"));
                    continue;
                }
                Err(e) => return Err(e),
            };
            if let Some(dropped) = old.and_then(|_| first_missing(&local[ref_name], &entries)) {
                refuse(format!(
                    "it was rewritten: it no longer holds record {dropped}"
                ));
                continue;
            }
            if let Some((name, (_, first))) = entries
                .iter()
                .find_map(|(n, oid)| have.get(n).filter(|(k, _)| k != oid).map(|h| (n, h)))
            {
                refuse(format!(
                    "its record {name} has other bytes than the copy in {first} (an edited record)"
                ));
                continue;
            }
            if let Some(orphan) = entries.keys().find(|n| {
                n.split_once('.')
                    .is_some_and(|(event, _)| !entries.contains_key(event))
            }) {
                refuse(format!(
                    "it holds {orphan} without the event it belongs to (only an event's own ref carries its signature and personal data)"
                ));
                continue;
            }
            new_entries.insert(
                ref_name.clone(),
                entries
                    .into_iter()
                    .filter(|(n, _)| !have.contains_key(n))
                    .collect(),
            );
            updates.push(RefUpdate {
                ref_name: ref_name.clone(),
                old: old.cloned(),
                new: new.clone(),
            });
        }
        // A signature that two incoming refs hold with different bytes cannot be told apart
        // here: neither ref is taken. (Events and personal data are judged by their hashes.)
        let mut variants: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for entries in new_entries.values() {
            for (n, oid) in entries.iter().filter(|(n, _)| n.ends_with(".asc")) {
                variants.entry(n).or_default().insert(oid);
            }
        }
        let contested: BTreeSet<String> = variants
            .into_iter()
            .filter(|(_, v)| v.len() > 1)
            .map(|(n, _)| n.to_string())
            .collect();
        if !contested.is_empty() {
            new_entries.retain(|ref_name, entries| {
                let Some(name) = entries.keys().find(|n| contested.contains(*n)) else {
                    return true;
                };
                set_aside.push(SetAside {
                    ref_name: format!("{remote}'s {ref_name}"),
                    reason: format!("another ref holds its record {name} with other bytes"),
                });
                updates.retain(|u| u.ref_name != *ref_name);
                false
            });
        }
        let oids: BTreeSet<&str> = new_entries
            .values()
            .flat_map(|e| e.values().map(String::as_str))
            .collect();
        let oids: Vec<&str> = oids.into_iter().collect();
        let blobs: BTreeMap<&str, Vec<u8>> =
            oids.iter().copied().zip(self.cat_blobs(&oids)?).collect();
        let brought = new_entries
            .iter()
            .map(|(r, entries)| {
                let records = entries
                    .iter()
                    .map(|(name, oid)| Record {
                        name: name.clone(),
                        bytes: blobs[oid.as_str()].clone(),
                    })
                    .collect();
                (r.clone(), records)
            })
            .collect();
        let missing = local_tips
            .into_keys()
            .filter(|r| !incoming.contains_key(r))
            .collect();
        Ok(Incoming {
            remote: remote.to_string(),
            updates,
            brought,
            held: have.into_keys().collect(),
            set_aside,
            behind,
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
