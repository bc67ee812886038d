//! Release votes: the rule that decides them ([`rule`]), the reading of
//! votes from a mailing-list thread ([`mbox`]) and the cap on a vote's
//! comment ([`comment`]).
//!
//! This module is self-contained and does no I/O: callers pass in bytes and
//! times.

pub mod comment;
pub mod mbox;
pub mod rule;

pub use mbox::{MailMessage, Reading, apply_window, last_votes, parse_thread};
pub use rule::{
    Ballot, CloseRefusal, CloseRequest, Closure, Decision, Evaluation, Outcome, Policy, Tally,
    Value, close, closes_at, evaluate,
};
