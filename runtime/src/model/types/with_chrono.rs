//! `chrono` dates and times. `DateTime<Utc>` and `DateTime<FixedOffset>`
//! are stored as an instant: PostgreSQL's `TIMESTAMPTZ` keeps no offset, and
//! neither do the other backends, so every backend returns the instant with
//! offset `+00:00` (the same instant, compared with `==`, as the one
//! stored).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};

use super::column_via;
use super::out_of_range;
use crate::error::CellError;
use crate::model::column::{Key, ordered};
use crate::model::value::{SqlDate, SqlTime, SqlTimestamp};

// Days from 0001-01-01 (chrono's day 1 of the common era) to 1970-01-01.
const CE_TO_UNIX: i32 = 719_163;

fn date_to(d: &NaiveDate) -> SqlDate {
    use chrono::Datelike;
    SqlDate {
        days: d.num_days_from_ce() - CE_TO_UNIX,
    }
}

fn date_from(d: SqlDate) -> Result<NaiveDate, CellError> {
    d.days
        .checked_add(CE_TO_UNIX)
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| out_of_range(d, "chrono::NaiveDate"))
}

fn time_to(t: &NaiveTime) -> SqlTime {
    SqlTime {
        secs: t.num_seconds_from_midnight(),
        nanos: t.nanosecond(),
    }
}

fn time_from(t: SqlTime) -> Result<NaiveTime, CellError> {
    NaiveTime::from_num_seconds_from_midnight_opt(t.secs, t.nanos)
        .ok_or_else(|| out_of_range(t, "chrono::NaiveTime"))
}

fn utc_to(t: &DateTime<Utc>) -> SqlTimestamp {
    SqlTimestamp {
        secs: t.timestamp(),
        nanos: t.timestamp_subsec_nanos(),
    }
}

fn utc_from(t: SqlTimestamp) -> Result<DateTime<Utc>, CellError> {
    DateTime::from_timestamp(t.secs, t.nanos).ok_or_else(|| out_of_range(t, "chrono::DateTime"))
}

column_via!(NaiveDate, Date, get_date, Date, date_to, date_from);
column_via!(NaiveTime, Time, get_time, Time, time_to, time_from);
column_via!(
    NaiveDateTime,
    Timestamp,
    get_timestamp,
    Timestamp,
    |t: &NaiveDateTime| utc_to(&t.and_utc()),
    |t| utc_from(t).map(|t| t.naive_utc())
);
column_via!(
    DateTime<Utc>,
    TimestampTz,
    get_timestamptz,
    TimestampTz,
    utc_to,
    utc_from
);
column_via!(
    DateTime<FixedOffset>,
    TimestampTz,
    get_timestamptz,
    TimestampTz,
    |t: &DateTime<FixedOffset>| utc_to(&t.to_utc()),
    |t| utc_from(t).map(|t| t.fixed_offset())
);

#[diagnostic::do_not_recommend]
impl Key for NaiveDate {}
#[diagnostic::do_not_recommend]
impl Key for NaiveTime {}
#[diagnostic::do_not_recommend]
impl Key for NaiveDateTime {}
#[diagnostic::do_not_recommend]
impl Key for DateTime<Utc> {}
#[diagnostic::do_not_recommend]
impl Key for DateTime<FixedOffset> {}
ordered!(
    NaiveDate,
    NaiveTime,
    NaiveDateTime,
    DateTime<Utc>,
    DateTime<FixedOffset>
);
