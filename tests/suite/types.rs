//! The column types behind cargo features (chrono, time, uuid,
//! rust_decimal, serde_json) and the narrow integers: round trips with NULL
//! and extremes, filters, keys in select_related and prefetch_related, and
//! values of the wrong kind as decode errors, on every backend.

use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use related::prelude::*;
use related::{CellError, Error, Json, Value};
use related_tests::harness::{Backend, Case, Db, SERVERS, SQLITE};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const CASES: &[Case] = &[
    Case::new("types::chrono_round_trips", chrono_round_trips),
    Case::new(
        "types::mysql_zero_dates_are_errors",
        mysql_zero_dates_are_errors,
    )
    .on(&[Backend::Mysql]),
    Case::new(
        "types::sqlite_refuses_years_past_9999",
        sqlite_refuses_years_past_9999,
    )
    .on(SQLITE),
    Case::new("types::time_round_trips", time_round_trips),
    Case::new(
        "types::uuid_decimal_json_round_trip",
        uuid_decimal_json_round_trip,
    ),
    Case::new(
        "types::narrow_integers_round_trip",
        narrow_integers_round_trip,
    ),
    Case::new("types::keys_of_new_types", keys_of_new_types),
    Case::new("types::values_of_the_wrong_kind", values_of_the_wrong_kind),
    Case::new("types::derived_column_types", derived_column_types),
    Case::new(
        "types::text_protocol_reads_the_same",
        text_protocol_reads_the_same,
    )
    .on(SERVERS),
    Case::new(
        "types::many_to_many_of_new_key_types",
        many_to_many_of_new_key_types,
    ),
    Case::new(
        "types::random_values_sort_and_filter_as_rust_does",
        random_values_sort_and_filter_as_rust_does,
    ),
    Case::new(
        "types::uuids_stored_in_other_spellings",
        uuids_stored_in_other_spellings,
    ),
    Case::new(
        "types::times_stored_in_other_spellings_on_sqlite",
        times_stored_in_other_spellings_on_sqlite,
    )
    .on(SQLITE),
    Case::new(
        "types::times_as_django_writes_them_on_sqlite",
        times_as_django_writes_them_on_sqlite,
    )
    .on(SQLITE),
    Case::new(
        "types::decimals_as_django_stores_them_on_sqlite",
        decimals_as_django_stores_them_on_sqlite,
    )
    .on(SQLITE),
    Case::new(
        "types::json_compares_as_a_document",
        json_compares_as_a_document,
    ),
    Case::new("types::durations", durations),
];

// ---------------------------------------------------------------------------
// Models.

/// The three duration types, stored as Django's `DurationField`.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_durations")]
pub struct DurationRow {
    pub id: i64,
    pub std: std::time::Duration,
    pub delta: chrono::TimeDelta,
    pub span: time::Duration,
    pub maybe: Option<chrono::TimeDelta>,
}

