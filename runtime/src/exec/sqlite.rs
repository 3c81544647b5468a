//! The embedded default: SQLite through rusqlite with SQLite bundled
//! (nothing to install). Key lists are bound as ONE `rarray` parameter, so a
//! prefetch of any size is one statement with one prepared plan.

use std::path::Path as FsPath;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use rusqlite::types::{ToSql, ToSqlOutput, Value as SqlValue, ValueRef};

use crate::error::CellError;
use crate::error::{Error, Result};
use crate::exec::executor::{Consistency, Executor, Raw, run_job};
use crate::model::column::{RawRow, narrow, narrow_f32};
use crate::model::relation::{LinkArgs, LinkPairs, Linkable, Relation, not_many_to_many};
use crate::model::table::Model;
use crate::model::types::temporal;
use crate::model::types::temporal::DURATION_RANGE;
use crate::model::value::{SqlDate, SqlDuration, SqlTime, SqlTimestamp, Value};
use crate::observe::log::StatementLog;
use crate::plan::schema::{self, InsertRow, InsertRows, TablesArg};
use crate::plan::sql::{Ctx, Dialect, KeyBinding, Statement};
use crate::query::django::{ConnectInstead, DbWriteInstead, InsertManyInstead};

/// A SQLite connection with a statement log.
///
/// # Example
///
/// ```
/// use related::prelude::*;
/// use related::{Error, Sqlite, Value};
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post { id: i64, title: String, tags: ManyToMany<Tag> }
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let db = Sqlite::open_in_memory()?;
/// // Tables, the through table `post_tags` and its indexes.
/// db.create_tables(&[Tag::info(), Post::info()])?;
/// db.insert(&Post { id: 1, title: "Joins".into(), tags: Default::default() })?;
/// db.insert_all(&[Tag { id: 1, name: "rust".into() }, Tag { id: 2, name: "sql".into() }])?;
/// db.link(Post::tags(), &1, &2)?; // post 1 -> tag 2
///
/// // A failed transaction leaves nothing behind.
/// let failed = db.transaction(|db| {
///     db.insert(&Tag { id: 3, name: "orm".into() })?;
///     db.insert(&Tag { id: 1, name: "again".into() }) // duplicate key
/// });
/// assert!(matches!(failed, Err(Error::Database { .. })));
/// assert_eq!(Tag::query().count(&db)?, 2);
///
/// // The caller's own SQL: a statement, and rows read by column name.
/// let params = [Value::Text("Rust".into()), Value::I64(1)];
/// let changed = db.execute("UPDATE tag SET name = ? WHERE id = ?", &params)?;
/// assert_eq!(changed, 1);
/// let tags: Vec<Tag> = db.raw("SELECT name, id FROM tag ORDER BY name", &[])?;
/// assert_eq!(tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["Rust", "sql"]);
///
/// let before = db.log().count();
/// let post = Post::query().prefetch_related(Post::tags()).one(&db)?;
/// assert_eq!(post.tags.get()?[0].name, "sql");
/// assert_eq!(db.log().count() - before, 2); // the post, then its tags
/// # Ok(()) }
/// ```
pub struct Sqlite {
    conn: rusqlite::Connection,
    // Shared so an `AsyncSqlite` can read it without taking the connection.
    log: Arc<StatementLog>,
    binding: KeyBinding,
    /// How many of the open `Executor::begin`s took a savepoint (writes
    /// inside the caller's transaction) rather than a BEGIN: their `end`
    /// releases it. They nest inside the BEGIN, if any.
    savepoints: std::cell::Cell<u32>,
}

impl Sqlite {
    /// A fresh in-memory database.
    pub fn open_in_memory() -> Result<Self> {
        let conn = rusqlite::Connection::open_in_memory().map_err(connect_error)?;
        Self::from_connection(conn)
    }

