//! Writing: [`Repo::append`], one commit of new records on this clone's own ref.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use super::{
    CLONES, GitError, IDENT_EMAIL, IDENT_NAME, Record, Repo, check_clone_id, check_name, output,
    path_of,
};

impl Repo {
    /// Adds `records` to `refs/relmgr/clones/<clone>` in ONE commit dated `at`, whose parent
    /// is the ref's previous tip. Records the ref already holds (same name, same bytes) are
    /// skipped; a name that any clone's ref (or `records` itself) holds with other bytes is a
    /// [`GitError::Conflict`] and nothing is written. Returns how many records were added (0:
    /// no commit made).
    ///
    /// Two git processes besides listing the refs: one `cat-file --batch` asks every ref for
    /// the records' paths (so the bytes of names that exist somewhere are compared), one
    /// `fast-import` writes the blobs, the trees and the commit (as `relmgr
    /// <relmgr@localhost>`, whatever `user.name` says; unsigned) and moves the ref. fast-import
    /// moves it only if the commit contains the ref's tip at that moment, so a concurrent
    /// writer gets [`GitError::Moved`] rather than a lost update. Its objects land as git's
    /// `fastimport.unpackLimit` says: loose for a few, one pack for a large batch.
    pub fn append(
        &self,
        clone: &str,
        records: &[Record],
        at: jiff::Timestamp,
    ) -> Result<usize, GitError> {
        check_clone_id(clone)?;
        let ref_name = format!("{CLONES}{clone}");
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
        // What every ref holds at these paths (usually nothing).
        let mut asked = Vec::new();
        let mut queries = Vec::new();
        for (r, tip) in &tips {
            for rec in wanted.values() {
                asked.push((r, *rec));
                queries.push(format!("{tip}:{}", path_of(&rec.name)));
            }
        }
        let mut present = BTreeSet::new();
        for ((r, rec), found) in asked.into_iter().zip(self.cat(&queries)?) {
            match found {
                Some(bytes) if bytes != rec.bytes => {
                    return Err(GitError::Conflict {
                        name: rec.name.clone(),
                        first: r.clone(),
                        second: "the records to append".into(),
                    });
                }
                Some(_) if *r == ref_name => {
                    present.insert(rec.name.as_str());
                }
                _ => {}
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
