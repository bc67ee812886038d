//! The release mails: the `[VOTE]` call, the `[RESULT]` of a closed vote, the `[ANNOUNCE]` of a
//! released version (from a template; `announce` keeps the text in its event) and the mail that
//! an event calls for (`mail_for_event`, used by `--send` and `mail resend`). Pure rendering from
//! the store; sending is `super::smtp`.

use serde::Serialize;

use crate::error::Error;
use crate::model::{ReleaseRef, RevisionNo};
use crate::store::events::Event;
use crate::store::releases::{self, Release, Revision};
use crate::store::{cves, votes};
use crate::votes::Policy;

use super::{Session, project, release};

/// A mail: subject and plain-text body.
#[derive(Debug, Clone, Serialize)]
pub struct Mail {
    pub subject: String,
    pub body: String,
}

/// Which mail of a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MailKind {
    /// `[VOTE]`, from `vote start`.
    Vote,
    /// `[RESULT]`, from `vote close`, threaded under the `[VOTE]`.
    Result,
    /// `[ANNOUNCE]`, from `announce`.
    Announce,
}

impl MailKind {
    pub fn label(self) -> &'static str {
        match self {
            MailKind::Vote => "[VOTE]",
            MailKind::Result => "[RESULT]",
            MailKind::Announce => "[ANNOUNCE]",
        }
    }
}

/// What an event's mail is: its kind, release, subject and body, and the revision it is about.
#[derive(Debug, Clone)]
pub struct EventMail {
    pub kind: MailKind,
    pub release: ReleaseRef,
    /// `rc1`…; for an announcement, the released revision.
    pub revision: Option<String>,
    pub mail: Mail,
}

/// The `[VOTE]` mail: the call for a vote on a frozen revision, signed off by `signoff`.
pub fn vote_call(
    s: &Session,
    rel: &Release,
    rev: &Revision,
    policy: &Policy,
    closes_at: crate::model::Time,
    manifest: &str,
    signoff: &str,
) -> anyhow::Result<Mail> {
    let db = s.store.db();
    let target: crate::model::Target = rel.target.parse()?;
    let proj = project::load(db, &target)?;
    let name = &proj.meta.name;
    let packages = releases::packages(db, rev.id)?;
    let mut body = String::new();
    body.push_str(&format!(
        "Hello,\n\nThis is a call for a vote on releasing {name} {} ({}).\n\n",
        rel.version,
        rev.label()
    ));
    body.push_str(&format!(
        "The release candidate is in relmgr's tree under releases/{}/{}/{}/:\n\n",
        rel.target,
        rel.version,
        rev.label()
    ));
    for p in &packages {
        match &p.external_url {
            Some(url) => body.push_str(&format!(
                "  {} ({} bytes, external: {url})\n    SHA-256: {}\n",
                p.name, p.size, p.sha256
            )),
            None => body.push_str(&format!(
                "  {} ({} bytes)\n    SHA-512: {}\n",
                p.name,
                p.size,
                p.sha512.as_deref().unwrap_or("")
            )),
        }
    }
    body.push_str(&format!(
        "\nEach package has a detached signature (.asc) and a SHA-512 checksum (.sha512) beside it.\n\
         The KEYS file to verify them: `relmgr key export {}` (or the project's published KEYS).\n\
         Manifest hash (SHA-256): {manifest}\n\n",
        target.project
    ));
    if let Some(c) = &policy.checklist {
        body.push_str("Please check before voting:\n\n");
        body.push_str(c.trim_end());
        body.push_str("\n\n");
    }
    body.push_str(&format!(
        "The vote is open until {closes_at} ({} hours at least){}.\n\
         It passes with at least 3 binding +1 and more binding +1 than binding -1.\n\n\
         [ ] +1 Release this package as {name} {}\n\
         [ ]  0 I don't feel strongly about it, but I'm okay with the release\n\
         [ ] -1 Do not release this package because...\n\n\
         Thanks,\n{}\n",
        policy.min_hours,
        if policy.manual {
            "; the release manager decides the outcome"
        } else {
            ""
        },
        rel.version,
        signoff
    ));
    Ok(Mail {
        subject: format!("[VOTE] Release {name} {} ({})", rel.version, rev.label()),
        body,
    })
}

