//! Dynamic shell completion (clap_complete's `CompleteEnv`): the scripts `relmgr completions
//! SHELL` prints call `COMPLETE=SHELL relmgr -- WORDS…`, which completes subcommands and flags
//! from the command definitions and release names and user ids from the store (the `--store` of
//! the line being completed, else `$RELMGR_STORE`, else the nearest `.relmgr/` upward).
//! Completion never fails aloud: without a store there is simply nothing to offer.

use clap::CommandFactory;
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};

use super::Cli;
use crate::cli::output::printable;

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

/// The store's index, read-only, if there is a store: the `--store` of the line being
/// completed, else `$RELMGR_STORE`, else the nearest `.relmgr/` upward.
fn index() -> Option<rusqlite::Connection> {
    let words: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let explicit = store_word(&words);
    let dir = relmgr::store::locate(explicit.as_deref()).ok()?;
    relmgr::store::integrity::open_read_only(&dir).ok()
}

/// The value of `--store DIR` or `--store=DIR` among the words after `--` (the line being
/// completed), if any.
fn store_word(argv: &[std::ffi::OsString]) -> Option<std::path::PathBuf> {
    let line = argv.iter().skip_while(|w| *w != "--").skip(1);
    let mut next_is_store = false;
    let mut found = None;
    for w in line {
        if next_is_store {
            found = Some(std::path::PathBuf::from(w));
            next_is_store = false;
        } else if w == "--store" {
            next_is_store = true;
        } else if let Some(v) = w.to_str().and_then(|w| w.strip_prefix("--store=")) {
            found = Some(std::path::PathBuf::from(v));
        }
    }
    found.filter(|p| !p.as_os_str().is_empty())
}

/// Completes a release (`demo@1.2.0`).
pub fn releases() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        index()
            .and_then(|db| relmgr::store::names::release_refs(&db).ok())
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
            .and_then(|db| relmgr::store::names::user_ids(&db).ok())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_of_the_line_being_completed() {
        let words = |w: &[&str]| w.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            store_word(&words(&[
                "relmgr", "--", "relmgr", "--store", "/s", "release", "show", "d"
            ])),
            Some("/s".into())
        );
        assert_eq!(
            store_word(&words(&[
                "relmgr",
                "--",
                "relmgr",
                "--store=/t",
                "release",
                "show",
                ""
            ])),
            Some("/t".into())
        );
        assert_eq!(
            store_word(&words(&["relmgr", "--", "relmgr", "release", "show"])),
            None
        );
        assert_eq!(
            store_word(&words(&["relmgr", "--", "relmgr", "--store", ""])),
            None
        );
    }
}
