//! CREATE TABLE statements for a set of models, with their foreign key and
//! through-table constraints, and INSERT statements for rows and links.
//!
//! The executors run these (`Sqlite::create_tables`,
//! `AsyncExecutor::create_tables`); they are public for migrations written
//! by hand, or to look at the DDL.
//!
//! ```
//! use related::prelude::*;
//! use related::schema::{self, Flavor, LinkPair};
//! use related::{Dialect, Value};
//!
//! #[derive(Clone, Debug, Model)]
//! struct Tag { id: i64, name: String }
//!
//! #[derive(Clone, Debug, Model)]
//! #[related(table = "blog_post")]
//! struct Post { id: i64, title: String, tags: ManyToMany<Tag> }
//!
//! let ddl = schema::create_tables(Flavor::Postgres, &[Tag::info(), Post::info()]);
//! assert!(ddl.iter().any(|s| s.starts_with(r#"CREATE TABLE "blog_post""#)));
//! assert!(ddl.iter().any(|s| s.contains(r#""blog_post_tags""#))); // the through table
//! assert_eq!(Flavor::from_mysql_version("10.11.6-MariaDB"), Flavor::MariaDb);
//! assert_eq!(Flavor::MariaDb.dialect(), Dialect::Mysql);
//!
//! let post = Post { id: 1, title: "Joins".into(), tags: Default::default() };
//! let insert = schema::insert(Dialect::Postgres, &post);
//! assert!(insert.sql.starts_with(r#"INSERT INTO "blog_post""#));
//! assert_eq!(insert.params, [Value::I64(1), Value::Text("Joins".into())]);
//!
//! // The link functions take the relation as a type: that of its handle.
//! fn links<R: related::Relation>(_relation: R, pairs: &[LinkPair<R>]) -> Vec<related::Statement> {
//!     schema::link_many::<R>(Dialect::Sqlite, pairs, 999).unwrap_or_default()
//! }
//! let statements = links(Post::tags(), &[(1, 1), (1, 2)]);
//! assert_eq!(statements.len(), 1); // both pairs in one statement
//! assert!(statements[0].sql.starts_with(r#"INSERT INTO "blog_post_tags""#));
//! assert_eq!(statements[0].params.len(), 4);
//! ```

use crate::model::relation::{LinkPairs, Relation, RelationKind};
use crate::model::table::{Model, ModelInfo};
use crate::model::typed::Loaded;
use crate::model::value::{SqlType, Value};
use crate::plan::sql::{Dialect, SqlWriter, Statement};

/// The database server DDL is written for. The dialect decides the SQL;
/// MySQL and MariaDB, one dialect, name their collations differently.
/// The [module's example](self) uses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// SQLite.
    Sqlite,
    /// PostgreSQL.
    Postgres,
    /// MariaDB.
    MariaDb,
    /// MySQL.
    Mysql,
}

impl Flavor {
    /// The dialect of this server's SQL.
    pub fn dialect(self) -> Dialect {
        match self {
            Flavor::Sqlite => Dialect::Sqlite,
            Flavor::Postgres => Dialect::Postgres,
            Flavor::MariaDb | Flavor::Mysql => Dialect::Mysql,
        }
    }

    /// A MySQL-dialect server from what `SELECT VERSION()` returned
    /// (MariaDB says so in its version string).
    pub fn from_mysql_version(version: &str) -> Flavor {
        if version.to_ascii_lowercase().contains("mariadb") {
            Flavor::MariaDb
        } else {
            Flavor::Mysql
        }
    }
}

/// The collation of decimal columns on SQLite: numeric order of decimal
/// text. Registered on every connection `Sqlite` opens or wraps; another
/// SQLite client reading such a column must register one of that name.
pub const DECIMAL_COLLATION: &str = "related_decimal";