/// The `[RESULT]` mail of the closed vote on revision `which` of `r`, signed off by `signoff`:
/// the outcome, the tally with every voter, and the packages with their SHA-512.
pub fn vote_result(
    s: &Session,
    r: &ReleaseRef,
    which: RevisionNo,
    signoff: &str,
) -> anyhow::Result<Mail> {
    let db = s.store.db();
    let st = super::vote::status(s, r, Some(which))?;
    let rel = release::load(db, r)?;
    let rev = release::revision(db, &rel, Some(which))?;
    let proj = project::load(db, &r.target)?;
    let name = &proj.meta.name;
    let call = votes::round(db, rev.id)?
        .map(|round| {
            vote_call(
                s,
                &rel,
                &rev,
                &super::vote::round_policy(&round)?,
                round.closes_at,
                &round.manifest_hash,
                signoff,
            )
        })
        .transpose()?;
    let mut body = format!(
        "Hello,\n\nThe vote on releasing {name} {} ({}) has {}.\n\n",
        rel.version,
        rev.label(),
        match crate::votes::Outcome::parse(&st.outcome) {
            Some(crate::votes::Outcome::Passed | crate::votes::Outcome::Failed) =>
                st.outcome.clone(),
            _ => format!("ended: {}", st.outcome),
        }
    );
    for (label, binding, tally) in [
        ("Binding", true, &st.binding),
        ("Non-binding", false, &st.non_binding),
    ] {
        body.push_str(&format!(
            "{label} votes: +1: {}, 0: {}, -1: {}\n",
            tally.plus, tally.zero, tally.minus
        ));
        for value in ["+1", "0", "-1"] {
            let who: Vec<&str> = st
                .voters
                .iter()
                .filter(|v| v.binding == binding && v.vote == value)
                .map(|v| v.voter.as_str())
                .collect();
            if !who.is_empty() {
                body.push_str(&format!("  {value:>2}: {}\n", who.join(", ")));
            }
        }
        body.push('\n');
    }
    body.push_str("The packages voted on:\n\n");
    for p in releases::packages(db, rev.id)? {
        match (&p.external_url, &p.sha512) {
            (Some(url), _) => body.push_str(&format!(
                "  {}\n    {url}\n    SHA-256: {}\n",
                p.name, p.sha256
            )),
            (None, h) => body.push_str(&format!(
                "  {}\n    SHA-512: {}\n",
                p.name,
                h.as_deref().unwrap_or("")
            )),
        }
    }
    body.push_str(&format!(
        "\nManifest hash (SHA-256): {}\n\nThank you to everyone who checked and voted.\n{signoff}\n",
        st.manifest_hash
    ));
    let subject = match call {
        Some(c) => format!("[RESULT] {}", c.subject),
        None => format!(
            "[RESULT] [VOTE] Release {name} {} ({})",
            rel.version,
            rev.label()
        ),
    };
    Ok(Mail { subject, body })
}

/// The default `[ANNOUNCE]` template (`announce --template` replaces it): a `Subject:` line,
/// then the body, with `{placeholder}`s that [`announcement`] fills.
pub const ANNOUNCE_TEMPLATE: &str = "Subject: [ANNOUNCE] {name} {version} released

The {name} team is pleased to announce the release of {name} {version}.

{description}

Downloads: {download}
Verify the downloads with the project's KEYS file: {keys}

Packages and their SHA-512 checksums:

{packages}
{cves}
Thanks to everyone who helped with this release.

-- 
{actor}, on behalf of the {name} team
";

