//! `time` dates and times. `OffsetDateTime` is stored as an instant (see
//! the `chrono` module): every backend returns it with offset UTC. `time`
//! has no leap seconds, so a stored leap second is a decode error.

use time::{Date, OffsetDateTime, PrimitiveDateTime, Time};

use super::column_via;
use super::out_of_range;
use crate::error::CellError;
use crate::model::column::{Key, ordered};
use crate::model::value::{SqlDate, SqlTime, SqlTimestamp};

// The Julian day number of 1970-01-01.
const JULIAN_UNIX: i32 = 2_440_588;
const NANOS: u32 = 1_000_000_000;

fn date_to(d: &Date) -> SqlDate {
    SqlDate {
        days: d.to_julian_day() - JULIAN_UNIX,
    }
}

fn date_from(d: SqlDate) -> Result<Date, CellError> {
    d.days
        .checked_add(JULIAN_UNIX)
        .and_then(|j| Date::from_julian_day(j).ok())
        .ok_or_else(|| out_of_range(d, "time::Date"))
}

fn time_to(t: &Time) -> SqlTime {
    let (h, m, s, nanos) = t.as_hms_nano();
    SqlTime {
        secs: u32::from(h) * 3600 + u32::from(m) * 60 + u32::from(s),
        nanos,
    }
}

fn time_from(t: SqlTime) -> Result<Time, CellError> {
    let (h, m, s, nanos) = t.hms_nano();
    if t.nanos >= NANOS {
        return Err(out_of_range(t, "time::Time (no leap seconds)"));
    }
    // Each part is below 60 (hours below 24) once leap seconds are out.
    let part = |v: u32| u8::try_from(v).unwrap_or(u8::MAX);
    Time::from_hms_nano(part(h), part(m), part(s), nanos).map_err(|_| out_of_range(t, "time::Time"))
}

fn instant_to(t: &OffsetDateTime) -> SqlTimestamp {
    SqlTimestamp {
        secs: t.unix_timestamp(),
        nanos: t.nanosecond(),
    }
}

fn instant_from(t: SqlTimestamp) -> Result<OffsetDateTime, CellError> {
    if t.nanos >= NANOS {
        return Err(out_of_range(t, "time::OffsetDateTime (no leap seconds)"));
    }
    OffsetDateTime::from_unix_timestamp(t.secs)
        .ok()
        .and_then(|s| s.replace_nanosecond(t.nanos).ok())
        .ok_or_else(|| out_of_range(t, "time::OffsetDateTime"))
}

column_via!(Date, Date, get_date, Date, date_to, date_from);
column_via!(Time, Time, get_time, Time, time_to, time_from);
column_via!(
    PrimitiveDateTime,
    Timestamp,
    get_timestamp,
    Timestamp,
    |t: &PrimitiveDateTime| instant_to(&t.assume_utc()),
    |t| instant_from(t).map(|t| PrimitiveDateTime::new(t.date(), t.time()))
);
column_via!(
    OffsetDateTime,
    TimestampTz,
    get_timestamptz,
    TimestampTz,
    // The Unix timestamp is the instant whatever the offset (and, unlike
    // `to_offset`, cannot overflow at the ends of the range).
    instant_to,
    instant_from
);

#[diagnostic::do_not_recommend]
impl Key for Date {}
#[diagnostic::do_not_recommend]
impl Key for Time {}
#[diagnostic::do_not_recommend]
impl Key for PrimitiveDateTime {}
#[diagnostic::do_not_recommend]
impl Key for OffsetDateTime {}
ordered!(Date, Time, PrimitiveDateTime, OffsetDateTime);
