//! SQLite from async code: the same [`Sqlite`] connection and the same sync
//! loop, run on tokio's blocking thread pool so a load never stalls the
//! async workers.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::path::Path as FsPath;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use crate::error::{Error, Result};
use crate::exec::async_exec::{AsyncExecutor, sealed::Sealed};
use crate::exec::executor::{Consistency, Executor, Job, run_job};
use crate::exec::sqlite::Sqlite;
use crate::model::column::RawRow;
use crate::observe::log::{LoggedStatement, StatementLog};
use crate::plan::sql::{Ctx, Statement};
use crate::query::django::{BeginInstead, ConnectInstead, DbWriteInstead, InsertManyInstead};

/// A [`Sqlite`] connection usable from async code: `query.all_async(&db)`.
/// Cloning shares the connection; jobs on it run one at a time.
///
/// The async side of the API on it: every [`AsyncExecutor`] method and the
/// `_async` ways to run a query.
///
/// ```
/// use related::prelude::*;
/// use related::{AsyncSqlite, Value};
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post { id: i64, title: String, tags: ManyToMany<Tag> }
///
/// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
/// # rt.block_on(async {
/// let db = AsyncSqlite::open_in_memory()?;
/// db.create_tables(&[Tag::info(), Post::info()]).await?;
/// let posts = [(1, "Joins"), (2, "Batches")]
///     .map(|(id, title)| Post { id, title: title.into(), tags: Default::default() });
/// db.insert_all(&posts).await?;
/// db.insert_all(&[Tag { id: 1, name: "rust".into() }, Tag { id: 2, name: "sql".into() }]).await?;
/// db.link_all(Post::tags(), &[(1, 1), (1, 2), (2, 2)]).await?;
/// let renamed = db.execute_statement("UPDATE tag SET name = ? WHERE id = 2", &[Value::Text("SQL".into())]).await?;
/// assert_eq!(renamed, 1);
///
/// let query = Post::query().prefetch_related(Post::tags()).order_by(Post::id().asc());
/// let loaded = query.all_async(&db).await?;
/// assert_eq!(loaded[0].tags.get()?.len(), 2);
/// assert_eq!(query.first_async(&db).await?.map(|p| p.id), Some(1));
/// let one = query.clone().filter(Post::id().eq(2)).one_async(&db).await?;
/// assert_eq!(one.tags.get()?[0].name, "SQL");
///
/// // The sync API on the blocking thread, then prefetches onto those rows.
/// let mut rows = db.with(|db| Post::query().all(db)).await?;
/// Post::query().prefetch_related(Post::tags()).prefetch_onto_async(&mut rows, &db).await?;
/// assert_eq!(rows[1].tags.get()?.len(), 1);
///
/// // Any job, e.g. a load driven by hand.
/// let (load, result) = (&db).run(related::Load::new(&query, (&db).ctx())?).await;
/// result?;
/// assert_eq!(load.finish().len(), 2);
/// assert!(db.log().count() > 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// # }).unwrap();
/// ```
#[derive(Clone)]
pub struct AsyncSqlite {
    conn: Arc<Mutex<Sqlite>>,
    log: Arc<StatementLog>,
    ctx: Ctx,
}

impl AsyncSqlite {
    /// A fresh in-memory database.
    pub fn open_in_memory() -> Result<Self> {
        Ok(Self::new(Sqlite::open_in_memory()?))
    }

    /// A database file (created if missing).
    pub fn open(path: impl AsRef<FsPath>) -> Result<Self> {
        Ok(Self::new(Sqlite::open(path)?))
    }

    /// sqlx's and SeaORM's `connect(url)`: one error naming `open`.
    // One line: the error quotes the bound's line.
    #[doc(hidden)]
    #[rustfmt::skip]
    pub fn connect<U, R>(_url: U) -> R where (): ConnectInstead<Self, R> { <() as ConnectInstead<Self, R>>::out() }

    // Writes other libraries have (SeaORM's `update`, Diesel's `delete`,
    // Django's `tags.remove`): one error each naming `execute`, where
    // rustc would say the database "is not a model" (the row methods'
    // bound) or offer `link`, the opposite of `unlink`. One line each.
    /// Not available: `execute` with SQL of yours.
    #[doc(hidden)]
    #[rustfmt::skip]
    pub fn update<A, R>(&self, _row: A) -> R where (): DbWriteInstead<Self, R> { <() as DbWriteInstead<Self, R>>::out() }
    /// Not available: `execute` with SQL of yours.
    #[doc(hidden)]
    #[rustfmt::skip]
    pub fn delete<A, R>(&self, _row: A) -> R where (): DbWriteInstead<Self, R> { <() as DbWriteInstead<Self, R>>::out() }
    /// Not available: `insert`, or `execute` with SQL of yours.
    #[doc(hidden)]
    #[rustfmt::skip]
    pub fn save<A, R>(&self, _row: A) -> R where (): DbWriteInstead<Self, R> { <() as DbWriteInstead<Self, R>>::out() }
    /// Not available: `execute` with SQL of yours.
    #[doc(hidden)]
    #[rustfmt::skip]
    pub fn unlink<X, A, B, R>(&self, _relation: X, _source: A, _target: B) -> R where (): DbWriteInstead<Self, R> { <() as DbWriteInstead<Self, R>>::out() }
    /// Not available: `insert_all`.
    #[doc(hidden)]
    #[rustfmt::skip]
    pub fn insert_many<A, R>(&self, _rows: A) -> R where (): InsertManyInstead<Self, R> { <() as InsertManyInstead<Self, R>>::out() }
    /// Not available: a transaction is `transaction`'s closure.
    #[doc(hidden)]
    #[rustfmt::skip]
    pub fn begin<R>(&self) -> R where (): BeginInstead<Self, R> { <() as BeginInstead<Self, R>>::out() }

