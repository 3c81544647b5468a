//! Async execution: the same [`Load`] (and every other [`Job`]) run by an
//! async executor. An executor only sends statements and hands rows back;
//! planning, decoding and stitching stay in the sans-IO loader.
//!
//! Executors: `&PgPool` / `&MySqlPool` (one pooled connection per load), a
//! connection (`&mut *conn`), a transaction (`&mut *tx`), and
//! `AsyncSqlite` (features `sqlite` + `tokio`); any of them wrapped in [`Logged`] to count
//! statements.

use std::future::Future;
use std::pin::Pin;

use crate::error::{Error, Result};
use crate::exec::executor::{Consistency, Job, Raw};
use crate::exec::run::{Onto, OntoMut, OntoRows, OntoVec, RowOf, RowsIn, TypedOnto};
use crate::load::loader::Load;
use crate::model::column::RawRow;
use crate::model::relation::{LinkArgs, LinkPairs, Linkable, Relation, not_many_to_many};
use crate::model::table::{Model, ModelInfo};
use crate::model::typed::{LoadSet, Loaded, Union};
use crate::model::value::Value;
use crate::observe::log::StatementLog;
use crate::plan::schema::{self, Flavor, InsertRow, InsertRows, TablesArg};
use crate::plan::sql::{Ctx, Dialect, Statement};
use crate::query::builder::{Query, QueryCore};

pub(crate) mod sealed {
    /// Executors are the ones this crate implements: a load's guarantees
    /// (one connection, one snapshot) are theirs to keep.
    pub trait Sealed {}
}

/// Something an async load can run on: `&PgPool`, `&MySqlPool`, a
/// connection (`&mut *conn`), a transaction (`&mut *tx`), an
/// `AsyncSqlite` (features `sqlite` + `tokio`), or any of them in [`Logged`].
///
/// Every statement of one job runs on ONE connection. A job with more than
/// one statement that reads (a load with prefetch levels) runs in a
/// read-only snapshot transaction, unless the server says the connection is
/// already in a transaction (the driver's, or a plain `BEGIN` sent as SQL):
/// then it runs in that one, with its isolation level, and never ends it.
/// See the README ("Transactions", "Cancelled loads") for what a load whose
/// future is dropped leaves on each kind of executor.
///
/// Code written over `E: AsyncExecutor + Copy` runs on every backend:
///
/// ```
/// use related::prelude::*;
///
/// #[derive(Clone, Debug, Model)]
/// struct Author { id: i64, name: String }
///
/// async fn names<E: AsyncExecutor + Copy>(db: E) -> related::Result<Vec<String>> {
///     db.insert_all(&[Author { id: 1, name: "Ann".into() }]).await?;
///     let rows = db.raw::<Author>("SELECT id, name FROM author", &[]).await?;
///     Ok(rows.into_iter().map(|a| a.name).collect())
/// }
///
/// # #[cfg(feature = "sqlite")] {
/// # let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// # rt.block_on(async {
/// let db = related::AsyncSqlite::open_in_memory()?;
/// db.create_tables(&[Author::info()]).await?;
/// assert_eq!(names(&db).await?, ["Ann"]);
/// # Ok::<(), related::Error>(())
/// # }).unwrap();
/// # }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an async database connection: `all_async` and friends run on a sqlx pool, connection or transaction, or `related::AsyncSqlite`",
    label = "expected `&PgPool`, `&MySqlPool`, `&mut PgConnection`, `&mut *tx`, or `&AsyncSqlite`; a blocking `Sqlite` loads with the same method without `_async`: `all(&db)`, `fetch(&db)`"
)]
pub trait AsyncExecutor: sealed::Sealed + Send + Sized {
    /// Dialect and key-list binding of the connections behind this executor.
    fn ctx(&self) -> Ctx;

    #[doc(hidden)]
    fn __run<J: Job>(
        self,
        job: J,
        log: Option<&StatementLog>,
    ) -> impl Future<Output = (J, Result<u64>)> + Send;

