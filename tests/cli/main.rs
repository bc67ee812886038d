//! ONE integration-test binary (fast to link): each module is a group of scenarios that drive
//! the real `relmgr` binary against a store in a temp dir.

mod common;

mod bad_refs;
mod check_dir;
mod check_git;
mod checks;
mod checks_rat;
mod checks_real;
mod corpus;
mod crash;

mod docs;
mod fetch;
mod first_contact;
mod forged;
mod foundation;
mod fsck;
mod git_init;
mod hostile;
mod keys;
mod keys_interop;
mod lifecycle;
mod log;
mod mail;
mod migrate;
mod old_sqlite;
mod output80;
mod page;
mod permissions;
mod projects;
mod published;
mod rulebook;
mod sbom;
mod scale;
mod signed;
mod snapshots;
mod stage;
mod sync;
mod tables;
mod typed;
mod users;
mod verify;
mod vote_import;
mod vote_review;
mod votes;
