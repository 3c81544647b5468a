//! Executors send statements and hand back rows; the loader does the rest.
//!
//! Whatever runs statements, sync or async, runs a [`Job`]: a sans-IO source
//! of statements that takes the rows of each. A [`Load`] is the main job;
//! `raw` queries and batches of writes are jobs too, so every executor has
//! exactly one loop.

use crate::error::CellError;
use crate::error::{Error, Result};
use crate::load::loader::Load;
use crate::model::column::RawRow;
use crate::model::table::{Model, ModelInfo, decode_at_start};
use crate::model::value::Value;
use crate::plan::sql::{Ctx, Statement};

/// What the statements of one job need to be consistent
/// ([`Job::consistency`]; an example at [`Load`]).
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

    /// Whether the job writes rows that belong together, which inside a
    /// transaction of the caller's take a savepoint, so that a failure
    /// undoes them alone (and on PostgreSQL leaves that transaction
    /// usable). By default, the jobs that ask for [`Consistency::Atomic`].
    #[doc(hidden)]
    fn __undo_in_callers(&self) -> bool {
        self.consistency() == Consistency::Atomic
    }

    /// Whether the job reads the rows its statements return: such a
    /// statement goes prepared, so that its values come back in the binary
    /// format whatever its SQL starts with.
    #[doc(hidden)]
    fn __reads_rows(&self) -> bool {
        false
    }
}

impl<M: Model> Job for Load<M> {
    fn consistency(&self) -> Consistency {
        if self.at_most_one_statement() || !self.wants_snapshot() {
            Consistency::None
        } else {
            Consistency::Snapshot
        }
    }

    fn next_statement(&mut self) -> Result<Option<Statement>> {
        Load::next_statement(self)
    }

    #[inline]
    fn accept_row(&mut self, row: &dyn RawRow) -> Result<()> {
        Load::accept_row(self, row)
    }
}

/// The caller's own SELECT, decoded as rows of `M` (`raw` on every
/// executor). Columns are matched by name, so their order in the result
/// does not matter; columns the model does not have are ignored.
#[cfg_attr(not(any(feature = "sqlite", feature = "tokio")), allow(dead_code))]
pub(crate) struct Raw<M> {
    statement: Option<Statement>,
    sql: String,
    rows: Vec<M>,
    /// For each of `M`'s columns, its position in the result; found from the
    /// first row (every row of a statement has the same columns).
    positions: Option<Vec<usize>>,
}

#[cfg_attr(not(any(feature = "sqlite", feature = "tokio")), allow(dead_code))]
impl<M: Model> Raw<M> {
    pub(crate) fn new(sql: &str, params: &[Value]) -> Self {
        Raw {
            statement: Some(Statement {
                sql: sql.to_owned(),
                params: params.to_vec(),
            }),
            sql: sql.to_owned(),
            rows: Vec::new(),
            positions: None,
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

    fn __reads_rows(&self) -> bool {
        true
    }

    fn next_statement(&mut self) -> Result<Option<Statement>> {
        Ok(self.statement.take())
    }

    fn accept_row(&mut self, row: &dyn RawRow) -> Result<()> {
        let positions = match &mut self.positions {
            Some(p) => p,
            slot => slot.insert(positions_by_name(M::info(), row, &self.sql)?),
        };
        let remapped = Remapped { row, positions };
        self.rows.push(decode_at_start(&remapped, &self.sql)?);
        Ok(())
    }
}

/// Where each of `model`'s columns sits in `row`, by name: an exact match,
/// else the one match ignoring ASCII case (PostgreSQL folds unquoted names
/// to lower case, MySQL and SQLite compare them without case). A column
/// missing, or named twice, is an error naming model, field, column and
/// statement. A row that cannot name its columns is read by position.
#[cfg_attr(not(any(feature = "sqlite", feature = "tokio")), allow(dead_code))]
fn positions_by_name(model: &ModelInfo, row: &dyn RawRow, sql: &str) -> Result<Vec<usize>> {
    let count = row.column_count();
    let names: Vec<&str> = (0..count).filter_map(|i| row.column_name(i)).collect();
    if count == 0 || names.len() != count {
        return Ok((0..model.columns.len()).collect());
    }
    let find = |matches: &dyn Fn(&str) -> bool| -> Vec<usize> {
        (0..count).filter(|&i| matches(names[i])).collect()
    };
    model
        .columns
        .iter()
        .map(|c| {
            let mut found = find(&|n| n == c.name);
            if found.is_empty() {
                found = find(&|n| n.eq_ignore_ascii_case(c.name));
            }
            match found[..] {
                [i] => Ok(i),
                _ => Err(Error::Decode {
                    model: model.name,
                    field: c.field,
                    column: c.name,
                    error: CellError::NotInResult(if found.is_empty() {
                        format!(
                            "the result has no column of that name (its columns: {})",
                            names.join(", ")
                        )
                    } else {
                        format!(
                            "the result has {} columns of that name (select each column once, e.g. `table.*` rather than `*` over a JOIN)",
                            found.len()
                        )
                    }),
                    statement: sql.to_owned(),
                }),
            }
        })
        .collect()
}

/// A row seen through a column map: column `i` of the model is column
/// `positions[i]` of the underlying row.
#[cfg_attr(not(any(feature = "sqlite", feature = "tokio")), allow(dead_code))]
struct Remapped<'a> {
    row: &'a dyn RawRow,
    positions: &'a [usize],
}

#[cfg_attr(not(any(feature = "sqlite", feature = "tokio")), allow(dead_code))]
impl Remapped<'_> {
    fn at(&self, idx: usize) -> std::result::Result<usize, CellError> {
        self.positions
            .get(idx)
            .copied()
            .ok_or(CellError::NoSuchColumn(idx))
    }
}

