//! The one async loop for the sqlx backends (PostgreSQL, MySQL/MariaDB):
//! take a connection, open the transaction the job asks for, send each
//! statement, hand each row to the job. `postgres.rs` and `mysql.rs` only
//! say how to bind a value, how to read a cell and how to begin.

use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use futures_core::stream::BoxStream;
use sqlx::{ConnectOptions, Connection, Either, Pool};

use crate::error::{Error, Result};
use crate::exec::async_exec::{AsyncExecutor, sealed::Sealed};
use crate::exec::executor::{Consistency, Job};
use crate::exec::settle;
use crate::model::value::Value;
use crate::observe::log::{StatementLog, trace, trace_control};
use crate::plan::sql::{Ctx, Statement};

/// The results of one statement as sqlx streams them.
pub(crate) type Results<'c, DB> = BoxStream<
    'c,
    std::result::Result<
        Either<<DB as sqlx::Database>::QueryResult, <DB as sqlx::Database>::Row>,
        sqlx::Error,
    >,
>;

/// What differs between the sqlx backends.
pub(crate) trait Backend: sqlx::Database + sqlx::database::HasStatementCache {
    const CTX: Ctx;

    /// Whether the driver, at a connection's next statement, reads the
    /// answers it is still owed (the ROLLBACK a dropped transaction queued,
    /// the rest of a statement cut half-way). If not, a load dropped on a
    /// connection the caller holds sends its ROLLBACK and reads the answer
    /// before the caller gets the connection back. The rest of a cut
    /// statement is read in the drop on every backend (`Reading`).
    const RESUMES_CUT_STATEMENT: bool;

    /// Whether a failed statement aborts the transaction it ran in
    /// (PostgreSQL: every later statement is refused until a rollback).
    /// There a write of one statement inside the caller's transaction
    /// takes a savepoint too; elsewhere one statement is undone by itself.
    const FAILURE_ABORTS_TRANSACTION: bool;

    /// The statement that opens a transaction of this kind.
    fn begin(consistency: Consistency) -> &'static str;

    /// What the load asks the server before it opens a transaction of
    /// this kind on a connection the driver believes idle (a plain `BEGIN`
    /// sent as SQL is invisible to the driver's own bookkeeping): the SQL
    /// of a query whose one integer says whether a transaction is open, or
    /// None when the begin statement itself is refused inside a transaction
    /// (see [`Backend::refused_in_transaction`]). `owned`: the connection
    /// is the load's own (taken from a pool for it, and closed if the load
    /// is dropped half-way).
    fn transaction_probe(consistency: Consistency, owned: bool) -> Option<&'static str>;

    /// On a connection of the load's own only: one plain-text message that
    /// opens the transaction and then answers, as one integer, whether a
    /// transaction was already open before it (the probe and the begin in
    /// one round trip), or None to ask first and begin after. See
    /// `run_own_probed` for why this is for the load's own connections.
    fn begin_probing(consistency: Consistency) -> Option<&'static str>;

    /// Whether `e`, the error of [`Backend::begin_probing`]'s message, says
    /// that a transaction was already open and refused the begin's
    /// options (the server has then aborted it).
    fn refused_by_open_transaction(e: &sqlx::Error) -> bool;

    /// Whether `e`, the error of the begin statement, says a transaction
    /// is already open (and the statement changed nothing).
    fn refused_in_transaction(e: &sqlx::Error) -> bool;

    /// Whether `e` says a prepared statement the connection cached no
    /// longer fits the table it reads (a column changed type): the cache
    /// must be cleared, and the statement may be sent again.
    fn stale_statement(e: &sqlx::Error) -> bool;

    /// Whether a database error says the server is closing the session.
    fn closes_connection(e: &dyn sqlx::error::DatabaseError) -> bool;

    /// What the server did to the transaction the failed statement ran in,
    /// when it is more than the statement (MySQL's deadlock victim loses
    /// its whole transaction, a caller's included): said in the error.
    fn ended_transaction(_e: &dyn sqlx::error::DatabaseError) -> Option<&'static str> {
        None
    }

    /// Bind `params`, or say why one cannot be bound.
    fn arguments(params: Vec<Value>) -> std::result::Result<Self::Arguments, String>;

    /// Whether the prepared statement may be cached for the SQL text alone
    /// (its parameter types must not depend on the values).
    fn cacheable(params: &[Value]) -> bool;

    /// Send one statement: prepared with `args`, or as plain text without.
    fn send<'c>(
        conn: &'c mut Self::Connection,
        sql: Arc<str>,
        args: Option<Self::Arguments>,
        persistent: bool,
    ) -> Results<'c, Self>;

    fn rows_affected(result: &Self::QueryResult) -> u64;

    /// Hand one row to the job through this backend's `RawRow`.
    fn accept(row: &Self::Row, job: &mut dyn Job) -> Result<()>;
}

