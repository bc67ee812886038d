//! Sending the release mails over SMTP (SPEC §10): `vote start --send`, `vote close --send`,
//! `announce --send` and `mail resend SEQ`. The `[smtp]` settings of `config.toml` say where;
//! the password comes from the file named by `$RELMGR_SMTP_PASSWORD_FILE`, never from argv.
//!
//! A command changes the store first and sends after: the store never depends on a mail server
//! being up. A send that fails leaves the command's change in place, exits 1 and names the
//! `mail resend SEQ` that sends it again. Each mail sent is a `mail.sent` event (who, what, to
//! whom, the Message-ID). Message-IDs are derived from the release, so a resend carries the same
//! one and the `[RESULT]` threads under the `[VOTE]` (In-Reply-To, References) even when the
//! `[VOTE]` was sent by hand.
//!
//! Each send has an overall deadline ([`super::deadline`], 120 s unless configured): a server
//! that keeps talking without ever taking the mail (a `220-` line every few seconds) fails the
//! send like a refused one.

use std::net::IpAddr;
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, Message};
use lettre::transport::smtp::SmtpTransport;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Address, Transport};
use serde::Serialize;
use serde_json::json;

use crate::clock;
use crate::error::Error;
use crate::machine::access;
use crate::model::Target;
use crate::model::event::Change;
use crate::ops::Emit;
use crate::perm::Action;
use crate::store::{Config, SmtpSecurity, SmtpSettings, events};

use super::deadline::{Deadline, Limit, NetCommand};
use super::mail::{EventMail, MailKind, mail_for_event};
use super::{Session, project};

/// How long one read or write of an SMTP conversation may wait.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A checked `[smtp]` configuration with its password: ready to send.
pub struct Smtp {
    settings: SmtpSettings,
    from: Mailbox,
    password: Option<String>,
    /// How long one send may take in all.
    deadline: Limit,
}

impl Smtp {
    /// Checks `[smtp]` and reads the password, before a command changes anything: a mistake
    /// here is a usage error (exit 2) and nothing happens.
    pub fn from_config(config: &Config) -> anyhow::Result<Smtp> {
        let settings = config.smtp.clone().ok_or_else(|| {
            Error::usage("--send needs an [smtp] section in config.toml").hint(
                "add [smtp] with host, port, from (and user, security) to .relmgr/config.toml; \
                 see SPEC §10 or the README",
            )
        })?;
        if settings.host.trim().is_empty() {
            return Err(Error::usage("[smtp] host is empty").into());
        }
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| Error::usage(format!("[smtp] from {:?}", settings.from)).caused_by(e))?;
        if settings.security == SmtpSecurity::None && !is_loopback(&settings.host) {
            return Err(Error::usage(format!(
                "[smtp] security = \"none\" sends in clear text: only to a loopback address, not to {}",
                settings.host
            ))
            .hint("use security = \"starttls\" or \"tls\"")
            .into());
        }
        let password = match (
            &settings.user,
            std::env::var_os("RELMGR_SMTP_PASSWORD_FILE"),
        ) {
            (None, _) => None,
            (Some(_), None) => {
                return Err(Error::usage("[smtp] user is set but $RELMGR_SMTP_PASSWORD_FILE is not")
                    .hint("put the password in a file only you can read and name it in $RELMGR_SMTP_PASSWORD_FILE")
                    .into());
            }
            (Some(_), Some(path)) => {
                let text = std::fs::read_to_string(&path).map_err(|e| {
                    Error::usage(format!(
                        "$RELMGR_SMTP_PASSWORD_FILE {}: {e}",
                        std::path::Path::new(&path).display()
                    ))
                })?;
                Some(text.trim_end_matches(['\r', '\n']).to_string())
            }
        };
        Ok(Smtp {
            settings,
            from,
            password,
            deadline: Limit::of(config, NetCommand::Smtp)?,
        })
    }

    fn port(&self) -> u16 {
        self.settings.port.unwrap_or(match self.settings.security {
            SmtpSecurity::Starttls => 587,
            SmtpSecurity::Tls => 465,
            SmtpSecurity::None => 25,
        })
    }

    /// The domain of the sender's address, for Message-IDs.
    fn domain(&self) -> String {
        self.from.email.domain().to_string()
    }

    fn transport(&self, deadline: &Deadline) -> anyhow::Result<SmtpTransport> {
        let host = self.settings.host.as_str();
        let builder = match self.settings.security {
            SmtpSecurity::Starttls => SmtpTransport::starttls_relay(host)?,
            SmtpSecurity::Tls => SmtpTransport::relay(host)?,
            SmtpSecurity::None => SmtpTransport::builder_dangerous(host),
        };
        let timeout = TIMEOUT.min(deadline.remaining());
        let mut builder = builder.port(self.port()).timeout(Some(timeout));
        if let (Some(user), Some(pass)) = (&self.settings.user, &self.password) {
            builder = builder.credentials(Credentials::new(user.clone(), pass.clone()));
        }
        Ok(builder.build())
    }

    /// Sends `m`, giving up when the deadline passes. lettre's blocking transport has only
    /// per-read timeouts, so the conversation runs on its own thread and this one waits for it
    /// until the deadline; a conversation given up on ends with its next timeout or with the
    /// process, which exits right after.
    fn send(&self, m: &Message) -> anyhow::Result<()> {
        let deadline = self.deadline.start();
        let transport = self.transport(&deadline)?;
        let message = m.clone();
        let (done, outcome) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = done.send(transport.send(&message).map(|_| ()));
        });
        match outcome.recv_timeout(deadline.remaining()) {
            Ok(result) => Ok(result?),
            Err(mpsc::RecvTimeoutError::Timeout) => Err(anyhow::anyhow!(deadline.reason())),
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(anyhow::anyhow!(
                "the SMTP conversation ended without an answer"
            )),
        }
    }
}

