//! `relmgr fsck [--repair]`.

use std::process::ExitCode;

use crate::cli::output::table;

use super::Ctx;

#[derive(Debug, clap::Args)]
pub struct FsckArgs {
    /// Remove leftovers of interrupted runs and rebuild the releases/ tree and keys/
    #[arg(long)]
    pub repair: bool,
}

pub fn run(ctx: &Ctx, a: FsckArgs) -> anyhow::Result<ExitCode> {
    use relmgr::ops::fsck::Progress;
    let s = ctx.session()?;
    // A bar on a terminal only (never with --json or --quiet), for stores worth watching.
    let bar = std::sync::OnceLock::new();
    let progress = |p: Progress| match p {
        Progress::Objects(n) if n >= 1000 && ctx.out.progress_allowed() => {
            let b = indicatif::ProgressBar::new(n);
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} checking objects {pos}/{len} {per_sec} {wide_bar} {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            let _ = bar.set(b);
        }
        Progress::Objects(_) => {}
        Progress::ObjectDone => {
            if let Some(b) = bar.get() {
                b.inc(1);
            }
        }
    };
    let r = relmgr::ops::fsck::fsck(&s, a.repair, &progress)?;
    if let Some(b) = bar.get() {
        b.finish_and_clear();
    }
    ctx.out.data(&r, || {
        let mut t = format!(
            "Checked {} objects, {} packages, {} signatures and {} events.",
            r.objects, r.packages, r.signatures, r.events
        );
        if !r.findings.is_empty() {
            t.push('\n');
            t.push_str(&table(
                &["kind", "where", "problem", "repaired"],
                r.findings.iter().map(|f| {
                    vec![
                        f.kind.clone(),
                        f.place.clone(),
                        f.problem.clone(),
                        if f.repaired { "yes" } else { "no" }.into(),
                    ]
                }),
            ));
        }
        if !r.notes.is_empty() {
            t.push_str(
                "\nNotes: leftovers of interrupted runs (harmless; `fsck --repair` removes them).\n",
            );
            t.push_str(&table(
                &["where", "what", "removed"],
                r.notes.iter().map(|n| {
                    vec![
                        n.place.clone(),
                        n.problem.clone(),
                        if n.repaired { "yes" } else { "no" }.into(),
                    ]
                }),
            ));
        }
        t.push_str(if r.ok {
            "\nThe store is sound."
        } else {
            "\nfsck found problems."
        });
        t
    });
    Ok(if r.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(relmgr::error::Kind::Verification.exit_code())
    })
}
