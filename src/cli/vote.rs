//! `relmgr vote start|cast|status|close|import`.

use std::path::PathBuf;
use std::process::ExitCode;

use relmgr::model::{ReleaseRef, RevisionNo};
use relmgr::ops::vote::{self, Status};
use std::io::IsTerminal;

use crate::cli::output::printable;
use crate::cli::output::{fields, table};
use relmgr::model::event::ReviewItem;
use relmgr::ops::vote_import::{Decision, ImportReport, ImportedMessage};
use relmgr::votes::{CloseRequest, Value};

use super::{Ctx, parse};

fn parse_value(s: &str) -> Result<Value, String> {
    s.parse::<Value>().map_err(|e| e.to_string())
}

/// `MSGID=VOTE` (split at the last `=`: a Message-ID may hold one).
fn parse_set(s: &str) -> Result<(String, Value), String> {
    let (id, v) = s
        .rsplit_once('=')
        .ok_or_else(|| format!("{s:?} is not MSGID=VOTE"))?;
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    if id.is_empty() {
        return Err(format!("{s:?} names no message"));
    }
    Ok((id.to_string(), parse_value(v)?))
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
        /// [default: <the project's candidates URL>/<target>/<version>-<rcN>/, when set]
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
        /// Close even though messages of the thread still need review (they stay uncounted)
        #[arg(long)]
        accept_review: bool,
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
        /// Decide each message that needs review on the terminal (+1, 0, -1 or none)
        #[arg(long)]
        review: bool,
        /// Record the vote of a message that needs review, by its id: MSGID=+1, =0 or =-1
        #[arg(long = "set", value_name = "MSGID=VOTE", value_parser = parse_set, allow_hyphen_values = true)]
        set: Vec<(String, Value)>,
        /// Record that a message that needs review gives no vote, by its id
        #[arg(long = "ignore", value_name = "MSGID")]
        ignore: Vec<String>,
    },
}

