//! What each backend must do beyond SQL shape: every column type round
//! trip, key lists of every key type, one snapshot per load, the caller's
//! transaction, a pool under concurrent loads, bad connections and server
//! errors, the async SQLite executor, and a million prefetched rows.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use related::prelude::*;
use related::sqlx::mysql::{MySqlConnectOptions, MySqlPoolOptions};
use related::sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use related::sqlx::{self, Connection, Executor as _};
use related::{
    AsyncSqlite, CellError, Consistency, Dialect, Error, Job, Load, Logged, RawRow, Statement,
    StatementLog, Value,
};
use related_tests::blog::{self, Post, Tag, graph, posts_with_tags};
use related_tests::harness::{ALL, Backend, Case, Db, SERVERS};
use related_tests::on_pool;
use related_tests::server::{self, Pool};

pub const CASES: &[Case] = &[
    Case::new("backends::every_type_round_trips", every_type_round_trips),
    Case::new(
        "backends::byte_keys_over_text_that_ignores_case",
        byte_keys_over_text_that_ignores_case,
    )
    .on(&[Backend::Mysql]),
    Case::new(
        "backends::raw_reads_exact_values_whatever_its_sql_starts_with",
        raw_reads_exact_values_whatever_its_sql_starts_with,
    ),
    Case::new(
        "backends::integer_and_float_widths",
        integer_and_float_widths,
    ),
    Case::new("backends::keys_of_every_type", keys_of_every_type),
    Case::new(
        "backends::long_text_key_lists_split_by_size",
        long_text_key_lists_split_by_size,
    ),
    Case::new(
        "backends::postgres_key_list_is_one_indexed_array",
        postgres_key_list_is_one_indexed_array,
    )
    .on(&[Backend::Postgres]),
    Case::new(
        "backends::mysql_key_list_splits_at_65535",
        mysql_key_list_splits_at_65535,
    )
    .on(&[Backend::Mysql]),
    Case::new("backends::one_snapshot_per_load", one_snapshot_per_load).on(ALL),
    Case::new("backends::snapshot_is_read_only", snapshot_is_read_only).on(SERVERS),
    Case::new(
        "backends::without_snapshot_each_statement_reads_the_database_as_it_is",
        without_snapshot,
    )
    .on(ALL),
    Case::new(
        "backends::runs_inside_the_callers_transaction",
        runs_inside_the_callers_transaction,
    )
    .on(SERVERS),
    Case::new(
        "backends::sixty_four_loads_on_eight_connections",
        sixty_four_loads_on_eight_connections,
    )
    .on(SERVERS),
    Case::new("backends::connection_refused", connection_refused).on(SERVERS),
    Case::new("backends::authentication_failure", authentication_failure).on(SERVERS),
    Case::new(
        "backends::server_error_mid_load_rolls_back",
        server_error_mid_load_rolls_back,
    )
    .on(SERVERS),
    Case::new(
        "backends::decode_error_mid_load_leaves_connection_clean",
        decode_error_mid_load_leaves_connection_clean,
    )
    .on(SERVERS),
    Case::new("backends::statement_timeout", statement_timeout).on(SERVERS),
    Case::new(
        "backends::cancelled_load_leaves_no_transaction",
        cancelled_load_leaves_no_transaction,
    )
    .on(SERVERS),
    Case::new("backends::async_sqlite", async_sqlite).on(&[Backend::Sqlite]),
    Case::slow(
        "backends::million_children_under_200k_parents",
        million_children_under_200k_parents,
    ),
];

// ---------------------------------------------------------------------------
// Models of this file.

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "type_row")]
pub struct TypeRow {
    pub id: i64,
    pub flag: bool,
    pub small: i16,
    pub medium: i32,
    pub big: i64,
    pub single: f32,
    pub double: f64,
    pub text: String,
    pub bytes: Vec<u8>,
    pub maybe_flag: Option<bool>,
    pub maybe_small: Option<i16>,
    pub maybe_medium: Option<i32>,
    pub maybe_big: Option<i64>,
    pub maybe_single: Option<f32>,
    pub maybe_double: Option<f64>,
    pub maybe_text: Option<String>,
    pub maybe_bytes: Option<Vec<u8>>,
}

/// Parents keyed by text, bytes, i32 and i16, each with children.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "k_country")]
pub struct Country {
    #[related(primary_key)]
    pub code: String,
    pub name: String,
    #[related(reverse = City::country)]
    pub cities: Reverse<City>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "k_city")]
pub struct City {
    pub id: i64,
    pub name: String,
    pub country: ForeignKey<Country>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "k_blob")]
pub struct Blob {
    #[related(primary_key)]
    pub digest: Vec<u8>,
    #[related(reverse = Chunk::blob)]
    pub chunks: Reverse<Chunk>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "k_chunk")]
pub struct Chunk {
    pub id: i64,
    pub blob: ForeignKey<Blob>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "k_team")]
pub struct Team {
    pub id: i32,
    pub name: String,
    #[related(reverse = Player::team)]
    pub players: Reverse<Player>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "k_player")]
pub struct Player {
    pub id: i16,
    pub name: String,
    pub team: ForeignKey<Team>,
    #[related(reverse = Goal::player)]
    pub goals: Reverse<Goal>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "k_goal")]
pub struct Goal {
    pub id: i64,
    pub player: ForeignKey<Player>,
}

/// One table read through models of different widths.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "widths")]
pub struct Wide {
    pub id: i64,
    pub a: i64,
    pub b: i64,
    pub c: i64,
    pub r: f64,
    pub d: f64,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "widths")]
pub struct Narrow {
    pub id: i64,
    pub a: i16,
    pub b: i16,
    pub c: i32,
    pub r: f32,
    pub d: f32,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "widths")]
pub struct TextForInt {
    pub id: i64,
    pub a: String,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "widths")]
pub struct IntForText {
    pub id: i64,
    pub t: i64,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "scale_parent")]
pub struct ScaleParent {
    pub id: i64,
    pub name: String,
    #[related(reverse = ScaleChild::parent)]
    pub children: Reverse<ScaleChild>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "scale_child")]
pub struct ScaleChild {
    pub id: i64,
    pub parent: ForeignKey<ScaleParent>,
    pub value: i32,
}

// ---------------------------------------------------------------------------
// Helpers.

/// A job that runs `hook` once, between the first statement of `inner` and
/// the second: where a concurrent writer does the most harm to a load.
struct Hooked<J, F> {
    inner: J,
    calls: usize,
    hook: Option<F>,
}

impl<J: Job, F: FnOnce() + Send + 'static> Job for Hooked<J, F> {
    fn consistency(&self) -> Consistency {
        self.inner.consistency()
    }

    fn next_statement(&mut self) -> related::Result<Option<Statement>> {
        self.calls += 1;
        if self.calls == 2
            && let Some(hook) = self.hook.take()
        {
            hook();
        }
        self.inner.next_statement()
    }

    fn accept_row(&mut self, row: &dyn RawRow) -> related::Result<()> {
        self.inner.accept_row(row)
    }
}

fn hooked<M: Model, F: FnOnce() + Send + 'static>(load: Load<M>, hook: F) -> Hooked<Load<M>, F> {
    Hooked {
        inner: load,
        calls: 0,
        hook: Some(hook),
    }
}

/// Statements on `pool` from a thread of its own: a hook runs inside a load
/// (itself inside the runtime), where blocking on the runtime is not allowed.
fn write_from_another_thread(pool: &Pool, statements: Vec<String>) {
    let pool = pool.clone();
    std::thread::spawn(move || {
        server::block_on(async {
            for sql in statements {
                pool.execute(&sql, &[])
                    .await
                    .expect("the writer's statement");
            }
        })
    })
    .join()
    .expect("the writer thread");
}

