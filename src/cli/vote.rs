//! `relmgr vote start|cast|status|close|import`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::model::{ReleaseRef, RevisionNo};
use crate::ops::vote::{self, Status};
use crate::ops::vote_import::{ImportReport, ImportedMessage};
use crate::output::{fields, table};
use crate::votes::{CloseRequest, Value};

use super::{Ctx, parse};

fn parse_value(s: &str) -> Result<Value, String> {
    s.parse::<Value>().map_err(|e| e.to_string())
}

#[derive(Debug, clap::Subcommand)]
pub enum VoteCmd {
    /// Start the vote on a draft revision: freezes it and prints the [VOTE] mail
    Start {
        /// The release: TARGET@VERSION, e.g. demo@1.2.0 (a version never carries its rcN)
        #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
        release: ReleaseRef,
        /// Keep the vote open this many hours (at least the policy's min_hours)
        #[arg(long, value_name = "N")]
        hours: Option<u32>,
        /// Cast your own vote at once (+1, 0 or -1)
        #[arg(long = "vote", value_name = "VOTE", value_parser = parse_value, allow_hyphen_values = true)]
        vote: Option<Value>,
        /// Start despite a failing release check of this id (recorded with the vote)
        #[arg(long, value_name = "CHECK")]
        acknowledge: Vec<String>,
        /// Where voters download the candidate (an http(s) URL, e.g. the dist/dev directory
        /// that `publish --candidates` fills); the [VOTE] mail gives it, and --send needs it
        #[arg(long, value_name = "URL", value_parser = super::publish::parse_page_url)]
        candidates_url: Option<String>,
        /// Write the mail to FILE instead of stdout
        #[arg(short, long, value_name = "MAIL")]
        output: Option<PathBuf>,
        #[command(flatten)]
        send: super::mail::SendArgs,
    },
    /// Cast your vote: +1, 0 or -1 (your last vote counts)
    Cast {
        /// The release: TARGET@VERSION, e.g. demo@1.2.0 (a version never carries its rcN)
        #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
        release: ReleaseRef,
        /// +1, 0 or -1
        #[arg(value_parser = parse_value, allow_hyphen_values = true)]
        vote: Value,
        /// A comment shown beside the vote
        #[arg(long)]
        comment: Option<String>,
        /// Sign the vote with your own registered key
        #[arg(long, value_name = "SECRET.asc")]
        sign: Option<PathBuf>,
    },
    /// Tallies, voters and the outcome
    Status {
        /// The release: TARGET@VERSION, e.g. demo@1.2.0 (a version never carries its rcN)
        #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
        release: ReleaseRef,
        /// The revision to use, rcN [default: the newest]
        #[arg(long, value_parser = parse::<RevisionNo>)]
        revision: Option<RevisionNo>,
    },
    /// Close the vote (RM): the rule decides, or --confirm / --abandon
    Close {
        /// The release: TARGET@VERSION, e.g. demo@1.2.0 (a version never carries its rcN)
        #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
        release: ReleaseRef,
        /// Confirm a vote awaiting confirmation (or a manual one): it passes
        #[arg(long, conflicts_with = "abandon")]
        confirm: bool,
        /// Abandon the vote: the release stays a candidate for a new revision
        #[arg(long)]
        abandon: bool,
        /// Also send the [RESULT] mail (threaded under the [VOTE]) once the vote is decided
        #[command(flatten)]
        send: super::mail::SendArgs,
    },
    /// Record the votes of a mailing-list thread (mbox): each sender's last vote counts, and every
    /// message is listed with what was read from it
    Import {
        /// The release: TARGET@VERSION, e.g. demo@1.2.0 (a version never carries its rcN)
        #[arg(value_parser = parse::<ReleaseRef>, add = super::complete::releases())]
        release: ReleaseRef,
        /// The vote thread as an mbox file (a list archive's export)
        #[arg(value_name = "THREAD.mbox")]
        mbox: PathBuf,
    },
}

fn render_status(st: &Status) -> String {
    let tally = |t: &crate::votes::Tally| format!("+1: {}  0: {}  -1: {}", t.plus, t.zero, t.minus);
    let mut out = fields(&[
        ("release", Some(format!("{} {}", st.release, st.revision))),
        ("outcome", Some(st.outcome.clone())),
        ("binding", Some(tally(&st.binding))),
        ("non-binding", Some(tally(&st.non_binding))),
        ("opened", Some(st.opened_at.to_string())),
        ("closes", Some(st.closes_at.to_string())),
        ("status", Some(st.reason.clone())),
    ]);
    if !st.voters.is_empty() {
        out.push('\n');
        out.push_str(&table(
            &["voter", "vote", "binding", "cast at", "source", "comment"],
            st.voters.iter().map(|v| {
                vec![
                    v.voter.clone(),
                    v.vote.clone(),
                    if v.binding { "yes" } else { "no" }.into(),
                    v.cast_at.to_string(),
                    format!("{}{}", v.source, if v.signed { ", signed" } else { "" }),
                    v.comment
                        .as_deref()
                        .map(crate::votes::comment::preview)
                        .unwrap_or_default(),
                ]
            }),
        ));
    }
    for v in &st.not_counted {
        out.push_str(&format!(
            "\n{} {} (event {}): not counted: {}",
            v.voter, v.vote, v.seq, v.reason
        ));
    }
    out
}

