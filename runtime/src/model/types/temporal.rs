//! Dates and times as the backends see them, independent of `chrono` and
//! `time`: both crates convert to and from these, so each backend encodes
//! and decodes a date once, whichever crate a model uses.
//!
//! Text form (SQLite storage, MySQL parameters): `YYYY-MM-DD`,
//! `HH:MM:SS.fffffffff` and `YYYY-MM-DD HH:MM:SS.fffffffff`, with a fixed
//! number of fraction digits so that text order is time order; an instant in
//! UTC ends in `+00:00`.

use std::fmt::{self, Write as _};

/// A calendar date (proleptic Gregorian): days since 1970-01-01. The
/// example at [`SqlTimestamp`] stores one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SqlDate {
    /// Days since 1970-01-01 (negative before).
    pub days: i32,
}

/// A time of day: whole seconds since midnight and nanoseconds. As in
/// `chrono`, `nanos` of 1e9 and more is a leap second (`23:59:60`). The
/// example at [`SqlTimestamp`] stores one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SqlTime {
    /// Whole seconds since midnight.
    pub secs: u32,
    /// Nanoseconds within the second (1e9 and more in a leap second).
    pub nanos: u32,
}

/// A date and time: seconds since 1970-01-01 00:00:00 and nanoseconds
/// (leap seconds as in [`SqlTime`]). Without a zone for `TIMESTAMP` columns,
/// in UTC for `TIMESTAMPTZ` ones.
///
/// ```
/// use related::{SqlDate, SqlTime, SqlTimestamp, Value};
///
/// # fn main() -> related::Result<()> {
/// let day = SqlDate { days: 19_723 }; // 2024-01-01
/// let time = SqlTime { secs: 3_661, nanos: 5 }; // 01:01:01 and 5 ns
/// let at = SqlTimestamp { secs: i64::from(day.days) * 86_400 + 3_661, nanos: 5 };
/// assert!(SqlDate { days: -1 } < day); // ordered as time is
///
/// // SQLite stores them as text whose order is time order, as Django
/// // writes it (a fraction only when there is one; UTC without offset).
/// let db = related::Sqlite::open_in_memory()?;
/// db.execute("CREATE TABLE t (d TEXT, t TEXT, ts TEXT, tz TEXT, whole TEXT)", &[])?;
/// let second = SqlTimestamp { nanos: 0, ..at };
/// let values = [Value::Date(day), Value::Time(time), Value::Timestamp(at), Value::TimestampTz(at), Value::Timestamp(second)];
/// db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", &values)?;
/// let stored: [String; 5] = db
///     .connection()
///     .query_row("SELECT d, t, ts, tz, whole FROM t", [], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?]))
///     .unwrap();
/// assert_eq!(stored[0], "2024-01-01");
/// assert_eq!(stored[1], "01:01:01.000000005");
/// assert_eq!(stored[2], "2024-01-01 01:01:01.000000005");
/// assert_eq!(stored[3], "2024-01-01 01:01:01.000000005");
/// assert_eq!(stored[4], "2024-01-01 01:01:01");
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SqlTimestamp {
    /// Seconds since 1970-01-01 00:00:00 (negative before).
    pub secs: i64,
    /// Nanoseconds within the second (1e9 and more in a leap second).
    pub nanos: u32,
}

/// A length of time, possibly negative: whole seconds (rounded down) and
/// nanoseconds after them, so `-1.5 s` is `secs: -2, nanos: 500_000_000`.
/// Backends store microseconds: `BIGINT` on SQLite and MySQL, PostgreSQL's
/// `INTERVAL`, as Django's `DurationField` does.
///
/// ```
/// use related::SqlDuration;
///
/// let d = SqlDuration::from_micros(-1_500_000);
/// assert_eq!(d, SqlDuration { secs: -2, nanos: 500_000_000 });
/// assert_eq!(d.micros(), Some(-1_500_000));
/// // Below a microsecond, rounded down (as dates and times are).
/// assert_eq!(SqlDuration { secs: 0, nanos: 1_999 }.micros(), Some(1));
/// assert_eq!(SqlDuration { secs: i64::MAX, nanos: 0 }.micros(), None);
/// assert_eq!(SqlDuration::from_micros(i64::MIN).micros(), Some(i64::MIN));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SqlDuration {
    /// Whole seconds, rounded toward negative infinity.
    pub secs: i64,
    /// Nanoseconds after `secs`, below 1e9.
    pub nanos: u32,
}

