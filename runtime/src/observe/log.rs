//! The statement log: every statement a connection sends, as a `tracing`
//! event and in a counter tests can assert on (Django's assertNumQueries).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// One statement as it was sent.
///
/// ```
/// use related::Sqlite;
///
/// # fn main() -> related::Result<()> {
/// let db = Sqlite::open_in_memory()?;
/// let (_, sent) = db.log().capture(|| db.execute("CREATE TABLE t (x INTEGER)", &[]));
/// assert_eq!(sent[0].sql, "CREATE TABLE t (x INTEGER)");
/// assert_eq!((sent[0].params, sent[0].rows), (0, 0));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LoggedStatement {
    /// The SQL text, placeholders in the backend's form.
    pub sql: String,
    /// The number of bind parameters (a whole key list bound as one array
    /// parameter counts as one).
    pub params: usize,
    /// The rows it returned (0 for statements that return none).
    pub rows: usize,
    /// From sending it to reading its last row.
    pub duration: Duration,
}

/// Counts every statement; keeps their text only while recording, so a
/// long-running service does not grow a log without bound.
///
/// Each `Sqlite` (feature `sqlite`) has one (`Sqlite::log`); async executors
/// count into one through `Logged` (feature `tokio`).
///
/// ```
/// use related::prelude::*;
///
/// #[derive(Clone, Debug, Model)]
/// struct Author { id: i64, name: String }
///
/// # fn main() -> related::Result<()> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Author::info()])?;
/// db.log().reset();
/// Author::query().all(&db)?;
/// assert_eq!(db.log().count(), 1);
/// db.log().start_recording();
/// Author::query().first(&db)?;
/// db.log().stop_recording();
/// assert!(db.log().take()[0].sql.contains("LIMIT"));
/// # Ok(()) }
/// ```
#[derive(Debug, Default)]
pub struct StatementLog {
    count: AtomicU64,
    recording: AtomicBool,
    entries: Mutex<Vec<LoggedStatement>>,
}

impl StatementLog {
    /// An empty log, not recording.
    pub fn new() -> Self {
        StatementLog::default()
    }

    /// Statements sent since the log was created or last reset.
    pub fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }

    /// Keep the text of every following statement until `stop_recording`.
    pub fn start_recording(&self) {
        self.recording.store(true, Ordering::Relaxed);
    }

    /// Stop keeping statements' text (they are still counted).
    pub fn stop_recording(&self) {
        self.recording.store(false, Ordering::Relaxed);
    }

    /// Reset the counter and drop recorded statements.
    pub fn reset(&self) {
        self.count.store(0, Ordering::Relaxed);
        self.lock().clear();
    }

    /// The recorded statements, oldest first.
    pub fn statements(&self) -> Vec<LoggedStatement> {
        self.lock().clone()
    }

    /// Take the recorded statements out of the log.
    pub fn take(&self) -> Vec<LoggedStatement> {
        std::mem::take(&mut *self.lock())
    }

    /// Run `f` and return its result with the statements it sent (recorded
    /// whatever the recording state was).
    pub fn capture<T>(&self, f: impl FnOnce() -> T) -> (T, Vec<LoggedStatement>) {
        let was = self.recording.swap(true, Ordering::Relaxed);
        let start = self.lock().len();
        let out = f();
        self.recording.store(was, Ordering::Relaxed);
        let captured = {
            let mut entries = self.lock();
            let captured = entries[start.min(entries.len())..].to_vec();
            if !was {
                entries.truncate(start);
            }
            captured
        };
        (out, captured)
    }

    // The names a user reaches for first, each one error naming the method
    // here; their results are left to inference, so that
    // `assert_eq!(db.log().len(), 2)` is that one error too.
    /// Not available: `count()`.
    #[doc(hidden)]
    #[rustfmt::skip]
    pub fn len<R>(&self) -> R where (): LogLenInstead<R> { <() as LogLenInstead<R>>::out() }
    /// Not available: `count() == 0`.
    #[doc(hidden)]
    #[rustfmt::skip]
    pub fn is_empty<R>(&self) -> R where (): LogLenInstead<R> { <() as LogLenInstead<R>>::out() }
    /// Not available: `statements()` (Django's `connection.queries`).
    #[doc(hidden)]
    #[rustfmt::skip]
    pub fn queries<R>(&self) -> R where (): LogQueriesInstead<R> { <() as LogQueriesInstead<R>>::out() }
    /// Not available: `statements()`.
    #[doc(hidden)]
    #[rustfmt::skip]
    pub fn iter<R>(&self) -> R where (): LogQueriesInstead<R> { <() as LogQueriesInstead<R>>::out() }

    /// Record one statement. Executors call this after each statement.
    pub fn record(&self, sql: &str, params: usize, rows: usize, duration: Duration) {
        trace(sql, params, rows, duration);
        self.keep(sql, params, rows, duration);
    }

    /// Count (and keep, while recording) a statement whose `tracing` event
    /// was already emitted elsewhere.
    pub(crate) fn keep(&self, sql: &str, params: usize, rows: usize, duration: Duration) {
        self.count.fetch_add(1, Ordering::Relaxed);
        if self.recording.load(Ordering::Relaxed) {
            self.lock().push(LoggedStatement {
                sql: sql.to_owned(),
                params,
                rows,
                duration,
            });
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<LoggedStatement>> {
        // A panic while holding the lock cannot leave the Vec inconsistent.
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The `tracing` event of one statement, for statements sent without a log
/// (an async executor the caller did not wrap in [`crate::Logged`]).
///
/// Every statement of every executor passes here, so this is where open
/// [`crate::n_plus_one::Scope`]s see them.
pub(crate) fn trace(sql: &str, params: usize, rows: usize, duration: Duration) {
    crate::observe::n_plus_one::observe(sql, params, rows, duration);
    tracing::debug!(
        target: "related::sql",
        sql,
        params,
        rows,
        duration_us = duration.as_micros() as u64,
        "statement"
    );
}

/// Transaction control sent around a load (BEGIN / COMMIT / ROLLBACK): traced
/// but not counted, so statement counts stay the contract's on every backend.
#[cfg_attr(
    not(any(feature = "sqlite", feature = "postgres", feature = "mysql")),
    allow(dead_code)
)]
pub(crate) fn trace_control(sql: &str, duration: Duration) {
    tracing::debug!(
        target: "related::sql",
        sql,
        duration_us = duration.as_micros() as u64,
        "transaction control"
    );
}

/// `len()` / `is_empty()` on the log: no implementation, only the error.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`len()` / `is_empty()` on the statement log: it counts statements with `count()`",
    label = "write `db.log().count()`: the statements sent since the log was made or `reset()`; their text is `statements()` while recording (or `capture(|| ..)`)"
)]
pub trait LogLenInstead<R> {
    /// Never called.
    fn out() -> R;
}

/// `queries()` / `iter()` on the log (Django's `connection.queries`): no
/// implementation, only the error.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`queries()` / `iter()` on the statement log: its statements are `statements()`",
    label = "write `db.log().statements()` (kept between `start_recording()` and `stop_recording()`), or `let (out, sent) = db.log().capture(|| ..)`; the number sent is `count()`"
)]
pub trait LogQueriesInstead<R> {
    /// Never called.
    fn out() -> R;
}