fn column_type(flavor: Flavor, t: SqlType, key: bool) -> &'static str {
    match (flavor.dialect(), t) {
        (Dialect::Sqlite, SqlType::Bool | SqlType::I16 | SqlType::I32 | SqlType::I64) => "INTEGER",
        (Dialect::Sqlite, SqlType::F32 | SqlType::F64) => "REAL",
        // SQLite's default collation, BINARY, compares bytes: keys match
        // exactly as Rust's `==` does.
        (Dialect::Sqlite, SqlType::Text) => "TEXT",
        (Dialect::Sqlite, SqlType::Bytes) => "BLOB",
        (Dialect::Postgres, SqlType::Bool) => "BOOLEAN",
        (Dialect::Postgres, SqlType::I16) => "SMALLINT",
        (Dialect::Postgres, SqlType::I32) => "INTEGER",
        (Dialect::Postgres, SqlType::I64) => "BIGINT",
        (Dialect::Postgres, SqlType::F32) => "REAL",
        (Dialect::Postgres, SqlType::F64) => "DOUBLE PRECISION",
        // The database's default collation may be nondeterministic or fold
        // case; "C" compares bytes, whatever the database.
        (Dialect::Postgres, SqlType::Text) if key => r#"TEXT COLLATE "C""#,
        (Dialect::Postgres, SqlType::Text) => "TEXT",
        (Dialect::Postgres, SqlType::Bytes) => "BYTEA",
        (Dialect::Mysql, SqlType::Bool) => "BOOLEAN",
        (Dialect::Mysql, SqlType::I16) => "SMALLINT",
        (Dialect::Mysql, SqlType::I32) => "INT",
        (Dialect::Mysql, SqlType::I64) => "BIGINT",
        (Dialect::Mysql, SqlType::F32) => "FLOAT",
        (Dialect::Mysql, SqlType::F64) => "DOUBLE",
        // Keys must be indexable in MySQL, which TEXT is not. Key columns
        // take a binary collation WITHOUT padding, so that `'fr'`, `'FR'`
        // and `'fr '` are three keys, as in Rust (the default collation
        // folds case, and `utf8mb4_bin` ignores trailing blanks). Other
        // text columns compare the same way, so that a filter finds the
        // rows it does on SQLite and PostgreSQL (`eq("Ann")` is not
        // `"Ann "`), and hold any `String` (LONGTEXT, as Django's
        // TextField: a VARCHAR(255) refused a post's body).
        (Dialect::Mysql, SqlType::Text) if key => match flavor {
            Flavor::Mysql => "VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin",
            _ => "VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin",
        },
        (Dialect::Mysql, SqlType::Text) => match flavor {
            Flavor::Mysql => "LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin",
            _ => "LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin",
        },
        (Dialect::Mysql, SqlType::Bytes) if key => "VARBINARY(255)",
        (Dialect::Mysql, SqlType::Bytes) => "LONGBLOB",
        // Narrow and unsigned integers: the smallest type that holds them.
        (Dialect::Sqlite, SqlType::I8 | SqlType::U8 | SqlType::U16 | SqlType::U32) => "INTEGER",
        (Dialect::Postgres, SqlType::I8 | SqlType::U8) => "SMALLINT",
        (Dialect::Postgres, SqlType::U16) => "INTEGER",
        (Dialect::Postgres, SqlType::U32) => "BIGINT",
        (Dialect::Mysql, SqlType::I8) => "TINYINT",
        (Dialect::Mysql, SqlType::U8) => "TINYINT UNSIGNED",
        (Dialect::Mysql, SqlType::U16) => "SMALLINT UNSIGNED",
        (Dialect::Mysql, SqlType::U32) => "INT UNSIGNED",
        // SQLite: ISO 8601 text, fixed width so that text order is time
        // order; an instant is kept in UTC with `+00:00`.
        (
            Dialect::Sqlite,
            SqlType::Date | SqlType::Time | SqlType::Timestamp | SqlType::TimestampTz,
        ) => "TEXT",
        (Dialect::Postgres, SqlType::Date) => "DATE",
        (Dialect::Postgres, SqlType::Time) => "TIME",
        (Dialect::Postgres, SqlType::Timestamp) => "TIMESTAMP",
        (Dialect::Postgres, SqlType::TimestampTz) => "TIMESTAMPTZ",
        (Dialect::Mysql, SqlType::Date) => "DATE",
        (Dialect::Mysql, SqlType::Time) => "TIME(6)",
        // DATETIME, not TIMESTAMP: TIMESTAMP ends in 2038 and converts
        // through the session's time zone. Instants are stored in UTC.
        (Dialect::Mysql, SqlType::Timestamp | SqlType::TimestampTz) => "DATETIME(6)",
        // Microseconds, as Django's `DurationField` stores them.
        (Dialect::Sqlite, SqlType::Duration) => "INTEGER",
        (Dialect::Postgres, SqlType::Duration) => "INTERVAL",
        (Dialect::Mysql, SqlType::Duration) => "BIGINT",
        (Dialect::Sqlite, SqlType::Uuid) => "TEXT",
        (Dialect::Postgres, SqlType::Uuid) => "UUID",
        (Dialect::Mysql, SqlType::Uuid) => "CHAR(36) CHARACTER SET ascii COLLATE ascii_bin",
        // SQLite's NUMERIC affinity would turn long decimals into floats:
        // exact text, compared as numbers by a collation every `Sqlite`
        // connection registers.
        (Dialect::Sqlite, SqlType::Decimal) => "TEXT COLLATE related_decimal",
        (Dialect::Postgres, SqlType::Decimal) => "NUMERIC",
        // Every rust_decimal::Decimal: at most 28 fraction digits and 29
        // integer digits.
        (Dialect::Mysql, SqlType::Decimal) => "DECIMAL(65, 28)",
        (Dialect::Sqlite, SqlType::Json) => "TEXT",
        (Dialect::Postgres, SqlType::Json) => "JSONB",
        (Dialect::Mysql, SqlType::Json) => "JSON",
    }
}

