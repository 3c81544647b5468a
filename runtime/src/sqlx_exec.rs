//! The one async loop for the sqlx backends (PostgreSQL, MySQL/MariaDB):
//! take a connection, open the transaction the job asks for, send each
//! statement, hand each row to the job. `postgres.rs` and `mysql.rs` only
//! say how to bind a value, how to read a cell and how to begin.

use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use futures_core::stream::BoxStream;
use sqlx::{ConnectOptions, Connection, Either, Pool};

use crate::async_exec::{AsyncExecutor, sealed::Sealed};
use crate::error::{Error, Result};
use crate::exec::{Consistency, Job};
use crate::log::{StatementLog, trace, trace_control};
use crate::query::Ctx;
use crate::sql::Statement;
use crate::value::Value;

/// The results of one statement as sqlx streams them.
pub(crate) type Results<'c, DB> = BoxStream<
    'c,
    std::result::Result<
        Either<<DB as sqlx::Database>::QueryResult, <DB as sqlx::Database>::Row>,
        sqlx::Error,
    >,
>;

/// What differs between the sqlx backends.
pub(crate) trait Backend: sqlx::Database {
    const CTX: Ctx;

    /// The statement that opens a transaction of this kind.
    fn begin(consistency: Consistency) -> &'static str;

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

/// A failure of the driver while running `statement`.
pub(crate) fn driver_error(e: sqlx::Error, statement: &str) -> Error {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => connect_error(e, statement),
        sqlx::Error::Database(db) => {
            let message = match db.code() {
                Some(code) => format!("{} (SQLSTATE {code})", db.message()),
                None => db.message().to_owned(),
            };
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
        message: format!("{e}; statement: {statement}"),
        source: Some(Box::new(e)),
    }
}

/// Why a pool gave no connection. A pool retries a refused connection until
/// its acquire timeout and then only says it timed out; when it holds no
/// connection at all, one direct attempt finds the cause to report.
async fn acquire_error<DB: Backend>(pool: &Pool<DB>, e: sqlx::Error, statement: &str) -> Error {
    if !matches!(e, sqlx::Error::PoolTimedOut) || pool.size() > 0 {
        return connect_error(e, statement);
    }
    let attempt = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        pool.connect_options().connect(),
    )
    .await;
    match attempt {
        Ok(Err(cause)) => Error::Connect {
            message: format!("{e}: no connection could be opened: {cause}; statement: {statement}"),
            source: Some(Box::new(cause)),
        },
        Ok(Ok(conn)) => {
            // The server is fine; the pool was just busy.
            let _ = conn.close().await;
            connect_error(e, statement)
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

async fn next<T>(stream: &mut BoxStream<'_, T>) -> Option<T> {
    std::future::poll_fn(|cx| stream.as_mut().poll_next(cx)).await
}

/// Run `job` (whose first statement is `first`) on `conn`, in the
/// transaction it asks for unless `conn` is already in one.
pub(crate) async fn run_on<DB: Backend, J: Job>(
    conn: &mut DB::Connection,
    job: &mut J,
    first: Statement,
    log: Option<&StatementLog>,
) -> Result<u64> {
    let consistency = job.consistency();
    if consistency == Consistency::None || conn.is_in_transaction() {
        return run_statements::<DB, J>(conn, job, first, log).await;
    }
    let begin = DB::begin(consistency);
    let start = Instant::now();
    // sqlx's Transaction rolls back when dropped, so a load whose future is
    // dropped half-way does not hand a connection in a transaction back to
    // the pool.
    let mut tx = conn
        .begin_with(sqlx::SqlStr::from_static(begin))
        .await
        .map_err(|e| driver_error(e, begin))?;
    trace_control(begin, start.elapsed());
    let result = run_statements::<DB, J>(&mut tx, job, first, log).await;
    let start = Instant::now();
    match result {
        Ok(n) => {
            tx.commit().await.map_err(|e| driver_error(e, "COMMIT"))?;
            trace_control("COMMIT", start.elapsed());
            Ok(n)
        }
        Err(e) => {
            // The statement's error is the one to report; if the rollback
            // fails too the connection is broken and the pool drops it.
            let _ = tx.rollback().await;
            trace_control("ROLLBACK", start.elapsed());
            Err(e)
        }
    }
}

async fn run_statements<DB: Backend, J: Job>(
    conn: &mut DB::Connection,
    job: &mut J,
    first: Statement,
    log: Option<&StatementLog>,
) -> Result<u64> {
    let mut affected = 0;
    let mut next_statement = Some(first);
    while let Some(Statement { sql, params }) = next_statement {
        let start = Instant::now();
        let sql: Arc<str> = sql.into();
        let n_params = params.len();
        let persistent = DB::cacheable(&params);
        let args = if params.is_empty() && !is_select(&sql) {
            None
        } else {
            Some(DB::arguments(params).map_err(|why| Error::Database {
                message: format!("cannot bind a parameter: {why}"),
                statement: sql.to_string(),
                source: None,
            })?)
        };
        let mut rows = 0;
        {
            let mut stream = DB::send(conn, Arc::clone(&sql), args, persistent);
            while let Some(item) = next(&mut stream).await {
                match item.map_err(|e| driver_error(e, &sql))? {
                    Either::Left(done) => affected += DB::rows_affected(&done),
                    Either::Right(row) => {
                        DB::accept(&row, job)?;
                        rows += 1;
                    }
                }
            }
        }
        record(log, &sql, n_params, rows, start);
        next_statement = job.next_statement()?;
    }
    Ok(affected)
}

/// SELECTs (and WITH queries) always go as prepared statements, even
/// without parameters: results come back in the binary format (MySQL's text
/// format prints a FLOAT with 6 significant digits) and the plan is cached.
/// Anything else without parameters goes as plain text, which every
/// statement kind (DDL, LOCK TABLES, several statements at once) accepts.
fn is_select(sql: &str) -> bool {
    let sql = sql.trim_start();
    let starts = |word: &str| {
        sql.get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
    };
    starts("select") || starts("with")
}

/// Take the first statement before a connection: a job with nothing to send
/// (no parent rows to prefetch for) never touches the pool.
fn first_statement<J: Job>(job: &mut J) -> Result<Option<Statement>> {
    job.next_statement()
}

impl<DB: Backend> Sealed for &Pool<DB> {}

/// A pool: each job takes one connection for all its statements.
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
        let result = run_on::<DB, J>(&mut conn, &mut job, first, log).await;
        (job, result)
    }
}

impl<DB: Backend> Sealed for &mut sqlx::pool::PoolConnection<DB> {}

impl<DB: Backend> AsyncExecutor for &mut sqlx::pool::PoolConnection<DB> {
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

impl<DB: Backend> Sealed for &mut sqlx::Transaction<'_, DB> {}

/// A transaction the caller opened: the job runs inside it, with its
/// isolation level, and the caller commits or rolls back.
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
    let result = run_on::<DB, J>(conn, &mut job, first, log).await;
    (job, result)
}

/// `AsyncExecutor` for `&mut` a backend's connection type (what
/// `&mut *pool_connection` and `&mut *transaction` give).
macro_rules! connection_executor {
    ($db:ty, $conn:ty) => {
        impl $crate::async_exec::sealed::Sealed for &mut $conn {}

        impl $crate::async_exec::AsyncExecutor for &mut $conn {
            fn ctx(&self) -> $crate::query::Ctx {
                <$db as $crate::sqlx_exec::Backend>::CTX
            }

            fn __run<J: $crate::exec::Job>(
                self,
                job: J,
                log: Option<&$crate::log::StatementLog>,
            ) -> impl std::future::Future<Output = (J, $crate::error::Result<u64>)> + Send {
                $crate::sqlx_exec::run_connection::<$db, J>(self, job, log)
            }
        }
    };
}

pub(crate) use connection_executor;
