//! `relmgr fetch TARGET@VERSION [--revision rcN] --from DIR|URL`: the package bytes a clone
//! lacks, verified against the history.

use std::process::ExitCode;

use relmgr::model::{ReleaseRef, RevisionNo};
use relmgr::ops::fetch::{self, Origin};

use super::release::size;
use super::stage::progress_bar;
use super::{Ctx, parse};

#[derive(Debug, clap::Args)]
pub struct FetchArgs {
    /// The release whose package bytes to fetch (TARGET@VERSION)
    #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
    pub release: ReleaseRef,
    /// The revision whose packages to fetch [default: the newest]
    #[arg(long, value_parser = parse::<RevisionNo>)]
    pub revision: Option<RevisionNo>,
    /// Where the bytes are: a directory (a download, a `publish --candidates` or `publish` tree,
    /// another store's releases/) or an http(s):// base URL of one
    #[arg(long, value_name = "DIR|URL", value_parser = parse::<Origin>)]
    pub from: Origin,
}

pub fn run(ctx: &Ctx, a: FetchArgs) -> anyhow::Result<ExitCode> {
    let s = ctx.session()?;
    let sizes = fetch::plan(&s, &a.release, a.revision).unwrap_or_default();
    let bar = progress_bar(ctx, sizes.iter().sum(), sizes.len());
    let tick = |n: u64| {
        if let Some(b) = &bar {
            b.inc(n);
        }
    };
    let r = fetch::fetch(&s, &a.release, a.revision, &a.from, &tick);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let r = r?;
    for f in &r.fetched {
        ctx.out.detail(&format!("{} from {}", f.name, f.source));
    }
    ctx.out.data(&r, || {
        let n = r.fetched.len();
        let mut t = match n {
            0 => format!("Nothing to fetch for {} {}", r.release, r.revision),
            _ => format!(
                "Fetched {n} package{} ({}) of {} {}",
                if n == 1 { "" } else { "s" },
                size(r.bytes()),
                r.release,
                r.revision
            ),
        };
        if !r.present.is_empty() {
            t.push_str(&format!("; {} already present", r.present.len()));
        }
        if !r.external.is_empty() {
            t.push_str(&format!("; {} external (not stored)", r.external.len()));
        }
        t.push('.');
        t
    });
    Ok(ExitCode::SUCCESS)
}