impl SqlDuration {
    /// `micros` microseconds.
    pub fn from_micros(micros: i64) -> SqlDuration {
        SqlDuration {
            secs: micros.div_euclid(1_000_000),
            // Below 1e6 by `rem_euclid`: the product is below 1e9.
            nanos: u32::try_from(micros.rem_euclid(1_000_000)).unwrap_or(0) * 1000,
        }
    }

    /// `nanos` nanoseconds, if that is within the range of `secs`.
    pub fn from_nanos(nanos: i128) -> Option<SqlDuration> {
        let secs = i64::try_from(nanos.div_euclid(1_000_000_000)).ok()?;
        let nanos = u32::try_from(nanos.rem_euclid(1_000_000_000)).ok()?;
        Some(SqlDuration { secs, nanos })
    }

    /// The whole microseconds (rounded down), or None past `i64`'s range
    /// (about 292,000 years).
    pub fn micros(self) -> Option<i64> {
        // In 128 bits: near the bottom of the range the seconds alone
        // overflow 64-bit microseconds where the sum does not.
        i64::try_from(i128::from(self.secs) * 1_000_000 + i128::from(self.nanos / 1000)).ok()
    }
}

/// Why a duration was not bound: past the microseconds every backend stores.
pub(crate) const DURATION_RANGE: &str = "a duration out of range (durations are stored as microseconds in 64 bits: about 292,000 years either way)";

pub(crate) const SECS_PER_DAY: i64 = 86_400;
const NANOS: u32 = 1_000_000_000;

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl SqlDate {
    /// Whether the text of this date (`YYYY-MM-DD`) sorts as the date
    /// does: years 0000 to 9999 (`10000-01-01` and `-0044-03-15` would
    /// not). SQLite keeps dates as such text.
    pub(crate) fn text_sorts(self) -> bool {
        (0..=9999).contains(&self.ymd().0)
    }

    /// The date of a year, month and day; None if there is no such day.
    pub fn from_ymd(y: i64, m: u32, d: u32) -> Option<Self> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        i32::try_from(days_from_civil(y, m, d))
            .ok()
            .map(|days| SqlDate { days })
    }

    /// Year, month, day.
    pub fn ymd(self) -> (i64, u32, u32) {
        civil_from_days(i64::from(self.days))
    }
}

impl SqlTime {
    /// Hours, minutes, seconds (60 during a leap second), nanoseconds below
    /// one second.
    pub fn hms_nano(self) -> (u32, u32, u32, u32) {
        let leap = u32::from(self.nanos >= NANOS);
        (
            self.secs / 3600,
            self.secs / 60 % 60,
            self.secs % 60 + leap,
            self.nanos % NANOS,
        )
    }

    fn from_hms_nano(h: u32, m: u32, s: u32, nanos: u32) -> Option<Self> {
        if h > 23 || m > 59 || s > 60 || nanos >= NANOS {
            return None;
        }
        // A leap second is kept as second 59 with nanos past 1e9.
        let (s, nanos) = if s == 60 {
            (59, nanos + NANOS)
        } else {
            (s, nanos)
        };
        Some(SqlTime {
            secs: h * 3600 + m * 60 + s,
            nanos,
        })
    }
}

impl SqlTimestamp {
    /// The date and time of day of this timestamp.
    pub fn split(self) -> (SqlDate, SqlTime) {
        let days = self.secs.div_euclid(SECS_PER_DAY);
        let secs = self.secs.rem_euclid(SECS_PER_DAY) as u32;
        (
            // Every i64 second count a caller can build from chrono or time
            // has its day in i32; clamp rather than wrap otherwise.
            SqlDate {
                days: i32::try_from(days).unwrap_or(if days < 0 { i32::MIN } else { i32::MAX }),
            },
            SqlTime {
                secs,
                nanos: self.nanos,
            },
        )
    }