/// The statements that create the tables of `models` on `flavor`, their
/// through tables and indexes on every foreign key column. Foreign key
/// constraints are inline on SQLite and added afterwards elsewhere, so the
/// order of `models` does not matter. Text key columns (primary, foreign and
/// link keys) compare exactly: binary, without padding.
///
/// A through table that is itself one of `models` (an explicit through
/// model, with its own key and columns) is created once, as that model.
///
/// ```
/// use related::prelude::*;
/// use related::schema::{self, Flavor};
///
/// #[derive(Clone, Debug, Model)]
/// struct Author { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post { id: i64, author: ForeignKey<Author> }
///
/// # fn main() -> related::Result<()> {
/// // Any order: `post` references `author`, listed after it.
/// let ddl = schema::create_tables(Flavor::Sqlite, &[Post::info(), Author::info()]);
/// let db = related::Sqlite::open_in_memory()?;
/// db.execute_batch(&ddl.join(";\n"))?;
/// db.insert(&Author { id: 1, name: "Ann".into() })?;
/// db.insert(&Post { id: 1, author: ForeignKey::new(1) })?;
/// // The foreign key is enforced.
/// assert!(db.insert(&Post { id: 2, author: ForeignKey::new(9) }).is_err());
/// # Ok(()) }
/// ```
pub fn create_tables(flavor: Flavor, models: &[&'static ModelInfo]) -> Vec<String> {
    let dialect = flavor.dialect();
    let mut tables = Vec::new();
    let mut after = Vec::new();
    // Through models first count as done, whatever their place in the list.
    let mut through_done: Vec<&'static str> = models.iter().map(|m| m.table).collect();
    for m in models {
        let mut w = SqlWriter::new(dialect);
        w.push("CREATE TABLE ").ident(m.table).push(" (");
        for (i, c) in m.columns.iter().enumerate() {
            if i > 0 {
                w.push(", ");
            }
            let key = i == m.pk || c.references.is_some();
            w.ident(c.name)
                .push(" ")
                .push(column_type(flavor, c.sql_type, key));
            if i == m.pk {
                w.push(" PRIMARY KEY");
            }
            if !c.nullable {
                w.push(" NOT NULL");
            }
            if c.unique && i != m.pk {
                w.push(" UNIQUE");
            }
            if let (Some(target), Dialect::Sqlite) = (c.references, dialect) {
                let t = target();
                w.push(" REFERENCES ")
                    .ident(t.table)
                    .push(" (")
                    .ident(t.pk_column().name)
                    .push(")");
            }
        }
        w.push(")");
        tables.push(w.sql);
        for c in m.columns.iter().filter(|c| c.references.is_some()) {
            let t = (c.references.expect("filtered"))();
            if dialect != Dialect::Sqlite {
                after.push(add_fk(dialect, m.table, c.name, t));
            }
            if !c.unique {
                after.push(index(dialect, m.table, &[c.name]));
            }
        }
        for rel in m.relations {
            let info = rel();
            if let RelationKind::ManyToMany {
                through,
                source_column,
                target_column,
            } = info.kind
            {
                if through_done.contains(&through) {
                    continue;
                }
                through_done.push(through);
                let source = (info.source)();
                let target = (info.target)();
                let mut w = SqlWriter::new(dialect);
                w.push("CREATE TABLE ").ident(through).push(" (");
                for (i, (col, model)) in [(source_column, source), (target_column, target)]
                    .into_iter()
                    .enumerate()
                {
                    if i > 0 {
                        w.push(", ");
                    }
                    w.ident(col)
                        .push(" ")
                        .push(column_type(flavor, model.pk_column().sql_type, true))
                        .push(" NOT NULL");
                    if dialect == Dialect::Sqlite {
                        w.push(" REFERENCES ")
                            .ident(model.table)
                            .push(" (")
                            .ident(model.pk_column().name)
                            .push(")");
                    }
                }
                w.push(", PRIMARY KEY (")
                    .ident(source_column)
                    .push(", ")
                    .ident(target_column)
                    .push("))");
                tables.push(w.sql);
                if dialect != Dialect::Sqlite {
                    after.push(add_fk(dialect, through, source_column, source));
                    after.push(add_fk(dialect, through, target_column, target));
                }
                after.push(index(dialect, through, &[target_column]));
            }
        }
    }
    tables.extend(after);
    tables
}

/// [`refused`] as the error `create_tables` returns.
pub(crate) fn check(flavor: Flavor, models: &[&'static ModelInfo]) -> crate::error::Result<()> {
    match refused(flavor, models) {
        None => Ok(()),
        Some((message, statement)) => Err(crate::error::Error::Database {
            message: format!("{message} (refused before anything was sent)"),
            statement,
            source: None,
        }),
    }
}

/// What `create_tables` refuses before it sends anything, as the message
/// and the statement it is about:
/// - a table or column name past the server's limit: PostgreSQL cuts names
///   past 63 bytes in silence (two long names sharing their start would be
///   one table), MySQL refuses names past 64 characters;
/// - a model whose table is another model's many-to-many link table but
///   lacks the link's two columns (only the model's table would be made,
///   and every `link` and prefetch of the relation would fail).
pub(crate) fn refused(flavor: Flavor, models: &[&'static ModelInfo]) -> Option<(String, String)> {
    let too_long = |name: &str| match flavor {
        Flavor::Sqlite => false,
        Flavor::Postgres => name.len() > 63,
        Flavor::MariaDb | Flavor::Mysql => name.chars().count() > 64,
    };
    let limit = match flavor {
        Flavor::Postgres => "PostgreSQL cuts names past 63 bytes, so two long names can become one",
        _ => "MySQL and MariaDB take names of at most 64 characters",
    };
    let statement = |table: &str| {
        let mut w = SqlWriter::new(flavor.dialect());
        w.push("CREATE TABLE ").ident(table).push(" (...)");
        w.sql
    };
    for m in models {
        let names =
            std::iter::once(("table", m.table)).chain(m.columns.iter().map(|c| ("column", c.name)));
        for (what, name) in names {
            if too_long(name) {
                return Some((
                    format!(
                        "the {what} name `{name}` of `{}` is too long: {limit}; give it a shorter one with `#[related({what} = \"...\")]`",
                        m.name
                    ),
                    statement(m.table),
                ));
            }
        }
        for rel in m.relations {
            let info = rel();
            let RelationKind::ManyToMany {
                through,
                source_column,
                target_column,
            } = info.kind
            else {
                continue;
            };
            for (what, name) in [
                ("link table", through),
                ("link column", source_column),
                ("link column", target_column),
            ] {
                if too_long(name) {
                    return Some((
                        format!(
                            "the {what} name `{name}` of `{}.{}` is too long: {limit}",
                            info.model, info.name
                        ),
                        statement(through),
                    ));
                }
            }
            let Some(other) = models.iter().find(|x| x.table == through) else {
                continue;
            };
            let missing: Vec<&str> = [source_column, target_column]
                .into_iter()
                .filter(|col| !other.columns.iter().any(|c| c.name == *col))
                .collect();
            if !missing.is_empty() {
                return Some((
                    format!(
                        "`{through}` is the link table of `{}.{}` and the table of the model `{}`, which has no column `{}`: name one of the two tables otherwise (`#[related(through = \"...\")]` on the field, or `#[related(table = \"...\")]` on the model)",
                        info.model,
                        info.name,
                        other.name,
                        missing.join("`, `"),
                    ),
                    statement(through),
                ));
            }
        }
    }
    None
}

fn add_fk(dialect: Dialect, table: &str, column: &str, target: &ModelInfo) -> String {
    let mut w = SqlWriter::new(dialect);
    w.push("ALTER TABLE ")
        .ident(table)
        .push(" ADD CONSTRAINT ")
        .ident(&object_name(&format!("fk_{table}_{column}")))
        .push(" FOREIGN KEY (")
        .ident(column)
        .push(") REFERENCES ")
        .ident(target.table)
        .push(" (")
        .ident(target.pk_column().name)
        .push(")");
    w.sql
}

/// The name of a constraint or index `create_tables` makes, within the
/// shortest limit of the three databases (63 bytes: PostgreSQL cuts longer
/// names, so two long ones can become the same; MySQL refuses names over
/// 64 characters). A longer name keeps its start, cut at a character
/// boundary, and ends in a hash of the whole name, so that names stay
/// distinct and the same on every run.
fn object_name(full: &str) -> String {
    const LIMIT: usize = 63;
    if full.len() <= LIMIT {
        return full.to_owned();
    }
    // FNV-1a, 64 bits: stable across runs and versions, unlike std's
    // hasher.
    let hash = full.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let suffix = format!("_{hash:016x}");
    let mut cut = LIMIT - suffix.len();
    while !full.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}{suffix}", &full[..cut])
}

fn index(dialect: Dialect, table: &str, columns: &[&str]) -> String {
    let mut w = SqlWriter::new(dialect);
    w.push("CREATE INDEX ")
        .ident(&object_name(&format!("ix_{table}_{}", columns.join("_"))))
        .push(" ON ")
        .ident(table)
        .push(" (");
    for (i, c) in columns.iter().enumerate() {
        if i > 0 {
            w.push(", ");
        }
        w.ident(c);
    }
    w.push(")");
    w.sql
}

/// What `insert` takes: `&row`, one row of a model. Stated on `()` with
/// the argument's whole type as the parameter, so that a row by value, a
/// list, or a struct without the derive is one error naming what to write
/// (a `&M` parameter made a row by value rustc's 19-line "mismatched
/// types", and a list "not a model").
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`insert` takes `&row`, a reference to one row of a model, not a `{R}`",
    label = "write `db.insert(&row)`, or `db.insert(row)` where `row` is a reference already (`for row in &rows`); a list of rows goes in with `db.insert_all(&rows)`",
    note = "a struct becomes a model, with a table to insert into, with `#[derive(related::Model)]`"
)]
pub trait InsertRow<R> {
    /// [`insert`] for `row`.
    fn insert(dialect: Dialect, row: R) -> Statement;
}