    /// Run a job (a [`Load`], or a wrapper around one) to completion. Returns
    /// the job, to read its result, and the number of rows its statements
    /// changed where the backend reports it.
    fn run<J: Job>(self, job: J) -> impl Future<Output = (J, Result<u64>)> + Send {
        self.__run(job, None)
    }

    /// Create the tables of `models` (see [`schema::create_tables`]). On
    /// MySQL and MariaDB it first asks the server which one it is (`SELECT
    /// VERSION()`): their exact text-key collations have different names.
    // One line: the error quotes the bound's line.
    #[rustfmt::skip]
    fn create_tables<T>(self, models: T) -> impl Future<Output = Result<()>> + Send where (): TablesArg<T> {
        let models = <() as TablesArg<T>>::infos(models);
        let job = CreateTables::new(self.ctx().dialect, models);
        async move { self.run(job).await.1.map(|_| ()) }
    }

    /// Insert one row (every stored column, the primary key included):
    /// `db.insert(&row).await`, one statement, as `Sqlite::insert`.
    // One line: a struct without the derive reads "required by this bound"
    // in one line (see `InsertRow`).
    #[rustfmt::skip]
    fn insert<'e, R>(self, row: R) -> Pending<'e, Result<()>> where Self: 'e, (): InsertRow<R> {
        let statement = <() as InsertRow<R>>::insert(self.ctx().dialect, row);
        let job = Batch::new(vec![statement], Consistency::None);
        Box::pin(async move { self.run(job).await.1.map(|_| ()) })
    }

    /// Link two rows of a many-to-many relation (from either side), one
    /// statement, as `Sqlite::link`: each side a row or its primary key.
    // One line: see `Sqlite::link`.
    #[rustfmt::skip]
    fn link<'e, R: Relation, S, T>(self, relation: R, source: S, target: T) -> Pending<'e, Result<()>> where Self: 'e, (): Linkable<R> + LinkArgs<R, S, T> {
        let _ = relation;
        let (s, t) = <() as LinkArgs<R, S, T>>::keys(&source, &target);
        let statement = schema::link::<R>(self.ctx().dialect, s, t).ok_or_else(not_many_to_many::<R>);
        Box::pin(async move {
            let job = Batch::new(vec![statement?], Consistency::None);
            self.run(job).await.1.map(|_| ())
        })
    }

    /// Insert rows, as few statements as the backend's parameter limit
    /// (and about 4 MiB of values a statement, for MySQL's packet limit)
    /// allows, in one transaction unless the caller holds one.
    // Boxed, as `Pending` says why: rows of a struct without the derive are
    // then one error at the call.
    #[rustfmt::skip]
    fn insert_all<'e, R>(self, rows: R) -> Pending<'e, Result<u64>> where Self: 'e, (): InsertRows<R> {
        let dialect = self.ctx().dialect;
        let rows = <() as InsertRows<R>>::as_slice(&rows);
        let statements = schema::insert_many(dialect, rows, insert_params(dialect));
        let job = Batch::new(statements, Consistency::Atomic);
        Box::pin(async move { self.run(job).await.1 })
    }

    /// Link pairs of rows of a many-to-many relation (from either side):
    /// each side is a row or its primary key.
    // One line: see `Sqlite::link`.
    #[rustfmt::skip]
    // Boxed (`Pending`): a relation that is not many-to-many, or sides the
    // wrong way round, are then one error at the call.
    fn link_all<'e, R: Relation, P>(self, relation: R, pairs: P) -> Pending<'e, Result<u64>> where Self: 'e, (): Linkable<R> + LinkPairs<R, P> {
        let _ = relation;
        let dialect = self.ctx().dialect;
        let statements = schema::link_pairs::<R, P>(dialect, &pairs, insert_params(dialect));
        let job = statements.map(|s| Batch::new(s, Consistency::Atomic)).ok_or_else(not_many_to_many::<R>);
        Box::pin(async move { self.run(job?).await.1 })
    }

    /// Run one statement of the caller's (placeholders in this backend's
    /// form); returns the number of rows it changed. SQL holding more than
    /// one statement is refused ([`Error::SeveralStatements`]) before
    /// anything is sent.
    fn execute_statement(
        self,
        sql: &str,
        params: &[Value],
    ) -> impl Future<Output = Result<u64>> + Send {
        let dialect = self.ctx().dialect;
        let checked = crate::plan::sql_text::one_statement(dialect, sql)
            .and_then(|()| crate::plan::sql_text::parameters_match(dialect, sql, params.len()));
        let job = Batch::new(
            vec![Statement {
                sql: sql.to_owned(),
                params: params.to_vec(),
            }],
            Consistency::None,
        );
        async move {
            checked?;
            self.run(job).await.1
        }
    }

    /// Rows of `M` from the caller's own SQL. `M`'s stored columns are
    /// found in the result by name, in any order; other columns are
    /// ignored; a missing column is an error.
    /// One statement: SQL holding more is refused ([`Error::SeveralStatements`])
    /// before anything is sent.
    // Boxed (`Pending`): rows of a struct without the derive are one error.
    #[rustfmt::skip]
    fn raw<'e, M: Model>(self, sql: &str, params: &[Value]) -> Pending<'e, Result<Vec<M>>> where Self: 'e {
        let dialect = self.ctx().dialect;
        let checked = crate::plan::sql_text::one_statement(dialect, sql)
            .and_then(|()| crate::plan::sql_text::parameters_match(dialect, sql, params.len()));
        let job = Raw::<M>::new(sql, params);
        Box::pin(async move {
            checked?;
            let (job, result) = self.run(job).await;
            result.map(|_| job.into_rows())
        })
    }
}