    /// A database file (created if missing).
    pub fn open(path: impl AsRef<FsPath>) -> Result<Self> {
        let conn = rusqlite::Connection::open(path).map_err(connect_error)?;
        Self::from_connection(conn)
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

    /// Wrap a connection the caller already has.
    pub fn from_connection(conn: rusqlite::Connection) -> Result<Self> {
        rusqlite::vtab::array::load_module(&conn).map_err(connect_error)?;
        // Decimal columns are text compared as numbers (see `schema`).
        conn.create_collation(
            crate::plan::schema::DECIMAL_COLLATION,
            crate::model::types::text::decimal_cmp,
        )
        .map_err(connect_error)?;
        conn.set_prepared_statement_cache_capacity(128);
        Ok(Sqlite {
            conn,
            log: Arc::new(StatementLog::new()),
            binding: KeyBinding::OneParameter,
            savepoints: std::cell::Cell::new(0),
        })
    }

    /// Bind key lists as one placeholder per key instead of one `rarray`
    /// parameter, splitting at the connection's variable limit (for
    /// connections or tools that cannot use `rarray`).
    ///
    /// ```
    /// use related::prelude::*;
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Tag { id: i64 }
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Post { id: i64, tags: ManyToMany<Tag> }
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mut db = related::Sqlite::open_in_memory()?.with_expanded_key_lists();
    /// assert_eq!(db.set_max_variables(4), 4);
    /// db.create_tables(&[Tag::info(), Post::info()])?;
    /// db.insert_all(&(1..=10).map(|id| Post { id, tags: Default::default() }).collect::<Vec<_>>())?;
    ///
    /// let before = db.log().count();
    /// let posts = Post::query().prefetch_related(Post::tags()).all(&db)?;
    /// assert!(posts.iter().all(|p| p.tags.is_loaded()));
    /// // The posts, then their 10 keys in 3 statements of at most 4.
    /// assert_eq!(db.log().count() - before, 1 + 3);
    /// # Ok(()) }
    /// ```
    pub fn with_expanded_key_lists(mut self) -> Self {
        self.binding = KeyBinding::Expanded {
            max: self.max_variables(),
        };
        self
    }

    /// The connection's bind-variable limit (`SQLITE_LIMIT_VARIABLE_NUMBER`).
    pub fn max_variables(&self) -> usize {
        self.conn
            .limit(rusqlite::limits::Limit::SQLITE_LIMIT_VARIABLE_NUMBER)
            .ok()
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(999)
    }

    /// Lower the connection's bind-variable limit (SQLite can only lower it).
    pub fn set_max_variables(&mut self, max: usize) -> usize {
        let max = i32::try_from(max).unwrap_or(i32::MAX);
        let _ = self
            .conn
            .set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_VARIABLE_NUMBER, max);
        let now = self.max_variables();
        if let KeyBinding::Expanded { .. } = self.binding {
            self.binding = KeyBinding::Expanded { max: now };
        }
        now
    }

    /// The wrapped rusqlite connection (statements sent through it are not
    /// logged).
    pub fn connection(&self) -> &rusqlite::Connection {
        &self.conn
    }

    /// Every statement sent through this wrapper.
    pub fn log(&self) -> &StatementLog {
        &self.log
    }

    #[cfg(feature = "tokio")]
    pub(crate) fn shared_log(&self) -> Arc<StatementLog> {
        Arc::clone(&self.log)
    }

    /// Transaction control of several statements (a savepoint's rollback
    /// and release): traced, not counted, as [`Sqlite::control`].
    fn control_batch(&self, sql: &str) -> Result<()> {
        let start = Instant::now();
        self.conn.execute_batch(sql).map_err(|e| db_error(e, sql))?;
        crate::observe::log::trace_control(sql, start.elapsed());
        Ok(())
    }

    /// Roll back the transaction a failed COMMIT left open, if it did:
    /// SQLite keeps it open for the caller to retry, and nothing would end
    /// it (later writes would then succeed in it and be lost on close).
    fn abandon(&self) {
        if !self.conn.is_autocommit() {
            let _ = self.control("ROLLBACK");
        }
    }