// Through `RowRef`, not as `impl InsertRow<&M>`: with one impl rustc
// would infer the argument to be a reference before reading it, and a row
// by value would be "mismatched types" again.
#[diagnostic::do_not_recommend]
impl<R: RowRef> InsertRow<R> for () {
    #[inline]
    fn insert(dialect: Dialect, row: R) -> Statement {
        row.insert_statement(dialect)
    }
}

/// `&row` for a row of a model: what [`InsertRow`] accepts.
#[doc(hidden)]
pub trait RowRef {
    /// [`insert`] for the row.
    fn insert_statement(&self, dialect: Dialect) -> Statement;
}

impl<M: Model> RowRef for &M {
    #[inline]
    fn insert_statement(&self, dialect: Dialect) -> Statement {
        insert(dialect, *self)
    }
}

/// A typed row inserts as its model (the relations it holds are not
/// written: a row's own columns are, its keys among them).
impl<M: Model, L> RowRef for &Loaded<M, L> {
    #[inline]
    fn insert_statement(&self, dialect: Dialect) -> Statement {
        insert(dialect, self.as_model())
    }
}

/// What `create_tables` takes: the models' [`ModelInfo`]s, as any list of
/// them (`&[Post::info(), Tag::info()]`, an array, a `Vec`, an iterator),
/// the `info` functions themselves included (`&[Post::info, Tag::info]`).
/// Stated on `()` so that anything else is one error naming the form.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`create_tables` takes the models' `info()`, not `{T}`",
    label = "write `db.create_tables(&[Author::info(), Post::info()])`: one `Model::info()` per model",
    note = "the through tables of many-to-many fields, the foreign keys and the indexes come with the models"
)]
pub trait TablesArg<T> {
    /// The models, in the order given.
    fn infos(models: T) -> Vec<&'static ModelInfo>;
}

