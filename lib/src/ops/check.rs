//! `relmgr check`: what a careful voter checks by hand, on every package of a revision —
//! signatures (by a registered key of a current PMC member, committer or RM, valid when it
//! signed), checksums, and the archive, contents, header, naming and layout checks of
//! `crate::checks`. Results are stored with the revision; `vote start` runs them too.

use serde::Serialize;

use crate::checks::{self, Context, Finding, Ignore, Outcome, PackageInput};
use crate::clock;
use crate::error::Error;
use crate::model::Package;
use crate::model::event::Change;
use crate::model::{ReleaseRef, RevisionNo, Target, Time};
use crate::ops::Emit;
use crate::pgp::SigCheck;
use crate::store::release_checks::{self, IgnoreRow};
use crate::store::releases::{self, Release, Revision, StoredPackage};
use crate::store::{keys, objects, projects};

use super::parallel;
use super::{Session, check_git, project, release, verify};

#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub release: String,
    pub revision: String,
    pub pass: usize,
    pub warn: usize,
    pub fail: usize,
    /// Checks not run on a package, each with its reason.
    pub skip: usize,
    /// Check ids with at least one failure.
    pub failing: Vec<String>,
    pub findings: Vec<Finding>,
}

/// Who owns each registered key, by primary fingerprint.
type Owners = std::collections::HashMap<String, Option<String>>;

/// One read of a package's object (digests and every signature's verdict), or why it failed.
type ObjectRead = Result<verify::Sums, String>;

/// Reads a package's object once: both digests and every signature over it.
fn read_object(
    dir: &std::path::Path,
    p: &StoredPackage,
    keyring: &crate::pgp::Keyring,
    now: jiff::Timestamp,
) -> ObjectRead {
    let sigs: Vec<&[u8]> = p.signatures.iter().map(|s| s.armored.as_bytes()).collect();
    verify::read_signed(&objects::path(dir, &p.sha256), &sigs, keyring, now)
        .map_err(|e| e.to_string())
}

fn signature_finding(
    p: &StoredPackage,
    read: &ObjectRead,
    owners: &Owners,
    members: &[String],
) -> Finding {
    if p.signatures.is_empty() {
        return Finding::new(&p.name, "signature", Outcome::Fail, "no signature (.asc)");
    }
    let verdicts = match read {
        Ok(sums) => &sums.verdicts,
        Err(e) => {
            return Finding::new(
                &p.name,
                "signature",
                Outcome::Fail,
                format!("bad signature: cannot read the signed data: {e}"),
            );
        }
    };
    // As gpg judges (SPEC §4): any bad signature fails; else any good signature by a member
    // passes; otherwise the first signature's problem is told.
    let verdicts: Vec<&SigCheck> = verdicts.iter().flatten().collect();
    if let Some(SigCheck::Bad { reason }) = verdicts
        .iter()
        .find(|v| matches!(v, SigCheck::Bad { .. }))
        .copied()
    {
        return Finding::new(
            &p.name,
            "signature",
            Outcome::Fail,
            format!("bad signature: {reason}"),
        );
    }
    let mut first_problem = None;
    for verdict in verdicts {
        let f = match verdict.clone() {
            SigCheck::Good {
                primary_fingerprint,
                ..
            } => match owners.get(primary_fingerprint.as_str()).cloned().flatten() {
                Some(u) if members.contains(&u) => {
                    return Finding::new(
                        &p.name,
                        "signature",
                        Outcome::Pass,
                        format!("signed by {u} ({primary_fingerprint})"),
                    );
                }
                Some(u) => Finding::new(
                    &p.name,
                    "signature",
                    Outcome::Fail,
                    format!("signed by {u}, who holds no role in the project"),
                ),
                None => Finding::new(
                    &p.name,
                    "signature",
                    Outcome::Fail,
                    format!("signed by {primary_fingerprint}, a key nobody owns"),
                ),
            },
            SigCheck::Bad { reason } => Finding::new(
                &p.name,
                "signature",
                Outcome::Fail,
                format!("bad signature: {reason}"),
            ),
            SigCheck::UnknownKey { issuer } => Finding::new(
                &p.name,
                "signature",
                Outcome::Fail,
                format!("signed by {issuer}, which is not registered"),
            ),
        };
        first_problem.get_or_insert(f);
    }
    first_problem.expect("a package with signatures has a first one")
}