fn render_status(st: &Status) -> String {
    let tally =
        |t: &relmgr::votes::Tally| format!("+1: {}  0: {}  -1: {}", t.plus, t.zero, t.minus);
    let mut out = fields(&[
        ("release", Some(format!("{} {}", st.release, st.revision))),
        ("outcome", Some(st.outcome.clone())),
        ("binding", Some(tally(&st.binding))),
        ("non-binding", Some(tally(&st.non_binding))),
        ("opened", Some(st.opened_at.to_string())),
        ("closes", Some(st.closes_at.to_string())),
        ("status", Some(st.reason.clone())),
        ("needs review", Some(st.needs_review.to_string())),
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
                        .map(relmgr::votes::comment::preview)
                        .unwrap_or_default(),
                ]
            }),
        ));
    }
    for m in &st.review {
        out.push_str(&format!(
            "\nneeds review: {} from {}: {}",
            m.message_id, m.from, m.why
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
    let read = match (m.read, m.vote) {
        ("vote", Some(v)) => match m.binding {
            Some(true) => format!("{v} binding"),
            Some(false) => format!("{v} non-binding"),
            None => v.to_string(),
        },
        ("template", _) => "quoted template".into(),
        ("quoted-vote", _) => "quoted vote only".into(),
        ("after-result", _) if first_after_result => "[RESULT] mail: not read".into(),
        ("after-result", _) => "after [RESULT]: not read".into(),
        ("unreadable", _) => format!("unreadable: {}", m.note.as_deref().unwrap_or("")),
        ("needs-review", _) => format!("needs review: {}", m.note.as_deref().unwrap_or("")),
        _ => "no vote found".into(),
    };
    let read = match (m.read, &m.note) {
        ("vote", Some(how))
            if m.result
                .is_none_or(|r| !r.starts_with("dated-") && r != "undated") =>
        {
            format!("{read} ({how})")
        }
        _ => read,
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
            let result = match (m.result, m.replaced_by) {
                (Some("replaced"), Some(n)) => format!("replaced by #{n}"),
                (Some(res), _) if res.starts_with("dated-") || res == "undated" => {
                    format!("not recorded: {}", m.note.as_deref().unwrap_or(res))
                }
                (Some(res), _) => res.replace('-', " "),
                (None, _) => match (&m.review, &m.review_id) {
                    (Some(d), Some(id)) if d == "pending" => format!("pending review: {id}"),
                    (Some(d), Some(id)) => format!("reviewed: {d} ({id})"),
                    _ => String::new(),
                },
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
    for d in &r.reviewed {
        t.push_str(&format!(
            "\nReviewed {} from {}: {}{}.",
            d.message_id,
            d.from,
            d.decision,
            match (&d.voter, d.binding) {
                (Some(v), Some(true)) => format!(" by {v}, binding"),
                (Some(v), _) => format!(" by {v}, non-binding"),
                _ => String::new(),
            }
        ));
    }
    if r.needs_review > 0 {
        t.push_str(&format!(
            "\n{} messages need review: nothing is recorded for them until you decide (--review, --set MSGID=VOTE, --ignore MSGID).",
            r.needs_review
        ));
    }
    t
}

/// Asks on the terminal what a message that needs review gives: its sender and own words, then
/// +1, 0, -1, none, or skip (it stays pending).
fn ask_review(item: &ReviewItem) -> anyhow::Result<Option<Decision>> {
    let term = dialoguer::console::Term::stderr();
    term.write_line("")?;
    let head = format!(
        "{} ({}) needs review: {}",
        item.from,
        item.date.map_or("undated".to_string(), |d| d.to_string()),
        item.why
    );
    term.write_line(&printable(&head, false))?;
    for l in &item.lines {
        term.write_line(&format!("    {}", printable(l, false)))?;
    }
    let choices = ["+1", "0", "-1", "none (no vote)", "skip (decide later)"];
    let pick = dialoguer::Select::new()
        .with_prompt(format!("Message {}", printable(&item.message_id, false)))
        .items(choices)
        .default(4)
        .interact_on(&term)?;
    Ok(match pick {
        0 => Some(Decision::Vote(Value::Plus)),
        1 => Some(Decision::Vote(Value::Zero)),
        2 => Some(Decision::Vote(Value::Minus)),
        3 => Some(Decision::Ignore),
        _ => None,
    })
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
            accept_review,
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
            let r = vote::close(&mut s, &release, request, accept_review)?;
            let decided = relmgr::votes::Outcome::parse(&r.outcome).is_some_and(|o| o.is_final());
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
        VoteCmd::Import {
            release,
            mbox,
            review,
            set,
            ignore,
        } => {
            let mut decisions: Vec<(String, Decision)> = set
                .into_iter()
                .map(|(id, v)| (id, Decision::Vote(v)))
                .collect();
            decisions.extend(ignore.into_iter().map(|id| {
                let id = id.trim().trim_start_matches('<').trim_end_matches('>');
                (id.to_string(), Decision::Ignore)
            }));
            // Never a prompt without a terminal (stdin and stderr) or with --yes.
            let prompt = review && ctx.global.may_prompt() && std::io::stderr().is_terminal();
            if review && !prompt {
                ctx.out.status(
                    "Not on a terminal (or --yes): nothing is asked; decide with --set MSGID=VOTE or --ignore MSGID.",
                );
            }
            let mut ask = ask_review;
            let r = relmgr::ops::vote_import::import(
                &mut s,
                &release,
                &mbox,
                &decisions,
                if prompt { Some(&mut ask) } else { None },
            )?;
            if ctx.out.json {
                write_json(&r);
            } else {
                ctx.out.data(&r, || render_import(&r));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The import's report as `--json` prints it ([`crate::cli::output::Output::data`]), written to
/// stdout as it is serialized: the report of a 64 MiB thread is some 360 MB of JSON, which a
/// string would hold (twice, with its newline) on top of the report.
fn write_json(report: &ImportReport) {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, report)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    if let Err(e) = written {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write to stdout: {e}");
        std::process::exit(1);
    }
}