/// A host name or address that stays on this machine.
fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_matches(['[', ']'])
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Who gets the mails of `target`: `to` when given, else the project's notify emails.
pub fn recipients(s: &Session, target: &Target, to: &[String]) -> anyhow::Result<Vec<String>> {
    let list = if to.is_empty() {
        project::load(s.store.db(), target)?.meta.notify_emails
    } else {
        to.to_vec()
    };
    if list.is_empty() {
        return Err(
            Error::usage(format!("nobody to send to: {target} has no notify emails"))
                .hint(format!(
                    "give --to ADDRESS, or set them: `relmgr project edit {} --notify ADDRESS`",
                    target.project
                ))
                .into(),
        );
    }
    for a in &list {
        a.parse::<Address>()
            .map_err(|e| Error::usage(format!("recipient {a:?}")).caused_by(e))?;
    }
    Ok(list)
}

/// The Message-ID of a release's mail: the same on every send, so threads hold together.
fn message_id(kind: MailKind, m: &EventMail, about: i64, domain: &str) -> String {
    let slug = m.release.to_string().replace(['/', '@'], ".");
    match kind {
        MailKind::Vote | MailKind::Result => format!(
            "<relmgr.{}.{slug}.{}@{domain}>",
            if kind == MailKind::Vote {
                "vote"
            } else {
                "result"
            },
            m.revision.as_deref().unwrap_or("rc")
        ),
        MailKind::Announce => format!("<relmgr.announce.{slug}.{about}@{domain}>"),
    }
}

/// What `send` did, for output and `--json`.
#[derive(Debug, Clone, Serialize)]
pub struct Sent {
    /// The event whose mail this is.
    pub about: i64,
    /// The `mail.sent` event.
    pub seq: i64,
    pub kind: MailKind,
    pub to: Vec<String>,
    pub subject: String,
    pub message_id: String,
    pub in_reply_to: Option<String>,
}