    /// A timestamp from a date and a time of day.
    pub fn join(date: SqlDate, time: SqlTime) -> Self {
        SqlTimestamp {
            secs: i64::from(date.days) * SECS_PER_DAY + i64::from(time.secs),
            nanos: time.nanos,
        }
    }
}

// As the values read in errors (`does not fit in ...`): the date and time
// as text (an instant in UTC), a duration in seconds.
impl fmt::Display for SqlDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&date_text(*self))
    }
}

impl fmt::Display for SqlTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&time_text(*self, python_digits(self.nanos)))
    }
}

impl fmt::Display for SqlTimestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = timestamp_text(*self, python_digits(self.nanos), false);
        write!(f, "{text} UTC")
    }
}

impl fmt::Display for SqlDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = i128::from(self.secs) * 1_000_000_000 + i128::from(self.nanos);
        let sign = if total < 0 { "-" } else { "" };
        let (whole, frac) = (total.abs() / 1_000_000_000, total.abs() % 1_000_000_000);
        if frac == 0 {
            return write!(f, "{sign}{whole} s");
        }
        let frac = format!("{frac:09}");
        write!(f, "{sign}{whole}.{} s", frac.trim_end_matches('0'))
    }
}

fn push_date(out: &mut String, d: SqlDate) {
    let (y, m, day) = d.ymd();
    if y < 0 {
        let _ = write!(out, "-{:04}-{m:02}-{day:02}", -y);
    } else {
        let _ = write!(out, "{y:04}-{m:02}-{day:02}");
    }
}

fn push_time(out: &mut String, t: SqlTime, digits: u32) {
    let (h, m, s, nanos) = t.hms_nano();
    let _ = write!(out, "{h:02}:{m:02}:{s:02}");
    if digits > 0 {
        let frac = nanos / 10u32.pow(9 - digits);
        let _ = write!(out, ".{frac:0width$}", width = digits as usize);
    }
}

/// `YYYY-MM-DD`.
pub(crate) fn date_text(d: SqlDate) -> String {
    let mut s = String::with_capacity(10);
    push_date(&mut s, d);
    s
}

/// `HH:MM:SS.f…` with `digits` fraction digits (truncated).
pub(crate) fn time_text(t: SqlTime, digits: u32) -> String {
    let mut s = String::with_capacity(18);
    push_time(&mut s, t, digits);
    s
}

/// How many fraction digits Python's `str()` gives a time of day (what
/// Django writes on SQLite): none when it is zero, six for whole
/// microseconds; nine for the nanoseconds only Rust has. Text written so
/// still sorts as time does (a shorter fraction is a prefix of the longer
/// one's zeros), and compares equal to what Django wrote for the same
/// instant.
pub(crate) fn python_digits(nanos: u32) -> u32 {
    if nanos == 0 {
        0
    } else if nanos.is_multiple_of(1_000) {
        6
    } else {
        9
    }
}

/// `YYYY-MM-DD HH:MM:SS.f…`, and `+00:00` when `utc`.
pub(crate) fn timestamp_text(ts: SqlTimestamp, digits: u32, utc: bool) -> String {
    let (d, t) = ts.split();
    let mut s = String::with_capacity(35);
    push_date(&mut s, d);
    s.push(' ');
    push_time(&mut s, t, digits);
    if utc {
        s.push_str("+00:00");
    }
    s
}

/// Why a text is not a date or time; the caller names what it expected.
pub(crate) struct Malformed;

