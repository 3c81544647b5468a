//! SQL text per dialect: identifier quoting, placeholders, key lists, and the
//! one SELECT shape every statement of a load takes.

use std::fmt::Write;

use crate::model::value::{SqlType, Value};
use crate::plan::spellings::{self, Storage, UuidStorage};

/// The SQL dialect a statement is rendered for.
///
/// ```
/// use related::prelude::*;
/// use related::{Dialect, KeyBinding, PlannedStatement};
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post { id: i64, tags: ManyToMany<Tag> }
///
/// # fn main() -> related::Result<()> {
/// # use related::Executor;
/// let query = Post::query().filter(Post::id().eq(1)).prefetch_related(Post::tags());
/// let sql = |d: Dialect| -> Vec<String> { query.plan(d).into_iter().map(|s| s.sql).collect() };
/// assert!(sql(Dialect::Sqlite)[0].contains(r#""post"."id" = ?"#));
/// assert!(sql(Dialect::Postgres)[0].contains(r#""post"."id" = $1"#));
/// assert!(sql(Dialect::Mysql)[0].contains("`post`.`id` = ?"));
///
/// // The key list of a prefetch: one array parameter, or one per key
/// // (split at the server's parameter limit).
/// let plan: Vec<PlannedStatement> = query.plan(Dialect::Postgres);
/// assert!(!plan[1].split_by_keys);
/// assert!(query.plan(Dialect::Mysql)[1].split_by_keys);
/// let db = related::Sqlite::open_in_memory()?;
/// assert_eq!(db.ctx().dialect, Dialect::Sqlite);
/// assert_eq!(db.ctx().binding, KeyBinding::OneParameter);
/// let db = db.with_expanded_key_lists();
/// assert!(matches!(db.ctx().binding, KeyBinding::Expanded { max } if max > 0));
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// SQLite: `"ident"`, `?` placeholders.
    Sqlite,
    /// PostgreSQL: `"ident"`, `$1` placeholders.
    Postgres,
    /// MySQL and MariaDB: `` `ident` ``, `?` placeholders.
    Mysql,
}

/// How a list of keys is bound. [`Executor::ctx`](crate::Executor::ctx)
/// says it for a connection; the example at [`Dialect`] shows both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyBinding {
    /// The whole list is ONE parameter (SQLite `rarray`, PostgreSQL `ANY`):
    /// one prepared statement for any size, no parameter limit.
    OneParameter,
    /// One placeholder per key, split into statements of at most `max`
    /// parameters (read from the connection).
    Expanded {
        /// The most bind parameters one statement may hold.
        max: usize,
    },
}

/// A statement ready to send: SQL text and its bind parameters.
///
/// ```
/// use related::prelude::*;
/// use related::{Dialect, Value, schema};
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64, name: String }
///
/// let statement = schema::insert(Dialect::Postgres, &Tag { id: 1, name: "it's".into() });
/// assert_eq!(statement.sql, r#"INSERT INTO "tag" ("id", "name") VALUES ($1, $2)"#);
/// assert_eq!(statement.params, [Value::I64(1), Value::Text("it's".into())]);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// The SQL text, with placeholders.
    pub sql: String,
    /// The values of the placeholders, in order.
    pub params: Vec<Value>,
}

impl Dialect {
    /// How this backend stores a UUID (`plan::spellings`).
    pub(crate) fn uuids(self) -> UuidStorage {
        match self {
            Dialect::Postgres => UuidStorage::Native,
            Dialect::Sqlite => UuidStorage::Text,
            Dialect::Mysql => UuidStorage::TextOrBytes,
        }
    }

    /// What this backend stores as text in more than one spelling
    /// (`plan::spellings`).
    pub(crate) fn storage(self) -> Storage {
        Storage {
            uuids: self.uuids(),
            temporal_text: self == Dialect::Sqlite,
        }
    }

    pub(crate) fn quote(self, ident: &str, out: &mut String) {
        let q = match self {
            Dialect::Mysql => '`',
            Dialect::Sqlite | Dialect::Postgres => '"',
        };
        out.push(q);
        // Whole runs between quote characters (usually the whole name),
        // each quote character doubled.
        let mut rest = ident;
        while let Some(i) = rest.find(q) {
            out.push_str(&rest[..=i]);
            out.push(q);
            rest = &rest[i + 1..];
        }
        out.push_str(rest);
        out.push(q);
    }
}