/// Fills `{placeholder}`s; unknown ones stay as they are.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// The `[ANNOUNCE]` mail of `rel`'s released revision `rev`: `template` ([`ANNOUNCE_TEMPLATE`]
/// or the project's own) filled with the release, its packages with their checksums and its CVEs,
/// signed off by `signoff`. A first line `Subject: …` is the subject; without one, the default.
pub fn announcement(
    s: &Session,
    r: &ReleaseRef,
    rel: &Release,
    rev: &Revision,
    template: &str,
    signoff: &str,
) -> anyhow::Result<Mail> {
    let db = s.store.db();
    let proj = project::load(db, &r.target)?;
    let packages = releases::packages(db, rev.id)?;
    let package_lines: String = packages
        .iter()
        .map(|p| match (&p.external_url, &p.sha512) {
            (Some(url), _) => format!("  {}\n    {url}\n    SHA-256 {}\n", p.name, p.sha256),
            (None, Some(h)) => format!("  {}\n    SHA-512 {h}\n", p.name),
            (None, None) => format!("  {}\n", p.name),
        })
        .collect();
    let cve_list = cves::of_release(db, rel.id, &rel.target)?;
    let cve_text = if cve_list.is_empty() {
        String::new()
    } else {
        format!(
            "This release fixes:\n\n{}\n",
            cve_list
                .iter()
                .map(|c| format!("  {} {}\n", c.id, c.title))
                .collect::<String>()
        )
    };
    let homepage = proj
        .meta
        .homepage
        .clone()
        .unwrap_or_else(|| "(the project's download page)".into());
    let text = fill(
        template,
        &[
            ("release", r.to_string()),
            ("name", proj.meta.name.clone()),
            ("project", r.target.project.to_string()),
            ("target", rel.target.clone()),
            ("version", rel.version.to_string()),
            ("revision", rev.label()),
            (
                "description",
                proj.meta.description.clone().unwrap_or_default(),
            ),
            ("download", homepage.clone()),
            ("keys", format!("{}/KEYS", homepage.trim_end_matches('/'))),
            ("packages", package_lines),
            ("cves", cve_text),
            ("actor", signoff.to_string()),
        ],
    );
    let (subject, body) = match text
        .strip_prefix("Subject: ")
        .and_then(|t| t.split_once('\n'))
    {
        Some((subj, rest)) => (
            subj.trim().to_string(),
            rest.trim_start_matches('\n').to_string(),
        ),
        None => (
            format!("[ANNOUNCE] {} {} released", proj.meta.name, rel.version),
            text.clone(),
        ),
    };
    Ok(Mail { subject, body })
}

/// The mail that event `e` calls for: the `[VOTE]` of a `vote.start`, the `[RESULT]` of a
/// `vote.close`, the `[ANNOUNCE]` of a `release.announce` (its text is in the event). Signed
/// off by the event's actor, so a resend is the mail that was meant.
pub fn mail_for_event(s: &Session, e: &Event) -> anyhow::Result<EventMail> {
    let db = s.store.db();
    let release: ReleaseRef = e.target.parse().map_err(|_| {
        Error::wrong_state(format!(
            "event {} is about {}, not a release",
            e.seq, e.target
        ))
    })?;
    let revision = e.payload["revision"].as_str().map(str::to_string);
    let which = || -> anyhow::Result<RevisionNo> {
        Ok(revision
            .as_deref()
            .ok_or_else(|| anyhow::anyhow!("event {} names no revision", e.seq))?
            .parse::<RevisionNo>()?)
    };
    let (kind, mail) = match e.kind.as_str() {
        "vote.start" => {
            let rel = release::load(db, &release)?;
            let rev = release::revision(db, &rel, Some(which()?))?;
            let round = votes::round(db, rev.id)?
                .ok_or_else(|| anyhow::anyhow!("no vote on {release} {}", rev.label()))?;
            let mail = vote_call(
                s,
                &rel,
                &rev,
                &super::vote::round_policy(&round)?,
                round.closes_at,
                &round.manifest_hash,
                &e.actor,
            )?;
            (MailKind::Vote, mail)
        }
        "vote.close" => (
            MailKind::Result,
            vote_result(s, &release, which()?, &e.actor)?,
        ),
        "release.announce" => (
            MailKind::Announce,
            Mail {
                subject: e.payload["subject"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                body: e.payload["body"].as_str().unwrap_or_default().to_string(),
            },
        ),
        other => {
            return Err(Error::wrong_state(format!(
                "event {} is a {other}: only vote.start, vote.close and release.announce have a mail",
                e.seq
            ))
            .into());
        }
    };
    Ok(EventMail {
        kind,
        release,
        revision,
        mail,
    })
}