/// Sends the mail of event `about` to `to` (empty: the project's notify emails) and records it
/// as a `mail.sent` event. On failure nothing is recorded and the error (exit 1) names
/// `mail resend about`.
pub fn send(s: &mut Session, smtp: &Smtp, about: i64, to: &[String]) -> anyhow::Result<Sent> {
    let e = events::get(s.store.db(), about)?.ok_or_else(|| {
        Error::not_found(format!("no event {about}")).hint("`relmgr log` lists the events")
    })?;
    let m = mail_for_event(s, &e)?;
    if !m.mail.missing.is_empty() {
        return Err(Error::usage(format!(
            "the {} mail of event {about} holds placeholders instead of {}: not sent",
            m.kind.label(),
            m.mail.missing.join(" and ")
        ))
        .into());
    }
    let to = &recipients(s, &m.release.target, to)?;
    access::require(
        s.store.db(),
        &s.actor.id,
        Action::ManageRelease,
        Some(m.release.target.project.as_str()),
    )?;
    let kind = m.kind;
    let domain = smtp.domain();
    let message_id = message_id(kind, &m, about, &domain);
    let in_reply_to = (kind == MailKind::Result).then(|| message_id_of_vote(&m, &domain));
    let mut builder = Message::builder()
        .from(smtp.from.clone())
        .subject(m.mail.subject.clone())
        .message_id(Some(message_id.clone()))
        .date(SystemTime::from(clock::now()?))
        .header(ContentType::TEXT_PLAIN);
    for a in to {
        builder = builder.to(Mailbox::new(None, a.parse::<Address>()?));
    }
    if let Some(parent) = &in_reply_to {
        builder = builder
            .in_reply_to(parent.clone())
            .references(parent.clone());
    }
    let message = builder
        .body(body_of(&m.mail.body))
        .map_err(|e| Error::usage(format!("the {} mail", kind.label())).caused_by(e))?;
    if let Err(err) = smtp.send(&message) {
        return Err(Error::failed(format!(
            "sending the {} mail of {} to {} via {}:{} failed: {err:#}",
            kind.label(),
            m.release,
            to.join(", "),
            smtp.settings.host,
            smtp.port()
        ))
        .hint(format!(
            "the change is recorded (event {about}); send the mail again with `relmgr mail resend {about}`"
        ))
        .details(json!({"about": about, "kind": kind}))
        .into());
    }
    s.emit(Emit::new(
        m.release.to_string(),
        Change::MailSent {
            about,
            kind,
            to: to.to_vec(),
            subject: m.mail.subject.clone(),
            message_id: Some(message_id.clone()),
            in_reply_to: in_reply_to.clone(),
        },
    ))?;
    Ok(Sent {
        about,
        seq: s.store.last_seq().expect("just written"),
        kind,
        to: to.to_vec(),
        subject: m.mail.subject,
        message_id,
        in_reply_to,
    })
}

/// The longest line SMTP carries, in octets, without its CRLF (RFC 5321 §4.5.3.1.6).
const SMTP_LINE_MAX: usize = 998;

/// A mail's body as it goes on the wire: as it is (7bit when ASCII, 8bit when UTF-8) when every
/// line fits SMTP's limit, so that a SHA-512 line reaches the reader whole, with no
/// quoted-printable soft break to copy along; quoted-printable only when a line is longer.
fn body_of(text: &str) -> Body {
    let text = text.replace("\r\n", "\n");
    let fits = !text.contains(['\0', '\r']) && text.split('\n').all(|l| l.len() <= SMTP_LINE_MAX);
    if fits {
        let encoding = if text.is_ascii() {
            ContentTransferEncoding::SevenBit
        } else {
            ContentTransferEncoding::EightBit
        };
        Body::dangerous_pre_encoded(text.replace('\n', "\r\n").into_bytes(), encoding)
    } else {
        Body::new_with_encoding(text, ContentTransferEncoding::QuotedPrintable)
            .unwrap_or_else(Body::new)
    }
}

/// The Message-ID the `[VOTE]` of the same revision has (or would have had).
fn message_id_of_vote(m: &EventMail, domain: &str) -> String {
    message_id(MailKind::Vote, m, 0, domain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_goes_as_it_is_when_its_lines_fit() {
        let sha = "ab".repeat(64);
        let b = body_of(&format!("Hello\n    SHA-512: {sha}\n"));
        assert_eq!(b.encoding(), ContentTransferEncoding::SevenBit);
        assert_eq!(
            String::from_utf8(b.into_vec()).unwrap(),
            format!("Hello\r\n    SHA-512: {sha}\r\n")
        );
        let b = body_of("Thanks,\nJosé\n");
        assert_eq!(b.encoding(), ContentTransferEncoding::EightBit);
        let long = "x".repeat(SMTP_LINE_MAX + 1);
        let b = body_of(&format!("{long}\n"));
        assert_eq!(b.encoding(), ContentTransferEncoding::QuotedPrintable);
        let body = String::from_utf8(b.into_vec()).unwrap();
        assert!(body.lines().all(|l| l.len() <= 76), "{body}");
    }
}
