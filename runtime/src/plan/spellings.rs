//! Values a text column may hold in more than one spelling, all of which
//! the decoder reads as the same value: a comparison for equality asks for
//! every one, so that whatever a row can be read from, a filter or a key
//! list finds it too.
//!
//! UUIDs on SQLite and MySQL, which store them as text (or bytes) and
//! compare that exactly. `related` writes the hyphenated lowercase form;
//! Django and SQLAlchemy write 32 hex digits without hyphens (`char(32)`);
//! other tools write capitals; and on MySQL `BINARY(16)` holds the bytes.
//!
//! Times of day, dates with times, and instants on SQLite, which stores them
//! as text. `related` and Django write `2024-01-01 10:00:00[.ffffff]`;
//! SQLAlchemy always six fraction digits; chrono's and Diesel's `%.f` three,
//! six or nine; JavaScript and ISO 8601 tools a `T`, three digits and a `Z`;
//! sqlx an instant with `+00:00`; and some tools leave out zero seconds.
//! Each spelling that states the value exactly is asked for (a fraction is
//! never rounded: `10:00:00.5` has no three-digit spelling of `.5000001`).
//! Other offsets than UTC's are not (an instant stored at `+02:00` is found
//! by a JOIN only).
//!
//! A JOIN compares two stored columns, which one application wrote alike,
//! so it needs none of this; a key list was decoded from rows and has lost
//! their spelling.

use crate::model::types::temporal::{self, SqlTime, SqlTimestamp};
use crate::model::types::text::uuid_text;
use crate::model::value::Value;

/// What a backend stores as text that the decoder reads in more than one
/// spelling (`Dialect::storage`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Storage {
    pub uuids: UuidStorage,
    /// Times, timestamps and instants as text (SQLite).
    pub temporal_text: bool,
}

/// How a backend stores a UUID (`Dialect::uuids`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UuidStorage {
    /// A `uuid` type of its own (PostgreSQL): one value, whatever its text.
    Native,
    /// Text (SQLite).
    Text,
    /// Text or the 16 bytes (MySQL's `CHAR(36)`, `CHAR(32)`, `BINARY(16)`).
    TextOrBytes,
}

/// Every spelling of `value` a row may hold where values are stored as
/// `storage` says, when there is more than one: ours first.
pub(crate) fn of(storage: Storage, value: &Value) -> Option<Vec<Value>> {
    match value {
        Value::Uuid(bytes) => uuid(storage.uuids, bytes),
        Value::Time(t) if storage.temporal_text => time(*t),
        Value::Timestamp(ts) if storage.temporal_text => timestamp(*ts, false),
        Value::TimestampTz(ts) if storage.temporal_text => timestamp(*ts, true),
        _ => None,
    }
}

/// The most spellings one value of `value`'s kind can have (a key list is
/// split by the parameters it takes).
pub(crate) fn per_key(storage: Storage, key: &Value) -> usize {
    match key {
        // Four text forms, and on MySQL the 16 bytes (see `uuid`).
        Value::Uuid(_) => match storage.uuids {
            UuidStorage::Native => 1,
            UuidStorage::Text => 4,
            UuidStorage::TextOrBytes => 5,
        },
        // Four fractions and no seconds; two separators; three zones; and
        // the date alone.
        Value::Time(_) if storage.temporal_text => 5,
        Value::Timestamp(_) if storage.temporal_text => 11,
        Value::TimestampTz(_) if storage.temporal_text => 31,
        _ => 1,
    }
}

/// The fraction digit counts that state `nanos` exactly: Python's (what
/// `related` writes) first, then 0, 3, 6 and 9 where exact.
fn fraction_digits(nanos: u32) -> Vec<u32> {
    let ours = temporal::python_digits(nanos);
    let mut all = vec![ours];
    for (digits, exact) in [
        (0, nanos == 0),
        (3, nanos.is_multiple_of(1_000_000)),
        (6, nanos.is_multiple_of(1_000)),
        (9, true),
    ] {
        if exact && digits != ours {
            all.push(digits);
        }
    }
    all
}

