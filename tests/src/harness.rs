//! One database handle for every backend, so each test case is written once
//! and runs on SQLite, PostgreSQL and MySQL/MariaDB.

use std::future::Future;

use related::Onto;
use related::{
    Dialect, Executor, LinkSides, LoggedStatement, Model, ModelInfo, Query, Sqlite, StatementLog,
    Value,
};

use crate::server::{self, Pool, Server};

/// The backends a case can run on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
    Mysql,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
            Backend::Mysql => "mysql",
        }
    }
}

/// A fresh, empty database for one test case.
pub struct Db {
    inner: Inner,
}

enum Inner {
    Sqlite(Sqlite),
    /// A scratch schema on the PostgreSQL server.
    Postgres(Server),
    /// A scratch database on the MySQL/MariaDB server.
    Mysql(Server),
}

/// One test case: a function over a fresh database.
pub struct Case {
    pub name: &'static str,
    pub run: fn(&Db),
    /// Cases that take long (scale tests): the runner lists them as
    /// ignored, kind `slow`; `--include-ignored slow` runs them.
    pub slow: bool,
    /// The backends the case means something on (default: all).
    pub backends: &'static [Backend],
}

/// Every backend.
pub const ALL: &[Backend] = &[Backend::Sqlite, Backend::Postgres, Backend::Mysql];
/// Only the embedded backend (cases about SQLite-only settings).
pub const SQLITE: &[Backend] = &[Backend::Sqlite];
/// The database servers.
pub const SERVERS: &[Backend] = &[Backend::Postgres, Backend::Mysql];

impl Case {
    pub const fn new(name: &'static str, run: fn(&Db)) -> Self {
        Case {
            name,
            run,
            slow: false,
            backends: ALL,
        }
    }

    pub const fn slow(name: &'static str, run: fn(&Db)) -> Self {
        Case {
            name,
            run,
            slow: true,
            backends: ALL,
        }
    }

    /// Run the case only on `backends` (it is not listed on the others,
    /// rather than passing there without testing anything).
    pub const fn on(self, backends: &'static [Backend]) -> Self {
        Case { backends, ..self }
    }

    pub fn runs_on(&self, backend: Backend) -> bool {
        self.backends.contains(&backend)
    }
}

impl Db {
    /// A fresh in-memory SQLite database.
    pub fn sqlite() -> Db {
        Db {
            inner: Inner::Sqlite(Sqlite::open_in_memory().expect("open in-memory SQLite")),
        }
    }

    /// A fresh database of `backend`, or why it cannot be had: in-memory
    /// SQLite, or a scratch schema (PostgreSQL) / database (MySQL) on the
    /// server at `RELATED_POSTGRES_URL` / `RELATED_MYSQL_URL`, dropped when
    /// the `Db` is.
    pub fn open(backend: Backend, case: &str) -> Result<Db, String> {
        let _ = case;
        let inner = match backend {
            Backend::Sqlite => Inner::Sqlite(
                Sqlite::open_in_memory().map_err(|e| format!("in-memory SQLite: {e}"))?,
            ),
            Backend::Postgres => Inner::Postgres(Server::open(backend)?),
            Backend::Mysql => Inner::Mysql(Server::open(backend)?),
        };
        Ok(Db { inner })
    }

    pub fn backend(&self) -> Backend {
        match &self.inner {
            Inner::Sqlite(_) => Backend::Sqlite,
            Inner::Postgres(_) => Backend::Postgres,
            Inner::Mysql(_) => Backend::Mysql,
        }
    }

    pub fn dialect(&self) -> Dialect {
        match &self.inner {
            Inner::Sqlite(db) => db.ctx().dialect,
            Inner::Postgres(s) | Inner::Mysql(s) => s.dialect(),
        }
    }

    /// The SQLite connection, for cases that test SQLite-only behaviour.
    pub fn as_sqlite(&self) -> Option<&Sqlite> {
        match &self.inner {
            Inner::Sqlite(db) => Some(db),
            Inner::Postgres(_) | Inner::Mysql(_) => None,
        }
    }

    /// The server behind a PostgreSQL or MySQL database.
    pub fn as_server(&self) -> Option<&Server> {
        match &self.inner {
            Inner::Sqlite(_) => None,
            Inner::Postgres(s) | Inner::Mysql(s) => Some(s),
        }
    }

