//! Loads under real conditions: the caller's transactions (opened every way
//! a user can), loads and multi-statement writes cancelled at any point
//! (a write commits all its rows or none), connections killed by the
//! server, a column changing type under an open pool, several statements
//! in one string, and the errors each of these reads as.
//!
//! After each fault a case checks the graph or the error, that no session
//! is left in a transaction, that the caller's transaction is still open
//! and ends as the caller says, and that the pool still serves.

use std::time::{Duration, Instant};

use related::prelude::*;
use related::sqlx::mysql::MySqlPoolOptions;
use related::sqlx::postgres::PgPoolOptions;
use related::sqlx::{self, ConnectOptions as _, Connection as _, Executor as _};
use related::{AsyncSqlite, Consistency, Error, Job, Load, RawRow, Sqlite, Statement, Value};
use related_tests::blog::{self, Post, Tag, graph, posts_with_tags};
use related_tests::harness::{Backend, Case, Db, SERVERS, SQLITE};
use related_tests::on_pool;
use related_tests::server::{self, Pool};

pub const CASES: &[Case] = &[
    Case::new(
        "faults::a_deadlock_victim_is_told_its_transaction_is_gone",
        a_deadlock_victim_is_told_its_transaction_is_gone,
    )
    .on(&[Backend::Mysql]),
    Case::new(
        "faults::a_failed_transaction_question_names_the_load",
        a_failed_transaction_question_names_the_load,
    )
    .on(&[Backend::Postgres]),
    Case::new(
        "faults::load_inside_a_plain_begin",
        load_inside_a_plain_begin,
    )
    .on(SERVERS),
    Case::new(
        "faults::load_after_a_write_in_a_plain_begin",
        load_after_a_write_in_a_plain_begin,
    )
    .on(SERVERS),
    Case::new(
        "faults::load_inside_every_kind_of_transaction",
        load_inside_every_kind_of_transaction,
    )
    .on(SERVERS),
    Case::new(
        "faults::pool_connection_left_in_a_transaction",
        pool_connection_left_in_a_transaction,
    )
    .on(SERVERS),
    Case::new(
        "faults::pool_connection_left_right_after_begin",
        pool_connection_left_right_after_begin,
    )
    .on(SERVERS),
    Case::new(
        "faults::a_write_through_a_pool_connection_left_in_a_transaction",
        a_write_through_a_pool_connection_left_in_a_transaction,
    )
    .on(SERVERS),
    Case::new(
        "faults::sqlite_plain_begin_and_savepoints",
        sqlite_plain_begin_and_savepoints,
    )
    .on(SQLITE),
    Case::new(
        "faults::cancelled_loads_on_a_held_connection",
        cancelled_loads_on_a_held_connection,
    )
    .on(SERVERS),
    Case::new(
        "faults::cancelled_load_ends_its_transaction_at_once",
        cancelled_load_ends_its_transaction_at_once,
    )
    .on(SERVERS),
    Case::new(
        "faults::cancelled_load_whose_statement_then_fails",
        cancelled_load_whose_statement_then_fails,
    )
    .on(SERVERS),
    Case::new(
        "faults::cancelled_loads_inside_the_callers_transaction",
        cancelled_loads_inside_the_callers_transaction,
    )
    .on(SERVERS),
    Case::new(
        "faults::cancelled_loads_on_a_pool",
        cancelled_loads_on_a_pool,
    )
    .on(SERVERS),
    Case::new(
        "faults::cancelled_async_sqlite_loads",
        cancelled_async_sqlite_loads,
    )
    .on(SQLITE),
    Case::new(
        "faults::sqlite_commit_refused_ends_the_transaction",
        sqlite_commit_refused_ends_the_transaction,
    )
    .on(SQLITE),
    Case::new(
        "faults::sqlite_load_that_panics_ends_its_transaction",
        sqlite_load_that_panics_ends_its_transaction,
    )
    .on(SQLITE),
    Case::new(
        "faults::connection_killed_between_statements",
        connection_killed_between_statements,
    )
    .on(SERVERS),
    Case::new(
        "faults::connection_killed_while_rows_stream",
        connection_killed_while_rows_stream,
    )
    .on(SERVERS),
    Case::new(
        "faults::session_ended_by_the_server_reads_as_lost",
        session_ended_by_the_server_reads_as_lost,
    )
    .on(SERVERS),
    Case::new(
        "faults::column_changes_type_under_an_open_pool",
        column_changes_type_under_an_open_pool,
    )
    .on(SERVERS),
    Case::new(
        "faults::one_call_sends_one_statement",
        one_call_sends_one_statement,
    ),
    Case::new(
        "faults::placeholders_hidden_by_a_backslash_are_refused",
        placeholders_hidden_by_a_backslash_are_refused,
    )
    .on(&[Backend::Mysql]),
    Case::new(
        "faults::changed_rows_are_the_statements_own",
        changed_rows_are_the_statements_own,
    ),
    Case::new(
        "faults::wrong_parameter_counts_leave_the_connection_usable",
        wrong_parameter_counts_leave_the_connection_usable,
    ),
    Case::new("faults::busy_pool_says_so", busy_pool_says_so).on(SERVERS),
    Case::new(
        "faults::cancelled_insert_all_is_all_or_nothing",
        cancelled_insert_all_is_all_or_nothing,
    )
    .on(SERVERS),
    Case::new(
        "faults::writes_in_the_callers_transaction_are_all_or_nothing",
        writes_in_the_callers_transaction_are_all_or_nothing,
    ),
    Case::new(
        "faults::long_statements_stay_readable_in_errors",
        long_statements_stay_readable_in_errors,
    ),
];

// ---------------------------------------------------------------------------
// Helpers.

fn tag_count(db: &Db) -> usize {
    db.all(&Tag::query()).expect("count tags").len()
}

fn insert_tag_sql(db: &Db, id: i64) -> String {
    db.sql(&format!(
        r#"INSERT INTO "blog_tag" ("id", "name") VALUES ({id}, 'tag{id}')"#
    ))
}

/// The statement that opens a transaction as plain SQL on this server.
fn plain_begin(db: &Db) -> &'static str {
    match db.backend() {
        Backend::Postgres => "BEGIN",
        _ => "START TRANSACTION",
    }
}

/// Sessions of this scratch database in a transaction, now (servers).
fn open_transactions(db: &Db) -> i64 {
    let server = db.as_server().expect("a server");
    db.block_on(server.pool().open_transactions(server.scratch()))
}

