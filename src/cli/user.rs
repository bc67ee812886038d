//! `relmgr user …`.

use std::process::ExitCode;

use crate::cli::output::{fields, table};
use relmgr::model::UserId;
use relmgr::ops::user::{self, NewUser, UserView};

use super::{Ctx, parse};

#[derive(Debug, clap::Subcommand)]
pub enum UserCmd {
    /// Add a user (admin, or pmc of a project)
    #[command(mut_args(explain_kept))]
    Add {
        #[command(flatten)]
        contact: ContactArgs,
        /// A service account (a CI bot) rather than a person
        #[arg(long)]
        service: bool,
        /// The user agreed that their name and email are kept
        #[arg(long)]
        consent: bool,
    },
    /// Set a user's name or email (themselves, admin, or pmc of a project)
    Edit(ContactArgs),
    /// List users
    List,
    /// Show one user and their roles
    Show {
        /// The user's id, e.g. alice
        #[arg(value_parser = parse::<UserId>, add = super::complete::users())]
        id: UserId,
    },
    /// Record (grant) or withdraw (revoke) consent; revoke erases name and email
    Consent {
        /// The user's id, e.g. alice
        #[arg(value_parser = parse::<UserId>, add = super::complete::users())]
        id: UserId,
        /// grant or revoke
        #[arg(value_enum)]
        action: ConsentAction,
    },
}

// A user and their name and email: what `user add` and `user edit` take.
#[derive(Debug, clap::Args)]
pub struct ContactArgs {
    /// The user's id, e.g. alice
    #[arg(value_parser = parse::<UserId>, add = super::complete::users())]
    id: UserId,
    /// The user's display name (personal data: kept with a role or consent)
    #[arg(long)]
    name: Option<String>,
    /// The user's email address (personal data: kept with a role or consent)
    #[arg(long)]
    email: Option<String>,
}

/// `user add`'s help says when a name and an email are kept (`user edit`'s says nothing).
fn explain_kept(a: clap::Arg) -> clap::Arg {
    match a.get_id().as_str() {
        "name" => a.help(
            "Display name (kept only with --consent unless the user becomes committer or PMC)",
        ),
        "email" => {
            a.help("Email (kept only with --consent unless the user becomes committer or PMC)")
        }
        _ => a,
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ConsentAction {
    Grant,
    Revoke,
}

fn roles_text(v: &UserView) -> Option<String> {
    let roles: Vec<String> = v
        .roles
        .iter()
        .map(|r| format!("{} {}", r.target, r.role))
        .collect();
    crate::cli::output::join(&roles)
}

fn render(v: &UserView) -> String {
    fields(&[
        ("user", Some(v.user.id.clone())),
        ("kind", Some(v.user.kind.clone())),
        ("name", v.user.name.clone()),
        ("email", v.user.email.clone()),
        (
            "consent",
            Some(match &v.user.consent_at {
                Some(at) if v.user.consent => format!("yes, since {at}"),
                _ => "no".into(),
            }),
        ),
        ("roles", roles_text(v)),
    ])
}

pub fn run(ctx: &Ctx, cmd: UserCmd) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    match cmd {
        UserCmd::Add {
            contact,
            service,
            consent,
        } => {
            let v = user::add(
                &mut s,
                NewUser {
                    id: contact.id,
                    name: contact.name,
                    email: contact.email,
                    service,
                    consent,
                },
            )?;
            ctx.out.status(&format!("Added user {}.", v.user.id));
            ctx.out.data(&v, || render(&v));
        }
        UserCmd::Edit(c) => {
            let v = user::edit(&mut s, &c.id, c.name, c.email)?;
            ctx.out.status(&format!("Updated user {}.", v.user.id));
            ctx.out.data(&v, || render(&v));
        }
        UserCmd::List => {
            let list = user::list(&s)?;
            ctx.out.data(&list, || {
                table(
                    &["user", "kind", "name", "email", "roles"],
                    list.iter().map(|v| {
                        vec![
                            v.user.id.clone(),
                            v.user.kind.clone(),
                            v.user.name.clone().unwrap_or_default(),
                            v.user.email.clone().unwrap_or_default(),
                            roles_text(v).unwrap_or_default(),
                        ]
                    }),
                )
            });
        }
        UserCmd::Show { id } => {
            let v = user::show(&s, &id)?;
            ctx.out.data(&v, || render(&v));
        }
        UserCmd::Consent { id, action } => {
            let r = user::consent(&mut s, &id, matches!(action, ConsentAction::Grant))?;
            ctx.out.data(&r, || {
                if r.consent {
                    format!("Recorded consent of {}.", r.user)
                } else if r.erased.is_empty() {
                    format!("Withdrew consent of {}; no personal data was kept.", r.user)
                } else {
                    format!(
                        "Withdrew consent of {} and erased their {} (also from {} audit events).",
                        r.user,
                        r.erased.join(" and "),
                        r.events_erased
                    )
                }
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}