/// How many parameters one multi-row INSERT may take.
fn insert_params(dialect: Dialect) -> usize {
    match dialect {
        // SQLite inserts fastest row by row in one transaction, and a
        // connection's variable limit can be lowered below any constant.
        Dialect::Sqlite => 1,
        // Both count parameters in 16 bits on the wire.
        Dialect::Postgres | Dialect::Mysql => 65_535,
    }
}

/// An executor whose statements are also counted in `log` (they are always
/// traced as `related::sql` events).
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// use related::prelude::*;
/// use related::{AsyncSqlite, Logged, StatementLog};
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post { id: i64, tags: ManyToMany<Tag> }
///
/// # let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// # rt.block_on(async {
/// let db = AsyncSqlite::open_in_memory()?; // or a PgPool, a MySqlPool...
/// db.create_tables(&[Tag::info(), Post::info()]).await?;
/// db.insert_all(&[Post { id: 1, tags: Default::default() }]).await?;
/// let log = StatementLog::new();
/// let query = Post::query().prefetch_related(Post::tags());
/// let posts = query.all_async(Logged::new(&db, &log)).await?;
/// assert_eq!(posts.len(), 1);
/// assert_eq!(log.count(), 2);
/// # Ok::<(), related::Error>(())
/// # }).unwrap();
/// # }
/// ```
///
/// `Logged<&PgPool>` (like `&PgPool`) is `Copy`: one value serves every
/// load of a function.
#[derive(Clone, Copy)]
pub struct Logged<'l, E> {
    executor: E,
    log: &'l StatementLog,
}

impl<'l, E: AsyncExecutor> Logged<'l, E> {
    /// `executor`, counting its statements in `log`.
    pub fn new(executor: E, log: &'l StatementLog) -> Self {
        Logged { executor, log }
    }
}

impl<E: AsyncExecutor> sealed::Sealed for Logged<'_, E> {}

// Not listed under "the following other types implement": the
// trait's own message names every executor.
#[diagnostic::do_not_recommend]
impl<E: AsyncExecutor> AsyncExecutor for Logged<'_, E> {
    fn ctx(&self) -> Ctx {
        self.executor.ctx()
    }

    fn __run<J: Job>(
        self,
        job: J,
        _outer: Option<&StatementLog>,
    ) -> impl Future<Output = (J, Result<u64>)> + Send {
        self.executor.__run(job, Some(self.log))
    }
}

/// Statements that return no rows, run in order.
pub(crate) struct Batch {
    statements: std::vec::IntoIter<Statement>,
    consistency: Consistency,
    /// Asked for `Atomic` (whatever the statement count).
    write: bool,
}