    /// Transaction control: traced, not counted (see `Executor::begin`).
    fn control(&self, sql: &str) -> Result<()> {
        let start = Instant::now();
        // Sent around every load of several statements: prepared once.
        self.conn
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.execute([]))
            .map_err(|e| db_error(e, sql))?;
        crate::observe::log::trace_control(sql, start.elapsed());
        Ok(())
    }

    /// Run one statement that returns no rows; returns the changed row count.
    /// SQL holding more than one statement is refused
    /// ([`Error::SeveralStatements`]); [`Sqlite::execute_batch`] runs several.
    pub fn execute(&self, sql: &str, params: &[Value]) -> Result<usize> {
        crate::plan::sql_text::one_statement(Dialect::Sqlite, sql)?;
        let start = Instant::now();
        let bound = bind(params);
        let refs: Vec<&dyn ToSql> = bound.iter().map(|p| p as &dyn ToSql).collect();
        let n = self
            .conn
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.execute(refs.as_slice()))
            .map_err(|e| db_error(e, sql));
        // Counted whether it succeeded or not, as Django's
        // `assertNumQueries` counts a query that raised.
        self.log.record(sql, params.len(), 0, start.elapsed());
        n
    }

    /// Run several statements separated by `;` (no parameters).
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        let start = Instant::now();
        let done = self.conn.execute_batch(sql).map_err(|e| db_error(e, sql));
        self.log.record(sql, 0, 0, start.elapsed());
        done
    }

    /// Create the tables of `models` with their through tables, foreign key
    /// constraints and indexes, in any order of `models`.
    ///
    /// ```
    /// use related::prelude::*;
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Author { id: i64 }
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Post { id: i64, author: ForeignKey<Author> }
    ///
    /// # fn main() -> related::Result<()> {
    /// let db = related::Sqlite::open_in_memory()?;
    /// db.create_tables(&[Author::info(), Post::info()])?;
    /// // Any list of them: a `Vec`, an iterator, the `info` functions.
    /// let other = related::Sqlite::open_in_memory()?;
    /// other.create_tables(vec![Post::info(), Author::info()])?;
    /// let third = related::Sqlite::open_in_memory()?;
    /// third.create_tables(&[Author::info, Post::info])?;
    /// third.insert(&Author { id: 1 })?;
    /// third.insert(&Post { id: 1, author: ForeignKey::new(1) })?;
    /// # Ok(()) }
    /// ```
    // One line: the error quotes the bound's line.
    #[rustfmt::skip]
    pub fn create_tables<T>(&self, models: T) -> Result<()> where (): TablesArg<T> {
        let models = <() as TablesArg<T>>::infos(models);
        schema::check(schema::Flavor::Sqlite, &models)?;
        // One transaction (a savepoint inside the caller's): a table that
        // exists already leaves none of the others created.
        self.transaction(|db| {
            for sql in schema::create_tables(schema::Flavor::Sqlite, &models) {
                db.execute(&sql, &[])?;
            }
            Ok(())
        })
    }

    /// Insert one row (every stored column, the primary key included):
    /// `db.insert(&row)`.
    // One line: a struct without the derive reads "required by this bound"
    // in one line (see `InsertRow`).
    #[rustfmt::skip]
    pub fn insert<R>(&self, row: R) -> Result<()> where (): InsertRow<R> {
        let stmt = <() as InsertRow<R>>::insert(Dialect::Sqlite, row);
        self.execute(&stmt.sql, &stmt.params).map(|_| ())
    }

    /// Insert many rows in one transaction (a savepoint inside the
    /// caller's, see [`Sqlite::transaction`]).
    #[rustfmt::skip]
    pub fn insert_all<R>(&self, rows: R) -> Result<()> where (): InsertRows<R> {
        let rows = <() as InsertRows<R>>::as_slice(&rows);
        self.transaction(|db| rows.iter().try_for_each(|r| db.insert(r)))
    }

    /// Link two rows of a many-to-many relation (from either side): each
    /// side is a row or its primary key (`&post` or `&post.id`).
    // One line, so that a relation that is not many-to-many reads "required
    // by this bound" in one line (see `Linkable`).
    #[rustfmt::skip]
    pub fn link<R: Relation, S, T>(&self, relation: R, source: S, target: T) -> Result<()> where (): Linkable<R> + LinkArgs<R, S, T> {
        let (source, target) = <() as LinkArgs<R, S, T>>::keys(&source, &target);
        self.link_keys(relation, source, target)
    }

    /// Link many pairs of rows of a many-to-many relation (from either
    /// side), in one transaction (a savepoint inside the caller's): each side
    /// a row or its primary key, as for [`Sqlite::link`].
    #[rustfmt::skip]
    pub fn link_all<R: Relation, P>(&self, relation: R, pairs: P) -> Result<()> where (): Linkable<R> + LinkPairs<R, P> {
        let pairs = <() as LinkPairs<R, P>>::as_slice(&pairs);
        self.transaction(|db| {
            pairs.iter().try_for_each(|(s, t)| {
                let (s, t) = <() as LinkPairs<R, P>>::keys(s, t);
                db.link_keys(relation, s, t)
            })
        })
    }

    fn link_keys<R: Relation>(
        &self,
        relation: R,
        source: &<R::Source as Model>::Pk,
        target: &<R::Target as Model>::Pk,
    ) -> Result<()> {
        let _ = relation;
        let stmt =
            schema::link::<R>(Dialect::Sqlite, source, target).ok_or_else(not_many_to_many::<R>)?;
        self.execute(&stmt.sql, &stmt.params).map(|_| ())
    }

    /// Run `f` inside a transaction: committed if it returns Ok, rolled back
    /// otherwise. Inside a transaction of the caller's (a `BEGIN` of their
    /// own, or an outer `transaction`), `f` runs in a savepoint instead:
    /// an error undoes only what `f` did, and the caller's transaction stays
    /// open for the caller to end (as Django's nested `atomic`).
    pub fn transaction<T>(&self, f: impl FnOnce(&Self) -> Result<T>) -> Result<T> {
        let (begin, commit, rollback) = if self.conn.is_autocommit() {
            ("BEGIN", "COMMIT", "ROLLBACK")
        } else {
            (
                "SAVEPOINT related",
                "RELEASE related",
                "ROLLBACK TO related; RELEASE related",
            )
        };
        // Transaction control, traced and not counted, as around a load.
        self.control_batch(begin)?;
        // If `f` panics, the guard rolls back as the stack unwinds: the
        // connection is not left inside a transaction nobody will end.
        let mut open = OpenTransaction {
            db: self,
            rollback: Some(rollback),
        };
        let result = f(self);
        open.rollback = None;
        match result {
            Ok(v) => match self.control_batch(commit) {
                Ok(()) => Ok(v),
                Err(e) => {
                    // A COMMIT refused (another connection's lock: "database
                    // is locked") leaves SQLite's transaction open for a
                    // retry; this call reports the error instead, so it ends
                    // the transaction it opened rather than leave later
                    // writes in one nobody commits.
                    if begin == "BEGIN" {
                        self.abandon();
                    } else {
                        let _ = self.control_batch(rollback);
                    }
                    Err(e)
                }
            },
            Err(e) => {
                let _ = self.control_batch(rollback);
                Err(e)
            }
        }
    }

    /// Rows of `M` from the caller's own SQL. `M`'s stored columns are
    /// found in the result by name, in any order (e.g. `SELECT * FROM
    /// table`); other columns are ignored; a missing column is an error.
    /// One statement: SQL holding more is refused
    /// ([`Error::SeveralStatements`]).
    pub fn raw<M: Model>(&self, sql: &str, params: &[Value]) -> Result<Vec<M>> {
        crate::plan::sql_text::one_statement(Dialect::Sqlite, sql)?;
        let mut job = Raw::<M>::new(sql, params);
        run_job(self, &mut job)?;
        Ok(job.into_rows())
    }
}

