//! PostgreSQL and MySQL/MariaDB for the harness: a scratch namespace per
//! case (a schema on PostgreSQL, a database on MySQL), reached through a
//! sqlx pool, with every call blocking on one shared tokio runtime.
//!
//! Loads go through `related`'s public async API (`Query::all_async` on
//! `&pool`, or on the open transaction inside `Db::transaction`), so the
//! whole suite exercises what users call.

use std::future::Future;
use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{LazyLock, Mutex, MutexGuard};
use std::time::Duration;

use related::Onto;
use related::sqlx::mysql::{MySql, MySqlConnectOptions, MySqlPool, MySqlPoolOptions};
use related::sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, Postgres};
use related::sqlx::{self, ConnectOptions, Connection, Executor as _};
use related::{
    AsyncExecutor, Dialect, Job, LinkSides, LinkTable, Logged, Model, ModelInfo, Query,
    StatementLog, Value,
};

use crate::harness::Backend;

/// The runtime every blocking call of the harness runs on. Pools are bound
/// to the runtime that opened them, so there is exactly one.
pub fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a tokio runtime")
    });
    &RT
}

/// Run `f` to completion on the shared runtime.
pub fn block_on<F: Future>(f: F) -> F::Output {
    runtime().block_on(f)
}

pub fn postgres_url() -> String {
    std::env::var("RELATED_POSTGRES_URL")
        // TLS off unless asked for: the suite is built with TLS and the
        // server offers it, and sqlx's default (`prefer`) would take it.
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test?sslmode=disable".to_owned())
}

pub fn mysql_url() -> String {
    std::env::var("RELATED_MYSQL_URL")
        .unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/test?ssl-mode=disabled".to_owned())
}

/// A pool onto one scratch namespace.
#[derive(Clone, Debug)]
pub enum Pool {
    Postgres(PgPool),
    Mysql(MySqlPool),
}

/// Run `$body` with `$p` bound to the concrete pool (`&PgPool` or
/// `&MySqlPool`): one source for both servers.
#[macro_export]
macro_rules! on_pool {
    ($pool:expr, |$p:ident| $body:expr) => {
        match $pool {
            $crate::server::Pool::Postgres($p) => $body,
            $crate::server::Pool::Mysql($p) => $body,
        }
    };
}

impl Pool {
    pub fn backend(&self) -> Backend {
        match self {
            Pool::Postgres(_) => Backend::Postgres,
            Pool::Mysql(_) => Backend::Mysql,
        }
    }

    /// Connections open (idle or in use).
    pub fn size(&self) -> u32 {
        on_pool!(self, |p| p.size())
    }

    pub fn num_idle(&self) -> usize {
        on_pool!(self, |p| p.num_idle())
    }

    pub async fn all<M: Model, L>(&self, query: &Query<M, L>) -> related::Result<Vec<M>> {
        on_pool!(self, |p| query.all_async(p).await)
    }

    pub async fn run<J: Job>(&self, job: J) -> (J, related::Result<u64>) {
        on_pool!(self, |p| p.run(job).await)
    }

    pub async fn execute(&self, sql: &str, params: &[Value]) -> related::Result<u64> {
        on_pool!(self, |p| p.execute_statement(sql, params).await)
    }

    /// Server-side transactions open on this pool's connections right now
    /// (open = not idle in autocommit; a connection left in a transaction
    /// shows here even after the client forgot it).
    pub async fn open_transactions(&self, scratch: &str) -> i64 {
        let result: Result<i64, sqlx::Error> = match self {
            Pool::Postgres(p) => {
                sqlx::query_scalar(
                    "SELECT COUNT(*) FROM pg_stat_activity \
                     WHERE pid <> pg_backend_pid() AND datname = current_database() \
                     AND application_name = $1 AND state <> 'idle'",
                )
                .bind(scratch)
                .fetch_one(p)
                .await
            }
            // Not information_schema.INNODB_TRX: it is a cache that is only
            // refreshed when nobody read it for 0.1 s, which polling defeats.
            Pool::Mysql(p) => {
                async {
                    let mut conn = p.acquire().await?;
                    let sessions: Vec<i64> = sqlx::query_scalar(
                        "SELECT ID FROM information_schema.PROCESSLIST \
                     WHERE DB = ? AND ID <> CONNECTION_ID()",
                    )
                    .bind(scratch)
                    .fetch_all(&mut *conn)
                    .await?;
                    let status = sqlx::raw_sql("SHOW ENGINE INNODB STATUS")
                        .fetch_one(&mut *conn)
                        .await?;
                    let status: Vec<u8> = sqlx::Row::try_get(&status, 2)?;
                    let active = active_innodb_threads(&String::from_utf8_lossy(&status));
                    Ok(sessions.iter().filter(|id| active.contains(id)).count() as i64)
                }
                .await
            }
        };
        result.expect("count open transactions")
    }