/// A failure of the driver while running `statement` on a connection it
/// had.
pub(crate) fn driver_error<DB: Backend>(e: sqlx::Error, statement: &str) -> Error {
    match e {
        sqlx::Error::Io(io) => {
            use std::io::ErrorKind::*;
            let message = match io.kind() {
                UnexpectedEof | ConnectionReset | ConnectionAborted | BrokenPipe => format!(
                    "the server closed the connection during the statement ({io}); \
                     its outcome is unknown and the server rolled back the session's transaction"
                ),
                _ => format!("the connection failed during the statement: {io}"),
            };
            Error::ConnectionLost {
                message,
                statement: statement.to_owned(),
                source: Some(Box::new(io)),
            }
        }
        sqlx::Error::Tls(_) | sqlx::Error::Protocol(_) | sqlx::Error::WorkerCrashed => {
            Error::ConnectionLost {
                message: format!("the connection failed during the statement: {e}"),
                statement: statement.to_owned(),
                source: Some(Box::new(e)),
            }
        }
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => connect_error(e, statement),
        sqlx::Error::Database(db) => {
            let mut message = match db.code() {
                Some(code) => format!("{} (SQLSTATE {code})", db.message()),
                None => db.message().to_owned(),
            };
            if let Some(ended) = DB::ended_transaction(&*db) {
                message.push_str("; ");
                message.push_str(ended);
            }
            if DB::closes_connection(&*db) {
                return Error::ConnectionLost {
                    message: format!(
                        "the server closed the connection during the statement: {message}"
                    ),
                    statement: statement.to_owned(),
                    source: Some(db),
                };
            }
            Error::Database {
                message,
                statement: statement.to_owned(),
                source: Some(db),
            }
        }
        other => Error::Database {
            message: other.to_string(),
            statement: statement.to_owned(),
            source: Some(Box::new(other)),
        },
    }
}

/// No connection to run `statement` on (refused, authentication, pool
/// timeout).
pub(crate) fn connect_error(e: sqlx::Error, statement: &str) -> Error {
    Error::Connect {
        message: format!("{e}; statement: {}", crate::error::shorten(statement)),
        source: Some(Box::new(e)),
    }
}

/// The pool had connections, all of them busy for the whole wait.
fn pool_busy<DB: Backend>(pool: &Pool<DB>, e: sqlx::Error, statement: &str) -> Error {
    let waited = pool.options().get_acquire_timeout();
    Error::Connect {
        message: format!(
            "no connection of the pool was free within {} ms (all {} of at most {} in use; \
             the pool's acquire_timeout); statement: {}",
            waited.as_millis(),
            pool.size(),
            pool.options().get_max_connections(),
            crate::error::shorten(statement)
        ),
        source: Some(Box::new(e)),
    }
}

/// Why a pool gave no connection. A pool retries a refused connection until
/// its acquire timeout and then only says it timed out; when it holds no
/// connection at all, one direct attempt finds the cause to report.
async fn acquire_error<DB: Backend>(pool: &Pool<DB>, e: sqlx::Error, statement: &str) -> Error {
    if !matches!(e, sqlx::Error::PoolTimedOut) {
        return connect_error(e, statement);
    }
    if pool.size() > 0 {
        return pool_busy(pool, e, statement);
    }
    let attempt = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        pool.connect_options().connect(),
    )
    .await;
    match attempt {
        Ok(Err(cause)) => Error::Connect {
            message: format!(
                "{e}: no connection could be opened: {cause}; statement: {}",
                crate::error::shorten(statement)
            ),
            source: Some(Box::new(cause)),
        },
        Ok(Ok(conn)) => {
            // The server is fine; the pool was just busy.
            let _ = conn.close().await;
            pool_busy(pool, e, statement)
        }
        Err(_) => connect_error(e, statement),
    }
}

fn record(log: Option<&StatementLog>, sql: &str, params: usize, rows: usize, start: Instant) {
    match log {
        Some(log) => log.record(sql, params, rows, start.elapsed()),
        None => trace(sql, params, rows, start.elapsed()),
    }
}

/// One statement's results. With `drain`, a load dropped while it waits
/// for them reads them to their end before the drop returns. sqlx's MySQL
/// driver reads a packet's 4-byte header and then its body in two steps,
/// and a drop between the two loses the header, so the connection's next
/// statement would read the body as a header and wait for bytes that never
/// come. Read to the end, the connection is at a packet boundary again.
/// sqlx's PostgreSQL driver does read the rest at the next statement, but
/// an error the server sent for the cut statement (its statement or lock
/// timeout) then comes back as the result of that next statement, the
/// caller's: read here, it is the load's and goes with it.
struct Reading<'c, 'd, DB: Backend> {
    stream: Results<'c, DB>,
    drain: Drain<'d>,
    waiting: bool,
}

/// Whether (and within which wait) a dropped load reads what it left
/// unread: on a connection the caller holds, `Some` of the load's one
/// [`settle::Budget`].
type Drain<'d> = Option<&'d settle::Budget>;