/// A transaction (or savepoint) of [`Sqlite::transaction`] whose closure
/// has not returned.
struct OpenTransaction<'a> {
    db: &'a Sqlite,
    /// What ends it, until the closure returns.
    rollback: Option<&'static str>,
}

impl Drop for OpenTransaction<'_> {
    fn drop(&mut self) {
        if let Some(rollback) = self.rollback {
            let _ = self.db.conn.execute_batch(rollback);
        }
    }
}

// Hidden from diagnostics: `Executor`'s own message names `Sqlite`.
#[diagnostic::do_not_recommend]
impl Executor for Sqlite {
    fn ctx(&self) -> Ctx {
        Ctx {
            dialect: Dialect::Sqlite,
            binding: self.binding,
        }
    }

    fn begin(&self, consistency: Consistency) -> Result<bool> {
        if consistency == Consistency::None {
            return Ok(false);
        }
        if !self.conn.is_autocommit() {
            // The caller's transaction. Writes that belong together
            // (`insert_all` on `AsyncSqlite`) take a savepoint in it, so a
            // failure undoes their rows and only those, as
            // `Sqlite::transaction` does; reads need none.
            if consistency != Consistency::Atomic {
                return Ok(false);
            }
            self.control("SAVEPOINT related")?;
            self.savepoints.set(self.savepoints.get() + 1);
            return Ok(true);
        }
        // A deferred BEGIN: the first SELECT takes the read snapshot (WAL) or
        // the shared lock (rollback journal) that every later statement of
        // the load then shares.
        self.control("BEGIN")?;
        Ok(true)
    }

