//! MySQL's forms of the column types of `crate::types`. Parameters go as
//! text, which MySQL converts to the column's type (`DATE`, `TIME(6)`,
//! `DATETIME(6)`, `DECIMAL`, `JSON`); cells are read from the binary row
//! format of prepared statements or, for statements sent as plain text, the
//! text format, told apart by their first byte (a binary date or time starts
//! with its length, 0 to 12; text starts with a digit or a sign).

use crate::error::CellError;
use crate::model::types::temporal::{self, date_text, time_text, timestamp_text};
use crate::model::types::text::{parse_uuid, split_decimal, uuid_text};
use crate::model::value::{SqlDate, SqlTime, SqlTimestamp, Value};

/// The text a typed value is sent as; None for the plain kinds.
pub(crate) fn text(value: &Value) -> Option<String> {
    Some(match value {
        Value::Date(d) => date_text(*d),
        // MySQL keeps microseconds: send six digits, as PostgreSQL keeps.
        Value::Time(t) => time_text(*t, 6),
        Value::Timestamp(ts) | Value::TimestampTz(ts) => timestamp_text(*ts, 6, false),
        Value::Uuid(u) => uuid_text(u),
        Value::Decimal(s) | Value::Json(s) => s.clone(),
        _ => return None,
    })
}

#[cold]
fn malformed(expected: &'static str, found: &[u8]) -> CellError {
    CellError::WrongType {
        expected,
        found: format!("{:?}", String::from_utf8_lossy(found)),
    }
}

fn is_binary(b: &[u8]) -> bool {
    b.first()
        .is_some_and(|&n| n <= 12 && usize::from(n) + 1 == b.len())
}

fn as_text<'a>(b: &'a [u8], expected: &'static str) -> Result<&'a str, CellError> {
    std::str::from_utf8(b).map_err(|_| malformed(expected, b))
}

#[cold]
fn zero_date() -> CellError {
    CellError::OutOfRange {
        value: "0000-00-00".to_owned(),
        expected: "a real date (MySQL's zero date has no Rust value)",
    }
}

fn binary_date(b: &[u8], what: &'static str) -> Result<SqlDate, CellError> {
    if b.len() < 5 {
        return Err(zero_date());
    }
    let y = i64::from(u16::from_le_bytes([b[1], b[2]]));
    let (m, d) = (u32::from(b[3]), u32::from(b[4]));
    // A date MySQL keeps but no calendar has (`2000-00-00`, `2000-02-31`
    // where `sql_mode` allows them), named as MySQL writes it.
    SqlDate::from_ymd(y, m, d).ok_or_else(|| CellError::WrongType {
        expected: what,
        found: format!("{y:04}-{m:02}-{d:02}"),
    })
}

pub(crate) fn date(b: &[u8]) -> Result<SqlDate, CellError> {
    const WHAT: &str = "a date";
    if is_binary(b) {
        return binary_date(b, WHAT);
    }
    temporal::parse_date(as_text(b, WHAT)?).map_err(|_| malformed(WHAT, b))
}

pub(crate) fn time(b: &[u8]) -> Result<SqlTime, CellError> {
    const WHAT: &str = "a time of day";
    if !is_binary(b) {
        return temporal::parse_time(as_text(b, WHAT)?).map_err(|_| CellError::OutOfRange {
            value: String::from_utf8_lossy(b).into_owned(),
            expected: "a time of day (00:00:00 to 23:59:59.999999)",
        });
    }
    if b.len() == 1 {
        return Ok(SqlTime { secs: 0, nanos: 0 });
    }
    if b.len() < 9 {
        return Err(malformed(WHAT, b));
    }
    let negative = b[1] != 0;
    let days = u32::from_le_bytes([b[2], b[3], b[4], b[5]]);
    let (h, m, s) = (u32::from(b[6]), u32::from(b[7]), u32::from(b[8]));
    let micros = if b.len() >= 13 {
        u32::from_le_bytes([b[9], b[10], b[11], b[12]])
    } else {
        0
    };
    if negative || days > 0 || h > 23 || m > 59 || s > 59 || micros > 999_999 {
        return Err(CellError::OutOfRange {
            value: format!(
                "{}{}:{m:02}:{s:02}.{micros:06}",
                if negative { "-" } else { "" },
                u64::from(days) * 24 + u64::from(h)
            ),
            expected: "a time of day (00:00:00 to 23:59:59.999999)",
        });
    }
    Ok(SqlTime {
        secs: h * 3600 + m * 60 + s,
        nanos: micros * 1000,
    })
}

pub(crate) fn timestamp(b: &[u8]) -> Result<SqlTimestamp, CellError> {
    const WHAT: &str = "a date and time";
    if !is_binary(b) {
        return temporal::parse_timestamp(as_text(b, WHAT)?, false).map_err(|_| malformed(WHAT, b));
    }
    let date = binary_date(b, WHAT)?;
    let (h, m, s) = match b.get(5..8) {
        Some(t) => (u32::from(t[0]), u32::from(t[1]), u32::from(t[2])),
        None => (0, 0, 0),
    };
    let micros = match b.get(8..12) {
        Some(u) => u32::from_le_bytes([u[0], u[1], u[2], u[3]]),
        None => 0,
    };
    if h > 23 || m > 59 || s > 59 || micros > 999_999 {
        return Err(malformed(WHAT, b));
    }
    Ok(SqlTimestamp::join(
        date,
        SqlTime {
            secs: h * 3600 + m * 60 + s,
            nanos: micros * 1000,
        },
    ))
}

/// A UUID cell: its text (`CHAR(36)`), or, from a binary column
/// (`BINARY(16)`, as some schemas store UUIDs), its sixteen bytes.
pub(crate) fn uuid(b: &[u8], binary: bool) -> Result<[u8; 16], CellError> {
    if binary && let Ok(bytes) = <[u8; 16]>::try_from(b) {
        return Ok(bytes);
    }
    parse_uuid(as_text(b, "a UUID")?)
}

pub(crate) fn decimal(b: &[u8]) -> Result<String, CellError> {
    let s = as_text(b, "a decimal number")?;
    match split_decimal(s) {
        Some(_) => Ok(s.to_owned()),
        None => Err(malformed("a decimal number", b)),
    }
}

pub(crate) fn json(b: &[u8]) -> Result<String, CellError> {
    as_text(b, "a JSON document").map(str::to_owned)
}
