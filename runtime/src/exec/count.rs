//! Counting and existence: `query.count(&db)` and `query.exists(&db)`, one
//! statement each, rows never decoded.
//!
//! Both keep the query's filter and respect its limit and offset as SQL
//! does (a limited query counts at most `limit` rows), and leave out its
//! JOINs, order and prefetch levels, which cannot change which rows of the
//! base table match (Django's `count()` also drops `select_related`).

use crate::error::{Deferred, Error, Result};
use crate::exec::executor::{Consistency, Executor, Job, run_job};
use crate::model::column::RawRow;
use crate::model::table::Model;
use crate::plan::across::{Scope, add_joins, condition};
use crate::plan::sql::{Aliases, Dialect, SqlWriter, Statement};
use crate::query::builder::{Query, QueryCore};

/// The alias of the limited subquery a count or existence check wraps.
const LIMITED: &str = "__limited";

impl<M: Model, L> Query<M, L> {
    /// How many rows [`Query::all`] would return from the base table:
    /// `SELECT COUNT(*) FROM table WHERE filter`, or, when the query has a
    /// limit or an offset, `SELECT COUNT(*) FROM (SELECT pk ... LIMIT ...)`.
    ///
    /// select_related JOINs are left out, as Django does: with the foreign
    /// key constraints `create_tables` adds, an INNER JOIN never drops a
    /// row, so the count is the number of rows `all()` returns.
    pub fn count(&self, executor: &(impl Executor + ?Sized)) -> Result<u64> {
        let Some(mut job) = self.core.count_job(executor.ctx().dialect)? else {
            return Ok(0);
        };
        run_job(executor, &mut job)?;
        job.finish_count()
    }

    /// Whether [`Query::count`] would be at least 1:
    /// `SELECT 1 FROM table WHERE filter LIMIT 1`.
    pub fn exists(&self, executor: &(impl Executor + ?Sized)) -> Result<bool> {
        let Some(mut job) = self.core.exists_job(executor.ctx().dialect)? else {
            return Ok(false);
        };
        run_job(executor, &mut job)?;
        Ok(job.found())
    }

    /// The statement [`Query::count`] sends.
    pub fn count_statement(&self, dialect: Dialect) -> Statement {
        self.core.count_statement(dialect)
    }

    /// The statement [`Query::exists`] sends.
    pub fn exists_statement(&self, dialect: Dialect) -> Statement {
        self.core.exists_statement(dialect)
    }
}

impl<M: Model> QueryCore<M> {
    /// The job `count` runs, or None when no row can match the query
    /// (`matches_nothing`): the count is 0 and nothing is sent.
    fn count_job(&self, dialect: Dialect) -> Result<Option<Scalar>> {
        self.negative()?;
        Ok((!self.matches_nothing()).then(|| Scalar::count::<M>(self.count_statement(dialect))))
    }

    /// The job `exists` runs, or None as for [`Self::count_job`].
    fn exists_job(&self, dialect: Dialect) -> Result<Option<Scalar>> {
        self.negative()?;
        Ok((!self.matches_nothing()).then(|| Scalar::exists(self.exists_statement(dialect))))
    }

    /// A negative limit or offset given to the query (or to a `Prefetch`
    /// in it), reported before a count is sent. Two queries for one lookup
    /// are not: a count runs no prefetch.
    fn negative(&self) -> Result<()> {
        match self
            .errors
            .iter()
            .find(|e| matches!(e, Deferred::Negative { .. }))
        {
            Some(e) => Err(e.clone().into_error()),
            None => Ok(()),
        }
    }

    /// The statement [`Query::count`] sends.
    pub(crate) fn count_statement(&self, dialect: Dialect) -> Statement {
        let mut w = SqlWriter::new(dialect);
        w.push("SELECT COUNT(*)");
        self.counted_rows(&mut w);
        w.finish()
    }

    /// The statement [`Query::exists`] sends.
    pub(crate) fn exists_statement(&self, dialect: Dialect) -> Statement {
        let mut w = SqlWriter::new(dialect);
        w.push("SELECT 1");
        self.counted_rows(&mut w);
        w.push(" LIMIT 1");
        w.finish()
    }