/// `HH:MM:SS[.f…]` in every exact fraction, and `HH:MM` on the minute.
fn time_texts(t: SqlTime) -> Vec<String> {
    let mut all: Vec<String> = fraction_digits(t.nanos)
        .into_iter()
        .map(|d| temporal::time_text(t, d))
        .collect();
    if t.secs.is_multiple_of(60) && t.nanos == 0 {
        let (h, m, _, _) = t.hms_nano();
        all.push(format!("{h:02}:{m:02}"));
    }
    all
}

fn time(t: SqlTime) -> Option<Vec<Value>> {
    // A leap second has one spelling.
    if t.nanos >= 1_000_000_000 {
        return None;
    }
    Some(time_texts(t).into_iter().map(Value::Text).collect())
}

fn timestamp(ts: SqlTimestamp, utc: bool) -> Option<Vec<Value>> {
    let (d, t) = ts.split();
    // Years past 9999 are refused when bound (their text does not sort):
    // left as they are, they still are.
    if t.nanos >= 1_000_000_000 || !d.text_sorts() {
        return None;
    }
    let date = temporal::date_text(d);
    let times = time_texts(t);
    let zones: &[&str] = if utc { &["", "+00:00", "Z"] } else { &[""] };
    let mut all = Vec::with_capacity(times.len() * 2 * zones.len() + 1);
    for zone in zones {
        for sep in [' ', 'T'] {
            for time in &times {
                all.push(Value::Text(format!("{date}{sep}{time}{zone}")));
            }
        }
    }
    if t.secs == 0 && t.nanos == 0 {
        all.push(Value::Text(date));
    }
    Some(all)
}

fn uuid(uuids: UuidStorage, bytes: &[u8; 16]) -> Option<Vec<Value>> {
    if uuids == UuidStorage::Native {
        return None;
    }
    let hyphenated = uuid_text(bytes);
    let plain = hyphenated.replace('-', "");
    let mut all = vec![
        Value::Text(hyphenated.clone()),
        Value::Text(plain.clone()),
        Value::Text(plain.to_ascii_uppercase()),
        Value::Text(hyphenated.to_ascii_uppercase()),
    ];
    if uuids == UuidStorage::TextOrBytes {
        all.push(Value::Bytes(bytes.to_vec()));
    }
    Some(all)
}