/// The same table's `std` column read as the integer it is on SQLite and
/// MySQL.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_durations")]
pub struct DurationMicros {
    pub id: i64,
    pub std: i64,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_chrono")]
pub struct ChronoRow {
    pub id: i64,
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub stamp: NaiveDateTime,
    pub utc: DateTime<Utc>,
    pub fixed: DateTime<FixedOffset>,
    pub maybe_date: Option<NaiveDate>,
    pub maybe_time: Option<NaiveTime>,
    pub maybe_stamp: Option<NaiveDateTime>,
    pub maybe_utc: Option<DateTime<Utc>>,
    pub maybe_fixed: Option<DateTime<FixedOffset>>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_time")]
pub struct TimeRow {
    pub id: i64,
    pub date: time::Date,
    pub time: time::Time,
    pub stamp: time::PrimitiveDateTime,
    pub instant: time::OffsetDateTime,
    pub maybe_date: Option<time::Date>,
    pub maybe_instant: Option<time::OffsetDateTime>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Payload {
    pub name: String,
    pub tags: Vec<String>,
    pub score: i64,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_misc")]
pub struct MiscRow {
    pub id: i64,
    pub uuid: Uuid,
    pub price: Decimal,
    pub doc: serde_json::Value,
    pub payload: Json<Payload>,
    pub maybe_uuid: Option<Uuid>,
    pub maybe_price: Option<Decimal>,
    pub maybe_doc: Option<serde_json::Value>,
    pub maybe_payload: Option<Json<Payload>>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_narrow")]
pub struct NarrowRow {
    pub id: i64,
    pub a: i8,
    pub b: u8,
    pub c: u16,
    pub d: u32,
    pub maybe_a: Option<i8>,
    pub maybe_d: Option<u32>,
}

/// UUID keys, both directions.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_account")]
pub struct Account {
    #[related(primary_key)]
    pub uuid: Uuid,
    pub name: String,
    #[related(reverse = Session::account)]
    pub sessions: Reverse<Session>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_session")]
pub struct Session {
    #[related(primary_key)]
    pub uuid: Uuid,
    pub account: ForeignKey<Account>,
    pub opened: DateTime<Utc>,
}

/// Date keys (chrono), timestamp keys (time) and u32 keys.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_day")]
pub struct Day {
    #[related(primary_key)]
    pub date: NaiveDate,
    #[related(reverse = Shift::day)]
    pub shifts: Reverse<Shift>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_shift")]
pub struct Shift {
    #[related(primary_key)]
    pub start: time::OffsetDateTime,
    pub day: ForeignKey<Day>,
    pub desk: ForeignKey<Desk>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_desk")]
pub struct Desk {
    #[related(primary_key)]
    pub number: u32,
    #[related(reverse = Shift::desk)]
    pub shifts: Reverse<Shift>,
}

/// Decimal keys: a child may hold its parent's key at another scale.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_band")]
pub struct Band {
    #[related(primary_key)]
    pub floor: Decimal,
    #[related(reverse = Item::band)]
    pub items: Reverse<Item>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_item")]
pub struct Item {
    pub id: i64,
    pub band: ForeignKey<Band>,
}

/// A many-to-many between a UUID key and a date key.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_room")]
pub struct Room {
    #[related(primary_key)]
    pub uuid: Uuid,
    #[related(through = "t_room_days")]
    pub days: ManyToMany<Holiday>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_holiday")]
pub struct Holiday {
    #[related(primary_key)]
    pub date: NaiveDate,
    #[related(reverse = Room::days)]
    pub rooms: Reverse<Room>,
}

/// Random instants and decimals, for order and filters.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_sample")]
pub struct Sample {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub amount: Decimal,
}

/// Derived column types: a newtype key, text and integer enums.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, related::Column)]
pub struct LabelId(i64);

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, related::Column)]
pub struct Email(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, related::Column)]
#[related(rename_all = "snake_case")]
pub enum Status {
    Draft,
    InReview,
    #[related(rename = "live")]
    Published,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, related::Column)]
#[related(integer)]
pub enum Priority {
    Low = -1,
    Normal = 0,
    High = 10,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_label")]
pub struct Label {
    pub id: LabelId,
    pub owner: Option<Email>,
    pub status: Status,
    pub priority: Priority,
    pub maybe_status: Option<Status>,
    pub maybe_priority: Option<Priority>,
    #[related(reverse = Ticket::label)]
    pub tickets: Reverse<Ticket>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_ticket")]
pub struct Ticket {
    pub id: i64,
    pub label: ForeignKey<Label>,
    pub status: Status,
}

/// UUID keys over tables made by hand, spelled as other tools store them.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_spelled_account")]
pub struct SpelledAccount {
    #[related(primary_key)]
    pub uuid: Uuid,
    pub name: String,
    #[related(reverse = SpelledSession::account)]
    pub sessions: Reverse<SpelledSession>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_spelled_session")]
pub struct SpelledSession {
    pub id: i64,
    pub account: ForeignKey<SpelledAccount>,
}

/// Instants as keys, over tables made by hand on SQLite, spelled as other
/// tools store them (`T`, fractions of 3 or 6 digits, `Z`, `+00:00`).
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_spelled_event")]
pub struct SpelledEvent {
    #[related(primary_key)]
    pub at: DateTime<Utc>,
    pub name: String,
    #[related(reverse = SpelledTicket::event)]
    pub tickets: Reverse<SpelledTicket>,
    pub ticket_count: Counted<SpelledTicket>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_spelled_ticket")]
pub struct SpelledTicket {
    pub id: i64,
    pub event: ForeignKey<SpelledEvent>,
    pub local: NaiveDateTime,
}

/// Dates and times in a table Django made on SQLite (`TEXT` as Python's
/// `str()` writes them).
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_django_stamp")]
pub struct DjangoStamp {
    pub id: i64,
    pub at: NaiveDateTime,
    pub utc: DateTime<Utc>,
    pub time: NaiveTime,
}

/// Read over tables made by hand with a value of the wrong kind.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "bad_uuid")]
pub struct BadUuid {
    pub id: i64,
    pub u: Uuid,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "bad_date")]
pub struct BadDate {
    pub id: i64,
    pub d: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "bad_pg_date")]
pub struct BadPgDate {
    pub id: i64,
    pub d: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "bad_narrow")]
pub struct BadNarrow {
    pub id: i64,
    pub v: u8,
}

// ---------------------------------------------------------------------------
// Helpers.

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn hms_micro(h: u32, m: u32, s: u32, us: u32) -> NaiveTime {
    NaiveTime::from_hms_micro_opt(h, m, s, us).unwrap()
}

fn is_server(db: &Db) -> bool {
    db.backend() != Backend::Sqlite
}

/// The id column of a hand-made table, per backend.
fn id_col(db: &Db) -> &'static str {
    match db.backend() {
        Backend::Sqlite => "INTEGER PRIMARY KEY",
        _ => "BIGINT PRIMARY KEY",
    }
}

fn ids<M: Model, L>(db: &Db, q: Query<M, L>, id: impl Fn(&M) -> i64) -> Vec<i64> {
    let mut v: Vec<i64> = db.all(&q).unwrap().iter().map(id).collect();
    v.sort_unstable();
    v
}

/// [`ids`] for a query whose one filter is an `is_in` list: the list went
/// as ONE array parameter where the backend has them (SQLite, PostgreSQL),
/// `len` parameters on MySQL (one per value; a UUID takes five, one for
/// each spelling it may be stored in).
fn long_list_ids<M: Model, L>(
    db: &Db,
    q: Query<M, L>,
    len: usize,
    id: impl Fn(&M) -> i64,
) -> Vec<i64> {
    let (rows, sent) = db.capture(|| db.all(&q));
    let params = if db.backend() == Backend::Mysql {
        len
    } else {
        1
    };
    let counts: Vec<usize> = sent.iter().map(|s| s.params).collect();
    assert_eq!(counts, [params], "{:.120}", sent[0].sql);
    let mut v: Vec<i64> = rows.unwrap().iter().map(id).collect();
    v.sort_unstable();
    v
}

/// The decode error of a load, with model, field and column checked.
fn decode_error<M: Model + std::fmt::Debug>(
    db: &Db,
    model: &str,
    field: &str,
    table: &str,
) -> CellError {
    match db.all(&M::query()) {
        Err(Error::Decode {
            model: m,
            field: f,
            column,
            error,
            statement,
        }) => {
            assert_eq!((m, f, column), (model, field, field));
            assert!(
                statement.contains(table),
                "names the statement: {statement}"
            );
            let shown = Error::Decode {
                model: m,
                field: f,
                column,
                error: error.clone(),
                statement: statement.clone(),
            }
            .to_string();
            assert!(shown.contains(&format!("{model}.{field}")), "{shown}");
            error
        }
        other => panic!("expected a decode error for {model}.{field}, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Cases.

fn chrono_rows() -> Vec<ChronoRow> {
    let ist = FixedOffset::east_opt(5 * 3600 + 1800).unwrap();
    let stamp = ymd(2024, 2, 29).and_time(hms_micro(13, 14, 15, 123_456));
    vec![
        ChronoRow {
            id: 1,
            date: ymd(2024, 2, 29),
            time: hms_micro(13, 14, 15, 123_456),
            stamp,
            utc: Utc.from_utc_datetime(&stamp),
            // An offset other than UTC: the same instant comes back, in UTC.
            fixed: ist.from_local_datetime(&stamp).unwrap(),
            maybe_date: Some(ymd(1969, 12, 31)),
            maybe_time: Some(hms_micro(0, 0, 0, 1)),
            maybe_stamp: Some(ymd(1900, 1, 1).and_time(hms_micro(0, 0, 0, 0))),
            maybe_utc: Some(
                Utc.from_utc_datetime(&ymd(2038, 1, 19).and_time(hms_micro(3, 14, 8, 0))),
            ),
            maybe_fixed: Some(
                FixedOffset::west_opt(8 * 3600)
                    .unwrap()
                    .from_local_datetime(&stamp)
                    .unwrap(),
            ),
        },
        // The extremes every backend holds: years 1 and 9999.
        ChronoRow {
            id: 2,
            date: ymd(1, 1, 1),
            time: hms_micro(0, 0, 0, 0),
            stamp: ymd(1, 1, 1).and_time(hms_micro(0, 0, 0, 0)),
            utc: Utc.from_utc_datetime(&ymd(1, 1, 1).and_time(hms_micro(0, 0, 0, 0))),
            fixed: Utc
                .from_utc_datetime(&ymd(1, 1, 1).and_time(hms_micro(0, 0, 0, 0)))
                .fixed_offset(),
            maybe_date: None,
            maybe_time: None,
            maybe_stamp: None,
            maybe_utc: None,
            maybe_fixed: None,
        },
        ChronoRow {
            id: 3,
            date: ymd(9999, 12, 31),
            time: hms_micro(23, 59, 59, 999_999),
            stamp: ymd(9999, 12, 31).and_time(hms_micro(23, 59, 59, 999_999)),
            utc: Utc.from_utc_datetime(&ymd(9999, 12, 31).and_time(hms_micro(23, 59, 59, 999_999))),
            fixed: Utc
                .from_utc_datetime(&ymd(9999, 12, 31).and_time(hms_micro(23, 59, 59, 999_999)))
                .fixed_offset(),
            maybe_date: None,
            maybe_time: None,
            maybe_stamp: None,
            maybe_utc: None,
            maybe_fixed: None,
        },
    ]
}

fn chrono_round_trips(db: &Db) {
    db.create_tables(&[ChronoRow::info()]).unwrap();
    let rows = chrono_rows();
    db.insert_all(&rows).unwrap();
    // A list past 999 values (one array parameter on SQLite and
    // PostgreSQL) finds the same rows as a short one.
    let days: Vec<NaiveDate> = (0..1_500)
        .map(|i| ymd(1990, 1, 1) + chrono::Days::new(i))
        .chain(rows.iter().take(1).map(|r| r.date))
        .collect();
    let short = ids(
        db,
        ChronoRow::query().filter(ChronoRow::date().is_in([rows[0].date])),
        |r| r.id,
    );
    let long = long_list_ids(
        db,
        ChronoRow::query().filter(ChronoRow::date().is_in(&days)),
        days.len(),
        |r| r.id,
    );
    assert_eq!(long, short);
    assert!(!long.is_empty());
    let stamps: Vec<DateTime<Utc>> = (0..1_500)
        .map(|i| Utc.timestamp_opt(i * 86_400, 0).unwrap())
        .chain([rows[0].utc])
        .collect();
    let long = long_list_ids(
        db,
        ChronoRow::query().filter(ChronoRow::utc().is_in(&stamps)),
        stamps.len(),
        |r| r.id,
    );
    let short = ids(
        db,
        ChronoRow::query().filter(ChronoRow::utc().eq(rows[0].utc)),
        |r| r.id,
    );
    assert_eq!(long, short);
    let loaded = db
        .all(&ChronoRow::query().order_by(ChronoRow::id().asc()))
        .unwrap();
    // DateTime's `==` compares instants; the offset is checked apart.
    assert_eq!(loaded, rows);
    for r in &loaded {
        assert_eq!(r.fixed.offset().local_minus_utc(), 0, "stored in UTC");
    }

    // Filters: eq, ordering and IN on each kind.
    let r = &rows[0];
    let find = |q: Query<ChronoRow>| ids(db, q, |r| r.id);
    assert_eq!(
        find(ChronoRow::query().filter(ChronoRow::date().eq(r.date))),
        [1]
    );
    assert_eq!(
        find(ChronoRow::query().filter(ChronoRow::time().eq(r.time))),
        [1]
    );
    assert_eq!(
        find(ChronoRow::query().filter(ChronoRow::stamp().eq(r.stamp))),
        [1]
    );
    assert_eq!(
        find(ChronoRow::query().filter(ChronoRow::utc().eq(r.utc))),
        [1]
    );
    assert_eq!(
        find(ChronoRow::query().filter(ChronoRow::fixed().eq(r.fixed))),
        [1],
        "an instant given with another offset finds the same row"
    );
    assert_eq!(
        find(ChronoRow::query().filter(ChronoRow::date().lt(ymd(2024, 2, 29)))),
        [2]
    );
    assert_eq!(
        find(ChronoRow::query().filter(ChronoRow::utc().ge(r.utc))),
        [1, 3]
    );
    assert_eq!(
        find(ChronoRow::query().filter(ChronoRow::time().gt(hms_micro(13, 14, 15, 123_455)))),
        [1, 3],
        "microseconds compare"
    );
    assert_eq!(
        find(ChronoRow::query().filter(ChronoRow::stamp().is_in([rows[1].stamp, rows[2].stamp]))),
        [2, 3]
    );
    assert_eq!(
        find(ChronoRow::query().filter(ChronoRow::maybe_date().eq(None::<NaiveDate>))),
        [2, 3]
    );
    // Ordering is time order (on SQLite: fixed-width text).
    let ordered: Vec<i64> = db
        .all(&ChronoRow::query().order_by(ChronoRow::stamp().desc()))
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ordered, [3, 1, 2]);

    // Precision: nanoseconds on SQLite (text), microseconds on the servers
    // (truncated, as PostgreSQL and MySQL keep six digits).
    let nanos = ymd(2020, 5, 17)
        .and_hms_nano_opt(1, 2, 3, 123_456_789)
        .unwrap();
    let mut row = rows[1].clone();
    row.id = 4;
    row.stamp = nanos;
    row.utc = Utc.from_utc_datetime(&nanos);
    db.insert(&row).unwrap();
    let back = db
        .one(&ChronoRow::query().filter(ChronoRow::id().eq(4)))
        .unwrap();
    let kept = if is_server(db) {
        123_456_000
    } else {
        123_456_789
    };
    assert_eq!(
        back.stamp,
        ymd(2020, 5, 17).and_hms_nano_opt(1, 2, 3, kept).unwrap()
    );
    assert_eq!(back.utc.naive_utc(), back.stamp);

    // A leap second: SQLite keeps it (23:59:60 in text); the servers have
    // none and refuse it, never storing the next second instead.
    if is_server(db) {
        let leap = NaiveTime::from_hms_milli_opt(23, 59, 59, 1_500).unwrap();
        let mut row = rows[1].clone();
        row.id = 5;
        row.stamp = ymd(2016, 12, 31).and_time(leap);
        assert!(db.insert(&row).is_err(), "a leap second was stored");
        let mut row = rows[1].clone();
        row.id = 6;
        row.utc = ymd(2016, 12, 31).and_time(leap).and_utc();
        assert!(db.insert(&row).is_err(), "a leap second was stored");
        let stored = db
            .count(&ChronoRow::query().filter(ChronoRow::id().ge(5)))
            .unwrap();
        assert_eq!(stored, 0);
    } else {
        let leap = NaiveTime::from_hms_milli_opt(23, 59, 59, 1_500).unwrap();
        let mut row = rows[1].clone();
        row.id = 5;
        row.time = leap;
        row.stamp = ymd(2016, 12, 31).and_time(leap);
        db.insert(&row).unwrap();
        let back = db
            .one(&ChronoRow::query().filter(ChronoRow::id().eq(5)))
            .unwrap();
        assert_eq!((back.time, back.stamp), (row.time, row.stamp));
        let raw: Vec<ChronoRow> = db
            .all(&ChronoRow::query().filter(ChronoRow::time().gt(hms_micro(23, 59, 59, 999_999))))
            .unwrap();
        assert_eq!(raw.iter().map(|r| r.id).collect::<Vec<_>>(), [5]);
    }
}

fn time_round_trips(db: &Db) {
    use time::macros::{date, datetime, time};
    db.create_tables(&[TimeRow::info()]).unwrap();
    let rows = vec![
        TimeRow {
            id: 1,
            date: date!(2024 - 02 - 29),
            time: time!(13:14:15.123456),
            stamp: datetime!(2024-02-29 13:14:15.123456),
            // +05:30: the instant survives, the offset becomes UTC.
            instant: datetime!(2024-02-29 13:14:15.123456 +05:30),
            maybe_date: Some(date!(1969 - 12 - 31)),
            maybe_instant: Some(datetime!(1970-01-01 00:00:00 -08:00)),
        },
        TimeRow {
            id: 2,
            date: date!(0001 - 01 - 01),
            time: time!(0:00),
            stamp: datetime!(0001-01-01 0:00),
            instant: datetime!(0001-01-01 0:00 UTC),
            maybe_date: None,
            maybe_instant: None,
        },
        TimeRow {
            id: 3,
            date: date!(9999 - 12 - 31),
            time: time!(23:59:59.999999),
            stamp: datetime!(9999-12-31 23:59:59.999999),
            instant: datetime!(9999-12-31 23:59:59.999999 UTC),
            maybe_date: None,
            maybe_instant: None,
        },
    ];
    for r in &rows {
        db.insert(r).unwrap();
    }
    let loaded = db
        .all(&TimeRow::query().order_by(TimeRow::id().asc()))
        .unwrap();
    assert_eq!(loaded, rows, "OffsetDateTime's == compares instants");
    assert!(loaded.iter().all(|r| r.instant.offset().is_utc()));
    let find = |q: Query<TimeRow>| ids(db, q, |r| r.id);
    assert_eq!(
        find(TimeRow::query().filter(TimeRow::instant().eq(rows[0].instant))),
        [1]
    );
    assert_eq!(
        find(TimeRow::query().filter(TimeRow::date().le(date!(2024 - 02 - 29)))),
        [1, 2]
    );
    assert_eq!(
        find(TimeRow::query().filter(TimeRow::stamp().is_in([rows[2].stamp]))),
        [3]
    );
    assert_eq!(
        find(TimeRow::query().filter(TimeRow::time().lt(time!(0:00:01)))),
        [2]
    );
}

fn payload(n: usize) -> Payload {
    Payload {
        name: "Zoë «日本語» 🎉 \"quoted\" \\ back".to_owned(),
        tags: (0..n).map(|i| format!("tag-{i}")).collect(),
        score: i64::MIN,
    }
}

fn uuid_decimal_json_round_trip(db: &Db) {
    db.create_tables(&[MiscRow::info()]).unwrap();
    let dec = |s: &str| Decimal::from_str(s).unwrap();
    let rows = vec![
        MiscRow {
            id: 1,
            uuid: Uuid::from_str("67e55044-10b1-426f-9247-bb680e5fe0c8").unwrap(),
            // 28 significant digits, 28 of them after the point.
            price: dec("0.1234567890123456789012345678"),
            doc: serde_json::json!({"a": [1, 2.5, null, true], "ü": {"nested": "ß"}}),
            payload: Json(payload(3)),
            maybe_uuid: Some(Uuid::max()),
            maybe_price: Some(dec("-1.10")),
            maybe_doc: Some(serde_json::Value::Null),
            maybe_payload: Some(Json(payload(0))),
        },
        MiscRow {
            id: 2,
            uuid: Uuid::nil(),
            price: Decimal::MAX,
            // A large document: 20,000 tags.
            doc: serde_json::to_value(payload(20_000)).unwrap(),
            payload: Json(payload(20_000)),
            maybe_uuid: None,
            maybe_price: None,
            maybe_doc: None,
            maybe_payload: None,
        },
        MiscRow {
            id: 3,
            uuid: Uuid::max(),
            price: Decimal::MIN,
            doc: serde_json::json!("just a string"),
            payload: Json(payload(1)),
            maybe_uuid: Some(Uuid::nil()),
            maybe_price: Some(dec("100")),
            // Floats read back as the same f64: the shortest digits that
            // are it, and PostgreSQL's `jsonb` writes f64::MAX as a
            // 309-digit integer.
            maybe_doc: Some(serde_json::json!([
                123456789.12345679,
                0.1,
                1e-7,
                5e-324,
                f64::MAX
            ])),
            maybe_payload: None,
        },
    ];
    db.insert_all(&rows).unwrap();
    let loaded = db
        .all(&MiscRow::query().order_by(MiscRow::id().asc()))
        .unwrap();
    assert_eq!(loaded, rows);
    // Exact digits, not a float round trip.
    assert_eq!(
        loaded[0].price.to_string(),
        "0.1234567890123456789012345678"
    );
    assert_eq!(loaded[2].price, Decimal::MIN);

    let find = |q: Query<MiscRow>| ids(db, q, |r| r.id);
    assert_eq!(
        find(MiscRow::query().filter(MiscRow::uuid().eq(rows[0].uuid))),
        [1]
    );
    assert_eq!(
        find(MiscRow::query().filter(MiscRow::uuid().is_in([Uuid::nil(), Uuid::max()]))),
        [2, 3]
    );
    assert_eq!(
        find(MiscRow::query().filter(MiscRow::uuid().gt(Uuid::nil()))),
        [1, 3]
    );
    assert_eq!(
        find(MiscRow::query().filter(MiscRow::price().eq(dec("0.1234567890123456789012345678")))),
        [1],
        "28 digits compare exactly"
    );
    assert_eq!(
        find(MiscRow::query().filter(MiscRow::price().eq(dec("0.1234567890123456789012345679")))),
        Vec::<i64>::new(),
        "the last digit counts"
    );
    assert_eq!(
        find(
            MiscRow::query()
                .filter(MiscRow::maybe_price().is_in([Some(dec("-1.1000")), Some(dec("100.0"))]))
        ),
        [1, 3]
    );
    assert_eq!(
        find(MiscRow::query().filter(MiscRow::maybe_doc().is_null())),
        [2]
    );
    // A JSON column compares with eq and is_in (on PostgreSQL, as jsonb).
    assert_eq!(
        find(MiscRow::query().filter(MiscRow::payload().eq(Json(payload(3))))),
        [1]
    );
    assert_eq!(
        find(
            MiscRow::query().filter(MiscRow::payload().is_in([Json(payload(1)), Json(payload(3))]))
        ),
        [1, 3]
    );
    // Numeric order, not text order ("100" > "9"), on SQLite too.
    assert_eq!(
        find(MiscRow::query().filter(MiscRow::price().lt(dec("1")))),
        [1, 3]
    );
    assert_eq!(
        find(MiscRow::query().filter(MiscRow::maybe_price().gt(dec("9")))),
        [3]
    );
    assert_eq!(
        find(MiscRow::query().filter(MiscRow::maybe_price().eq(Some(dec("-1.1000"))))),
        [1],
        "equal numbers of another scale are equal"
    );
    let by_price: Vec<i64> = db
        .all(&MiscRow::query().order_by(MiscRow::price().asc()))
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(by_price, [3, 1, 2]);
    // Lists past 999 values: one array parameter on SQLite and PostgreSQL.
    let uuids: Vec<Uuid> = (1..=1_500u128)
        .map(Uuid::from_u128)
        .chain([Uuid::nil()])
        .collect();
    assert_eq!(
        long_list_ids(
            db,
            MiscRow::query().filter(MiscRow::uuid().is_in(&uuids)),
            uuids.len() * 5,
            |r| r.id
        ),
        [2]
    );
    let prices: Vec<Decimal> = (1..=1_500i64)
        .map(|i| Decimal::new(i, 2))
        .chain([Decimal::MIN, dec("0.1234567890123456789012345678")])
        .collect();
    assert_eq!(
        long_list_ids(
            db,
            MiscRow::query().filter(MiscRow::price().is_in(&prices)),
            prices.len(),
            |r| r.id
        ),
        [1, 3]
    );
    let maybe: Vec<Option<Uuid>> = (1..=1_500u128)
        .map(|i| Some(Uuid::from_u128(i)))
        .chain([Some(Uuid::max())])
        .collect();
    assert_eq!(
        long_list_ids(
            db,
            MiscRow::query().filter(MiscRow::maybe_uuid().is_in(&maybe)),
            maybe.len() * 5,
            |r| r.id
        ),
        [1]
    );
    // A NULL in it is left out (as Django does), and the list matches as
    // without it.
    let with_null: Vec<Option<Uuid>> = maybe.iter().copied().chain([None]).collect();
    assert_eq!(
        find(MiscRow::query().filter(MiscRow::maybe_uuid().is_in(&with_null))),
        [1]
    );
    // Sixteen characters in the column `create_tables` made (text; on
    // MySQL `CHAR(36)` of the `ascii_bin` collation, which the driver
    // flags binary) are text, not a UUID's sixteen bytes.
    if db.backend() != Backend::Postgres {
        db.execute(
            &db.sql(r#"UPDATE "t_misc" SET "uuid" = 'abcdefghijklmnop' WHERE "id" = 1"#),
            &[],
        )
        .unwrap();
        let err = decode_error::<MiscRow>(db, "MiscRow", "uuid", "t_misc");
        assert!(err.to_string().contains("abcdefghijklmnop"), "{err}");
    }
}

fn narrow_integers_round_trip(db: &Db) {
    db.create_tables(&[NarrowRow::info()]).unwrap();
    let rows = vec![
        NarrowRow {
            id: 1,
            a: i8::MIN,
            b: u8::MAX,
            c: u16::MAX,
            d: u32::MAX,
            maybe_a: Some(i8::MAX),
            maybe_d: Some(0),
        },
        NarrowRow {
            id: 2,
            a: i8::MAX,
            b: 0,
            c: 0,
            d: 0,
            maybe_a: None,
            maybe_d: None,
        },
    ];
    db.insert_all(&rows).unwrap();
    let loaded = db
        .all(&NarrowRow::query().order_by(NarrowRow::id().asc()))
        .unwrap();
    assert_eq!(loaded, rows);
    let find = |q: Query<NarrowRow>| ids(db, q, |r| r.id);
    assert_eq!(
        find(NarrowRow::query().filter(NarrowRow::d().eq(u32::MAX))),
        [1]
    );
    assert_eq!(find(NarrowRow::query().filter(NarrowRow::a().lt(0i8))), [1]);
    assert_eq!(
        find(NarrowRow::query().filter(NarrowRow::c().is_in([0u16, 7]))),
        [2]
    );
    // Lists past 999 values are one array parameter on SQLite and
    // PostgreSQL (the column's width is not the array's): the same rows.
    let wide: Vec<u32> = (1..=2_000).chain([u32::MAX]).collect();
    assert_eq!(
        long_list_ids(
            db,
            NarrowRow::query().filter(NarrowRow::d().is_in(&wide)),
            wide.len(),
            |r| r.id
        ),
        [1]
    );
    let c_values: Vec<u16> = (1..=2_000).chain([u16::MAX]).collect();
    assert_eq!(
        long_list_ids(
            db,
            NarrowRow::query().filter(!NarrowRow::c().is_in(&c_values)),
            c_values.len(),
            |r| r.id
        ),
        [2]
    );
    let a_values: Vec<i8> = (0..1_500)
        .map(|i| (i % 200 - 100) as i8)
        .chain([i8::MIN])
        .collect();
    assert_eq!(
        long_list_ids(
            db,
            NarrowRow::query().filter(NarrowRow::a().is_in(&a_values)),
            a_values.len(),
            |r| r.id
        ),
        [1]
    );
}

fn keys_of_new_types(db: &Db) {
    db.create_tables(&[
        Account::info(),
        Session::info(),
        Day::info(),
        Shift::info(),
        Desk::info(),
        Band::info(),
        Item::info(),
    ])
    .unwrap();
    let accounts: Vec<Uuid> = (0u8..4).map(|i| Uuid::from_bytes([i * 60; 16])).collect();
    db.insert_all(
        &accounts
            .iter()
            .enumerate()
            .map(|(i, u)| Account {
                uuid: *u,
                name: format!("a{i}"),
                sessions: Default::default(),
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let opened = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
    let sessions: Vec<Session> = (0u8..10)
        .map(|i| Session {
            uuid: Uuid::from_bytes([i; 16]),
            account: ForeignKey::new(accounts[usize::from(i % 3)]),
            opened,
        })
        .collect();
    db.insert_all(&sessions).unwrap();

    let loaded = db
        .all(&Account::query().prefetch_related(Account::sessions()))
        .unwrap();
    assert_eq!(loaded.len(), 4);
    for a in &loaded {
        let mut got: Vec<Uuid> = a.sessions.get().unwrap().iter().map(|s| s.uuid).collect();
        got.sort();
        let want: Vec<Uuid> = sessions
            .iter()
            .filter(|s| *s.account.key() == a.uuid)
            .map(|s| s.uuid)
            .collect();
        assert_eq!(got, want, "sessions of {}", a.uuid);
    }
    let joined = db
        .all(&Session::query().select_related(Session::account()))
        .unwrap();
    assert_eq!(joined.len(), 10);
    for s in &joined {
        assert_eq!(&s.account.get().unwrap().uuid, s.account.key());
    }

    let days: Vec<NaiveDate> = vec![ymd(1, 1, 1), ymd(2024, 2, 29), ymd(9999, 12, 31)];
    db.insert_all(
        &days
            .iter()
            .map(|d| Day {
                date: *d,
                shifts: Default::default(),
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    db.insert_all(&[7u32, u32::MAX].map(|number| Desk {
        number,
        shifts: Default::default(),
    }))
    .unwrap();
    let base = time::macros::datetime!(2024-02-29 08:00:00.5 UTC);
    let shifts: Vec<Shift> = (0..6)
        .map(|i| Shift {
            start: base + time::Duration::hours(i),
            day: ForeignKey::new(days[(i % 3) as usize]),
            desk: ForeignKey::new(if i % 2 == 0 { 7 } else { u32::MAX }),
        })
        .collect();
    db.insert_all(&shifts).unwrap();

    let loaded = db
        .all(
            &Day::query()
                .prefetch_related(Day::shifts())
                .order_by(Day::date().asc()),
        )
        .unwrap();
    assert_eq!(loaded.iter().map(|d| d.date).collect::<Vec<_>>(), days);
    for d in &loaded {
        let got: Vec<time::OffsetDateTime> =
            d.shifts.get().unwrap().iter().map(|s| s.start).collect();
        let want: Vec<time::OffsetDateTime> = shifts
            .iter()
            .filter(|s| *s.day.key() == d.date)
            .map(|s| s.start)
            .collect();
        let (mut got, mut want) = (got, want);
        got.sort();
        want.sort();
        assert_eq!(got, want, "shifts of {}", d.date);
    }
    let desks = db
        .all(&Desk::query().prefetch_related(Desk::shifts()))
        .unwrap();
    for d in &desks {
        assert_eq!(d.shifts.get().unwrap().len(), 3, "desk {}", d.number);
    }
    let joined = db
        .all(
            &Shift::query()
                .select_related(Shift::day())
                .select_related(Shift::desk())
                .order_by(Shift::start().asc()),
        )
        .unwrap();
    assert_eq!(
        joined.iter().map(|s| s.start).collect::<Vec<_>>(),
        shifts.iter().map(|s| s.start).collect::<Vec<_>>()
    );
    for s in &joined {
        assert_eq!(&s.day.get().unwrap().date, s.day.key());
        assert_eq!(&s.desk.get().unwrap().number, s.desk.key());
    }

    // Decimal keys: 1.50 and 1.5 are one key, in SQL and in stitching.
    let dec = |s: &str| Decimal::from_str(s).unwrap();
    db.insert_all(&["1.50", "9", "10"].map(|f| Band {
        floor: dec(f),
        items: Default::default(),
    }))
    .unwrap();
    db.insert_all(
        &[(1, "1.5"), (2, "9.000"), (3, "1.500"), (4, "10")].map(|(id, b)| Item {
            id,
            band: ForeignKey::new(dec(b)),
        }),
    )
    .unwrap();
    let bands = db
        .all(
            &Band::query()
                .prefetch_related(Band::items())
                .order_by(Band::floor().asc()),
        )
        .unwrap();
    let got: Vec<(String, Vec<i64>)> = bands
        .iter()
        .map(|b| {
            let mut items: Vec<i64> = b.items.get().unwrap().iter().map(|i| i.id).collect();
            items.sort_unstable();
            (b.floor.normalize().to_string(), items)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("1.5".to_owned(), vec![1, 3]),
            ("9".to_owned(), vec![2]),
            ("10".to_owned(), vec![4])
        ]
    );
    let items = db
        .all(
            &Item::query()
                .select_related(Item::band())
                .order_by(Item::id().asc()),
        )
        .unwrap();
    for i in &items {
        assert_eq!(&i.band.get().unwrap().floor, i.band.key(), "item {}", i.id);
    }
}

fn values_of_the_wrong_kind(db: &Db) {
    let text = if db.backend() == Backend::Mysql {
        "VARCHAR(40)"
    } else {
        "TEXT"
    };
    let id = id_col(db);
    // Text that is not a UUID, text that is not a date.
    db.execute(
        &db.sql(&format!(
            r#"CREATE TABLE "bad_uuid" ("id" {id}, "u" {text})"#
        )),
        &[],
    )
    .unwrap();
    db.execute(
        &db.sql(r#"INSERT INTO "bad_uuid" ("id", "u") VALUES (1, 'not-a-uuid')"#),
        &[],
    )
    .unwrap();
    db.execute(
        &db.sql(&format!(
            r#"CREATE TABLE "bad_date" ("id" {id}, "d" {text})"#
        )),
        &[],
    )
    .unwrap();
    db.execute(
        &db.sql(r#"INSERT INTO "bad_date" ("id", "d") VALUES (1, '2023-02-29')"#),
        &[],
    )
    .unwrap();
    let uuid_err = decode_error::<BadUuid>(db, "BadUuid", "u", "bad_uuid");
    let date_err = decode_error::<BadDate>(db, "BadDate", "d", "bad_date");
    // Text columns are where these types live on SQLite (and UUIDs on
    // MySQL): the value is parsed, and the error shows it. PostgreSQL (and
    // MySQL for dates) has column types: a text column is the wrong kind.
    let type_error = |e: &CellError| {
        assert!(matches!(e, CellError::WrongType { .. }), "{e}");
        let shown = e.to_string().to_lowercase();
        assert!(shown.contains("text") || shown.contains("char"), "{shown}");
    };
    match db.backend() {
        Backend::Postgres => type_error(&uuid_err),
        _ => assert!(uuid_err.to_string().contains("not-a-uuid"), "{uuid_err}"),
    }
    // Sixteen characters in a text column are text, not a UUID's sixteen
    // bytes (MySQL read them as one).
    db.execute(
        &db.sql(r#"UPDATE "bad_uuid" SET "u" = 'abcdefghijklmnop'"#),
        &[],
    )
    .unwrap();
    let sixteen = decode_error::<BadUuid>(db, "BadUuid", "u", "bad_uuid");
    match db.backend() {
        Backend::Postgres => type_error(&sixteen),
        _ => assert!(
            sixteen.to_string().contains("abcdefghijklmnop"),
            "{sixteen}"
        ),
    }
    match db.backend() {
        Backend::Sqlite => assert!(date_err.to_string().contains("2023-02-29"), "{date_err}"),
        _ => type_error(&date_err),
    }

    // A number the Rust type cannot hold.
    db.execute(
        &db.sql(&format!(
            r#"CREATE TABLE "bad_narrow" ("id" {id}, "v" INTEGER)"#
        )),
        &[],
    )
    .unwrap();
    db.execute(
        &db.sql(r#"INSERT INTO "bad_narrow" ("id", "v") VALUES (1, 256)"#),
        &[],
    )
    .unwrap();
    match decode_error::<BadNarrow>(db, "BadNarrow", "v", "bad_narrow") {
        CellError::OutOfRange { value, expected } => {
            assert_eq!((value.as_str(), expected), ("256", "u8"))
        }
        other => panic!("expected out of range, got {other}"),
    }

    // A JSON document of the wrong shape, on every backend.
    db.create_tables(&[MiscRow::info()]).unwrap();
    let mut row = MiscRow {
        id: 1,
        uuid: Uuid::nil(),
        price: Decimal::ONE,
        doc: serde_json::json!({}),
        payload: Json(payload(1)),
        maybe_uuid: None,
        maybe_price: None,
        maybe_doc: None,
        maybe_payload: None,
    };
    db.insert(&row).unwrap();
    row.id = 2;
    db.insert(&row).unwrap();
    db.execute(
        &db.sql(r#"UPDATE "t_misc" SET "payload" = ? WHERE "id" = 2"#),
        &[Value::Json(
            r#"{"name": 5, "tags": [], "score": 1}"#.to_owned(),
        )],
    )
    .unwrap();
    let err = decode_error::<MiscRow>(db, "MiscRow", "payload", "t_misc");
    assert!(err.to_string().contains("JSON"), "{err}");
    if db.backend() == Backend::Sqlite {
        // SQLite stores any text: a malformed document.
        db.execute(
            r#"UPDATE "t_misc" SET "payload" = '{"name": ' WHERE "id" = 2"#,
            &[],
        )
        .unwrap();
        decode_error::<MiscRow>(db, "MiscRow", "payload", "t_misc");
        db.execute(
            r#"UPDATE "t_misc" SET "payload" = '{}', "price" = '1e5' WHERE "id" = 2"#,
            &[],
        )
        .unwrap();
        decode_error::<MiscRow>(db, "MiscRow", "price", "t_misc");
    }
    if db.backend() == Backend::Postgres {
        // Values PostgreSQL holds and Rust types do not.
        db.execute(r#"UPDATE "t_misc" SET "payload" = '{"name": "n", "tags": [], "score": 1}', "price" = 'NaN' WHERE "id" = 2"#, &[])
            .unwrap();
        let e = decode_error::<MiscRow>(db, "MiscRow", "price", "t_misc");
        assert!(e.to_string().contains("NaN"), "{e}");
        // A table of its own: a statement prepared for `bad_date` must not
        // see its column change type.
        db.execute(
            r#"CREATE TABLE "bad_pg_date" ("id" BIGINT PRIMARY KEY, "d" DATE)"#,
            &[],
        )
        .unwrap();
        db.execute(
            r#"INSERT INTO "bad_pg_date" ("id", "d") VALUES (1, 'infinity')"#,
            &[],
        )
        .unwrap();
        let e = decode_error::<BadPgDate>(db, "BadPgDate", "d", "bad_pg_date");
        assert!(e.to_string().contains("infinity"), "{e}");
        db.execute(r#"UPDATE "bad_pg_date" SET "d" = '5874897-12-31'"#, &[])
            .unwrap();
        let e = decode_error::<BadPgDate>(db, "BadPgDate", "d", "bad_pg_date");
        assert!(matches!(e, CellError::OutOfRange { .. }), "{e}");
    }
}

fn derived_column_types(db: &Db) {
    db.create_tables(&[Label::info(), Ticket::info()]).unwrap();
    let labels = vec![
        Label {
            id: LabelId(i64::MIN),
            owner: Some(Email("zoë@example.com".to_owned())),
            status: Status::InReview,
            priority: Priority::Low,
            maybe_status: Some(Status::Published),
            maybe_priority: Some(Priority::High),
            tickets: Default::default(),
        },
        Label {
            id: LabelId(7),
            owner: None,
            status: Status::Draft,
            priority: Priority::High,
            maybe_status: None,
            maybe_priority: None,
            tickets: Default::default(),
        },
    ];
    db.insert_all(&labels).unwrap();
    let tickets: Vec<Ticket> = (1..=5)
        .map(|id| Ticket {
            id,
            label: ForeignKey::new(labels[(id % 2) as usize].id),
            status: if id < 3 {
                Status::Published
            } else {
                Status::Draft
            },
        })
        .collect();
    db.insert_all(&tickets).unwrap();

    let loaded = db
        .all(
            &Label::query()
                .prefetch_related(Label::tickets())
                .order_by(Label::id().asc()),
        )
        .unwrap();
    assert_eq!(
        loaded.iter().map(|l| l.id).collect::<Vec<_>>(),
        [LabelId(i64::MIN), LabelId(7)]
    );
    for (l, want) in loaded.iter().zip(&labels) {
        assert_eq!(
            (&l.owner, l.status, l.priority),
            (&want.owner, want.status, want.priority)
        );
        assert_eq!(
            (l.maybe_status, l.maybe_priority),
            (want.maybe_status, want.maybe_priority)
        );
        let got: Vec<i64> = l.tickets.get().unwrap().iter().map(|t| t.id).collect();
        let expect: Vec<i64> = tickets
            .iter()
            .filter(|t| *t.label.key() == l.id)
            .map(|t| t.id)
            .collect();
        assert_eq!(got, expect);
    }
    let joined = db
        .all(
            &Ticket::query()
                .select_related(Ticket::label())
                .order_by(Ticket::id().asc()),
        )
        .unwrap();
    for t in &joined {
        assert_eq!(&t.label.get().unwrap().id, t.label.key());
    }

    // Stored as text / as the discriminant: filters bind the same forms.
    let find = |q: Query<Ticket>| ids(db, q, |t| t.id);
    assert_eq!(
        find(Ticket::query().filter(Ticket::status().eq(Status::Published))),
        [1, 2]
    );
    assert_eq!(
        find(Ticket::query().filter(Ticket::status().is_in([Status::Draft, Status::InReview]))),
        [3, 4, 5]
    );
    let find = |q: Query<Label>| ids(db, q, |l| l.id.0);
    assert_eq!(
        find(Label::query().filter(Label::priority().gt(Priority::Normal))),
        [7]
    );
    assert_eq!(
        find(Label::query().filter(Label::id().lt(LabelId(0)))),
        [i64::MIN]
    );
    assert_eq!(
        find(Label::query().filter(Label::owner().eq(Some(Email("zoë@example.com".to_owned()))))),
        [i64::MIN]
    );
    assert_eq!(
        find(Label::query().filter(Label::maybe_status().eq(None::<Status>))),
        [7]
    );
    let raw: Vec<(i64, String)> = db
        .raw::<Ticket>(
            &db.sql(r#"SELECT * FROM "t_ticket" WHERE "status" = 'live'"#),
            &[],
        )
        .unwrap()
        .iter()
        .map(|t| (t.id, format!("{:?}", t.status)))
        .collect();
    assert_eq!(
        raw,
        [(1, "Published".to_owned()), (2, "Published".to_owned())],
        "stored as its text"
    );

    // A text with no variant, a number with no variant.
    db.execute(
        &db.sql(r#"UPDATE "t_ticket" SET "status" = 'Draft' WHERE "id" = 4"#),
        &[],
    )
    .unwrap();
    match decode_error::<Ticket>(db, "Ticket", "status", "t_ticket") {
        CellError::WrongType { expected, found } => {
            assert!(expected.contains("\"in_review\""), "{expected}");
            assert_eq!(found, "\"Draft\"");
        }
        other => panic!("expected a wrong-type error, got {other}"),
    }
    db.execute(
        &db.sql(r#"UPDATE "t_label" SET "priority" = 5 WHERE "id" = 7"#),
        &[],
    )
    .unwrap();
    match db.all(&Label::query()) {
        Err(Error::Decode {
            model: "Label",
            field: "priority",
            column: "priority",
            error: CellError::OutOfRange { value, .. },
            ..
        }) => {
            assert_eq!(value, "5")
        }
        other => panic!("expected an out-of-range error, got {other:?}"),
    }
}

/// Statements sent without parameters and not starting with SELECT go as
/// plain text, and the servers answer in their text format: every new type
/// must read the same from it as from the binary format of prepared
/// statements.
fn text_protocol_reads_the_same(db: &Db) {
    db.create_tables(&[ChronoRow::info(), TimeRow::info(), MiscRow::info()])
        .unwrap();
    let chrono = chrono_rows();
    db.insert_all(&chrono).unwrap();
    let text: Vec<ChronoRow> = db
        .raw(&db.sql(r#"(SELECT * FROM "t_chrono") ORDER BY "id""#), &[])
        .unwrap();
    assert_eq!(text, chrono);

    use time::macros::datetime;
    let t = TimeRow {
        id: 1,
        date: datetime!(2024-02-29 0:00).date(),
        time: datetime!(2024-02-29 13:14:15.000001).time(),
        stamp: datetime!(0001-01-01 0:00),
        instant: datetime!(9999-12-31 22:59:59.999999 -01:00),
        maybe_date: None,
        maybe_instant: Some(datetime!(1970-01-01 0:00 UTC)),
    };
    db.insert(&t).unwrap();
    let text: Vec<TimeRow> = db.raw(&db.sql(r#"(SELECT * FROM "t_time")"#), &[]).unwrap();
    assert_eq!(text, std::slice::from_ref(&t));
    // Dates before year 1, which PostgreSQL's text form writes with a `BC`
    // suffix counting from 1 BC (`0045-03-15 BC` is year -44).
    if db.backend() == Backend::Postgres {
        let mut old = t.clone();
        old.id = 3;
        old.date = time::Date::from_calendar_date(-44, time::Month::March, 15).unwrap();
        old.stamp = datetime!(0000-01-01 12:30);
        db.insert(&old).unwrap();
        let text: Vec<TimeRow> = db
            .raw(&db.sql(r#"(SELECT * FROM "t_time" WHERE "id" = 3)"#), &[])
            .unwrap();
        assert_eq!(text, [old]);
    }
    // An instant whose UTC date is past `time`'s range (year 10000):
    // PostgreSQL stores it (MySQL refuses it), and it reads back as a
    // decode error, not a panic and not a clamped value.
    if db.backend() == Backend::Postgres {
        let mut late = t;
        late.id = 2;
        late.instant = datetime!(9999-12-31 23:30 -01:00);
        db.insert(&late).unwrap();
        match db.all(&TimeRow::query().filter(TimeRow::id().eq(2))) {
            Err(Error::Decode {
                field: "instant",
                error: CellError::OutOfRange { .. },
                ..
            }) => {}
            other => panic!("expected out of range, got {other:?}"),
        }
    }

    let misc = MiscRow {
        id: 1,
        uuid: Uuid::from_str("67e55044-10b1-426f-9247-bb680e5fe0c8").unwrap(),
        price: Decimal::from_str("-0.0000000000000000000000000001").unwrap(),
        doc: serde_json::json!({"k": ["ü", 1.5, null]}),
        payload: Json(payload(2)),
        maybe_uuid: None,
        maybe_price: Some(Decimal::MAX),
        maybe_doc: None,
        maybe_payload: None,
    };
    db.insert(&misc).unwrap();
    let text: Vec<MiscRow> = db.raw(&db.sql(r#"(SELECT * FROM "t_misc")"#), &[]).unwrap();
    assert_eq!(text, [misc]);

    if db.backend() == Backend::Mysql {
        // MySQL's TIME is a duration: 30 hours is no time of day.
        db.execute(
            "UPDATE `t_chrono` SET `time` = '30:00:00' WHERE `id` = 1",
            &[],
        )
        .unwrap();
        for via_text in [false, true] {
            let got = if via_text {
                db.raw::<ChronoRow>("(SELECT * FROM `t_chrono`)", &[])
            } else {
                db.all(&ChronoRow::query())
            };
            match got {
                Err(Error::Decode {
                    model: "ChronoRow",
                    field: "time",
                    error: CellError::OutOfRange { value, .. },
                    ..
                }) => assert!(value.starts_with("30:00:00"), "{value}"),
                other => panic!("expected out of range, got {other:?}"),
            }
        }
    }
}

fn many_to_many_of_new_key_types(db: &Db) {
    db.create_tables(&[Room::info(), Holiday::info()]).unwrap();
    let rooms: Vec<Uuid> = (1u8..=3).map(|i| Uuid::from_bytes([i; 16])).collect();
    let days = [ymd(2024, 12, 25), ymd(2025, 1, 1), ymd(1, 1, 1)];
    db.insert_all(
        &rooms
            .iter()
            .map(|u| Room {
                uuid: *u,
                days: Default::default(),
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    db.insert_all(&days.map(|date| Holiday {
        date,
        rooms: Default::default(),
    }))
    .unwrap();
    let pairs: Vec<(Uuid, NaiveDate)> = vec![
        (rooms[0], days[0]),
        (rooms[0], days[2]),
        (rooms[1], days[0]),
    ];
    db.link_all(Room::days(), &pairs).unwrap();
    let loaded = db
        .all(
            &Room::query()
                .prefetch_related(Room::days())
                .order_by(Room::uuid().asc()),
        )
        .unwrap();
    let got: Vec<Vec<NaiveDate>> = loaded
        .iter()
        .map(|r| {
            let mut d: Vec<NaiveDate> = r.days.get().unwrap().iter().map(|h| h.date).collect();
            d.sort();
            d
        })
        .collect();
    assert_eq!(got, [vec![days[2], days[0]], vec![days[0]], vec![]]);
    let holidays = db
        .all(
            &Holiday::query()
                .prefetch_related(Holiday::rooms())
                .order_by(Holiday::date().asc()),
        )
        .unwrap();
    let got: Vec<usize> = holidays
        .iter()
        .map(|h| h.rooms.get().unwrap().len())
        .collect();
    assert_eq!(got, [1, 2, 0], "years 1, 2024, 2025");
}

/// splitmix64: a fixed sequence, so a failure reproduces.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The class of ordering bugs (text order that is not time or number order,
/// a fraction compared as text, a sign): SQL order and SQL filters agree
/// with Rust's order over random values across the whole range.
fn random_values_sort_and_filter_as_rust_does(db: &Db) {
    db.create_tables(&[Sample::info()]).unwrap();
    let mut mix = Mix(42);
    // Years 1 to 9999, microseconds (what every backend keeps).
    let lo = Utc.with_ymd_and_hms(1, 1, 1, 0, 0, 0).unwrap().timestamp();
    let hi = Utc
        .with_ymd_and_hms(9999, 12, 31, 23, 59, 59)
        .unwrap()
        .timestamp();
    let rows: Vec<Sample> = (0..300)
        .map(|id| {
            let secs = lo + (mix.next() % (hi - lo) as u64) as i64;
            let micros = (mix.next() % 1_000_000) as u32;
            // Mantissas of up to 28 digits (96 bits), scales 0 to 28, signs.
            let mantissa = i128::from(mix.next() >> (mix.next() % 64))
                * i128::from(mix.next() % 4_000_000_000);
            let mantissa = if mix.next().is_multiple_of(2) {
                -mantissa
            } else {
                mantissa
            };
            let scale = (mix.next() % 29) as u32;
            Sample {
                id,
                at: DateTime::from_timestamp(secs, micros * 1000).unwrap(),
                amount: Decimal::try_from_i128_with_scale(mantissa, scale).unwrap(),
            }
        })
        .collect();
    db.insert_all(&rows).unwrap();

    let mut by_at = rows.clone();
    by_at.sort_by_key(|r| (r.at, r.id));
    let loaded = db
        .all(
            &Sample::query()
                .order_by(Sample::at().asc())
                .order_by(Sample::id().asc()),
        )
        .unwrap();
    assert_eq!(loaded, by_at, "ORDER BY an instant is time order");
    let mut by_amount = rows.clone();
    by_amount.sort_by(|a, b| a.amount.cmp(&b.amount).then(a.id.cmp(&b.id)));
    let loaded = db
        .all(
            &Sample::query()
                .order_by(Sample::amount().asc())
                .order_by(Sample::id().asc()),
        )
        .unwrap();
    assert_eq!(
        loaded.iter().map(|r| r.id).collect::<Vec<_>>(),
        by_amount.iter().map(|r| r.id).collect::<Vec<_>>(),
        "ORDER BY a decimal is number order"
    );

    for pivot in rows.iter().step_by(37) {
        let want: Vec<i64> = rows
            .iter()
            .filter(|r| r.at < pivot.at)
            .map(|r| r.id)
            .collect();
        assert_eq!(
            ids(db, Sample::query().filter(Sample::at().lt(pivot.at)), |r| r
                .id),
            want
        );
        let want: Vec<i64> = rows
            .iter()
            .filter(|r| r.amount >= pivot.amount)
            .map(|r| r.id)
            .collect();
        assert_eq!(
            ids(
                db,
                Sample::query().filter(Sample::amount().ge(pivot.amount)),
                |r| r.id
            ),
            want,
            "amount >= {}",
            pivot.amount
        );
        // The same number at another scale is the same number.
        let rescaled = {
            let mut d = pivot.amount;
            d.rescale((d.scale() + 2).min(28));
            d
        };
        assert_eq!(
            ids(
                db,
                Sample::query().filter(Sample::amount().eq(rescaled)),
                |r| r.id
            ),
            rows.iter()
                .filter(|r| r.amount == pivot.amount)
                .map(|r| r.id)
                .collect::<Vec<_>>()
        );
    }
}

/// UUIDs as other tools store them where the backend has no UUID type:
/// Django and SQLAlchemy write 32 hex digits (`char(32)`), others capitals,
/// and on MySQL `BINARY(16)` holds the bytes. Each row reads as its UUID,
/// and filters, `select_related` and both directions of a prefetch find
/// every one of them (PostgreSQL's `uuid` reads every spelling as the same
/// value: the same checks hold there).
/// SQLite keeps times as text, and tools spell them differently; one
/// relation spelled alike on both sides is related by a JOIN, and must be
/// by every key list too (prefetch both ways, counts, filters), which
/// asks for each exact spelling of a key, not only `related`'s own.
fn times_stored_in_other_spellings_on_sqlite(db: &Db) {
    db.execute(
        r#"CREATE TABLE "t_spelled_event" ("at" TEXT PRIMARY KEY, "name" TEXT NOT NULL)"#,
        &[],
    )
    .unwrap();
    db.execute(
        r#"CREATE TABLE "t_spelled_ticket" ("id" INTEGER PRIMARY KEY, "event_id" TEXT NOT NULL, "local" TEXT NOT NULL)"#,
        &[],
    )
    .unwrap();
    // Event n at 2024-01-0n 10:00 UTC, each spelled by another tool, and
    // its ticket's key alike; the ticket's local time spelled the same way
    // without a zone.
    let spelled = [
        ("2024-01-01T10:00:00", "2024-01-01T10:00:00"),
        ("2024-01-02 10:00:00.000", "2024-01-02 10:00:00.000"),
        ("2024-01-03 10:00:00.000000", "2024-01-03 10:00:00.000000"),
        ("2024-01-04 10:00", "2024-01-04 10:00"),
        ("2024-01-05 10:00:00+00:00", "2024-01-05T10:00:00.000000000"),
        ("2024-01-06T10:00:00.000Z", "2024-01-06T10:00"),
        ("2024-01-07 10:00:00", "2024-01-07 10:00:00"),
    ];
    for (i, (at, local)) in spelled.iter().enumerate() {
        let n = i + 1;
        db.execute(
            &format!(r#"INSERT INTO "t_spelled_event" VALUES ('{at}', 'e{n}')"#),
            &[],
        )
        .unwrap();
        db.execute(
            &format!(r#"INSERT INTO "t_spelled_ticket" VALUES ({n}, '{at}', '{local}')"#),
            &[],
        )
        .unwrap();
    }
    let at = |n: u32| Utc.with_ymd_and_hms(2024, 1, n, 10, 0, 0).unwrap();
    let local = |n: u32| at(n).naive_utc();
    let names = |q: Query<SpelledEvent>| -> Vec<String> {
        let mut v: Vec<String> = db.all(&q).unwrap().into_iter().map(|e| e.name).collect();
        v.sort();
        v
    };
    for n in 1..=7 {
        assert_eq!(
            names(SpelledEvent::query().filter(SpelledEvent::at().eq(at(n)))),
            [format!("e{n}")],
            "eq finds event {n}"
        );
        assert_eq!(
            names(SpelledEvent::query().filter(SpelledEvent::at().ne(at(n)))).len(),
            6,
            "ne leaves out event {n} only"
        );
        let tickets = db
            .all(&SpelledTicket::query().filter(SpelledTicket::local().eq(local(n))))
            .unwrap();
        assert_eq!(
            tickets.iter().map(|t| t.id).collect::<Vec<_>>(),
            [i64::from(n)]
        );
    }
    assert_eq!(
        names(SpelledEvent::query().filter(SpelledEvent::at().is_in([at(2), at(4), at(6)]))),
        ["e2", "e4", "e6"]
    );
    // Forward: by JOIN and by prefetch, each ticket finds its event.
    for q in [
        SpelledTicket::query().select_related(SpelledTicket::event()),
        SpelledTicket::query().prefetch_related(SpelledTicket::event()),
    ] {
        let tickets = db.all(&q.order_by(SpelledTicket::id().asc())).unwrap();
        let found: Vec<String> = tickets
            .iter()
            .map(|t| t.event.get().unwrap().name.clone())
            .collect();
        assert_eq!(found, ["e1", "e2", "e3", "e4", "e5", "e6", "e7"]);
    }
    // Reverse: each event gets its ticket, and counts it.
    let events = db
        .all(
            &SpelledEvent::query()
                .prefetch_related(SpelledEvent::tickets())
                .count_related(SpelledEvent::tickets(), SpelledEvent::ticket_count())
                .order_by(SpelledEvent::name().asc()),
        )
        .unwrap();
    for e in &events {
        assert_eq!(e.tickets.get().unwrap().len(), 1, "{}", e.name);
        assert_eq!(e.ticket_count.get().unwrap(), 1, "{}", e.name);
    }
}

fn uuids_stored_in_other_spellings(db: &Db) {
    let (key, text) = match db.backend() {
        Backend::Sqlite => ("TEXT", "TEXT"),
        Backend::Postgres => ("UUID", "TEXT"),
        // Bytes or text in one column, compared exactly as `ascii_bin` does.
        Backend::Mysql => ("VARBINARY(36)", "TEXT"),
    };
    let id = id_col(db);
    db.execute(
        &db.sql(&format!(
            r#"CREATE TABLE "t_spelled_account" ("uuid" {key} PRIMARY KEY, "name" {text} NOT NULL)"#
        )),
        &[],
    )
    .unwrap();
    db.execute(
        &db.sql(&format!(
            r#"CREATE TABLE "t_spelled_session" ("id" {id}, "account_id" {key} NOT NULL)"#
        )),
        &[],
    )
    .unwrap();
    let uuid = |n: u8| {
        let mut b = [0u8; 16];
        b[0] = 0xab;
        b[15] = n;
        Uuid::from_bytes(b)
    };
    // Account n is spelled `spelled[n - 1]`; its sessions' keys alike.
    let spelled = [
        "'ab000000000000000000000000000001'".to_owned(),
        "'AB000000-0000-0000-0000-000000000002'".to_owned(),
        match db.backend() {
            Backend::Mysql => "UNHEX('ab000000000000000000000000000003')".to_owned(),
            _ => "'ab000000-0000-0000-0000-000000000003'".to_owned(),
        },
        "'AB000000000000000000000000000004'".to_owned(),
    ];
    for (i, s) in spelled.iter().enumerate() {
        db.execute(
            &db.sql(&format!(
                r#"INSERT INTO "t_spelled_account" ("uuid", "name") VALUES ({s}, 'a{}')"#,
                i + 1
            )),
            &[],
        )
        .unwrap();
    }
    // Sessions 1 and 2 belong to account 1, then one each to 2, 3 and 4.
    let owner = [1usize, 1, 2, 3, 4];
    for (i, a) in owner.iter().enumerate() {
        db.execute(
            &db.sql(&format!(
                r#"INSERT INTO "t_spelled_session" ("id", "account_id") VALUES ({}, {})"#,
                i + 1,
                spelled[a - 1]
            )),
            &[],
        )
        .unwrap();
    }
    let names = |q: Query<SpelledAccount>| -> Vec<String> {
        let mut v: Vec<String> = db.all(&q).unwrap().into_iter().map(|a| a.name).collect();
        v.sort();
        v
    };
    for n in 1..=4u8 {
        assert_eq!(
            names(SpelledAccount::query().filter(SpelledAccount::uuid().eq(uuid(n)))),
            [format!("a{n}")],
            "eq finds account {n}"
        );
        assert_eq!(
            names(SpelledAccount::query().filter(SpelledAccount::uuid().ne(uuid(n)))).len(),
            3,
            "ne leaves out account {n} only"
        );
    }
    assert_eq!(
        names(
            SpelledAccount::query().filter(SpelledAccount::uuid().is_in([
                uuid(1),
                uuid(3),
                uuid(4)
            ]))
        ),
        ["a1", "a3", "a4"]
    );
    let accounts = db
        .all(&SpelledAccount::query().order_by(SpelledAccount::name().asc()))
        .unwrap();
    let read: Vec<Uuid> = accounts.iter().map(|a| a.uuid).collect();
    assert_eq!(read, [uuid(1), uuid(2), uuid(3), uuid(4)]);
    // Forward: by JOIN and by prefetch, each session finds its account.
    for q in [
        SpelledSession::query().select_related(SpelledSession::account()),
        SpelledSession::query().prefetch_related(SpelledSession::account()),
    ] {
        let sessions = db.all(&q.order_by(SpelledSession::id().asc())).unwrap();
        let found: Vec<String> = sessions
            .iter()
            .map(|s| s.account.get().unwrap().name.clone())
            .collect();
        assert_eq!(found, ["a1", "a1", "a2", "a3", "a4"]);
    }
    // Across the relation, in a filter.
    let of_two = db
        .all(
            &SpelledSession::query().filter(
                SpelledSession::account()
                    .col(SpelledAccount::uuid())
                    .eq(uuid(2)),
            ),
        )
        .unwrap();
    assert_eq!(of_two.iter().map(|s| s.id).collect::<Vec<_>>(), [3]);
    // Reverse: each account gets its sessions.
    let accounts = db
        .all(
            &SpelledAccount::query()
                .prefetch_related(SpelledAccount::sessions())
                .order_by(SpelledAccount::name().asc()),
        )
        .unwrap();
    let counts: Vec<usize> = accounts
        .iter()
        .map(|a| a.sessions.get().unwrap().len())
        .collect();
    assert_eq!(counts, [2, 1, 1, 1]);
    // A UUID in mixed case is none of the spellings a filter asks for: it
    // is a decode error where the backend stores text, not a row that
    // filters would silently miss.
    db.execute(
        &db.sql(
            r#"INSERT INTO "t_spelled_account" ("uuid", "name") VALUES ('Ab000000-0000-0000-0000-000000000005', 'a5')"#,
        ),
        &[],
    )
    .unwrap();
    let read = db.all(&SpelledAccount::query());
    if db.backend() == Backend::Postgres {
        assert_eq!(read.unwrap().len(), 5);
    } else {
        let err = read.unwrap_err();
        assert!(
            matches!(&err, Error::Decode { field: "uuid", .. })
                && err
                    .to_string()
                    .contains("Ab000000-0000-0000-0000-000000000005"),
            "{err}"
        );
    }
}

/// SQLite keeps dates and times as text, and compares that text: a filter
/// must spell its value as the table does. Django writes Python's `str()`
/// (`2024-01-01 00:00:00`, `.500000` only when there is a fraction; an
/// aware datetime in UTC without an offset); rows `related` writes are
/// spelled alike, and filters at the exact instants find them.
fn times_as_django_writes_them_on_sqlite(db: &Db) {
    db.execute(
        r#"CREATE TABLE "t_django_stamp" ("id" INTEGER PRIMARY KEY, "at" TEXT NOT NULL, "utc" TEXT NOT NULL, "time" TEXT NOT NULL)"#,
        &[],
    )
    .unwrap();
    // As Django 5 writes them (USE_TZ: the aware value in UTC, naive).
    for (id, at, time) in [
        (1, "2024-01-01 00:00:00", "10:30:00"),
        (2, "2024-01-01 00:00:00.500000", "10:30:00.250000"),
        (3, "2024-01-02 10:30:00", "23:59:59"),
    ] {
        db.execute(
            &format!(
                r#"INSERT INTO "t_django_stamp" ("id", "at", "utc", "time") VALUES ({id}, '{at}', '{at}', '{time}')"#
            ),
            &[],
        )
        .unwrap();
    }
    let midnight = NaiveDate::from_ymd_opt(2024, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let half = midnight + chrono::Duration::milliseconds(500);
    let utc = |t: NaiveDateTime| Utc.from_utc_datetime(&t);
    let ten_thirty = NaiveTime::from_hms_opt(10, 30, 0).unwrap();
    let found = |q: Query<DjangoStamp>| ids(db, q, |r| r.id);
    assert_eq!(
        found(DjangoStamp::query().filter(DjangoStamp::at().eq(midnight))),
        [1]
    );
    assert_eq!(
        found(DjangoStamp::query().filter(DjangoStamp::at().eq(half))),
        [2]
    );
    assert_eq!(
        found(DjangoStamp::query().filter(DjangoStamp::at().ge(midnight))),
        [1, 2, 3]
    );
    assert_eq!(
        found(DjangoStamp::query().filter(DjangoStamp::at().gt(midnight))),
        [2, 3]
    );
    assert_eq!(
        found(DjangoStamp::query().filter(DjangoStamp::at().le(half))),
        [1, 2]
    );
    assert_eq!(
        found(DjangoStamp::query().filter(DjangoStamp::utc().eq(utc(midnight)))),
        [1]
    );
    assert_eq!(
        found(DjangoStamp::query().filter(DjangoStamp::utc().lt(utc(half)))),
        [1]
    );
    assert_eq!(
        found(DjangoStamp::query().filter(DjangoStamp::time().eq(ten_thirty))),
        [1]
    );
    assert_eq!(
        found(DjangoStamp::query().filter(DjangoStamp::time().gt(ten_thirty))),
        [2, 3]
    );
    assert_eq!(
        found(DjangoStamp::query().filter(DjangoStamp::at().is_in([midnight, half]))),
        [1, 2]
    );
    // A row `related` writes reads back, and is spelled as Django's are.
    db.insert(&DjangoStamp {
        id: 4,
        at: midnight,
        utc: utc(half),
        time: ten_thirty,
    })
    .unwrap();
    let row = db
        .one(&DjangoStamp::query().filter(DjangoStamp::id().eq(4)))
        .unwrap();
    assert_eq!(
        (row.at, row.utc, row.time),
        (midnight, utc(half), ten_thirty)
    );
    let sqlite = db.as_sqlite().expect("a SQLite case");
    let text: Vec<String> = sqlite
        .raw::<TextOfStamp>(
            r#"SELECT "id", "at", "utc", "time" FROM "t_django_stamp" WHERE "id" = 4"#,
            &[],
        )
        .unwrap()
        .into_iter()
        .flat_map(|r| [r.at, r.utc, r.time])
        .collect();
    assert_eq!(
        text,
        [
            "2024-01-01 00:00:00",
            "2024-01-01 00:00:00.500000",
            "10:30:00"
        ]
    );
    assert_eq!(
        found(DjangoStamp::query().filter(DjangoStamp::at().eq(midnight))),
        [1, 4]
    );
}

/// Django's `DecimalField` on SQLite: a `decimal` column, of NUMERIC
/// affinity, which stores `1.50` as the REAL 1.5 and `2.00` as the INTEGER
/// 2. They read as those numbers, and a filter finds them.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_django_price")]
pub struct DjangoPrice {
    pub id: i64,
    pub price: Decimal,
    pub maybe_price: Option<Decimal>,
}

fn decimals_as_django_stores_them_on_sqlite(db: &Db) {
    db.execute(
        r#"CREATE TABLE "t_django_price" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "price" decimal NOT NULL, "maybe_price" decimal NULL)"#,
        &[],
    )
    .unwrap();
    // As Django binds them: the text `format_number` makes.
    for (id, price, maybe) in [
        (1, "1.50", Some("0.10")),
        (2, "2.00", None),
        (3, "-3.25", Some("12345678.90")),
    ] {
        db.execute(
            r#"INSERT INTO "t_django_price" ("id", "price", "maybe_price") VALUES (?, ?, ?)"#,
            &[
                Value::I64(id),
                Value::Text(price.to_owned()),
                maybe.map_or(Value::Null, |m| Value::Text(m.to_owned())),
            ],
        )
        .unwrap();
    }
    let dec = |s: &str| Decimal::from_str(s).unwrap();
    let rows = db
        .all(&DjangoPrice::query().order_by(DjangoPrice::id().asc()))
        .unwrap();
    let read: Vec<(Decimal, Option<Decimal>)> =
        rows.iter().map(|r| (r.price, r.maybe_price)).collect();
    assert_eq!(
        read,
        [
            (dec("1.5"), Some(dec("0.1"))),
            (dec("2"), None),
            (dec("-3.25"), Some(dec("12345678.9"))),
        ]
    );
    let found = |q: Query<DjangoPrice>| ids(db, q, |r| r.id);
    assert_eq!(
        found(DjangoPrice::query().filter(DjangoPrice::price().eq(dec("1.50")))),
        [1]
    );
    assert_eq!(
        found(DjangoPrice::query().filter(DjangoPrice::price().eq(dec("2")))),
        [2]
    );
    assert_eq!(
        found(DjangoPrice::query().filter(DjangoPrice::price().gt(dec("1.5")))),
        [2]
    );
    assert_eq!(
        found(DjangoPrice::query().filter(DjangoPrice::price().lt(dec("0")))),
        [3]
    );
    let by_price: Vec<i64> = db
        .all(&DjangoPrice::query().order_by(DjangoPrice::price().desc()))
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(by_price, [2, 1, 3]);
}

/// `t_django_stamp`'s columns as the text SQLite holds.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_django_stamp")]
pub struct TextOfStamp {
    pub id: i64,
    pub at: String,
    pub utc: String,
    pub time: String,
}

/// JSON columns holding documents as other writers spell them: Django's
/// `json.dumps` (`[1, "x"]`, a blank after each `,` and `:`), compact
/// text, a JSON string whose text looks like the array. `eq` / `ne` /
/// `is_in` compare documents, not text, on every backend (SQLite and
/// MariaDB keep the text as written; PostgreSQL's `jsonb` normalizes it).
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_django_doc")]
pub struct DjangoDoc {
    pub id: i64,
    pub doc: serde_json::Value,
    pub payload: Option<Json<Payload>>,
}

fn json_compares_as_a_document(db: &Db) {
    db.create_tables(&[DjangoDoc::info()]).unwrap();
    let spaced = r#"{"name": "a", "tags": ["t1", "t2"], "score": 1}"#;
    let compact = r#"{"name":"a","tags":["t1","t2"],"score":1}"#;
    for (id, doc, payload) in [
        (1, r#"[1, "x"]"#, Some(spaced)),
        (2, r#"{"a": 1, "b": [true, null]}"#, None),
        (3, r#"[1,"x"]"#, Some(compact)),
        (
            4,
            r#""[1, \"x\"]""#,
            Some(r#"{"name": "b", "tags": [], "score": 2}"#),
        ),
    ] {
        // Literal SQL, as another program wrote the rows (test data only;
        // MySQL reads a backslash in a literal as an escape).
        let literal = |text: &str| match db.backend() {
            Backend::Mysql => format!("'{}'", text.replace('\\', "\\\\")),
            _ => format!("'{text}'"),
        };
        let payload = payload.map_or("NULL".to_owned(), literal);
        let head = db.sql(r#"INSERT INTO "t_django_doc" ("id", "doc", "payload") VALUES"#);
        let sql = format!("{head} ({id}, {}, {payload})", literal(doc));
        db.execute(&sql, &[]).unwrap();
    }
    let found = |q: Query<DjangoDoc>| ids(db, q, |r| r.id);
    let array = serde_json::json!([1, "x"]);
    assert_eq!(
        found(DjangoDoc::query().filter(DjangoDoc::doc().eq(array.clone()))),
        [1, 3]
    );
    assert_eq!(
        found(DjangoDoc::query().filter(DjangoDoc::doc().ne(array.clone()))),
        [2, 4]
    );
    assert_eq!(
        found(
            DjangoDoc::query()
                .filter(DjangoDoc::doc().eq(serde_json::json!({"a": 1, "b": [true, null]})))
        ),
        [2]
    );
    assert_eq!(
        found(
            DjangoDoc::query()
                .filter(DjangoDoc::doc().is_in([array.clone(), serde_json::json!("[1, \"x\"]")]))
        ),
        [1, 3, 4]
    );
    let a = Payload {
        name: "a".to_owned(),
        tags: vec!["t1".to_owned(), "t2".to_owned()],
        score: 1,
    };
    assert_eq!(
        found(DjangoDoc::query().filter(DjangoDoc::payload().eq(Some(Json(a.clone()))))),
        [1, 3]
    );
    assert_eq!(
        found(DjangoDoc::query().filter(DjangoDoc::payload().eq(None))),
        [2]
    );
    // `ne` leaves the NULL row out, as on every column.
    assert_eq!(
        found(DjangoDoc::query().filter(DjangoDoc::payload().ne(Some(Json(a.clone()))))),
        [4]
    );
    // And every row reads back as the document it holds.
    let rows = db
        .all(&DjangoDoc::query().order_by(DjangoDoc::id().asc()))
        .unwrap();
    assert_eq!(rows[0].doc, array);
    assert_eq!(rows[0].payload, Some(Json(a)));
    assert_eq!(rows[3].doc, serde_json::json!("[1, \"x\"]"));
}

/// Durations: round trips (what is below a microsecond rounded down, as
/// for times), negative ones, filters, ordering, `is_in`, the stored form
/// Django reads (microseconds in an integer, PostgreSQL's `INTERVAL`), and
/// values out of range as errors, never a panic or another value.
fn durations(db: &Db) {
    use chrono::TimeDelta;
    use std::time::Duration as Std;
    db.create_tables(&[DurationRow::info()]).unwrap();
    let secs = |s: i64| TimeDelta::seconds(s);
    let row = |id: i64, std: Std, delta: TimeDelta, maybe: Option<TimeDelta>| DurationRow {
        id,
        std,
        delta,
        span: time::Duration::new(delta.num_seconds(), delta.subsec_nanos()),
        maybe,
    };
    let rows = vec![
        row(1, Std::ZERO, TimeDelta::zero(), None),
        row(
            2,
            Std::from_millis(1500),
            TimeDelta::milliseconds(-1500),
            Some(secs(1)),
        ),
        row(
            3,
            Std::from_secs(3 * 86_400 + 4 * 3600),
            secs(3 * 86_400 + 4 * 3600),
            Some(secs(-86_400)),
        ),
        // Below a microsecond: rounded down, toward negative infinity.
        row(4, Std::from_nanos(1_999), TimeDelta::nanoseconds(-1), None),
        // 100,000 years.
        row(
            5,
            Std::from_secs(3_155_760_000_000),
            secs(-3_155_760_000_000),
            None,
        ),
    ];
    db.insert_all(&rows).unwrap();
    let mut want = rows.clone();
    want[3].std = Std::from_micros(1);
    want[3].delta = TimeDelta::microseconds(-1);
    want[3].span = time::Duration::microseconds(-1);
    let got = db
        .all(&DurationRow::query().order_by(DurationRow::id().asc()))
        .unwrap();
    assert_eq!(got, want);

    let q = |f| ids(db, DurationRow::query().filter(f), |r: &DurationRow| r.id);
    assert_eq!(q(DurationRow::delta().lt(TimeDelta::zero())), [2, 4, 5]);
    assert_eq!(q(DurationRow::std().ge(Std::from_secs(1))), [2, 3, 5]);
    assert_eq!(
        q(DurationRow::span().eq(time::Duration::milliseconds(-1500))),
        [2]
    );
    assert_eq!(q(DurationRow::maybe().gt(TimeDelta::zero())), [2]);
    assert_eq!(q(DurationRow::maybe().is_null()), [1, 4, 5]);
    assert_eq!(
        q(DurationRow::std().is_in([Std::ZERO, Std::from_micros(1)])),
        [1, 4]
    );
    let by_delta: Vec<i64> = db
        .all(&DurationRow::query().order_by(DurationRow::delta().asc()))
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(by_delta, [5, 2, 4, 1, 3]);

    // What Django reads: microseconds in an integer on SQLite and MySQL,
    // an INTERVAL on PostgreSQL.
    if db.backend() == Backend::Postgres {
        db.execute(
            r#"UPDATE "t_durations" SET "delta" = '1 mon 2 days -03:00:00.5' WHERE "id" = 1"#,
            &[],
        )
        .unwrap();
        let month = TimeDelta::days(32) - TimeDelta::hours(3) - TimeDelta::milliseconds(500);
        // The binary form (a prepared statement) and the text form (a
        // statement in parentheses goes unprepared) read the same: a month
        // is 30 days.
        let binary = db
            .all(&DurationRow::query().filter(DurationRow::id().eq(1)))
            .unwrap();
        let text: Vec<DurationRow> = db
            .raw(r#"(SELECT * FROM "t_durations" WHERE "id" = 1)"#, &[])
            .unwrap();
        assert_eq!((binary[0].delta, text[0].delta), (month, month));
        assert_eq!(text, binary);
    } else {
        let stored: Vec<DurationMicros> = db
            .raw(
                &db.sql(r#"SELECT "id", "std" FROM "t_durations" ORDER BY "id""#),
                &[],
            )
            .unwrap();
        let micros: Vec<i64> = stored.iter().map(|r| r.std).collect();
        assert_eq!(
            micros,
            [0, 1_500_000, 273_600_000_000, 1, 3_155_760_000_000_000_000]
        );
    }

    // A negative duration is no `std::time::Duration`: a decode error.
    let negative = if db.backend() == Backend::Postgres {
        "'-1 second'"
    } else {
        "-1"
    };
    db.execute(
        &db.sql(&format!(
            r#"UPDATE "t_durations" SET "std" = {negative} WHERE "id" = 2"#
        )),
        &[],
    )
    .unwrap();
    match decode_error::<DurationRow>(db, "DurationRow", "std", "t_durations") {
        CellError::OutOfRange { expected, value } => {
            assert!(expected.contains("std::time::Duration"), "{expected}");
            // The value as read, in seconds (not the internal form).
            let read = match db.backend() {
                Backend::Postgres => "-1 s",
                _ => "-0.000001 s",
            };
            assert_eq!(value, read);
        }
        other => panic!("expected out of range, got {other:?}"),
    }

    // Past what 64-bit microseconds hold: refused when bound, naming the
    // statement; nothing is written.
    let mut huge = rows[0].clone();
    huge.id = 9;
    huge.std = Std::MAX;
    match db.insert(&huge) {
        Err(e) => {
            let shown = e.to_string();
            assert!(shown.contains("out of range"), "{shown}");
            assert!(shown.contains("t_durations"), "{shown}");
        }
        Ok(()) => panic!("a duration past 64-bit microseconds was written"),
    }
    assert_eq!(
        db.count(&DurationRow::query().filter(DurationRow::id().eq(9)))
            .unwrap(),
        0
    );
    // In a long `is_in` list (one array parameter on SQLite and
    // PostgreSQL) too: an error, not a NULL that matches nothing.
    let list = (0..1000).map(Std::from_secs).chain([Std::MAX]);
    let listed = db.all(&DurationRow::query().filter(DurationRow::std().is_in(list)));
    assert!(listed.is_err(), "{listed:?}");

    // The bottom of the range: -2^63 microseconds is stored and read back
    // (its whole seconds alone overflow the microseconds).
    let low = TimeDelta::microseconds(i64::MIN);
    let mut bottom = rows[0].clone();
    bottom.id = 10;
    bottom.delta = low;
    bottom.span = time::Duration::microseconds(i64::MIN);
    db.insert(&bottom).unwrap();
    let back = db
        .one(&DurationRow::query().filter(DurationRow::delta().eq(low)))
        .unwrap();
    assert_eq!(back, bottom);
}

/// MySQL's zero date (`0000-00-00`, stored where `sql_mode` allows it) has no
/// Rust value: in a nullable column too it is an error naming it, not
/// `None` (sqlx reads it as NULL).
/// SQLite keeps dates as text: a year past 9999 or before 0 would be
/// stored (`10000-01-01`, `-0044-03-15`) but sort and compare as text, so a
/// filter or an ORDER BY would put it among the wrong dates. Refused when
/// bound, in a row, a filter or a list, naming the range; the years at the
/// edges are kept.
fn sqlite_refuses_years_past_9999(db: &Db) {
    db.create_tables(&[ChronoRow::info()]).unwrap();
    let edge = chrono_rows();
    let mut far = edge[0].clone();
    far.id = 10;
    far.date = ymd(10_000, 1, 1);
    let mut before = edge[0].clone();
    before.id = 11;
    before.maybe_date = Some(ymd(-44, 3, 15));
    // An instant in year 10000 in UTC, though not in its own offset.
    let mut late = edge[0].clone();
    late.id = 12;
    late.fixed = FixedOffset::west_opt(5 * 3600)
        .unwrap()
        .from_local_datetime(&ymd(9999, 12, 31).and_time(hms_micro(23, 0, 0, 0)))
        .unwrap();
    for row in [&far, &before, &late] {
        let err = db
            .insert_all(std::slice::from_ref(row))
            .unwrap_err()
            .to_string();
        assert!(err.contains("0000 to 9999"), "row {}: {err}", row.id);
    }
    let err = db
        .all(&ChronoRow::query().filter(ChronoRow::date().gt(ymd(10_000, 1, 1))))
        .unwrap_err()
        .to_string();
    assert!(err.contains("0000 to 9999"), "{err}");
    let err = db
        .all(&ChronoRow::query().filter(ChronoRow::date().is_in([ymd(2020, 1, 1), ymd(-1, 1, 1)])))
        .unwrap_err()
        .to_string();
    assert!(err.contains("0000 to 9999"), "{err}");
    // The first and last days SQLite's text keeps in order.
    let mut first = edge[0].clone();
    first.id = 20;
    first.date = ymd(0, 1, 1);
    let mut last = edge[0].clone();
    last.id = 21;
    last.date = ymd(9999, 12, 31);
    db.insert_all(&[first.clone(), last.clone()]).unwrap();
    let back = db
        .all(&ChronoRow::query().order_by(ChronoRow::date().asc()))
        .unwrap();
    assert_eq!(back, [first, last]);
}

fn mysql_zero_dates_are_errors(db: &Db) {
    db.create_tables(&[ChronoRow::info()]).unwrap();
    let pool = db.new_pool(1, &[]).expect("a server");
    db.block_on(async {
        related_tests::on_pool!(&pool, |p| {
            let mut conn = p.acquire().await.unwrap();
            (&mut *conn)
                .execute_statement("SET SESSION sql_mode = ''", &[])
                .await
                .unwrap();
            (&mut *conn)
                .execute_statement(
                    "INSERT INTO t_chrono (id, date, time, stamp, utc, fixed, maybe_date, maybe_stamp) \
                     VALUES (1, '2020-01-01', '10:00:00', '2020-01-01 10:00:00', '2020-01-01 10:00:00', \
                     '2020-01-01 10:00:00', '0000-00-00', NULL), \
                     (2, '2020-01-01', '10:00:00', '2020-01-01 10:00:00', '2020-01-01 10:00:00', \
                     '2020-01-01 10:00:00', NULL, '0000-00-00 00:00:00'), \
                     (3, '2020-01-01', '10:00:00', '2020-01-01 10:00:00', '2020-01-01 10:00:00', \
                     '2020-01-01 10:00:00', '2000-00-00', NULL)",
                    &[],
                )
                .await
                .unwrap();
        })
    });
    db.block_on(pool.close());
    for (id, field, date) in [
        (1, "maybe_date", "0000-00-00"),
        (2, "maybe_stamp", "0000-00-00"),
        // A date no calendar has is named as MySQL writes it.
        (3, "maybe_date", "2000-00-00"),
    ] {
        let err = db
            .all(&ChronoRow::query().filter(ChronoRow::id().eq(id)))
            .unwrap_err()
            .to_string();
        assert!(err.contains(date) && err.contains(field), "{err}");
    }
}