    /// Share a connection the caller set up.
    pub fn new(db: Sqlite) -> Self {
        AsyncSqlite {
            log: db.shared_log(),
            ctx: db.ctx(),
            conn: Arc::new(Mutex::new(db)),
        }
    }

    /// Every statement sent through this connection.
    pub fn log(&self) -> &StatementLog {
        &self.log
    }

    /// Run `f` with the connection on a blocking thread (setup, writes,
    /// anything the sync [`Sqlite`] API offers).
    pub async fn with<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Sqlite) -> Result<T> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        let handle = runtime()?;
        // The statements count in the caller's scope, not the pool thread's.
        let scope = crate::observe::n_plus_one::current();
        let task = handle.spawn_blocking(move || {
            let _scope = crate::observe::n_plus_one::carry(scope);
            f(&lock(&conn))
        });
        match task.await {
            Ok(result) => result,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(_) => Err(shutting_down()),
        }
    }
}

fn lock(conn: &Mutex<Sqlite>) -> MutexGuard<'_, Sqlite> {
    // A job that panicked left no half-written Rust state in the connection,
    // and no transaction: `run_job` and `Sqlite::transaction` roll back the
    // one they opened as the panic unwinds.
    conn.lock().unwrap_or_else(|e| e.into_inner())
}

fn runtime() -> Result<tokio::runtime::Handle> {
    tokio::runtime::Handle::try_current().map_err(|e| Error::Connect {
        message: format!("AsyncSqlite runs on tokio's blocking pool: {e}"),
        source: Some(Box::new(e)),
    })
}

fn shutting_down() -> Error {
    Error::Connect {
        message: "the tokio runtime shut down before the statement ran".to_owned(),
        source: None,
    }
}

/// Times each statement so a [`crate::Logged`] log can count it too (the
/// connection's own log and the `tracing` event are written by `Sqlite`).
struct Recording<'a> {
    db: &'a Sqlite,
    entries: RefCell<Vec<LoggedStatement>>,
    /// Rows the statements changed themselves, as `Sqlite::execute` and the
    /// servers count them: not the rows a trigger or a cascade changed.
    changed: Cell<u64>,
}

impl Executor for Recording<'_> {
    fn ctx(&self) -> Ctx {
        self.db.ctx()
    }

    fn run(
        &self,
        statement: &Statement,
        sink: &mut dyn FnMut(&dyn RawRow) -> Result<()>,
    ) -> Result<usize> {
        let start = Instant::now();
        let conn = self.db.connection();
        let before = conn.total_changes();
        let result = self.db.run(statement, sink);
        // `changes()` is the last INSERT / UPDATE / DELETE's own count, kept
        // across statements that change nothing (a SELECT, DDL): read it only
        // when this statement changed rows, and never past what it changed.
        let total = conn.total_changes().saturating_sub(before);
        if total > 0 {
            let own = conn.changes().min(total);
            self.changed.set(self.changed.get() + own);
        }
        // Counted whether it succeeded or not, as `Sqlite`'s own log does.
        self.entries.borrow_mut().push(LoggedStatement {
            sql: statement.sql.clone(),
            params: statement.params.len(),
            rows: *result.as_ref().unwrap_or(&0),
            duration: start.elapsed(),
        });
        result
    }

    fn begin(&self, consistency: Consistency) -> Result<bool> {
        Executor::begin(self.db, consistency)
    }

    fn end(&self, commit: bool) -> Result<()> {
        self.db.end(commit)
    }
}

impl Sealed for &AsyncSqlite {}

// Not listed under "the following other types implement": the
// trait's own message names every executor.
#[diagnostic::do_not_recommend]
impl AsyncExecutor for &AsyncSqlite {
    fn ctx(&self) -> Ctx {
        self.ctx
    }

    fn __run<J: Job>(
        self,
        job: J,
        log: Option<&StatementLog>,
    ) -> impl Future<Output = (J, Result<u64>)> + Send {
        let conn = Arc::clone(&self.conn);
        // The job comes back through this slot whatever happens to the
        // blocking task, so the caller always gets its rows back.
        let slot = Arc::new(Mutex::new(Some(job)));
        let task_slot = Arc::clone(&slot);
        async move {
            let outcome = match runtime() {
                Ok(handle) => {
                    let scope = crate::observe::n_plus_one::current();
                    let task = handle.spawn_blocking(move || {
                        let _scope = crate::observe::n_plus_one::carry(scope);
                        let db = lock(&conn);
                        let mut guard = task_slot.lock().unwrap_or_else(|e| e.into_inner());
                        let Some(job) = guard.as_mut() else {
                            return (Ok(0), Vec::new());
                        };
                        let recording = Recording {
                            db: &db,
                            entries: RefCell::new(Vec::new()),
                            changed: Cell::new(0),
                        };
                        let result = run_job(&recording, job);
                        let changed = recording.changed.get();
                        (result.map(|_| changed), recording.entries.into_inner())
                    });
                    match task.await {
                        Ok(done) => Ok(done),
                        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
                        Err(_) => Err(shutting_down()),
                    }
                }
                Err(e) => Err(e),
            };
            let job = slot.lock().unwrap_or_else(|e| e.into_inner()).take();
            let Some(job) = job else {
                // The task only borrows the job; nothing but this line takes
                // it out of the slot.
                unreachable!("the job stays in its slot");
            };
            match outcome {
                Ok((result, entries)) => {
                    if let Some(log) = log {
                        for e in entries {
                            log.keep(&e.sql, e.params, e.rows, e.duration);
                        }
                    }
                    (job, result)
                }
                Err(e) => (job, Err(e)),
            }
        }
    }
}
