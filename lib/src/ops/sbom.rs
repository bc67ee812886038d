//! `relmgr sbom`: the input of the SBOM writers, built from the store. The documents themselves
//! (CycloneDX 1.6, SPDX 2.3) are `crate::sbom`'s.

use crate::model::Stage;
use crate::model::{ReleaseRef, RevisionNo, Target};
use crate::sbom;
use crate::store::releases::{self, Release, Revision};
use crate::store::{cves, objects};

use super::{Session, project, release};

/// The two formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Cyclonedx,
    Spdx,
}

impl Format {
    /// The file name suffix `publish` uses.
    pub fn suffix(self) -> &'static str {
        match self {
            Format::Cyclonedx => "cdx.json",
            Format::Spdx => "spdx.json",
        }
    }
}

/// The SBOM writers' view of one release revision.
pub fn input(s: &Session, rel: &Release, rev: &Revision) -> anyhow::Result<sbom::Release> {
    let db = s.store.db();
    let target: Target = rel.target.parse()?;
    let p = project::load(db, &target)?;
    let parent = project::load(db, &target.parent())?;
    let packages = releases::packages(db, rev.id)?;
    // The writers read the packages (lockfiles, archive contents): without their bytes the
    // document would silently describe less.
    super::fetch::require_bytes(s, rel, rev, &packages)?;
    let files = packages
        .iter()
        .filter(|pk| pk.external_url.is_none())
        .map(|pk| (pk.sha256.clone(), objects::path(&s.store.dir, &pk.sha256)))
        .collect();
    let packages = packages.into_iter().map(|pk| pk.package).collect();
    Ok(sbom::Release {
        project: sbom::Project {
            key: rel.target.replace('/', "-"),
            name: p.meta.name.clone(),
            description: p
                .meta
                .description
                .clone()
                .or(parent.meta.description.clone()),
            homepage: p.meta.homepage.clone().or(parent.meta.homepage.clone()),
            source_url: p.meta.source_url.clone().or(parent.meta.source_url.clone()),
            license: p.meta.license.clone().or(parent.meta.license.clone()),
            supplier: parent.meta.name.clone(),
        },
        target: rel.target.clone(),
        version: rel.version.to_string(),
        revision: rev.label(),
        created_at: rev.created_at.timestamp(),
        packages,
        files,
        cves: cves::of_release(db, rel.id, &rel.target)?,
    })
}

/// Renders one document.
pub fn render(input: &sbom::Release, format: Format) -> anyhow::Result<String> {
    let v = env!("CARGO_PKG_VERSION");
    match format {
        Format::Cyclonedx => sbom::cyclonedx(input, v),
        Format::Spdx => sbom::spdx(input, v),
    }
}

/// `sbom TARGET@VERSION --format F [--revision rcN]`.
pub fn sbom(
    s: &Session,
    r: &ReleaseRef,
    which: Option<RevisionNo>,
    format: Format,
) -> anyhow::Result<String> {
    let db = s.store.db();
    let rel = release::load(db, r)?;
    let rev = match which {
        Some(_) => release::revision(db, &rel, which)?,
        None => match releases::passed_revision(db, rel.id)? {
            Some(r) if rel.stage != Stage::Candidate => r,
            _ => release::revision(db, &rel, None)?,
        },
    };
    render(&input(s, &rel, &rev)?, format)
}