impl Batch {
    pub(crate) fn new(statements: Vec<Statement>, consistency: Consistency) -> Self {
        // One statement is atomic on its own: no BEGIN/COMMIT round trips.
        let asked = consistency;
        let consistency = if statements.len() > 1 {
            consistency
        } else {
            Consistency::None
        };
        Batch {
            statements: statements.into_iter(),
            write: asked == Consistency::Atomic,
            consistency,
        }
    }
}

impl Job for Batch {
    fn consistency(&self) -> Consistency {
        self.consistency
    }

    fn __undo_in_callers(&self) -> bool {
        self.write
    }

    fn next_statement(&mut self) -> Result<Option<Statement>> {
        Ok(self.statements.next())
    }

    fn accept_row(&mut self, _row: &dyn RawRow) -> Result<()> {
        Ok(())
    }
}

/// The DDL of `create_tables`, once the server is known.
pub(crate) struct CreateTables {
    models: Vec<&'static ModelInfo>,
    /// Known from the dialect, or (MySQL) from the version query's row.
    flavor: Option<Flavor>,
    asked: bool,
    /// Why the server's version could not be read, reported once asked.
    unreadable: Option<String>,
    /// `IN_TRANSACTION_QUERY` was sent (MariaDB), and what it answered.
    asked_transaction: bool,
    in_transaction: bool,
    ddl: Option<std::vec::IntoIter<Statement>>,
}

/// What tells MariaDB from MySQL.
const VERSION_QUERY: &str = "SELECT VERSION()";

/// Whether a MariaDB connection is inside a transaction, which each CREATE
/// TABLE would commit (MySQL and MariaDB commit before and after DDL): the
/// call is then refused. (MySQL 8 has no such variable.)
const IN_TRANSACTION_QUERY: &str = "SELECT CAST(@@in_transaction AS SIGNED)";

impl CreateTables {
    fn new(dialect: Dialect, models: Vec<&'static ModelInfo>) -> Self {
        CreateTables {
            models,
            flavor: match dialect {
                Dialect::Sqlite => Some(Flavor::Sqlite),
                Dialect::Postgres => Some(Flavor::Postgres),
                Dialect::Mysql => None,
            },
            asked: false,
            unreadable: None,
            asked_transaction: false,
            in_transaction: false,
            ddl: None,
        }
    }
}

impl Job for CreateTables {
    fn consistency(&self) -> Consistency {
        match self.flavor {
            // DDL is transactional there: one transaction (a savepoint
            // inside the caller's), so a table that exists already leaves
            // none of the others created.
            Some(Flavor::Sqlite | Flavor::Postgres) => Consistency::Atomic,
            // MySQL commits each CREATE TABLE by itself (and the caller's
            // transaction with it): a savepoint would be gone.
            _ => Consistency::None,
        }
    }

    fn next_statement(&mut self) -> Result<Option<Statement>> {
        if self.in_transaction {
            return Err(Error::Database {
                message: "`create_tables` inside a transaction on MariaDB: each CREATE TABLE would commit that transaction (MariaDB commits before and after DDL); no table was created; create them outside it".to_owned(),
                statement: IN_TRANSACTION_QUERY.to_owned(),
                source: None,
            });
        }
        if self.flavor == Some(Flavor::MariaDb) && !self.asked_transaction {
            self.asked_transaction = true;
            return Ok(Some(Statement {
                sql: IN_TRANSACTION_QUERY.to_owned(),
                params: Vec::new(),
            }));
        }
        if self.ddl.is_none() {
            let flavor = match self.flavor {
                Some(flavor) => flavor,
                None if !self.asked => {
                    self.asked = true;
                    return Ok(Some(Statement {
                        sql: VERSION_QUERY.to_owned(),
                        params: Vec::new(),
                    }));
                }
                None => {
                    return Err(Error::Database {
                        message: format!(
                            "cannot tell MySQL from MariaDB: {}",
                            self.unreadable
                                .take()
                                .unwrap_or_else(|| "no row".to_owned())
                        ),
                        statement: VERSION_QUERY.to_owned(),
                        source: None,
                    });
                }
            };
            schema::check(flavor, &self.models)?;
            let statements: Vec<Statement> = schema::create_tables(flavor, &self.models)
                .into_iter()
                .map(|sql| Statement {
                    sql,
                    params: Vec::new(),
                })
                .collect();
            self.ddl = Some(statements.into_iter());
        }
        Ok(self.ddl.as_mut().and_then(Iterator::next))
    }

