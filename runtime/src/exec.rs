//! Executors send statements and hand back rows; the loader does the rest.
//!
//! Whatever runs statements, sync or async, runs a [`Job`]: a sans-IO source
//! of statements that takes the rows of each. A [`Load`] is the main job;
//! `raw` queries and batches of writes are jobs too, so every executor has
//! exactly one loop.

use crate::column::RawRow;
use crate::error::Result;
use crate::load::Load;
use crate::model::{Model, decode_at_start};
use crate::query::Ctx;
use crate::sql::Statement;
use crate::value::Value;

/// What the statements of one job need to be consistent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consistency {
    /// Nothing: one statement, or statements that stand alone (DDL).
    None,
    /// Reads that must see one snapshot of the database (a load with
    /// prefetch levels): a read-only REPEATABLE READ transaction on
    /// PostgreSQL, `WITH CONSISTENT SNAPSHOT` on MySQL, a read transaction on
    /// SQLite, unless the caller already holds a transaction.
    Snapshot,
    /// Writes that belong together: one transaction, unless the caller
    /// already holds one.
    Atomic,
}

/// A sans-IO job: statements out, rows in. Executors run a job on ONE
/// connection, inside the transaction its [`Consistency`] asks for.
///
/// [`Load`] is the job every query runs. Wrapping one (to observe or pace
/// its statements) is how tests put a concurrent writer between two
/// statements of a load.
///
/// ```
/// use related::prelude::*;
/// use related::{Consistency, Job, Load, RawRow, Statement, run_job};
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64 }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post { id: i64, tags: ManyToMany<Tag> }
///
/// /// A load that counts the statements it hands out.
/// struct Counting<J> { inner: J, sent: usize }
///
/// impl<J: Job> Job for Counting<J> {
///     fn consistency(&self) -> Consistency {
///         self.inner.consistency()
///     }
///     fn next_statement(&mut self) -> related::Result<Option<Statement>> {
///         let next = self.inner.next_statement()?;
///         self.sent += usize::from(next.is_some());
///         Ok(next)
///     }
///     fn accept_row(&mut self, row: &dyn RawRow) -> related::Result<()> {
///         self.inner.accept_row(row)
///     }
/// }
///
/// # fn main() -> related::Result<()> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Tag::info(), Post::info()])?;
/// db.insert(&Post { id: 1, tags: Default::default() })?;
/// let query = Post::query().prefetch_related(Post::tags());
/// let mut job = Counting { inner: Load::new(&query, db.ctx())?, sent: 0 };
/// run_job(&db, &mut job)?;
/// assert_eq!(job.sent, 2);
/// assert_eq!(job.inner.finish().len(), 1);
/// # Ok(()) }
/// ```
pub trait Job: Send + 'static {
    /// Decided before the first statement is sent.
    fn consistency(&self) -> Consistency;

    /// The next statement, or None when the job is done.
    fn next_statement(&mut self) -> Result<Option<Statement>>;

    /// One row of the statement last handed out.
    fn accept_row(&mut self, row: &dyn RawRow) -> Result<()>;
}

impl<M: Model> Job for Load<M> {
    fn consistency(&self) -> Consistency {
        if self.at_most_one_statement() {
            Consistency::None
        } else {
            Consistency::Snapshot
        }
    }

    fn next_statement(&mut self) -> Result<Option<Statement>> {
        Load::next_statement(self)
    }

    fn accept_row(&mut self, row: &dyn RawRow) -> Result<()> {
        Load::accept_row(self, row)
    }
}

/// The caller's own SELECT, decoded as rows of `M` (`raw` on every
/// executor).
pub(crate) struct Raw<M> {
    statement: Option<Statement>,
    sql: String,
    rows: Vec<M>,
}

impl<M: Model> Raw<M> {
    pub(crate) fn new(sql: &str, params: &[Value]) -> Self {
        Raw {
            statement: Some(Statement {
                sql: sql.to_owned(),
                params: params.to_vec(),
            }),
            sql: sql.to_owned(),
            rows: Vec::new(),
        }
    }

    pub(crate) fn into_rows(self) -> Vec<M> {
        self.rows
    }
}

impl<M: Model> Job for Raw<M> {
    fn consistency(&self) -> Consistency {
        Consistency::None
    }

    fn next_statement(&mut self) -> Result<Option<Statement>> {
        Ok(self.statement.take())
    }

    fn accept_row(&mut self, row: &dyn RawRow) -> Result<()> {
        self.rows.push(decode_at_start(row, &self.sql)?);
        Ok(())
    }
}

/// A connection that runs statements synchronously: [`crate::Sqlite`].
///
/// ```
/// use related::prelude::*;
/// use related::{Dialect, Sqlite, Statement};
///
/// # fn main() -> related::Result<()> {
/// let db = Sqlite::open_in_memory()?;
/// assert_eq!(db.ctx().dialect, Dialect::Sqlite);
/// let statement = Statement { sql: "SELECT 1 UNION ALL SELECT 2".into(), params: vec![] };
/// let mut seen = 0;
/// let rows = db.run(&statement, &mut |_row| {
///     seen += 1;
///     Ok(())
/// })?;
/// assert_eq!((rows, seen), (2, 2));
/// # Ok(()) }
/// ```
pub trait Executor {
    /// Dialect and key-list binding of this connection.
    fn ctx(&self) -> Ctx;

    /// Run one statement, passing each row to `sink`; returns the row count.
    /// Logs the statement.
    fn run(
        &self,
        statement: &Statement,
        sink: &mut dyn FnMut(&dyn RawRow) -> Result<()>,
    ) -> Result<usize>;

    /// Open the transaction `consistency` asks for, unless the connection
    /// is already in one. Returns whether it opened one (and so must end
    /// it). Transaction control is not counted in the statement log.
    fn begin(&self, consistency: Consistency) -> Result<bool> {
        let _ = consistency;
        Ok(false)
    }

    /// End the transaction `begin` opened: commit, or roll back.
    fn end(&self, commit: bool) -> Result<()> {
        let _ = commit;
        Ok(())
    }
}

/// Run `job` to completion on `executor`: its statements in order, inside
/// the transaction it asks for. A job with no statement opens nothing.
pub fn run_job(executor: &impl Executor, job: &mut impl Job) -> Result<()> {
    let Some(first) = job.next_statement()? else {
        return Ok(());
    };
    let opened = executor.begin(job.consistency())?;
    let mut statement = first;
    let result = loop {
        if let Err(e) = executor.run(&statement, &mut |row| job.accept_row(row)) {
            break Err(e);
        }
        match job.next_statement() {
            Ok(Some(next)) => statement = next,
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    if opened {
        match &result {
            Ok(()) => executor.end(true)?,
            // The error that stopped the job is the one to report.
            Err(_) => {
                let _ = executor.end(false);
            }
        }
    }
    result
}

pub(crate) fn drive<M: Model>(executor: &impl Executor, mut load: Load<M>) -> Result<Vec<M>> {
    run_job(executor, &mut load)?;
    Ok(load.finish())
}

/// Like `drive`, but hands the rows back even when a statement fails, so
/// rows the caller lent are not lost.
pub(crate) fn drive_keep<M: Model>(
    executor: &impl Executor,
    mut load: Load<M>,
) -> (Vec<M>, Result<()>) {
    match run_job(executor, &mut load) {
        Ok(()) => (load.finish(), Ok(())),
        Err(e) => (load.into_rows(), Err(e)),
    }
}
