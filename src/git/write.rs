//! Writing: [`Repo::append`], one commit of new records on this clone's own ref.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{
    CLONES, GitError, IDENT_EMAIL, IDENT_NAME, Record, Repo, check_clone_id, check_name, one_line,
    path_of, run,
};

impl Repo {
    /// Adds `records` to `refs/relmgr/clones/<clone>` in ONE commit dated `at`, whose parent
    /// is the ref's previous tip. Records the ref already holds (same name, same bytes) are
    /// skipped; a name that any clone's ref (or `records` itself) holds with other bytes is a
    /// [`GitError::Conflict`] and nothing is written. Returns how many records were added (0:
    /// no commit made).
    ///
    /// Blobs go in with one `git fast-import` (small batches become loose objects, large ones
    /// a pack), the tree through a temporary index (`read-tree` of the old tip,
    /// `update-index --index-info`, `write-tree`), the commit by `commit-tree` as
    /// `relmgr <relmgr@localhost>` (whatever `user.name` says, unsigned), and the ref by
    /// `update-ref REF NEW OLD`, so a concurrent writer gets [`GitError::Moved`] rather than a
    /// lost update.
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
        let old = tips.get(&ref_name).cloned();
        let list: Vec<&Record> = wanted.values().copied().collect();
        let blobs = self.write_blobs(&list)?;
        let blob_of: BTreeMap<&str, &str> = list
            .iter()
            .zip(&blobs)
            .map(|(r, oid)| (r.name.as_str(), oid.as_str()))
            .collect();
        // What every ref holds at these paths: one `cat-file --batch-check` for all of them.
        let mut queries = Vec::new();
        for (r, tip) in &tips {
            for rec in &list {
                queries.push((
                    r.as_str(),
                    rec.name.as_str(),
                    format!("{tip}:{}", path_of(&rec.name)),
                ));
            }
        }
        let found = self.batch_check(queries.iter().map(|q| q.2.as_str()))?;
        let mut present = BTreeSet::new();
        for ((r, name, _), oid) in queries.iter().zip(found) {
            let Some(oid) = oid else { continue };
            if Some(&oid.as_str()) != blob_of.get(name) {
                return Err(GitError::Conflict {
                    name: name.to_string(),
                    first: r.to_string(),
                    second: "the records to append".into(),
                });
            }
            if *r == ref_name {
                present.insert(*name);
            }
        }
        let mut index_info = String::new();
        let mut added = 0;
        for (rec, oid) in list.iter().zip(&blobs) {
            if !present.contains(rec.name.as_str()) {
                index_info.push_str(&format!("100644 {oid}\t{}\n", path_of(&rec.name)));
                added += 1;
            }
        }
        if added == 0 {
            return Ok(0);
        }
        let tree = self.tree_with(old.as_deref(), index_info)?;
        let date = format!("{} +0000", at.as_second());
        let message = format!(
            "relmgr: {added} record{} from clone {clone}",
            if added == 1 { "" } else { "s" }
        );
        let mut args = vec!["commit-tree", "--no-gpg-sign", tree.as_str()];
        if let Some(old) = &old {
            args.extend(["-p", old.as_str()]);
        }
        args.extend(["-m", message.as_str()]);
        let mut cmd = self.command(&args);
        for who in ["AUTHOR", "COMMITTER"] {
            cmd.env(format!("GIT_{who}_NAME"), IDENT_NAME)
                .env(format!("GIT_{who}_EMAIL"), IDENT_EMAIL)
                .env(format!("GIT_{who}_DATE"), &date);
        }
        let commit = one_line(run(cmd, &args, None)?);
        let old_arg = old.clone().unwrap_or_default();
        let args = [
            "update-ref",
            ref_name.as_str(),
            commit.as_str(),
            old_arg.as_str(),
        ];
        if let Err(e) = self.git(&args) {
            return Err(if self.tips()?.get(&ref_name) != old.as_ref() {
                GitError::Moved { ref_name }
            } else {
                e
            });
        }
        Ok(added)
    }

    /// Writes the records' bytes as blobs with one `git fast-import`; returns their ids in
    /// order.
    fn write_blobs(&self, records: &[&Record]) -> Result<Vec<String>, GitError> {
        let mut input = Vec::new();
        input.extend_from_slice(b"feature done\n");
        for (i, r) in records.iter().enumerate() {
            write!(input, "blob\nmark :{}\ndata {}\n", i + 1, r.bytes.len())?;
            input.extend_from_slice(&r.bytes);
            write!(input, "\nget-mark :{}\n", i + 1)?;
        }
        input.extend_from_slice(b"done\n");
        let args = ["fast-import", "--quiet"];
        let out = run(self.command(&args), &args, Some(input))?;
        let oids: Vec<String> = String::from_utf8_lossy(&out)
            .lines()
            .map(str::to_string)
            .collect();
        if oids.len() != records.len() {
            return Err(GitError::Git {
                args: args.join(" "),
                stderr: format!("{} ids for {} blobs", oids.len(), records.len()),
            });
        }
        Ok(oids)
    }

    /// The tree of `base` (or an empty one) with the `update-index --index-info` lines applied,
    /// built in a temporary index so the user's own index is never touched.
    fn tree_with(&self, base: Option<&str>, index_info: String) -> Result<String, GitError> {
        let index = TempIndex::new(&self.git_dir);
        let with_index = |args: &[&str], input: Option<Vec<u8>>| {
            let mut cmd = self.command(args);
            cmd.env("GIT_INDEX_FILE", &index.0);
            run(cmd, args, input)
        };
        if let Some(base) = base {
            with_index(&["read-tree", base], None)?;
        }
        with_index(
            &["update-index", "--index-info"],
            Some(index_info.into_bytes()),
        )?;
        Ok(one_line(with_index(&["write-tree"], None)?))
    }

    /// For each `<rev>:<path>` query, the blob id there, or None if there is nothing: one
    /// `git cat-file --batch-check`.
    fn batch_check<'a>(
        &self,
        queries: impl Iterator<Item = &'a str>,
    ) -> Result<Vec<Option<String>>, GitError> {
        let mut input = String::new();
        let mut n = 0;
        for q in queries {
            input.push_str(q);
            input.push('\n');
            n += 1;
        }
        if n == 0 {
            return Ok(Vec::new());
        }
        let args = ["cat-file", "--batch-check=%(objectname) %(objecttype)"];
        let out = run(self.command(&args), &args, Some(input.into_bytes()))?;
        let text = String::from_utf8_lossy(&out);
        let answers: Vec<Option<String>> = text
            .lines()
            .map(|l| match l.split_once(' ') {
                Some((oid, "blob")) => Some(oid.to_string()),
                // "<query> missing", or a tree where a record should be (the reader will
                // call that ref malformed).
                _ => None,
            })
            .collect();
        if answers.len() != n {
            return Err(GitError::Git {
                args: args.join(" "),
                stderr: format!("{} answers to {n} queries", answers.len()),
            });
        }
        Ok(answers)
    }
}

/// A temporary index file in the git directory, removed on drop.
struct TempIndex(PathBuf);

impl TempIndex {
    fn new(git_dir: &Path) -> TempIndex {
        use std::sync::atomic::{AtomicU64, Ordering};
        static SEQ: AtomicU64 = AtomicU64::new(0);
        let n = SEQ.fetch_add(1, Ordering::Relaxed);
        TempIndex(git_dir.join(format!("relmgr-index.{}.{n}", std::process::id())))
    }
}

impl Drop for TempIndex {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
