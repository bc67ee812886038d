//! The clock. `$RELMGR_NOW` (RFC 3339) stands in for the system clock everywhere, so that
//! scripts and tests can play a 72-hour vote in a second.

use jiff::Timestamp;

use crate::error::Error;

/// The current time, whole seconds, from `$RELMGR_NOW` if set.
pub fn now() -> anyhow::Result<Timestamp> {
    match std::env::var("RELMGR_NOW") {
        Ok(s) if !s.trim().is_empty() => parse_time(s.trim())
            .map_err(|_| Error::usage(format!("RELMGR_NOW is not an RFC 3339 time: {s:?}")).into()),
        // Whole seconds, rounded DOWN: a time rounded up lies in the future, and gpg refuses a
        // key "created 1 second in the future".
        _ => Ok(truncate(Timestamp::now())),
    }
}

/// Parses an RFC 3339 time (`2026-01-02T03:04:05Z`, offsets allowed) or a bare date
/// (`2026-01-02`, taken as midnight UTC), rounded down to whole seconds.
pub fn parse_time(s: &str) -> Result<Timestamp, String> {
    if let Ok(ts) = s.parse::<Timestamp>() {
        return Ok(truncate(ts));
    }
    if let Ok(date) = s.parse::<jiff::civil::Date>() {
        return date
            .to_zoned(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp())
            .map_err(|e| e.to_string());
    }
    Err(format!(
        "{s:?} is neither an RFC 3339 time nor a YYYY-MM-DD date"
    ))
}

fn truncate(ts: Timestamp) -> Timestamp {
    Timestamp::from_second(ts.as_second()).unwrap_or(ts)
}

/// The one text form of a time in the store and in JSON: `2026-01-02T03:04:05Z`.
/// Written field by field, not through `strftime`: every row relmgr writes has a time, and a
/// replay writes 100,000 of them.
pub fn fmt(ts: Timestamp) -> String {
    let t = jiff::tz::Offset::UTC.to_datetime(ts);
    if !(0..=9999).contains(&t.year()) {
        return ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    }
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let t = parse_time("2026-01-02T03:04:05.678+01:00").unwrap();
        assert_eq!(fmt(t), "2026-01-02T02:04:05Z");
        assert_eq!(
            fmt(parse_time("2026-02-28").unwrap()),
            "2026-02-28T00:00:00Z"
        );
        assert!(parse_time("2026-02-30").is_err());
        assert!(parse_time("yesterday").is_err());
    }

    #[test]
    fn the_fast_form_is_strftimes() {
        // Years 0 to 9999 written by fields, the rest by strftime: both agree everywhere.
        let (lo, hi) = (Timestamp::MIN.as_second(), Timestamp::MAX.as_second());
        let mut s = lo;
        let step = (hi - lo) / 100_003;
        while s <= hi {
            for t in [s, s + 59, s + 86_399] {
                let Ok(ts) = Timestamp::from_second(t) else {
                    continue;
                };
                assert_eq!(fmt(ts), ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string());
            }
            s += step;
        }
        for y in [
            "0001-01-01T00:00:00Z",
            "2999-12-31T23:59:59Z",
            "1970-01-01T00:00:00Z",
        ] {
            assert_eq!(fmt(parse_time(y).unwrap()), y);
        }
    }
}