impl<'c, 'd, DB: Backend> Reading<'c, 'd, DB> {
    fn new(stream: Results<'c, DB>, drain: Drain<'d>) -> Self {
        Reading {
            stream,
            drain,
            waiting: false,
        }
    }

    async fn next(&mut self) -> Option<<Results<'c, DB> as futures_core::Stream>::Item> {
        // A drop while the driver waits for bytes is what can cut a
        // packet; after an item the stream stands between packets.
        self.waiting = true;
        let item = std::future::poll_fn(|cx| self.stream.as_mut().poll_next(cx)).await;
        self.waiting = false;
        item
    }

    /// Read the rest, where the driver would not at its next statement
    /// (the job refused a row: its error ends the load).
    async fn finish(&mut self) {
        if self.drain.is_some() {
            self.waiting = true;
            settle::drain(&mut self.stream).await;
            self.waiting = false;
        }
    }
}

impl<DB: Backend> Drop for Reading<'_, '_, DB> {
    fn drop(&mut self) {
        if self.waiting
            && let Some(budget) = self.drain
        {
            settle::waiting(settle::drain(&mut self.stream), budget);
        }
    }
}

/// Run `job` (whose first statement is `first`) on `conn`, in the
/// transaction it asks for unless the server says `conn` is already in one:
/// then in that one, which the job never ends. `close` is set when the load
/// leaves a connection of its own in a state it cannot name: the caller
/// closes it instead of handing it back to the pool.
pub(crate) async fn run_on<DB: Backend, J: Job>(
    conn: &mut DB::Connection,
    job: &mut J,
    first: Statement,
    log: Option<&StatementLog>,
    owned: bool,
    close: &mut bool,
) -> Result<u64> {
    // A connection the caller holds is handed back the moment a dropped
    // load's future is gone: whatever the load left unread must be read
    // first (`Reading`). A connection of the load's own is closed instead.
    let budget = settle::Budget::default();
    let drain = (!owned).then_some(&budget);
    let consistency = job.consistency();
    if consistency == Consistency::None {
        // A write of one statement in the driver's transaction (`&mut
        // *tx`), on PostgreSQL: a savepoint keeps a failure from aborting
        // that transaction. (Inside a `BEGIN` sent as SQL the driver does
        // not know of it; asking would cost every write a round trip.)
        if DB::FAILURE_ABORTS_TRANSACTION && job.__undo_in_callers() && conn.is_in_transaction() {
            return inside_callers::<DB, J>(conn, job, first, log, owned, &budget).await;
        }
        // One statement: no transaction to open. If it fails on a stale
        // cached statement it may be sent again: it ran on its own, or
        // inside a transaction of the caller's that the failure aborted
        // (then the second attempt fails and the first error is reported).
        return run_statements::<DB, J>(conn, job, first, log, true, drain).await;
    }
    if conn.is_in_transaction() {
        // The driver's own transaction (`&mut *tx`): the server is in it.
        return inside_callers::<DB, J>(conn, job, first, log, owned, &budget).await;
    }
    if owned && let Some(message) = DB::begin_probing(consistency) {
        return run_own_probed::<DB, J>(conn, job, first, log, message, close).await;
    }
    if let Some(probe) = DB::transaction_probe(consistency, owned) {
        let start = Instant::now();
        // Its error names the load's first statement too: the probe's SQL
        // alone would not say which load failed.
        let open = in_transaction::<DB>(conn, probe, drain)
            .await
            .map_err(|e| e.asked_before(&first.sql))?;
        trace_control(probe, start.elapsed());
        if open {
            return inside_callers::<DB, J>(conn, job, first, log, owned, &budget).await;
        }
    }
    let begin = DB::begin(consistency);
    let start = Instant::now();
    // sqlx's Transaction rolls back when dropped, but only by queueing a
    // ROLLBACK for the connection's next use, and not at all if dropped
    // during its BEGIN: on a connection the caller holds, `OwnTransaction`
    // ends it before the drop returns (a pool's connection is closed
    // instead, see `CloseUnlessFinished`).
    let mut own = OwnTransaction::<DB> {
        conn,
        state: TxState::Beginning,
        held: !owned,
        budget: &budget,
    };
    let begun = own.conn.begin_with(sqlx::SqlStr::from_static(begin)).await;
    if let Err(e) = &begun
        && DB::refused_in_transaction(e)
    {
        // The caller's transaction: run inside it.
        drop(begun);
        own.state = TxState::None;
        return inside_callers::<DB, J>(own.conn, job, first, log, owned, &budget).await;
    }
    let mut tx = match begun {
        Ok(tx) => tx,
        Err(e) => {
            own.state = TxState::None;
            return Err(driver_error::<DB>(e, begin));
        }
    };
    own.state = TxState::Open;
    trace_control(begin, start.elapsed());
    let result = run_statements::<DB, J>(&mut tx, job, first, log, false, drain).await;
    let start = Instant::now();
    let outcome = match result {
        Ok(n) => match tx.commit().await {
            Ok(()) => {
                trace_control("COMMIT", start.elapsed());
                Ok(n)
            }
            Err(e) => Err(driver_error::<DB>(e, "COMMIT")),
        },
        Err(e) => {
            // The statement's error is the one to report; if the rollback
            // fails too the connection is broken and the pool drops it.
            let _ = tx.rollback().await;
            trace_control("ROLLBACK", start.elapsed());
            Err(e)
        }
    };
    own.state = TxState::None;
    outcome
}

