//! `relmgr check TARGET@VERSION [--strict]`, `relmgr check --dir DIR [--keys KEYS]` (no store)
//! and `relmgr check ignore add|list|remove`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::output::table;
use relmgr::checks::Outcome;
use relmgr::error::{Error, Kind};
use relmgr::model::{ReleaseRef, RevisionNo, Target};
use relmgr::ops::check::{self, CheckReport};
use relmgr::ops::check_dir;

use super::{Ctx, parse};

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct CheckArgs {
    #[command(subcommand)]
    pub cmd: Option<CheckSub>,
    /// The release to check (its newest revision unless --revision)
    #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases(), required_unless_present = "dir", conflicts_with = "dir")]
    pub release: Option<ReleaseRef>,
    /// The revision to use, rcN [default: the newest]
    #[arg(long, value_parser = parse::<RevisionNo>, conflicts_with = "dir")]
    pub revision: Option<RevisionNo>,
    /// Check a downloaded candidate instead: packages with .asc and .sha512 (no store needed)
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// The KEYS file to check signatures with [default: DIR/KEYS]
    #[arg(long, value_name = "KEYS", requires = "dir")]
    pub keys: Option<PathBuf>,
    /// Compare each source archive with this tag or commit of the git repository around the
    /// store (or the current directory, with --dir): files only in one, or different
    #[arg(long, value_name = "REF")]
    pub git: Option<String>,
    /// With --dir: check packages matching GLOB as source archives (repeatable)
    #[arg(long = "source", value_name = "GLOB", requires = "dir")]
    pub source: Vec<String>,
    /// With --dir: packages matching GLOB are not source archives (repeatable)
    #[arg(long = "binary", value_name = "GLOB", requires = "dir")]
    pub binary: Vec<String>,
    /// With --dir: the project's license, an SPDX expression (e.g. MIT) [default: Apache-2.0 rules]
    #[arg(long, value_name = "SPDX", requires = "dir")]
    pub license: Option<String>,
    /// With --dir: paths the header check leaves out, one pattern a line (RAT's
    /// --input-exclude-file format; a source tree's own .rat-excludes is read too)
    #[arg(long, value_name = "FILE", requires = "dir")]
    pub ignore_file: Option<PathBuf>,
    /// Warnings fail too (exit 3)
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum CheckSub {
    /// Findings a project accepts, by glob over `PACKAGE`, `CHECK:PACKAGE` or `PACKAGE:ENTRY`
    #[command(subcommand)]
    Ignore(IgnoreCmd),
}

#[derive(Debug, clap::Subcommand)]
pub enum IgnoreCmd {
    /// Ignore findings matching PATTERN (recorded as an event)
    Add {
        /// A project or a product: PROJECT or PROJECT/PRODUCT
        #[arg(value_parser = parse::<Target>)]
        target: Target,
        /// A glob of paths inside the packages (e.g. `**/*.json`) that the check leaves out
        pattern: String,
        /// Why the finding is acceptable
        #[arg(long)]
        reason: String,
    },
    /// List a target's ignores
    List {
        /// A project or a product: PROJECT or PROJECT/PRODUCT
        #[arg(value_parser = parse::<Target>)]
        target: Target,
    },
    /// Stop ignoring PATTERN
    Remove {
        /// A project or a product: PROJECT or PROJECT/PRODUCT
        #[arg(value_parser = parse::<Target>)]
        target: Target,
        /// A glob of paths inside the packages (e.g. `**/*.json`) that the check leaves out
        pattern: String,
    },
}

fn word(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "pass",
        Outcome::Warn => "warn",
        Outcome::Fail => "fail",
        Outcome::Skip => "skip",
    }
}

/// The check × package table, with pass rows folded away when there are many (and said so).
pub fn render(r: &CheckReport) -> String {
    let shown: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.result != Outcome::Pass || r.findings.len() <= 40)
        .collect();
    let mut out = table(
        &["package", "check", "result", "reason"],
        shown.iter().map(|f| {
            vec![
                f.package.clone(),
                f.check.clone(),
                word(f.result).into(),
                f.reason.clone(),
            ]
        }),
    );
    let what = match r.revision.is_empty() {
        true => r.release.clone(),
        false => format!("{} {}", r.release, r.revision),
    };
    out.push_str(&format!(
        "\n{what}: {} pass, {} warn, {} fail, {} skip.",
        r.pass, r.warn, r.fail, r.skip
    ));
    for line in package_summaries(r) {
        out.push('\n');
        out.push_str(&line);
    }
    let hidden = r.findings.len() - shown.len();
    if hidden > 0 {
        out.push_str(&format!(
            "\n{hidden} passing rows not shown: --json lists every row and every flagged file."
        ));
    }
    out
}