/// `keys` with each one replaced by all its spellings (see [`of`]).
pub(crate) fn expand(storage: Storage, keys: Vec<Value>) -> Vec<Value> {
    // The values of one list are of one column's type (or NULL): the first
    // other value says whether they have spellings, without a pass over
    // them all.
    let Some(first) = keys.iter().find(|k| !matches!(k, Value::Null)) else {
        return keys;
    };
    let per = per_key(storage, first);
    if per == 1 {
        return keys;
    }
    let mut out = Vec::with_capacity(keys.len() * per);
    for k in keys {
        match of(storage, &k) {
            Some(all) => out.extend(all),
            None => out.push(k),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: Storage = Storage {
        uuids: UuidStorage::Text,
        temporal_text: true,
    };
    const MYSQL: Storage = Storage {
        uuids: UuidStorage::TextOrBytes,
        temporal_text: false,
    };
    const PG: Storage = Storage {
        uuids: UuidStorage::Native,
        temporal_text: false,
    };

    fn texts(v: Option<Vec<Value>>) -> Vec<String> {
        v.unwrap_or_default()
            .into_iter()
            .map(|v| match v {
                Value::Text(t) => t,
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn sqlite_times_have_every_exact_spelling() {
        let at = |s: &str| temporal::parse_timestamp(s, true).ok().unwrap();
        // On the minute: no fraction, .000, .000000, .000000000, and no
        // seconds; with a space or a T; with no zone, +00:00 or Z.
        let all = texts(of(TEXT, &Value::TimestampTz(at("2024-01-01 10:00:00"))));
        assert_eq!(all.len(), 30);
        assert_eq!(all[0], "2024-01-01 10:00:00", "ours first");
        for s in [
            "2024-01-01T10:00:00",
            "2024-01-01 10:00:00.000",
            "2024-01-01 10:00:00.000000",
            "2024-01-01T10:00:00.000000000Z",
            "2024-01-01 10:00",
            "2024-01-01 10:00:00+00:00",
        ] {
            assert!(all.iter().any(|a| a == s), "{s} in {all:?}");
        }
        // Every spelling reads back as the same instant.
        for s in &all {
            assert_eq!(at(s), at("2024-01-01 10:00:00"), "{s}");
        }
        // Half a second: no spelling without a fraction, none rounded.
        let half = texts(of(TEXT, &Value::Timestamp(at("2024-01-01 10:00:00.5"))));
        assert_eq!(
            half,
            [
                "2024-01-01 10:00:00.500000",
                "2024-01-01 10:00:00.500",
                "2024-01-01 10:00:00.500000000",
                "2024-01-01T10:00:00.500000",
                "2024-01-01T10:00:00.500",
                "2024-01-01T10:00:00.500000000",
            ]
        );
        let odd = texts(of(
            TEXT,
            &Value::Timestamp(at("2024-01-01 10:00:00.000000001")),
        ));
        assert_eq!(odd.len(), 2, "{odd:?}");
        // Midnight: the date alone too.
        let midnight = texts(of(TEXT, &Value::Timestamp(at("2024-01-01"))));
        assert_eq!(midnight.last().map(String::as_str), Some("2024-01-01"));
        assert_eq!(
            midnight.len(),
            per_key(TEXT, &Value::Timestamp(at("2024-01-01")))
        );
        let t = temporal::parse_time("10:30").ok().unwrap();
        assert_eq!(
            texts(of(TEXT, &Value::Time(t))),
            [
                "10:30:00",
                "10:30:00.000",
                "10:30:00.000000",
                "10:30:00.000000000",
                "10:30"
            ]
        );
        // Dates have one spelling; servers store times natively.
        assert!(of(TEXT, &Value::Date(at("2024-01-01").split().0)).is_none());
        assert!(of(PG, &Value::Timestamp(at("2024-01-01"))).is_none());
        assert!(of(MYSQL, &Value::TimestampTz(at("2024-01-01"))).is_none());
    }

    #[test]
    fn uuids_have_every_stored_spelling_off_postgres() {
        let mut bytes = [0u8; 16];
        bytes[0] = 0xab;
        bytes[15] = 0x0c;
        let u = Value::Uuid(bytes);
        let text = |v: &Value| match v {
            Value::Text(t) => t.clone(),
            Value::Bytes(b) => format!("{} bytes", b.len()),
            other => panic!("{other:?}"),
        };
        let sqlite: Vec<String> = of(TEXT, &u).unwrap().iter().map(text).collect();
        assert_eq!(
            sqlite,
            [
                "ab000000-0000-0000-0000-00000000000c",
                "ab00000000000000000000000000000c",
                "AB00000000000000000000000000000C",
                "AB000000-0000-0000-0000-00000000000C",
            ]
        );
        let mysql: Vec<String> = of(MYSQL, &u).unwrap().iter().map(text).collect();
        assert_eq!(mysql.len(), 5);
        assert_eq!(mysql[4], "16 bytes");
        assert!(of(PG, &u).is_none());
        assert!(of(TEXT, &Value::I64(1)).is_none());
        assert_eq!(per_key(MYSQL, &u), 5);
        for storage in [TEXT, MYSQL, PG] {
            let n = of(storage, &u).map_or(1, |all| all.len());
            assert_eq!(per_key(storage, &u), n, "{storage:?}");
        }
        assert_eq!(per_key(MYSQL, &Value::Text("x".into())), 1);
        // A list of one column's values: NULL stays one value, each UUID
        // becomes its four spellings; other lists are left as they are.
        assert_eq!(
            expand(TEXT, vec![Value::Null, u.clone(), u.clone()]).len(),
            9
        );
        assert_eq!(expand(MYSQL, vec![Value::I64(1), Value::I64(2)]).len(), 2);
        assert_eq!(expand(PG, vec![u.clone()]).len(), 1);
    }
}
