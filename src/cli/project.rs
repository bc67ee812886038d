//! `relmgr project …` and `relmgr product …`.

use std::process::ExitCode;

use crate::cli::output::{fields, join, table};
use relmgr::model::{Target, TargetKey};
use relmgr::ops::project::{self, MetaInput, ProjectView};
use relmgr::store::projects::Project;

use super::{Ctx, parse};

/// Metadata flags shared by create and edit. An empty value clears a field on edit.
#[derive(Debug, clap::Args, Default)]
pub struct MetaArgs {
    /// Display name
    #[arg(long)]
    pub name: Option<String>,
    /// One-paragraph description
    #[arg(long)]
    pub description: Option<String>,
    /// Homepage URL (http or https)
    #[arg(long)]
    pub homepage: Option<String>,
    /// Source repository URL
    #[arg(long)]
    pub source: Option<String>,
    /// License as an SPDX expression, e.g. Apache-2.0
    #[arg(long)]
    pub license: Option<String>,
    /// Support (issues, mailing list) URL
    #[arg(long)]
    pub support: Option<String>,
    /// Email to notify of votes and announcements (repeatable; replaces the list on edit)
    #[arg(long = "notify", value_name = "EMAIL")]
    pub notify: Vec<String>,
    /// SPDX id accepted in file headers by `check` (repeatable; replaces the list; "" clears
    /// it) [default: the ids of --license]
    #[arg(long = "header-license", value_name = "SPDX")]
    pub header_license: Vec<String>,
    /// The download page the [ANNOUNCE] mail links (http or https); it comes before the URLs
    /// of the last `publish --base-url`
    #[arg(long, value_name = "URL")]
    pub download_url: Option<String>,
    /// Where `publish --candidates` output is served (http or https): `vote start` without
    /// --candidates-url calls the vote on URL/<target>/<version>-<rcN>/
    #[arg(long, value_name = "URL")]
    pub candidates_url: Option<String>,
}