#[diagnostic::do_not_recommend]
impl<T: IntoIterator> TablesArg<T> for ()
where
    T::Item: InfoArg,
{
    fn infos(models: T) -> Vec<&'static ModelInfo> {
        models.into_iter().map(InfoArg::info).collect()
    }
}

/// One element of [`TablesArg`]: a model's `info()`, or `info` uncalled.
#[doc(hidden)]
pub trait InfoArg {
    /// The model's description.
    fn info(self) -> &'static ModelInfo;
}

impl InfoArg for &'static ModelInfo {
    fn info(self) -> &'static ModelInfo {
        self
    }
}

impl InfoArg for &&'static ModelInfo {
    fn info(self) -> &'static ModelInfo {
        self
    }
}

impl<F: Fn() -> &'static ModelInfo> InfoArg for F {
    fn info(self) -> &'static ModelInfo {
        self()
    }
}

/// What `insert_all` takes: `&rows`, a reference to a `Vec`, a slice or an
/// array of rows of a model; stated as [`InsertRow`] is, for the same
/// reason.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`insert_all` takes `&rows`, a reference to a list of rows of a model, not a `{R}`",
    label = "write `db.insert_all(&rows)` (a `Vec`, a slice or an array of rows, not of references: `.cloned()` them into a `Vec` first); one row goes in with `db.insert(&row)`",
    note = "a struct becomes a model, with a table to insert into, with `#[derive(related::Model)]`"
)]
pub trait InsertRows<R> {
    /// The model of the rows.
    type Model: Model;
    /// The rows as a slice.
    fn as_slice(rows: &R) -> &[Self::Model];
}