/// Run `job` on a connection the load took from a pool for itself, opening
/// its transaction and asking whether one was already open in the same
/// message (`DB::begin_probing`): one round trip fewer than asking first.
///
/// Asking after the begin is only right on a connection the caller does
/// not hold. On PostgreSQL a `START TRANSACTION` with options inside an
/// open transaction only warns, but it still applies its options to that
/// transaction: it makes it `REPEATABLE READ, READ ONLY`, or, if a query
/// already ran in it, fails and aborts it. A caller holding the connection
/// in a transaction is asked first (`transaction_probe`). A pool connection
/// is in a transaction only if someone handed it back inside a `BEGIN` sent
/// as SQL; then:
/// - no query had run in that transaction: the answer says it was open, the
///   load runs inside it and ends nothing, as on a held connection (the
///   transaction is now read-only: a write in it later fails, it does not
///   go through silently);
/// - a query had run: the server refuses the begin and aborts that
///   transaction. The load fails and says why, and the connection is
///   closed: an aborted transaction can only be rolled back, so closing it
///   loses nothing that could still commit, and the pool is not left with
///   a connection on which every statement fails.
///
/// If the load is dropped half-way, the pool connection is closed (see
/// `CloseUnlessFinished`), which ends everything: no guard is needed here.
/// So is one whose message failed any other way (its begin may have run
/// and left a transaction open, aborted by the failure after it): `close`.
async fn run_own_probed<DB: Backend, J: Job>(
    conn: &mut DB::Connection,
    job: &mut J,
    first: Statement,
    log: Option<&StatementLog>,
    message: &'static str,
    close: &mut bool,
) -> Result<u64> {
    let start = Instant::now();
    let was_open = match ask::<DB>(conn, message).await {
        Ok(was_open) => was_open,
        Err(Asked::Driver(e)) if DB::refused_by_open_transaction(&e) => {
            *close = true;
            return Err(Error::Database {
                message: format!(
                    "the pool's connection was already inside a transaction in which a query \
                     had run (a BEGIN sent as SQL through the pool and never ended?); the \
                     server refused the load's read-only snapshot transaction and aborted \
                     that one (the connection is closed): {e}"
                ),
                statement: message.to_owned(),
                source: Some(Box::new(e)),
            });
        }
        Err(Asked::Driver(e)) => {
            *close = true;
            return Err(driver_error::<DB>(e, message));
        }
        Err(Asked::Final(e)) => {
            *close = true;
            return Err(e);
        }
    };
    trace_control(message, start.elapsed());
    if was_open {
        // Not the load's transaction: run inside it and end nothing (a
        // write in a savepoint of it, as on a connection the caller holds).
        let budget = settle::Budget::default();
        return inside_callers::<DB, J>(conn, job, first, log, true, &budget).await;
    }
    let result = run_statements::<DB, J>(conn, job, first, log, false, None).await;
    let start = Instant::now();
    match result {
        Ok(n) => match plain::<DB>(conn, "COMMIT").await {
            Ok(()) => {
                trace_control("COMMIT", start.elapsed());
                Ok(n)
            }
            Err(e) => {
                // Whether the transaction ended is not known: close.
                *close = true;
                Err(driver_error::<DB>(e, "COMMIT"))
            }
        },
        Err(e) => {
            // The statement's error is the one to report; if the rollback
            // fails too, the connection is closed.
            if plain::<DB>(conn, "ROLLBACK").await.is_err() {
                *close = true;
            }
            trace_control("ROLLBACK", start.elapsed());
            Err(e)
        }
    }
}

/// Send `sql` as plain text and read its answer to the end.
async fn plain<DB: Backend>(
    conn: &mut DB::Connection,
    sql: &str,
) -> std::result::Result<(), sqlx::Error> {
    let mut stream = DB::send(conn, Arc::from(sql), None, false);
    while let Some(item) = std::future::poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
        item?;
    }
    Ok(())
}

/// The savepoint a write takes inside a transaction of the caller's: a name
/// of its own for each write, since MySQL replaces a savepoint of the same
/// name (one of the caller's would be gone after the write's RELEASE).
struct SavepointSql {
    take: String,
    release: String,
    /// Back to it and drop it, in one message: a drop that cannot wait
    /// writes both at once.
    undo: String,
}