impl From<MetaArgs> for MetaInput {
    fn from(a: MetaArgs) -> Self {
        MetaInput {
            name: a.name,
            description: a.description,
            homepage: a.homepage,
            source_url: a.source,
            license: a.license,
            support_url: a.support,
            notify_emails: (!a.notify.is_empty()).then_some(a.notify),
            header_licenses: (!a.header_license.is_empty()).then(|| {
                a.header_license
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect()
            }),
            download_url: a.download_url,
            candidates_url: a.candidates_url,
        }
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum ProjectCmd {
    /// Create a project (admin)
    #[command(mut_arg("name", |a| a.required(true)))]
    Create {
        /// The project id: lowercase letters, digits and '-'
        #[arg(value_parser = parse::<TargetKey>, value_name = "ID")]
        key: TargetKey,
        #[command(flatten)]
        meta: MetaArgs,
    },
    /// List projects
    List,
    /// Show one project
    Show {
        /// The project's id, e.g. demo
        #[arg(value_parser = parse::<TargetKey>, value_name = "ID")]
        key: TargetKey,
    },
    /// Change a project's metadata (pmc, rm or admin)
    Edit {
        /// The project's id, e.g. demo
        #[arg(value_parser = parse::<TargetKey>, value_name = "ID")]
        key: TargetKey,
        #[command(flatten)]
        meta: MetaArgs,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum ProductCmd {
    /// Create a product of a project (pmc, rm or admin)
    #[command(mut_arg("name", |a| a.required(true)))]
    Create {
        /// PROJECT/PRODUCT
        #[arg(value_parser = parse::<Target>)]
        target: Target,
        #[command(flatten)]
        meta: MetaArgs,
    },
    /// List products, of one project or all
    List {
        /// The project's id, e.g. demo
        #[arg(value_parser = parse::<TargetKey>)]
        project: Option<TargetKey>,
    },
    /// Show one product
    Show {
        /// A project or a product: PROJECT or PROJECT/PRODUCT
        #[arg(value_parser = parse::<Target>)]
        target: Target,
    },
    /// Change a product's metadata (pmc, rm or admin)
    Edit {
        /// A project or a product: PROJECT or PROJECT/PRODUCT
        #[arg(value_parser = parse::<Target>)]
        target: Target,
        #[command(flatten)]
        meta: MetaArgs,
    },
}

fn product_target(t: Target) -> anyhow::Result<Target> {
    if t.product.is_none() {
        return Err(relmgr::error::Error::usage(format!("{t} is not PROJECT/PRODUCT")).into());
    }
    Ok(t)
}

fn render(p: &Project, products: Option<&[String]>) -> String {
    fields(&[
        (
            if p.project.is_some() {
                "product"
            } else {
                "project"
            },
            Some(p.target.clone()),
        ),
        ("name", Some(p.meta.name.clone())),
        ("description", p.meta.description.clone()),
        ("homepage", p.meta.homepage.clone()),
        ("source", p.meta.source_url.clone()),
        ("license", p.meta.license.clone()),
        ("support", p.meta.support_url.clone()),
        ("notify", join(&p.meta.notify_emails)),
        ("header licenses", join(&p.meta.header_licenses)),
        ("download page", p.meta.download_url.clone()),
        ("candidates", p.meta.candidates_url.clone()),
        ("version", p.version.clone()),
        ("products", products.and_then(join)),
        ("created", Some(p.created_at.to_string())),
    ])
}

fn render_list(items: &[&Project]) -> String {
    if items.is_empty() {
        return "None yet.".into();
    }
    table(
        &["target", "name", "version", "license"],
        items.iter().map(|p| {
            vec![
                p.target.clone(),
                p.meta.name.clone(),
                p.version.clone().unwrap_or_default(),
                p.meta.license.clone().unwrap_or_default(),
            ]
        }),
    )
}

pub fn run_project(ctx: &Ctx, cmd: ProjectCmd) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    match cmd {
        ProjectCmd::Create { key, meta } => {
            let p = project::create(&mut s, &Target::of_project(key), meta.into())?;
            ctx.out.status(&format!("Created project {}.", p.target));
            ctx.out.data(&p, || render(&p, None));
        }
        ProjectCmd::List => {
            let list = project::list(&s)?;
            let refs: Vec<&Project> = list.iter().map(|v: &ProjectView| &v.project).collect();
            ctx.out.data(&list, || render_list(&refs));
        }
        ProjectCmd::Show { key } => {
            let v = project::show(&s, &key)?;
            ctx.out.data(&v, || render(&v.project, Some(&v.products)));
        }
        ProjectCmd::Edit { key, meta } => {
            let p = project::edit(&mut s, &Target::of_project(key), meta.into())?;
            ctx.out.status(&format!("Updated project {}.", p.target));
            ctx.out.data(&p, || render(&p, None));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_product(ctx: &Ctx, cmd: ProductCmd) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    match cmd {
        ProductCmd::Create { target, meta } => {
            let p = project::create(&mut s, &product_target(target)?, meta.into())?;
            ctx.out.status(&format!("Created product {}.", p.target));
            ctx.out.data(&p, || render(&p, None));
        }
        ProductCmd::List { project: key } => {
            let list = project::list_products(&s, key.as_ref())?;
            let refs: Vec<&Project> = list.iter().collect();
            ctx.out.data(&list, || render_list(&refs));
        }
        ProductCmd::Show { target } => {
            let p = project::load(s.store.db(), &product_target(target)?)?;
            ctx.out.data(&p, || render(&p, None));
        }
        ProductCmd::Edit { target, meta } => {
            let p = project::edit(&mut s, &product_target(target)?, meta.into())?;
            ctx.out.status(&format!("Updated product {}.", p.target));
            ctx.out.data(&p, || render(&p, None));
        }
    }
    Ok(ExitCode::SUCCESS)
}
