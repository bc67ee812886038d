//! The domain types. Each is parsed once (`FromStr`) and valid from then on, so the core never
//! re-checks strings. Parse errors are usage errors (exit 2) naming the culprit.

mod cve;
pub mod event;
mod fingerprint;
mod ids;
mod package;
mod state;
mod time;
mod version;

pub use cve::{Cve, CveId};
pub use fingerprint::Fingerprint;
pub use ids::{
    PackageName, ReleaseRef, RevisionNo, Role, Target, TargetKey, UserId, check_no_bidi,
    is_bidi_control,
};
pub use package::{External, Labels, Package, media_type};
pub use state::{Phase, Stage};
pub use time::Time;
pub use version::Version;