/// The sessions in a transaction once it is 0 or 5 s have passed: a session
/// whose client closed its connection ends on the server a moment later.
fn settled_open_transactions(db: &Db) -> i64 {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let open = open_transactions(db);
        if open == 0 || Instant::now() >= deadline {
            return open;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Wait (bounded) until every connection of `pool` is idle and no session
/// of this database is in a transaction.
fn assert_clean(db: &Db, pool: &Pool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let idle = pool.num_idle();
        let size = pool.size() as usize;
        let open = open_transactions(db);
        if idle == size && open == 0 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "not clean: {idle} of {size} connections idle, {open} sessions in a transaction"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The server's id of the session behind `conn`.
async fn session_id<'c, E>(conn: E, backend: Backend) -> i64
where
    E: sqlx::Executor<'c>,
    for<'r> i64: sqlx::Decode<'r, E::Database> + sqlx::Type<E::Database>,
    usize: sqlx::ColumnIndex<<E::Database as sqlx::Database>::Row>,
{
    let sql = match backend {
        Backend::Postgres => "SELECT pg_backend_pid()::int8",
        _ => "SELECT CAST(CONNECTION_ID() AS SIGNED)",
    };
    let row = conn.fetch_one(sql).await.expect("the session id");
    sqlx::Row::get(&row, 0)
}

/// Kill a session from `admin` (another pool), as an administrator would.
async fn kill(admin: &Pool, backend: Backend, id: i64) {
    let sql = match backend {
        Backend::Postgres => format!("SELECT pg_terminate_backend({id})"),
        _ => format!("KILL {id}"),
    };
    on_pool!(admin, |p| p
        .execute(sqlx::AssertSqlSafe(sql))
        .await
        .map(|_| ()))
    .expect("kill the session");
}

/// A blog of `posts` posts inserted in bulk (2 or 3 tags each).
fn big_blog(db: &Db, posts: i64) {
    blog::seed(db, 0).unwrap();
    let rows: Vec<Post> = (1..=posts)
        .map(|i| Post {
            id: i,
            title: format!("Post {i}"),
            author: ForeignKey::new(i % 10 + 1),
            editor: None,
            tags: Default::default(),
            python_tags: Default::default(),
        })
        .collect();
    db.insert_all(&rows).unwrap();
    let pairs: Vec<(i64, i64)> = (1..=posts)
        .flat_map(|i| (0..(i % 2 + 2)).map(move |k| (i, (i + k * 3) % 8 + 1)))
        .collect();
    db.link_all(Post::tags(), &pairs).unwrap();
}

/// A job that runs `hook` once, between the first statement of a load and
/// the second.
struct Between<F> {
    inner: Load<Post>,
    calls: usize,
    hook: Option<F>,
}

impl<F: FnOnce() + Send + 'static> Job for Between<F> {
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

/// `posts_with_tags()` on `pool`, with `hook` run between its first and
/// second statements.
fn load_with_a_hook<F: FnOnce() + Send + 'static>(
    db: &Db,
    pool: &Pool,
    hook: F,
) -> related::Result<u64> {
    let load = Load::new(&posts_with_tags(), on_pool!(pool, |p| p.ctx())).unwrap();
    let job = Between {
        inner: load,
        calls: 0,
        hook: Some(hook),
    };
    db.block_on(pool.run(job)).1
}

// ---------------------------------------------------------------------------
// The caller's transaction.

/// `BEGIN` sent as plain SQL (the driver does not see it), then a load with
/// a prefetch, then a write the caller rolls back: the load ran inside the
/// caller's transaction and ended nothing, so the write is gone.
fn load_inside_a_plain_begin(db: &Db) {
    blog::seed(db, 6).unwrap();
    let expected = graph(&db.all(&posts_with_tags()).unwrap());
    let tags = tag_count(db);
    let pool = db.new_pool(1, &[]).expect("a server");
    let begin = plain_begin(db);
    let insert = insert_tag_sql(db, 100);
    for rollback in [true, false] {
        let (loaded, open_during) = db.block_on(async {
            on_pool!(&pool, |p| {
                let mut conn = p.acquire().await.unwrap();
                conn.execute(begin).await.unwrap();
                let posts = posts_with_tags().all_async(&mut *conn).await.unwrap();
                conn.execute(sqlx::AssertSqlSafe(insert.clone()))
                    .await
                    .unwrap();
                let open_during = open_transactions_async(db).await;
                let end = if rollback { "ROLLBACK" } else { "COMMIT" };
                conn.execute(end).await.unwrap();
                (graph(&posts), open_during)
            })
        });
        assert_eq!(loaded, expected);
        assert_eq!(
            open_during, 1,
            "the caller's transaction was open after the load"
        );
        let want = if rollback { tags } else { tags + 1 };
        assert_eq!(
            tag_count(db),
            want,
            "the caller's {} decided the write (rollback: {rollback})",
            if rollback { "ROLLBACK" } else { "COMMIT" }
        );
        assert_clean(db, &pool);
    }
    db.block_on(pool.close());
}

async fn open_transactions_async(db: &Db) -> i64 {
    let server = db.as_server().expect("a server");
    server.pool().open_transactions(server.scratch()).await
}

/// The caller wrote before the load: the load sees the write, succeeds, and
/// the caller's transaction is still open and still theirs to roll back.
fn load_after_a_write_in_a_plain_begin(db: &Db) {
    blog::seed(db, 6).unwrap();
    let pool = db.new_pool(1, &[]).expect("a server");
    let begin = plain_begin(db);
    let link = db.sql(r#"INSERT INTO "blog_post_tags" ("post_id", "tag_id") VALUES (1, 8)"#);
    let before = graph(&db.all(&posts_with_tags()).unwrap());
    assert!(!before[0].2.contains(&"tag8".to_owned()));
    for executor in ["connection", "pool connection"] {
        let (inside, open_during) = db.block_on(async {
            on_pool!(&pool, |p| {
                let mut conn = p.acquire().await.unwrap();
                conn.execute(begin).await.unwrap();
                conn.execute(sqlx::AssertSqlSafe(link.clone()))
                    .await
                    .unwrap();
                let posts = match executor {
                    "connection" => posts_with_tags().all_async(&mut *conn).await,
                    _ => posts_with_tags().all_async(&mut conn).await,
                }
                .unwrap_or_else(|e| panic!("the load inside the caller's transaction: {e}"));
                let open_during = open_transactions_async(db).await;
                conn.execute("ROLLBACK").await.unwrap();
                (graph(&posts), open_during)
            })
        });
        assert!(
            inside[0].2.contains(&"tag8".to_owned()),
            "{executor}: the load saw the caller's write: {inside:?}"
        );
        assert_eq!(
            open_during, 1,
            "{executor}: the caller's transaction stayed open"
        );
        assert_eq!(
            graph(&db.all(&posts_with_tags()).unwrap()),
            before,
            "{executor}: the caller's ROLLBACK undid the write"
        );
        assert_clean(db, &pool);
    }
    db.block_on(pool.close());
}

/// Every way a user opens a transaction: the driver's `begin()`, nested
/// (a savepoint), plain `BEGIN` / `START TRANSACTION`, plain `SAVEPOINT`
/// inside it, and (MySQL) `SET autocommit = 0`. Each time the load runs
/// inside, the caller's write before it is visible, and the caller's
/// rollback undoes the write.
fn load_inside_every_kind_of_transaction(db: &Db) {
    blog::seed(db, 6).unwrap();
    let pool = db.new_pool(1, &[]).expect("a server");
    let tags = tag_count(db);
    let begin = plain_begin(db);
    let insert = insert_tag_sql(db, 100);
    let backend = db.backend();
    let tag_query = Tag::query()
        .prefetch_related(Tag::posts())
        .order_by(Tag::id().asc());
    let check = |how: &str, seen: Vec<Tag>| {
        assert_eq!(
            seen.len(),
            tags + 1,
            "{how}: the load saw the caller's write"
        );
        assert!(
            seen.iter().all(|t| t.posts.get().is_ok()),
            "{how}: prefetched"
        );
    };
    db.block_on(async {
        on_pool!(&pool, |p| {
            // The driver's transaction, and a savepoint inside it.
            let mut tx = p.begin().await.unwrap();
            tx.execute(sqlx::AssertSqlSafe(insert.clone()))
                .await
                .unwrap();
            check("driver begin", tag_query.all_async(&mut tx).await.unwrap());
            {
                let mut nested = tx.begin().await.unwrap();
                check(
                    "driver savepoint",
                    tag_query.all_async(&mut nested).await.unwrap(),
                );
                check(
                    "driver savepoint (&mut *)",
                    tag_query.all_async(&mut *nested).await.unwrap(),
                );
                nested.rollback().await.unwrap();
            }
            assert_eq!(
                open_transactions_async(db).await,
                1,
                "driver begin: still open"
            );
            tx.rollback().await.unwrap();

            // Plain SQL, then a plain savepoint.
            let mut conn = p.acquire().await.unwrap();
            conn.execute(begin).await.unwrap();
            conn.execute(sqlx::AssertSqlSafe(insert.clone()))
                .await
                .unwrap();
            conn.execute("SAVEPOINT s1").await.unwrap();
            check(
                "plain savepoint",
                tag_query.all_async(&mut *conn).await.unwrap(),
            );
            conn.execute("ROLLBACK TO SAVEPOINT s1").await.unwrap();
            check(
                "after the savepoint",
                tag_query.all_async(&mut conn).await.unwrap(),
            );
            assert_eq!(
                open_transactions_async(db).await,
                1,
                "plain begin: still open"
            );
            conn.execute("ROLLBACK").await.unwrap();

            if backend == Backend::Mysql {
                // No BEGIN at all: with autocommit off the first write
                // opens the transaction.
                conn.execute("SET autocommit = 0").await.unwrap();
                conn.execute(sqlx::AssertSqlSafe(insert.clone()))
                    .await
                    .unwrap();
                check(
                    "autocommit = 0",
                    tag_query.all_async(&mut *conn).await.unwrap(),
                );
                assert_eq!(
                    open_transactions_async(db).await,
                    1,
                    "autocommit = 0: still open"
                );
                conn.execute("ROLLBACK").await.unwrap();
                conn.execute("SET autocommit = 1").await.unwrap();
            }
        })
    });
    assert_eq!(
        tag_count(db),
        tags,
        "every caller's rollback undid its write"
    );
    assert_clean(db, &pool);
    db.block_on(pool.close());
}

/// A connection handed back to the pool inside a transaction the caller
/// opened as plain SQL (after a write). MySQL: the next load through the
/// pool gets it, runs inside that transaction and neither commits it nor
/// fails. PostgreSQL (whose load opens its transaction and asks in one
/// message on a pool's connection): the server refuses the load's snapshot
/// options inside a transaction that already ran a query and aborts it; the
/// load fails and says so, nothing of that transaction is committed, and
/// the connection is closed (an aborted transaction can only roll back), so
/// the pool serves again at once.
fn pool_connection_left_in_a_transaction(db: &Db) {
    blog::seed(db, 6).unwrap();
    let expected = graph(&db.all(&posts_with_tags()).unwrap());
    let tags = tag_count(db);
    let pool = db.new_pool(1, &[]).expect("a server");
    let begin = plain_begin(db);
    let insert = insert_tag_sql(db, 100);
    db.block_on(async {
        on_pool!(&pool, |p| {
            let mut conn = p.acquire().await.unwrap();
            conn.execute(begin).await.unwrap();
            conn.execute(sqlx::AssertSqlSafe(insert.clone()))
                .await
                .unwrap();
        })
    });
    let loaded = db.block_on(pool.all(&posts_with_tags()));
    if db.backend() == Backend::Postgres {
        let e = loaded.expect_err("a load inside a transaction that ran a query");
        assert!(
            e.to_string().contains("already inside a transaction"),
            "the error says why: {e}"
        );
        // The aborted transaction could only roll back: its connection is
        // closed, and the pool serves at once. (The server ends the session
        // shortly after the client closes it: wait, bounded.)
        assert_eq!(settled_open_transactions(db), 0, "the aborted one is gone");
        assert_eq!(tag_count(db), tags, "nothing committed it");
        let again = db.block_on(pool.all(&posts_with_tags())).unwrap();
        assert_eq!(graph(&again), expected, "the pool serves again");
        assert_clean(db, &pool);
        db.block_on(pool.close());
        return;
    } else {
        assert_eq!(graph(&loaded.unwrap()), expected);
        let seen = db.block_on(pool.all(&Tag::query())).unwrap();
        assert_eq!(
            seen.len(),
            tags + 1,
            "the loads ran inside the leftover transaction"
        );
    }
    assert_eq!(tag_count(db), tags, "nothing committed it");
    assert_eq!(open_transactions(db), 1, "still open");
    db.block_on(async {
        on_pool!(&pool, |p| {
            let mut conn = p.acquire().await.unwrap();
            conn.execute("ROLLBACK").await.unwrap();
        })
    });
    assert_clean(db, &pool);
    assert_eq!(tag_count(db), tags);
    let again = db.block_on(pool.all(&posts_with_tags())).unwrap();
    assert_eq!(graph(&again), expected, "the pool serves again");
    assert_clean(db, &pool);
    db.block_on(pool.close());
}

/// A pool connection handed back right after a plain `BEGIN`, before any
/// query ran in it: the next load through the pool runs inside that
/// transaction, commits nothing and leaves it open. On PostgreSQL the
/// load's snapshot options now apply to it (read-only): the owner's write
/// in it fails with an error instead of going through, and ending it stays
/// the owner's.
fn pool_connection_left_right_after_begin(db: &Db) {
    blog::seed(db, 6).unwrap();
    let expected = graph(&db.all(&posts_with_tags()).unwrap());
    let tags = tag_count(db);
    let pool = db.new_pool(1, &[]).expect("a server");
    let begin = plain_begin(db);
    let insert = insert_tag_sql(db, 100);
    db.block_on(async {
        on_pool!(&pool, |p| {
            let mut conn = p.acquire().await.unwrap();
            conn.execute(begin).await.unwrap();
        })
    });
    let loaded = db.block_on(pool.all(&posts_with_tags())).unwrap();
    assert_eq!(graph(&loaded), expected);
    assert_eq!(open_transactions(db), 1, "the leftover transaction is open");
    let write = db.block_on(async {
        on_pool!(&pool, |p| {
            let mut conn = p.acquire().await.unwrap();
            let write = conn
                .execute(sqlx::AssertSqlSafe(insert.clone()))
                .await
                .map(|_| ());
            conn.execute("ROLLBACK").await.unwrap();
            write
        })
    });
    if db.backend() == Backend::Postgres {
        assert!(write.is_err(), "the write in a read-only transaction fails");
    } else {
        write.expect("MySQL leaves the leftover transaction as it was");
    }
    assert_clean(db, &pool);
    assert_eq!(tag_count(db), tags, "nothing of it was committed");
    db.block_on(pool.close());
}

/// A pool connection handed back right after a plain `BEGIN`: a write of
/// several statements through the pool runs inside that transaction in a
/// savepoint, so when it fails none of its rows stay for the owner to
/// commit (MySQL kept the first INSERT's 32,767).
fn a_write_through_a_pool_connection_left_in_a_transaction(db: &Db) {
    blog::seed(db, 0).unwrap();
    let tags = tag_count(db);
    let n: i64 = 40_000;
    db.insert_all(&[tag(n)]).unwrap();
    let pool = db.new_pool(1, &[]).expect("a server");
    let begin = plain_begin(db);
    db.block_on(async {
        on_pool!(&pool, |p| {
            let mut conn = p.acquire().await.unwrap();
            conn.execute(begin).await.unwrap();
        })
    });
    let rows: Vec<Tag> = (9..=n).map(tag).collect();
    let failed = db.block_on(on_pool!(&pool, |p| p.insert_all(&rows)));
    assert!(failed.is_err(), "tag {n} is stored already");
    let insert = insert_tag_sql(db, n + 1);
    db.block_on(async {
        on_pool!(&pool, |p| {
            let mut conn = p.acquire().await.unwrap();
            // The owner's transaction goes on (on PostgreSQL the failure
            // no longer aborts it), and the owner commits it.
            conn.execute(sqlx::AssertSqlSafe(insert.clone()))
                .await
                .unwrap();
            conn.execute("COMMIT").await.unwrap();
        })
    });
    assert_eq!(tag_count(db), tags + 2, "none of the failed write's rows");
    assert_clean(db, &pool);
    db.block_on(pool.close());
}

/// SQLite: a plain `BEGIN`, a write, then a load with a prefetch: the load
/// runs inside (rusqlite's executor asks sqlite3_get_autocommit) and ends
/// nothing; the same inside a savepoint, and a savepoint with no BEGIN.
fn sqlite_plain_begin_and_savepoints(db: &Db) {
    blog::seed(db, 6).unwrap();
    let sqlite = db.as_sqlite().expect("SQLite");
    let tags = tag_count(db);
    let insert = insert_tag_sql(db, 100);
    let tag_query = Tag::query().prefetch_related(Tag::posts());
    for (open, close) in [
        ("BEGIN", "ROLLBACK"),
        ("BEGIN IMMEDIATE", "ROLLBACK"),
        (
            "SAVEPOINT outer_sp",
            "ROLLBACK TO outer_sp; RELEASE outer_sp",
        ),
        (
            "BEGIN; SAVEPOINT inner_sp",
            "ROLLBACK TO inner_sp; ROLLBACK",
        ),
    ] {
        sqlite.execute_batch(open).unwrap();
        sqlite.execute(&insert, &[]).unwrap();
        let seen = tag_query.all(sqlite).unwrap();
        assert_eq!(seen.len(), tags + 1, "{open}: the load saw the write");
        assert!(
            !sqlite.connection().is_autocommit(),
            "{open}: the load left the caller's transaction open"
        );
        sqlite.execute_batch(close).unwrap();
        assert!(
            sqlite.connection().is_autocommit(),
            "{open}: closed by the caller"
        );
        assert_eq!(
            tag_count(db),
            tags,
            "{open}: the caller's rollback undid the write"
        );
    }
}

// ---------------------------------------------------------------------------
// Cancelled loads.

/// Delays that cut a load at every stage: before the first byte, during the
/// BEGIN, between statements, while rows stream, after the end.
fn delays() -> Vec<Duration> {
    let mut out: Vec<Duration> = (0..12).map(|i| Duration::from_micros(i * 250)).collect();
    out.extend([3, 5, 8, 13, 21, 34].map(Duration::from_millis));
    out
}

/// Wait (at most `bound`) until no session of this database is in a
/// transaction; whether that happened.
async fn no_transaction_within(db: &Db, bound: Duration) -> bool {
    let deadline = Instant::now() + bound;
    loop {
        if open_transactions_async(db).await == 0 {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// The caller's own next statement on a connection: the number of tags,
/// or None if it did not answer within 20 s (a connection left half-read
/// waits for bytes that never come).
async fn caller_counts_tags<'c, E>(conn: E) -> Option<Result<i64, sqlx::Error>>
where
    E: sqlx::Executor<'c>,
    for<'r> i64: sqlx::Decode<'r, E::Database> + sqlx::Type<E::Database>,
    usize: sqlx::ColumnIndex<<E::Database as sqlx::Database>::Row>,
{
    let count = async {
        let row = conn.fetch_one("SELECT COUNT(*) FROM blog_tag").await?;
        sqlx::Row::try_get::<i64, _>(&row, 0)
    };
    tokio::time::timeout(Duration::from_secs(20), count)
        .await
        .ok()
}

/// A load with a prefetch on a connection the caller holds (bare `&mut
/// *conn` and the `PoolConnection` itself, in turn), dropped at every
/// delay. Checked before the caller sends anything: within 2 s of the drop
/// no session is in a transaction (the load's ROLLBACK reached the server
/// during the drop, not at the caller's next statement). Then the caller's
/// write on the connection commits by itself (no read-only snapshot of the
/// load's left around it) and the connection's next load is whole.
fn cancelled_load_ends_its_transaction_at_once(db: &Db) {
    big_blog(db, 2_000);
    let query = posts_with_tags();
    let expected = graph(&db.all(&query).unwrap());
    let pool = db.new_pool(1, &[]).expect("a server");
    let tags = tag_count(db);
    let mut cancelled = 0;
    for (i, delay) in delays().into_iter().enumerate() {
        let insert = insert_tag_sql(db, 1_000 + i as i64);
        let outcome = db.block_on(async {
            tokio::time::timeout(Duration::from_secs(90), async {
                on_pool!(&pool, |p| {
                    let mut conn = p.acquire().await.unwrap();
                    let cut = if i % 2 == 0 {
                        tokio::time::timeout(delay, query.all_async(&mut *conn)).await
                    } else {
                        tokio::time::timeout(delay, query.all_async(&mut conn)).await
                    };
                    let settled = no_transaction_within(db, Duration::from_secs(2)).await;
                    let write = tokio::time::timeout(
                        Duration::from_secs(20),
                        conn.execute(sqlx::AssertSqlSafe(insert.clone())),
                    )
                    .await;
                    let next = query.all_async(&mut *conn).await.map(|p| graph(&p));
                    (cut.is_err(), settled, write.map(|w| w.map(|_| ())), next)
                })
            })
            .await
        });
        let (was_cut, settled, write, next) =
            outcome.unwrap_or_else(|_| panic!("cut at {delay:?}: the connection hung"));
        cancelled += usize::from(was_cut);
        assert!(
            settled,
            "cut at {delay:?}: a session was still in a transaction 2 s after the drop"
        );
        write
            .unwrap_or_else(|_| panic!("cut at {delay:?}: the caller's write hung"))
            .unwrap_or_else(|e| panic!("cut at {delay:?}: the caller's write failed: {e}"));
        assert_eq!(
            tag_count(db),
            tags + i + 1,
            "cut at {delay:?}: the caller's write committed by itself"
        );
        let next = next.unwrap_or_else(|e| panic!("cut at {delay:?}: the next load failed: {e}"));
        assert_eq!(next, expected, "cut at {delay:?}: the next load's graph");
        assert_clean(db, &pool);
    }
    assert!(cancelled >= 6, "the sweep cut loads ({cancelled} cut)");
    db.block_on(pool.close());
}

/// A load on a connection the caller holds is dropped while its prefetch
/// waits for a table another session locked; the server then fails that
/// statement (its statement or lock-wait timeout). The failure is the
/// load's: the caller's next statement on the connection answers rightly
/// (sqlx's PostgreSQL driver would return the cut statement's error as
/// that statement's result), and so does the next load.
fn cancelled_load_whose_statement_then_fails(db: &Db) {
    blog::seed(db, 20).unwrap();
    let query = posts_with_tags();
    let expected = graph(&db.all(&query).unwrap());
    let tags = tag_count(db) as i64;
    let backend = db.backend();
    let timeout = match backend {
        Backend::Postgres => "SET statement_timeout = '1s'",
        _ => "SET SESSION lock_wait_timeout = 1",
    };
    let pool = db.new_pool(1, &[timeout]).expect("a server");
    let admin = db.as_server().unwrap().pool().clone();
    let (cut, count, next) = db.block_on(async {
        on_pool!(&admin, |a| {
            let mut locker = a.acquire().await.unwrap();
            let lock: &[&str] = match backend {
                Backend::Postgres => &["BEGIN", "LOCK TABLE blog_tag IN ACCESS EXCLUSIVE MODE"],
                _ => &["LOCK TABLES blog_tag WRITE"],
            };
            for sql in lock {
                locker.execute(*sql).await.unwrap();
            }
            let outcome = on_pool!(&pool, |p| {
                let mut conn = p.acquire().await.unwrap();
                let cut =
                    tokio::time::timeout(Duration::from_millis(300), query.all_async(&mut *conn))
                        .await
                        .is_err();
                // The server fails the cut statement (1 s) while the lock
                // is held; only then is the table free again.
                tokio::time::sleep(Duration::from_millis(1_500)).await;
                let unlock = match backend {
                    Backend::Postgres => "ROLLBACK",
                    _ => "UNLOCK TABLES",
                };
                locker.execute(unlock).await.unwrap();
                let count = caller_counts_tags(&mut *conn).await;
                let next = query.all_async(&mut *conn).await.map(|p| graph(&p));
                (cut, count, next)
            });
            outcome
        })
    });
    assert!(cut, "the load waited for the lock past the cut");
    let count = count.expect("the caller's statement answered");
    assert_eq!(
        count.unwrap_or_else(|e| panic!("the caller's statement got the load's error: {e}")),
        tags
    );
    assert_eq!(next.expect("the next load"), expected);
    assert_clean(db, &pool);
    db.block_on(pool.close());
}

/// A connection the caller holds, in each form (bare `&mut *conn`, the
/// `PoolConnection`, a standalone connection): the load is dropped at every
/// delay, mid-statement included. The caller's next statement on the same
/// connection answers, and rightly (MySQL: a connection whose result was
/// cut mid-packet would wait forever); the connection's next load returns
/// the whole graph. A `PoolConnection` whose load was dropped is closed
/// when handed back, so nothing reaches the pool either.
fn cancelled_loads_on_a_held_connection(db: &Db) {
    big_blog(db, 2_000);
    let query = posts_with_tags();
    let expected = graph(&db.all(&query).unwrap());
    let pool = db.new_pool(1, &[]).expect("a server");
    let tags = tag_count(db) as i64;
    let mut cancelled = 0;
    for (i, delay) in delays().into_iter().enumerate() {
        let outcome = db.block_on(async {
            tokio::time::timeout(Duration::from_secs(90), async {
                on_pool!(&pool, |p| {
                    let mut held = p.acquire().await.unwrap();
                    let mut own = p.connect_options().connect().await.unwrap();
                    let (cut, count, next) = match i % 3 {
                        0 => {
                            let cut =
                                tokio::time::timeout(delay, query.all_async(&mut *held)).await;
                            let count = caller_counts_tags(&mut *held).await;
                            (cut.is_err(), count, query.all_async(&mut *held).await)
                        }
                        1 => {
                            let cut = tokio::time::timeout(delay, query.all_async(&mut held)).await;
                            let count = caller_counts_tags(&mut *held).await;
                            (cut.is_err(), count, query.all_async(&mut held).await)
                        }
                        _ => {
                            let cut = tokio::time::timeout(delay, query.all_async(&mut own)).await;
                            let count = caller_counts_tags(&mut own).await;
                            (cut.is_err(), count, query.all_async(&mut own).await)
                        }
                    };
                    let _ = own.close().await;
                    (cut, count, next.map(|posts| graph(&posts)))
                })
            })
            .await
        });
        let (was_cut, count, next) = outcome
            .unwrap_or_else(|_| panic!("cut at {delay:?}: the next load on the connection hung"));
        cancelled += usize::from(was_cut);
        let count = count
            .unwrap_or_else(|| {
                panic!(
                    "cut at {delay:?} (form {}): the caller's next statement hung",
                    i % 3
                )
            })
            .unwrap_or_else(|e| {
                panic!("cut at {delay:?}: the caller's next statement failed: {e}")
            });
        assert_eq!(
            count, tags,
            "cut at {delay:?}: the caller's next statement's answer"
        );
        let next = next.unwrap_or_else(|e| panic!("cut at {delay:?}: the next load failed: {e}"));
        assert_eq!(next, expected, "cut at {delay:?}: the next load's graph");
        assert_clean(db, &pool);
    }
    assert!(cancelled >= 6, "the sweep cut loads ({cancelled} cut)");
    let after = db.block_on(pool.all(&query)).unwrap();
    assert_eq!(graph(&after), expected, "the pool still serves");
    let closed =
        db.block_on(async { tokio::time::timeout(Duration::from_secs(20), pool.close()).await });
    assert!(closed.is_ok(), "the pool closed");
}

/// Inside the caller's transaction (plain BEGIN after a write, and the
/// driver's `begin()`), on a held connection: a cancelled load leaves that
/// transaction open and the caller's own, so the caller's next statement
/// answers inside it (it sees the write) and its rollback undoes the write.
fn cancelled_loads_inside_the_callers_transaction(db: &Db) {
    big_blog(db, 1_000);
    let query = posts_with_tags();
    let pool = db.new_pool(1, &[]).expect("a server");
    let tags = tag_count(db);
    let begin = plain_begin(db);
    let insert = insert_tag_sql(db, 100);
    for (i, delay) in delays().into_iter().enumerate() {
        let result = db.block_on(async {
            tokio::time::timeout(Duration::from_secs(90), async {
                on_pool!(&pool, |p| {
                    let mut conn = p.acquire().await.unwrap();
                    if i % 2 == 0 {
                        conn.execute(begin).await.unwrap();
                        conn.execute(sqlx::AssertSqlSafe(insert.clone()))
                            .await
                            .unwrap();
                        let _ = tokio::time::timeout(delay, query.all_async(&mut conn)).await;
                        let seen = caller_counts_tags(&mut *conn).await;
                        let open = open_transactions_async(db).await;
                        conn.execute("ROLLBACK").await.unwrap();
                        (seen, open)
                    } else {
                        let mut tx = conn.begin().await.unwrap();
                        tx.execute(sqlx::AssertSqlSafe(insert.clone()))
                            .await
                            .unwrap();
                        let _ = tokio::time::timeout(delay, query.all_async(&mut *tx)).await;
                        let seen = caller_counts_tags(&mut *tx).await;
                        let open = open_transactions_async(db).await;
                        tx.rollback().await.unwrap();
                        (seen, open)
                    }
                })
            })
            .await
        });
        let (seen, open) =
            result.unwrap_or_else(|_| panic!("cut at {delay:?}: the caller's connection hung"));
        let seen = seen
            .unwrap_or_else(|| panic!("cut at {delay:?}: the caller's next statement hung"))
            .unwrap_or_else(|e| panic!("cut at {delay:?}: the caller's next statement: {e}"));
        assert_eq!(
            seen,
            tags as i64 + 1,
            "cut at {delay:?}: the caller's write is still there"
        );
        assert_eq!(
            open, 1,
            "cut at {delay:?}: the caller's transaction is still open"
        );
        assert_clean(db, &pool);
        assert_eq!(
            tag_count(db),
            tags,
            "cut at {delay:?}: the write was rolled back"
        );
        let posts = db.block_on(pool.all(&query)).unwrap();
        assert_eq!(posts.len(), 1_000, "cut at {delay:?}: the pool serves");
    }
    db.block_on(pool.close());
}

/// A pool of one: loads with a prefetch of 5,000 rows cancelled at every
/// delay; after each the next load on the pool returns the whole graph,
/// no session is in a transaction, and the pool closes.
fn cancelled_loads_on_a_pool(db: &Db) {
    big_blog(db, 2_000);
    let query = posts_with_tags();
    let expected = graph(&db.all(&query).unwrap());
    assert!(expected.iter().map(|p| p.2.len()).sum::<usize>() >= 5_000);
    let pool = db.new_pool(1, &[]).expect("a server");
    // Random cut points from a fixed seed, on top of the sweep.
    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut cuts = delays();
    for _ in 0..10 {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        cuts.push(Duration::from_micros(rng % 20_000));
    }
    for delay in cuts {
        let cut = db.block_on(async { tokio::time::timeout(delay, pool.all(&query)).await });
        let next = db.block_on(async {
            tokio::time::timeout(Duration::from_secs(30), pool.all(&query)).await
        });
        let next = next
            .unwrap_or_else(|_| panic!("cut at {delay:?} ({}): the next load hung", cut.is_err()))
            .unwrap_or_else(|e| panic!("cut at {delay:?}: the next load failed: {e}"));
        assert_eq!(graph(&next), expected, "cut at {delay:?}");
        assert_clean(db, &pool);
    }
    let closed =
        db.block_on(async { tokio::time::timeout(Duration::from_secs(20), pool.close()).await });
    assert!(closed.is_ok(), "the pool closed");
}

/// AsyncSqlite: the load runs on a blocking thread, which a dropped future
/// does not stop; it finishes and ends its own transaction, and the next
/// load waits for it and is whole.
fn cancelled_async_sqlite_loads(db: &Db) {
    let _ = db;
    let path = std::env::temp_dir().join(format!("related_faults_{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let sync = Db::from_sqlite(Sqlite::open(&path).unwrap());
    big_blog(&sync, 2_000);
    let query = posts_with_tags();
    let expected = graph(&sync.all(&query).unwrap());
    drop(sync);
    let adb = AsyncSqlite::open(&path).unwrap();
    for delay in delays() {
        let next = server::block_on(async {
            let _ = tokio::time::timeout(delay, query.all_async(&adb)).await;
            query.all_async(&adb).await
        })
        .unwrap_or_else(|e| panic!("cut at {delay:?}: {e}"));
        assert_eq!(graph(&next), expected, "cut at {delay:?}");
        let autocommit = server::block_on(adb.with(|db| Ok(db.connection().is_autocommit())));
        assert!(
            autocommit.unwrap(),
            "cut at {delay:?}: no transaction left open"
        );
    }
    drop(adb);
    let _ = std::fs::remove_file(&path);
}

/// A file database, removed when dropped.
struct TempDb(std::path::PathBuf);

impl TempDb {
    fn new(name: &str) -> TempDb {
        let path = std::env::temp_dir().join(format!("related_{name}_{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        TempDb(path)
    }

    fn open(&self) -> Sqlite {
        let db = Sqlite::open(&self.0).unwrap();
        // A refused COMMIT comes after the busy timeout: keep it short.
        db.connection()
            .busy_timeout(Duration::from_millis(50))
            .unwrap();
        db
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn tag(id: i64) -> Tag {
    Tag {
        id,
        name: format!("t{id}"),
        posts: Default::default(),
    }
}

fn tag_ids(db: &Sqlite) -> Vec<i64> {
    let mut ids: Vec<i64> = Tag::query().all(db).unwrap().iter().map(|t| t.id).collect();
    ids.sort_unstable();
    ids
}

/// SQLite refuses a COMMIT while another connection reads ("database is
/// locked") and keeps the transaction open for a retry. `insert_all` and
/// `transaction` report the error and end the transaction they opened:
/// later writes are then committed, not left in a transaction nobody
/// commits (and lost when the connection closes).
fn sqlite_commit_refused_ends_the_transaction(db: &Db) {
    let _ = db;
    let file = TempDb::new("commit_refused");
    let writer = file.open();
    writer.create_tables(&[Tag::info()]).unwrap();
    let reader = file.open();
    for attempt in 0..2 {
        // The reader's open read transaction holds the shared lock that a
        // COMMIT (rollback journal) has to wait for.
        reader.execute_batch("BEGIN").unwrap();
        assert_eq!(tag_ids(&reader).len(), attempt);
        let refused = if attempt == 0 {
            writer.insert_all(&[tag(600), tag(601)])
        } else {
            writer.transaction(|db| db.insert(&tag(610)))
        };
        let shown = refused
            .expect_err("the COMMIT waits for the reader")
            .to_string();
        assert!(shown.contains("COMMIT"), "{shown}");
        assert!(
            writer.connection().is_autocommit(),
            "the refused transaction is rolled back"
        );
        reader.execute_batch("COMMIT").unwrap();
        writer.insert(&tag(700 + attempt as i64)).unwrap();
    }
    writer.transaction(|db| db.insert_all(&[tag(800)])).unwrap();
    drop(writer);
    // What the writer committed after the refusals is there for others.
    assert_eq!(tag_ids(&file.open()), [700, 701, 800]);
}

/// A load that panics (here in a column's own `Deserialize`) unwinds
/// through the transaction the load opened: it is rolled back, and the
/// connection's next writes are committed.
fn sqlite_load_that_panics_ends_its_transaction(db: &Db) {
    let _ = db;
    let file = TempDb::new("load_panics");
    let conn = file.open();
    conn.create_tables(&[Crate::info(), Part::info()]).unwrap();
    conn.insert(&Crate {
        id: 1,
        parts: Default::default(),
    })
    .unwrap();
    conn.insert(&Part {
        id: 1,
        krate: ForeignKey::new(1),
        touchy: related::Json(Touchy(-5)),
    })
    .unwrap();
    let query = Crate::query().prefetch_related(Crate::parts());
    let sent = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| query.all(&conn)));
    assert!(sent.is_err(), "the column's Deserialize panicked");
    assert!(
        conn.connection().is_autocommit(),
        "no transaction left open"
    );
    conn.insert(&Crate {
        id: 2,
        parts: Default::default(),
    })
    .unwrap();
    drop(conn);
    let ids: Vec<i64> = Crate::query()
        .all(&file.open())
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(ids, [1, 2]);
}

#[derive(Clone, Debug, Model)]
#[related(table = "f_crate")]
pub struct Crate {
    pub id: i64,
    #[related(reverse = Part::krate)]
    pub parts: Reverse<Part>,
}

#[derive(Clone, Debug, Model)]
#[related(table = "f_part")]
pub struct Part {
    pub id: i64,
    pub krate: ForeignKey<Crate>,
    pub touchy: related::Json<Touchy>,
}

/// A value whose `Deserialize` panics on a negative number.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Touchy(i64);

impl<'de> serde::Deserialize<'de> for Touchy {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = i64::deserialize(d)?;
        assert!(v >= 0, "Touchy takes no negative number");
        Ok(Touchy(v))
    }
}

// ---------------------------------------------------------------------------
// Connections killed by the server.

/// The session is killed between the load's first statement and its
/// prefetch: the load fails saying the server closed the connection, and
/// the pool replaces the connection.
fn connection_killed_between_statements(db: &Db) {
    blog::seed(db, 20).unwrap();
    let expected = graph(&db.all(&posts_with_tags()).unwrap());
    let pool = db.new_pool(1, &[]).expect("a server");
    let backend = db.backend();
    let id = db.block_on(async { on_pool!(&pool, |p| session_id(p, backend).await) });
    let killer = db.as_server().unwrap().pool().clone();
    let hook = move || {
        // Inside the load (on the runtime): kill from a thread of its own.
        std::thread::spawn(move || server::block_on(kill(&killer, backend, id)))
            .join()
            .unwrap();
    };
    let err = load_with_a_hook(db, &pool, hook).expect_err("the session was killed mid-load");
    assert_lost(&err);
    assert_clean(db, &pool);
    let again = db.block_on(pool.all(&posts_with_tags())).unwrap();
    assert_eq!(graph(&again), expected, "the pool serves after the kill");
    db.block_on(pool.close());
}

/// The session is killed while the prefetch's rows stream in.
fn connection_killed_while_rows_stream(db: &Db) {
    big_blog(db, 2_000);
    let query = posts_with_tags();
    let expected = graph(&db.all(&query).unwrap());
    let pool = db.new_pool(1, &[]).expect("a server");
    let backend = db.backend();
    let mut failures = 0;
    for delay in [1, 2, 4, 8].map(Duration::from_millis) {
        let result = db.block_on(async {
            on_pool!(&pool, |p| {
                let mut conn = p.acquire().await.unwrap();
                let id = session_id(&mut *conn, backend).await;
                let admin = db.as_server().unwrap().pool().clone();
                let killer = tokio::spawn(async move {
                    tokio::time::sleep(delay).await;
                    kill(&admin, backend, id).await;
                });
                let loaded = query.all_async(&mut conn).await;
                killer.await.unwrap();
                loaded
            })
        });
        match result {
            // The load finished before the kill: nothing to check.
            Ok(posts) => assert_eq!(graph(&posts), expected),
            Err(e) => {
                failures += 1;
                assert_lost(&e);
            }
        }
        let again = db.block_on(async {
            tokio::time::timeout(Duration::from_secs(30), pool.all(&query)).await
        });
        let again = again
            .expect("no hang")
            .expect("the pool serves after the kill");
        assert_eq!(graph(&again), expected);
        assert_clean(db, &pool);
    }
    assert!(failures > 0, "some kill landed during a load");
    db.block_on(pool.close());
}

/// The server ends the session for a reason of its own, with an error
/// rather than a bare hang-up: PostgreSQL's idle-in-transaction timeout
/// (a FATAL 25P03, sent while the load's own transaction waits between
/// its statements), MySQL's packet limit (1153, SQLSTATE 08S01: a value
/// longer than `max_allowed_packet`). Both read as the connection lost,
/// and the pool closes that connection instead of handing it out again.
fn session_ended_by_the_server_reads_as_lost(db: &Db) {
    blog::seed(db, 20).unwrap();
    let expected = graph(&db.all(&posts_with_tags()).unwrap());
    let err = match db.backend() {
        Backend::Postgres => {
            let pool = db
                .new_pool(1, &["SET idle_in_transaction_session_timeout = '20ms'"])
                .expect("a server");
            let hook = || std::thread::sleep(Duration::from_millis(500));
            let err = load_with_a_hook(db, &pool, hook)
                .expect_err("the server ended the idle transaction");
            assert!(err.to_string().contains("25P03"), "{err}");
            // The connection was closed, not handed back: the pool opens
            // a new one, and serves.
            let again = db.block_on(pool.all(&posts_with_tags())).unwrap();
            assert_eq!(graph(&again), expected);
            db.block_on(pool.close());
            err
        }
        _ => {
            let pool = db.new_pool(1, &[]).expect("a server");
            let limit: i64 = db.block_on(async {
                on_pool!(&pool, |p| {
                    sqlx::query_scalar::<_, i64>("SELECT CAST(@@max_allowed_packet AS SIGNED)")
                        .fetch_one(p)
                        .await
                        .unwrap()
                })
            });
            let long = "x".repeat(usize::try_from(limit).unwrap() + 1);
            let q = Post::query()
                .filter(Post::title().eq(long))
                .prefetch_related(Post::tags());
            let err = db
                .block_on(pool.all(&q))
                .expect_err("a packet over the limit");
            assert!(err.to_string().contains("08S01"), "{err}");
            let again = db.block_on(pool.all(&posts_with_tags())).unwrap();
            assert_eq!(graph(&again), expected);
            db.block_on(pool.close());
            err
        }
    };
    assert_lost(&err);
}

fn assert_lost(err: &Error) {
    match err {
        Error::ConnectionLost { message, .. } => {
            assert!(
                message.contains("server closed the connection"),
                "says what happened: {message}"
            );
        }
        other => panic!("expected the connection lost, got: {other}"),
    }
    assert!(!err.to_string().contains("cannot connect"), "{err}");
}

// ---------------------------------------------------------------------------
// A column changes type under an open pool.

/// A pooled connection has the load's statements prepared; another
/// connection changes a column's type. The next loads on the pool succeed
/// (PostgreSQL refuses a cached plan whose result type changed; the load
/// clears the connection's statements and, where nothing was read yet and
/// no transaction of its own was aborted, sends the statement again).
fn column_changes_type_under_an_open_pool(db: &Db) {
    blog::seed(db, 6).unwrap();
    let pool = db.new_pool(1, &[]).expect("a server");
    let plain = Tag::query().order_by(Tag::id().asc());
    let nested = posts_with_tags();
    let before = graph(&db.block_on(pool.all(&nested)).unwrap());
    assert_eq!(db.block_on(pool.all(&plain)).unwrap().len(), 8);
    let alter = |ty: &str| match db.backend() {
        Backend::Postgres => format!("ALTER TABLE blog_tag ALTER COLUMN name TYPE {ty}"),
        _ => format!("ALTER TABLE blog_tag MODIFY COLUMN name {ty} NOT NULL"),
    };
    for ty in ["VARCHAR(200)", "TEXT", "VARCHAR(100)"] {
        db.execute(&alter(ty), &[]).unwrap();
        // One statement: sent again, succeeds.
        let tags = db
            .block_on(pool.all(&plain))
            .unwrap_or_else(|e| panic!("{ty}: {e}"));
        assert_eq!(tags.len(), 8, "{ty}");
        // A prefetch whose changed statement runs inside the load's
        // snapshot: this one may fail, the next must not.
        let first = db.block_on(pool.all(&nested));
        if let Err(e) = &first {
            assert!(e.to_string().contains("cached plan"), "{ty}: {e}");
        }
        let next = db
            .block_on(pool.all(&nested))
            .unwrap_or_else(|e| panic!("{ty}: {e}"));
        assert_eq!(graph(&next), before, "{ty}");
        assert_clean(db, &pool);
    }
    // Inside a transaction of the caller's (plain BEGIN) on a held
    // connection: PostgreSQL's error aborts that transaction, so the load
    // fails with the first error (not "transaction is aborted"), the
    // caller rolls back, and the connection's next load succeeds. MySQL
    // re-prepares by itself: the load succeeds inside the transaction.
    let begin = plain_begin(db);
    let types = ["TEXT", "VARCHAR(150)"];
    for ty in types {
        let (inside, after) = db.block_on(async {
            on_pool!(&pool, |p| {
                let mut conn = p.acquire().await.unwrap();
                assert_eq!(plain.all_async(&mut *conn).await.unwrap().len(), 8);
                // The connection is idle (no lock held): the ALTER runs.
                let server = db.as_server().unwrap();
                server.pool().execute(&alter(ty), &[]).await.unwrap();
                conn.execute(begin).await.unwrap();
                let inside = plain.all_async(&mut *conn).await.map(|t| t.len());
                conn.execute("ROLLBACK").await.unwrap();
                let after = plain.all_async(&mut *conn).await.map(|t| t.len());
                (inside, after)
            })
        });
        match (db.backend(), inside) {
            (Backend::Postgres, Err(e)) => {
                assert!(e.to_string().contains("cached plan"), "{ty}: {e}")
            }
            (Backend::Postgres, Ok(_)) => panic!("{ty}: the aborted transaction hid the error"),
            (_, inside) => assert_eq!(inside.unwrap(), 8, "{ty}"),
        }
        assert_eq!(after.unwrap_or_else(|e| panic!("{ty}: {e}")), 8, "{ty}");
        assert_clean(db, &pool);
    }
    db.block_on(pool.close());
}

// ---------------------------------------------------------------------------
// One statement per call.

/// `raw` and `execute_statement` send one statement: a string with a
/// second one (after a comment, a quoted `;`, anything) is refused before
/// anything is sent, on every backend.
fn one_call_sends_one_statement(db: &Db) {
    blog::seed(db, 3).unwrap();
    let tags = tag_count(db);
    let q = |sql: &str| db.sql(sql);
    for sql in [
        q("-- note\nSELECT * FROM \"blog_tag\"; DROP TABLE \"blog_post_tags\""),
        q("SELECT * FROM \"blog_tag\" WHERE \"name\" <> ';';DELETE FROM \"blog_tag\""),
        q("/* a; b */ SELECT * FROM \"blog_tag\"; /* c */ DELETE FROM \"blog_tag\"; "),
        // One statement under MySQL's default backslash escapes, two under
        // NO_BACKSLASH_ESCAPES (and on the other backends): refused on all.
        q("UPDATE \"blog_tag\" SET \"name\" = 'x\\'; DELETE FROM \"blog_tag\"; -- ' WHERE \"id\" = 1"),
    ]
    .into_iter()
    // One statement by PostgreSQL's default, two under
    // `standard_conforming_strings = off`.
    .chain((db.backend() == Backend::Postgres).then(|| {
        q("SELECT * FROM \"blog_tag\" WHERE \"name\" <> 'a\\'' ; DELETE FROM \"blog_tag\"; --'")
    })) {
        match db.raw::<Tag>(&sql, &[]) {
            Err(Error::SeveralStatements { statement, .. }) => assert_eq!(statement, sql),
            other => panic!("raw must refuse {sql:?}: {other:?}"),
        }
        match db.execute(&sql, &[]) {
            Err(e @ Error::SeveralStatements { .. }) => {
                assert!(
                    e.to_string().contains("one call sends one statement"),
                    "{e}"
                );
            }
            other => panic!("execute must refuse {sql:?}: {other:?}"),
        }
    }
    assert_eq!(tag_count(db), tags, "nothing was deleted");
    assert_eq!(
        db.all(&posts_with_tags()).unwrap().len(),
        3,
        "nothing was dropped"
    );
    // One statement, with a trailing `;` and a comment, still runs.
    let one = q("-- all tags\nSELECT * FROM \"blog_tag\" WHERE \"name\" <> ';'; -- done");
    assert_eq!(db.raw::<Tag>(&one, &[]).unwrap().len(), tags);
}

/// MySQL under `NO_BACKSLASH_ESCAPES`: `'a\'` is a whole string there,
/// and by default an open one, so the `?` after it is a placeholder under
/// one setting and quoted text under the other. The check cannot see the
/// session's `sql_mode`: such a statement is refused before anything is
/// sent, whatever the count given, and the connection answers its next
/// statement (sent with a count the server does not expect, sqlx's MySQL
/// driver waits forever).
fn placeholders_hidden_by_a_backslash_are_refused(db: &Db) {
    blog::seed(db, 3).unwrap();
    let session = ["SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')"];
    let pool = db.new_pool(1, &session).expect("a server");
    let (answers, next) = db.block_on(async {
        on_pool!(&pool, |p| {
            let mut conn = p.acquire().await.unwrap();
            let mut answers = Vec::new();
            for (sql, given) in [
                (r"SELECT ?, 'a\', ?, 'b'", 1),
                (r"SELECT ?, 'a\', ?, 'b'", 2),
                (r"SELECT 'a\', ?", 1),
                (r"SELECT 'a\', ?", 0),
            ] {
                let params = vec![Value::I64(1); given];
                answers.push((&mut *conn).execute_statement(sql, &params).await);
            }
            let next = tokio::time::timeout(
                Duration::from_secs(20),
                (&mut *conn).execute_statement("SELECT 1", &[]),
            )
            .await;
            (answers, next)
        })
    });
    for answer in answers {
        let e = answer.unwrap_err();
        assert!(e.to_string().contains("NO_BACKSLASH_ESCAPES"), "{e}");
        assert!(!matches!(e, Error::ConnectionLost { .. }), "{e}");
    }
    next.expect("the connection answered its next statement")
        .unwrap();
    db.block_on(pool.close());
}

/// The count of changed rows a statement returns is the rows it changed
/// itself, on every backend and through every executor: not the rows a
/// cascade or a trigger changed after it (SQLite's `total_changes`), and
/// not a count left over from an earlier statement.
fn changed_rows_are_the_statements_own(db: &Db) {
    let setup = [
        "CREATE TABLE chg_parent (id INTEGER PRIMARY KEY)",
        "CREATE TABLE chg_child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES chg_parent (id) ON DELETE CASCADE)",
        "CREATE TABLE chg_log (x INTEGER)",
        "INSERT INTO chg_parent VALUES (1), (2)",
        "INSERT INTO chg_child VALUES (1, 1), (2, 1), (3, 1)",
    ];
    let delete = "DELETE FROM chg_parent WHERE id = 1";
    if db.backend() != Backend::Sqlite {
        for sql in setup {
            db.execute(sql, &[]).unwrap();
        }
        assert_eq!(db.execute(delete, &[]).unwrap(), 1, "{delete}");
        let none = "UPDATE chg_parent SET id = id WHERE id = 99";
        assert_eq!(db.execute(none, &[]).unwrap(), 0, "{none}");
        return;
    }
    let trigger =
        "CREATE TRIGGER chg_t AFTER DELETE ON chg_parent BEGIN INSERT INTO chg_log VALUES (1); END";
    let sync = Sqlite::open_in_memory().unwrap();
    sync.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    for sql in setup {
        sync.execute(sql, &[]).unwrap();
    }
    // A trigger's body holds `;`: a batch, not one statement.
    sync.execute_batch(trigger).unwrap();
    assert_eq!(sync.execute(delete, &[]).unwrap(), 1);
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(async {
        let adb = AsyncSqlite::open_in_memory().unwrap();
        adb.with(|d| d.execute_batch("PRAGMA foreign_keys = ON"))
            .await
            .unwrap();
        for sql in setup {
            (&adb).execute_statement(sql, &[]).await.unwrap();
        }
        adb.with(move |d| d.execute_batch(trigger)).await.unwrap();
        // Three children cascaded, one log row from the trigger: 1 is the
        // DELETE's own.
        assert_eq!((&adb).execute_statement(delete, &[]).await.unwrap(), 1);
        // DDL after it changes nothing, though SQLite still reports the
        // DELETE's count as the last change.
        assert_eq!(
            (&adb)
                .execute_statement("CREATE INDEX chg_i ON chg_child (parent)", &[])
                .await
                .unwrap(),
            0
        );
        let left = adb
            .with(|d| {
                Ok(d.connection()
                    .query_row("SELECT COUNT(*) FROM chg_child", [], |r| r.get::<_, i64>(0)))
            })
            .await
            .unwrap();
        assert_eq!(left.unwrap(), 0, "the cascade ran");
    });
}

/// `raw` and `execute_statement` given more or fewer parameters than the
/// SQL has placeholders: an error naming both counts and the statement,
/// and the connection the caller holds answers its next statement (sqlx's
/// MySQL driver, sent such a statement, waits forever for an answer).
/// Counted outside quotes and comments: a `?` in a string is no
/// placeholder.
fn wrong_parameter_counts_leave_the_connection_usable(db: &Db) {
    blog::seed(db, 3).unwrap();
    let tags = tag_count(db) as i64;
    let one = db.sql(r#"SELECT "id", "name" FROM "blog_tag" WHERE "id" = ? AND "name" <> '?'"#);
    let Some(pool) = db.new_pool(1, &[]) else {
        // SQLite: rusqlite says so itself.
        let err = db.raw::<Tag>(&one, &[]).unwrap_err();
        assert!(err.to_string().contains("blog_tag"), "{err}");
        assert_eq!(db.raw::<Tag>(&one, &[Value::I64(1)]).unwrap().len(), 1);
        return;
    };
    let outcome = db.block_on(async {
        on_pool!(&pool, |p| {
            let mut conn = p.acquire().await.unwrap();
            let none = (&mut *conn).raw::<Tag>(&one, &[]).await.map(|r| r.len());
            let two = (&mut *conn)
                .execute_statement(&one, &[Value::I64(1), Value::I64(2)])
                .await;
            let count = caller_counts_tags(&mut *conn).await;
            let right = tokio::time::timeout(
                Duration::from_secs(20),
                (&mut *conn).raw::<Tag>(&one, &[Value::I64(1)]),
            )
            .await
            .map(|r| r.map(|r| r.len()));
            (none, two, count, right)
        })
    });
    let (none, two, count, right) = outcome;
    for (err, given) in [(none.unwrap_err(), 0), (two.unwrap_err(), 2)] {
        let text = err.to_string();
        assert!(
            text.contains("has 1 placeholder(s)")
                && text.contains(&format!("{given} parameter(s) were given"))
                && text.contains("blog_tag"),
            "{text}"
        );
        assert!(!matches!(err, Error::ConnectionLost { .. }), "{err}");
    }
    let count = count.expect("the connection answered its next statement");
    assert_eq!(count.unwrap(), tags);
    assert_eq!(right.expect("the next load answered").unwrap(), 1);
    assert_clean(db, &pool);
    db.block_on(pool.close());
}

// ---------------------------------------------------------------------------
// Errors that say what happened.

/// Every connection of a pool is busy for the whole wait: the error says
/// so, with the wait, rather than "cannot connect: pool timed out".
fn busy_pool_says_so(db: &Db) {
    blog::seed(db, 3).unwrap();
    let _guard = server::runtime().enter();
    let wait = Duration::from_millis(300);
    let pool = match db.new_pool(1, &[]).unwrap() {
        Pool::Postgres(p) => Pool::Postgres(
            PgPoolOptions::new()
                .max_connections(1)
                .acquire_timeout(wait)
                .connect_lazy_with((*p.connect_options()).clone()),
        ),
        Pool::Mysql(p) => Pool::Mysql(
            MySqlPoolOptions::new()
                .max_connections(1)
                .acquire_timeout(wait)
                .connect_lazy_with((*p.connect_options()).clone()),
        ),
    };
    let err = db.block_on(async {
        on_pool!(&pool, |p| {
            let held = p.acquire().await.unwrap();
            let err = posts_with_tags().all_async(p).await.unwrap_err();
            drop(held);
            err
        })
    });
    let text = err.to_string();
    assert!(
        text.contains("no connection of the pool was free within 300 ms"),
        "{text}"
    );
    assert!(!text.contains("pool timed out"), "{text}");
    let posts = db.block_on(pool.all(&posts_with_tags())).unwrap();
    assert_eq!(posts.len(), 3, "free again");
    db.block_on(pool.close());
}

/// An error about a statement of 100,000 values shows a short message;
/// the whole statement stays reachable through `Error::statement`.
fn long_statements_stay_readable_in_errors(db: &Db) {
    blog::seed(db, 3).unwrap();
    let sql = db.sql(&format!(
        "SELECT * FROM \"blog_tag\" WHERE \"id\" IN ({}) AND \"id\" IN (SELECT 1 FROM \"nope\")",
        (0..100_000)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    let err = db.raw::<Tag>(&sql, &[]).unwrap_err();
    let text = err.to_string();
    assert!(text.len() < 2_000, "{} bytes: {}", text.len(), &text[..300]);
    assert!(text.contains("characters left out"), "{text}");
    assert!(
        text.contains("FROM \"nope\")") || text.contains("FROM `nope`)"),
        "the tail: {text}"
    );
    assert_eq!(
        err.statement(),
        Some(sql.as_str()),
        "the whole text is kept"
    );
    // A load whose key list is long: its error is as short.
    db.execute(&db.sql(r#"DROP TABLE "blog_post_tags""#), &[])
        .unwrap();
    db.execute(&db.sql(r#"DROP TABLE "blog_post""#), &[])
        .unwrap();
    let keys: Vec<i64> = (0..100_000).collect();
    let query = Post::query()
        .filter(Post::id().is_in(keys))
        .prefetch_related(Post::tags());
    let (result, sent) = db.capture(|| db.all(&query));
    let err = match result {
        Err(e) => e,
        Ok(rows) => panic!(
            "{} rows from a dropped table; sent: {:?}",
            rows.len(),
            sent.iter()
                .map(|s| s.sql.chars().take(200).collect::<String>())
                .collect::<Vec<_>>()
        ),
    };
    assert!(
        err.to_string().len() < 2_000,
        "{} bytes",
        err.to_string().len()
    );
    let full = err.statement().expect("the statement");
    assert!(full.len() > 600 || !err.to_string().contains("left out"));
}

/// A write of several statements (`insert_all` past the parameter limit:
/// two INSERTs of 65,535 parameters at most) dropped at every delay on a
/// pool: it commits all its rows or none, never a part; no session is left
/// in a transaction; and the pool's next write and load work.
fn cancelled_insert_all_is_all_or_nothing(db: &Db) {
    blog::seed(db, 0).unwrap();
    let pool = db.new_pool(1, &[]).expect("a server");
    let count = || db.count(&Tag::query()).expect("count tags");
    let n: u64 = 40_000;
    let mut cut_mid_way = 0;
    let tags = |base: i64| -> Vec<Tag> {
        (0..n as i64)
            .map(|k| Tag {
                id: base + k,
                name: format!("tag {k}"),
                posts: Default::default(),
            })
            .collect()
    };
    for (i, delay) in delays().into_iter().enumerate() {
        let rows = tags((i as i64 + 1) * 1_000_000);
        let before = count();
        let log = related::StatementLog::new();
        let cut = db.block_on(async {
            let write = on_pool!(&pool, |p| related::Logged::new(p, &log).insert_all(&rows));
            tokio::time::timeout(delay, write).await
        });
        let settled = db.block_on(no_transaction_within(db, Duration::from_secs(10)));
        assert!(
            settled,
            "cut at {delay:?}: a session was still in a transaction 10 s after the drop"
        );
        let added = count() - before;
        match cut {
            Ok(done) => {
                done.unwrap_or_else(|e| panic!("uncut at {delay:?}: the write failed: {e}"));
                assert_eq!(added, n, "uncut at {delay:?}: every row");
            }
            Err(_) => {
                assert!(
                    added == 0 || added == n,
                    "cut at {delay:?}: {added} of {n} rows committed"
                );
                cut_mid_way += usize::from(added == 0);
            }
        }
        assert_clean(db, &pool);
    }
    assert!(cut_mid_way >= 3, "the sweep cut writes ({cut_mid_way} cut)");

    // Cut right after the first INSERT has run (the log counts it), while
    // the second runs: the first one's rows are rolled back with it.
    let rows = tags(900_000_000);
    let before = count();
    let log = related::StatementLog::new();
    let finished = db.block_on(async {
        let mut write = on_pool!(&pool, |p| related::Logged::new(p, &log).insert_all(&rows));
        loop {
            match tokio::time::timeout(Duration::from_millis(1), &mut write).await {
                Ok(result) => break Some(result),
                Err(_) if log.count() >= 1 => break None,
                Err(_) => {}
            }
        }
    });
    assert!(
        db.block_on(no_transaction_within(db, Duration::from_secs(10))),
        "a session was still in a transaction 10 s after the drop"
    );
    match finished {
        None => assert_eq!(count(), before, "the first INSERT's rows were rolled back"),
        // Both statements and the commit ran within the last millisecond.
        Some(result) => {
            result.unwrap();
            assert_eq!(count(), before + n);
        }
    }
    assert_clean(db, &pool);
    // The pool still writes and loads.
    let last = Tag {
        id: 999_999,
        name: "after".to_owned(),
        posts: Default::default(),
    };
    db.block_on(on_pool!(&pool, |p| p.insert_all(&[last])))
        .unwrap();
    let one = Tag::query().filter(Tag::name().eq("after"));
    let found = db.block_on(on_pool!(&pool, |p| one.all_async(p))).unwrap();
    assert_eq!(found.len(), 1);
    db.block_on(pool.close());
}

/// `insert_all` and `link_all` inside a transaction of the caller's take a
/// savepoint there: a write that fails half-way (here its second INSERT
/// meets a key already stored) or whose future is dropped half-way undoes
/// its own rows and only those; the caller's transaction goes on and
/// commits the caller's own rows (on PostgreSQL the failure no longer
/// aborts it). On `AsyncSqlite` a write is one INSERT a row, so a failure
/// on the third row is half-way too.
fn writes_in_the_callers_transaction_are_all_or_nothing(db: &Db) {
    let ids = |range: std::ops::RangeInclusive<i64>| range.map(tag).collect::<Vec<_>>();
    if db.backend() == Backend::Sqlite {
        let file = TempDb::new("callers_writes");
        let sync = Db::from_sqlite(file.open());
        blog::seed(&sync, 0).unwrap();
        sync.insert_all(&[tag(1003)]).unwrap();
        drop(sync);
        let adb = AsyncSqlite::open(&file.0).unwrap();
        let failed = server::block_on(async {
            adb.execute_statement("BEGIN", &[]).await.unwrap();
            adb.insert_all(&[tag(1100)]).await.unwrap();
            let failed = adb.insert_all(&ids(1001..=1005)).await;
            adb.insert_all(&[tag(1200)]).await.unwrap();
            adb.execute_statement("COMMIT", &[]).await.unwrap();
            failed
        });
        assert!(failed.is_err(), "tag 1003 is stored already");
        let left: Vec<i64> = server::block_on(Tag::query().all_async(&adb))
            .unwrap()
            .iter()
            .map(|t| t.id)
            .filter(|id| *id > 1000)
            .collect();
        assert_eq!(
            left,
            [1003, 1100, 1200],
            "the failed write left none of its rows"
        );
        return;
    }

    blog::seed(db, 0).unwrap();
    let n: i64 = 40_000;
    let stored = || -> Vec<i64> {
        let mut ids: Vec<i64> = db
            .all(&Tag::query())
            .unwrap()
            .iter()
            .map(|t| t.id)
            // Not the blog's own tags, 1 to 8.
            .filter(|id| !(1..=8).contains(id))
            .collect();
        ids.sort_unstable();
        ids
    };
    db.insert_all(&[tag(n)]).unwrap();
    let pool = db.new_pool(1, &[]).expect("a server");
    // A failure, in the driver's transaction (`pool.begin()`): two INSERTs
    // of at most 65,535 parameters; the second meets tag `n`.
    let rows = ids(9..=n);
    let failed = db.block_on(async {
        on_pool!(&pool, |p| {
            let mut tx = p.begin().await.unwrap();
            (&mut tx).insert_all(&[tag(-1)]).await.unwrap();
            let failed = (&mut tx).insert_all(&rows).await;
            // The caller's transaction is still usable after the failure.
            (&mut tx).insert_all(&[tag(-2)]).await.unwrap();
            tx.commit().await.unwrap();
            failed
        })
    });
    assert!(failed.is_err(), "tag {n} is stored already");
    assert_eq!(
        stored(),
        [-2, -1, n],
        "the failed write left none of its rows"
    );
    assert_clean(db, &pool);

    // A write of ONE statement that fails in the driver's transaction: on
    // PostgreSQL it takes a savepoint too, so the transaction goes on
    // (there a failed statement aborts it); elsewhere the statement undoes
    // itself. And a savepoint of the caller's named as the library's used
    // to be (`related_write`) survives a write of several statements: MySQL
    // replaces a savepoint of the same name.
    let many = ids(2_000_001..=2_000_000 + n);
    let (failed, back) = db.block_on(async {
        on_pool!(&pool, |p| {
            let mut tx = p.begin().await.unwrap();
            let failed = (&mut tx).insert_all(&[tag(-4), tag(n)]).await;
            (&mut tx).insert_all(&[tag(-5)]).await.unwrap();
            (&mut tx)
                .execute_statement("SAVEPOINT related_write", &[])
                .await
                .unwrap();
            (&mut tx).insert_all(&many).await.unwrap();
            let back = (&mut tx)
                .execute_statement("ROLLBACK TO SAVEPOINT related_write", &[])
                .await;
            tx.commit().await.unwrap();
            (failed, back)
        })
    });
    assert!(failed.is_err(), "tag {n} is stored already");
    back.expect("the caller's savepoint is still there");
    assert_eq!(
        stored(),
        [-5, -2, -1, n],
        "the failed write left nothing, the rolled-back one nothing"
    );
    assert_clean(db, &pool);

    // A cut, in a transaction the caller opened with SQL on a connection
    // it holds: the future dropped once the first INSERT has run.
    let rows = ids(1_000_001..=1_000_000 + n);
    let log = related::StatementLog::new();
    let finished = db.block_on(async {
        on_pool!(&pool, |p| {
            let mut conn = p.acquire().await.unwrap();
            (&mut conn).execute_statement("BEGIN", &[]).await.unwrap();
            let finished = {
                let mut write = related::Logged::new(&mut conn, &log).insert_all(&rows);
                loop {
                    match tokio::time::timeout(Duration::from_millis(1), &mut write).await {
                        Ok(result) => break Some(result),
                        Err(_) if log.count() >= 1 => break None,
                        Err(_) => {}
                    }
                }
            };
            (&mut conn).insert_all(&[tag(-3)]).await.unwrap();
            (&mut conn).execute_statement("COMMIT", &[]).await.unwrap();
            finished
        })
    });
    let after = stored();
    match finished {
        None => assert_eq!(
            after,
            [-5, -3, -2, -1, n],
            "the cut write left none of its rows"
        ),
        // Both INSERTs ran within the last millisecond.
        Some(result) => {
            result.unwrap();
            assert_eq!(after.len(), 5 + n as usize);
        }
    }
    assert_clean(db, &pool);

    // A cut once every INSERT has run, in the driver's transaction: the
    // write's RELEASE is in flight. Undoing then named a savepoint the
    // RELEASE had dropped, an error that aborted the caller's transaction
    // on PostgreSQL (its rows lost, its COMMIT a rollback). The write is
    // whole: it stays, and the caller's transaction goes on.
    let rows = ids(3_000_001..=3_000_000 + n);
    let log = related::StatementLog::new();
    let (cut, committed) = db.block_on(async {
        on_pool!(&pool, |p| {
            let mut tx = p.begin().await.unwrap();
            (&mut tx).insert_all(&[tag(-6)]).await.unwrap();
            let cut = {
                let mut write = related::Logged::new(&mut *tx, &log).insert_all(&rows);
                loop {
                    match tokio::time::timeout(Duration::from_millis(1), &mut write).await {
                        Ok(result) => break result.map(|_| false),
                        Err(_) if log.count() >= 2 => break Ok(true),
                        Err(_) => {}
                    }
                }
            };
            let after = (&mut tx).insert_all(&[tag(-7)]).await;
            (cut, after.and(Ok(tx.commit().await)))
        })
    });
    cut.unwrap();
    committed
        .expect("the caller's transaction goes on after the cut write")
        .expect("and commits");
    let after = stored();
    assert!(
        after.contains(&-6) && after.contains(&-7),
        "the caller's rows are committed: {:?}",
        &after[..after.len().min(8)]
    );
    let written = after.iter().filter(|id| **id > 3_000_000).count();
    assert!(
        written == 0 || written == n as usize,
        "the cut write is all or nothing: {written} rows"
    );
    assert_clean(db, &pool);
    db.block_on(pool.close());
}

/// On a connection the caller holds, a load first asks whether a
/// transaction is open. When that question fails (here, inside a
/// transaction of the caller's that an error aborted), the error names the
/// load's own statement too, not only the question's SQL.
fn a_failed_transaction_question_names_the_load(db: &Db) {
    blog::seed(db, 0).unwrap();
    let pool = db.new_pool(1, &[]).expect("a server");
    let err = db.block_on(async {
        on_pool!(&pool, |p| {
            let mut conn = p.acquire().await.unwrap();
            (&mut *conn).execute_statement("BEGIN", &[]).await.unwrap();
            let _ = (&mut *conn).execute_statement("SELECT 1/0", &[]).await;
            let err = Post::query()
                .prefetch_related(Post::tags())
                .all_async(&mut *conn)
                .await
                .unwrap_err();
            (&mut *conn)
                .execute_statement("ROLLBACK", &[])
                .await
                .unwrap();
            err
        })
    });
    let shown = err.to_string();
    assert!(
        shown.contains("asked before the load's statement") && shown.contains("blog_post"),
        "{shown} {err:?}"
    );
    db.block_on(pool.close());
}

/// MySQL/MariaDB: a write inside the caller's transaction chosen as a
/// deadlock's victim loses the whole transaction (InnoDB rolls it back,
/// the caller's earlier statements with it). The error says so: the
/// caller's next statements would otherwise run outside any transaction.
fn a_deadlock_victim_is_told_its_transaction_is_gone(db: &Db) {
    blog::seed(db, 0).unwrap();
    let pool = db.new_pool(2, &[]).expect("a server");
    let Pool::Mysql(p) = &pool else {
        unreachable!("MySQL only")
    };
    let err = db.block_on(async {
        let mut heavy = p.acquire().await.unwrap();
        let mut light = p.acquire().await.unwrap();
        // The heavier transaction (more rows locked) is kept; the light
        // one, the library's write, is the victim.
        sqlx::query("BEGIN").execute(&mut *heavy).await.unwrap();
        // One row at a time, by key: a scan would lock tag 2 as well.
        for id in [1, 3, 4, 5, 6, 7, 8] {
            sqlx::query(related::sqlx::AssertSqlSafe(format!(
                "UPDATE blog_tag SET name = name WHERE id = {id}"
            )))
            .execute(&mut *heavy)
            .await
            .unwrap();
        }
        (&mut *light).execute_statement("BEGIN", &[]).await.unwrap();
        (&mut *light)
            .execute_statement("UPDATE blog_tag SET name = name WHERE id = 2", &[])
            .await
            .unwrap();
        let waiting = tokio::spawn(async move {
            let r = sqlx::query("UPDATE blog_tag SET name = name WHERE id = 2")
                .execute(&mut *heavy)
                .await;
            let _ = sqlx::query("ROLLBACK").execute(&mut *heavy).await;
            r
        });
        tokio::time::sleep(Duration::from_millis(300)).await;
        // Tag 1 is locked by the heavy transaction, which waits for tag 2.
        let err = (&mut *light)
            .insert_all(&[tag(1), tag(9)])
            .await
            .unwrap_err();
        let _ = (&mut *light).execute_statement("ROLLBACK", &[]).await;
        waiting.await.unwrap().unwrap();
        err
    });
    let shown = err.to_string();
    assert!(
        shown.contains("Deadlock") && shown.contains("rolled back the whole transaction"),
        "{shown}"
    );
    db.block_on(pool.close());
}
