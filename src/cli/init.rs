//! `relmgr init`.

use std::path::PathBuf;
use std::process::ExitCode;

use relmgr::model::UserId;
use relmgr::ops;

use super::{Ctx, parse};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to create `.relmgr/` [default: the current directory]
    pub dir: Option<PathBuf>,
    /// The first user, who becomes the store's admin
    #[arg(long, value_parser = parse::<UserId>)]
    pub user: UserId,
    /// The user's display name
    #[arg(long)]
    pub name: Option<String>,
    /// The user's email
    #[arg(long)]
    pub email: Option<String>,
}

pub fn run(ctx: &Ctx, a: Args) -> anyhow::Result<ExitCode> {
    let dir = match a.dir {
        Some(d) => d,
        None => std::env::current_dir()?,
    };
    let report = ops::init::init(&dir, &a.user, a.name, a.email)?;
    ctx.out.data(&report, || {
        format!(
            "Created a relmgr store in {}.\n{} is its admin.",
            report.store, report.user
        )
    });
    Ok(ExitCode::SUCCESS)
}
