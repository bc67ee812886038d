//! `Stage`, `Phase` and a vote's `Closure` and `Outcome` in SQLite: written as their names,
//! read back strictly. A name the code
//! does not know is a corrupt store (an error, exit 1), never a plausible default.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::model::{CveId, Fingerprint, Phase, Stage, Time};
use crate::votes::{Closure, Outcome, Value};

fn corrupt(what: &str, v: ValueRef<'_>) -> FromSqlError {
    FromSqlError::Other(format!("corrupt store: {v:?} is not a {what}").into())
}

impl ToSql for Stage {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for Stage {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        v.as_str()?.parse().map_err(|_| corrupt("release stage", v))
    }
}

impl ToSql for Phase {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for Phase {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        v.as_str()?.parse().map_err(|_| corrupt("release phase", v))
    }
}

impl ToSql for Closure {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for Closure {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        Closure::parse(v.as_str()?).ok_or_else(|| corrupt("vote closure", v))
    }
}

impl ToSql for Outcome {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for Outcome {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        Outcome::parse(v.as_str()?).ok_or_else(|| corrupt("vote outcome", v))
    }
}

/// A ballot's value is kept as 1, 0 or -1.
impl ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(i64::from(self.as_number())))
    }
}

impl FromSql for Value {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        Value::from_number(v.as_i64()?).ok_or_else(|| corrupt("vote value", v))
    }
}

impl ToSql for CveId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for CveId {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        v.as_str()?.parse().map_err(|_| corrupt("CVE id", v))
    }
}

impl ToSql for Fingerprint {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for Fingerprint {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        v.as_str()?
            .parse()
            .map_err(|_| corrupt("key fingerprint", v))
    }
}

impl ToSql for Time {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for Time {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        v.as_str()?.parse().map_err(|_| corrupt("time", v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_names_are_errors_known_ones_round_trip() {
        let db = rusqlite::Connection::open_in_memory().unwrap();
        for s in Stage::ALL {
            let back: Stage = db.query_row("SELECT ?1", [s], |r| r.get(0)).unwrap();
            assert_eq!(back, s);
        }
        for p in Phase::ALL {
            let back: Phase = db.query_row("SELECT ?1", [p], |r| r.get(0)).unwrap();
            assert_eq!(back, p);
        }
        let err = db
            .query_row("SELECT 'shipped'", [], |r| r.get::<_, Stage>(0))
            .unwrap_err();
        assert!(err.to_string().contains("corrupt store"), "{err}");
        assert!(
            db.query_row("SELECT 'later'", [], |r| r.get::<_, Phase>(0))
                .is_err()
        );
        let fpr: Fingerprint = "0123456789ABCDEF0123456789ABCDEF01234567".parse().unwrap();
        let back: Fingerprint = db.query_row("SELECT ?1", [&fpr], |r| r.get(0)).unwrap();
        assert_eq!(back, fpr);
        let err = db
            .query_row("SELECT 'ABCD'", [], |r| r.get::<_, Fingerprint>(0))
            .unwrap_err();
        assert!(err.to_string().contains("corrupt store"), "{err}");
        for v in [Value::Plus, Value::Zero, Value::Minus] {
            let n: i64 = db.query_row("SELECT ?1", [v], |r| r.get(0)).unwrap();
            assert_eq!(n, i64::from(v.as_number()));
            let back: Value = db.query_row("SELECT ?1", [v], |r| r.get(0)).unwrap();
            assert_eq!(back, v);
        }
        let err = db
            .query_row("SELECT 2", [], |r| r.get::<_, Value>(0))
            .unwrap_err();
        assert!(err.to_string().contains("corrupt store"), "{err}");
        let t: Time = "2026-01-02T03:04:05Z".parse().unwrap();
        let text: String = db.query_row("SELECT ?1", [&t], |r| r.get(0)).unwrap();
        assert_eq!(text, "2026-01-02T03:04:05Z");
        let back: Time = db.query_row("SELECT ?1", [&t], |r| r.get(0)).unwrap();
        assert_eq!(back, t);
        for bad in ["'yesterday'", "'2026-01-02'", "''", "42"] {
            let err = db
                .query_row(&format!("SELECT {bad}"), [], |r| r.get::<_, Time>(0))
                .unwrap_err();
            assert!(
                bad == "42" || err.to_string().contains("corrupt store"),
                "{bad}: {err}"
            );
        }
    }
}