#[diagnostic::do_not_recommend]
impl<M: Model> InsertRows<&[M]> for () {
    type Model = M;
    #[inline]
    fn as_slice<'r>(rows: &'r &[M]) -> &'r [M] {
        rows
    }
}

#[diagnostic::do_not_recommend]
impl<M: Model> InsertRows<&Vec<M>> for () {
    type Model = M;
    #[inline]
    fn as_slice<'r>(rows: &'r &Vec<M>) -> &'r [M] {
        rows
    }
}

#[diagnostic::do_not_recommend]
impl<M: Model, const N: usize> InsertRows<&[M; N]> for () {
    type Model = M;
    #[inline]
    fn as_slice<'r>(rows: &'r &[M; N]) -> &'r [M] {
        &rows[..]
    }
}

#[diagnostic::do_not_recommend]
impl<M: Model, L> InsertRows<&[Loaded<M, L>]> for () {
    type Model = M;
    #[inline]
    fn as_slice<'r>(rows: &'r &[Loaded<M, L>]) -> &'r [M] {
        Loaded::model_slice(rows)
    }
}

#[diagnostic::do_not_recommend]
impl<M: Model, L> InsertRows<&Vec<Loaded<M, L>>> for () {
    type Model = M;
    #[inline]
    fn as_slice<'r>(rows: &'r &Vec<Loaded<M, L>>) -> &'r [M] {
        Loaded::model_slice(rows)
    }
}

/// `INSERT INTO table (columns...) VALUES (...)` for one row (an example
/// at [`Statement`]).
pub fn insert<M: Model>(dialect: Dialect, row: &M) -> Statement {
    let info = M::info();
    let mut w = SqlWriter::new(dialect);
    w.push("INSERT INTO ").ident(info.table).push(" (");
    for (i, c) in info.columns.iter().enumerate() {
        if i > 0 {
            w.push(", ");
        }
        w.ident(c.name);
    }
    w.push(") VALUES (");
    for (i, v) in row.values().into_iter().enumerate() {
        if i > 0 {
            w.push(", ");
        }
        w.param(v);
    }
    w.push(")");
    w.finish()
}

/// The keys of a row of a many-to-many relation `R`: (source key, target
/// key).
pub type LinkPair<R> = (
    <<R as Relation>::Source as Model>::Pk,
    <<R as Relation>::Target as Model>::Pk,
);

/// Multi-row `INSERT INTO table (columns...) VALUES (...), (...)` statements
/// for `rows`, each with at most `max_params` parameters and about 4 MiB
/// of values (at least one row per statement).
///
/// ```
/// use related::prelude::*;
/// use related::{Dialect, schema};
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64, name: String }
///
/// let tags: Vec<Tag> = (1..=5).map(|id| Tag { id, name: format!("t{id}") }).collect();
/// let statements = schema::insert_many(Dialect::Mysql, &tags, 4); // 2 rows of 2 values each
/// assert_eq!(statements.iter().map(|s| s.params.len()).collect::<Vec<_>>(), [4, 4, 2]);
/// assert!(statements[0].sql.ends_with("VALUES (?, ?), (?, ?)"));
/// ```
pub fn insert_many<M: Model>(dialect: Dialect, rows: &[M], max_params: usize) -> Vec<Statement> {
    let info = M::info();
    let columns: Vec<&str> = info.columns.iter().map(|c| c.name).collect();
    insert_rows(
        dialect,
        info.table,
        &columns,
        rows.iter().map(|r| r.values()),
        max_params,
    )
}