/// What was read from one message, for people (`first_after_result`: it is the [RESULT] mail).
fn read_text(m: &ImportedMessage, first_after_result: bool) -> String {
    let read = match (m.read.as_str(), &m.vote) {
        ("vote", Some(v)) => match m.binding {
            Some(true) => format!("{v} binding"),
            Some(false) => format!("{v} non-binding"),
            None => v.clone(),
        },
        ("template", _) => "quoted template".into(),
        ("quoted-vote", _) => "quoted vote only".into(),
        ("after-result", _) if first_after_result => "[RESULT] mail: not read".into(),
        ("after-result", _) => "after [RESULT]: not read".into(),
        ("unreadable", _) => format!("unreadable: {}", m.note.as_deref().unwrap_or("")),
        _ => "no vote found".into(),
    };
    if m.call {
        format!("[VOTE] mail: {read}")
    } else {
        read
    }
}

/// The import: every message of the thread and what was read from it.
fn render_import(r: &ImportReport) -> String {
    let mut t = table(
        &["#", "from", "date", "read", "result"],
        r.messages.iter().enumerate().map(|(i, m)| {
            let first_after_result =
                m.read == "after-result" && (i == 0 || r.messages[i - 1].read != "after-result");
            let result = match (m.result.as_deref(), m.replaced_by) {
                (Some("replaced"), Some(n)) => format!("replaced by #{n}"),
                (Some(res), _) if res.starts_with("dated-") || res == "undated" => {
                    format!("not recorded: {}", m.note.as_deref().unwrap_or(res))
                }
                (Some(res), _) => res.replace('-', " "),
                (None, _) => String::new(),
            };
            vec![
                m.number.to_string(),
                m.from.clone().unwrap_or_default(),
                m.date.map(|t| t.to_string()).unwrap_or_default(),
                read_text(m, first_after_result),
                result,
            ]
        }),
    );
    let recorded = r.votes.iter().filter(|v| v.result == "recorded").count();
    t.push_str(&format!(
        "\n{} messages read; the last votes of {} senders, {recorded} of them recorded now.",
        r.messages.len(),
        r.votes.len()
    ));
    let unknown: Vec<&str> = r
        .votes
        .iter()
        .filter(|v| v.result == "unknown-sender")
        .map(|v| v.email.as_str())
        .collect();
    if !unknown.is_empty() {
        t.push_str(&format!(
            "\nNo user has these emails: {}.",
            unknown.join(", ")
        ));
    }
    t
}

pub fn run(ctx: &Ctx, cmd: VoteCmd) -> anyhow::Result<ExitCode> {
    let mut s = ctx.session()?;
    match cmd {
        VoteCmd::Start {
            release,
            hours,
            vote: own,
            acknowledge,
            candidates_url,
            output,
            send,
        } => {
            let prepared = send.prepare(&s, &release.target)?;
            let r = vote::start(
                &mut s,
                &release,
                hours,
                own,
                acknowledge,
                candidates_url,
                prepared.is_some(),
            )?;
            ctx.out.status(&format!(
                "The vote on {} {} is open until {}.",
                r.release, r.revision, r.closes_at
            ));
            if !r.mail.missing.is_empty() {
                ctx.out.warn(&format!(
                    "the [VOTE] mail does not say {}: `--send` would refuse it.",
                    r.mail.missing.join(" and ")
                ));
            }
            let mail = format!("Subject: {}\n\n{}", r.mail.subject, r.mail.body);
            if let Some(path) = &output {
                std::fs::write(path, &mail)?;
            }
            let sent = super::mail::send_after(ctx, &mut s, prepared)?;
            let human = match (&output, &sent) {
                (Some(path), _) => format!("Wrote the [VOTE] mail to {}.", path.display()),
                (None, Some(_)) => String::new(),
                (None, None) => mail.clone(),
            };
            let doc = super::mail::WithSent { report: &r, sent };
            ctx.out.data(&doc, || human);
        }
        VoteCmd::Cast {
            release,
            vote: value,
            comment,
            sign,
        } => {
            let signer = sign
                .as_deref()
                .map(|p| super::stage::load_signer(ctx, &s, p))
                .transpose()?;
            let r = vote::cast(&mut s, &release, value, comment, signer)?;
            ctx.out.data(&r, || {
                format!(
                    "{} voted {} on {} {} ({}{}).",
                    r.voter,
                    r.vote,
                    r.release,
                    r.revision,
                    if r.binding { "binding" } else { "non-binding" },
                    if r.signed_by.is_some() {
                        ", signed"
                    } else {
                        ""
                    }
                )
            });
        }
        VoteCmd::Status { release, revision } => {
            let st = vote::status(&s, &release, revision)?;
            ctx.out.data(&st, || render_status(&st));
        }
        VoteCmd::Close {
            release,
            confirm,
            abandon,
            send,
        } => {
            let prepared = send.prepare(&s, &release.target)?;
            let request = if confirm {
                CloseRequest::Confirm
            } else if abandon {
                CloseRequest::Abandon
            } else {
                CloseRequest::AsIs
            };
            let r = vote::close(&mut s, &release, request)?;
            let decided = crate::votes::Outcome::parse(&r.outcome).is_some_and(|o| o.is_final());
            if prepared.is_some() && !decided {
                ctx.out
                    .status("The [RESULT] mail is not sent: the vote is not decided yet.");
            }
            let sent = super::mail::send_after(ctx, &mut s, prepared.filter(|_| decided))?;
            let doc = super::mail::WithSent { report: &r, sent };
            ctx.out.data(&doc, || {
                let mut t = format!("The vote on {} {} is {} (binding +1: {}, -1: {}).", r.release, r.revision, r.outcome, r.binding.plus, r.binding.minus);
                if r.outcome == "awaiting-confirmation" {
                    t.push_str("\nIt has a -1: confirm with `relmgr vote close --confirm` or give up with `--abandon`.");
                }
                t
            });
        }
        VoteCmd::Import { release, mbox } => {
            let r = crate::ops::vote_import::import(&mut s, &release, &mbox)?;
            ctx.out.data(&r, || render_import(&r));
        }
    }
    Ok(ExitCode::SUCCESS)
}