impl SavepointSql {
    fn next() -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("related_write_{n}");
        SavepointSql {
            take: format!("SAVEPOINT {name}"),
            release: format!("RELEASE SAVEPOINT {name}"),
            undo: format!("ROLLBACK TO SAVEPOINT {name}; RELEASE SAVEPOINT {name}"),
        }
    }
}

/// Run `job` inside the transaction the caller holds, which it never ends.
/// Writes that belong together (`Consistency::Atomic`: `insert_all`,
/// `link_all`) take a savepoint there: a failure, or the call's future
/// dropped half-way, undoes their own rows and only those, and leaves the
/// caller's transaction usable (on PostgreSQL a failed statement would
/// otherwise abort it; on MySQL the statements before it would stay, to be
/// committed by the caller). Reads need none.
async fn inside_callers<DB: Backend, J: Job>(
    conn: &mut DB::Connection,
    job: &mut J,
    first: Statement,
    log: Option<&StatementLog>,
    owned: bool,
    budget: &settle::Budget,
) -> Result<u64> {
    let drain = (!owned).then_some(budget);
    if !job.__undo_in_callers() {
        return run_statements::<DB, J>(conn, job, first, log, false, drain).await;
    }
    let sql = SavepointSql::next();
    let start = Instant::now();
    let mut point = OwnSavepoint::<DB> {
        conn,
        open: true,
        releasing: false,
        held: !owned,
        budget,
        undo: &sql.undo,
    };
    if let Err(e) = plain::<DB>(point.conn, &sql.take).await {
        // Not taken (the server refused it, or the connection broke): a
        // ROLLBACK TO would fail as well.
        point.open = false;
        return Err(driver_error::<DB>(e, &sql.take));
    }
    trace_control(&sql.take, start.elapsed());
    let result = run_statements::<DB, J>(point.conn, job, first, log, false, drain).await;
    let start = Instant::now();
    let outcome = match result {
        Ok(n) => {
            point.releasing = true;
            plain::<DB>(point.conn, &sql.release)
                .await
                .map(|()| n)
                .map_err(|e| driver_error::<DB>(e, &sql.release))
        }
        Err(e) => {
            // The write's error is the one to report.
            let _ = plain::<DB>(point.conn, &sql.undo).await;
            Err(e)
        }
    };
    trace_control(&sql.release, start.elapsed());
    point.open = false;
    outcome
}

/// A write's savepoint in the caller's transaction: if the write's future
/// is dropped before it ends, its rows are undone before the drop returns
/// (after the cut statement's rest is read, `Reading`), so the caller never
/// commits part of them. A connection of the load's own is closed instead.
struct OwnSavepoint<'c, 'd, DB: Backend> {
    conn: &'c mut DB::Connection,
    open: bool,
    /// Every statement of the write succeeded and its RELEASE may have
    /// been sent: the write is whole, and the savepoint may be gone.
    releasing: bool,
    held: bool,
    budget: &'d settle::Budget,
    undo: &'d str,
}

impl<DB: Backend> Drop for OwnSavepoint<'_, '_, DB> {
    fn drop(&mut self) {
        if !(self.open && self.held) {
            return;
        }
        if self.releasing {
            // A ROLLBACK TO after the RELEASE ran would name a savepoint
            // that is gone, an error that aborts the caller's transaction
            // on PostgreSQL. The write is whole either way: keep it, and
            // only read the RELEASE's answer (a savepoint the RELEASE never
            // reached ends with the caller's transaction, its rows kept).
            settle::waiting(self.conn.ping(), self.budget);
            return;
        }
        settle::waiting(plain::<DB>(self.conn, self.undo), self.budget);
    }
}

/// Where the load's own transaction is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TxState {
    /// Not open, or ended (or left to the connection's closing).
    None,
    /// BEGIN sent, its answer not read: the server may be in it.
    Beginning,
    /// Open; sqlx's `Transaction` queues a ROLLBACK if dropped.
    Open,
}

/// The load's own transaction on a connection the caller holds: if the
/// load is dropped before the transaction ends, its ROLLBACK reaches the
/// server before the drop returns, so the caller never finds the
/// connection inside the load's snapshot (PostgreSQL would keep it `idle
/// in transaction`, with its snapshot, until the caller's next statement;
/// one dropped during BEGIN would stay open under the caller's statements).
struct OwnTransaction<'c, 'd, DB: Backend> {
    conn: &'c mut DB::Connection,
    state: TxState,
    /// False on a connection the load owns: it is closed if the load is
    /// dropped, which ends everything.
    held: bool,
    /// The wait the load's drop has left (its cut statement's rest may
    /// have spent some).
    budget: &'d settle::Budget,
}