    fn end(&self, commit: bool) -> Result<()> {
        if self.savepoints.get() > 0 {
            self.savepoints.set(self.savepoints.get() - 1);
            return if commit {
                self.control("RELEASE related")
            } else {
                self.control_batch("ROLLBACK TO related; RELEASE related")
            };
        }
        if !commit {
            return self.control("ROLLBACK");
        }
        self.control("COMMIT").inspect_err(|_| self.abandon())
    }

    fn run(
        &self,
        statement: &Statement,
        sink: &mut dyn FnMut(&dyn RawRow) -> Result<()>,
    ) -> Result<usize> {
        let start = Instant::now();
        let sql = statement.sql.as_str();
        let bound = bind(&statement.params);
        let refs: Vec<&dyn ToSql> = bound.iter().map(|p| p as &dyn ToSql).collect();
        let mut n = 0;
        let mut read = || -> Result<()> {
            let mut stmt = self
                .conn
                .prepare_cached(sql)
                .map_err(|e| db_error(e, sql))?;
            let mut rows = stmt.query(refs.as_slice()).map_err(|e| db_error(e, sql))?;
            while let Some(row) = rows.next().map_err(|e| db_error(e, sql))? {
                sink(&SqliteRow(row))?;
                n += 1;
            }
            Ok(())
        };
        let done = read();
        // Counted whether it succeeded or not (a failing statement is the
        // one a budget's report most needs to show).
        self.log
            .record(sql, statement.params.len(), n, start.elapsed());
        done.map(|()| n)
    }
}

/// A bind parameter in rusqlite's terms.
enum Param {
    Plain(SqlValue),
    Array(Rc<Vec<SqlValue>>),
    /// A value SQLite cannot hold, refused when the statement binds it.
    Invalid(&'static str),
}

impl ToSql for Param {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        match self {
            Param::Plain(v) => Ok(ToSqlOutput::Borrowed(ValueRef::from(v))),
            Param::Array(a) => a.to_sql(),
            Param::Invalid(why) => Err(rusqlite::Error::ToSqlConversionFailure((*why).into())),
        }
    }
}