    /// ` FROM table WHERE filter`, or the limited rows as a subquery.
    fn counted_rows(&self, w: &mut SqlWriter) {
        let info = M::info();
        let limited = self.limit.is_some() || self.offset.is_some();
        if limited {
            // Which rows a limit keeps depends on the order, how many does
            // not: the subquery has no ORDER BY, so nothing is sorted.
            w.push(" FROM (SELECT ")
                .qualified(info.table, info.pk_column().name);
        }
        w.push(" FROM ").ident(info.table);
        if let Some(filter) = &self.filter {
            // A condition across relations needs its joins (INNER where
            // the condition demotes them, so no row is counted twice: every
            // joined hop is single-valued).
            let mut aliases = Aliases::default();
            aliases.take(info.table);
            let mut scope = Scope::new(info.table.to_owned(), Some(filter));
            add_joins(w, &mut aliases, &mut scope, filter);
            w.push(" WHERE ");
            condition(w, &mut aliases, &scope, filter);
        }
        if limited {
            w.limit_offset(self.limit, self.offset);
            w.push(") ").ident(LIMITED);
        }
    }
}

/// A one-statement job reading a count, or only whether rows came back.
pub(crate) struct Scalar {
    statement: Option<Statement>,
    sql: String,
    model: &'static str,
    /// The COUNT(*) of the one row, when reading a count.
    count: Option<Result<i64>>,
    reads_count: bool,
    rows: usize,
}

impl Scalar {
    pub(crate) fn count<M: Model>(statement: Statement) -> Self {
        Scalar {
            sql: statement.sql.clone(),
            statement: Some(statement),
            model: M::info().name,
            count: None,
            reads_count: true,
            rows: 0,
        }
    }

    pub(crate) fn exists(statement: Statement) -> Self {
        Scalar {
            sql: statement.sql.clone(),
            statement: Some(statement),
            model: "",
            count: None,
            reads_count: false,
            rows: 0,
        }
    }

    pub(crate) fn found(&self) -> bool {
        self.rows > 0
    }

    pub(crate) fn finish_count(self) -> Result<u64> {
        let decode_error = |error| Error::Decode {
            model: self.model,
            field: "count",
            column: "COUNT(*)",
            error,
            statement: self.sql.clone(),
        };
        let n = match self.count {
            Some(n) => n?,
            None => {
                return Err(decode_error(crate::error::CellError::Driver(
                    "COUNT(*) returned no row".to_owned(),
                )));
            }
        };
        u64::try_from(n).map_err(|_| {
            decode_error(crate::error::CellError::OutOfRange {
                value: n.to_string(),
                expected: "a count (u64)",
            })
        })
    }
}

impl Job for Scalar {
    fn consistency(&self) -> Consistency {
        Consistency::None
    }

    fn next_statement(&mut self) -> Result<Option<Statement>> {
        Ok(self.statement.take())
    }

    fn accept_row(&mut self, row: &dyn RawRow) -> Result<()> {
        self.rows += 1;
        if self.reads_count && self.count.is_none() {
            self.count = Some(
                row.get_i64(0)
                    .and_then(|n| n.ok_or(crate::error::CellError::UnexpectedNull))
                    .map_err(|error| Error::Decode {
                        model: self.model,
                        field: "count",
                        column: "COUNT(*)",
                        error,
                        statement: self.sql.clone(),
                    }),
            );
        }
        Ok(())
    }
}

#[cfg(feature = "tokio")]
use crate::exec::async_exec::{AsyncArg, AsyncExecutor, Pending};

#[cfg(feature = "tokio")]
impl<M: Model, L> Query<M, L> {
    /// [`Query::count`] on an async executor.
    #[rustfmt::skip]
    pub fn count_async<'a, E: 'a>(&'a self, executor: E) -> Pending<'a, Result<u64>> where (): AsyncArg<'a, E> {
        let executor = <() as AsyncArg<'a, E>>::exec(executor);
        Box::pin(async move {
            let Some(job) = self.core.count_job(executor.ctx().dialect)? else {
                return Ok(0);
            };
            let (job, result) = executor.run(job).await;
            result?;
            job.finish_count()
        })
    }

    /// [`Query::exists`] on an async executor.
    #[rustfmt::skip]
    pub fn exists_async<'a, E: 'a>(&'a self, executor: E) -> Pending<'a, Result<bool>> where (): AsyncArg<'a, E> {
        let executor = <() as AsyncArg<'a, E>>::exec(executor);
        Box::pin(async move {
            let Some(job) = self.core.exists_job(executor.ctx().dialect)? else {
                return Ok(false);
            };
            let (job, result) = executor.run(job).await;
            result?;
            Ok(job.found())
        })
    }
}
