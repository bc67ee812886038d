//! The overall deadline of a network command: a mail sent over SMTP, a `fetch` over HTTP.
//!
//! Per-read timeouts alone do not end a conversation with a server that answers slowly but
//! never stops (a `220-` line every 5 s, a byte every 2 s): each such command also has one
//! deadline for all of it, after which it gives up and exits 1 saying so. The limit comes from
//! `$RELMGR_NET_DEADLINE` (seconds, for every network command), else `[net] smtp_deadline` /
//! `fetch_deadline` of `config.toml`, else the defaults below.

use std::time::{Duration, Instant};

use crate::error::Error;
use crate::store::Config;

/// The environment variable that sets every network deadline, in seconds.
pub const ENV: &str = "RELMGR_NET_DEADLINE";

/// Sending one mail: a mail server that has not taken it in two minutes will not.
pub const SMTP_DEFAULT: Duration = Duration::from_secs(120);

/// One `fetch`: an hour, enough for gigabytes on a slow line; a server that drips stalls out
/// long before that (`crate::ops::fetch`).
pub const FETCH_DEFAULT: Duration = Duration::from_secs(3600);

/// Which network command a deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetCommand {
    Smtp,
    Fetch,
}

/// How long a network command may take, and where that was set (for messages).
#[derive(Debug, Clone)]
pub struct Limit {
    pub duration: Duration,
    pub source: String,
}

impl Limit {
    /// The limit for `command`: `$RELMGR_NET_DEADLINE`, then `[net]`, then the default. A
    /// value that is not a positive whole number of seconds is a usage error (exit 2).
    pub fn of(config: &Config, command: NetCommand) -> anyhow::Result<Limit> {
        Self::from(std::env::var(ENV).ok().as_deref(), config, command)
    }

    fn from(env: Option<&str>, config: &Config, command: NetCommand) -> anyhow::Result<Limit> {
        if let Some(v) = env {
            let secs = positive_seconds(v).ok_or_else(|| {
                Error::usage(format!(
                    "${ENV} is {v:?}: it takes a positive whole number of seconds"
                ))
            })?;
            return Ok(Limit {
                duration: Duration::from_secs(secs),
                source: format!("${ENV}"),
            });
        }
        let (key, set, default) = match command {
            NetCommand::Smtp => (
                "smtp_deadline",
                config.net.as_ref().and_then(|n| n.smtp_deadline),
                SMTP_DEFAULT,
            ),
            NetCommand::Fetch => (
                "fetch_deadline",
                config.net.as_ref().and_then(|n| n.fetch_deadline),
                FETCH_DEFAULT,
            ),
        };
        match set {
            Some(0) => Err(Error::usage(format!(
                "[net] {key} is 0: it takes a positive number of seconds"
            ))
            .into()),
            Some(secs) => Ok(Limit {
                duration: Duration::from_secs(secs),
                source: format!("[net] {key}"),
            }),
            None => Ok(Limit {
                duration: default,
                source: format!("the default; set [net] {key} or ${ENV}"),
            }),
        }
    }

    /// The deadline of a command that starts now.
    pub fn start(&self) -> Deadline {
        Deadline {
            at: Instant::now() + self.duration,
            limit: self.clone(),
        }
    }
}

fn positive_seconds(v: &str) -> Option<u64> {
    v.trim().parse::<u64>().ok().filter(|&s| s > 0)
}

/// A running command's deadline.
#[derive(Debug, Clone)]
pub struct Deadline {
    at: Instant,
    limit: Limit,
}

impl Deadline {
    /// The time left, at least a millisecond (a zero timeout means "none" to some clients).
    pub fn remaining(&self) -> Duration {
        self.at
            .saturating_duration_since(Instant::now())
            .max(Duration::from_millis(1))
    }

    /// Whether the deadline has passed.
    pub fn passed(&self) -> bool {
        Instant::now() >= self.at
    }

    /// `the overall deadline of 120 s passed (the default; …)`: why a command gave up.
    pub fn reason(&self) -> String {
        format!(
            "the overall deadline of {} s passed ({})",
            self.limit.duration.as_secs(),
            self.limit.source
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::NetSettings;

    fn config(net: Option<NetSettings>) -> Config {
        let mut c: Config = toml::from_str("format_version = 1").expect("a minimal config");
        c.net = net;
        c
    }

    #[test]
    fn the_env_then_the_config_then_the_default() {
        let none = config(None);
        let set = config(Some(NetSettings {
            smtp_deadline: Some(7),
            fetch_deadline: Some(9),
        }));
        let secs = |env: Option<&str>, c: &Config, cmd| {
            Limit::from(env, c, cmd).map(|l| l.duration.as_secs()).ok()
        };
        assert_eq!(secs(None, &none, NetCommand::Smtp), Some(120));
        assert_eq!(secs(None, &none, NetCommand::Fetch), Some(3600));
        assert_eq!(secs(None, &set, NetCommand::Smtp), Some(7));
        assert_eq!(secs(None, &set, NetCommand::Fetch), Some(9));
        assert_eq!(secs(Some("3"), &set, NetCommand::Smtp), Some(3));
        assert_eq!(secs(Some(" 3 "), &none, NetCommand::Fetch), Some(3));
        for bad in ["0", "-1", "1.5", "2s", ""] {
            assert_eq!(secs(Some(bad), &none, NetCommand::Smtp), None, "{bad:?}");
        }
        let zero = config(Some(NetSettings {
            smtp_deadline: Some(0),
            fetch_deadline: None,
        }));
        assert_eq!(secs(None, &zero, NetCommand::Smtp), None);
        let l = Limit::from(Some("5"), &none, NetCommand::Fetch).unwrap();
        assert!(
            l.start()
                .reason()
                .contains("5 s passed ($RELMGR_NET_DEADLINE)")
        );
    }
}
