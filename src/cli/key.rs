//! `relmgr key import|list|show|remove|assign|export|generate`, and the passphrase source every
//! signing command uses.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::output::{fields, join, table};
use relmgr::error::Error;
use relmgr::model::{TargetKey, UserId};
use relmgr::ops::keys::{self, KeyView};

use super::{Ctx, parse};

#[derive(Debug, clap::Subcommand)]
pub enum KeyCmd {
    /// Import certificates: armored or binary, keyrings, whole Apache KEYS files
    ///
    /// Also takes a revocation certificate (gpg's openpgp-revocs.d, sq key revoke) of a stored
    /// key. Version 6 (RFC 9580) keys are refused: gpg 2.4, sqv and rnp cannot read a KEYS file
    /// holding one.
    Import {
        /// Files holding one or many public keys (secret parts are stripped, never stored), or
        /// a revocation certificate
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The user who owns the keys [default: the one user whose email is in a key's user IDs;
        /// with none or several, the key has no owner and only verifies]. With several keys,
        /// only those whose user IDs match the user (by email, else by name) are imported
        /// (none: refused)
        #[arg(long, value_parser = parse::<UserId>)]
        user: Option<UserId>,
    },
    /// List keys with their status (valid, expired, revoked, retired)
    List {
        /// The user's id
        #[arg(long, value_parser = parse::<UserId>)]
        user: Option<UserId>,
    },
    /// Show one key by fingerprint or long key id
    Show {
        /// The key's fingerprint, or its key id (the last 16 hex digits)
        fpr: String,
    },
    /// Retire a key: it still verifies old signatures but signs nothing new
    Remove {
        /// The key's fingerprint, or its key id (the last 16 hex digits)
        fpr: String,
    },
    /// Give a registered key to another user (one imported for the wrong user, or for nobody)
    ///
    /// Needs the right to manage other users' keys. A retired or revoked key stays with its
    /// owner; what a key signed before keeps its verdict.
    Assign {
        /// The key's fingerprint, or its key id (the last 16 hex digits)
        fpr: String,
        /// The user who owns the key from now on
        #[arg(long, value_parser = parse::<UserId>)]
        user: UserId,
    },
    /// Write an Apache KEYS file of a project's members (or of every owned key)
    Export {
        /// Only the keys of this project's PMC, committers and release managers [default: every key]
        #[arg(value_parser = parse::<TargetKey>)]
        project: Option<TargetKey>,
        /// Write to FILE instead of stdout
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Generate an Ed25519 signing key for a user (tests, CI bots); the public part is registered
    Generate {
        /// The user's id
        #[arg(long, value_parser = parse::<UserId>)]
        user: UserId,
        /// Where to write the armored secret key (mode 0600; protected by the passphrase in
        /// $RELMGR_PASSPHRASE_FILE if set)
        #[arg(short, long, value_name = "SECRET.asc")]
        output: PathBuf,
    },
}

/// Reads the passphrase file named by `$RELMGR_PASSPHRASE_FILE` (first line), if set.
pub fn passphrase_from_env() -> anyhow::Result<Option<String>> {
    let Some(path) = std::env::var_os("RELMGR_PASSPHRASE_FILE").filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Error::usage(format!(
            "$RELMGR_PASSPHRASE_FILE {}: {e}",
            PathBuf::from(&path).display()
        ))
    })?;
    Ok(Some(text.lines().next().unwrap_or("").to_string()))
}

/// The passphrase source for signing: `$RELMGR_PASSPHRASE_FILE`, else a prompt on a terminal
/// naming the key it unlocks, else a clear error. Never argv.
pub fn passphrase_source(ctx: &Ctx) -> impl FnMut(&str) -> anyhow::Result<String> + '_ {
    move |which: &str| passphrase(ctx.global.may_prompt(), which)
}

/// One passphrase for the key `which` (user ID and key id): `$RELMGR_PASSPHRASE_FILE`, else a
/// prompt when `may_prompt`, else an error.
pub fn passphrase(may_prompt: bool, which: &str) -> anyhow::Result<String> {
    if let Some(p) = passphrase_from_env()? {
        return Ok(p);
    }
    if may_prompt {
        return Ok(dialoguer::Password::new()
            .with_prompt(passphrase_prompt(which))
            .interact()?);
    }
    Err(Error::usage(format!(
        "the secret key of {} is protected and no passphrase is available",
        crate::cli::output::printable(which, false)
    ))
    .hint("put it in a file and set $RELMGR_PASSPHRASE_FILE (relmgr never reads secrets from arguments)")
    .into())
}

/// The prompt for the passphrase of `which`, its user ID escaped (it is the key's own text).
pub fn passphrase_prompt(which: &str) -> String {
    format!(
        "Passphrase of the secret key of {}",
        crate::cli::output::printable(which, false)
    )
}