/// A small cursor over ASCII text.
struct Cursor<'a> {
    s: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn eat(&mut self, c: u8) -> bool {
        if self.s.get(self.at) == Some(&c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    /// Exactly `n` digits.
    fn digits(&mut self, n: usize) -> Result<u32, Malformed> {
        let mut v = 0u32;
        for _ in 0..n {
            match self.peek() {
                Some(c @ b'0'..=b'9') => {
                    v = v * 10 + u32::from(c - b'0');
                    self.at += 1;
                }
                _ => return Err(Malformed),
            }
        }
        Ok(v)
    }

    fn done(&self) -> bool {
        self.at == self.s.len()
    }

    fn date(&mut self) -> Result<SqlDate, Malformed> {
        let negative = self.eat(b'-');
        let start = self.at;
        let mut y: i64 = 0;
        while let Some(c @ b'0'..=b'9') = self.peek() {
            y = y.checked_mul(10).ok_or(Malformed)? + i64::from(c - b'0');
            self.at += 1;
            if self.at - start > 9 {
                return Err(Malformed);
            }
        }
        if self.at - start < 4 || !self.eat(b'-') {
            return Err(Malformed);
        }
        let m = self.digits(2)?;
        if !self.eat(b'-') {
            return Err(Malformed);
        }
        let d = self.digits(2)?;
        SqlDate::from_ymd(if negative { -y } else { y }, m, d).ok_or(Malformed)
    }

    fn time(&mut self) -> Result<SqlTime, Malformed> {
        let h = self.digits(2)?;
        if !self.eat(b':') {
            return Err(Malformed);
        }
        let m = self.digits(2)?;
        let s = if self.eat(b':') { self.digits(2)? } else { 0 };
        let mut nanos = 0;
        if self.eat(b'.') {
            let mut n = 0;
            while let Some(c @ b'0'..=b'9') = self.peek() {
                // Digits past nanoseconds are dropped, as every backend does.
                if n < 9 {
                    nanos = nanos * 10 + u32::from(c - b'0');
                }
                n += 1;
                self.at += 1;
            }
            if n == 0 {
                return Err(Malformed);
            }
            for _ in n..9 {
                nanos *= 10;
            }
        }
        SqlTime::from_hms_nano(h, m, s, nanos).ok_or(Malformed)
    }

    /// `Z`, `±HH`, `±HH:MM`, `±HHMM` or `±HH:MM:SS`, as seconds east of UTC.
    fn offset(&mut self) -> Result<Option<i64>, Malformed> {
        if self.eat(b'Z') || self.eat(b'z') {
            return Ok(Some(0));
        }
        let sign = if self.eat(b'+') {
            1
        } else if self.eat(b'-') {
            -1
        } else {
            return Ok(None);
        };
        let h = self.digits(2)?;
        let colon = self.eat(b':');
        let m = if colon || self.peek().is_some() {
            self.digits(2)?
        } else {
            0
        };
        let s = if colon && self.eat(b':') {
            self.digits(2)?
        } else {
            0
        };
        if h > 23 || m > 59 || s > 59 {
            return Err(Malformed);
        }
        Ok(Some(sign * i64::from(h * 3600 + m * 60 + s)))
    }
}

fn cursor(s: &str) -> Cursor<'_> {
    Cursor {
        s: s.trim().as_bytes(),
        at: 0,
    }
}

/// Parse `YYYY-MM-DD`.
pub(crate) fn parse_date(s: &str) -> Result<SqlDate, Malformed> {
    let mut c = cursor(s);
    let d = c.date()?;
    if c.done() { Ok(d) } else { Err(Malformed) }
}

/// Parse `HH:MM[:SS[.f…]]`.
pub(crate) fn parse_time(s: &str) -> Result<SqlTime, Malformed> {
    let mut c = cursor(s);
    let t = c.time()?;
    if c.done() { Ok(t) } else { Err(Malformed) }
}