    pub async fn close(&self) {
        on_pool!(self, |p| p.close().await)
    }
}

/// The session (thread) ids of InnoDB transactions that are ACTIVE, from
/// the TRANSACTIONS section of `SHOW ENGINE INNODB STATUS`.
fn active_innodb_threads(status: &str) -> Vec<i64> {
    status
        .split("---TRANSACTION")
        .skip(1)
        .filter(|block| block.lines().next().is_some_and(|l| l.contains("ACTIVE")))
        .filter_map(|block| {
            let at = block.find("thread id ")? + "thread id ".len();
            let digits: String = block[at..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .collect()
}

/// A scratch namespace on a server, and a pool onto it.
pub struct Server {
    backend: Backend,
    pool: Pool,
    /// The schema (PostgreSQL) or database (MySQL) every table goes in.
    scratch: String,
    log: StatementLog,
    /// The transaction `Db::transaction` holds open, if any.
    tx: Mutex<Option<Tx>>,
}

enum Tx {
    Postgres(sqlx::Transaction<'static, Postgres>),
    Mysql(sqlx::Transaction<'static, MySql>),
}

/// Run `$body` with `$e` bound to a logged executor: the open transaction
/// if `Db::transaction` holds one, else the pool.
macro_rules! on_executor {
    ($server:expr, |$e:ident| $body:expr) => {{
        let server: &Server = $server;
        let mut tx = server.lock_tx();
        block_on(async {
            match (&server.pool, tx.as_mut()) {
                (_, Some(Tx::Postgres(t))) => {
                    let $e = Logged::new(t, &server.log);
                    $body
                }
                (_, Some(Tx::Mysql(t))) => {
                    let $e = Logged::new(t, &server.log);
                    $body
                }
                (Pool::Postgres(p), None) => {
                    let $e = Logged::new(p, &server.log);
                    $body
                }
                (Pool::Mysql(p), None) => {
                    let $e = Logged::new(p, &server.log);
                    $body
                }
            }
        })
    }};
}

static SCRATCH: AtomicU32 = AtomicU32::new(0);

fn scratch_name() -> String {
    format!(
        "related_{}_{}",
        std::process::id(),
        SCRATCH.fetch_add(1, Ordering::Relaxed)
    )
}

fn pg_options(url: &str) -> Result<PgConnectOptions, String> {
    PgConnectOptions::from_str(url).map_err(|e| format!("RELATED_POSTGRES_URL {url}: {e}"))
}

fn mysql_options(url: &str) -> Result<MySqlConnectOptions, String> {
    MySqlConnectOptions::from_str(url).map_err(|e| format!("RELATED_MYSQL_URL {url}: {e}"))
}

/// Scratch namespaces whose process is gone (a run that was killed).
fn stale(names: Vec<String>) -> Vec<String> {
    names
        .into_iter()
        .filter(|n| {
            n.split('_')
                .nth(1)
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| {
                    pid != std::process::id()
                        && !std::path::Path::new(&format!("/proc/{pid}")).exists()
                })
        })
        .collect()
}

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

impl Server {
    /// A fresh scratch namespace on `backend`'s server.
    pub fn open(backend: Backend) -> Result<Server, String> {
        block_on(async {
            let scratch = scratch_name();
            let pool = match backend {
                Backend::Postgres => {
                    let url = postgres_url();
                    let options = pg_options(&url)?;
                    let mut admin = tokio::time::timeout(CONNECT_TIMEOUT, options.connect())
                        .await
                        .map_err(|_| format!("no answer from {url} in {CONNECT_TIMEOUT:?}"))?
                        .map_err(|e| format!("cannot connect to {url}: {e}"))?;
                    let old: Vec<String> = sqlx::query_scalar(
                        "SELECT nspname::text FROM pg_namespace WHERE nspname LIKE 'related\\_%'",
                    )
                    .fetch_all(&mut admin)
                    .await
                    .unwrap_or_default();
                    for name in stale(old) {
                        let _ = admin
                            .execute(sqlx::AssertSqlSafe(format!(
                                "DROP SCHEMA IF EXISTS \"{name}\" CASCADE"
                            )))
                            .await;
                    }
                    admin
                        .execute(sqlx::AssertSqlSafe(format!("CREATE SCHEMA \"{scratch}\"")))
                        .await
                        .map_err(|e| format!("CREATE SCHEMA on {url}: {e}"))?;
                    let _ = admin.close().await;
                    Pool::Postgres(pg_pool(&url, &scratch, 4, &[])?)
                }
                Backend::Mysql => {
                    let url = mysql_url();
                    let options = mysql_options(&url)?;
                    let mut admin = tokio::time::timeout(CONNECT_TIMEOUT, options.connect())
                        .await
                        .map_err(|_| format!("no answer from {url} in {CONNECT_TIMEOUT:?}"))?
                        .map_err(|e| format!("cannot connect to {url}: {e}"))?;
                    let old: Vec<String> = sqlx::query_scalar(
                        "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA \
                         WHERE SCHEMA_NAME LIKE 'related\\_%'",
                    )
                    .fetch_all(&mut admin)
                    .await
                    .unwrap_or_default();
                    for name in stale(old) {
                        let _ = admin
                            .execute(sqlx::AssertSqlSafe(format!(
                                "DROP DATABASE IF EXISTS `{name}`"
                            )))
                            .await;
                    }
                    admin
                        .execute(sqlx::AssertSqlSafe(format!(
                            "CREATE DATABASE `{scratch}` CHARACTER SET utf8mb4"
                        )))
                        .await
                        .map_err(|e| format!("CREATE DATABASE on {url}: {e}"))?;
                    let _ = admin.close().await;
                    Pool::Mysql(mysql_pool(&url, &scratch, 4, &[])?)
                }
                Backend::Sqlite => return Err("SQLite is not a server".to_owned()),
            };
            Ok(Server {
                backend,
                pool,
                scratch,
                log: StatementLog::new(),
                tx: Mutex::new(None),
            })
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn dialect(&self) -> Dialect {
        match self.backend {
            Backend::Postgres => Dialect::Postgres,
            _ => Dialect::Mysql,
        }
    }

    pub fn log(&self) -> &StatementLog {
        &self.log
    }

    pub fn scratch(&self) -> &str {
        &self.scratch
    }

    /// The pool the harness loads through.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Another pool onto this scratch namespace: `max` connections, each
    /// running `session` statements when it connects.
    pub fn new_pool(&self, max: u32, session: &[&str]) -> Result<Pool, String> {
        let _guard = runtime().enter();
        match self.backend {
            Backend::Postgres => Ok(Pool::Postgres(pg_pool(
                &postgres_url(),
                &self.scratch,
                max,
                session,
            )?)),
            _ => Ok(Pool::Mysql(mysql_pool(
                &mysql_url(),
                &self.scratch,
                max,
                session,
            )?)),
        }
    }

    fn lock_tx(&self) -> MutexGuard<'_, Option<Tx>> {
        self.tx.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn all<M: Model, L>(&self, query: &Query<M, L>) -> related::Result<Vec<M>> {
        on_executor!(self, |e| query.all_async(e).await)
    }

    pub fn fetch<M: Model, L: related::LoadSet<M>>(
        &self,
        query: &Query<M, L>,
    ) -> related::Result<Vec<related::Loaded<M, L>>> {
        on_executor!(self, |e| query.fetch_async(e).await)
    }

    pub fn fetch_one<M: Model, L: related::LoadSet<M>>(
        &self,
        query: &Query<M, L>,
    ) -> related::Result<related::Loaded<M, L>> {
        on_executor!(self, |e| query.fetch_one_async(e).await)
    }

    #[allow(clippy::type_complexity)]
    pub fn fetch_onto<M: Model, L, R>(
        &self,
        query: &Query<M, L>,
        rows: Vec<R>,
    ) -> related::Result<Vec<related::Loaded<M, <Onto<M, R> as related::Union<L>>::Output>>>
    where
        (): related::TypedOnto<M, R>,
        Onto<M, R>: related::Union<L>,
        <Onto<M, R> as related::Union<L>>::Output: related::LoadSet<M>,
        L: related::LoadSet<M>,
    {
        on_executor!(self, |e| query.fetch_onto_async(rows, e).await)
    }

    pub fn first<M: Model, L>(&self, query: &Query<M, L>) -> related::Result<Option<M>> {
        on_executor!(self, |e| query.first_async(e).await)
    }

    pub fn one<M: Model, L>(&self, query: &Query<M, L>) -> related::Result<M> {
        on_executor!(self, |e| query.one_async(e).await)
    }

    pub fn prefetch_onto<M: Model, L: related::LoadSet<M>>(
        &self,
        query: &Query<M, L>,
        rows: &mut Vec<M>,
    ) -> related::Result<()> {
        on_executor!(self, |e| query.prefetch_onto_async(rows, e).await)
    }

    pub fn count<M: Model, L>(&self, query: &Query<M, L>) -> related::Result<u64> {
        on_executor!(self, |e| query.count_async(e).await)
    }

    pub fn exists<M: Model, L>(&self, query: &Query<M, L>) -> related::Result<bool> {
        on_executor!(self, |e| query.exists_async(e).await)
    }

    pub fn raw<M: Model>(&self, sql: &str, params: &[Value]) -> related::Result<Vec<M>> {
        on_executor!(self, |e| e.raw(sql, params).await)
    }

    pub fn execute(&self, sql: &str, params: &[Value]) -> related::Result<usize> {
        let n = on_executor!(self, |e| e.execute_statement(sql, params).await)?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    pub fn create_tables(&self, models: &[&'static ModelInfo]) -> related::Result<()> {
        on_executor!(self, |e| e.create_tables(models).await)
    }

    pub fn insert<M: Model>(&self, row: &M) -> related::Result<()> {
        on_executor!(self, |e| e.insert(row).await)
    }

    pub fn link<R: LinkTable, S, T>(
        &self,
        relation: R,
        source: &S,
        target: &T,
    ) -> related::Result<()>
    where
        (): LinkSides<R, S, T>,
    {
        on_executor!(self, |e| e.link(relation, source, target).await)
    }

    pub fn insert_all<M: Model>(&self, rows: &[M]) -> related::Result<()> {
        on_executor!(self, |e| e.insert_all(rows).await).map(|_| ())
    }

    pub fn link_all<R: LinkTable, S, T>(&self, relation: R, pairs: &[(S, T)]) -> related::Result<()>
    where
        (): LinkSides<R, S, T>,
    {
        on_executor!(self, |e| e.link_all(relation, pairs).await).map(|_| ())
    }

    /// Run `f` in one transaction on one connection; every call of the
    /// harness inside it uses that transaction.
    pub fn transaction<T>(&self, f: impl FnOnce() -> related::Result<T>) -> related::Result<T> {
        if self.lock_tx().is_some() {
            return f();
        }
        let begun = block_on(async {
            match &self.pool {
                Pool::Postgres(p) => p.begin().await.map(Tx::Postgres),
                Pool::Mysql(p) => p.begin().await.map(Tx::Mysql),
            }
        })
        .map_err(|e| related::Error::Connect {
            message: format!("cannot begin a transaction: {e}"),
            source: Some(Box::new(e)),
        })?;
        *self.lock_tx() = Some(begun);
        let out = f();
        let tx = self.lock_tx().take();
        let end = block_on(async {
            match (tx, out.is_ok()) {
                (Some(Tx::Postgres(t)), true) => t.commit().await,
                (Some(Tx::Mysql(t)), true) => t.commit().await,
                (Some(Tx::Postgres(t)), false) => t.rollback().await,
                (Some(Tx::Mysql(t)), false) => t.rollback().await,
                (None, _) => Ok(()),
            }
        });
        let out = out?;
        end.map_err(|e| related::Error::Database {
            message: e.to_string(),
            statement: "COMMIT".to_owned(),
            source: Some(Box::new(e)),
        })?;
        Ok(out)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let tx = self.lock_tx().take();
        let drop_sql = match self.backend {
            Backend::Postgres => format!("DROP SCHEMA IF EXISTS \"{}\" CASCADE", self.scratch),
            _ => format!("DROP DATABASE IF EXISTS `{}`", self.scratch),
        };
        let pool = self.pool.clone();
        // Cleanup must not panic (it runs while a failed case unwinds).
        let cleanup = async move {
            drop(tx);
            let _ = on_pool!(&pool, |p| p
                .execute(sqlx::AssertSqlSafe(drop_sql))
                .await
                .map(|_| ()));
            pool.close().await;
        };
        if tokio::runtime::Handle::try_current().is_ok() {
            // Dropped inside the runtime (a case's async block): clean up
            // in the background rather than block a worker.
            runtime().spawn(cleanup);
        } else {
            block_on(cleanup);
        }
    }
}

fn pg_pool(url: &str, scratch: &str, max: u32, session: &[&str]) -> Result<PgPool, String> {
    // search_path as a startup option: every connection of the pool, new or
    // reconnected, sees the scratch schema. application_name lets a case
    // find this pool's sessions in pg_stat_activity.
    let options = pg_options(url)?
        .options([("search_path", scratch)])
        .application_name(scratch);
    let session: Vec<String> = session.iter().map(|s| (*s).to_owned()).collect();
    Ok(PgPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(CONNECT_TIMEOUT)
        .after_connect(move |conn, _| {
            let session = session.clone();
            Box::pin(async move {
                for s in session {
                    conn.execute(sqlx::AssertSqlSafe(s)).await?;
                }
                Ok(())
            })
        })
        .connect_lazy_with(options))
}

fn mysql_pool(url: &str, scratch: &str, max: u32, session: &[&str]) -> Result<MySqlPool, String> {
    let options = mysql_options(url)?.database(scratch);
    let session: Vec<String> = session.iter().map(|s| (*s).to_owned()).collect();
    Ok(MySqlPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(CONNECT_TIMEOUT)
        .after_connect(move |conn, _| {
            let session = session.clone();
            Box::pin(async move {
                for s in session {
                    conn.execute(sqlx::AssertSqlSafe(s)).await?;
                }
                Ok(())
            })
        })
        .connect_lazy_with(options))
}
