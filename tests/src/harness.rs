//! One database handle for every backend, so each test case is written once
//! and runs on SQLite, PostgreSQL and MySQL/MariaDB.

use related::{
    Dialect, Executor, LoggedStatement, Model, ModelInfo, Query, Relation, Sqlite, StatementLog,
    Value,
};

/// A (source key, target key) pair of a many-to-many relation.
pub type LinkPair<R> = (
    <<R as Relation>::Source as Model>::Pk,
    <<R as Relation>::Target as Model>::Pk,
);

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
}

/// One test case: a function over a fresh database.
pub struct Case {
    pub name: &'static str,
    pub run: fn(&Db),
    /// Cases that take long (scale tests); the runner marks them so
    /// `--skip slow` can leave them out.
    pub slow: bool,
}

impl Case {
    pub const fn new(name: &'static str, run: fn(&Db)) -> Self {
        Case {
            name,
            run,
            slow: false,
        }
    }

    pub const fn slow(name: &'static str, run: fn(&Db)) -> Self {
        Case {
            name,
            run,
            slow: true,
        }
    }
}

impl Db {
    /// A fresh in-memory SQLite database.
    pub fn sqlite() -> Db {
        Db {
            inner: Inner::Sqlite(Sqlite::open_in_memory().expect("open in-memory SQLite")),
        }
    }

    /// A fresh database of `backend`, or why it cannot be had.
    pub fn open(backend: Backend, case: &str) -> Result<Db, String> {
        let _ = case;
        match backend {
            Backend::Sqlite => Ok(Db::sqlite()),
            other => Err(format!("{} is not wired into the harness", other.name())),
        }
    }

    pub fn backend(&self) -> Backend {
        match &self.inner {
            Inner::Sqlite(_) => Backend::Sqlite,
        }
    }

    pub fn dialect(&self) -> Dialect {
        match &self.inner {
            Inner::Sqlite(db) => db.ctx().dialect,
        }
    }

    /// The SQLite connection, for cases that test SQLite-only behaviour.
    pub fn as_sqlite(&self) -> Option<&Sqlite> {
        match &self.inner {
            Inner::Sqlite(db) => Some(db),
        }
    }

    pub fn log(&self) -> &StatementLog {
        match &self.inner {
            Inner::Sqlite(db) => db.log(),
        }
    }

    pub fn all<M: Model>(&self, query: &Query<M>) -> related::Result<Vec<M>> {
        match &self.inner {
            Inner::Sqlite(db) => query.all(db),
        }
    }

    pub fn prefetch_onto<M: Model>(
        &self,
        query: &Query<M>,
        rows: &mut Vec<M>,
    ) -> related::Result<()> {
        match &self.inner {
            Inner::Sqlite(db) => query.prefetch_onto(rows, db),
        }
    }

    pub fn raw<M: Model>(&self, sql: &str, params: &[Value]) -> related::Result<Vec<M>> {
        match &self.inner {
            Inner::Sqlite(db) => db.raw(sql, params),
        }
    }

    pub fn execute(&self, sql: &str, params: &[Value]) -> related::Result<usize> {
        match &self.inner {
            Inner::Sqlite(db) => db.execute(sql, params),
        }
    }

    pub fn create_tables(&self, models: &[&'static ModelInfo]) -> related::Result<()> {
        match &self.inner {
            Inner::Sqlite(db) => db.create_tables(models),
        }
    }

    pub fn insert<M: Model>(&self, row: &M) -> related::Result<()> {
        match &self.inner {
            Inner::Sqlite(db) => db.insert(row),
        }
    }

    pub fn insert_all<M: Model>(&self, rows: &[M]) -> related::Result<()> {
        match &self.inner {
            Inner::Sqlite(db) => db.insert_all(rows),
        }
    }

    pub fn link<R: Relation>(
        &self,
        relation: R,
        source: &<R::Source as Model>::Pk,
        target: &<R::Target as Model>::Pk,
    ) -> related::Result<()> {
        match &self.inner {
            Inner::Sqlite(db) => db.link(relation, source, target),
        }
    }

    /// Link many pairs of a many-to-many relation (batched where the
    /// backend allows).
    pub fn link_all<R: Relation>(&self, relation: R, pairs: &[LinkPair<R>]) -> related::Result<()> {
        match &self.inner {
            Inner::Sqlite(db) => {
                db.transaction(|db| pairs.iter().try_for_each(|(s, t)| db.link(relation, s, t)))
            }
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
        }
    }

    /// Run `f` and return its result with the statements it sent.
    pub fn capture<T>(&self, f: impl FnOnce() -> T) -> (T, Vec<LoggedStatement>) {
        self.log().capture(f)
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
        Dialect::Mysql => sql.replace('"', "`"),
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
