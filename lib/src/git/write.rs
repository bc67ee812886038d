//! Writing: [`Repo::append`], one commit of new records on this clone's own ref.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use super::{
    CLONES, GitError, IDENT_EMAIL, IDENT_NAME, Record, Repo, check_name, clone_ref, output, path_of,
};

impl Repo {
    /// Adds `records` to `refs/relmgr/clones/<clone>` in ONE commit dated `at`, whose parent
    /// is the ref's previous tip. Records the ref already holds (same name, same bytes) are
    /// skipped; a name that any clone's ref (or `records` itself) holds with other bytes is a
    /// [`GitError::Conflict`] and nothing is written. Returns how many records were added (0:
    /// no commit made).
    ///
    /// One `ls-tree -r` per clone ref finds the names some ref already holds, one `cat-file
    /// --batch` reads those (usually none) to compare their bytes, and one `fast-import`
    /// writes the blobs, the trees and the commit (as `relmgr <relmgr@localhost>`, whatever
    /// `user.name` says; unsigned) and moves the ref, only if the commit contains the ref's
    /// tip at that moment: a concurrent writer gets [`GitError::Moved`] rather than a lost
    /// update. The objects land as git's `fastimport.unpackLimit` says: loose for a few, one
    /// pack for a large batch.
    pub fn append(
        &self,
        clone: &str,
        records: &[Record],
        at: jiff::Timestamp,
    ) -> Result<usize, GitError> {
        let ref_name = clone_ref(clone)?;
        let mut wanted: BTreeMap<&str, &Record> = BTreeMap::new();
        for r in records {
            check_name(&r.name)?;
            if let Some(prev) = wanted.insert(&r.name, r)
                && prev.bytes != r.bytes
            {
                return Err(GitError::Conflict {
                    name: r.name.clone(),
                    first: "the records to append".into(),
                    second: "the records to append".into(),
                });
            }
        }
        if wanted.is_empty() {
            return Ok(0);
        }
        let tips = self.tips()?;
        // The names some ref holds already (usually none): their bytes are compared.
        let mut held = Vec::new();
        for (r, entries) in self.trees(&tips)? {
            for rec in wanted.values() {
                if let Some(oid) = entries.get(&rec.name) {
                    held.push((r.clone(), *rec, oid.clone()));
                }
            }
        }
        let oids: Vec<&str> = held.iter().map(|(_, _, oid)| oid.as_str()).collect();
        let mut present = BTreeSet::new();
        for ((r, rec, _), bytes) in held.iter().zip(self.cat_blobs(&oids)?) {
            if bytes != rec.bytes {
                return Err(GitError::Conflict {
                    name: rec.name.clone(),
                    first: r.clone(),
                    second: "the records to append".into(),
                });
            }
            if *r == ref_name {
                present.insert(rec.name.as_str());
            }
        }
        let new: Vec<&Record> = wanted
            .into_values()
            .filter(|r| !present.contains(r.name.as_str()))
            .collect();
        if new.is_empty() {
            return Ok(0);
        }
        let old = tips.get(&ref_name).map(String::as_str);
        self.commit(&ref_name, old, &new, at)?;
        Ok(new.len())
    }

    /// Adds records the caller knows to be new to its own ref (its own events after the last
    /// it shared: names that are the hash of their content, so nothing can conflict), in one
    /// commit as [`append`](Self::append) makes it, without comparing them with what the refs
    /// hold: two `git` runs, whatever the size of the history. Adding a record the ref holds
    /// already (the same name and bytes, after a crash between the commit and the caller's
    /// note of it) changes nothing in the tree.
    pub fn append_new(
        &self,
        clone: &str,
        records: &[Record],
        at: jiff::Timestamp,
    ) -> Result<usize, GitError> {
        let ref_name = clone_ref(clone)?;
        for r in records {
            check_name(&r.name)?;
        }
        if records.is_empty() {
            return Ok(0);
        }
        let old = self.tips()?.get(&ref_name).cloned();
        let new: Vec<&Record> = records.iter().collect();
        self.commit(&ref_name, old.as_deref(), &new, at)?;
        Ok(records.len())
    }

    /// One `git fast-import`: a commit on `ref_name` whose parent is `old` and whose tree is
    /// `old`'s plus `records`; the ref moves only if that commit contains its tip by then.
    pub(super) fn commit(
        &self,
        ref_name: &str,
        old: Option<&str>,
        records: &[&Record],
        at: jiff::Timestamp,
    ) -> Result<(), GitError> {
        let clone = &ref_name[CLONES.len()..];
        let n = records.len();
        let message = format!(
            "relmgr: {n} record{} from clone {clone}",
            if n == 1 { "" } else { "s" }
        );
        let mut input = Vec::new();
        write!(
            input,
            "feature done\ncommit {ref_name}\ncommitter {IDENT_NAME} <{IDENT_EMAIL}> {} +0000\n\
             data {}\n{message}\n",
            at.as_second(),
            message.len()
        )?;
        if let Some(old) = old {
            writeln!(input, "from {old}")?;
        }
        for r in records {
            write!(
                input,
                "M 100644 inline {}\ndata {}\n",
                path_of(&r.name),
                r.bytes.len()
            )?;
            input.extend_from_slice(&r.bytes);
            input.push(b'\n');
        }
        input.extend_from_slice(b"\ndone\n");
        let args = ["fast-import", "--quiet", "--date-format=raw"];
        let out = output(self.command(&args), &args, Some(input))?;
        if out.status.success() {
            return Ok(());
        }
        // fast-import refuses a ref that moved since `old` ("Not updating …"); say so plainly.
        if self.tips()?.get(ref_name).map(String::as_str) != old {
            return Err(GitError::Moved {
                ref_name: ref_name.to_string(),
            });
        }
        Err(super::failure(&args, &out))
    }
}