    fn accept_row(&mut self, row: &dyn RawRow) -> Result<()> {
        if self.asked_transaction {
            self.in_transaction = matches!(row.get_i64(0), Ok(Some(1)));
            return Ok(());
        }
        if self.asked && self.flavor.is_none() {
            match row.get_string(0) {
                Ok(Some(version)) => self.flavor = Some(Flavor::from_mysql_version(&version)),
                Ok(None) => self.unreadable = Some("the version is NULL".to_owned()),
                Err(e) => self.unreadable = Some(e.to_string()),
            }
        }
        Ok(())
    }
}

/// The future an async load returns. Boxed, so that its type does not name
/// the executor: an argument that is not an executor (a blocking `&Sqlite`,
/// a pool by value) is then one error at the call, where an `async fn` also
/// reports it at the future and at its `.await` (three errors, 73 lines).
/// One allocation per load, next to a round trip to the database.
pub type Pending<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What `all_async` and the other async loads take: an [`AsyncExecutor`],
/// stated as `(): AsyncArg<'a, E>` rather than `E: AsyncExecutor`, so that
/// a connection given by value (`all_async(db)` for an `AsyncSqlite`) is one
/// error naming `&db`, without rustc's 18-line "consider borrowing".
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{E}` is not an async database connection: async loads take a reference to one (a sqlx pool, connection or transaction, or a `related::AsyncSqlite`)",
    label = "expected `&pool` (a `PgPool`, `MySqlPool`), `&mut *conn`, `&mut *tx`, or `&db` for an `AsyncSqlite`; behind an `Arc` or a guard: `&*state.db`; a blocking `Sqlite` loads with the same method without `_async`: `all(&db)`, `fetch(&db)`"
)]
pub trait AsyncArg<'a, E> {
    /// The executor.
    type Exec: AsyncExecutor + 'a;
    /// It.
    fn exec(executor: E) -> Self::Exec;
}

#[diagnostic::do_not_recommend]
impl<'a, E: AsyncExecutor + 'a> AsyncArg<'a, E> for () {
    type Exec = E;
    #[inline]
    fn exec(executor: E) -> E {
        executor
    }
}

impl<M: Model, L> Query<M, L> {
    /// [`Query::all`] on an async executor: `&pool`, `&mut *conn`,
    /// `&mut *tx`, an `AsyncSqlite` (features `sqlite` + `tokio`), or one of them in [`Logged`].
    /// Every statement runs on one connection, in one snapshot.
    #[rustfmt::skip]
    pub fn all_async<'a, E: 'a>(&'a self, executor: E) -> Pending<'a, Result<Vec<M>>> where (): AsyncArg<'a, E> {
        Box::pin(self.core.all_async(<() as AsyncArg<'a, E>>::exec(executor)))
    }

    /// [`Query::first`] on an async executor.
    #[rustfmt::skip]
    pub fn first_async<'a, E: 'a>(&'a self, executor: E) -> Pending<'a, Result<Option<M>>> where (): AsyncArg<'a, E> {
        Box::pin(self.core.first_async(<() as AsyncArg<'a, E>>::exec(executor)))
    }

    /// [`Query::one`] on an async executor.
    #[rustfmt::skip]
    pub fn one_async<'a, E: 'a>(&'a self, executor: E) -> Pending<'a, Result<M>> where (): AsyncArg<'a, E> {
        Box::pin(self.core.one_async(<() as AsyncArg<'a, E>>::exec(executor)))
    }

    /// [`Query::fetch`] on an async executor: typed rows.
    #[rustfmt::skip]
    pub fn fetch_async<'a, E: 'a>(&'a self, executor: E) -> Pending<'a, Result<Vec<Loaded<M, L>>>> where L: LoadSet<M>, (): AsyncArg<'a, E> {
        let executor = <() as AsyncArg<'a, E>>::exec(executor);
        Box::pin(async move {
            let dialect = executor.ctx().dialect;
            let rows = self.core.all_async(executor).await?;
            self.core.typed(rows, dialect)
        })
    }

    /// [`Query::fetch_one`] on an async executor.
    #[rustfmt::skip]
    pub fn fetch_one_async<'a, E: 'a>(&'a self, executor: E) -> Pending<'a, Result<Loaded<M, L>>> where L: LoadSet<M>, (): AsyncArg<'a, E> {
        let executor = <() as AsyncArg<'a, E>>::exec(executor);
        Box::pin(async move {
            let dialect = executor.ctx().dialect;
            let row = self.core.one_async(executor).await?;
            let mut rows = self.core.typed(vec![row], dialect)?;
            Ok(rows.remove(0))
        })
    }

    /// [`Query::fetch_onto`] on an async executor.
    #[rustfmt::skip]
    #[allow(clippy::type_complexity)]
    pub fn fetch_onto_async<'a, V, E: 'a>(&'a self, rows: V, executor: E) -> Pending<'a, Result<Vec<Loaded<M, <Onto<M, RowOf<V>> as Union<L>>::Output>>>> where (): OntoVec<V> + TypedOnto<M, RowOf<V>> + AsyncArg<'a, E>, Onto<M, RowOf<V>>: Union<L>, <Onto<M, RowOf<V>> as Union<L>>::Output: LoadSet<M>, L: LoadSet<M> {
        let executor = <() as AsyncArg<'a, E>>::exec(executor);
        let mut plain = <() as TypedOnto<M, RowOf<V>>>::plain(<() as OntoVec<V>>::into_vec(rows));
        let core = self.onto_core();
        Box::pin(async move {
            let dialect = executor.ctx().dialect;
            core.prefetch_onto_async(&mut plain, executor).await?;
            core.typed_onto(plain, dialect)
        })
    }

    /// [`Query::prefetch_onto`] on an async executor: the rows stay the
    /// caller's even when a statement fails.
    // One line: see `Query::prefetch_onto`.
    #[rustfmt::skip]
    pub fn prefetch_onto_async<'a, V: ?Sized, E: 'a>(&'a self, rows: &'a mut V, executor: E) -> Pending<'a, Result<()>> where (): OntoMut<V> + OntoRows<M, RowsIn<V>> + AsyncArg<'a, E>, L: LoadSet<M> {
        let rows = <() as OntoRows<M, RowsIn<V>>>::rows(<() as OntoMut<V>>::vec(rows));
        let core = self.onto_core();
        let executor = <() as AsyncArg<'a, E>>::exec(executor);
        Box::pin(async move { core.prefetch_onto_async(rows, executor).await })
    }
}

/// The bodies of the async methods above, compiled once per model (see
/// `exec::run`).
impl<M: Model> QueryCore<M> {
    async fn all_async<E: AsyncExecutor>(&self, executor: E) -> Result<Vec<M>> {
        let load = Load::of(self, executor.ctx())?;
        let (load, result) = executor.run(load).await;
        result.map(|_| load.finish())
    }

    async fn first_async<E: AsyncExecutor>(&self, executor: E) -> Result<Option<M>> {
        let q = self.first_query();
        Ok(q.all_async(executor).await?.into_iter().next())
    }

    async fn one_async<E: AsyncExecutor>(&self, executor: E) -> Result<M> {
        let q = self.capped(2);
        let dialect = executor.ctx().dialect;
        let rows = q.all_async(executor).await?;
        q.exactly_one(rows, dialect)
    }

    async fn prefetch_onto_async<E: AsyncExecutor>(
        &self,
        rows: &mut Vec<M>,
        executor: E,
    ) -> Result<()> {
        let load = Load::onto_rows(self, std::mem::take(rows), executor.ctx())?;
        let (load, result) = executor.run(load).await;
        *rows = match result {
            Ok(_) => load.finish(),
            Err(_) => load.into_rows(),
        };
        result.map(|_| ())
    }
}