const YEAR_RANGE: &str = "a date or time outside the years 0000 to 9999 (in UTC, for an instant): SQLite keeps them as text, whose order would not be the dates' order";

/// `v` as SQLite stores it, or why it cannot be (a duration past 64-bit
/// microseconds, refused alone or in a list, as on the servers).
fn stored(v: &Value) -> std::result::Result<SqlValue, &'static str> {
    Ok(match v {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::I64(i) => SqlValue::Integer(*i),
        Value::F64(f) => SqlValue::Real(*f),
        Value::Text(s) => SqlValue::Text(s.clone()),
        Value::Bytes(b) => SqlValue::Blob(b.clone()),
        // Lists only appear as a whole parameter (handled in `bind`).
        Value::List(_) => SqlValue::Null,
        // Dates and times as the text Django writes (Python's `str()`:
        // `YYYY-MM-DD HH:MM:SS[.ffffff]`, an instant in UTC without an
        // offset), so that a filter compares equal to what a Django-made
        // table holds; text order is time order. UUIDs hyphenated,
        // decimals and JSON as their text.
        // Only years 0000 to 9999: the text of another (`10000-01-01`,
        // `-0044-03-15`) would not sort, nor compare, as its date.
        Value::Date(d) if !d.text_sorts() => return Err(YEAR_RANGE),
        Value::Timestamp(ts) | Value::TimestampTz(ts) if !ts.split().0.text_sorts() => {
            return Err(YEAR_RANGE);
        }
        Value::Date(d) => SqlValue::Text(temporal::date_text(*d)),
        Value::Time(t) => SqlValue::Text(temporal::time_text(*t, temporal::python_digits(t.nanos))),
        Value::Timestamp(ts) | Value::TimestampTz(ts) => SqlValue::Text(temporal::timestamp_text(
            *ts,
            temporal::python_digits(ts.nanos),
            false,
        )),
        Value::Uuid(u) => SqlValue::Text(crate::model::types::text::uuid_text(u)),
        Value::Decimal(s) | Value::Json(s) => SqlValue::Text(s.clone()),
        // Microseconds in an INTEGER, as Django stores a duration.
        Value::Duration(d) => SqlValue::Integer(d.micros().ok_or(DURATION_RANGE)?),
    })
}

fn bind(params: &[Value]) -> Vec<Param> {
    params
        .iter()
        .map(|v| match v {
            Value::List(items) => match items.iter().map(stored).collect() {
                Ok(items) => Param::Array(Rc::new(items)),
                Err(why) => Param::Invalid(why),
            },
            // SQLite stores a NaN as NULL: refused, rather than a value
            // that reads back as None (or fails a NOT NULL constraint).
            Value::F64(f) if f.is_nan() => Param::Invalid(
                "NaN: SQLite has no NaN (it would store NULL); store it as NULL yourself (`Option<f64>`) or use another value",
            ),
            v => match stored(v) {
                Ok(v) => Param::Plain(v),
                Err(why) => Param::Invalid(why),
            },
        })
        .collect()
}

fn connect_error(e: rusqlite::Error) -> Error {
    Error::Connect {
        message: e.to_string(),
        source: Some(Box::new(e)),
    }
}

fn db_error(e: rusqlite::Error, sql: &str) -> Error {
    let message = match &e {
        // Its Display repeats the whole statement, which the error shows
        // (shortened) already.
        rusqlite::Error::SqlInputError { msg, offset, .. } => {
            format!("{msg} (at byte {offset} of the statement)")
        }
        rusqlite::Error::MultipleStatement => {
            "the SQL holds more than one statement; one call sends one".to_owned()
        }
        // A value refused before SQLite saw it (`Param::Invalid`): said as
        // the servers' binding errors are.
        rusqlite::Error::ToSqlConversionFailure(why) => {
            format!("cannot bind a parameter: {why}")
        }
        e => e.to_string(),
    };
    Error::Database {
        message,
        statement: sql.to_owned(),
        source: Some(Box::new(e)),
    }
}

