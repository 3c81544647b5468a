//! PostgreSQL's binary forms of the column types of `crate::types`:
//! `DATE`, `TIME`, `TIMESTAMP`, `TIMESTAMPTZ`, `INTERVAL`, `UUID`, `NUMERIC` and `JSONB`
//! parameters (and arrays of them, for key lists), and the getters that read
//! them back in either wire format. Written here, against the protocol,
//! so that no date or decimal crate is needed to talk to PostgreSQL.

use sqlx::Type;
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::types::Oid;
use sqlx::postgres::{
    PgArgumentBuffer, PgHasArrayType, PgTypeInfo, PgValueFormat, PgValueRef, Postgres,
};

use crate::error::CellError;
use crate::model::types::temporal::{self, SECS_PER_DAY};
use crate::model::types::text::{parse_uuid, split_decimal};
use crate::model::value::{SqlDate, SqlDuration, SqlTime, SqlTimestamp, Value};

pub(crate) const DATE: u32 = 1082;
pub(crate) const TIME: u32 = 1083;
pub(crate) const TIMESTAMP: u32 = 1114;
pub(crate) const TIMESTAMPTZ: u32 = 1184;
pub(crate) const INTERVAL: u32 = 1186;
pub(crate) const NUMERIC: u32 = 1700;
pub(crate) const UUID: u32 = 2950;
pub(crate) const JSON: u32 = 114;
pub(crate) const JSONB: u32 = 3802;

/// Days from 1970-01-01 to PostgreSQL's epoch, 2000-01-01.
const PG_EPOCH_DAYS: i64 = 10_957;

/// A parameter already in PostgreSQL's binary form for the type `OID`
/// (arrays of it are `ARRAY`).
pub(crate) struct Bin<const OID: u32, const ARRAY: u32>(pub Vec<u8>);

impl<const OID: u32, const ARRAY: u32> Type<Postgres> for Bin<OID, ARRAY> {
    fn type_info() -> PgTypeInfo {
        PgTypeInfo::with_oid(Oid(OID))
    }
}

impl<const OID: u32, const ARRAY: u32> PgHasArrayType for Bin<OID, ARRAY> {
    fn array_type_info() -> PgTypeInfo {
        PgTypeInfo::with_oid(Oid(ARRAY))
    }
}

impl<const OID: u32, const ARRAY: u32> sqlx::Encode<'_, Postgres> for Bin<OID, ARRAY> {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        buf.extend_from_slice(&self.0);
        Ok(IsNull::No)
    }
}

pub(crate) type PgDate = Bin<DATE, 1182>;
pub(crate) type PgTime = Bin<TIME, 1183>;
pub(crate) type PgTimestamp = Bin<TIMESTAMP, 1115>;
pub(crate) type PgTimestampTz = Bin<TIMESTAMPTZ, 1185>;
pub(crate) type PgInterval = Bin<INTERVAL, 1187>;
pub(crate) type PgUuid = Bin<UUID, 2951>;
pub(crate) type PgNumeric = Bin<NUMERIC, 1231>;
pub(crate) type PgJsonb = Bin<JSONB, 3807>;

fn micros(secs: i64, nanos: u32) -> Result<i64, BoxDynError> {
    secs.checked_mul(1_000_000)
        .and_then(|m| m.checked_add(i64::from(nanos / 1000)))
        .ok_or_else(|| "a date and time out of PostgreSQL's range".into())
}

fn timestamp_bin(ts: SqlTimestamp) -> Result<Vec<u8>, BoxDynError> {
    // chrono's leap second (`23:59:60`): PostgreSQL has none, and the
    // microseconds would carry into the next second in silence.
    if ts.nanos >= 1_000_000_000 {
        return Err("a leap second (23:59:60): PostgreSQL has none".into());
    }
    let secs = ts.secs - PG_EPOCH_DAYS * SECS_PER_DAY;
    Ok(micros(secs, ts.nanos)?.to_be_bytes().to_vec())
}

