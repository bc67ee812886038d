//! The release mails: the `[VOTE]` call, the `[RESULT]` of a closed vote, the `[ANNOUNCE]` of a
//! released version (from a template; `announce` keeps the text in its event) and the mail that
//! an event calls for (`mail_for_event`, used by `--send` and `mail resend`). Pure rendering from
//! the store and the history (the candidates URL of `vote.start`, the git commit of
//! `release.check`, the URLs of `publish` and of the project's `download_url`, the guests of
//! `vote.import`), so every clone renders
//! the same mail; a mail that would hold a placeholder lists it in `missing` and is not sent.
//! Sending is `super::smtp`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::Error;
use crate::model::event::{Change, GitSource, GuestVote};
use crate::model::{ReleaseRef, RevisionNo, Time};
use crate::store::events::{self, Event};
use crate::store::releases::{self, Release, Revision};
use crate::store::{cves, users, votes};
use crate::votes::Policy;

use super::{Session, project, release};

/// A mail: subject and plain-text body.
#[derive(Debug, Clone, Serialize)]
pub struct Mail {
    pub subject: String,
    pub body: String,
    /// What the mail could not say and holds a placeholder for instead: a mail with any is
    /// not sent (`--send` exits 2 before anything changes).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

/// Which mail of a release (a `mail.sent` payload type, so it lives with the events).
pub use crate::model::event::MailKind;

/// What an event's mail is: its kind, release, subject and body, and the revision it is about.
#[derive(Debug, Clone)]
pub struct EventMail {
    pub kind: MailKind,
    pub release: ReleaseRef,
    /// `rc1`…; for an announcement, the released revision.
    pub revision: Option<String>,
    pub mail: Mail,
}

/// What a `[VOTE]` mail says besides the revision's packages: the round and where the
/// candidate is.
pub struct Call<'a> {
    pub policy: &'a Policy,
    pub opened_at: Time,
    pub closes_at: Time,
    pub manifest: &'a str,
    /// `vote start --candidates-url`: where voters download the candidate.
    pub candidates_url: Option<&'a str>,
    /// The user id of the release manager; the mail is signed with their name.
    pub manager: &'a str,
}

/// A user's name for people: their display name, else their id.
pub fn display_name(db: &rusqlite::Connection, id: &str) -> anyhow::Result<String> {
    Ok(users::get(db, id)?
        .and_then(|u| u.name)
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| id.to_string()))
}

/// A time as a mail reader reads it: `2026-12-08 18:32:05 UTC`.
pub fn utc(t: Time) -> String {
    t.to_string()
        .replacen('T', " ", 1)
        .trim_end_matches('Z')
        .to_string()
        + " UTC"
}