/// Multi-row INSERTs into the through table of a many-to-many relation
/// (either side), `(source, target)` pairs. None for other relation kinds.
/// The [module's example](self) calls it.
pub fn link_many<R: Relation>(
    dialect: Dialect,
    pairs: &[LinkPair<R>],
    max_params: usize,
) -> Option<Vec<Statement>> {
    link_pairs::<R, _>(dialect, &pairs, max_params)
}

/// [`link_many`] for pairs whose sides are rows or keys (`link_all`).
pub(crate) fn link_pairs<R: Relation, P>(
    dialect: Dialect,
    pairs: &P,
    max_params: usize,
) -> Option<Vec<Statement>>
where
    (): LinkPairs<R, P>,
{
    use crate::model::column::Column;
    let (through, source_column, target_column) = R::info().kind.through()?;
    Some(insert_rows(
        dialect,
        through,
        &[source_column, target_column],
        <() as LinkPairs<R, P>>::as_slice(pairs)
            .iter()
            .map(|(s, t)| {
                let (s, t) = <() as LinkPairs<R, P>>::keys(s, t);
                vec![s.to_value(), t.to_value()]
            }),
        max_params,
    ))
}

/// How many bytes of values one multi-row INSERT carries at most: under
/// MySQL's smallest default `max_allowed_packet` (4 MiB on MySQL 5.7; 16
/// MiB on MariaDB, 64 MiB on MySQL 8), which a larger statement passes and
/// fails whole, as a lost connection. Elsewhere it only costs a statement
/// per 4 MiB.
const MAX_STATEMENT_BYTES: usize = 4 << 20;

/// About how many bytes `value` takes in a statement's packet.
fn value_bytes(value: &Value) -> usize {
    match value {
        Value::Text(s) | Value::Decimal(s) | Value::Json(s) => s.len() + 9,
        Value::Bytes(b) => b.len() + 9,
        Value::List(items) => items.iter().map(value_bytes).sum(),
        _ => 17,
    }
}