    /// A new pool of `max` connections onto this database (servers only),
    /// each running `session` statements when it connects.
    pub fn new_pool(&self, max: u32, session: &[&str]) -> Option<Pool> {
        let server = self.as_server()?;
        Some(
            server
                .new_pool(max, session)
                .expect("a pool onto the scratch database"),
        )
    }

    /// Run `f` to completion on the harness's tokio runtime.
    pub fn block_on<F: Future>(&self, f: F) -> F::Output {
        server::block_on(f)
    }

    pub fn log(&self) -> &StatementLog {
        match &self.inner {
            Inner::Sqlite(db) => db.log(),
            Inner::Postgres(s) | Inner::Mysql(s) => s.log(),
        }
    }

    pub fn all<M: Model, L>(&self, query: &Query<M, L>) -> related::Result<Vec<M>> {
        match &self.inner {
            Inner::Sqlite(db) => query.all(db),
            Inner::Postgres(s) | Inner::Mysql(s) => s.all(query),
        }
    }

    /// Typed rows ([`Query::fetch`]); async on the servers.
    pub fn fetch<M: Model, L: related::LoadSet<M>>(
        &self,
        query: &Query<M, L>,
    ) -> related::Result<Vec<related::Loaded<M, L>>> {
        match &self.inner {
            Inner::Sqlite(db) => query.fetch(db),
            Inner::Postgres(s) | Inner::Mysql(s) => s.fetch(query),
        }
    }

    /// One typed row ([`Query::fetch_one`]).
    pub fn fetch_one<M: Model, L: related::LoadSet<M>>(
        &self,
        query: &Query<M, L>,
    ) -> related::Result<related::Loaded<M, L>> {
        match &self.inner {
            Inner::Sqlite(db) => query.fetch_one(db),
            Inner::Postgres(s) | Inner::Mysql(s) => s.fetch_one(query),
        }
    }

