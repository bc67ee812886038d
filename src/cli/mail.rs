//! `--send`/`--to` of `vote start`, `vote close` and `announce`, and `relmgr mail resend SEQ`:
//! the mails over SMTP (SPEC §10, `relmgr::ops::smtp`).

use std::process::ExitCode;

use serde::Serialize;

use relmgr::model::Target;
use relmgr::ops::Session;
use relmgr::ops::smtp::{self, Sent, Smtp};

use super::Ctx;

/// `--send` and `--to`, shared by the commands that write a mail.
#[derive(Debug, Clone, clap::Args)]
pub struct SendArgs {
    /// Also send the mail over SMTP ([smtp] in config.toml) to the project's notify emails
    #[arg(long)]
    pub send: bool,
    /// With --send: send to ADDRESS instead of the notify emails (repeatable, or
    /// comma-separated: --to announce@…,dev@…)
    #[arg(long, value_name = "ADDRESS", requires = "send", value_delimiter = ',')]
    pub to: Vec<String>,
}

/// A send checked before the command changes anything: settings, password and recipients.
pub struct Prepared {
    smtp: Smtp,
    to: Vec<String>,
}

impl SendArgs {
    /// Checks everything a send needs (exit 2 on a mistake), or None without `--send`.
    pub fn prepare(&self, s: &Session, target: &Target) -> anyhow::Result<Option<Prepared>> {
        if !self.send {
            return Ok(None);
        }
        Ok(Some(Prepared {
            smtp: Smtp::from_config(&s.store.config)?,
            to: smtp::recipients(s, target, &self.to)?,
        }))
    }
}

/// Sends the mail of the event the command just wrote, and says so on stderr.
pub fn send_after(ctx: &Ctx, s: &mut Session, p: Option<Prepared>) -> anyhow::Result<Option<Sent>> {
    let Some(p) = p else {
        return Ok(None);
    };
    let about = s
        .store
        .last_seq()
        .ok_or_else(|| anyhow::anyhow!("the command wrote no event to send a mail about"))?;
    let sent = smtp::send(s, &p.smtp, about, &p.to)?;
    ctx.out.status(&format!(
        "Sent the {} mail to {} (Message-ID {}).",
        sent.kind.label(),
        sent.to.join(", "),
        sent.message_id
    ));
    Ok(Some(sent))
}

/// A command's report with the mail it sent, for `--json`.
#[derive(Serialize)]
pub struct WithSent<'a, T: Serialize> {
    #[serde(flatten)]
    pub report: &'a T,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent: Option<Sent>,
}

#[derive(Debug, clap::Subcommand)]
pub enum MailCmd {
    /// Send the mail of event SEQ again (a vote.start, vote.close or release.announce event),
    /// e.g. after a send failed; the same Message-ID, so lists and threads see one mail
    Resend {
        /// The event whose mail to send (`relmgr log` shows it; a failed send names it)
        seq: i64,
        /// Send to ADDRESS instead of the project's notify emails (repeatable, or
        /// comma-separated)
        #[arg(long, value_name = "ADDRESS", value_delimiter = ',')]
        to: Vec<String>,
    },
}

pub fn run(ctx: &Ctx, cmd: MailCmd) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    match cmd {
        MailCmd::Resend { seq, to } => {
            let smtp = Smtp::from_config(&s.store.config)?;
            let sent = smtp::send(&mut s, &smtp, seq, &to)?;
            ctx.out.data(&sent, || {
                format!(
                    "Sent the {} mail of event {seq} to {} (Message-ID {}).",
                    sent.kind.label(),
                    sent.to.join(", "),
                    sent.message_id
                )
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}