impl<DB: Backend> Drop for OwnTransaction<'_, '_, DB> {
    fn drop(&mut self) {
        if !self.held {
            return;
        }
        match self.state {
            TxState::None => {}
            // sqlx has queued the ROLLBACK (the `Transaction` is dropped
            // before this guard): write it now. Its answer the driver
            // reads at the next statement.
            TxState::Open if DB::RESUMES_CUT_STATEMENT => {
                settle::without_waiting(self.conn.ping());
            }
            // Nothing queued (dropped during BEGIN), or a driver that
            // cannot leave answers unread: send a ROLLBACK and read
            // everything up to its answer.
            TxState::Open | TxState::Beginning => {
                settle::waiting(rollback::<DB>(self.conn), self.budget);
            }
        }
    }
}

/// Send ROLLBACK and read its answer (and first whatever the connection
/// still had to read).
async fn rollback<DB: Backend>(conn: &mut DB::Connection) {
    let mut stream = DB::send(conn, Arc::from("ROLLBACK"), None, false);
    settle::drain(&mut stream).await;
}

/// How asking the server failed.
enum Asked {
    /// The driver's error, as it came.
    Driver(sqlx::Error),
    /// No answer could be read from the rows.
    Final(Error),
}

/// The server's answer to `probe` (one integer, 0 or 1): whether a
/// transaction is open.
async fn in_transaction<DB: Backend>(
    conn: &mut DB::Connection,
    probe: &'static str,
    drain: Drain<'_>,
) -> Result<bool> {
    let mut stream = Reading::<DB>::new(DB::send(conn, Arc::from(probe), None, false), drain);
    answer::<DB>(&mut stream, probe).await.map_err(|e| match e {
        Asked::Driver(e) => driver_error::<DB>(e, probe),
        Asked::Final(e) => e,
    })
}

/// [`in_transaction`] on a connection of the load's own (nothing to drain
/// for a caller), the driver's error kept as it came.
async fn ask<DB: Backend>(
    conn: &mut DB::Connection,
    probe: &'static str,
) -> std::result::Result<bool, Asked> {
    let mut stream = Reading::<DB>::new(DB::send(conn, Arc::from(probe), None, false), None);
    answer::<DB>(&mut stream, probe).await
}

/// Read the one-integer answer of `probe` from its results.
async fn answer<DB: Backend>(
    stream: &mut Reading<'_, '_, DB>,
    probe: &'static str,
) -> std::result::Result<bool, Asked> {
    struct Answer(Option<i64>);
    impl Job for Answer {
        fn consistency(&self) -> Consistency {
            Consistency::None
        }
        fn next_statement(&mut self) -> Result<Option<Statement>> {
            Ok(None)
        }
        fn accept_row(&mut self, row: &dyn crate::model::column::RawRow) -> Result<()> {
            self.0 = row.get_i64(0).ok().flatten();
            Ok(())
        }
    }
    let mut answer = Answer(None);
    while let Some(item) = stream.next().await {
        if let Either::Right(row) = item.map_err(Asked::Driver)? {
            DB::accept(&row, &mut answer).map_err(Asked::Final)?;
        }
    }
    match answer.0 {
        Some(n) => Ok(n != 0),
        None => Err(Asked::Final(Error::Database {
            message: "no answer to whether a transaction is open".to_owned(),
            statement: probe.to_owned(),
            source: None,
        })),
    }
}

async fn run_statements<DB: Backend, J: Job>(
    conn: &mut DB::Connection,
    job: &mut J,
    first: Statement,
    log: Option<&StatementLog>,
    may_resend_first: bool,
    drain: Drain<'_>,
) -> Result<u64> {
    let mut affected = 0;
    let mut next_statement = Some(first);
    let mut is_first = true;
    while let Some(Statement { sql, params }) = next_statement {
        let start = Instant::now();
        let sql: Arc<str> = sql.into();
        let n_params = params.len();
        // Only a statement the driver caches can go stale; its parameters
        // are kept to send it again (the first statement of a load: its
        // filter values, usually few).
        let resend =
            (is_first && may_resend_first && DB::cacheable(&params)).then(|| params.clone());
        is_first = false;
        let mut rows = 0;
        let outcome =
            send_one::<DB, J>(conn, &sql, params, job, &mut affected, &mut rows, drain).await;
        let failed = match outcome {
            Ok(()) => None,
            // Never sent: nothing to count.
            Err(SendError::Unsent(e)) => return Err(e),
            Err(SendError::Final(e)) => Some(e),
            Err(SendError::Driver(e)) if DB::stale_statement(&e) => {
                // A column changed type since the statement was prepared:
                // the connection's cached statements are stale. Clear them
                // so the next statement is prepared afresh; send this one
                // again only if no row of it reached the job and it ran in
                // no transaction of ours (ours is aborted by the error).
                let _ = conn.clear_cached_statements().await;
                match resend.filter(|_| rows == 0) {
                    None => Some(driver_error::<DB>(e, &sql)),
                    Some(params) => {
                        let again = send_one::<DB, J>(
                            conn,
                            &sql,
                            params,
                            job,
                            &mut affected,
                            &mut rows,
                            drain,
                        )
                        .await;
                        match again {
                            Ok(()) => None,
                            Err(SendError::Final(again) | SendError::Unsent(again)) => Some(again),
                            // Failing again (inside a transaction of the
                            // caller's the first error aborted): the first
                            // error says why.
                            Err(SendError::Driver(_)) => Some(driver_error::<DB>(e, &sql)),
                        }
                    }
                }
            }
            Err(SendError::Driver(e)) => Some(driver_error::<DB>(e, &sql)),
        };
        // Counted whether it succeeded or not, as Django's
        // `assertNumQueries` counts a query that raised.
        record(log, &sql, n_params, rows, start);
        if let Some(e) = failed {
            return Err(e);
        }
        next_statement = job.next_statement()?;
    }
    Ok(affected)
}

