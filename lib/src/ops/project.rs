//! Projects and products: create, list, show, edit. A product is a sub-line of a project
//! (`project/product`) with its own metadata; it inherits what it leaves empty.

use serde::Serialize;

use crate::error::Error;
use crate::machine::access;
use crate::machine::rules::{check_base_url, check_email, check_url};
use crate::model::event::Change;
use crate::model::{Target, TargetKey};
use crate::perm::Action;
use crate::store::{projects, projects::Meta, projects::Project};

use super::{Emit, Session};

/// Metadata given on the command line; `None` leaves a field as it is, `Some("")` clears it.
#[derive(Debug, Default, Clone)]
pub struct MetaInput {
    pub name: Option<String>,
    pub description: Option<String>,
    pub homepage: Option<String>,
    pub source_url: Option<String>,
    pub license: Option<String>,
    pub support_url: Option<String>,
    pub notify_emails: Option<Vec<String>>,
    /// SPDX ids accepted in file headers; `Some(vec![])` clears the list.
    pub header_licenses: Option<Vec<String>>,
    /// The download page the `[ANNOUNCE]` links.
    pub download_url: Option<String>,
    /// The base URL `publish --candidates` output is served under.
    pub candidates_url: Option<String>,
}

fn check_text(field: &str, value: &str) -> anyhow::Result<()> {
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(Error::usage(format!("{field} holds a control character")).into());
    }
    crate::model::check_no_bidi(field, value)?;
    Ok(())
}

/// Validates an SPDX license expression such as `Apache-2.0` or `MIT OR Apache-2.0`.
pub fn check_license(value: &str) -> anyhow::Result<()> {
    spdx::Expression::parse(value).map_err(|e| {
        Error::usage(format!(
            "license {value:?} is not an SPDX expression: {}",
            e.reason
        ))
        .hint("use SPDX identifiers, e.g. Apache-2.0 or MIT OR Apache-2.0")
    })?;
    Ok(())
}

fn opt(v: Option<String>, old: Option<String>) -> Option<String> {
    match v {
        None => old,
        Some(s) if s.is_empty() => None,
        Some(s) => Some(s),
    }
}

/// Applies the input over `base`, validating every field that is set.
fn apply(base: Meta, input: MetaInput) -> anyhow::Result<Meta> {
    if let Some(name) = &input.name {
        if name.trim().is_empty() {
            return Err(Error::usage("name is empty").into());
        }
        check_text("name", name)?;
    }
    if let Some(d) = &input.description {
        check_text("description", d)?;
    }
    for (field, v) in [
        ("homepage", &input.homepage),
        ("source URL", &input.source_url),
        ("support URL", &input.support_url),
        ("download URL", &input.download_url),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            check_url(field, v)?;
        }
    }
    if let Some(v) = input.candidates_url.as_deref().filter(|v| !v.is_empty()) {
        check_base_url("candidates URL", v)?;
    }
    if let Some(l) = input.license.as_deref().filter(|v| !v.is_empty()) {
        check_license(l)?;
    }
    for id in input.header_licenses.iter().flatten() {
        if spdx::license_id(id).is_none() {
            return Err(
                Error::usage(format!("header license {id:?} is not an SPDX license id"))
                    .hint("use SPDX identifiers, e.g. MIT or BSD-3-Clause")
                    .into(),
            );
        }
    }
    if let Some(emails) = &input.notify_emails {
        for e in emails {
            check_email(e)?;
        }
    }
    Ok(Meta {
        name: input.name.unwrap_or(base.name),
        description: opt(input.description, base.description),
        homepage: opt(input.homepage, base.homepage),
        source_url: opt(input.source_url, base.source_url),
        license: opt(input.license, base.license),
        support_url: opt(input.support_url, base.support_url),
        notify_emails: input.notify_emails.unwrap_or(base.notify_emails),
        header_licenses: input.header_licenses.unwrap_or(base.header_licenses),
        download_url: opt(input.download_url, base.download_url),
        candidates_url: opt(input.candidates_url, base.candidates_url),
    })
}