/// Builds SQL text and its parameter list together so placeholders and
/// values can never drift apart.
pub(crate) struct SqlWriter {
    pub dialect: Dialect,
    pub sql: String,
    pub params: Vec<Value>,
}

/// The alias of a key list joined as a table (`SqlWriter::key_table`):
/// `__k`, or `__k2` or `__k3` where the statement's `table` or its link
/// table `through` (the tables that keep their own names) is named so.
/// The statement's `Aliases` then reserve it, so a join to such a table
/// gets a `T<n>`.
pub(crate) fn keys_alias(table: &str, through: Option<&str>) -> &'static str {
    let taken = |name: &str| same_name(table, name) || through.is_some_and(|t| same_name(t, name));
    // Two tables take at most two of the three.
    ["__k", "__k2", "__k3"]
        .into_iter()
        .find(|name| !taken(name))
        .unwrap_or("__k3")
}

/// The column of a key list joined as a table: `value`, or `column1` for
/// a `VALUES` list.
pub(crate) fn key_table_column(dialect: Dialect, binding: KeyBinding) -> &'static str {
    match binding {
        KeyBinding::Expanded { .. } if dialect != Dialect::Mysql => "column1",
        _ => "value",
    }
}

impl SqlWriter {
    pub fn new(dialect: Dialect) -> Self {
        SqlWriter {
            dialect,
            sql: String::with_capacity(256),
            params: Vec::new(),
        }
    }

    pub fn push(&mut self, s: &str) -> &mut Self {
        self.sql.push_str(s);
        self
    }

    pub fn ident(&mut self, ident: &str) -> &mut Self {
        self.dialect.quote(ident, &mut self.sql);
        self
    }

    /// `"alias"."column"`
    pub fn qualified(&mut self, alias: &str, column: &str) -> &mut Self {
        self.ident(alias).push(".").ident(column)
    }

    pub fn param(&mut self, value: Value) -> &mut Self {
        self.params.push(value);
        match self.dialect {
            Dialect::Postgres => {
                let _ = write!(self.sql, "${}", self.params.len());
            }
            Dialect::Sqlite | Dialect::Mysql => self.sql.push('?'),
        }
        self
    }

    /// `<lhs> IN <keys>` in the dialect's key-list form.
    ///
    /// PostgreSQL gets integer keys as one `int8[]`; a narrower column
    /// casts it to its own width (`$1::integer[]`). An index lookup works
    /// across widths, but a hashed `= ANY` (what the planner picks for long
    /// lists) needs both sides of one type: `int4 = ANY(int8[])` compares
    /// every row with every key.
    pub fn key_list(
        &mut self,
        alias: &str,
        column: &str,
        keys: Vec<Value>,
        binding: KeyBinding,
        key_type: SqlType,
    ) {
        self.qualified(alias, column);
        let keys = spellings::expand(self.dialect.storage(), keys);
        match (binding, self.dialect) {
            (KeyBinding::OneParameter, Dialect::Sqlite) => {
                self.push(" IN rarray(").param(Value::List(keys)).push(")");
            }
            (KeyBinding::OneParameter, Dialect::Postgres) => {
                self.push(" = ANY(").param(Value::List(keys));
                match key_type {
                    SqlType::I16 | SqlType::I8 | SqlType::U8 => self.push("::smallint[]"),
                    SqlType::I32 | SqlType::U16 => self.push("::integer[]"),
                    _ => self,
                };
                self.push(")");
            }
            _ => {
                self.push(" IN (");
                for (i, k) in keys.into_iter().enumerate() {
                    if i > 0 {
                        self.push(", ");
                    }
                    self.param(k);
                }
                self.push(")");
            }
        }
    }

