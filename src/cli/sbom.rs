//! `relmgr sbom TARGET@VERSION --format cyclonedx|spdx`.

use std::path::PathBuf;
use std::process::ExitCode;

use relmgr::model::ReleaseRef;

use super::{Ctx, parse};

/// `--format`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    Cyclonedx,
    Spdx,
}

impl From<FormatArg> for relmgr::ops::sbom::Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Cyclonedx => Self::Cyclonedx,
            FormatArg::Spdx => Self::Spdx,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct SbomArgs {
    /// The release: TARGET@VERSION, e.g. demo@1.2.0 (a version never carries its rcN)
    #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
    pub release: ReleaseRef,
    /// cyclonedx or spdx
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// The revision to describe [default: the released one, else the newest]
    #[arg(long, value_parser = parse::<relmgr::model::RevisionNo>)]
    pub revision: Option<relmgr::model::RevisionNo>,
    /// Write to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `sbom`: the document itself is the output (also with --json).
pub fn run(ctx: &Ctx, a: SbomArgs) -> anyhow::Result<ExitCode> {
    let s = ctx.session()?;
    let doc = relmgr::ops::sbom::sbom(&s, &a.release, a.revision, a.format.into())?;
    match a.output {
        Some(p) => {
            std::fs::write(&p, &doc)
                .map_err(|e| relmgr::error::Error::usage(p.display().to_string()).caused_by(e))?;
            ctx.out.status(&format!("Wrote {}.", p.display()));
        }
        None => crate::cli::output::write_stdout(&doc),
    }
    Ok(ExitCode::SUCCESS)
}