/// A typed parameter's binary form, for the kinds this module handles.
pub(crate) enum Typed {
    Date(PgDate),
    Time(PgTime),
    Timestamp(PgTimestamp),
    TimestampTz(PgTimestampTz),
    Interval(PgInterval),
    Uuid(PgUuid),
    Numeric(PgNumeric),
    Jsonb(PgJsonb),
}

/// The binary form of `value`, if it is one of this module's kinds.
pub(crate) fn typed(value: &Value) -> Option<Result<Typed, BoxDynError>> {
    Some(Ok(match value {
        Value::Date(d) => {
            let days = i64::from(d.days) - PG_EPOCH_DAYS;
            match i32::try_from(days) {
                Ok(days) => Typed::Date(Bin(days.to_be_bytes().to_vec())),
                Err(_) => return Some(Err("a date out of PostgreSQL's range".into())),
            }
        }
        Value::Time(t) => match micros(i64::from(t.secs), t.nanos) {
            Ok(m) => Typed::Time(Bin(m.to_be_bytes().to_vec())),
            Err(e) => return Some(Err(e)),
        },
        Value::Timestamp(ts) => match timestamp_bin(*ts) {
            Ok(b) => Typed::Timestamp(Bin(b)),
            Err(e) => return Some(Err(e)),
        },
        Value::TimestampTz(ts) => match timestamp_bin(*ts) {
            Ok(b) => Typed::TimestampTz(Bin(b)),
            Err(e) => return Some(Err(e)),
        },
        // INTERVAL's binary form: microseconds, days, months. All of it in
        // the microseconds, as the other backends store a duration.
        Value::Duration(d) => match d.micros() {
            Some(m) => {
                let mut b = Vec::with_capacity(16);
                b.extend_from_slice(&m.to_be_bytes());
                b.extend_from_slice(&[0; 8]);
                Typed::Interval(Bin(b))
            }
            None => return Some(Err(temporal::DURATION_RANGE.into())),
        },
        Value::Uuid(u) => Typed::Uuid(Bin(u.to_vec())),
        Value::Decimal(s) => match numeric_bin(s) {
            Ok(b) => Typed::Numeric(Bin(b)),
            Err(e) => return Some(Err(e)),
        },
        Value::Json(s) => {
            // JSONB's binary form: a version byte (1), then the text.
            let mut b = Vec::with_capacity(s.len() + 1);
            b.push(1);
            b.extend_from_slice(s.as_bytes());
            Typed::Jsonb(Bin(b))
        }
        _ => return None,
    }))
}

/// `NUMERIC`'s binary form: digit count, weight (of the first base-10000
/// digit), sign, display scale, then the base-10000 digits.
fn numeric_bin(s: &str) -> Result<Vec<u8>, BoxDynError> {
    let (negative, int, frac) = split_decimal(s).ok_or("not a decimal number")?;
    let int = int.trim_start_matches('0');
    let dscale = u16::try_from(frac.len()).map_err(|_| "too many fraction digits")?;
    let pad_left = (4 - int.len() % 4) % 4;
    let pad_right = (4 - frac.len() % 4) % 4;
    let all: Vec<u8> = std::iter::repeat_n(b'0', pad_left)
        .chain(int.bytes())
        .chain(frac.bytes())
        .chain(std::iter::repeat_n(b'0', pad_right))
        .collect();
    let mut groups: Vec<i16> = all
        .chunks_exact(4)
        .map(|c| c.iter().fold(0i16, |acc, d| acc * 10 + i16::from(d - b'0')))
        .collect();
    let mut weight = i32::try_from((pad_left + int.len()) / 4).map_err(|_| "too many digits")? - 1;
    let leading = groups.iter().take_while(|&&g| g == 0).count();
    groups.drain(..leading);
    weight -= i32::try_from(leading).map_err(|_| "too many digits")?;
    while groups.last() == Some(&0) {
        groups.pop();
    }
    if groups.is_empty() {
        weight = 0;
    }
    let ndigits = i16::try_from(groups.len()).map_err(|_| "too many digits")?;
    let weight = i16::try_from(weight).map_err(|_| "a number out of NUMERIC's range")?;
    let sign: u16 = if negative && !groups.is_empty() {
        0x4000
    } else {
        0
    };
    let mut out = Vec::with_capacity(8 + groups.len() * 2);
    out.extend_from_slice(&ndigits.to_be_bytes());
    out.extend_from_slice(&weight.to_be_bytes());
    out.extend_from_slice(&sign.to_be_bytes());
    out.extend_from_slice(&dscale.to_be_bytes());
    for g in groups {
        out.extend_from_slice(&g.to_be_bytes());
    }
    Ok(out)
}