/// Parse `YYYY-MM-DD[( |T)HH:MM[:SS[.f…]]][offset]`. With `utc`, an offset
/// is applied (none means UTC); without it, an offset is an error (the
/// column holds no zone).
pub(crate) fn parse_timestamp(s: &str, utc: bool) -> Result<SqlTimestamp, Malformed> {
    let mut c = cursor(s);
    let date = c.date()?;
    let time = if c.eat(b' ') || c.eat(b'T') || c.eat(b't') {
        c.time()?
    } else {
        SqlTime { secs: 0, nanos: 0 }
    };
    let offset = c.offset()?;
    if !c.done() || (offset.is_some() && !utc) {
        return Err(Malformed);
    }
    let mut ts = SqlTimestamp::join(date, time);
    ts.secs -= offset.unwrap_or(0);
    Ok(ts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for days in [-719_528, -1, 0, 1, 10_957, 2_932_896, 19_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(10_957), (2000, 1, 1));
        assert_eq!(days_from_civil(1, 1, 1), -719_162);
    }

    #[test]
    fn every_day_and_time_survive_text() {
        // Years 1 to 9999, every 997th day; a spread of times of day.
        let first = days_from_civil(1, 1, 1);
        let last = days_from_civil(9999, 12, 31);
        let mut day = first;
        let mut secs: u32 = 0;
        while day <= last {
            let date = SqlDate {
                days: i32::try_from(day).unwrap(),
            };
            assert_eq!(parse_date(&date_text(date)).ok(), Some(date));
            let time = SqlTime {
                secs: secs % 86_400,
                nanos: secs.wrapping_mul(7919) % 1_000_000_000,
            };
            let ts = SqlTimestamp::join(date, time);
            let text = timestamp_text(ts, 9, true);
            assert_eq!(parse_timestamp(&text, true).ok(), Some(ts), "{text}");
            assert_eq!(parse_time(&time_text(time, 9)).ok(), Some(time));
            day += 997;
            secs = secs.wrapping_add(86_399 * 13 + 7);
        }
    }

    #[test]
    fn text_order_is_time_order() {
        let a = SqlTimestamp {
            secs: -62_135_596_800,
            nanos: 0,
        };
        let b = SqlTimestamp { secs: 0, nanos: 5 };
        let c = SqlTimestamp { secs: 0, nanos: 50 };
        let d = SqlTimestamp {
            secs: 253_402_300_799,
            nanos: 999_999_999,
        };
        let texts: Vec<String> = [a, b, c, d]
            .iter()
            .map(|t| timestamp_text(*t, 9, false))
            .collect();
        let mut sorted = texts.clone();
        sorted.sort();
        assert_eq!(texts, sorted);
    }

    #[test]
    fn python_text_order_is_time_order() {
        let at = |secs, nanos| SqlTimestamp { secs, nanos };
        let stamps = [
            at(0, 0),
            at(0, 1),
            at(0, 999),
            at(0, 1_000),
            at(0, 1_001),
            at(0, 500_000_000),
            at(0, 500_000_001),
            at(0, 999_999_999),
            at(1, 0),
        ];
        let texts: Vec<String> = stamps
            .iter()
            .map(|t| timestamp_text(*t, python_digits(t.nanos), false))
            .collect();
        assert_eq!(texts[0], "1970-01-01 00:00:00");
        assert_eq!(texts[3], "1970-01-01 00:00:00.000001");
        assert_eq!(texts[4], "1970-01-01 00:00:00.000001001");
        let mut sorted = texts.clone();
        sorted.sort();
        assert_eq!(texts, sorted);
        for (t, text) in stamps.iter().zip(&texts) {
            assert_eq!(parse_timestamp(text, false).ok(), Some(*t), "{text}");
        }
    }

    #[test]
    fn text_round_trip() {
        let ts = parse_timestamp("2024-02-29 23:59:60.123456789", false)
            .ok()
            .unwrap();
        assert_eq!(
            timestamp_text(ts, 9, false),
            "2024-02-29 23:59:60.123456789"
        );
        let ts = parse_timestamp("2024-03-01T01:30:00+05:30", true)
            .ok()
            .unwrap();
        assert_eq!(
            timestamp_text(ts, 6, true),
            "2024-02-29 20:00:00.000000+00:00"
        );
        assert!(parse_timestamp("2024-03-01 01:30:00+05:30", false).is_err());
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("not a date").is_err());
        assert!(parse_time("24:00:00").is_err());
        assert_eq!(
            date_text(parse_date("0001-01-01").ok().unwrap()),
            "0001-01-01"
        );
        assert_eq!(time_text(parse_time("07:08").ok().unwrap(), 0), "07:08:00");
    }
}
