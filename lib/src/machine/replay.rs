//! Replays the event log into a fresh in-memory index and compares it with the live one, for
//! `fsck`: every change's event carries what it changed, so the log alone must rebuild the same
//! users, projects, roles, keys, policies, releases, packages, signatures, votes, CVEs and
//! ignores. A difference means the index was changed behind relmgr's back (or an event lies).

use rusqlite::Connection;

use crate::model::event::Change;
use crate::store::events::{self, ChainBreak, Event};
use crate::store::integrity;

use super::history;

/// The log as the index recorded it, read once for the chain and the replay: each event with
/// its change, read straight from the payload's stored text (no JSON value of it; a signed
/// event keeps its payload as a value, its record being what was signed), and the chain's
/// breaks, each hash checked over that same text.
pub struct Recorded {
    pub typed: Vec<(Event, Option<Change>)>,
    pub breaks: Vec<ChainBreak>,
}

/// Reads the log as [`Recorded`].
pub fn read_recorded(db: &Connection) -> anyhow::Result<Recorded> {
    let (mut typed, mut sound) = (Vec::new(), Vec::new());
    events::each_stored(db, |e, payload| {
        sound.push(events::stored_soundness(&e, payload));
        let change = Change::parse(&e.kind, payload).ok();
        let e = match e.signature {
            Some(_) => Event {
                payload: events::stored_value(payload.to_string()),
                ..e
            },
            None => e,
        };
        typed.push((e, change));
        Ok(())
    })?;
    let breaks = events::chain_breaks(typed.iter().map(|(e, _)| e), sound);
    Ok(Recorded { typed, breaks })
}

/// The index the log rebuilds: `typed` (the whole log as recorded, in order:
/// [`read_recorded`]) replayed ([`history::replay_in`]: decide, then apply, each event) into a
/// fresh index in memory. `Ok(Err(line))` when the log does not replay as it was recorded: an
/// event the index applied turns out void (the finding to report).
pub fn replay(typed: Vec<(Event, Option<Change>)>) -> anyhow::Result<Result<Connection, String>> {
    // The events the index recorded as void: only those may turn out void on replay.
    let recorded: std::collections::HashSet<String> = typed
        .iter()
        .filter(|(e, _)| e.void.is_some())
        .map(|(e, _)| e.hash.clone())
        .collect();
    // The signatures are checked while the scratch index is made.
    let (scratch, voided) = std::thread::scope(|scope| -> anyhow::Result<_> {
        let replay = history::Replay::start_without_log(scope, None, typed)?;
        let mut scratch = integrity::scratch_index()?;
        // One transaction for the whole replay: the scratch index is memory, but each
        // statement outside a transaction would still be its own commit.
        let tx = scratch.transaction()?;
        let voided = replay.run(&tx, false)?;
        tx.commit()?;
        Ok((scratch, voided))
    })?;
    if let Some(v) = voided.iter().find(|v| !recorded.contains(&v.hash)) {
        return Ok(Err(format!(
            "the log does not replay at event {} ({}): {}",
            v.seq, v.kind, v.reason
        )));
    }
    Ok(Ok(scratch))
}

/// The rows of sorted `rows` that sorted `other` lacks, in order (a merge of the two).
fn missing_from<'a>(rows: &'a [String], other: &[String]) -> Vec<&'a String> {
    let mut out = Vec::new();
    let mut j = 0;
    for row in rows {
        while j < other.len() && other[j] < *row {
            j += 1;
        }
        if j == other.len() || other[j] != *row {
            out.push(row);
        }
    }
    out
}

/// Differences between the live index and a replayed one, as readable lines: per table, the
/// live rows the replay lacks, then the replayed rows the index lacks. `live` is the live
/// index's [`integrity::digests`] under `key`, read already; only the tables whose digests
/// differ are read row by row, from `index` (the live index) and `replayed`.
pub fn compare_digests(
    live: &[(&'static str, (u64, u64))],
    key: &std::hash::RandomState,
    index: &Connection,
    replayed: &Connection,
) -> anyhow::Result<Vec<String>> {
    let mut a = integrity::State::new();
    let mut b = integrity::State::new();
    for (ours, theirs) in live.iter().zip(integrity::digests(replayed, key)?) {
        if *ours != theirs {
            a.push((ours.0, integrity::rows(index, ours.0)?));
            b.push((ours.0, integrity::rows(replayed, ours.0)?));
        }
    }
    Ok(compare_states(&a, &b))
}

/// The differences between two sets of rows, per table, as [`compare_digests`] says them.
pub fn compare_states(a: &integrity::State, b: &integrity::State) -> Vec<String> {
    let mut out = Vec::new();
    for ((table, live_rows), (_, replayed)) in a.iter().zip(b.iter()) {
        // Both sides are sorted: equal tables (the usual case) compare as one pass, different
        // ones by a merge, linear either way.
        if live_rows == replayed {
            continue;
        }
        for row in missing_from(live_rows, replayed) {
            out.push(format!(
                "{table}: the index has a row the log does not explain: {}",
                row.chars().take(160).collect::<String>()
            ));
        }
        for row in missing_from(replayed, live_rows) {
            out.push(format!(
                "{table}: the log has a row the index lacks: {}",
                row.chars().take(160).collect::<String>()
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::missing_from;

    fn rows(r: &[&str]) -> Vec<String> {
        r.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn missing_rows_are_those_the_other_side_lacks_as_a_set_would_say() {
        // (rows, other, rows missing from other): duplicates count as members, as with sets.
        let cases: &[(&[&str], &[&str], &[&str])] = &[
            (&[], &[], &[]),
            (&["a"], &[], &["a"]),
            (&[], &["a"], &[]),
            (&["a", "b", "c"], &["a", "b", "c"], &[]),
            (&["a", "b", "d"], &["b", "c"], &["a", "d"]),
            (&["a", "a", "b"], &["a"], &["b"]),
            (&["b", "b"], &["a", "c"], &["b", "b"]),
            (&["a", "z"], &["b", "c", "d"], &["a", "z"]),
        ];
        for (a, b, want) in cases {
            let (a, b) = (rows(a), rows(b));
            let got: Vec<&str> = missing_from(&a, &b)
                .into_iter()
                .map(|s| s.as_str())
                .collect();
            let set: std::collections::BTreeSet<&String> = b.iter().collect();
            let by_set: Vec<&str> = a
                .iter()
                .filter(|r| !set.contains(r))
                .map(|s| s.as_str())
                .collect();
            assert_eq!(got, *want, "{a:?} vs {b:?}");
            assert_eq!(got, by_set, "{a:?} vs {b:?}");
        }
    }
}