fn numeric_text(b: &[u8]) -> Result<String, CellError> {
    let short = || CellError::Driver("a NUMERIC value shorter than its header".to_owned());
    let word = |i: usize| -> Result<u16, CellError> {
        b.get(i..i + 2)
            .map(|w| u16::from_be_bytes([w[0], w[1]]))
            .ok_or_else(short)
    };
    let ndigits = usize::from(word(0)?);
    let weight = i64::from(word(2)? as i16);
    let sign = word(4)?;
    let dscale = usize::from(word(6)?);
    match sign {
        0 | 0x4000 => {}
        0xC000 => return Err(not_finite("NaN")),
        0xD000 => return Err(not_finite("Infinity")),
        _ => return Err(not_finite("-Infinity")),
    }
    let digits: Vec<u16> = (0..ndigits)
        .map(|i| word(8 + 2 * i))
        .collect::<Result<_, _>>()?;
    let digit = |pos: i64| -> u16 {
        usize::try_from(pos)
            .ok()
            .and_then(|p| digits.get(p).copied())
            .unwrap_or(0)
    };
    let mut s = String::new();
    if sign == 0x4000 {
        s.push('-');
    }
    if weight < 0 {
        s.push('0');
    } else {
        for pos in 0..=weight {
            if pos == 0 {
                s.push_str(&digit(pos).to_string());
            } else {
                s.push_str(&format!("{:04}", digit(pos)));
            }
        }
    }
    if dscale > 0 {
        s.push('.');
        let mut frac = String::new();
        let mut pos = weight + 1;
        while frac.len() < dscale {
            frac.push_str(&format!("{:04}", digit(pos)));
            pos += 1;
        }
        frac.truncate(dscale);
        s.push_str(&frac);
    }
    Ok(s)
}

#[cold]
fn not_finite(what: &str) -> CellError {
    CellError::OutOfRange {
        value: what.to_owned(),
        expected: "a finite decimal number",
    }
}

#[cold]
fn malformed(expected: &'static str, found: &[u8]) -> CellError {
    CellError::WrongType {
        expected,
        found: format!("{:?}", String::from_utf8_lossy(found)),
    }
}

fn be<const N: usize>(b: &[u8], expected: &'static str) -> Result<[u8; N], CellError> {
    b.try_into().map_err(|_| malformed(expected, b))
}

/// The bytes of a non-NULL cell, and whether they are PostgreSQL's text
/// form (statements without parameters) rather than its binary form.
fn raw<'r>(value: &PgValueRef<'r>) -> Result<(&'r [u8], bool), CellError> {
    let text = value.format() == PgValueFormat::Text;
    value
        .as_bytes()
        .map(|b| (b, text))
        .map_err(|e| CellError::Driver(e.to_string()))
}

fn as_text<'a>(b: &'a [u8], expected: &'static str) -> Result<&'a str, CellError> {
    std::str::from_utf8(b).map_err(|_| malformed(expected, b))
}