    /// Typed rows with this query's prefetch levels added
    /// ([`Query::fetch_onto`]).
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
        match &self.inner {
            Inner::Sqlite(db) => query.fetch_onto(rows, db),
            Inner::Postgres(s) | Inner::Mysql(s) => s.fetch_onto(query, rows),
        }
    }

    pub fn first<M: Model, L>(&self, query: &Query<M, L>) -> related::Result<Option<M>> {
        match &self.inner {
            Inner::Sqlite(db) => query.first(db),
            Inner::Postgres(s) | Inner::Mysql(s) => s.first(query),
        }
    }

    pub fn one<M: Model, L>(&self, query: &Query<M, L>) -> related::Result<M> {
        match &self.inner {
            Inner::Sqlite(db) => query.one(db),
            Inner::Postgres(s) | Inner::Mysql(s) => s.one(query),
        }
    }

    pub fn count<M: Model, L>(&self, query: &Query<M, L>) -> related::Result<u64> {
        match &self.inner {
            Inner::Sqlite(db) => query.count(db),
            Inner::Postgres(s) | Inner::Mysql(s) => s.count(query),
        }
    }

    pub fn exists<M: Model, L>(&self, query: &Query<M, L>) -> related::Result<bool> {
        match &self.inner {
            Inner::Sqlite(db) => query.exists(db),
            Inner::Postgres(s) | Inner::Mysql(s) => s.exists(query),
        }
    }

    pub fn prefetch_onto<M: Model, L: related::LoadSet<M>>(
        &self,
        query: &Query<M, L>,
        rows: &mut Vec<M>,
    ) -> related::Result<()> {
        match &self.inner {
            Inner::Sqlite(db) => query.prefetch_onto(rows, db),
            Inner::Postgres(s) | Inner::Mysql(s) => s.prefetch_onto(query, rows),
        }
    }

    pub fn raw<M: Model>(&self, sql: &str, params: &[Value]) -> related::Result<Vec<M>> {
        match &self.inner {
            Inner::Sqlite(db) => db.raw(sql, params),
            Inner::Postgres(s) | Inner::Mysql(s) => s.raw(sql, params),
        }
    }

    pub fn execute(&self, sql: &str, params: &[Value]) -> related::Result<usize> {
        match &self.inner {
            Inner::Sqlite(db) => db.execute(sql, params),
            Inner::Postgres(s) | Inner::Mysql(s) => s.execute(sql, params),
        }
    }

    pub fn create_tables(&self, models: &[&'static ModelInfo]) -> related::Result<()> {
        match &self.inner {
            Inner::Sqlite(db) => db.create_tables(models),
            Inner::Postgres(s) | Inner::Mysql(s) => s.create_tables(models),
        }
    }

    pub fn insert<M: Model>(&self, row: &M) -> related::Result<()> {
        match &self.inner {
            Inner::Sqlite(db) => db.insert(row),
            Inner::Postgres(s) | Inner::Mysql(s) => s.insert(row),
        }
    }

    pub fn insert_all<M: Model>(&self, rows: &[M]) -> related::Result<()> {
        match &self.inner {
            Inner::Sqlite(db) => db.insert_all(rows),
            Inner::Postgres(s) | Inner::Mysql(s) => s.insert_all(rows),
        }
    }

    /// Link two rows of a many-to-many relation; each side a row or its key.
    pub fn link<R: related::LinkTable, S, T>(
        &self,
        relation: R,
        source: &S,
        target: &T,
    ) -> related::Result<()>
    where
        (): LinkSides<R, S, T>,
    {
        match &self.inner {
            Inner::Sqlite(db) => db.link(relation, source, target),
            Inner::Postgres(s) | Inner::Mysql(s) => s.link(relation, source, target),
        }
    }

    /// Link many pairs of a many-to-many relation (batched where the
    /// backend allows); each side a row or its key.
    pub fn link_all<R: related::LinkTable, S, T>(
        &self,
        relation: R,
        pairs: &[(S, T)],
    ) -> related::Result<()>
    where
        (): LinkSides<R, S, T>,
    {
        match &self.inner {
            Inner::Sqlite(db) => db.link_all(relation, pairs),
            Inner::Postgres(s) | Inner::Mysql(s) => s.link_all(relation, pairs),
        }
    }

    /// A database on this SQLite connection (for cases that need a
    /// specially configured one).
    pub fn from_sqlite(db: Sqlite) -> Db {
        Db {
            inner: Inner::Sqlite(db),
        }
    }

    /// Run `f` in one transaction (fast bulk inserts).
    pub fn transaction(&self, f: impl FnOnce(&Db) -> related::Result<()>) -> related::Result<()> {
        match &self.inner {
            Inner::Sqlite(db) => {
                db.execute_batch("BEGIN")?;
                let out = f(self);
                db.execute_batch(if out.is_ok() { "COMMIT" } else { "ROLLBACK" })?;
                out
            }
            Inner::Postgres(s) | Inner::Mysql(s) => s.transaction(|| f(self)),
        }
    }

    /// Run `f` and return its result with the statements it sent.
    ///
    /// On MySQL a key list is one placeholder per key, so the count depends
    /// on the data: captured SQL shows every `IN (?, ?, ...)` as `IN (?)`,
    /// as [`Db::sql`] writes them (`params` keeps the real count).
    pub fn capture<T>(&self, f: impl FnOnce() -> T) -> (T, Vec<LoggedStatement>) {
        let (out, mut sent) = self.log().capture(f);
        if self.dialect() == Dialect::Mysql {
            for s in &mut sent {
                s.sql = collapse_in_lists(&s.sql);
            }
        }
        (out, sent)
    }

    /// Translate SQL written in the SQLite form used by the tests (double
    /// quotes, `?`, `IN rarray(?)`) to this backend's dialect, so a case
    /// states its expected SQL once.
    pub fn sql(&self, sqlite_form: &str) -> String {
        translate(self.dialect(), sqlite_form)
    }
}

/// See [`Db::sql`].
pub fn translate(dialect: Dialect, sql: &str) -> String {
    match dialect {
        Dialect::Sqlite => sql.to_owned(),
        Dialect::Mysql => {
            collapse_in_lists(&sql.replace('"', "`").replace(" IN rarray(?)", " IN (?)"))
        }
        Dialect::Postgres => {
            let sql = sql.replace(" IN rarray(?)", " = ANY(?)");
            let mut out = String::with_capacity(sql.len() + 8);
            let mut n = 0;
            for c in sql.chars() {
                if c == '?' {
                    n += 1;
                    out.push_str(&format!("${n}"));
                } else {
                    out.push(c);
                }
            }
            out
        }
    }
}

/// `IN (?, ?, ?)` -> `IN (?)`: the shape of an IN list without its length.
pub fn collapse_in_lists(sql: &str) -> String {
    const OPEN: &str = " IN (?";
    let mut out = String::with_capacity(sql.len());
    let mut rest = sql;
    while let Some(at) = rest.find(OPEN) {
        let after = at + OPEN.len();
        out.push_str(&rest[..after]);
        rest = &rest[after..];
        while let Some(more) = rest.strip_prefix(", ?") {
            rest = more;
        }
    }
    out.push_str(rest);
    out
}
