//! Who may do what: SPEC §1's permission table as one pure function. Every command asks
//! [`check`] (through `machine::access`), so the table lives in exactly one place.

use crate::model::Role;

/// Something a user may or may not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A vote that counts toward the rule.
    BindingVote,
    /// Any vote (non-binding unless PMC).
    Vote,
    /// Stage, sign, start and close votes, promote, revoke, edit metadata and policy.
    ManageRelease,
    /// Import, retire or export keys of any user.
    ManageAnyKey,
    /// Import, generate or retire one's own key.
    ManageOwnKey,
    /// Read a project's events.
    ViewProjectEvents,
    /// Read every event of the store.
    ViewAllEvents,
    /// Create projects and grant store roles.
    Administer,
    /// Grant and revoke a project's roles.
    ManageRoles,
    /// Add users and record their consent.
    ManageUsers,
    /// Write a signed dist tree (`publish`): PMC or RM only.
    Publish,
}

impl Action {
    /// Words for the refusal message: "may not …".
    pub fn describe(self) -> &'static str {
        match self {
            Action::BindingVote => "cast a binding vote",
            Action::Vote => "vote",
            Action::ManageRelease => "manage releases, policy and metadata",
            Action::ManageAnyKey => "manage other users' keys",
            Action::ManageOwnKey => "manage their own keys",
            Action::ViewProjectEvents => "view the project's events",
            Action::ViewAllEvents => "view all events",
            Action::Administer => "administer the store",
            Action::ManageRoles => "grant or revoke the project's roles",
            Action::ManageUsers => "add users or record consent",
            Action::Publish => "publish the project's releases",
        }
    }
}

/// What the acting user holds, as far as one decision is concerned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holder {
    /// Roles on the project in question.
    pub project: Vec<Role>,
    /// Store-wide roles (admin, member).
    pub store: Vec<Role>,
    /// PMC of at least one project.
    pub pmc_anywhere: bool,
    /// The user has recorded consent to keep their name and email.
    pub consent: bool,
}

impl Holder {
    fn has(&self, role: Role) -> bool {
        self.project.contains(&role) || self.store.contains(&role)
    }
}

/// The roles that would allow an action, for the refusal message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub needs: &'static str,
}

/// Decides whether `holder` may do `action`.
pub fn check(action: Action, holder: &Holder) -> Result<(), Refusal> {
    use Role::*;
    let (ok, needs) = match action {
        Action::BindingVote => (holder.has(Pmc), "pmc"),
        Action::Vote => (
            holder.has(Pmc) || holder.has(Rm) || holder.has(Committer) || holder.consent,
            "pmc, rm or committer, or recorded consent",
        ),
        Action::ManageRelease => (
            holder.has(Pmc) || holder.has(Rm) || holder.has(Admin),
            "pmc or rm of the project, or admin",
        ),
        Action::ManageAnyKey => (
            holder.has(Pmc) || holder.has(Admin),
            "pmc of the project, or admin",
        ),
        Action::ManageOwnKey => (
            holder.has(Pmc) || holder.has(Rm) || holder.has(Admin),
            "pmc or rm of a project, or admin",
        ),
        Action::ViewProjectEvents => (true, ""),
        Action::ViewAllEvents => (holder.has(Member) || holder.has(Admin), "member or admin"),
        Action::Administer => (holder.has(Admin), "admin"),
        Action::ManageRoles => (
            holder.has(Pmc) || holder.has(Admin),
            "pmc of the project, or admin",
        ),
        Action::ManageUsers => (
            holder.has(Admin) || holder.pmc_anywhere,
            "admin, or pmc of a project",
        ),
        Action::Publish => (
            holder.has(Pmc) || holder.has(Rm),
            "pmc or rm of the project",
        ),
    };
    if ok { Ok(()) } else { Err(Refusal { needs }) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;

    fn holder(project: &[Role], store: &[Role]) -> Holder {
        Holder {
            project: project.to_vec(),
            store: store.to_vec(),
            pmc_anywhere: project.contains(&Role::Pmc),
            consent: false,
        }
    }

    /// SPEC §1's table, row by row: (action, pmc, rm, committer, known, admin, member).
    #[test]
    fn the_permission_table() {
        let table: &[(Action, [bool; 6])] = &[
            (BindingVote, [true, false, false, false, false, false]),
            (Vote, [true, true, true, false, false, false]),
            (ManageRelease, [true, true, false, false, true, false]),
            (ManageAnyKey, [true, false, false, false, true, false]),
            (ManageOwnKey, [true, true, false, false, true, false]),
            (ViewProjectEvents, [true, true, true, true, true, true]),
            (ViewAllEvents, [false, false, false, false, true, true]),
            (Administer, [false, false, false, false, true, false]),
            (ManageRoles, [true, false, false, false, true, false]),
            (ManageUsers, [true, false, false, false, true, false]),
            (Publish, [true, true, false, false, false, false]),
        ];
        let holders = [
            holder(&[Role::Pmc], &[]),
            holder(&[Role::Rm], &[]),
            holder(&[Role::Committer], &[]),
            holder(&[], &[]),
            holder(&[], &[Role::Admin]),
            holder(&[], &[Role::Member]),
        ];
        for (action, expected) in table {
            for (h, want) in holders.iter().zip(expected) {
                assert_eq!(check(*action, h).is_ok(), *want, "{action:?} for {h:?}");
            }
        }
    }

    #[test]
    fn anyone_known_votes_only_with_consent() {
        let mut h = holder(&[], &[]);
        assert!(check(Vote, &h).is_err());
        h.consent = true;
        assert!(check(Vote, &h).is_ok());
        assert!(check(BindingVote, &h).is_err());
    }
}