    /// A key list as a one-column table named `alias`, to JOIN on: each row
    /// of the statement then carries the key it matched. The column is
    /// `value`, or `column1` for a `VALUES` list.
    pub fn key_table(
        &mut self,
        keys: Vec<Value>,
        binding: KeyBinding,
        key_type: SqlType,
        alias: &str,
    ) {
        match (binding, self.dialect) {
            (KeyBinding::OneParameter, Dialect::Sqlite) => {
                self.push("rarray(").param(Value::List(keys)).push(")");
            }
            (KeyBinding::OneParameter, Dialect::Postgres) => {
                // The cast names the array's type for the planner; the
                // elements keep the default collation, which yields to the
                // joined column's.
                let array = match key_type {
                    SqlType::Text => "text[]",
                    SqlType::Bytes => "bytea[]",
                    SqlType::Bool => "boolean[]",
                    SqlType::F32 | SqlType::F64 => "float8[]",
                    SqlType::I8
                    | SqlType::I16
                    | SqlType::I32
                    | SqlType::I64
                    | SqlType::U8
                    | SqlType::U16
                    | SqlType::U32 => "int8[]",
                    SqlType::Date => "date[]",
                    SqlType::Time => "time[]",
                    SqlType::Timestamp => "timestamp[]",
                    SqlType::TimestampTz => "timestamptz[]",
                    SqlType::Duration => "interval[]",
                    SqlType::Uuid => "uuid[]",
                    SqlType::Decimal => "numeric[]",
                    SqlType::Json => "jsonb[]",
                };
                self.push("unnest(")
                    .param(Value::List(keys))
                    .push("::")
                    .push(array)
                    .push(") AS ")
                    .ident(alias)
                    .push(" (")
                    .ident("value")
                    .push(")");
                return;
            }
            // MySQL and MariaDB spell a VALUES table differently (and MariaDB
            // cannot name its column): a UNION of one-row SELECTs is read
            // alike by both.
            (_, Dialect::Mysql) => {
                self.push("(");
                for (i, k) in keys.into_iter().enumerate() {
                    if i > 0 {
                        self.push(" UNION ALL ");
                    }
                    self.push("SELECT ").param(k);
                    if i == 0 {
                        self.push(" AS ").ident("value");
                    }
                }
                self.push(")");
            }
            _ => {
                self.push("(VALUES ");
                for (i, k) in keys.into_iter().enumerate() {
                    if i > 0 {
                        self.push(", ");
                    }
                    self.push("(").param(k).push(")");
                }
                self.push(")");
            }
        }
        self.push(" AS ").ident(alias);
    }

    /// LIMIT / OFFSET, bound as parameters.
    pub fn limit_offset(&mut self, limit: Option<u64>, offset: Option<u64>) {
        let as_value = |n: u64| Value::I64(i64::try_from(n).unwrap_or(i64::MAX));
        match (limit, offset) {
            (None, None) => {}
            (Some(l), None) => {
                self.push(" LIMIT ").param(as_value(l));
            }
            (limit, Some(o)) => {
                match (limit, self.dialect) {
                    (Some(l), _) => {
                        self.push(" LIMIT ").param(as_value(l));
                    }
                    // SQLite and MySQL only take OFFSET after a LIMIT.
                    (None, Dialect::Sqlite) => {
                        self.push(" LIMIT -1");
                    }
                    (None, Dialect::Mysql) => {
                        self.push(" LIMIT 18446744073709551615");
                    }
                    (None, Dialect::Postgres) => {}
                }
                self.push(" OFFSET ").param(as_value(o));
            }
        }
    }

    pub fn finish(self) -> Statement {
        Statement {
            sql: self.sql,
            params: self.params,
        }
    }
}

/// Hands out table aliases within one statement: the first use of a table
/// keeps its name, later uses get `T<n>` (n = the table's position in the
/// statement), as Django does.
#[derive(Default)]
pub(crate) struct Aliases {
    used: Vec<String>,
    /// Names the statement uses for something else (a key list's alias):
    /// a table of that name gets a `T<n>`, and no `T<n>` takes one.
    reserved: Vec<String>,
}

impl Aliases {
    pub fn reserve(&mut self, name: &str) {
        self.reserved.push(name.to_owned());
    }

    fn taken(&self, name: &str) -> bool {
        self.used
            .iter()
            .chain(&self.reserved)
            .any(|t| same_name(t, name))
    }

