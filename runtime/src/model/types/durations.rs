//! Lengths of time: `std::time::Duration`, and `chrono::TimeDelta` and
//! `time::Duration` behind their features. Stored as Django's
//! `DurationField` stores them: microseconds (`BIGINT` on SQLite and MySQL,
//! `INTERVAL` on PostgreSQL), so what is below a microsecond is rounded
//! down on the way in, as for dates and times.

use super::column_via;
use super::out_of_range;
use crate::error::CellError;
use crate::model::column::ordered;
use crate::model::value::SqlDuration;

/// What a duration past `SqlDuration`'s seconds becomes: past the range
/// every backend stores too, so that binding it is an error rather than a
/// shorter duration.
const PAST_RANGE: SqlDuration = SqlDuration {
    secs: i64::MAX,
    nanos: 0,
};

fn std_to(d: &std::time::Duration) -> SqlDuration {
    match i64::try_from(d.as_secs()) {
        Ok(secs) => SqlDuration {
            secs,
            nanos: d.subsec_nanos(),
        },
        Err(_) => PAST_RANGE,
    }
}

fn std_from(d: SqlDuration) -> Result<std::time::Duration, CellError> {
    u64::try_from(d.secs)
        .map(|secs| std::time::Duration::new(secs, d.nanos))
        .map_err(|_| out_of_range(d, "std::time::Duration (never negative)"))
}

column_via!(
    std::time::Duration,
    Duration,
    get_duration,
    Duration,
    std_to,
    std_from
);
ordered!(std::time::Duration);

#[cfg(feature = "chrono")]
mod with_chrono {
    use chrono::TimeDelta;

    use super::*;

    fn to(d: &TimeDelta) -> SqlDuration {
        // `TimeDelta`'s range (about 292 million years) is within `i64`
        // seconds.
        let nanos = i128::from(d.num_seconds()) * 1_000_000_000 + i128::from(d.subsec_nanos());
        SqlDuration::from_nanos(nanos).unwrap_or(PAST_RANGE)
    }

    fn from(d: SqlDuration) -> Result<TimeDelta, CellError> {
        TimeDelta::new(d.secs, d.nanos).ok_or_else(|| out_of_range(d, "chrono::TimeDelta"))
    }

    column_via!(TimeDelta, Duration, get_duration, Duration, to, from);
    ordered!(TimeDelta);
}

#[cfg(feature = "time")]
mod with_time {
    use super::*;

    fn to(d: &time::Duration) -> SqlDuration {
        SqlDuration::from_nanos(d.whole_nanoseconds()).unwrap_or(PAST_RANGE)
    }

    fn from(d: SqlDuration) -> Result<time::Duration, CellError> {
        // `nanos` is below 1e9: no carry into the seconds.
        let nanos = i32::try_from(d.nanos).map_err(|_| out_of_range(d, "time::Duration"))?;
        Ok(time::Duration::new(d.secs, nanos))
    }

    column_via!(time::Duration, Duration, get_duration, Duration, to, from);
    ordered!(time::Duration);
}
