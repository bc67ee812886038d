//! The state machine (issue #26 item 5): the typed events' rule book and their application,
//! the one place that decides whether an event holds and what it changes, for a command's write
//! and for every replay alike.
//!
//! - `history.rs`: the order of a shared history and the rule book (`decide`, every event type;
//!   `judge_and_apply`, the hook every command's write goes through; `Replay`).
//! - `apply.rs`: what an event that holds changes in the index; `index.rs`: its pieces that a
//!   command also runs in a dry run, to tell what its event will change.
//! - `access.rs`: who may do what (the permission table of `crate::perm`, loaded from the index).
//! - `rules.rs`: the value rules (URLs, emails, git object ids, a stageable release) that a
//!   command checks before it writes and the rule book voids an event for.
//! - `signatures.rs`: whether an event is signed by its actor's key valid at its time.
//! - `replay.rs`: the index the log rebuilds (fsck, a rebuild).
//! - `vote_round.rs`: a vote round's policy and ballots as the vote rule takes them.
//!
//! Commands (`crate::ops`) build a [`crate::model::event::Change`] and emit it; they never apply
//! one themselves. The machine calls no command code: nothing under `src/machine/` names
//! `crate::ops` (the test `layers::the_machine_calls_no_command_code` in `src/lib.rs`).

pub mod access;
pub mod apply;
pub mod history;
pub mod index;
pub mod replay;
pub mod rules;
pub(crate) mod signatures;
pub(crate) mod vote_round;