fn checksum_finding(
    dir: &std::path::Path,
    rel: &Release,
    rev: &Revision,
    p: &Package,
    read: &ObjectRead,
) -> Finding {
    let tree =
        crate::store::tree::revision_dir(dir, &rel.target, rel.version.as_str(), &rev.label());
    let sidecar = tree.join(format!("{}.sha512", p.name));
    let Ok(text) = std::fs::read_to_string(&sidecar) else {
        return Finding::new(
            &p.name,
            "checksum",
            Outcome::Fail,
            "no checksum file (.sha512)",
        );
    };
    match read {
        Ok(sums)
            if Some(&sums.sha512) == p.sha512.as_ref()
                && sums.sha256 == p.sha256
                && text.starts_with(sums.sha512.as_str()) =>
        {
            Finding::new(
                &p.name,
                "checksum",
                Outcome::Pass,
                "SHA-512 and SHA-256 match",
            )
        }
        Ok(_) => Finding::new(
            &p.name,
            "checksum",
            Outcome::Fail,
            "the bytes do not match the recorded checksums",
        ),
        Err(e) => Finding::new(
            &p.name,
            "checksum",
            Outcome::Fail,
            format!("cannot read: {e}"),
        ),
    }
}

/// Runs every check on a revision (no permission needed: anyone known may check).
/// With `git_ref`, each source archive is compared with that tree of the git repository
/// around the store (`source-tree`).
pub fn run_checks(
    s: &Session,
    rel: &Release,
    rev: &Revision,
    git_ref: Option<&str>,
) -> anyhow::Result<Vec<Finding>> {
    let db = s.store.db();
    let target: Target = rel.target.parse()?;
    let proj = project::load(db, &target.parent())?;
    let prod = match &target.product {
        Some(_) => Some(project::load(db, &target)?),
        None => None,
    };
    let mut ctx = Context::new(target.project.as_str(), rel.version.as_str());
    ctx.product_key = target.product.as_ref().map(|p| p.to_string());
    ctx.license = prod
        .as_ref()
        .and_then(|p| p.meta.license.clone())
        .or(proj.meta.license.clone());
    ctx.header_licenses = prod
        .as_ref()
        .map(|p| p.meta.header_licenses.clone())
        .filter(|h| !h.is_empty())
        .unwrap_or(proj.meta.header_licenses.clone());
    let packages = releases::packages(db, rev.id)?;
    super::fetch::require_bytes(s, rel, rev, &packages)?;
    let all_names: Vec<String> = packages.iter().map(|p| p.name.clone()).collect();
    ctx.hash_files = git_ref.is_some() || check_git::has_format_pairs(&all_names);
    let repo = s.store.dir.parent().unwrap_or(&s.store.dir).to_path_buf();
    let git_tree = git_ref
        .map(|r| check_git::git_tree(&repo, r).map(|t| (r, t)))
        .transpose()?;
    let keyring = verify::store_keyring(s)?;
    let members: Vec<String> = projects::list_roles(db, Some(target.project.as_str()), None)?
        .into_iter()
        .map(|g| g.user)
        .collect();
    let now = clock::now()?;
    let managed: Vec<&StoredPackage> = packages
        .iter()
        .filter(|p| p.external_url.is_none())
        .collect();
    let owners: Owners = keys::list(db, None)?
        .into_iter()
        .map(|k| (k.fingerprint.to_string(), k.user))
        .collect();
    let dir = s.store.dir.as_path();
    let per_package = parallel(&managed, |p| {
        let read = read_object(dir, p, &keyring, now);
        let mut f = vec![
            signature_finding(p, &read, &owners, &members),
            checksum_finding(dir, rel, rev, p, &read),
        ];
        let checked = checks::inspect(
            &ctx,
            &PackageInput {
                name: p.name.clone(),
                path: Some(objects::path(dir, &p.sha256)),
                source: p.source,
            },
        );
        f.extend(checked.findings);
        let tree = check_git::TreeInput {
            name: p.name.clone(),
            source: checked.source,
            files: checked.files,
        };
        Ok((f, tree))
    })?;
    let mut findings: Vec<Finding> = Vec::new();
    let mut source_names = Vec::new();
    let mut trees = Vec::new();
    for (f, tree) in per_package {
        findings.extend(f);
        if tree.source {
            source_names.push(tree.name.clone());
        }
        trees.push(tree);
    }
    let git = git_tree.as_ref().map(|(r, t)| (*r, t));
    findings.extend(check_git::tree_findings(&trees, git));
    let names: Vec<String> = packages.iter().map(|p| p.name.clone()).collect();
    let signed: Vec<bool> = packages
        .iter()
        .map(|p| !p.signatures.is_empty() || p.external_url.is_some())
        .collect();
    let has_sha512: Vec<bool> = packages
        .iter()
        .map(|p| p.sha512.is_some() || p.external_url.is_some())
        .collect();
    let sources: Vec<bool> = names.iter().map(|n| source_names.contains(n)).collect();
    findings.extend(checks::check_layout(
        &ctx,
        &names,
        &signed,
        &has_sha512,
        &sources,
    ));
    let mut targets = vec![target.project.to_string()];
    if target.product.is_some() {
        targets.push(target.to_string());
    }
    let target_refs: Vec<&str> = targets.iter().map(String::as_str).collect();
    let ignores: Vec<Ignore> = release_checks::ignores(db, &target_refs)?
        .into_iter()
        .map(|r| Ignore {
            pattern: r.pattern,
            reason: r.reason,
        })
        .collect();
    Ok(checks::apply_ignores(findings, &ignores))
}

