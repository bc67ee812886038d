//! Errors that callers branch on. Each kind maps to one exit code of SPEC §5; everything else is
//! an `anyhow::Error` and exits 1. The CLI's error funnel is the only place that turns them into
//! exit codes and messages.

use std::fmt;

/// The kinds of failure a script can tell apart by exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Failed with a hint worth showing: e.g. a mail server that refused (exit 1, like any
    /// untyped error).
    Failed,
    /// Bad flags or arguments (exit 2).
    Usage,
    /// A bad signature, checksum, SBOM or chain (exit 3).
    Verification,
    /// The acting user lacks the role (exit 4).
    NotAllowed,
    /// The thing exists but is in the wrong state (exit 5).
    WrongState,
    /// No such store, project, release, user or key (exit 6).
    NotFound,
}

impl Kind {
    /// The process exit code of SPEC §5.
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Failed => 1,
            Kind::Usage => 2,
            Kind::Verification => 3,
            Kind::NotAllowed => 4,
            Kind::WrongState => 5,
            Kind::NotFound => 6,
        }
    }

    /// The stable `code` field of the JSON error document.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Failed => "failed",
            Kind::Usage => "usage",
            Kind::Verification => "verification-failed",
            Kind::NotAllowed => "not-allowed",
            Kind::WrongState => "wrong-state",
            Kind::NotFound => "not-found",
        }
    }
}

/// A failure of a known kind, with a message, an optional hint and optional machine details.
#[derive(Debug)]
pub struct Error {
    pub kind: Kind,
    pub message: String,
    pub hint: Option<String>,
    pub details: serde_json::Value,
    /// What caused it: kept as a source, so `{:#}` and the JSON message show the whole chain
    /// and callers can still inspect it.
    pub source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hint: None,
            details: serde_json::Value::Null,
            source: None,
        }
    }
    pub fn failed(message: impl Into<String>) -> Self {
        Self::new(Kind::Failed, message)
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(Kind::NotFound, message)
    }
    pub fn not_allowed(message: impl Into<String>) -> Self {
        Self::new(Kind::NotAllowed, message)
    }
    pub fn wrong_state(message: impl Into<String>) -> Self {
        Self::new(Kind::WrongState, message)
    }
    pub fn verification(message: impl Into<String>) -> Self {
        Self::new(Kind::Verification, message)
    }
    /// Adds a `hint:` line shown after the message.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    /// Keeps the cause of this error as its source.
    pub fn caused_by(
        mut self,
        cause: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
    ) -> Self {
        self.source = Some(cause.into());
        self
    }
    /// Adds machine-readable details for the `--json` error document.
    pub fn details(mut self, details: serde_json::Value) -> Self {
        self.details = details;
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// Shorthand for returning a typed error.
#[macro_export]
macro_rules! bail_kind {
    ($ctor:ident, $($arg:tt)*) => {
        return Err($crate::error::Error::$ctor(format!($($arg)*)).into())
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cause_is_kept_as_a_source_and_shown_in_the_chain() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file");
        let e: anyhow::Error = Error::usage("dist/a.tar.gz").caused_by(io).into();
        assert_eq!(format!("{e:#}"), "dist/a.tar.gz: No such file");
        let typed = e.downcast_ref::<Error>().unwrap();
        assert_eq!(typed.kind, Kind::Usage);
        let source = std::error::Error::source(typed).unwrap();
        assert_eq!(
            source.downcast_ref::<std::io::Error>().unwrap().kind(),
            std::io::ErrorKind::NotFound
        );
    }
}