/// `base` and `path` joined by one `/`.
fn join(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// The events of `target` (and below it) of type `kind` that count (not void), in log order.
fn valid_events(db: &rusqlite::Connection, target: &str, kind: &str) -> anyhow::Result<Vec<Event>> {
    Ok(events::list(
        db,
        &events::Filter {
            target: Some(target.to_string()),
            since: None,
            limit: None,
        },
    )?
    .into_iter()
    .filter(|e| e.kind == kind && e.void.is_none())
    .collect())
}

/// Where the last `publish` that recorded URLs put `project`'s files: the download page and
/// the KEYS file (`--canonical-url` for KEYS when given, else `--base-url`).
pub struct Published {
    pub download_page: String,
    pub keys: String,
}

/// [`Published`] of `project`, from the last publish (of the project or of the whole store)
/// that recorded a `--base-url`, if any.
pub fn published_urls(
    db: &rusqlite::Connection,
    project: &str,
) -> anyhow::Result<Option<Published>> {
    let mut found = None;
    let mut all = valid_events(db, "store", "publish")?;
    all.extend(valid_events(db, project, "publish")?);
    all.sort_by_key(|e| e.seq);
    for e in all {
        if e.target != "store" && e.target != project {
            continue; // a product's publish does not place the project's page
        }
        if let Ok(Change::Publish {
            base_url: Some(base),
            canonical_url,
            ..
        }) = Change::read(&e.kind, &e.payload)
        {
            let keys_base = canonical_url.unwrap_or_else(|| base.clone());
            found = Some(Published {
                download_page: join(&base, &format!("{project}/")),
                keys: join(&keys_base, &format!("{project}/KEYS")),
            });
        }
    }
    Ok(found)
}

/// A URL field of `target`'s metadata (`download_url`, `candidates_url`): the product's, else its
/// project's (a product inherits what it leaves empty).
pub fn target_url(
    db: &rusqlite::Connection,
    target: &crate::model::Target,
    field: fn(&crate::store::projects::Meta) -> Option<String>,
) -> anyhow::Result<Option<String>> {
    let own = field(&project::load(db, target)?.meta);
    if own.is_some() || target.product.is_none() {
        return Ok(own);
    }
    Ok(field(&project::load(db, &target.parent())?.meta))
}

/// Where the mails of `target`'s releases send people: the download page and the KEYS file.
#[derive(Debug, Default)]
pub struct Links {
    /// The target's `download_url`, else the page of the last `publish --base-url`.
    pub download_page: Option<String>,
    /// Where the last `publish --base-url` put KEYS, else `KEYS` in the `download_url` when that
    /// is a directory (ends in `/`, the layout `publish` writes and dist servers serve); a
    /// download page elsewhere says nothing of where KEYS is, so nothing is guessed.
    pub keys: Option<String>,
}

/// [`Links`] of `target` (a project or a product).
pub fn links(db: &rusqlite::Connection, target: &crate::model::Target) -> anyhow::Result<Links> {
    let own = target_url(db, target, |m| m.download_url.clone())?;
    let published = published_urls(db, target.project.as_str())?;
    let keys = match (&published, &own) {
        (Some(p), _) => Some(p.keys.clone()),
        (None, Some(d)) if d.ends_with('/') => Some(format!("{d}KEYS")),
        (None, _) => None,
    };
    Ok(Links {
        download_page: own.or(published.map(|p| p.download_page)),
        keys,
    })
}

/// The git reference and commit of the last `check --git` of revision `label` of `release`.
fn git_source(
    db: &rusqlite::Connection,
    release: &str,
    label: &str,
) -> anyhow::Result<Option<GitSource>> {
    let mut found = None;
    for e in valid_events(db, release, "release.check")? {
        if e.target != release {
            continue;
        }
        if let Ok(Change::Check {
            revision,
            git: Some(g),
            ..
        }) = Change::read(&e.kind, &e.payload)
            && revision.is_some_and(|n| n.to_string() == label)
        {
            found = Some(g);
        }
    }
    Ok(found)
}

/// The `[VOTE]` mail: the call for a vote on a frozen revision. `missing` names what it could
/// not say (no candidates URL): such a mail is not sent.
pub fn vote_call(s: &Session, rel: &Release, rev: &Revision, call: &Call) -> anyhow::Result<Mail> {
    let db = s.store.db();
    let target: crate::model::Target = rel.target.parse()?;
    let proj = project::load(db, &target)?;
    let name = &proj.meta.name;
    let packages = releases::packages(db, rev.id)?;
    let release = format!("{}@{}", rel.target, rel.version);
    let mut missing = Vec::new();
    let mut body = String::new();
    body.push_str(&format!(
        "Hello,\n\nThis is a call for a vote on releasing {name} {} ({}).\n\n",
        rel.version,
        rev.label()
    ));
    match call.candidates_url {
        Some(url) => body.push_str(&format!("The release candidate:\n\n  {url}\n\n")),
        None => {
            missing.push("the candidate's URL (vote start --candidates-url)".to_string());
            body.push_str(&format!(
                "The release candidate is in relmgr's tree under releases/{}/{}/{}/.\n\n",
                rel.target,
                rel.version,
                rev.label()
            ));
        }
    }
    let keys = match (links(db, &target)?.keys, call.candidates_url) {
        (Some(k), _) => Some(k),
        (None, Some(url)) => Some(join(url, "KEYS")),
        (None, None) => None,
    };
    if let Some(k) = &keys {
        body.push_str(&format!(
            "The KEYS file to verify the signatures:\n\n  {k}\n\n"
        ));
    }
    if let Some(g) = git_source(db, &release, &rev.label())? {
        body.push_str(&format!(
            "The sources were checked against git:\n\n  tag:    {}\n  commit: {}\n\n",
            g.reference, g.commit
        ));
    }
    body.push_str("The packages and their checksums:\n\n");
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
    body.push_str(
        "\nEach package has a detached signature (.asc) and a SHA-512 checksum (.sha512) beside it.\n",
    );
    if keys.is_none() {
        body.push_str(&format!(
            "The KEYS file to verify them: `relmgr key export {}`.\n",
            target.project
        ));
    }
    body.push_str(&format!("Manifest hash (SHA-256): {}\n\n", call.manifest));
    if let Some(c) = &call.policy.checklist {
        body.push_str("Please check before voting:\n\n");
        body.push_str(c.trim_end());
        body.push_str("\n\n");
    }
    let hours =
        (call.closes_at.timestamp().as_second() - call.opened_at.timestamp().as_second()) / 3600;
    body.push_str(&format!(
        "The vote is open until {} ({hours} hours after it opened; {}){}.\n\
         It passes with at least 3 binding +1 and more binding +1 than binding -1.\n\n\
         [ ] +1 Release this package as {name} {}\n\
         [ ]  0 I don't feel strongly about it, but I'm okay with the release\n\
         [ ] -1 Do not release this package because...\n\n\
         Thanks,\n{}\n",
        utc(call.closes_at),
        if hours >= 72 {
            "a release vote stays open at least 72 hours"
        } else {
            "shorter than the 72 hours a release vote normally stays open"
        },
        if call.policy.manual {
            "; the release manager decides the outcome"
        } else {
            ""
        },
        rel.version,
        display_name(db, call.manager)?
    ));
    Ok(Mail {
        subject: format!("[VOTE] Release {name} {} ({})", rel.version, rev.label()),
        body,
        missing,
    })
}

/// The `[VOTE]` mail of the round on `rev`, as its `vote.start` event `start` says it.
fn call_of_round(
    s: &Session,
    rel: &Release,
    rev: &Revision,
    start: Option<&Event>,
) -> anyhow::Result<Option<Mail>> {
    let db = s.store.db();
    let Some(round) = votes::round(db, rev.id)? else {
        return Ok(None);
    };
    let (candidates_url, manager) = match start.map(|e| (Change::read(&e.kind, &e.payload), e)) {
        Some((Ok(Change::VoteStart { candidates_url, .. }), e)) => {
            (candidates_url, e.actor.clone())
        }
        _ => (None, round.started_by.clone()),
    };
    let policy = crate::machine::vote_round::policy(&round)?;
    vote_call(
        s,
        rel,
        rev,
        &Call {
            policy: &policy,
            opened_at: round.opened_at,
            closes_at: round.closes_at,
            manifest: &round.manifest_hash,
            candidates_url: candidates_url.as_deref(),
            manager: &manager,
        },
    )
    .map(Some)
}

/// The last valid `vote.start` event of revision `label` of `release`.
fn start_event(
    db: &rusqlite::Connection,
    release: &str,
    label: &str,
) -> anyhow::Result<Option<Event>> {
    Ok(valid_events(db, release, "vote.start")?
        .into_iter()
        .rfind(|e| e.target == release && e.payload["revision"].as_str() == Some(label)))
}

/// The votes of the thread's senders who are no users (`vote import`'s guests) on revision
/// `label` of `release`: each sender's last, by email.
fn guests(db: &rusqlite::Connection, release: &str, label: &str) -> anyhow::Result<Vec<GuestVote>> {
    let mut by_email: BTreeMap<String, GuestVote> = BTreeMap::new();
    for g in super::vote_import::imported_guests(db, release, label)? {
        by_email.insert(g.email.to_ascii_lowercase(), g);
    }
    let mut list: Vec<GuestVote> = by_email.into_values().collect();
    list.sort_by_key(|a| a.cast_at);
    Ok(list)
}

/// The `[RESULT]` mail of the closed vote on revision `which` of `r`, signed by `manager`'s
/// name: the outcome, the tally with every voter by name (binding or not; the thread's senders
/// who are no users too, by name and address), and the packages with their SHA-512.
pub fn vote_result(
    s: &Session,
    r: &ReleaseRef,
    which: RevisionNo,
    manager: &str,
) -> anyhow::Result<Mail> {
    let db = s.store.db();
    let st = super::vote::status(s, r, Some(which))?;
    let rel = release::load(db, r)?;
    let rev = release::revision(db, &rel, Some(which))?;
    let proj = project::load(db, &r.target)?;
    let name = &proj.meta.name;
    let release = r.to_string();
    let start = start_event(db, &release, &rev.label())?;
    let call = call_of_round(s, &rel, &rev, start.as_ref())?;
    let guests = guests(db, &release, &rev.label())?;
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
    for (label, binding) in [("Binding", true), ("Non-binding", false)] {
        // (vote, who) of each voter of this kind, in the order of the tally.
        let mut who: Vec<(String, String)> = Vec::new();
        for v in st.voters.iter().filter(|v| v.binding == binding) {
            who.push((v.vote.clone(), display_name(db, &v.voter)?));
        }
        if !binding {
            for g in &guests {
                let n = g.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
                who.push((
                    g.vote.to_string(),
                    match n {
                        Some(n) => format!("{n} <{}> (on the list)", g.email),
                        None => format!("<{}> (on the list)", g.email),
                    },
                ));
            }
        }
        let count = |value: &str| who.iter().filter(|(v, _)| v == value).count();
        body.push_str(&format!(
            "{label} votes: +1: {}, 0: {}, -1: {}\n",
            count("+1"),
            count("0"),
            count("-1")
        ));
        for value in ["+1", "0", "-1"] {
            for (_, n) in who.iter().filter(|(v, _)| v == value) {
                body.push_str(&format!("  {value:>2}  {n}\n"));
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
        "\nManifest hash (SHA-256): {}\n\nThank you to everyone who checked and voted.\n{}\n",
        st.manifest_hash,
        display_name(db, manager)?
    ));
    let subject = match call {
        Some(c) => format!("[RESULT] {}", c.subject),
        None => format!(
            "[RESULT] [VOTE] Release {name} {} ({})",
            rel.version,
            rev.label()
        ),
    };
    Ok(Mail {
        subject,
        body,
        missing: Vec::new(),
    })
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

/// What an `[ANNOUNCE]` says for the download page when no publish recorded its URL (never sent).
pub const DOWNLOAD_PLACEHOLDER: &str = "(the project's download page)";
/// What an `[ANNOUNCE]` says for KEYS when no publish recorded its URL (never sent).
pub const KEYS_PLACEHOLDER: &str = "(the project's KEYS file)";

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
/// signed off by `signoff` (the RM's display name). A first line `Subject: …` is the subject; without one, the default.
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
    let mut missing = Vec::new();
    let links = links(db, &r.target)?;
    let uses = |k: &str| template.contains(&format!("{{{k}}}"));
    if links.download_page.is_none() && uses("download") {
        missing.push(
            "the download page's URL (`project edit --download-url URL` or `publish --base-url URL` records it)"
                .to_string(),
        );
    }
    if links.keys.is_none() && uses("keys") {
        missing.push(
            "the KEYS file's URL (`publish --base-url URL` records it; a --download-url ending in / has it in it)"
                .to_string(),
        );
    }
    let download = links
        .download_page
        .unwrap_or_else(|| DOWNLOAD_PLACEHOLDER.to_string());
    let keys = links.keys.unwrap_or_else(|| KEYS_PLACEHOLDER.to_string());
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
            ("download", download),
            ("keys", keys),
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
    Ok(Mail {
        subject,
        body,
        missing,
    })
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
            let mail = call_of_round(s, &rel, &rev, Some(e))?
                .ok_or_else(|| anyhow::anyhow!("no vote on {release} {}", rev.label()))?;
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
                missing: [DOWNLOAD_PLACEHOLDER, KEYS_PLACEHOLDER]
                    .iter()
                    .filter(|p| e.payload["body"].as_str().is_some_and(|b| b.contains(*p)))
                    .map(|p| format!("a URL, not {p}"))
                    .collect(),
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