struct SqliteRow<'a, 'b>(&'a rusqlite::Row<'b>);

fn type_name(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => "NULL",
        ValueRef::Integer(_) => "integer",
        ValueRef::Real(_) => "real",
        ValueRef::Text(_) => "text",
        ValueRef::Blob(_) => "blob",
    }
    .to_owned()
}

// The getters run once per cell of every row: the happy path is inlined and
// every error is built out of line, so the common case stays a few
// instructions on top of rusqlite's own.
#[cold]
#[inline(never)]
fn cell_error(e: rusqlite::Error) -> CellError {
    match e {
        rusqlite::Error::InvalidColumnIndex(i) => CellError::NoSuchColumn(i),
        e => CellError::Driver(e.to_string()),
    }
}

#[cold]
#[inline(never)]
fn wrong_type(expected: &'static str, found: ValueRef<'_>) -> CellError {
    CellError::WrongType {
        expected,
        found: type_name(found),
    }
}

impl SqliteRow<'_, '_> {
    #[inline]
    fn cell(&self, idx: usize) -> Result<ValueRef<'_>, CellError> {
        self.0.get_ref(idx).map_err(cell_error)
    }

    #[inline]
    fn int(&self, idx: usize, expected: &'static str) -> Result<Option<i64>, CellError> {
        match self.cell(idx)? {
            ValueRef::Null => Ok(None),
            ValueRef::Integer(i) => Ok(Some(i)),
            other => Err(wrong_type(expected, other)),
        }
    }
}

impl SqliteRow<'_, '_> {
    /// A TEXT cell parsed by `parse`; `expected` names the form.
    fn parsed<T, E>(
        &self,
        idx: usize,
        expected: &'static str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<Option<T>, CellError> {
        match self.cell(idx)? {
            ValueRef::Null => Ok(None),
            ValueRef::Text(bytes) => {
                let bad = || CellError::WrongType {
                    expected,
                    found: format!("{:?}", String::from_utf8_lossy(bytes)),
                };
                let s = std::str::from_utf8(bytes).map_err(|_| bad())?;
                parse(s).map(Some).map_err(|_| bad())
            }
            other => Err(wrong_type(expected, other)),
        }
    }
}

impl RawRow for SqliteRow<'_, '_> {
    fn column_count(&self) -> usize {
        AsRef::<rusqlite::Statement<'_>>::as_ref(self.0).column_count()
    }

    fn column_name(&self, idx: usize) -> Option<&str> {
        AsRef::<rusqlite::Statement<'_>>::as_ref(self.0)
            .column_name(idx)
            .ok()
    }

    fn get_date(&self, idx: usize) -> Result<Option<SqlDate>, CellError> {
        self.parsed(idx, "a date as text (YYYY-MM-DD)", temporal::parse_date)
    }

    fn get_time(&self, idx: usize) -> Result<Option<SqlTime>, CellError> {
        self.parsed(
            idx,
            "a time of day as text (HH:MM:SS.fff)",
            temporal::parse_time,
        )
    }

    fn get_timestamp(&self, idx: usize) -> Result<Option<SqlTimestamp>, CellError> {
        self.parsed(
            idx,
            "a date and time as text (YYYY-MM-DD HH:MM:SS.fff, no offset)",
            |s| temporal::parse_timestamp(s, false),
        )
    }

    fn get_timestamptz(&self, idx: usize) -> Result<Option<SqlTimestamp>, CellError> {
        self.parsed(
            idx,
            "a date and time as text (YYYY-MM-DD HH:MM:SS.fff+HH:MM)",
            |s| temporal::parse_timestamp(s, true),
        )
    }

    fn get_duration(&self, idx: usize) -> Result<Option<SqlDuration>, CellError> {
        Ok(self
            .int(idx, "a duration in microseconds (integer)")?
            .map(SqlDuration::from_micros))
    }