fn report(r: &str, rev: &Revision, findings: Vec<Finding>) -> CheckReport {
    report_of(r, &rev.label(), findings)
}

/// The report of `findings` on `release` (a release, or a directory) and `revision`.
pub fn report_of(release: &str, revision: &str, findings: Vec<Finding>) -> CheckReport {
    let sum = checks::summary(&findings);
    let mut failing: Vec<String> = findings
        .iter()
        .filter(|f| f.result == Outcome::Fail)
        .map(|f| f.check.clone())
        .collect();
    failing.sort();
    failing.dedup();
    CheckReport {
        release: release.to_string(),
        revision: revision.to_string(),
        pass: sum.pass,
        warn: sum.warn,
        fail: sum.fail,
        skip: sum.skip,
        failing,
        findings,
    }
}

/// `check TARGET@VERSION`: runs, stores the results with the revision, reports.
pub fn check(
    s: &mut Session,
    r: &ReleaseRef,
    which: Option<RevisionNo>,
    git_ref: Option<&str>,
) -> anyhow::Result<CheckReport> {
    let db = s.store.db();
    let rel = release::load(db, r)?;
    let rev = release::revision(db, &rel, which)?;
    let findings = run_checks(s, &rel, &rev, git_ref)?;
    let git = match git_ref {
        Some(g) => {
            let repo = s.store.dir.parent().unwrap_or(&s.store.dir);
            Some(crate::model::event::GitSource {
                reference: g.to_string(),
                commit: check_git::git_commit(repo, g)?,
            })
        }
        None => None,
    };
    let rep = report(&r.to_string(), &rev, findings);
    let now = Time::now()?;
    let stored = serde_json::to_value(&rep.findings)?;
    s.emit_with(|db| {
        // The findings are a cache of the last run, not part of the history.
        release_checks::store_results(db, rev.id, &stored, now)?;
        let change = Change::Check {
            revision: Some(rev.no()),
            pass: rep.pass as u64,
            warn: rep.warn as u64,
            fail: rep.fail as u64,
            failing: rep.failing.clone(),
            git,
        };
        Ok(((), Emit::new(r.to_string(), change)))
    })?;
    Ok(rep)
}