    pub fn take(&mut self, table: &str) -> String {
        let alias = if self.taken(table) {
            let mut n = self.used.len() + 1;
            loop {
                let candidate = format!("T{n}");
                if !self.taken(&candidate) {
                    break candidate;
                }
                n += 1;
            }
        } else {
            table.to_owned()
        };
        self.used.push(alias.clone());
        alias
    }
}

/// Whether two names can stand for the same table or alias: SQLite
/// compares identifiers without ASCII case, and MySQL with
/// `lower_case_table_names` without case at all, so `"T2"` must not alias
/// a join next to a table `t2`. Exact on PostgreSQL, where this only costs
/// a generated alias more.
fn same_name(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// One statement of a plan, before it runs
/// ([`Query::plan`](crate::Query::plan); the example at [`Dialect`] reads
/// it).
///
/// ```
/// use related::prelude::*;
/// use related::Dialect;
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post { id: i64, tags: ManyToMany<Tag> }
///
/// let plan = Post::query().prefetch_related(Post::tags()).plan(Dialect::Sqlite);
/// assert_eq!(plan.len(), 2);
/// assert_eq!(plan[1].lookup, "tags");
/// assert!(plan[1].to_string().starts_with("[tags] SELECT"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedStatement {
    /// `base`, or the prefetch lookup in Django's notation (`tags`,
    /// `items__product`).
    pub lookup: String,
    /// The SQL text, with placeholders for the parameters.
    pub sql: String,
    /// Whether the key list of this statement may be split into several
    /// statements (only on backends with a bind-parameter limit).
    pub split_by_keys: bool,
}

impl std::fmt::Display for PlannedStatement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{}] {}", self.lookup, self.sql)
    }
}

/// Everything a load needs to know about the connection:
/// [`Executor::ctx`](crate::Executor::ctx) gives it (an example at
/// [`Dialect`]).
#[derive(Clone, Copy, Debug)]
pub struct Ctx {
    /// The SQL dialect.
    pub dialect: Dialect,
    /// How key lists are bound.
    pub binding: KeyBinding,
}

impl Ctx {
    /// The context a plan is shown in when no connection is at hand: key
    /// lists as one array parameter where the dialect has one, one
    /// placeholder per key on MySQL.
    pub(crate) fn planning(dialect: Dialect) -> Self {
        let binding = match dialect {
            Dialect::Sqlite | Dialect::Postgres => KeyBinding::OneParameter,
            Dialect::Mysql => KeyBinding::Expanded { max: 65_535 },
        };
        Ctx { dialect, binding }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_double_their_dialects_quote() {
        let quoted = |d: Dialect, name: &str| {
            let mut out = String::new();
            d.quote(name, &mut out);
            out
        };
        assert_eq!(quoted(Dialect::Sqlite, "post"), "\"post\"");
        assert_eq!(quoted(Dialect::Postgres, ""), "\"\"");
        assert_eq!(
            quoted(Dialect::Postgres, "a\"b\"\"c\""),
            "\"a\"\"b\"\"\"\"c\"\"\""
        );
        assert_eq!(quoted(Dialect::Sqlite, "`x` 'y'"), "\"`x` 'y'\"");
        assert_eq!(quoted(Dialect::Mysql, "we\"ird `col`"), "`we\"ird ``col```");
        assert_eq!(quoted(Dialect::Mysql, "é`ü"), "`é``ü`");
    }

    fn list(dialect: Dialect, key_type: SqlType) -> String {
        let mut w = SqlWriter::new(dialect);
        w.key_list(
            "post",
            "author_id",
            vec![Value::I64(1), Value::I64(2)],
            KeyBinding::OneParameter,
            key_type,
        );
        w.finish().sql
    }

    #[test]
    fn postgres_key_lists_take_the_columns_width() {
        assert_eq!(
            list(Dialect::Postgres, SqlType::I32),
            r#""post"."author_id" = ANY($1::integer[])"#
        );
        assert_eq!(
            list(Dialect::Postgres, SqlType::I16),
            r#""post"."author_id" = ANY($1::smallint[])"#
        );
        assert_eq!(
            list(Dialect::Postgres, SqlType::I64),
            r#""post"."author_id" = ANY($1)"#
        );
        assert_eq!(
            list(Dialect::Sqlite, SqlType::I32),
            r#""post"."author_id" IN rarray(?)"#
        );
    }
}