/// One line per package: its blockers, warnings and notes (issue #30 item 6), then its SWHID
/// when the archive was read whole (item 7).
pub fn package_summaries(r: &CheckReport) -> Vec<String> {
    use relmgr::checks::Level;
    let mut names: Vec<&str> = Vec::new();
    for f in &r.findings {
        if f.package != relmgr::checks::RELEASE && !names.contains(&f.package.as_str()) {
            names.push(&f.package);
        }
    }
    names
        .into_iter()
        .map(|p| {
            let of = |l: Level| {
                r.findings
                    .iter()
                    .filter(|f| f.package == p && f.level == l)
                    .count()
            };
            let (b, w, n) = (of(Level::Blocker), of(Level::Warning), of(Level::Note));
            let verdict = match (b, w) {
                (0, 0) => "ok",
                (0, _) => "look at the warnings",
                _ => "blocked",
            };
            let swhid = r
                .findings
                .iter()
                .find_map(|f| (f.package == p).then_some(f.swhid.as_deref()).flatten())
                .map(|id| format!("\n  SWHID {id}"))
                .unwrap_or_default();
            format!(
                "{p}: {verdict}: {}, {}, {}.{swhid}",
                relmgr::checks::count_of(b, "blocker", "blockers"),
                relmgr::checks::count_of(w, "warning", "warnings"),
                relmgr::checks::count_of(n, "note", "notes")
            )
        })
        .collect()
}

/// Prints a report; exit 3 when something fails (or warns, with --strict).
fn finish(ctx: &Ctx, rep: &CheckReport, strict: bool) -> ExitCode {
    ctx.out.data(&rep.findings, || render(rep));
    if rep.fail > 0 || (strict && rep.warn > 0) {
        return ExitCode::from(Kind::Verification.exit_code());
    }
    ExitCode::SUCCESS
}

pub fn run(ctx: &Ctx, a: CheckArgs) -> anyhow::Result<ExitCode> {
    if let (None, Some(dir)) = (&a.cmd, &a.dir) {
        let opts = check_dir::DirOptions {
            keys: a.keys.clone(),
            git: a.git.clone(),
            source: a.source.clone(),
            binary: a.binary.clone(),
            license: a.license.clone(),
            ignore_file: a.ignore_file.clone(),
        };
        let rep = check_dir::check_dir_with(dir, &opts)?;
        return Ok(finish(ctx, &rep, a.strict));
    }
    let mut s = ctx.session()?;
    match (a.cmd, a.release) {
        (Some(CheckSub::Ignore(cmd)), _) => match cmd {
            IgnoreCmd::Add {
                target,
                pattern,
                reason,
            } => {
                let row = check::ignore_add(&mut s, &target, &pattern, &reason)?;
                ctx.out.data(&row, || {
                    format!(
                        "{} now ignores {:?}: {}.",
                        row.target, row.pattern, row.reason
                    )
                });
            }
            IgnoreCmd::List { target } => {
                let rows = check::ignore_list(&s, &target)?;
                ctx.out.data(&rows, || {
                    if rows.is_empty() {
                        return "No ignores.".into();
                    }
                    table(
                        &["pattern", "reason", "by", "at"],
                        rows.iter().map(|r| {
                            vec![
                                r.pattern.clone(),
                                r.reason.clone(),
                                r.added_by.clone(),
                                r.added_at.to_string(),
                            ]
                        }),
                    )
                });
            }
            IgnoreCmd::Remove { target, pattern } => {
                check::ignore_remove(&mut s, &target, &pattern)?;
                ctx.out.data(
                    &serde_json::json!({"target": target.to_string(), "removed": pattern}),
                    || format!("{target} no longer ignores {pattern:?}."),
                );
            }
        },
        (None, Some(r)) => {
            let rep = check::check(&mut s, &r, a.revision, a.git.as_deref())?;
            return Ok(finish(ctx, &rep, a.strict));
        }
        (None, None) => return Err(Error::usage("give TARGET@VERSION or --dir DIR").into()),
    }
    Ok(ExitCode::SUCCESS)
}