    fn get_uuid(&self, idx: usize) -> Result<Option<[u8; 16]>, CellError> {
        match self.cell(idx)? {
            ValueRef::Null => Ok(None),
            ValueRef::Text(bytes) => std::str::from_utf8(bytes)
                .map_err(|_| CellError::WrongType {
                    expected: "a UUID",
                    found: "text that is not valid UTF-8".to_owned(),
                })
                .and_then(crate::model::types::text::parse_uuid)
                .map(Some),
            other => Err(wrong_type("a UUID as text", other)),
        }
    }

    fn get_decimal(&self, idx: usize) -> Result<Option<String>, CellError> {
        // A column of NUMERIC affinity (Django's `decimal` on SQLite) keeps
        // `1.50` as the REAL 1.5 and `2.00` as the INTEGER 2: read them as
        // the shortest decimal that is that number (Rust's `Display` of an
        // `f64` never writes an exponent).
        match self.cell(idx)? {
            ValueRef::Integer(i) => return Ok(Some(i.to_string())),
            ValueRef::Real(f) if f.is_finite() => return Ok(Some(f.to_string())),
            _ => {}
        }
        self.parsed(idx, "a decimal number as text", |s| {
            crate::model::types::text::split_decimal(s)
                .map(|_| s.to_owned())
                .ok_or(())
        })
    }

    fn get_json(&self, idx: usize) -> Result<Option<String>, CellError> {
        self.parsed(idx, "a JSON document as text", |s| {
            Ok::<_, ()>(s.to_owned())
        })
    }

    fn is_null(&self, idx: usize) -> Result<bool, CellError> {
        Ok(matches!(self.cell(idx)?, ValueRef::Null))
    }

    fn get_bool(&self, idx: usize) -> Result<Option<bool>, CellError> {
        match self.int(idx, "bool (integer 0 or 1)")? {
            None => Ok(None),
            Some(0) => Ok(Some(false)),
            Some(1) => Ok(Some(true)),
            Some(v) => Err(CellError::OutOfRange {
                value: v.to_string(),
                expected: "bool",
            }),
        }
    }

    fn get_i16(&self, idx: usize) -> Result<Option<i16>, CellError> {
        self.int(idx, "integer")?
            .map(|v| narrow(v, "i16"))
            .transpose()
    }

    fn get_i32(&self, idx: usize) -> Result<Option<i32>, CellError> {
        self.int(idx, "integer")?
            .map(|v| narrow(v, "i32"))
            .transpose()
    }

    fn get_i64(&self, idx: usize) -> Result<Option<i64>, CellError> {
        self.int(idx, "integer")
    }

    fn get_f32(&self, idx: usize) -> Result<Option<f32>, CellError> {
        self.get_f64(idx)?.map(narrow_f32).transpose()
    }

    fn get_f64(&self, idx: usize) -> Result<Option<f64>, CellError> {
        match self.cell(idx)? {
            ValueRef::Null => Ok(None),
            ValueRef::Real(f) => Ok(Some(f)),
            // SQLite stores integral REAL values as integers when it can.
            ValueRef::Integer(i) => Ok(Some(i as f64)),
            other => Err(wrong_type("real", other)),
        }
    }

    fn get_string(&self, idx: usize) -> Result<Option<String>, CellError> {
        match self.cell(idx)? {
            ValueRef::Null => Ok(None),
            ValueRef::Text(bytes) => std::str::from_utf8(bytes)
                .map(|s| Some(s.to_owned()))
                .map_err(|_| CellError::WrongType {
                    expected: "UTF-8 text",
                    found: "text that is not valid UTF-8".to_owned(),
                }),
            other => Err(wrong_type("text", other)),
        }
    }

    fn get_bytes(&self, idx: usize) -> Result<Option<Vec<u8>>, CellError> {
        match self.cell(idx)? {
            ValueRef::Null => Ok(None),
            ValueRef::Blob(b) => Ok(Some(b.to_vec())),
            other => Err(wrong_type("blob", other)),
        }
    }
}