/// A key list cut into the lists of the statements that send it expanded
/// (one placeholder per key): each at most `size` keys, and at most about
/// [`MAX_STATEMENT_BYTES`] of values (`spellings` placeholders a key), so
/// that long text keys stay under MySQL's packet limit too. At least one key
/// a list.
pub(crate) fn key_chunks(keys: Vec<Value>, size: usize, spellings: usize) -> Vec<Vec<Value>> {
    let size = size.max(1);
    let mut out = Vec::new();
    let mut current: Vec<Value> = Vec::new();
    let mut bytes = 0;
    for key in keys {
        let b = value_bytes(&key) * spellings.max(1);
        if !current.is_empty() && (current.len() >= size || bytes + b > MAX_STATEMENT_BYTES) {
            out.push(std::mem::take(&mut current));
            bytes = 0;
        }
        bytes += b;
        current.push(key);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn insert_rows(
    dialect: Dialect,
    table: &str,
    columns: &[&str],
    rows: impl Iterator<Item = Vec<Value>>,
    max_params: usize,
) -> Vec<Statement> {
    let per_statement = (max_params / columns.len().max(1)).max(1);
    let mut out = Vec::new();
    let mut w: Option<SqlWriter> = None;
    let mut in_statement = 0;
    let mut bytes = 0;
    for values in rows {
        // A statement also ends before its values pass MAX_STATEMENT_BYTES
        // (a row larger than that goes alone).
        let row_bytes: usize = values.iter().map(value_bytes).sum();
        if in_statement > 0 && bytes + row_bytes > MAX_STATEMENT_BYTES {
            out.extend(w.take().map(SqlWriter::finish));
            in_statement = 0;
        }
        if in_statement == 0 {
            bytes = 0;
        }
        bytes += row_bytes;
        let writer = w.get_or_insert_with(|| {
            let mut w = SqlWriter::new(dialect);
            w.push("INSERT INTO ").ident(table).push(" (");
            for (i, c) in columns.iter().enumerate() {
                if i > 0 {
                    w.push(", ");
                }
                w.ident(c);
            }
            w.push(") VALUES ");
            w
        });
        if in_statement > 0 {
            writer.push(", ");
        }
        writer.push("(");
        for (i, v) in values.into_iter().enumerate() {
            if i > 0 {
                writer.push(", ");
            }
            writer.param(v);
        }
        writer.push(")");
        in_statement += 1;
        if in_statement == per_statement {
            out.extend(w.take().map(SqlWriter::finish));
            in_statement = 0;
        }
    }
    out.extend(w.map(SqlWriter::finish));
    out
}

/// `INSERT INTO through (source, target) VALUES (...)` linking two rows of a
/// many-to-many relation (either side). None for other relation kinds.
/// `Sqlite::link` runs it.
pub fn link<R: Relation>(
    dialect: Dialect,
    source: &<R::Source as Model>::Pk,
    target: &<R::Target as Model>::Pk,
) -> Option<Statement> {
    use crate::model::column::Column;
    let (through, source_column, target_column) = R::info().kind.through()?;
    let mut w = SqlWriter::new(dialect);
    w.push("INSERT INTO ")
        .ident(through)
        .push(" (")
        .ident(source_column)
        .push(", ")
        .ident(target_column)
        .push(") VALUES (")
        .param(source.to_value())
        .push(", ")
        .param(target.to_value())
        .push(")");
    Some(w.finish())
}

#[cfg(test)]
mod tests {
    use super::object_name;

    #[test]
    fn key_lists_split_by_count_and_by_size() {
        use super::{MAX_STATEMENT_BYTES, key_chunks};
        use crate::model::value::Value;
        let lens = |c: &Vec<Vec<Value>>| c.iter().map(Vec::len).collect::<Vec<_>>();
        let ints: Vec<Value> = (0..10).map(Value::I64).collect();
        assert_eq!(lens(&key_chunks(ints.clone(), 4, 1)), [4, 4, 2]);
        assert_eq!(lens(&key_chunks(ints, 0, 1)), [1; 10]);
        // Text keys of 1 KiB: about 4,000 a list under the byte budget,
        // far below the 65,535 placeholders.
        let long: Vec<Value> = (0..10_000)
            .map(|i| Value::Text(format!("{i:01024}")))
            .collect();
        let chunks = key_chunks(long, 65_535, 1);
        assert!(chunks.len() == 3, "{:?}", lens(&chunks));
        for c in &chunks {
            let bytes: usize = c.iter().map(super::value_bytes).sum();
            assert!(bytes <= MAX_STATEMENT_BYTES, "{bytes}");
        }
        assert_eq!(chunks.iter().map(Vec::len).sum::<usize>(), 10_000);
        // A key larger than the budget goes alone.
        let huge = vec![Value::Text("x".repeat(MAX_STATEMENT_BYTES)), Value::I64(1)];
        assert_eq!(lens(&key_chunks(huge, 10, 1)), [1, 1]);
    }

    #[test]
    fn large_values_split_the_statement_by_size() {
        use super::{MAX_STATEMENT_BYTES, insert_rows};
        use crate::model::value::Value;
        use crate::plan::sql::Dialect;
        // 40 rows of a little over 512 KiB: 7 rows a statement, far under
        // the parameter limit; a row larger than the budget goes alone.
        let row = |n: usize| vec![Value::I64(1), Value::Text("x".repeat(n))];
        let rows = (0..40).map(|_| row(512 << 10));
        let statements = insert_rows(Dialect::Mysql, "t", &["id", "note"], rows, 65_535);
        let per: Vec<usize> = statements.iter().map(|s| s.params.len() / 2).collect();
        assert_eq!(per, [7, 7, 7, 7, 7, 5]);
        let big = [row(MAX_STATEMENT_BYTES + 1), row(1), row(1)].into_iter();
        let statements = insert_rows(Dialect::Mysql, "t", &["id", "note"], big, 65_535);
        let per: Vec<usize> = statements.iter().map(|s| s.params.len() / 2).collect();
        assert_eq!(per, [1, 2]);
    }

    #[test]
    fn short_names_are_kept() {
        assert_eq!(
            object_name("ix_blog_post_author_id"),
            "ix_blog_post_author_id"
        );
        let exact = "x".repeat(63);
        assert_eq!(object_name(&exact), exact);
    }

    #[test]
    fn long_names_fit_and_stay_distinct() {
        let table = "t".repeat(60);
        let one = object_name(&format!("fk_{table}_leaf_ref_one_id"));
        let two = object_name(&format!("fk_{table}_leaf_ref_two_id"));
        assert!(one.len() <= 63 && two.len() <= 63, "{one} / {two}");
        assert_ne!(one, two);
        assert!(one.starts_with("fk_ttt"));
        // The same name on every call (a hash that is not seeded per run).
        assert_eq!(object_name(&format!("fk_{table}_leaf_ref_one_id")), one);
    }

    #[test]
    fn a_cut_falls_between_characters() {
        // Two-byte letters: the cut at byte 46 would split one.
        let name = format!("ix_{}", "é".repeat(40));
        let short = object_name(&name);
        assert!(short.len() <= 63);
        assert!(short.starts_with("ix_é"));
    }
}
