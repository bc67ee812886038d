//! The transport against real `git`: a bare remote and clones in temp dirs.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use super::*;

const A: &str = "aaaaaaaa-0000-4000-8000-000000000001";
const B: &str = "bbbbbbbb-0000-4000-8000-000000000002";
const C: &str = "cccccccc-0000-4000-8000-000000000003";

fn at(sec: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_800_000_000 + sec).unwrap()
}

/// A record named like an event id: 64 hex digits.
fn rec(i: u32, body: &str) -> Record {
    Record {
        name: format!("{i:064x}"),
        bytes: format!("{{\"event\":{i},\"body\":\"{body}\"}}\n").into_bytes(),
    }
}

/// Runs git in `dir` with a fixed identity; asserts success and returns stdout.
fn sh(dir: &Path, args: &[&str]) -> String {
    sh_env(dir, args, &[], None)
}

fn sh_env(dir: &Path, args: &[&str], env: &[(&str, &str)], input: Option<&[u8]>) -> String {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .args(["-c", "init.defaultBranch=main"])
        .args(args)
        .envs(env.iter().copied());
    let out = output(cmd, args, input.map(<[u8]>::to_vec)).unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A temp dir with a bare `remote.git` and work trees made by [`Site::clone`].
struct Site {
    dir: TempDir,
}

impl Site {
    fn new() -> Site {
        let site = Site {
            dir: tempfile::tempdir().unwrap(),
        };
        sh(site.dir.path(), &["init", "-q", "--bare", "remote.git"]);
        site
    }

    fn remote(&self) -> PathBuf {
        self.dir.path().join("remote.git")
    }

    /// A fresh work tree `name` whose `origin` is the bare remote.
    fn clone(&self, name: &str) -> Repo {
        let dir = self.dir.path().join(name);
        std::fs::create_dir(&dir).unwrap();
        sh(&dir, &["init", "-q"]);
        sh(
            &dir,
            &["remote", "add", "origin", self.remote().to_str().unwrap()],
        );
        Repo::discover(&dir).unwrap().unwrap()
    }

    /// Replaces the remote's `refs/relmgr/clones/<clone>` with a commit of `parent` (or none)
    /// whose tree holds `records`, as a forger with push access would.
    fn forge(&self, clone: &str, parent: Option<&str>, records: &[Record]) -> String {
        let bare = self.remote();
        let index = self.dir.path().join("forged.index");
        let _ = std::fs::remove_file(&index);
        let env = [("GIT_INDEX_FILE", index.to_str().unwrap())];
        let mut info = String::new();
        for r in records {
            let oid = sh_env(
                &bare,
                &["hash-object", "-w", "--stdin"],
                &[],
                Some(&r.bytes),
            );
            info.push_str(&format!("100644 {oid}\t{}\n", path_of(&r.name)));
        }
        sh_env(
            &bare,
            &["update-index", "--index-info"],
            &env,
            Some(info.as_bytes()),
        );
        let tree = sh_env(&bare, &["write-tree"], &env, None);
        let mut args = vec!["commit-tree", tree.as_str(), "-m", "forged"];
        if let Some(p) = parent {
            args.extend(["-p", p]);
        }
        let commit = sh(&bare, &args);
        sh(&bare, &["update-ref", &format!("{CLONES}{clone}"), &commit]);
        commit
    }

    /// The remote's tip of `clone`'s ref.
    fn remote_tip(&self, clone: &str) -> String {
        sh(&self.remote(), &["rev-parse", &format!("{CLONES}{clone}")])
    }
}

fn sync(repo: &Repo) -> Incoming {
    let incoming = repo.fetch("origin").unwrap();
    repo.accept(&incoming).unwrap();
    incoming
}

#[test]
fn append_push_fetch_accept_and_both_read_the_same() {
    let site = Site::new();
    let (a, b) = (site.clone("a"), site.clone("b"));
    let records = vec![rec(1, "one"), rec(2, "two"), rec(3, "three")];
    assert_eq!(a.append(A, &records, at(0)).unwrap(), 3);
    a.push("origin", A).unwrap();

    let incoming = b.fetch("origin").unwrap();
    assert_eq!(incoming.records(), &records[..]);
    assert_eq!(incoming.updates().len(), 1);
    assert_eq!(incoming.updates()[0].ref_name, format!("{CLONES}{A}"));
    assert_eq!(incoming.updates()[0].old, None);
    assert_eq!(incoming.missing_on_remote(), &[] as &[String]);
    // Nothing local moved before accept.
    assert!(b.tips().unwrap().is_empty());
    assert!(b.read_all().unwrap().is_empty());
    b.accept(&incoming).unwrap();
    assert_eq!(b.read_all().unwrap(), a.read_all().unwrap());
    assert_eq!(b.tips().unwrap(), a.tips().unwrap());

    // B writes, pushes; A gets B's records only.
    b.append(B, &[rec(4, "four")], at(1)).unwrap();
    assert_eq!(
        b.fetch("origin").unwrap().missing_on_remote(),
        &[format!("{CLONES}{B}")]
    );
    b.push("origin", B).unwrap();
    let incoming = sync(&a);
    assert_eq!(incoming.records(), &[rec(4, "four")]);
    assert_eq!(a.read_all().unwrap(), b.read_all().unwrap());
    assert_eq!(a.names().unwrap().len(), 4);
    // Nothing new: an empty plan.
    assert!(a.fetch("origin").unwrap().is_empty());
}

#[test]
fn ten_appends_make_a_chain_of_ten_cumulative_commits() {
    let site = Site::new();
    let a = site.clone("a");
    let mut all = Vec::new();
    for i in 0..10u32 {
        let batch: Vec<Record> = (0..=i).map(|j| rec(100 * i + j, "x")).collect();
        assert_eq!(a.append(A, &batch, at(i.into())).unwrap(), batch.len());
        all.extend(batch);
    }
    all.sort();
    assert_eq!(a.read_all().unwrap(), all);
    let ref_name = format!("{CLONES}{A}");
    let root = a.root();
    assert_eq!(sh(root, &["rev-list", "--count", &ref_name]), "10");
    // The tip's tree alone holds all 55, fanned out, mode 100644.
    let tree = sh(root, &["ls-tree", "-r", &ref_name]);
    assert_eq!(tree.lines().count(), 55);
    let first = &all[0].name;
    assert!(
        tree.lines().any(|l| l.starts_with("100644 blob ")
            && l.ends_with(&format!("\tevents/{}/{first}", &first[..2]))),
        "{tree}"
    );
    // The identity and dates do not come from the user's config.
    let who = sh(
        root,
        &[
            "log",
            "-1",
            "--format=%an <%ae> %at|%cn <%ce> %ct",
            &ref_name,
        ],
    );
    assert_eq!(
        who,
        "relmgr <relmgr@localhost> 1800000009|relmgr <relmgr@localhost> 1800000009"
    );
    // The user's index and work tree are untouched.
    assert_eq!(sh(root, &["status", "--porcelain"]), "");
}

#[test]
fn appending_what_is_there_is_a_no_op() {
    let site = Site::new();
    let a = site.clone("a");
    a.append(A, &[rec(1, "x"), rec(2, "y")], at(0)).unwrap();
    let tips = a.tips().unwrap();
    assert_eq!(a.append(A, &[rec(2, "y"), rec(1, "x")], at(1)).unwrap(), 0);
    assert_eq!(a.append(A, &[], at(1)).unwrap(), 0);
    assert_eq!(a.tips().unwrap(), tips, "no commit for nothing new");
    // Partly new: only the new one is added; duplicates in the input count once.
    assert_eq!(
        a.append(A, &[rec(1, "x"), rec(3, "z"), rec(3, "z")], at(2))
            .unwrap(),
        1
    );
    assert_eq!(a.read_all().unwrap().len(), 3);
}

#[test]
fn append_new_adds_without_comparing_and_a_repeat_changes_no_tree() {
    let site = Site::new();
    let a = site.clone("a");
    assert_eq!(a.append_new(A, &[], at(0)).unwrap(), 0);
    a.append_new(A, &[rec(1, "x"), rec(2, "y")], at(0)).unwrap();
    a.append_new(A, &[rec(3, "z")], at(1)).unwrap();
    assert_eq!(a.read_all().unwrap().len(), 3);
    let tree = |r: &Repo| sh(r.root(), &["rev-parse", &format!("{CLONES}{A}^{{tree}}")]);
    let before = tree(&a);
    // After a crash between the commit and the caller's note of it: the same record again.
    a.append_new(A, &[rec(3, "z")], at(2)).unwrap();
    assert_eq!(tree(&a), before);
    assert_eq!(a.read_all().unwrap().len(), 3);
}

#[test]
fn a_commit_on_a_ref_that_moved_meanwhile_is_refused() {
    let site = Site::new();
    let a = site.clone("a");
    a.append(A, &[rec(1, "x")], at(0)).unwrap();
    let stale = a.tips().unwrap()[&format!("{CLONES}{A}")].clone();
    a.append(A, &[rec(2, "y")], at(1)).unwrap();
    let tips = a.tips().unwrap();
    // As if another relmgr had appended rec 2 between this one's reading and writing.
    let ref_name = format!("{CLONES}{A}");
    for old in [Some(stale.as_str()), None] {
        match a.commit(&ref_name, old, &[&rec(3, "z")], at(2)) {
            Err(GitError::Moved { ref_name: r }) => assert_eq!(r, ref_name),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(a.tips().unwrap(), tips);
    assert_eq!(a.read_all().unwrap().len(), 2);
}

#[test]
fn the_same_name_with_other_bytes_is_a_conflict() {
    let site = Site::new();
    let (a, b) = (site.clone("a"), site.clone("b"));
    a.append(A, &[rec(1, "x")], at(0)).unwrap();
    let tips = a.tips().unwrap();
    let forged = rec(1, "changed");
    match a.append(A, &[rec(2, "y"), forged.clone()], at(1)) {
        Err(GitError::Conflict { name, first, .. }) => {
            assert_eq!(name, forged.name);
            assert_eq!(first, format!("{CLONES}{A}"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(a.tips().unwrap(), tips, "nothing written");
    // Twice in one input.
    assert!(matches!(
        a.append(A, &[rec(7, "p"), rec(7, "q")], at(1)),
        Err(GitError::Conflict { .. })
    ));
    // Against another clone's ref: B holds A's record, then tries to write other bytes.
    a.push("origin", A).unwrap();
    sync(&b);
    assert!(matches!(
        b.append(B, std::slice::from_ref(&forged), at(2)),
        Err(GitError::Conflict { ref first, .. }) if *first == format!("{CLONES}{A}")
    ));
}

#[test]
fn read_all_names_both_refs_of_a_conflict() {
    let site = Site::new();
    let (a, b) = (site.clone("a"), site.clone("b"));
    a.append(A, &[rec(1, "x")], at(0)).unwrap();
    b.append(B, &[rec(1, "other")], at(0)).unwrap();
    b.push("origin", B).unwrap();
    // relmgr's fetch refuses this (next test); plain git does not.
    let spec = format!("{CLONES}{B}:{CLONES}{B}");
    sh(a.root(), &["fetch", "-q", "origin", &spec]);
    match a.read_all() {
        Err(GitError::Conflict {
            name,
            first,
            second,
        }) => {
            assert_eq!(name, rec(1, "").name);
            assert_eq!(
                [first, second],
                [format!("{CLONES}{A}"), format!("{CLONES}{B}")]
            );
        }
        other => panic!("{other:?}"),
    }
}

/// The one ref that differs is set aside whole; another ref of the same remote is taken.
#[test]
fn fetch_sets_aside_a_remote_ref_whose_record_differs_from_a_local_one() {
    let site = Site::new();
    let (a, b, c) = (site.clone("a"), site.clone("b"), site.clone("c"));
    a.append(A, &[rec(1, "x")], at(0)).unwrap();
    b.append(B, &[rec(1, "other")], at(0)).unwrap();
    b.push("origin", B).unwrap();
    c.append(C, &[rec(7, "c")], at(0)).unwrap();
    c.push("origin", C).unwrap();
    let mut incoming = a.fetch("origin").unwrap();
    assert_eq!(
        incoming.set_asides(),
        &[SetAside {
            ref_name: format!("origin's {CLONES}{B}"),
            reason: format!(
                "its record {} has other bytes than the copy in {CLONES}{A} (an edited record)",
                rec(1, "").name
            ),
        }]
    );
    assert_eq!(incoming.records(), vec![rec(7, "c")]);
    a.accept(&incoming).unwrap();
    let tips = a.tips().unwrap();
    assert!(tips.contains_key(&format!("{CLONES}{C}")));
    assert!(
        !tips.contains_key(&format!("{CLONES}{B}")),
        "nothing of B moved"
    );
    // A caller may set a ref aside too; setting aside what is not planned changes nothing.
    incoming.set_aside(&format!("{CLONES}{C}"), "judged bad".into());
    incoming.set_aside("refs/relmgr/clones/none", "absent".into());
    assert!(incoming.is_empty() && incoming.records().is_empty());
    assert_eq!(incoming.set_asides().len(), 2);
}

#[test]
fn two_clones_push_at_once_and_both_land() {
    let site = Site::new();
    let (a, b) = (site.clone("a"), site.clone("b"));
    let ra: Vec<Record> = (0..20).map(|i| rec(i, "a")).collect();
    let rb: Vec<Record> = (100..120).map(|i| rec(i, "b")).collect();
    a.append(A, &ra, at(0)).unwrap();
    b.append(B, &rb, at(0)).unwrap();
    std::thread::scope(|s| {
        let ta = s.spawn(|| a.push("origin", A));
        let tb = s.spawn(|| b.push("origin", B));
        ta.join().unwrap().unwrap();
        tb.join().unwrap().unwrap();
    });
    assert_eq!(sync(&a).records(), rb);
    assert_eq!(sync(&b).records(), ra);
    let all = a.read_all().unwrap();
    assert_eq!(all.len(), 40);
    assert_eq!(all, b.read_all().unwrap());
}

#[test]
fn a_rewritten_remote_ref_is_set_aside_and_nothing_of_it_moves() {
    let site = Site::new();
    let (a, b) = (site.clone("a"), site.clone("b"));
    a.append(A, &[rec(1, "x"), rec(2, "y")], at(0)).unwrap();
    a.push("origin", A).unwrap();
    sync(&b);
    let before = b.tips().unwrap();
    // Not a descendant: the same records, another root commit.
    site.forge(A, None, &[rec(1, "x"), rec(2, "y"), rec(3, "new")]);
    for repo in [&a, &b] {
        let incoming = repo.fetch("origin").unwrap();
        let aside = incoming.set_asides();
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert_eq!(aside[0].ref_name, format!("origin's {CLONES}{A}"));
        assert!(aside[0].reason.contains("does not descend"), "{aside:?}");
        assert!(incoming.is_empty() && incoming.records().is_empty());
        repo.accept(&incoming).unwrap();
    }
    assert_eq!(b.tips().unwrap(), before);
    assert_eq!(b.read_all().unwrap().len(), 2);
    // And A's push is refused: the remote's copy is not an ancestor of A's.
    a.append(A, &[rec(4, "z")], at(1)).unwrap();
    assert!(matches!(
        a.push("origin", A),
        Err(GitError::RemoteMoved { .. })
    ));
}

#[test]
fn a_descendant_that_drops_a_record_is_a_rewrite() {
    let site = Site::new();
    let (a, b) = (site.clone("a"), site.clone("b"));
    a.append(A, &[rec(1, "x"), rec(2, "y")], at(0)).unwrap();
    a.push("origin", A).unwrap();
    sync(&b);
    let tip = site.remote_tip(A);
    site.forge(A, Some(&tip), &[rec(1, "x"), rec(3, "z")]);
    let incoming = b.fetch("origin").unwrap();
    let aside = incoming.set_asides();
    assert_eq!(aside.len(), 1);
    assert!(aside[0].reason.contains(&rec(2, "").name), "{aside:?}");
    assert!(incoming.records().is_empty());
}

/// A remote ref rewound to an older commit (a force-push that drops records) is reported, and
/// what this clone holds stays; a ref deleted on the remote is reported too.
#[test]
fn a_rewound_or_deleted_remote_ref_is_reported_and_ours_is_kept() {
    let site = Site::new();
    let (a, b, c) = (site.clone("a"), site.clone("b"), site.clone("c"));
    a.append(A, &[rec(1, "x")], at(0)).unwrap();
    a.push("origin", A).unwrap();
    let first = site.remote_tip(A);
    a.append(A, &[rec(2, "revoke")], at(1)).unwrap();
    a.push("origin", A).unwrap();
    c.append(C, &[rec(5, "c")], at(0)).unwrap();
    c.push("origin", C).unwrap();
    sync(&b);
    let before = b.tips().unwrap();
    sh(
        &site.remote(),
        &["update-ref", &format!("{CLONES}{A}"), &first],
    );
    sh(
        &site.remote(),
        &["update-ref", "-d", &format!("{CLONES}{C}")],
    );
    let incoming = sync(&b);
    assert_eq!(incoming.behind_on_remote(), &[format!("{CLONES}{A}")]);
    assert_eq!(incoming.missing_on_remote(), &[format!("{CLONES}{C}")]);
    assert!(incoming.set_asides().is_empty());
    assert_eq!(b.tips().unwrap(), before);
    assert_eq!(b.read_all().unwrap().len(), 3);
}

/// A signature or personal-data record travels only in its event's own ref: one in another
/// ref (someone's `.asc` beside another's event) sets that ref aside.
#[test]
fn a_signature_without_its_event_in_the_same_ref_sets_the_ref_aside() {
    let site = Site::new();
    let (a, b) = (site.clone("a"), site.clone("b"));
    a.append(A, &[rec(1, "unsigned")], at(0)).unwrap();
    a.push("origin", A).unwrap();
    let sig = Record {
        name: format!("{}.asc", rec(1, "").name),
        bytes: b"-----BEGIN PGP SIGNATURE-----\n".to_vec(),
    };
    site.forge(B, None, &[rec(9, "dave"), sig]);
    let incoming = b.fetch("origin").unwrap();
    assert_eq!(incoming.records(), vec![rec(1, "unsigned")]);
    let aside = incoming.set_asides();
    assert_eq!(aside.len(), 1);
    assert_eq!(aside[0].ref_name, format!("origin's {CLONES}{B}"));
    assert!(aside[0].reason.contains("without the event"), "{aside:?}");
}

#[test]
fn an_edited_record_in_a_descendant_sets_the_ref_aside_naming_it() {
    let site = Site::new();
    let (a, b) = (site.clone("a"), site.clone("b"));
    a.append(A, &[rec(1, "x"), rec(2, "y")], at(0)).unwrap();
    a.push("origin", A).unwrap();
    sync(&b);
    let before = b.tips().unwrap();
    let tip = site.remote_tip(A);
    let edited = rec(2, "edited");
    site.forge(A, Some(&tip), &[rec(1, "x"), edited.clone()]);
    let incoming = b.fetch("origin").unwrap();
    let aside = incoming.set_asides();
    assert_eq!(aside.len(), 1);
    assert_eq!(aside[0].ref_name, format!("origin's {CLONES}{A}"));
    assert!(aside[0].reason.contains(&edited.name), "{aside:?}");
    b.accept(&incoming).unwrap();
    assert_eq!(b.tips().unwrap(), before);
    // A clone that never saw the original gets the edited bytes, for its caller to check
    // against the record's id.
    let c = site.clone("c");
    let incoming = c.fetch("origin").unwrap();
    assert_eq!(incoming.records(), vec![rec(1, "x"), edited]);
}

#[test]
fn a_remote_behind_ours_is_left_alone() {
    let site = Site::new();
    let a = site.clone("a");
    a.append(A, &[rec(1, "x")], at(0)).unwrap();
    a.push("origin", A).unwrap();
    a.append(A, &[rec(2, "y")], at(1)).unwrap();
    let tips = a.tips().unwrap();
    let incoming = sync(&a);
    assert!(incoming.is_empty() && incoming.records().is_empty());
    assert_eq!(a.tips().unwrap(), tips);
    a.push("origin", A).unwrap();
    assert_eq!(site.remote_tip(A), tips[&format!("{CLONES}{A}")]);
}

#[test]
fn accept_after_the_ref_moved_changes_nothing() {
    let site = Site::new();
    let (a, b) = (site.clone("a"), site.clone("b"));
    a.append(A, &[rec(1, "x")], at(0)).unwrap();
    a.push("origin", A).unwrap();
    let incoming = b.fetch("origin").unwrap();
    // Meanwhile something else creates the ref locally.
    sync(&b);
    a.append(A, &[rec(2, "y")], at(1)).unwrap();
    a.push("origin", A).unwrap();
    let newer = b.fetch("origin").unwrap();
    let tips = b.tips().unwrap();
    assert!(matches!(
        b.accept(&incoming),
        Err(GitError::Moved { ref ref_name }) if *ref_name == format!("{CLONES}{A}")
    ));
    assert_eq!(b.tips().unwrap(), tips);
    b.accept(&newer).unwrap();
    assert_eq!(b.read_all().unwrap().len(), 2);
}

#[test]
fn a_clone_id_shared_by_two_machines_is_refused_at_push() {
    let site = Site::new();
    let (a, b) = (site.clone("a"), site.clone("b"));
    a.append(A, &[rec(1, "x")], at(0)).unwrap();
    b.append(A, &[rec(2, "y")], at(0)).unwrap();
    a.push("origin", A).unwrap();
    match b.push("origin", A) {
        Err(e @ GitError::RemoteMoved { .. }) => {
            assert!(e.to_string().contains("share a clone id"), "{e}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_remote_without_relmgr_refs_and_unknown_remotes() {
    let site = Site::new();
    let a = site.clone("a");
    assert!(matches!(a.fetch("origin"), Err(GitError::NoRelmgrRefs(r)) if r == "origin"));
    // By path too.
    let path = site.remote();
    assert!(matches!(
        a.fetch(path.to_str().unwrap()),
        Err(GitError::NoRelmgrRefs(_))
    ));
    for bad in ["upstream", "--upload-pack=evil", ""] {
        match a.fetch(bad) {
            Err(e @ GitError::NoSuchRemote { .. }) => {
                assert!(e.to_string().contains(&format!("{bad:?}")), "{e}")
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
    let e = a.push("upstream", A).unwrap_err();
    assert!(e.to_string().contains("git remote: origin"), "{e}");
    // A path that is no repository: git's own words.
    let e = a.fetch(site.dir.path().to_str().unwrap()).unwrap_err();
    assert!(matches!(e, GitError::Git { .. }), "{e:?}");
}

#[test]
fn a_clone_with_nothing_written_pushes_nothing() {
    let site = Site::new();
    let a = site.clone("a");
    a.push("origin", A).unwrap();
    assert_eq!(sh(&site.remote(), &["for-each-ref"]), "");
}

#[test]
fn bad_names_and_clone_ids_are_refused() {
    let site = Site::new();
    let a = site.clone("a");
    for name in ["ab", ".abc", "../x", "a/b/c", "ab c", "..x", "-ab", ""] {
        let r = Record {
            name: name.into(),
            bytes: vec![],
        };
        assert!(
            matches!(a.append(A, &[r], at(0)), Err(GitError::BadName(_))),
            "{name}"
        );
    }
    for ok in ["abc", "0123.asc", "x_y-z.pii"] {
        check_name(ok).unwrap();
    }
    for id in ["", "a/b", "a.lock", "../x", &"x".repeat(65)] {
        assert!(matches!(
            a.append(id, &[rec(1, "x")], at(0)),
            Err(GitError::BadCloneId(_))
        ));
    }
    assert!(a.tips().unwrap().is_empty());
}

#[test]
fn discover_finds_the_work_tree_from_a_subdirectory_and_nothing_outside() {
    let site = Site::new();
    let a = site.clone("a");
    let sub = a.root().join("x/y");
    std::fs::create_dir_all(&sub).unwrap();
    let found = Repo::discover(&sub).unwrap().unwrap();
    assert_eq!(found.root(), a.root());
    assert_eq!(found.git_dir(), a.root().join(".git"));
    // The bare remote has no work tree; a plain temp dir no repository (unless /tmp is in
    // one, which no test machine does).
    assert!(Repo::discover(&site.remote()).unwrap().is_none());
    let outside = tempfile::tempdir().unwrap();
    assert!(Repo::discover(outside.path()).unwrap().is_none());
    assert!(matches!(
        Repo::open(outside.path()),
        Err(GitError::NotARepo)
    ));
}

#[test]
fn exclude_adds_a_pattern_once() {
    let site = Site::new();
    let a = site.clone("a");
    let file = a.git_dir().join("info/exclude");
    let before = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(a.exclude("/.relmgr/").unwrap());
    assert!(!a.exclude("/.relmgr/").unwrap());
    assert!(a.exclude("/sub/.relmgr/").unwrap());
    let after = std::fs::read_to_string(&file).unwrap();
    assert_eq!(after, format!("{before}/.relmgr/\n/sub/.relmgr/\n"));
    std::fs::create_dir_all(a.root().join(".relmgr")).unwrap();
    std::fs::write(a.root().join(".relmgr/config.toml"), "x").unwrap();
    assert_eq!(sh(a.root(), &["status", "--porcelain"]), "");
}

#[test]
fn exclude_dir_resolves_and_escapes_the_path() {
    let site = Site::new();
    let a = site.clone("a");
    let weird = a.root().join("odd [dir]*/x");
    std::fs::create_dir_all(weird.join(".relmgr")).unwrap();
    std::fs::write(weird.join(".relmgr/config.toml"), "x").unwrap();
    std::fs::write(weird.join("kept"), "x").unwrap();
    // Relative to the process's directory it would not work; through a `..` it must.
    let roundabout = a.root().join("odd [dir]*/../odd [dir]*/x/.relmgr");
    let pattern = a.exclude_dir(&roundabout).unwrap();
    assert_eq!(pattern, "/odd\\ \\[dir\\]\\*/x/.relmgr/");
    assert_eq!(a.exclude_dir(&weird.join(".relmgr")).unwrap(), pattern);
    let status = sh(
        a.root(),
        &["status", "--porcelain", "--untracked-files=all"],
    );
    assert_eq!(status, "?? \"odd [dir]*/x/kept\"");
    // Not inside: an error, nothing written.
    let outside = tempfile::tempdir().unwrap();
    for dir in [outside.path(), a.root()] {
        assert!(matches!(
            a.exclude_dir(dir),
            Err(GitError::OutsideWorkTree { .. })
        ));
    }
}
