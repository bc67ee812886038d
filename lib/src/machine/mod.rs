//! The state machine (issue #26 item 5): the typed events' rule book and their application,
//! the one place that decides whether an event holds and what it changes, for a command's write
//! and for every replay alike.
//!
//! - `history.rs`: the order of a shared history and the rule book (`decide`, every event type;
//!   `judge_and_apply`, the hook every command's write goes through; `Replay`).
//! - `apply.rs`: what an event that holds changes in the index.
//! - `signatures.rs`: whether an event is signed by its actor's key valid at its time.
//! - `replay.rs`: the index the log rebuilds (fsck, a rebuild).
//!
//! Commands (`crate::ops`) build a [`crate::model::event::Change`] and emit it; they never apply
//! one themselves.

pub mod apply;
pub mod history;
pub mod replay;
pub(crate) mod signatures;