pub(crate) fn date(value: PgValueRef<'_>) -> Result<SqlDate, CellError> {
    const WHAT: &str = "a date";
    let (b, text) = raw(&value)?;
    if text {
        let era = astronomical(as_text(b, WHAT)?);
        return temporal::parse_date(&era).map_err(|_| malformed(WHAT, b));
    }
    let days = i32::from_be_bytes(be(b, WHAT)?);
    if days == i32::MAX || days == i32::MIN {
        return Err(not_finite_date(days > 0));
    }
    i32::try_from(i64::from(days) + PG_EPOCH_DAYS)
        .map(|days| SqlDate { days })
        .map_err(|_| not_finite_date(days > 0))
}

/// PostgreSQL's text form of a date before year 1 puts the era last and
/// counts years from 1 BC (`0045-03-15 12:00:00 BC`); the binary form, and
/// `chrono` and `time`, count astronomically (-44, year 0 being 1 BC).
/// Any other text is returned as it is.
fn astronomical(s: &str) -> std::borrow::Cow<'_, str> {
    let Some(body) = s.trim_end().strip_suffix(" BC") else {
        return std::borrow::Cow::Borrowed(s);
    };
    let body = body.trim_start();
    let Some(dash) = body.find('-') else {
        return std::borrow::Cow::Borrowed(s);
    };
    let Ok(year) = body[..dash].parse::<i64>() else {
        return std::borrow::Cow::Borrowed(s);
    };
    let astro = 1 - year;
    let sign = if astro < 0 { "-" } else { "" };
    std::borrow::Cow::Owned(format!("{sign}{:04}{}", astro.abs(), &body[dash..]))
}

#[cold]
fn not_finite_date(positive: bool) -> CellError {
    CellError::OutOfRange {
        value: if positive { "infinity" } else { "-infinity" }.to_owned(),
        expected: "a finite date",
    }
}

fn split_micros(m: i64) -> (i64, u32) {
    (
        m.div_euclid(1_000_000),
        (m.rem_euclid(1_000_000) * 1000) as u32,
    )
}

pub(crate) fn time(value: PgValueRef<'_>) -> Result<SqlTime, CellError> {
    const WHAT: &str = "a time of day";
    let (b, text) = raw(&value)?;
    if text {
        return temporal::parse_time(as_text(b, WHAT)?).map_err(|_| malformed(WHAT, b));
    }
    let (secs, nanos) = split_micros(i64::from_be_bytes(be(b, WHAT)?));
    // TIME holds 24:00:00, which no Rust time of day does.
    match u32::try_from(secs) {
        Ok(secs) if secs < 86_400 => Ok(SqlTime { secs, nanos }),
        _ => Err(CellError::OutOfRange {
            value: format!("{secs} seconds after midnight"),
            expected: "a time of day before 24:00:00",
        }),
    }
}

/// An `INTERVAL`, as one length of time. A month counts as 30 days and a
/// day as 24 hours, as PostgreSQL itself compares intervals (and as
/// psycopg reads them for Django).
pub(crate) fn interval(value: PgValueRef<'_>) -> Result<SqlDuration, CellError> {
    const WHAT: &str = "an interval";
    let (b, text) = raw(&value)?;
    let (micros, days, months) = if text {
        parse_interval(as_text(b, WHAT)?).ok_or_else(|| malformed(WHAT, b))?
    } else {
        // Microseconds (8 bytes), days (4), months (4).
        let b: [u8; 16] = be(b, WHAT)?;
        (
            i128::from(i64::from_be_bytes(be(&b[..8], WHAT)?)),
            i128::from(i32::from_be_bytes(be(&b[8..12], WHAT)?)),
            i128::from(i32::from_be_bytes(be(&b[12..], WHAT)?)),
        )
    };
    let day = i128::from(SECS_PER_DAY) * 1_000_000;
    let total = (months * 30 + days) * day + micros;
    total
        .checked_mul(1000)
        .and_then(SqlDuration::from_nanos)
        .ok_or_else(|| malformed(WHAT, b))
}

