//! The download pages that `publish` writes (SPEC §9): gathers what [`crate::page`] renders
//! from the releases a publication covers, the projects' metadata and their products.

use std::collections::{BTreeSet, HashMap};

use rusqlite::Connection;

use crate::model::Phase;
use crate::model::{Stage, Time};
use crate::page::{
    self, ArchivedRelease, CurrentRelease, ProjectPage, RevokedRelease, Section, Urls,
};
use crate::store::projects;
use crate::store::release_sets;
use crate::store::releases::{Release, StoredPackage};

/// A release as `publish` placed it.
pub struct Shown<'a> {
    pub release: &'a Release,
    pub packages: Vec<StoredPackage>,
    /// Its files are in the tree (current and not archived).
    pub in_tree: bool,
    pub cves: Vec<String>,
    /// The SBOMs written beside its packages: (name, path in the tree, size).
    pub sboms: Vec<(String, String, u64)>,
}

/// `YYYY-MM-DD` of a time (UTC).
fn day(t: Time) -> String {
    t.timestamp().strftime("%Y-%m-%d").to_string()
}

/// The day each shown release became current, from one read of their stage histories.
fn release_days(db: &Connection, shown: &[Shown<'_>]) -> anyhow::Result<HashMap<i64, String>> {
    let ids: Vec<i64> = shown.iter().map(|s| s.release.id).collect();
    Ok(release_sets::stage_histories(db, &ids)?
        .into_iter()
        .filter_map(|(id, history)| {
            let first = history.into_iter().find(|c| c.stage == Stage::Current)?;
            Some((id, day(first.at)))
        })
        .collect())
}

fn section(
    days: &HashMap<i64, String>,
    target: &str,
    name: &str,
    shown: &[Shown<'_>],
) -> anyhow::Result<Section> {
    let mut current = Vec::new();
    let mut revoked = Vec::new();
    let mut archived = Vec::new();
    let mut mine: Vec<&Shown<'_>> = shown
        .iter()
        .filter(|s| s.release.target == target)
        .collect();
    // Newest first.
    mine.sort_by(|a, b| b.release.version.cmp(&a.release.version));
    for s in mine {
        let rel = s.release;
        if s.in_tree {
            let files = s
                .packages
                .iter()
                .map(|p| page::File {
                    name: p.name.clone(),
                    path: p
                        .external_url
                        .is_none()
                        .then(|| format!("{}/{}/{}", rel.target, rel.version, p.name)),
                    external_url: p.external_url.clone(),
                    sha256: p.sha256.clone(),
                    size: p.size,
                    platform: p.platform.clone(),
                    arch: p.arch.clone(),
                })
                .collect();
            current.push(CurrentRelease {
                version: rel.version.to_string(),
                date: days.get(&rel.id).cloned(),
                files,
                sboms: s.sboms.clone(),
                cves: s.cves.clone(),
            });
        } else if rel.stage == Stage::Revoked {
            revoked.push(RevokedRelease {
                version: rel.version.to_string(),
                date: rel.revoked_at.map(day),
                reason: rel.reason.clone(),
                cves: s.cves.clone(),
            });
        } else if rel.phase == Some(Phase::Archived) {
            archived.push(ArchivedRelease {
                version: rel.version.to_string(),
                date: days.get(&rel.id).cloned(),
                cves: s.cves.clone(),
            });
        }
    }
    Ok(Section {
        target: target.to_string(),
        name: name.to_string(),
        current,
        revoked,
        archived,
    })
}

/// The pages to write, as (path relative to the publish directory, HTML): two per project
/// (`index.html` and `archive.html`) and,
/// when the publication covers every project, the top `index.html`.
pub fn pages(
    db: &Connection,
    projects_covered: &BTreeSet<String>,
    shown: &[Shown<'_>],
    urls: &Urls,
    with_top: bool,
) -> anyhow::Result<Vec<(String, String)>> {
    let days = release_days(db, shown)?;
    let mut project_pages = Vec::new();
    for key in projects_covered {
        let Some(p) = projects::get(db, None, key)? else {
            continue;
        };
        let mut sections = vec![section(&days, key, &p.meta.name, shown)?];
        for product in projects::list(db, Some(key))? {
            sections.push(section(&days, &product.target, &product.meta.name, shown)?);
        }
        project_pages.push(ProjectPage {
            key: key.clone(),
            name: p.meta.name.clone(),
            description: p.meta.description.clone(),
            homepage: p.meta.homepage.clone(),
            sections,
        });
    }
    let mut out: Vec<(String, String)> = project_pages
        .iter()
        .flat_map(|p| {
            [
                (format!("{}/index.html", p.key), page::project_page(p, urls)),
                (
                    format!("{}/archive.html", p.key),
                    page::archive_page(p, urls),
                ),
            ]
        })
        .collect();
    if with_top {
        out.push(("index.html".into(), page::top_page(&project_pages, urls)));
    }
    Ok(out)
}