impl RawRow for Remapped<'_> {
    fn column_count(&self) -> usize {
        self.positions.len()
    }
    fn column_name(&self, idx: usize) -> Option<&str> {
        self.row.column_name(self.at(idx).ok()?)
    }
    fn is_null(&self, idx: usize) -> std::result::Result<bool, CellError> {
        self.row.is_null(self.at(idx)?)
    }
    fn get_bool(&self, idx: usize) -> std::result::Result<Option<bool>, CellError> {
        self.row.get_bool(self.at(idx)?)
    }
    fn get_i16(&self, idx: usize) -> std::result::Result<Option<i16>, CellError> {
        self.row.get_i16(self.at(idx)?)
    }
    fn get_i32(&self, idx: usize) -> std::result::Result<Option<i32>, CellError> {
        self.row.get_i32(self.at(idx)?)
    }
    fn get_i64(&self, idx: usize) -> std::result::Result<Option<i64>, CellError> {
        self.row.get_i64(self.at(idx)?)
    }
    fn get_f32(&self, idx: usize) -> std::result::Result<Option<f32>, CellError> {
        self.row.get_f32(self.at(idx)?)
    }
    fn get_f64(&self, idx: usize) -> std::result::Result<Option<f64>, CellError> {
        self.row.get_f64(self.at(idx)?)
    }
    fn get_string(&self, idx: usize) -> std::result::Result<Option<String>, CellError> {
        self.row.get_string(self.at(idx)?)
    }
    fn get_bytes(&self, idx: usize) -> std::result::Result<Option<Vec<u8>>, CellError> {
        self.row.get_bytes(self.at(idx)?)
    }
    fn get_date(
        &self,
        idx: usize,
    ) -> std::result::Result<Option<crate::model::value::SqlDate>, CellError> {
        self.row.get_date(self.at(idx)?)
    }
    fn get_time(
        &self,
        idx: usize,
    ) -> std::result::Result<Option<crate::model::value::SqlTime>, CellError> {
        self.row.get_time(self.at(idx)?)
    }
    fn get_timestamp(
        &self,
        idx: usize,
    ) -> std::result::Result<Option<crate::model::value::SqlTimestamp>, CellError> {
        self.row.get_timestamp(self.at(idx)?)
    }
    fn get_timestamptz(
        &self,
        idx: usize,
    ) -> std::result::Result<Option<crate::model::value::SqlTimestamp>, CellError> {
        self.row.get_timestamptz(self.at(idx)?)
    }
    fn get_duration(
        &self,
        idx: usize,
    ) -> std::result::Result<Option<crate::model::value::SqlDuration>, CellError> {
        self.row.get_duration(self.at(idx)?)
    }
    fn get_uuid(&self, idx: usize) -> std::result::Result<Option<[u8; 16]>, CellError> {
        self.row.get_uuid(self.at(idx)?)
    }
    fn get_decimal(&self, idx: usize) -> std::result::Result<Option<String>, CellError> {
        self.row.get_decimal(self.at(idx)?)
    }
    fn get_json(&self, idx: usize) -> std::result::Result<Option<String>, CellError> {
        self.row.get_json(self.at(idx)?)
    }
}

/// A connection that runs statements synchronously: `Sqlite` (feature `sqlite`).
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
#[diagnostic::on_unimplemented(
    message = "`&{Self}` is not a database connection: `all`, `first`, `count`... run on a `related::Sqlite`",
    label = "expected `&Sqlite` (`Sqlite::open(path)?`; behind a guard or a smart pointer, `&*guard`); a sqlx pool loads with `all_async(&pool).await`"
)]
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
pub fn run_job(executor: &(impl Executor + ?Sized), job: &mut impl Job) -> Result<()> {
    let Some(first) = job.next_statement()? else {
        return Ok(());
    };
    let opened = executor.begin(job.consistency())?;
    // A job that panics (a model's own `Deserialize`, say) unwinds through
    // here: the guard rolls back the transaction this call opened, so the
    // connection is not left inside one nobody will end.
    let mut guard = EndOnUnwind {
        executor,
        armed: opened,
    };
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
    guard.armed = false;
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

/// Rolls back, while a panic unwinds, the transaction `run_job` opened.
struct EndOnUnwind<'e, E: Executor + ?Sized> {
    executor: &'e E,
    armed: bool,
}

impl<E: Executor + ?Sized> Drop for EndOnUnwind<'_, E> {
    fn drop(&mut self) {
        if self.armed {
            let _ = self.executor.end(false);
        }
    }
}

pub(crate) fn drive<M: Model>(
    executor: &(impl Executor + ?Sized),
    mut load: Load<M>,
) -> Result<Vec<M>> {
    run_job(executor, &mut load)?;
    Ok(load.finish())
}

/// Like `drive`, but hands the rows back even when a statement fails, so
/// rows the caller lent are not lost.
pub(crate) fn drive_keep<M: Model>(
    executor: &(impl Executor + ?Sized),
    mut load: Load<M>,
) -> (Vec<M>, Result<()>) {
    match run_job(executor, &mut load) {
        Ok(()) => (load.finish(), Ok(())),
        Err(e) => (load.into_rows(), Err(e)),
    }
}