/// PostgreSQL's text form of an interval (`IntervalStyle` `postgres`, the
/// default): `1 year 2 mons -3 days +04:05:06.5`, each part optional.
/// Returns microseconds, days and months.
fn parse_interval(s: &str) -> Option<(i128, i128, i128)> {
    let (mut micros, mut days, mut months) = (0i128, 0i128, 0i128);
    let mut words = s.split_ascii_whitespace();
    while let Some(word) = words.next() {
        if word.contains(':') {
            micros += parse_clock(word)?;
            continue;
        }
        let n: i128 = word.strip_prefix('+').unwrap_or(word).parse().ok()?;
        match words.next()? {
            "year" | "years" => months += n * 12,
            "mon" | "mons" => months += n,
            "day" | "days" => days += n,
            _ => return None,
        }
    }
    Some((micros, days, months))
}

/// `[-+]H:MM:SS[.ffffff]` (hours past 24 allowed) in microseconds.
fn parse_clock(s: &str) -> Option<i128> {
    let (negative, s) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let mut parts = s.splitn(3, ':');
    let hours: i128 = parts.next()?.parse().ok()?;
    let minutes: i128 = parts.next()?.parse().ok()?;
    let seconds = parts.next()?;
    let (secs, frac) = seconds.split_once('.').unwrap_or((seconds, ""));
    let secs: i128 = secs.parse().ok()?;
    if frac.len() > 6 || !frac.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let frac: i128 = format!("{frac:0<6}").parse().ok()?;
    let total = ((hours * 60 + minutes) * 60 + secs) * 1_000_000 + frac;
    Some(if negative { -total } else { total })
}

pub(crate) fn timestamp(value: PgValueRef<'_>, utc: bool) -> Result<SqlTimestamp, CellError> {
    const WHAT: &str = "a date and time";
    let (b, text) = raw(&value)?;
    if text {
        let era = astronomical(as_text(b, WHAT)?);
        return temporal::parse_timestamp(&era, utc).map_err(|_| malformed(WHAT, b));
    }
    let m = i64::from_be_bytes(be(b, WHAT)?);
    if m == i64::MAX || m == i64::MIN {
        return Err(not_finite_date(m > 0));
    }
    let (secs, nanos) = split_micros(m);
    Ok(SqlTimestamp {
        secs: secs + PG_EPOCH_DAYS * SECS_PER_DAY,
        nanos,
    })
}

pub(crate) fn uuid(value: PgValueRef<'_>) -> Result<[u8; 16], CellError> {
    let (b, text) = raw(&value)?;
    if text {
        return parse_uuid(as_text(b, "a UUID")?);
    }
    be(b, "a UUID")
}

pub(crate) fn numeric(value: PgValueRef<'_>) -> Result<String, CellError> {
    let (b, text) = raw(&value)?;
    if text {
        let s = as_text(b, "a decimal number")?;
        return match split_decimal(s) {
            Some(_) => Ok(s.to_owned()),
            None => Err(not_finite(s)),
        };
    }
    numeric_text(b)
}

pub(crate) fn json(value: PgValueRef<'_>, oid: u32) -> Result<String, CellError> {
    const WHAT: &str = "a JSON document";
    let (b, text) = raw(&value)?;
    let b = match (text, oid, b.split_first()) {
        (false, JSONB, Some((1, rest))) => rest,
        (false, JSONB, _) => return Err(malformed("JSONB version 1", b)),
        _ => b,
    };
    as_text(b, WHAT).map(str::to_owned)
}

/// Bind one typed value.
pub(crate) fn add(
    args: &mut sqlx::postgres::PgArguments,
    value: &Value,
) -> Result<(), BoxDynError> {
    use sqlx::Arguments;
    match typed(value).ok_or("not a typed PostgreSQL value")?? {
        Typed::Date(b) => args.add(b),
        Typed::Time(b) => args.add(b),
        Typed::Timestamp(b) => args.add(b),
        Typed::TimestampTz(b) => args.add(b),
        Typed::Interval(b) => args.add(b),
        Typed::Uuid(b) => args.add(b),
        Typed::Numeric(b) => args.add(b),
        Typed::Jsonb(b) => args.add(b),
    }
}