/// How sending one statement failed.
enum SendError {
    /// The driver's error, not yet turned into an [`Error`] (it may call
    /// for the statement to be sent again).
    Driver(sqlx::Error),
    /// Final: the job's handling of a row failed.
    Final(Error),
    /// Final, and nothing was sent: a parameter could not be bound.
    Unsent(Error),
}

/// The bind parameters one statement may hold on PostgreSQL and MySQL
/// (the protocols count them in 16 bits).
const MAX_PARAMETERS: usize = 65_535;

/// `Err` naming the count and the limit when `params` are more than a
/// server takes: the statement is refused before it is sent (sqlx's own
/// error would read as a broken connection).
pub(crate) fn within_parameter_limit(
    params: &[Value],
    server: &str,
) -> std::result::Result<(), String> {
    if params.len() <= MAX_PARAMETERS {
        return Ok(());
    }
    Err(format!(
        "{} bind parameters, and {server} takes at most {MAX_PARAMETERS} in one statement; nothing was sent (split a long `is_in` list into several queries)",
        params.len()
    ))
}

/// Send one statement and hand its rows to `job`. A driver error comes
/// back as it is (the caller may resend); any other error is final.
async fn send_one<DB: Backend, J: Job>(
    conn: &mut DB::Connection,
    sql: &Arc<str>,
    params: Vec<Value>,
    job: &mut J,
    affected: &mut u64,
    rows: &mut usize,
    drain: Drain<'_>,
) -> std::result::Result<(), SendError> {
    let persistent = DB::cacheable(&params);
    let args = if params.is_empty() && !is_query::<DB>(sql, job.__reads_rows()) {
        None
    } else {
        Some(DB::arguments(params).map_err(|why| {
            SendError::Unsent(Error::Database {
                message: format!("cannot bind a parameter: {why}"),
                statement: sql.to_string(),
                source: None,
            })
        })?)
    };
    let mut stream = Reading::<DB>::new(DB::send(conn, Arc::clone(sql), args, persistent), drain);
    while let Some(item) = stream.next().await {
        match item.map_err(SendError::Driver)? {
            Either::Left(done) => *affected += DB::rows_affected(&done),
            Either::Right(row) => {
                if let Err(e) = DB::accept(&row, job) {
                    stream.finish().await;
                    return Err(SendError::Final(e));
                }
                *rows += 1;
            }
        }
    }
    Ok(())
}

/// Queries always go as prepared statements, even without parameters:
/// results come back in the binary format, whatever the session's settings
/// (MySQL's text format prints a FLOAT with 6 significant digits;
/// PostgreSQL's depends on `extra_float_digits`, `DateStyle`,
/// `bytea_output`), and the plan is cached. A job that reads rows (`raw`,
/// loads, counts) counts as a query whatever its SQL starts with (a
/// comment, `INSERT .. RETURNING`). Anything else without parameters goes
/// as plain text, which every statement kind (DDL, LOCK TABLES) accepts.
fn is_query<DB: Backend>(sql: &str, reads_rows: bool) -> bool {
    reads_rows || crate::plan::sql_text::is_query(DB::CTX.dialect, sql)
}

/// Take the first statement before a connection: a job with nothing to send
/// (no parent rows to prefetch for) never touches the pool.
fn first_statement<J: Job>(job: &mut J) -> Result<Option<Statement>> {
    job.next_statement()
}

impl<DB: Backend> Sealed for &Pool<DB> {}

/// A pool: each job takes one connection for all its statements.
// Not listed under "the following other types implement": the
// trait's own message names every executor.
#[diagnostic::do_not_recommend]
impl<DB: Backend> AsyncExecutor for &Pool<DB> {
    fn ctx(&self) -> Ctx {
        DB::CTX
    }

