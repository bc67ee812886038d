//! Release votes: the rule that decides them ([`rule`]) and the reading of
//! votes from a mailing-list thread ([`mbox`]).
//!
//! This module is self-contained and does no I/O: callers pass in bytes and
//! times.

pub mod mbox;
pub mod rule;

pub use mbox::{MailMessage, MboxError, Reading, Thread, last_votes, parse_thread};
pub use rule::{
    Ballot, CloseRefusal, CloseRequest, Closure, Evaluation, Outcome, Policy, Tallies, Tally,
    Value, WindowError, close, closes_at, evaluate, rule_holds, tally,
};