/// Bind a list of typed values (a key list, or an `is_in`) as one array.
pub(crate) fn add_array(
    args: &mut sqlx::postgres::PgArguments,
    items: &[Value],
) -> Result<(), BoxDynError> {
    use sqlx::Arguments;
    let typed: Vec<Typed> = items
        .iter()
        .map(|v| typed(v).unwrap_or_else(|| Err("a key list mixes types".into())))
        .collect::<Result<_, _>>()?;
    macro_rules! all {
        ($variant:ident) => {
            args.add(
                typed
                    .into_iter()
                    .map(|t| match t {
                        Typed::$variant(b) => Ok(b),
                        _ => Err(BoxDynError::from("a key list mixes types")),
                    })
                    .collect::<Result<Vec<_>, _>>()?,
            )
        };
    }
    match typed.first() {
        Some(Typed::Date(_)) => all!(Date),
        Some(Typed::Time(_)) => all!(Time),
        Some(Typed::Timestamp(_)) => all!(Timestamp),
        Some(Typed::TimestampTz(_)) => all!(TimestampTz),
        Some(Typed::Interval(_)) => all!(Interval),
        Some(Typed::Uuid(_)) => all!(Uuid),
        Some(Typed::Numeric(_)) => all!(Numeric),
        // `is_in` on a JSON column.
        Some(Typed::Jsonb(_)) => all!(Jsonb),
        None => Err("an empty typed list".into()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_before_year_one_read_astronomically() {
        use super::astronomical;
        assert_eq!(astronomical("0001-01-01 BC"), "0000-01-01");
        assert_eq!(
            astronomical("0045-03-15 12:00:00 BC"),
            "-0044-03-15 12:00:00"
        );
        assert_eq!(
            astronomical("4713-11-24 00:00:00+00 BC"),
            "-4712-11-24 00:00:00+00"
        );
        assert_eq!(astronomical("2020-01-01"), "2020-01-01");
    }

    use super::*;

    #[test]
    fn interval_text_in_postgres_style() {
        for (text, want) in [
            ("00:00:00", Some((0, 0, 0))),
            ("1 day", Some((0, 1, 0))),
            ("2 days 03:00:00", Some((3 * 3_600_000_000, 2, 0))),
            ("-1 days +02:00:00", Some((2 * 3_600_000_000, -1, 0))),
            (
                "1 year 2 mons 3 days 04:05:06.5",
                Some((14_706_500_000, 3, 14)),
            ),
            ("-00:00:01.5", Some((-1_500_000, 0, 0))),
            (
                "-1 years -2 mons +3 days -04:05:06",
                Some((-14_706_000_000, 3, -14)),
            ),
            ("100:00:00.000001", Some((100 * 3_600_000_000 + 1, 0, 0))),
            ("P1D", None),
            ("1 fortnight", None),
            ("00:00:00.1234567", None),
        ] {
            assert_eq!(parse_interval(text), want, "{text}");
        }
    }

    #[test]
    fn numeric_round_trip() {
        for s in [
            "0",
            "1",
            "-1",
            "10000",
            "12345.6789",
            "0.0001",
            "-0.00012300",
            "79228162514264337593543950335",
            "1.2345678901234567890123456789",
            "100.10",
        ] {
            let b = numeric_bin(s).unwrap();
            let back = numeric_text(&b).unwrap();
            let want = s.trim_start_matches('-');
            assert_eq!(back.trim_start_matches('-'), want, "{s}");
            assert_eq!(back.starts_with('-'), s.starts_with('-'), "{s}");
        }
    }
}
