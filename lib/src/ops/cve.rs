//! CVEs: add, link to a target or release, list. Ids are `CVE-YYYY-NNNN+`; dates are real
//! calendar dates; severity and state use the CycloneDX vocabulary so SBOMs carry them as is.

use crate::error::Error;
use crate::model::event::{Change, CveFields};
use crate::model::{Cve, CveId, ReleaseRef, Target, Time};
use crate::store::cves;

use super::{Emit, Session, project, release};

/// `--state` and `--severity` take CycloneDX's vocabulary, so SBOMs carry them unchanged.
use crate::sbom::{CVE_STATES as STATES, SEVERITIES};

fn parse_date(d: &str) -> anyhow::Result<String> {
    let date: jiff::civil::Date = d
        .parse()
        .map_err(|_| Error::usage(format!("--date {d:?} is not a real YYYY-MM-DD date")))?;
    if d.len() != 10 {
        return Err(Error::usage(format!("--date {d:?} is not YYYY-MM-DD")).into());
    }
    Ok(date.to_string())
}

fn one_of(what: &str, v: &str, allowed: &[&str]) -> anyhow::Result<String> {
    let lower = v.to_ascii_lowercase();
    if !allowed.contains(&lower.as_str()) {
        return Err(
            Error::usage(format!("{what} {v:?} is not one of {}", allowed.join(", "))).into(),
        );
    }
    Ok(lower)
}

pub fn add(
    s: &mut Session,
    id: &str,
    title: &str,
    date: &str,
    severity: Option<&str>,
    state: Option<&str>,
) -> anyhow::Result<Cve> {
    let id: CveId = id.parse()?;
    let date = parse_date(date)?;
    let severity = severity
        .map(|v| one_of("--severity", v, SEVERITIES))
        .transpose()?;
    let state = state.map(|v| one_of("--state", v, STATES)).transpose()?;
    if title.trim().is_empty() || title.chars().any(char::is_control) {
        return Err(Error::usage("--title is empty or holds control characters").into());
    }
    crate::model::check_no_bidi("--title", title)?;
    // Who may add a CVE: the rule book's (history::decide), in the write transaction.
    if cves::get(s.store.db(), id.as_str())?.is_some() {
        return Err(Error::wrong_state(format!("{id} exists already")).into());
    }
    let cve = Cve {
        id: id.clone(),
        title: title.trim().to_string(),
        date,
        severity,
        state,
        created_at: Time::now()?,
        links: vec![],
    };
    s.emit(Emit::new(
        format!("cve:{id}"),
        Change::CveAdd {
            cve: CveFields {
                id: cve.id,
                title: cve.title,
                date: cve.date,
                severity: cve.severity,
                state: cve.state,
            },
        },
    ))?;
    Ok(cves::get(s.store.db(), id.as_str())?.expect("just added"))
}

/// `cve link ID TARGET[@VERSION]`.
pub fn link(s: &mut Session, id: &str, to: &str) -> anyhow::Result<Cve> {
    let id: CveId = id.parse()?;
    let db = s.store.db();
    if cves::get(db, id.as_str())?.is_none() {
        return Err(Error::not_found(format!("no CVE {id}")).into());
    }
    let (target, release_id, label) = if to.contains('@') {
        let r: ReleaseRef = to.parse()?;
        let rel = release::load(db, &r)?;
        let label = r.to_string();
        (r.target, Some(rel.id), label)
    } else {
        let t: Target = to.parse()?;
        project::load(db, &t)?;
        let label = t.to_string();
        (t, None, label)
    };
    // Who may link it: the rule book's (history::decide), in the write transaction.
    let tgt = target.to_string();
    s.emit_with(|db| {
        let changed = !cves::is_linked(db, id.as_str(), &tgt, release_id)?;
        let change = Change::CveLink {
            cve: id.clone(),
            changed,
        };
        Ok(((), Emit::new(label.clone(), change)))
    })?;
    Ok(cves::get(s.store.db(), id.as_str())?.expect("exists"))
}

pub fn list(s: &Session, target: Option<&Target>) -> anyhow::Result<Vec<Cve>> {
    if let Some(t) = target {
        project::load(s.store.db(), t)?;
    }
    cves::list(s.store.db(), target.map(|t| t.to_string()).as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dates() {
        assert!(parse_date("2024-02-29").is_ok());
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("2026-1-01").is_err());
    }

    proptest! {
        #[test]
        fn the_date_parser_never_panics(s in "\\PC{0,40}") {
            let _ = parse_date(&s);
        }
    }
}
