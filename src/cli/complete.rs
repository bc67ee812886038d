//! Dynamic shell completion (clap_complete's `CompleteEnv`): the scripts `relmgr completions
//! SHELL` prints call `COMPLETE=SHELL relmgr -- WORDS…`, which completes subcommands and flags
//! from the command definitions and release names and user ids from the store (`--store` is not
//! seen at that point: `$RELMGR_STORE`, else the nearest `.relmgr/` upward). Completion never
//! fails aloud: without a store there is simply nothing to offer.

use clap::CommandFactory;
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};

use super::Cli;
use crate::output::printable;

/// Answers a completion request and exits, when `$COMPLETE` asks for one; else returns.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
}

/// The registration script of `shell` (what `relmgr completions SHELL` prints).
pub fn registration(shell: clap_complete::Shell) -> anyhow::Result<Vec<u8>> {
    use clap_complete::env::EnvCompleter;
    let mut buf = Vec::new();
    let (var, name, bin, completer) = ("COMPLETE", "relmgr", "relmgr", "relmgr");
    match shell {
        clap_complete::Shell::Bash => {
            clap_complete::env::Bash.write_registration(var, name, bin, completer, &mut buf)?
        }
        clap_complete::Shell::Zsh => {
            clap_complete::env::Zsh.write_registration(var, name, bin, completer, &mut buf)?
        }
        clap_complete::Shell::Fish => {
            clap_complete::env::Fish.write_registration(var, name, bin, completer, &mut buf)?
        }
        clap_complete::Shell::Elvish => {
            clap_complete::env::Elvish.write_registration(var, name, bin, completer, &mut buf)?
        }
        clap_complete::Shell::PowerShell => clap_complete::env::Powershell
            .write_registration(var, name, bin, completer, &mut buf)?,
        other => anyhow::bail!("no completion for {other}"),
    }
    Ok(buf)
}

/// The store's index, read-only, if there is a store here.
fn index() -> Option<rusqlite::Connection> {
    let dir = crate::store::locate(None).ok()?;
    crate::store::integrity::open_read_only(&dir).ok()
}

/// Completes a release (`demo@1.2.0`).
pub fn releases() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        index()
            .and_then(|db| crate::store::names::release_refs(&db).ok())
            .unwrap_or_default()
            .into_iter()
            .map(|r| CompletionCandidate::new(printable(&r, false).into_owned()))
            .collect::<Vec<_>>()
    })
}

/// Completes a user id, with the user's name as its help where one is kept.
pub fn users() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        index()
            .and_then(|db| crate::store::names::user_ids(&db).ok())
            .unwrap_or_default()
            .into_iter()
            .map(|(id, name)| {
                let c = CompletionCandidate::new(printable(&id, false).into_owned());
                match name {
                    Some(n) if !n.is_empty() => {
                        c.help(Some(printable(&n, false).into_owned().into()))
                    }
                    _ => c,
                }
            })
            .collect::<Vec<_>>()
    })
}
