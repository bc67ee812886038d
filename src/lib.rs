//! relmgr: carry a software release from staged files to a signed, voted, published and, when
//! needed, revoked release, with an audit trail. The binary is a thin shell over this library:
//! `cli` parses and prints, `ops` decides and changes, `store` owns SQL and files.

pub mod checks;
pub mod checksums;
pub mod cli;
pub mod clock;
pub mod digest;
pub mod distdir;
pub mod error;
pub mod git;
pub mod model;
pub mod ops;
pub mod output;
pub mod page;
pub mod perm;
pub mod pgp;
pub mod sbom;
pub mod store;
pub mod votes;

#[cfg(test)]
mod hostile_parsers;