    async fn __run<J: Job>(self, mut job: J, log: Option<&StatementLog>) -> (J, Result<u64>) {
        let first = match first_statement(&mut job) {
            Ok(Some(first)) => first,
            Ok(None) => return (job, Ok(0)),
            Err(e) => return (job, Err(e)),
        };
        let mut conn = match self.acquire().await {
            Ok(conn) => conn,
            Err(e) => {
                let e = acquire_error(self, e, &first.sql).await;
                return (job, Err(e));
            }
        };
        // Dropped before `conn` if this future is: it marks `conn` first.
        let guard = CloseUnlessFinished::new(&mut conn);
        let mut close = false;
        let result =
            run_on::<DB, J>(&mut **guard.conn, &mut job, first, log, true, &mut close).await;
        guard.finished(&result, close);
        (job, result)
    }
}

/// A pool connection a load runs on, closed (not handed back to the pool)
/// unless the load finished: when the load's future is dropped half-way
/// the connection may be mid-statement or mid-result, and only closing it
/// is sure to leave nothing behind (the server rolls back what the
/// session had open). A connection that failed is closed too.
struct CloseUnlessFinished<'p, DB: sqlx::Database> {
    conn: &'p mut sqlx::pool::PoolConnection<DB>,
    finished: bool,
}

impl<'p, DB: sqlx::Database> CloseUnlessFinished<'p, DB> {
    fn new(conn: &'p mut sqlx::pool::PoolConnection<DB>) -> Self {
        CloseUnlessFinished {
            conn,
            finished: false,
        }
    }

    /// The load ran to its end: keep the connection unless it broke or
    /// the load asks to `close` it.
    fn finished<T>(mut self, result: &Result<T>, close: bool) {
        self.finished = !close && !matches!(result, Err(Error::ConnectionLost { .. }));
    }
}

impl<DB: sqlx::Database> Drop for CloseUnlessFinished<'_, DB> {
    fn drop(&mut self) {
        if !self.finished {
            self.conn.close_on_drop();
        }
    }
}

impl<DB: Backend> Sealed for &mut sqlx::pool::PoolConnection<DB> {}

// Not listed under "the following other types implement": the
// trait's own message names every executor.
#[diagnostic::do_not_recommend]
impl<DB: Backend> AsyncExecutor for &mut sqlx::pool::PoolConnection<DB> {
    fn ctx(&self) -> Ctx {
        DB::CTX
    }

    /// A held pool connection: if the load is dropped half-way, the
    /// connection is marked to be closed when the caller hands it back,
    /// not returned to the pool.
    async fn __run<J: Job>(self, job: J, log: Option<&StatementLog>) -> (J, Result<u64>) {
        let guard = CloseUnlessFinished::new(self);
        let (job, result) = run_connection::<DB, J>(&mut **guard.conn, job, log).await;
        guard.finished(&result, false);
        (job, result)
    }
}

impl<DB: Backend> Sealed for &mut sqlx::Transaction<'_, DB> {}

/// A transaction the caller opened: the job runs inside it, with its
/// isolation level, and the caller commits or rolls back.
// Not listed under "the following other types implement": the
// trait's own message names every executor.
#[diagnostic::do_not_recommend]
impl<DB: Backend> AsyncExecutor for &mut sqlx::Transaction<'_, DB> {
    fn ctx(&self) -> Ctx {
        DB::CTX
    }

    fn __run<J: Job>(
        self,
        job: J,
        log: Option<&StatementLog>,
    ) -> impl Future<Output = (J, Result<u64>)> + Send {
        run_connection::<DB, J>(&mut **self, job, log)
    }
}

pub(crate) async fn run_connection<DB: Backend, J: Job>(
    conn: &mut DB::Connection,
    mut job: J,
    log: Option<&StatementLog>,
) -> (J, Result<u64>) {
    let first = match first_statement(&mut job) {
        Ok(Some(first)) => first,
        Ok(None) => return (job, Ok(0)),
        Err(e) => return (job, Err(e)),
    };
    // Nothing to close: the caller holds the connection.
    let result = run_on::<DB, J>(conn, &mut job, first, log, false, &mut false).await;
    (job, result)
}

/// `AsyncExecutor` for `&mut` a backend's connection type (what
/// `&mut *pool_connection` and `&mut *transaction` give).
macro_rules! connection_executor {
    ($db:ty, $conn:ty) => {
        impl $crate::exec::async_exec::sealed::Sealed for &mut $conn {}

        // Not listed under "the following other types implement": the
        // trait's own message names every executor.
        #[diagnostic::do_not_recommend]
        impl $crate::exec::async_exec::AsyncExecutor for &mut $conn {
            fn ctx(&self) -> $crate::plan::sql::Ctx {
                <$db as $crate::exec::sqlx_exec::Backend>::CTX
            }

            fn __run<J: $crate::exec::executor::Job>(
                self,
                job: J,
                log: Option<&$crate::observe::log::StatementLog>,
            ) -> impl std::future::Future<Output = (J, $crate::error::Result<u64>)> + Send {
                $crate::exec::sqlx_exec::run_connection::<$db, J>(self, job, log)
            }
        }
    };
}

pub(crate) use connection_executor;