/// Loads a project or product, or fails with exit 6 (naming the project when that is missing).
pub fn load(db: &rusqlite::Connection, target: &Target) -> anyhow::Result<Project> {
    let project = projects::get(db, None, target.project.as_str())?.ok_or_else(|| {
        Error::not_found(format!("no project {}", target.project)).hint("see `relmgr project list`")
    })?;
    let (parent @ Some(_), key) = target.parent_and_key() else {
        return Ok(project);
    };
    projects::get(db, parent, key)?.ok_or_else(|| {
        Error::not_found(format!("no product {target}"))
            .hint(format!("see `relmgr product list {}`", target.project))
            .into()
    })
}

/// Loads a project or product the acting user manages (pmc, rm or admin of its project),
/// else exit 6 / 4: the prologue of every command that changes a target's metadata or rules.
pub fn load_managed(s: &Session, target: &Target) -> anyhow::Result<Project> {
    let db = s.store.db();
    let p = load(db, target)?;
    access::require(
        db,
        &s.actor.id,
        Action::ManageRelease,
        Some(target.project.as_str()),
    )?;
    Ok(p)
}

/// `project create` (admin) and `product create` (pmc/rm of the project, or admin).
pub fn create(s: &mut Session, target: &Target, input: MetaInput) -> anyhow::Result<Project> {
    let db = s.store.db();
    match &target.product {
        None => access::require(db, &s.actor.id, Action::Administer, None)?,
        Some(_) => {
            load_managed(s, &target.parent())?;
        }
    }
    let (parent, key) = target.parent_and_key();
    if projects::get(db, parent, key)?.is_some() {
        let level = target.level();
        return Err(Error::wrong_state(format!("{level} {target} exists already")).into());
    }
    if input.name.is_none() {
        return Err(Error::usage("--name is required").into());
    }
    let meta = apply(Meta::default(), input)?;
    record(s, target, meta, true)
}

/// Logs a target's new metadata, its create (`created`) or edit event, and reads it back.
fn record(s: &mut Session, target: &Target, meta: Meta, created: bool) -> anyhow::Result<Project> {
    let change = match (created, target.product.is_some()) {
        (true, false) => Change::ProjectCreate { meta },
        (true, true) => Change::ProductCreate { meta },
        (false, false) => Change::ProjectEdit { meta },
        (false, true) => Change::ProductEdit { meta },
    };
    s.emit(Emit::new(target.to_string(), change))?;
    load(s.store.db(), target)
}

/// `project edit` / `product edit`: pmc or rm of the project, or admin.
pub fn edit(s: &mut Session, target: &Target, input: MetaInput) -> anyhow::Result<Project> {
    let current = load_managed(s, target)?;
    let meta = apply(current.meta, input)?;
    record(s, target, meta, false)
}

/// What `project show` prints: the project and its products.
#[derive(Debug, Serialize)]
pub struct ProjectView {
    #[serde(flatten)]
    pub project: Project,
    pub products: Vec<String>,
}

pub fn show(s: &Session, key: &TargetKey) -> anyhow::Result<ProjectView> {
    let db = s.store.db();
    let project = load(db, &Target::of_project(key.clone()))?;
    let products = projects::list(db, Some(key.as_str()))?
        .into_iter()
        .map(|p| p.target)
        .collect();
    Ok(ProjectView { project, products })
}

pub fn list(s: &Session) -> anyhow::Result<Vec<ProjectView>> {
    let db = s.store.db();
    let products = projects::all_products(db)?;
    Ok(projects::list(db, None)?
        .into_iter()
        .map(|p| ProjectView {
            products: products
                .iter()
                .filter(|q| q.project.as_deref() == Some(p.key.as_str()))
                .map(|q| q.target.clone())
                .collect(),
            project: p,
        })
        .collect())
}

pub fn list_products(s: &Session, project: Option<&TargetKey>) -> anyhow::Result<Vec<Project>> {
    let db = s.store.db();
    match project {
        Some(k) => {
            load(db, &Target::of_project(k.clone()))?;
            projects::list(db, Some(k.as_str()))
        }
        None => projects::all_products(db),
    }
}

/// Exposed for tests of validation.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_metadata() {
        assert!(check_license("Apache-2.0").is_ok());
        assert!(check_license("MIT OR Apache-2.0").is_ok());
        assert!(check_license("Apache 2").is_err());
    }
}