/// For `vote start`: runs the checks and refuses (exit 5) while a check fails that the RM did
/// not acknowledge. Returns the report to show.
pub fn gate(
    s: &Session,
    rel: &Release,
    rev: &Revision,
    acknowledged: &[String],
) -> anyhow::Result<CheckReport> {
    for a in acknowledged {
        if !checks::CHECKS.contains(&a.as_str()) {
            return Err(Error::usage(format!(
                "--acknowledge {a:?} is not a check id: {}",
                checks::CHECKS.join(", ")
            ))
            .into());
        }
    }
    let rep = report(
        &format!("{}@{}", rel.target, rel.version),
        rev,
        run_checks(s, rel, rev, None)?,
    );
    let blocking: Vec<&String> = rep
        .failing
        .iter()
        .filter(|c| !acknowledged.contains(c))
        .collect();
    if !blocking.is_empty() {
        let reasons: Vec<String> = rep
            .findings
            .iter()
            .filter(|f| f.result == Outcome::Fail && blocking.contains(&&f.check))
            .map(|f| f.reason.clone())
            .take(10)
            .collect();
        return Err(Error::wrong_state(format!(
            "release checks fail ({}): {}",
            blocking.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "),
            reasons.join("; ")
        ))
        .hint("fix them, ignore a finding with `relmgr check ignore add`, or start anyway with --acknowledge CHECK")
        .into());
    }
    Ok(rep)
}

pub fn ignore_add(
    s: &mut Session,
    target: &Target,
    pattern: &str,
    reason: &str,
) -> anyhow::Result<IgnoreRow> {
    project::load_managed(s, target)?;
    if reason.trim().is_empty() || reason.chars().any(char::is_control) {
        return Err(Error::usage("--reason is empty or holds control characters").into());
    }
    if pattern.is_empty() || pattern.chars().any(char::is_control) {
        return Err(Error::usage("the pattern is empty or holds control characters").into());
    }
    checks::validate_ignores(&[Ignore {
        pattern: pattern.into(),
        reason: reason.into(),
    }])
    .map_err(|e| Error::usage(e.to_string()))?;
    let row = IgnoreRow {
        target: target.to_string(),
        pattern: pattern.into(),
        reason: reason.trim().into(),
        added_by: s.actor.id.clone(),
        added_at: Time::now()?,
    };
    s.emit_with(|db| {
        if release_checks::ignores(db, &[row.target.as_str()])?
            .iter()
            .any(|i| i.pattern == row.pattern)
        {
            return Err(Error::wrong_state(format!("{target} ignores {pattern:?} already")).into());
        }
        let change = Change::IgnoreAdd {
            pattern: row.pattern.clone(),
            reason: row.reason.clone(),
        };
        Ok(((), Emit::new(target.to_string(), change)))
    })?;
    Ok(row)
}

pub fn ignore_remove(s: &mut Session, target: &Target, pattern: &str) -> anyhow::Result<()> {
    project::load_managed(s, target)?;
    s.emit_with(|db| {
        if !release_checks::ignores(db, &[target.to_string().as_str()])?
            .iter()
            .any(|i| i.pattern == pattern)
        {
            return Err(Error::not_found(format!("{target} does not ignore {pattern:?}")).into());
        }
        let change = Change::IgnoreRemove {
            pattern: pattern.to_string(),
        };
        Ok(((), Emit::new(target.to_string(), change)))
    })
}

pub fn ignore_list(s: &Session, target: &Target) -> anyhow::Result<Vec<IgnoreRow>> {
    project::load(s.store.db(), target)?;
    release_checks::ignores(s.store.db(), &[target.to_string().as_str()])
}