fn render(v: &KeyView) -> String {
    let k = &v.key;
    fields(&[
        ("fingerprint", Some(k.fingerprint.to_string())),
        ("key id", Some(k.key_id.clone())),
        ("status", Some(v.status.clone())),
        ("owner", k.user.clone()),
        ("algorithm", Some(k.algorithm.clone())),
        ("created", Some(k.created_at.to_string())),
        ("expires", k.expires_at.map(|t| t.to_string())),
        (
            "revoked",
            k.revoked_at
                .as_ref()
                .map(|t| format!("{t} ({})", k.revocation.clone().unwrap_or_default())),
        ),
        ("retired", k.retired_at.map(|t| t.to_string())),
        ("user ids", join(&k.user_ids)),
        (
            "subkeys",
            join(
                &k.subkeys
                    .iter()
                    .map(|s| {
                        format!(
                            "{} {}{}",
                            s.key_id,
                            s.algorithm,
                            if s.for_signing { " [S]" } else { "" }
                        )
                    })
                    .collect::<Vec<_>>(),
            ),
        ),
        ("signs", Some(if k.can_sign { "yes" } else { "no" }.into())),
    ])
}

pub fn run(ctx: &Ctx, cmd: KeyCmd) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    match cmd {
        KeyCmd::Import { files, user } => {
            let r = keys::import(&mut s, &files, user.as_ref())?;
            for k in r.keys.iter().filter(|k| k.secret_stripped) {
                ctx.out.status(&format!(
                    "Secret key material of {} was stripped: relmgr stores only public keys.",
                    k.fingerprint.as_deref().unwrap_or("a key")
                ));
            }
            let unowned = r
                .keys
                .iter()
                .filter(|k| k.result != "rejected" && k.result != "skipped" && k.owner.is_none())
                .count();
            let skipped = r.keys.iter().filter(|k| k.result == "skipped").count();
            if skipped > 0 {
                ctx.out.status(&format!(
                    "{skipped} key(s) of the file are not {}'s and were left out; import them without --user, or give one to a user with `relmgr key assign FPR --user ID`.",
                    r.owner.as_deref().unwrap_or("the user's")
                ));
            }
            if unowned > 0 {
                ctx.out.status(&format!(
                    "{unowned} key(s) have no owner: they verify but never sign. Give one an owner with `relmgr key assign FPR --user ID`."
                ));
            }
            ctx.out.data(&r, || {
                table(
                    &["fingerprint", "user id", "owner", "result", "note"],
                    r.keys.iter().map(|k| {
                        vec![
                            k.fingerprint
                                .as_ref()
                                .map(|f| f.to_string())
                                .unwrap_or_default(),
                            k.user_id.clone().unwrap_or_default(),
                            k.owner.clone().unwrap_or_else(|| "-".into()),
                            k.result.clone(),
                            k.reason.clone().or(k.note.clone()).unwrap_or_default(),
                        ]
                    }),
                )
            });
        }
        KeyCmd::List { user } => {
            let list = keys::list(&s, user.as_ref())?;
            ctx.out.data(&list, || {
                if list.is_empty() {
                    return "No keys.".into();
                }
                table(
                    &["fingerprint", "owner", "algorithm", "status", "user id"],
                    list.iter().map(|v| {
                        vec![
                            v.key.fingerprint.to_string(),
                            v.key.user.clone().unwrap_or_default(),
                            v.key.algorithm.clone(),
                            v.status.clone(),
                            v.key.user_ids.first().cloned().unwrap_or_default(),
                        ]
                    }),
                )
            });
        }
        KeyCmd::Show { fpr } => {
            let v = keys::show(&s, &fpr)?;
            ctx.out.data(&v, || render(&v));
        }
        KeyCmd::Remove { fpr } => {
            let v = keys::retire(&mut s, &fpr)?;
            ctx.out.status(&format!(
                "Retired key {}: it still verifies old signatures.",
                v.key.fingerprint
            ));
            ctx.out.data(&v, || render(&v));
        }
        KeyCmd::Assign { fpr, user } => {
            let v = keys::assign(&mut s, &fpr, &user)?;
            ctx.out.status(&format!(
                "Key {} belongs to {} now.",
                v.key.fingerprint, user
            ));
            ctx.out.data(&v, || render(&v));
        }
        KeyCmd::Export { project, output } => {
            let (text, n) = keys::export(&s, project.as_ref())?;
            match output {
                Some(path) => {
                    std::fs::write(&path, &text)
                        .map_err(|e| Error::usage(path.display().to_string()).caused_by(e))?;
                    let report = serde_json::json!({"file": path.display().to_string(), "keys": n});
                    ctx.out
                        .data(&report, || format!("Wrote {n} keys to {}.", path.display()));
                }
                None if ctx.out.json => {
                    ctx.out
                        .data(&serde_json::json!({"keys": n, "text": text}), String::new);
                }
                None => crate::cli::output::write_stdout(&text),
            }
        }
        KeyCmd::Generate { user, output } => {
            let pass = passphrase_from_env()?;
            let g = keys::generate(&mut s, &user, &output, pass)?;
            ctx.out.data(&g, || {
                format!(
                    "Generated Ed25519 key {} for {} ({}).\nThe secret key is in {}{}; its public part is registered.",
                    g.fingerprint,
                    g.user,
                    g.user_id,
                    g.secret_file,
                    if g.protected { ", protected by the passphrase" } else { ", unprotected" }
                )
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}