/// Wait (bounded) until every connection of `pool` is back and idle and no
/// server session of this database is in a transaction.
fn assert_pool_clean(db: &Db, pool: &Pool) {
    let server = db.as_server().expect("a server");
    let scratch = server.scratch().to_owned();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let idle = pool.num_idle();
        let size = pool.size() as usize;
        // Counted from the harness's own pool: `pool` may have no
        // connection to spare.
        let open = db.block_on(server.pool().open_transactions(&scratch));
        if idle == size && open == 0 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "pool not clean: {idle} of {size} connections idle, {open} sessions in a transaction"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn sqls(sent: &[related::LoggedStatement]) -> Vec<String> {
    sent.iter().map(|s| s.sql.clone()).collect()
}

// ---------------------------------------------------------------------------
// Types.

fn type_rows() -> Vec<TypeRow> {
    vec![
        TypeRow {
            id: 1,
            flag: true,
            small: i16::MIN,
            medium: i32::MIN,
            big: i64::MIN,
            single: 0.1,
            double: 0.1,
            text: "héllo wörld 🌍 'quoted' \"double\" `tick` ; -- \\".to_owned(),
            bytes: vec![0, 1, 39, 92, 255],
            maybe_flag: None,
            maybe_small: None,
            maybe_medium: None,
            maybe_big: None,
            maybe_single: None,
            maybe_double: None,
            maybe_text: None,
            maybe_bytes: None,
        },
        TypeRow {
            id: 2,
            flag: false,
            small: i16::MAX,
            medium: i32::MAX,
            big: i64::MAX,
            single: -1.0e38,
            double: 1.797_693_134_862_315_7e308,
            text: String::new(),
            bytes: Vec::new(),
            maybe_flag: Some(false),
            maybe_small: Some(-1),
            maybe_medium: Some(0),
            maybe_big: Some(1 << 40),
            maybe_single: Some(1.5),
            maybe_double: Some(-2.5e-300),
            maybe_text: Some(String::new()),
            maybe_bytes: Some(vec![0]),
        },
        TypeRow {
            id: 3,
            flag: true,
            small: 0,
            medium: 7,
            big: -7,
            single: 1.234_567_9,
            double: std::f64::consts::PI,
            text: "x".repeat(255),
            bytes: (0..=254).collect(),
            maybe_flag: Some(true),
            maybe_small: Some(i16::MAX),
            maybe_medium: Some(i32::MIN),
            maybe_big: Some(i64::MIN),
            maybe_single: Some(f32::MIN_POSITIVE),
            maybe_double: Some(f64::EPSILON),
            maybe_text: Some("NULL".to_owned()),
            maybe_bytes: Some(b"NULL".to_vec()),
        },
    ]
}

/// `Vec<u8>` keys over text columns whose collation ignores case (a table
/// made elsewhere; MySQL reads text as bytes, SQLite refuses to): the database
/// decides which rows are related, so a prefetch, both ways, relates
/// what the JOIN relates.
fn byte_keys_over_text_that_ignores_case(db: &Db) {
    let text = "VARCHAR(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci";
    let id = "BIGINT PRIMARY KEY";
    for sql in [
        format!(r#"CREATE TABLE "k_blob" ("digest" {text} PRIMARY KEY)"#),
        format!(r#"CREATE TABLE "k_chunk" ("id" {id}, "blob_id" {text} NOT NULL)"#),
        r#"INSERT INTO "k_blob" VALUES ('fr'), ('de')"#.to_owned(),
        r#"INSERT INTO "k_chunk" VALUES (1, 'FR'), (2, 'fr'), (3, 'De'), (4, 'it')"#.to_owned(),
    ] {
        db.execute(&db.sql(&sql), &[]).unwrap();
    }
    // Each chunk's blob, as the query loaded it.
    let blobs_of = |q: Query<Chunk>| -> Vec<Option<Vec<u8>>> {
        db.all(&q.order_by(Chunk::id().asc()))
            .unwrap()
            .iter()
            .map(|c| c.blob.get().ok().map(|b| b.digest.clone()))
            .collect()
    };
    let by_join = blobs_of(Chunk::query().select_related_untyped(Chunk::blob()));
    // The INNER JOIN drops chunk 4, whose blob is missing.
    assert_eq!(
        by_join,
        [
            Some(b"fr".to_vec()),
            Some(b"fr".to_vec()),
            Some(b"de".to_vec())
        ]
    );
    let by_prefetch = blobs_of(Chunk::query().prefetch_related_untyped(Chunk::blob()));
    assert_eq!(
        by_prefetch[..3],
        by_join[..],
        "prefetch relates what the JOIN does"
    );
    assert_eq!(by_prefetch[3], None);
    let blobs = db
        .all(
            &Blob::query()
                .prefetch_related(Blob::chunks())
                .order_by(Blob::digest().asc()),
        )
        .unwrap();
    let chunks: Vec<Vec<i64>> = blobs
        .iter()
        .map(|b| b.chunks.get().unwrap().iter().map(|c| c.id).collect())
        .collect();
    assert_eq!(chunks, [vec![3], vec![1, 2]], "de: De; fr: FR and fr");
}

/// `raw` reads the values a load reads, whatever its SQL starts with (a
/// comment, as SQL-commenter tags add; parentheses; a CTE), and whatever
/// the session's settings: over the text protocol MySQL prints a FLOAT
/// with 6 significant digits, and PostgreSQL's text follows
/// `extra_float_digits`, `DateStyle` and `bytea_output`.
fn raw_reads_exact_values_whatever_its_sql_starts_with(db: &Db) {
    db.create_tables(&[TypeRow::info()]).unwrap();
    let rows = type_rows();
    db.insert_all(&rows).unwrap();
    let mut spellings = vec![
        r#"SELECT * FROM "type_row" ORDER BY "id""#,
        "/* app:blog */ SELECT * FROM \"type_row\" ORDER BY \"id\"",
        "-- tag\n  SELECT * FROM \"type_row\" ORDER BY \"id\"",
        r#"WITH t AS (SELECT * FROM "type_row") SELECT * FROM t ORDER BY "id""#,
    ];
    if db.backend() != Backend::Sqlite {
        // SQLite takes no parenthesized query at the top.
        spellings.push(r#"(SELECT * FROM "type_row") ORDER BY "id""#);
    }
    for &sql in &spellings {
        let sql = db.sql(sql);
        assert_eq!(db.raw::<TypeRow>(&sql, &[]).unwrap(), rows, "{sql}");
    }
    let session: &[&str] = match db.backend() {
        Backend::Postgres => &[
            "SET extra_float_digits = 0",
            "SET DateStyle = 'German'",
            "SET bytea_output = 'escape'",
        ],
        _ => &[],
    };
    let Some(pool) = db.new_pool(1, session) else {
        return;
    };
    for &sql in &spellings {
        let sql = db.sql(sql);
        let read = db.block_on(on_pool!(&pool, |p| p.raw::<TypeRow>(&sql, &[])));
        assert_eq!(read.unwrap(), rows, "{sql}");
    }
    db.block_on(pool.close());
}

fn every_type_round_trips(db: &Db) {
    db.create_tables(&[TypeRow::info()]).unwrap();
    let rows = type_rows();
    // Row by row: the same INSERT text with NULL in one row and a value in
    // the next (a prepared statement must not keep the NULL's type).
    for r in &rows {
        db.insert(r).unwrap();
    }
    let loaded = db
        .all(&TypeRow::query().order_by(TypeRow::id().asc()))
        .unwrap();
    assert_eq!(loaded, rows, "single-row inserts round-trip");

    // The same through multi-row INSERTs.
    db.execute(&db.sql(r#"DELETE FROM "type_row""#), &[])
        .unwrap();
    db.insert_all(&rows).unwrap();
    let loaded = db
        .all(&TypeRow::query().order_by(TypeRow::id().asc()))
        .unwrap();
    assert_eq!(loaded, rows, "multi-row inserts round-trip");

    // Every type as a bound filter value finds its row.
    let r = &rows[0];
    let find = |q: Query<TypeRow>| -> Vec<i64> {
        db.all(&q.order_by(TypeRow::id().asc()))
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect()
    };
    assert_eq!(
        find(TypeRow::query().filter(TypeRow::flag().eq(false))),
        [2]
    );
    assert_eq!(
        find(TypeRow::query().filter(TypeRow::small().eq(r.small))),
        [1]
    );
    assert_eq!(
        find(TypeRow::query().filter(TypeRow::medium().eq(r.medium))),
        [1]
    );
    assert_eq!(find(TypeRow::query().filter(TypeRow::big().eq(r.big))), [1]);
    assert_eq!(
        find(TypeRow::query().filter(TypeRow::single().eq(r.single))),
        [1]
    );
    assert_eq!(
        find(TypeRow::query().filter(TypeRow::double().eq(r.double))),
        [1]
    );
    assert_eq!(
        find(TypeRow::query().filter(TypeRow::text().eq(r.text.clone()))),
        [1]
    );
    assert_eq!(
        find(TypeRow::query().filter(TypeRow::bytes().eq(r.bytes.clone()))),
        [1]
    );
    assert_eq!(
        find(TypeRow::query().filter(TypeRow::maybe_big().eq(None::<i64>))),
        [1],
        "None is IS NULL"
    );
    assert_eq!(
        find(TypeRow::query().filter(TypeRow::maybe_text().is_in([None, Some("NULL".to_owned())]))),
        [3],
        "a NULL in an IN list matches nothing, the text 'NULL' is just text"
    );
    // Left out of the list, as Django does: a long list with a `None` is
    // still one array parameter where there are arrays (it was one
    // placeholder per value, past SQLite's variable limit at 70,001).
    // Past SQLite's variable limit; MySQL, with no arrays, takes 65,535.
    let n = if db.backend() == Backend::Mysql {
        60_000
    } else {
        70_000
    };
    let long: Vec<Option<String>> = (0..n)
        .map(|i| Some(format!("x{i}")))
        .chain([None, Some("NULL".to_owned())])
        .collect();
    let q = TypeRow::query().filter(TypeRow::maybe_text().is_in(&long));
    let (found, sent) = db.capture(|| find(q));
    assert_eq!(found, [3], "the long list with a None");
    if db.backend() != Backend::Mysql {
        assert_eq!(sent[0].params, 1, "one array parameter");
    }
    assert!(
        find(TypeRow::query().filter(TypeRow::maybe_text().is_in([None::<String>]))).is_empty(),
        "a list of None alone matches nothing"
    );
    assert_eq!(
        find(TypeRow::query().filter(TypeRow::maybe_bytes().eq(Some(vec![0u8])))),
        [2]
    );
    // Text compares as Rust compares it: exactly, case and all.
    assert_eq!(
        find(TypeRow::query().filter(TypeRow::maybe_text().eq(Some("null".to_owned())))),
        Vec::<i64>::new()
    );
}

fn widths_table(db: &Db) {
    let double = match db.dialect() {
        Dialect::Postgres => "DOUBLE PRECISION",
        Dialect::Mysql => "DOUBLE",
        Dialect::Sqlite => "REAL",
    };
    let text = match db.dialect() {
        Dialect::Mysql => "VARCHAR(50)",
        _ => "TEXT",
    };
    db.execute(
        &db.sql(&format!(
            r#"CREATE TABLE "widths" ("id" BIGINT PRIMARY KEY, "a" SMALLINT NOT NULL, "b" INTEGER NOT NULL, "c" BIGINT NOT NULL, "r" REAL NOT NULL, "d" {double} NOT NULL, "t" {text} NOT NULL)"#
        )),
        &[],
    )
    .unwrap();
}

fn insert_width(db: &Db, id: i64, c: i64) {
    db.execute(
        &db.sql(r#"INSERT INTO "widths" ("id", "a", "b", "c", "r", "d", "t") VALUES (?, ?, ?, ?, ?, ?, ?)"#),
        &[
            Value::I64(id),
            Value::I64(-5),
            Value::I64(70),
            Value::I64(c),
            Value::F64(0.5),
            Value::F64(0.25),
            Value::Text("seven".to_owned()),
        ],
    )
    .unwrap();
}

fn integer_and_float_widths(db: &Db) {
    widths_table(db);
    insert_width(db, 1, 1_000);
    // Every narrower column widens into a wider field...
    let wide = db.all(&Wide::query()).unwrap();
    assert_eq!(
        wide,
        vec![Wide {
            id: 1,
            a: -5,
            b: 70,
            c: 1_000,
            r: 0.5,
            d: 0.25
        }]
    );
    // ...and a wider one narrows while the value fits.
    let narrow = db.all(&Narrow::query()).unwrap();
    assert_eq!(
        narrow,
        vec![Narrow {
            id: 1,
            a: -5,
            b: 70,
            c: 1_000,
            r: 0.5,
            d: 0.25
        }]
    );
    insert_width(db, 2, 1 << 40);
    match db.all(&Narrow::query().order_by(Narrow::id().asc())) {
        Err(Error::Decode {
            model,
            field,
            column,
            error: CellError::OutOfRange { value, expected },
            statement,
        }) => {
            assert_eq!((model, field, column), ("Narrow", "c", "c"));
            assert_eq!((value.as_str(), expected), ("1099511627776", "i32"));
            assert!(statement.contains("widths"), "{statement}");
        }
        other => panic!("expected an out-of-range error, got {other:?}"),
    }
    // A column of another kind names its type.
    match db.all(&TextForInt::query()) {
        Err(Error::Decode {
            field,
            error: CellError::WrongType { found, .. },
            ..
        }) => {
            assert_eq!(field, "a");
            let found = found.to_lowercase();
            assert!(
                found.contains("int") || found == "integer",
                "names the column type: {found}"
            );
        }
        other => panic!("expected a type error, got {other:?}"),
    }
    match db.all(&IntForText::query()) {
        Err(Error::Decode {
            field,
            error: CellError::WrongType { found, .. },
            ..
        }) => {
            assert_eq!(field, "t");
            let found = found.to_lowercase();
            assert!(
                found.contains("text") || found.contains("char"),
                "names the column type: {found}"
            );
        }
        other => panic!("expected a type error, got {other:?}"),
    }
}

/// A prefetch's key list of long text keys is cut by size as well as by
/// count where keys are bound one placeholder each (MySQL): 17,000 keys of
/// 255 characters are 4.5 MB of values, under the 65,535 placeholders but
/// past MySQL's smallest `max_allowed_packet` (4 MiB), which a statement
/// passes and fails whole, as a lost connection.
fn long_text_key_lists_split_by_size(db: &Db) {
    const N: usize = 17_000;
    db.create_tables(&[Country::info(), City::info()]).unwrap();
    let code = |i: usize| format!("{i:0255}");
    db.insert_all(
        &(0..N)
            .map(|i| Country {
                code: code(i),
                name: format!("country {i}"),
                cities: Default::default(),
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    db.insert_all(
        &(0..N)
            .map(|i| City {
                id: i as i64,
                name: format!("city {i}"),
                country: ForeignKey::new(code(i)),
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let prefetches = match db.backend() {
        // The key list is one parameter.
        Backend::Sqlite | Backend::Postgres => 1,
        Backend::Mysql => 2,
    };
    let (countries, sent) =
        db.capture(|| db.all(&Country::query().prefetch_related(Country::cities())));
    let countries = countries.unwrap();
    assert_eq!(
        sent.len(),
        1 + prefetches,
        "{:?}",
        sent.iter().map(|s| s.params).collect::<Vec<_>>()
    );
    assert_eq!(countries.len(), N);
    for c in &countries {
        let cities = c.cities.get().unwrap();
        assert_eq!(cities.len(), 1, "{}", c.name);
        assert_eq!(cities[0].country.key(), &c.code);
    }
    // From the other side: the foreign keys are the list.
    let (cities, sent) = db.capture(|| db.all(&City::query().prefetch_related(City::country())));
    let cities = cities.unwrap();
    assert_eq!(sent.len(), 1 + prefetches);
    assert_eq!(cities.len(), N);
    for c in &cities {
        assert_eq!(&c.country.get().unwrap().code, c.country.key());
    }
}

fn keys_of_every_type(db: &Db) {
    db.create_tables(&[
        Country::info(),
        City::info(),
        Blob::info(),
        Chunk::info(),
        Team::info(),
        Player::info(),
        Goal::info(),
    ])
    .unwrap();
    let countries = ["fr", "FR", "jp", "it's"];
    db.insert_all(
        &countries
            .iter()
            .map(|c| Country {
                code: (*c).to_owned(),
                name: format!("name of {c}"),
                cities: Default::default(),
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let cities: Vec<City> = (1..=12)
        .map(|id| City {
            id,
            name: format!("city {id}"),
            country: ForeignKey::new(countries[(id % 3) as usize].to_owned()),
        })
        .collect();
    db.insert_all(&cities).unwrap();
    let blobs: Vec<Vec<u8>> = vec![vec![0, 0], vec![0], vec![255, 39], Vec::new()];
    db.insert_all(
        &blobs
            .iter()
            .map(|d| Blob {
                digest: d.clone(),
                chunks: Default::default(),
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    db.insert_all(
        &(1..=8)
            .map(|id| Chunk {
                id,
                blob: ForeignKey::new(blobs[(id % 3) as usize].clone()),
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    db.insert_all(
        &[(70_000, "big id"), (-3, "negative")].map(|(id, name)| Team {
            id,
            name: name.to_owned(),
            players: Default::default(),
        }),
    )
    .unwrap();
    db.insert_all(
        &(1..=6)
            .map(|id: i16| Player {
                id,
                name: format!("p{id}"),
                team: ForeignKey::new(if id % 2 == 0 { 70_000 } else { -3 }),
                goals: Default::default(),
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    db.insert_all(
        &(1..=20)
            .map(|id: i64| Goal {
                id,
                player: ForeignKey::new((id % 5 + 1) as i16),
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();

    // Text keys: exact, case-sensitive, quotes are data.
    let (loaded, sent) = db.capture(|| {
        db.all(
            &Country::query()
                .prefetch_related(Country::cities())
                .order_by(Country::code().asc()),
        )
    });
    let loaded = loaded.unwrap();
    assert_eq!(sent.len(), 2, "{:#?}", sqls(&sent));
    let by_code: Vec<(String, Vec<i64>)> = loaded
        .iter()
        .map(|c| {
            (
                c.code.clone(),
                c.cities.get().unwrap().iter().map(|x| x.id).collect(),
            )
        })
        .collect();
    let expect = |code: &str| -> Vec<i64> {
        cities
            .iter()
            .filter(|c| c.country.key() == code)
            .map(|c| c.id)
            .collect()
    };
    // Byte order: upper case before lower case on every backend.
    assert_eq!(
        by_code,
        vec![
            ("FR".to_owned(), expect("FR")),
            ("fr".to_owned(), expect("fr")),
            ("it's".to_owned(), expect("it's")),
            ("jp".to_owned(), expect("jp")),
        ]
    );
    // And from the other side, through a JOIN of the same keys.
    let cities_loaded = db
        .all(
            &City::query()
                .select_related(City::country())
                .order_by(City::id().asc()),
        )
        .unwrap();
    for c in &cities_loaded {
        assert_eq!(&c.country.get().unwrap().code, c.country.key());
    }

    // Bytes keys.
    let loaded = db
        .all(&Blob::query().prefetch_related(Blob::chunks()))
        .unwrap();
    assert_eq!(loaded.len(), 4);
    for b in &loaded {
        let got: Vec<i64> = b.chunks.get().unwrap().iter().map(|c| c.id).collect();
        let want: Vec<i64> = (1..=8)
            .filter(|id| blobs[(id % 3) as usize] == b.digest)
            .collect();
        assert_eq!(got, want, "chunks of {:?}", b.digest);
    }

    // i32 and i16 keys, two levels.
    let (teams, sent) = db.capture(|| {
        db.all(
            &Team::query()
                .prefetch_related(Team::players().then(Player::goals()))
                .order_by(Team::id().asc()),
        )
    });
    let teams = teams.unwrap();
    assert_eq!(sent.len(), 3);
    assert_eq!(teams.iter().map(|t| t.id).collect::<Vec<_>>(), [-3, 70_000]);
    let players = teams[1].players.get().unwrap();
    assert_eq!(players.iter().map(|p| p.id).collect::<Vec<_>>(), [2, 4, 6]);
    let goals: Vec<i64> = players[0]
        .goals
        .get()
        .unwrap()
        .iter()
        .map(|g| g.id)
        .collect();
    assert_eq!(
        goals,
        [1, 6, 11, 16],
        "player 2 scores goals with id % 5 == 1"
    );
}

fn postgres_key_list_is_one_indexed_array(db: &Db) {
    blog::seed(db, 40).unwrap();
    let (posts, sent) = db.capture(|| db.all(&posts_with_tags()));
    let posts = posts.unwrap();
    assert_eq!(posts.len(), 40);
    assert_eq!(sent.len(), 2);
    assert!(
        sent[1]
            .sql
            .contains(r#""blog_post_tags"."post_id" = ANY($1)"#),
        "{}",
        sent[1].sql
    );
    assert_eq!(sent[1].params, 1, "40 keys, one array parameter");

    // `int4 = ANY(int8[])` (and `int8 = ANY(int8[])`) is an index condition:
    // the BIGINT[] key list does not cost the index on a narrower key.
    let pool = db
        .new_pool(1, &["SET enable_seqscan = off"])
        .expect("a server");
    let Pool::Postgres(pg) = &pool else {
        unreachable!("the case runs on PostgreSQL only")
    };
    db.block_on(async {
        sqlx::raw_sql(
            "CREATE TABLE narrow_keys (id INTEGER PRIMARY KEY, small SMALLINT NOT NULL); \
             CREATE INDEX narrow_keys_small ON narrow_keys (small); \
             INSERT INTO narrow_keys SELECT g, g % 100 FROM generate_series(1, 1000) g; \
             ANALYZE narrow_keys",
        )
        .execute(pg)
        .await
        .unwrap();
        for column in ["id", "small"] {
            let plan: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "EXPLAIN SELECT * FROM narrow_keys WHERE {column} = ANY($1)"
            )))
            .bind(vec![1i64, 2, 3])
            .fetch_all(pg)
            .await
            .unwrap();
            let plan = plan.join("\n");
            assert!(plan.contains("Index"), "{column}: {plan}");
            assert!(!plan.contains("Seq Scan"), "{column}: {plan}");
        }
    });
    db.block_on(pool.close());
}

fn mysql_key_list_splits_at_65535(db: &Db) {
    db.create_tables(&[ScaleParent::info(), ScaleChild::info()])
        .unwrap();
    let parents: Vec<ScaleParent> = (1..=70_000)
        .map(|id| ScaleParent {
            id,
            name: String::new(),
            children: Default::default(),
        })
        .collect();
    db.insert_all(&parents).unwrap();
    db.insert_all(&[1, 65_535, 65_536, 70_000].map(|p| ScaleChild {
        id: p,
        parent: ForeignKey::new(p),
        value: 0,
    }))
    .unwrap();
    let (loaded, sent) = db.capture(|| {
        db.all(
            &ScaleParent::query()
                .prefetch_related(ScaleParent::children())
                .order_by(ScaleParent::id().asc()),
        )
    });
    let loaded = loaded.unwrap();
    assert_eq!(
        sent.iter().map(|s| s.params).collect::<Vec<_>>(),
        [0, 65_535, 70_000 - 65_535],
        "the key list split at the placeholder limit"
    );
    let with_children: Vec<i64> = loaded
        .iter()
        .filter(|p| !p.children.get().unwrap().is_empty())
        .map(|p| p.id)
        .collect();
    assert_eq!(with_children, [1, 65_535, 65_536, 70_000]);
}

// ---------------------------------------------------------------------------
// One snapshot per load.

/// The tags of every post go away and every tag is renamed, committed by
/// another connection between the base statement and the prefetch.
const WRITER: [&str; 2] = [
    r#"DELETE FROM "blog_post_tags""#,
    r#"UPDATE "blog_tag" SET "name" = 'renamed'"#,
];

fn one_snapshot_per_load(db: &Db) {
    match db.backend() {
        Backend::Sqlite => sqlite_snapshot(),
        _ => server_snapshot(db),
    }
}

fn server_snapshot(db: &Db) {
    blog::seed(db, 8).unwrap();
    let before = graph(&db.all(&posts_with_tags()).unwrap());
    assert!(before.iter().all(|(_, _, tags)| !tags.is_empty()));
    let pool = db.new_pool(2, &[]).expect("a server");
    let writer = db.new_pool(1, &[]).expect("a server");
    let writes: Vec<String> = WRITER.iter().map(|s| db.sql(s)).collect();

    // The load: base statement, the writer commits, prefetch statement.
    let job = hooked(Load::new(&posts_with_tags(), pool_ctx(&pool)).unwrap(), {
        let writer = writer.clone();
        let writes = writes.clone();
        move || write_from_another_thread(&writer, writes)
    });
    let (job, result) = db.block_on(pool.run(job));
    result.unwrap();
    assert!(job.hook.is_none(), "the writer ran during the load");
    let during = graph(&job.inner.finish());
    assert_eq!(
        during, before,
        "the load saw one snapshot, from before the writer"
    );

    let after = graph(&db.all(&posts_with_tags()).unwrap());
    assert!(
        after.iter().all(|(_, _, tags)| tags.is_empty()),
        "the writer committed: {after:?}"
    );

    // The control: the same interleaving inside a READ COMMITTED
    // transaction of the caller, which the load runs in as it is. The
    // prefetch sees the writer's change: the hazard the snapshot prevents.
    db.block_on(writer.execute(
        &db.sql(r#"INSERT INTO "blog_post_tags" ("post_id", "tag_id") VALUES (?, ?)"#),
        &[Value::I64(1), Value::I64(1)],
    ))
    .unwrap();
    let begin = match db.backend() {
        Backend::Postgres => "BEGIN ISOLATION LEVEL READ COMMITTED",
        _ => "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; START TRANSACTION",
    };
    let restore: Vec<String> = vec![db.sql(r#"DELETE FROM "blog_post_tags""#)];
    let control = db.block_on(async {
        on_pool!(&pool, |p| {
            let mut conn = p.acquire().await.unwrap();
            let mut tx = conn.begin_with(begin).await.unwrap();
            let load = Load::new(&posts_with_tags(), pool_ctx(&pool)).unwrap();
            let writer = writer.clone();
            let restore = restore.clone();
            let job = hooked(load, move || write_from_another_thread(&writer, restore));
            let (job, result) = (&mut tx).run(job).await;
            result.unwrap();
            tx.rollback().await.unwrap();
            graph(&job.inner.finish())
        })
    });
    assert_eq!(control[0].0, 1);
    assert!(
        control[0].2.is_empty(),
        "without a snapshot the prefetch saw the later commit: {control:?}"
    );
    db.block_on(pool.close());
    db.block_on(writer.close());
}

fn pool_ctx(pool: &Pool) -> related::Ctx {
    on_pool!(pool, |p| AsyncExecutor::ctx(&p))
}

/// A seeded blog in a SQLite file of its own, in WAL mode (a reader keeps
/// its snapshot while a writer commits): its folder and file, a connection
/// to read on, and a `Db` on another connection.
fn wal_blog(name: &str) -> (std::path::PathBuf, std::path::PathBuf, related::Sqlite, Db) {
    let dir = std::env::temp_dir().join(format!(
        "related-{name}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("blog.db");
    let reader = related::Sqlite::open(&path).unwrap();
    reader
        .connection()
        .pragma_update(None, "journal_mode", "WAL")
        .unwrap();
    let db = Db::from_sqlite(related::Sqlite::open(&path).unwrap());
    blog::seed(&db, 8).unwrap();
    (dir, path, reader, db)
}

fn sqlite_snapshot() {
    let (dir, path, reader, db) = wal_blog("snapshot");
    let before = graph(&posts_with_tags().all(&reader).unwrap());
    let writer = related::Sqlite::open(&path).unwrap();
    let writes: Vec<String> = WRITER.iter().map(|s| (*s).to_owned()).collect();
    let mut job = hooked(
        Load::new(&posts_with_tags(), related::Executor::ctx(&reader)).unwrap(),
        move || {
            for sql in writes {
                writer.execute(&sql, &[]).unwrap();
            }
        },
    );
    related::run_job(&reader, &mut job).unwrap();
    assert!(job.hook.is_none(), "the writer ran during the load");
    assert_eq!(graph(&job.inner.finish()), before, "one snapshot");
    let after = graph(&posts_with_tags().all(&reader).unwrap());
    assert!(
        after.iter().all(|(_, _, tags)| tags.is_empty()),
        "{after:?}"
    );

    // The control: the same load driven by hand, statement by statement in
    // autocommit, sees the writer's later commit.
    db.execute(
        r#"INSERT INTO "blog_post_tags" ("post_id", "tag_id") VALUES (?, ?)"#,
        &[Value::I64(1), Value::I64(1)],
    )
    .unwrap();
    let mut load = Load::new(&posts_with_tags(), related::Executor::ctx(&reader)).unwrap();
    let mut first = true;
    while let Some(stmt) = load.next_statement().unwrap() {
        if !first {
            db.execute(r#"DELETE FROM "blog_post_tags""#, &[]).unwrap();
        }
        first = false;
        related::Executor::run(&reader, &stmt, &mut |row| load.accept_row(row)).unwrap();
    }
    let control = graph(&load.finish());
    assert!(control[0].2.is_empty(), "{control:?}");
    drop((reader, db));
    let _ = std::fs::remove_dir_all(dir);
}

/// `without_snapshot()`: no read transaction around the load, so the
/// prefetch statement sees what another connection committed after the
/// base statement (the writer below empties the link table and renames
/// every tag): the same posts, with no tags. And the load leaves no
/// transaction behind.
fn without_snapshot(db: &Db) {
    type Graph = [(i64, String, Vec<String>)];
    let query = || posts_with_tags().without_snapshot();
    let check = |before: &Graph, during: &Graph| {
        assert_eq!(
            during.iter().map(|p| p.0).collect::<Vec<_>>(),
            before.iter().map(|p| p.0).collect::<Vec<_>>(),
            "the base statement ran before the writer"
        );
        assert!(
            during.iter().all(|(_, _, tags)| tags.is_empty()),
            "the prefetch ran after the writer's commit: {during:?}"
        );
    };
    if db.backend() == Backend::Sqlite {
        let (dir, path, reader, seeded) = wal_blog("no-snapshot");
        let before = graph(&posts_with_tags().all(&reader).unwrap());
        assert!(before.iter().all(|(_, _, tags)| !tags.is_empty()));
        let load = Load::new(&query(), related::Executor::ctx(&reader)).unwrap();
        assert_eq!(Job::consistency(&load), Consistency::None);
        let writer = related::Sqlite::open(&path).unwrap();
        let mut job = hooked(load, move || {
            for sql in WRITER {
                writer.execute(sql, &[]).unwrap();
            }
        });
        related::run_job(&reader, &mut job).unwrap();
        assert!(job.hook.is_none(), "the writer ran during the load");
        check(&before, &graph(&job.inner.finish()));
        assert!(
            reader.connection().is_autocommit(),
            "no transaction left open"
        );
        drop((reader, seeded));
        let _ = std::fs::remove_dir_all(dir);
        return;
    }
    blog::seed(db, 8).unwrap();
    let before = graph(&db.all(&posts_with_tags()).unwrap());
    assert!(before.iter().all(|(_, _, tags)| !tags.is_empty()));
    let pool = db.new_pool(1, &[]).expect("a server");
    let writer = db.new_pool(1, &[]).expect("a server");
    let writes: Vec<String> = WRITER.iter().map(|s| db.sql(s)).collect();
    let load = Load::new(&query(), pool_ctx(&pool)).unwrap();
    assert_eq!(Job::consistency(&load), Consistency::None);
    let job = hooked(load, move || write_from_another_thread(&writer, writes));
    let (job, result) = db.block_on(pool.run(job));
    result.unwrap();
    assert!(job.hook.is_none(), "the writer ran during the load");
    check(&before, &graph(&job.inner.finish()));
    // The same query through the public API loads the database as it is now.
    let again = graph(&db.block_on(pool.all(&query())).unwrap());
    check(&before, &again);
    assert_eq!(
        db.block_on(pool.open_transactions(db.as_server().expect("a server").scratch())),
        0,
        "no transaction left open"
    );
    db.block_on(pool.close());
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A job that reads, then tries to write, asking for a snapshot.
struct ReadThenWrite {
    statements: Vec<Statement>,
}

impl Job for ReadThenWrite {
    fn consistency(&self) -> Consistency {
        Consistency::Snapshot
    }

    fn next_statement(&mut self) -> related::Result<Option<Statement>> {
        Ok(if self.statements.is_empty() {
            None
        } else {
            Some(self.statements.remove(0))
        })
    }

    fn accept_row(&mut self, _row: &dyn RawRow) -> related::Result<()> {
        Ok(())
    }
}

fn snapshot_is_read_only(db: &Db) {
    blog::seed(db, 2).unwrap();
    let pool = db.new_pool(1, &[]).expect("a server");
    let insert = db.sql(r#"INSERT INTO "blog_tag" ("id", "name") VALUES (?, ?)"#);
    let job = ReadThenWrite {
        statements: vec![
            Statement {
                sql: db.sql(r#"SELECT "id" FROM "blog_tag""#),
                params: Vec::new(),
            },
            Statement {
                sql: insert.clone(),
                params: vec![Value::I64(100), Value::Text("new".into())],
            },
        ],
    };
    let (_, result) = db.block_on(pool.run(job));
    match result {
        Err(Error::Database {
            message, statement, ..
        }) => {
            assert_eq!(statement, insert);
            let m = message.to_lowercase();
            assert!(
                m.contains("read-only") || m.contains("read only"),
                "{message}"
            );
        }
        other => panic!("a write in the snapshot must fail, got {other:?}"),
    }
    assert_eq!(
        db.all(&Tag::query()).unwrap().len(),
        8,
        "nothing was written"
    );
    assert_pool_clean(db, &pool);
    db.block_on(pool.close());
}

fn runs_inside_the_callers_transaction(db: &Db) {
    blog::seed(db, 4).unwrap();
    let pool = db.new_pool(1, &[]).expect("a server");
    let insert = db.sql(r#"INSERT INTO "blog_post_tags" ("post_id", "tag_id") VALUES (?, ?)"#);
    let server = db.as_server().expect("a server");
    let (inside, still_open, seen_open) = db.block_on(async {
        on_pool!(&pool, |p| {
            let mut tx = p.begin().await.unwrap();
            (&mut tx)
                .execute_statement(&insert, &[Value::I64(1), Value::I64(8)])
                .await
                .unwrap();
            let posts = posts_with_tags().all_async(&mut tx).await.unwrap();
            let still_open = tx.is_in_transaction();
            // The same check that finds no transaction after every failure
            // below does find this one.
            let seen_open = server.pool().open_transactions(server.scratch()).await;
            tx.rollback().await.unwrap();
            (graph(&posts), still_open, seen_open)
        })
    });
    assert!(still_open, "the load left the caller's transaction open");
    assert_eq!(seen_open, 1, "the server shows the caller's transaction");
    assert!(
        inside[0].2.contains(&"tag8".to_owned()),
        "the load saw the caller's uncommitted row: {inside:?}"
    );
    let outside = graph(&db.all(&posts_with_tags()).unwrap());
    assert!(
        !outside[0].2.contains(&"tag8".to_owned()),
        "the caller's rollback undid it"
    );
    assert_pool_clean(db, &pool);
    db.block_on(pool.close());
}

// ---------------------------------------------------------------------------
// A pool under load.

fn sixty_four_loads_on_eight_connections(db: &Db) {
    blog::seed(db, 150).unwrap();
    let shapes = |i: usize| match i % 4 {
        0 => posts_with_tags(),
        1 => posts_with_tags().limit(20),
        2 => posts_with_tags().filter(Post::id().gt(75i64)),
        _ => posts_with_tags().order_by(Post::title().desc()),
    };
    let expected: Vec<_> = (0..4)
        .map(|i| graph(&db.all(&shapes(i)).unwrap()))
        .collect();
    let pool = db.new_pool(8, &[]).expect("a server");
    let in_flight = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let results = db.block_on(async {
        let tasks: Vec<_> = (0..64)
            .map(|i| {
                let pool = pool.clone();
                let in_flight = Arc::clone(&in_flight);
                let peak = Arc::clone(&peak);
                tokio::spawn(async move {
                    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(now, Ordering::SeqCst);
                    let out = pool.all(&shapes(i)).await;
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                    (i, out)
                })
            })
            .collect();
        tokio::time::timeout(Duration::from_secs(120), async {
            let mut out = Vec::new();
            for t in tasks {
                out.push(t.await.expect("a load task"));
            }
            out
        })
        .await
        .expect("64 loads finish: no deadlock")
    });
    let elapsed = start.elapsed();
    assert_eq!(results.len(), 64);
    for (i, result) in results {
        let posts = result.unwrap_or_else(|e| panic!("load {i}: {e}"));
        assert_eq!(graph(&posts), expected[i % 4], "load {i}");
    }
    assert!(pool.size() <= 8, "the pool kept its bound: {}", pool.size());
    eprintln!(
        "{}: 64 loads on a pool of 8 in {elapsed:?} (peak {} loads in flight, {} connections opened)",
        db.backend().name(),
        peak.load(Ordering::SeqCst),
        pool.size()
    );
    assert_pool_clean(db, &pool);
    // Every connection still works.
    let again = db.block_on(pool.all(&shapes(0))).unwrap();
    assert_eq!(graph(&again), expected[0]);
    db.block_on(pool.close());
}

// ---------------------------------------------------------------------------
// Bad connections and server errors.

fn dead_pool(db: &Db, how: &str) -> Pool {
    let _guard = server::runtime().enter();
    let timeout = Duration::from_millis(500);
    match (db.backend(), how) {
        (Backend::Postgres, "refused") => Pool::Postgres(
            PgPoolOptions::new()
                .acquire_timeout(timeout)
                .connect_lazy_with(pg(&server::postgres_url()).port(1)),
        ),
        (Backend::Postgres, _) => Pool::Postgres(
            PgPoolOptions::new()
                .acquire_timeout(timeout)
                .connect_lazy_with(pg(&server::postgres_url()).username("related_no_such_role")),
        ),
        (_, "refused") => Pool::Mysql(
            MySqlPoolOptions::new()
                .acquire_timeout(timeout)
                .connect_lazy_with(my(&server::mysql_url()).port(1)),
        ),
        (_, _) => Pool::Mysql(
            MySqlPoolOptions::new()
                .acquire_timeout(timeout)
                .connect_lazy_with(my(&server::mysql_url()).password("not the password")),
        ),
    }
}

fn pg(url: &str) -> PgConnectOptions {
    url.parse().expect("RELATED_POSTGRES_URL")
}

fn my(url: &str) -> MySqlConnectOptions {
    url.parse().expect("RELATED_MYSQL_URL")
}

fn connection_refused(db: &Db) {
    let pool = dead_pool(db, "refused");
    let err = db.block_on(pool.all(&posts_with_tags())).unwrap_err();
    let text = err.to_string();
    match &err {
        Error::Connect { message, .. } => {
            assert!(message.contains("statement: SELECT"), "{message}");
            assert!(message.to_lowercase().contains("refused"), "{message}");
        }
        other => panic!("expected a connection error, got {other:?}"),
    }
    assert!(text.starts_with("cannot connect:"), "{text}");
    // A load with nothing to send never asks the pool for a connection.
    let mut none: Vec<Post> = Vec::new();
    let q = Post::query().prefetch_related(Post::tags());
    db.block_on(async { on_pool!(&pool, |p| q.prefetch_onto_async(&mut none, p).await) })
        .unwrap();
    assert_eq!(pool.size(), 0);
}

fn authentication_failure(db: &Db) {
    let pool = dead_pool(db, "auth");
    let err = db.block_on(pool.all(&posts_with_tags())).unwrap_err();
    match &err {
        Error::Connect { message, .. } => {
            assert!(message.contains("statement: SELECT"), "{message}");
            let m = message.to_lowercase();
            assert!(
                m.contains("related_no_such_role") || m.contains("access denied"),
                "{message}"
            );
        }
        other => panic!("expected a connection error, got {other:?}"),
    }
}

fn server_error_mid_load_rolls_back(db: &Db) {
    blog::seed(db, 6).unwrap();
    db.execute(&db.sql(r#"DROP TABLE "blog_post_tags""#), &[])
        .unwrap();
    // One connection: the next load reuses the one that failed.
    let pool = db.new_pool(1, &[]).expect("a server");
    let err = db.block_on(pool.all(&posts_with_tags())).unwrap_err();
    match &err {
        Error::Database {
            message, statement, ..
        } => {
            assert!(statement.contains("blog_post_tags"), "{statement}");
            assert!(statement.starts_with("SELECT"), "{statement}");
            assert!(message.contains("blog_post_tags"), "{message}");
        }
        other => panic!("expected a database error, got {other:?}"),
    }
    assert!(err.to_string().contains("statement: SELECT"), "{err}");
    assert_pool_clean(db, &pool);
    let posts = db
        .block_on(pool.all(&Post::query().select_related(Post::author())))
        .unwrap();
    assert_eq!(posts.len(), 6, "the connection is usable after the error");
    db.block_on(pool.close());
}

fn decode_error_mid_load_leaves_connection_clean(db: &Db) {
    // blog_tag.name is an INTEGER here, so the prefetch of tags fails to
    // decode on its first row, with rows still coming.
    db.execute(
        &db.sql(r#"CREATE TABLE "blog_tag" ("id" BIGINT PRIMARY KEY, "name" INTEGER NOT NULL)"#),
        &[],
    )
    .unwrap();
    db.create_tables(&[blog::Publisher::info(), blog::Author::info(), Post::info()])
        .unwrap();
    blog_rows(db, 30);
    let pool = db.new_pool(1, &[]).expect("a server");
    let err = db.block_on(pool.all(&posts_with_tags())).unwrap_err();
    match &err {
        Error::Decode {
            model,
            field,
            column,
            error: CellError::WrongType { found, .. },
            statement,
        } => {
            assert_eq!((*model, *field, *column), ("Tag", "name", "name"));
            assert!(found.to_lowercase().contains("int"), "{found}");
            assert!(statement.contains("blog_post_tags"), "{statement}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert_pool_clean(db, &pool);
    let posts = db
        .block_on(pool.all(&Post::query().order_by(Post::id().asc())))
        .unwrap();
    assert_eq!(posts.len(), 30, "the connection is usable after the error");
    db.block_on(pool.close());
}

/// Publishers, authors, posts and links as `blog::seed` makes them, with
/// tag rows whose name is a number (for a `blog_tag` of the caller's).
fn blog_rows(db: &Db, posts: i64) {
    db.transaction(|db| {
        db.insert(&blog::Publisher {
            id: 1,
            name: "p".into(),
            authors: Default::default(),
        })?;
        db.insert(&blog::Author {
            id: 1,
            name: "a".into(),
            email: None,
            publisher: ForeignKey::new(1),
            posts: Default::default(),
        })?;
        for t in 1..=8 {
            db.execute(
                &db.sql(r#"INSERT INTO "blog_tag" ("id", "name") VALUES (?, ?)"#),
                &[Value::I64(t), Value::I64(t * 10)],
            )?;
        }
        for i in 1..=posts {
            db.insert(&Post {
                id: i,
                title: format!("Post {i}"),
                author: ForeignKey::new(1),
                editor: None,
                tags: Default::default(),
                python_tags: Default::default(),
            })?;
            db.link(Post::tags(), &i, &(i % 8 + 1))?;
        }
        Ok(())
    })
    .unwrap();
}

/// Hold a lock on `blog_post_tags` from another connection until the
/// returned guard is released: the prefetch of tags then waits on it.
struct TableLock {
    release: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl TableLock {
    fn take(db: &Db) -> TableLock {
        let pool = db.new_pool(1, &[]).expect("a server");
        let (locked_tx, locked_rx) = std::sync::mpsc::channel();
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            server::block_on(async {
                on_pool!(&pool, |p| {
                    let mut conn = p.acquire().await.unwrap();
                    match pool.backend() {
                        Backend::Postgres => {
                            conn.execute("BEGIN").await.unwrap();
                            conn.execute("LOCK TABLE blog_post_tags IN ACCESS EXCLUSIVE MODE")
                                .await
                                .unwrap();
                        }
                        _ => {
                            conn.execute("LOCK TABLES blog_post_tags WRITE")
                                .await
                                .unwrap();
                        }
                    }
                    locked_tx.send(()).unwrap();
                    // Wait for the release without blocking the runtime.
                    tokio::task::spawn_blocking(move || release_rx.recv())
                        .await
                        .unwrap()
                        .ok();
                    match pool.backend() {
                        Backend::Postgres => conn.execute("ROLLBACK").await.unwrap(),
                        _ => conn.execute("UNLOCK TABLES").await.unwrap(),
                    };
                    drop(conn);
                    pool.close().await;
                })
            })
        });
        locked_rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the lock was taken");
        TableLock {
            release: Some(release_tx),
            thread: Some(thread),
        }
    }

    fn release(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if let Some(tx) = self.release.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for TableLock {
    fn drop(&mut self) {
        self.stop();
    }
}

fn statement_timeout(db: &Db) {
    blog::seed(db, 6).unwrap();
    let session: &[&str] = match db.backend() {
        Backend::Postgres => &["SET statement_timeout = '300ms'"],
        _ => &["SET SESSION max_statement_time = 0.3"],
    };
    let pool = db.new_pool(1, session).expect("a server");
    let lock = TableLock::take(db);
    let start = Instant::now();
    let err = db.block_on(pool.all(&posts_with_tags())).unwrap_err();
    let waited = start.elapsed();
    match &err {
        Error::Database {
            message, statement, ..
        } => {
            assert!(
                statement.contains("blog_post_tags"),
                "the prefetch timed out: {statement}"
            );
            let m = message.to_lowercase();
            assert!(
                m.contains("timeout") || m.contains("max_statement_time"),
                "{message}"
            );
        }
        other => panic!("expected a database error, got {other:?}"),
    }
    assert!(waited < Duration::from_secs(15), "{waited:?}");
    lock.release();
    assert_pool_clean(db, &pool);
    let posts = db.block_on(pool.all(&posts_with_tags())).unwrap();
    assert_eq!(posts.len(), 6, "the connection works after the timeout");
    db.block_on(pool.close());
}

fn cancelled_load_leaves_no_transaction(db: &Db) {
    blog::seed(db, 6).unwrap();
    let pool = db.new_pool(1, &[]).expect("a server");
    let lock = TableLock::take(db);
    let outcome = db.block_on(async {
        tokio::time::timeout(Duration::from_millis(300), pool.all(&posts_with_tags())).await
    });
    assert!(outcome.is_err(), "the load was dropped while it waited");
    lock.release();
    assert_pool_clean(db, &pool);
    let posts = db.block_on(pool.all(&posts_with_tags())).unwrap();
    assert_eq!(posts.len(), 6, "the pool works after the cancelled load");
    db.block_on(pool.close());
}

// ---------------------------------------------------------------------------
// SQLite from async code.

fn async_sqlite(db: &Db) {
    let _ = db;
    // A current-thread runtime: the load runs on the blocking pool and the
    // only worker stays free.
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(async {
        let sqlite = AsyncSqlite::open_in_memory().unwrap();
        (&sqlite).create_tables(&blog::models()).await.unwrap();
        let tags: Vec<Tag> = (1..=3)
            .map(|id| Tag {
                id,
                name: format!("t{id}"),
                posts: Default::default(),
            })
            .collect();
        (&sqlite).insert_all(&tags).await.unwrap();
        (&sqlite)
            .insert_all(&[blog::Publisher {
                id: 1,
                name: "p".into(),
                authors: Default::default(),
            }])
            .await
            .unwrap();
        // One row, and the async `insert` (one statement).
        (&sqlite)
            .insert(&blog::Author {
                id: 1,
                name: "a".into(),
                email: None,
                publisher: ForeignKey::new(1),
                posts: Default::default(),
            })
            .await
            .unwrap();
        let posts: Vec<Post> = (1..=5)
            .map(|id| Post {
                id,
                title: format!("post {id}"),
                author: ForeignKey::new(1),
                editor: None,
                tags: Default::default(),
                python_tags: Default::default(),
            })
            .collect();
        (&sqlite).insert_all(&posts).await.unwrap();
        let pairs: Vec<(i64, i64)> = (1..=4).map(|p| (p, p % 3 + 1)).collect();
        (&sqlite).link_all(Post::tags(), &pairs).await.unwrap();
        // The fifth pair by the async `link`, a row and a key.
        (&sqlite)
            .link(Post::tags(), &posts[4], &(5 % 3 + 1))
            .await
            .unwrap();

        let log = StatementLog::new();
        log.start_recording();
        let before = sqlite.log().count();
        let loaded = posts_with_tags()
            .all_async(Logged::new(&sqlite, &log))
            .await
            .unwrap();
        assert_eq!(log.count(), 2, "{:#?}", log.statements());
        assert_eq!(sqlite.log().count() - before, 2, "its own log counts too");
        assert!(log.statements()[1].sql.contains("rarray"));
        let sync = sqlite.with(|db| posts_with_tags().all(db)).await.unwrap();
        assert_eq!(graph(&loaded), graph(&sync), "async and sync load the same");
        assert_eq!(
            graph(&loaded)[0],
            (1, "a".to_owned(), vec!["t2".to_owned()])
        );
        let one = Post::query()
            .filter(Post::id().eq(3i64))
            .one_async(&sqlite)
            .await
            .unwrap();
        assert_eq!(one.title, "post 3");
        let raw: Vec<Tag> = (&sqlite)
            .raw(
                r#"SELECT "id", "name" FROM "blog_tag" WHERE "id" = ?"#,
                &[Value::I64(2)],
            )
            .await
            .unwrap();
        assert_eq!(raw[0].name, "t2");
    });

    // Outside a tokio runtime: an error, not a panic.
    let sqlite = AsyncSqlite::open_in_memory().unwrap();
    let q = Post::query();
    let mut fut = std::pin::pin!(q.all_async(&sqlite));
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match std::future::Future::poll(fut.as_mut(), &mut cx) {
        std::task::Poll::Ready(Err(Error::Connect { message, .. })) => {
            assert!(message.contains("tokio"), "{message}")
        }
        other => panic!(
            "expected an error, got {:?}",
            other.map(|r| r.map(|v| v.len()))
        ),
    }
}

// ---------------------------------------------------------------------------
// Scale.

fn million_children_under_200k_parents(db: &Db) {
    const PARENTS: i64 = 200_000;
    const CHILDREN: i64 = 1_000_000;
    db.create_tables(&[ScaleParent::info(), ScaleChild::info()])
        .unwrap();
    let start = Instant::now();
    let parents: Vec<ScaleParent> = (1..=PARENTS)
        .map(|id| ScaleParent {
            id,
            name: format!("parent {id}"),
            children: Default::default(),
        })
        .collect();
    db.insert_all(&parents).unwrap();
    drop(parents);
    // Children in batches, interleaved across parents (child i belongs to
    // parent i % PARENTS + 1), so no parent's children are contiguous.
    let batch = 100_000;
    for from in (1..=CHILDREN).step_by(batch) {
        let children: Vec<ScaleChild> = (from..(from + batch as i64).min(CHILDREN + 1))
            .map(|id| ScaleChild {
                id,
                parent: ForeignKey::new(id % PARENTS + 1),
                value: (id % 1000) as i32,
            })
            .collect();
        db.insert_all(&children).unwrap();
    }
    let seeded = start.elapsed();

    let start = Instant::now();
    let (loaded, sent) = db.capture(|| {
        db.all(
            &ScaleParent::query()
                .prefetch_related(ScaleParent::children())
                .order_by(ScaleParent::id().asc()),
        )
    });
    let loaded = loaded.unwrap();
    let load = start.elapsed();
    let expected_statements = match db.backend() {
        // The key list is one parameter: one prefetch statement.
        Backend::Sqlite | Backend::Postgres => 2,
        // 200,000 keys in statements of at most 65,535 placeholders.
        Backend::Mysql => 1 + (PARENTS as usize).div_ceil(65_535),
    };
    assert_eq!(
        sent.len(),
        expected_statements,
        "{:?}",
        sent.iter().map(|s| s.params).collect::<Vec<_>>()
    );
    assert_eq!(loaded.len(), PARENTS as usize);
    let mut total = 0;
    for p in &loaded {
        let children = p.children.get().unwrap();
        total += children.len();
        assert_eq!(children.len(), 5, "parent {}", p.id);
        // Primary key order, and each child's key points back.
        assert!(children.windows(2).all(|w| w[0].id < w[1].id));
        assert!(children.iter().all(|c| *c.parent.key() == p.id));
    }
    assert_eq!(total, CHILDREN as usize);
    assert_eq!(
        loaded[0]
            .children
            .get()
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect::<Vec<_>>(),
        [PARENTS, 2 * PARENTS, 3 * PARENTS, 4 * PARENTS, 5 * PARENTS]
    );
    eprintln!(
        "{}: seeded 200,000 parents and 1,000,000 children in {seeded:.1?}; loaded them in {load:.1?} with {} statements",
        db.backend().name(),
        sent.len()
    );
}
