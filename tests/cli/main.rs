//! ONE integration-test binary (fast to link): each module is a group of scenarios that drive
//! the real `relmgr` binary against a store in a temp dir.

mod common;

mod checks;
mod corpus;
mod crash;

mod docs;
mod foundation;
mod fsck;
mod keys;
mod lifecycle;
mod log;
mod page;
mod permissions;
mod projects;
mod published;
mod sbom;
mod scale;
mod stage;
mod tables;
mod users;
mod verify;
mod vote_import;
mod votes;
