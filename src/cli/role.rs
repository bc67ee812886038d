//! `relmgr role …`.

use std::process::ExitCode;

use crate::cli::output::table;
use relmgr::model::{Role, UserId};
use relmgr::ops::role::{self, Assignment, Scope};

use super::{Ctx, parse};

#[derive(Debug, clap::Subcommand)]
pub enum RoleCmd {
    /// Grant a role: pmc, committer or rm on a project; admin or member on `store`
    #[command(mut_args(explain_target))]
    Grant(AssignmentArgs),
    /// Revoke a role
    Revoke(AssignmentArgs),
    /// List roles, of one project (or `store`) or all
    List {
        /// A project, a product (PROJECT/PRODUCT), or `store` for the store-wide roles
        #[arg(value_parser = parse::<Scope>)]
        target: Option<Scope>,
    },
}

// The arguments of `role grant` and `role revoke` (only grant's help explains the target).
#[derive(Debug, clap::Args)]
pub struct AssignmentArgs {
    /// A project, a product (PROJECT/PRODUCT), or `store` for the store-wide roles
    #[arg(value_parser = parse::<Scope>)]
    target: Scope,
    /// The user's id
    #[arg(value_parser = parse::<UserId>, add = super::complete::users())]
    user: UserId,
    /// pmc, committer or rm on a project; admin or member on `store`
    #[arg(value_parser = parse::<Role>)]
    role: Role,
}

/// Grant's help says what the target is (in place: `mut_arg` would move it after the others).
fn explain_target(a: clap::Arg) -> clap::Arg {
    if a.get_id() == "target" {
        a.help("A project id, or `store`")
    } else {
        a
    }
}

impl From<AssignmentArgs> for Assignment {
    fn from(a: AssignmentArgs) -> Self {
        Assignment {
            scope: a.target,
            user: a.user,
            role: a.role,
        }
    }
}

pub fn run(ctx: &Ctx, cmd: RoleCmd) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    match cmd {
        RoleCmd::Grant(a) => {
            let r = role::grant(&mut s, &a.into())?;
            ctx.out.data(&r, || {
                if r.changed {
                    format!("{} is now {} of {}.", r.user, r.role, r.target)
                } else {
                    format!("{} was {} of {} already.", r.user, r.role, r.target)
                }
            });
        }
        RoleCmd::Revoke(a) => {
            let r = role::revoke(&mut s, &a.into())?;
            ctx.out.data(&r, || {
                let mut text = if r.changed {
                    format!("{} is no longer {} of {}.", r.user, r.role, r.target)
                } else {
                    format!("{} was not {} of {}.", r.user, r.role, r.target)
                };
                if !r.erased.is_empty() {
                    text.push_str(&format!(
                        "\nTheir {} were erased: they hold no committer or PMC role and gave no consent.",
                        r.erased.join(" and ")
                    ));
                }
                text
            });
        }
        RoleCmd::List { target } => {
            let list = role::list(&s, target.as_ref())?;
            ctx.out.data(&list, || {
                if list.is_empty() {
                    return "No roles.".into();
                }
                table(
                    &["target", "user", "role", "granted", "by"],
                    list.iter().map(|g| {
                        vec![
                            g.target.clone(),
                            g.user.clone(),
                            g.role.clone(),
                            g.granted_at.to_string(),
                            g.granted_by.clone(),
                        ]
                    }),
                )
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}
