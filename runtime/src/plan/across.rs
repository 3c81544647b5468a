//! Conditions across relations: resolving a column's path to the alias of
//! a JOIN (shared with `select_related`, or added for the filter alone),
//! Django's demotion of LEFT joins to INNER, and `EXISTS` subqueries over
//! many-valued paths.

use std::any::TypeId;

use crate::model::relation::RelationKind;
use crate::model::table::ModelInfo;
use crate::model::value::{SqlType, Value};
use crate::plan::condition::{CmpOp, ColumnRef, Expr, Hop, TextAt};
use crate::plan::spellings;
use crate::plan::sql::{Aliases, Dialect, KeyBinding, SqlWriter};

/// One table joined into a statement (or subquery), found by its path.
#[derive(Clone, Debug)]
pub(crate) struct Joined {
    pub path: Vec<TypeId>,
    pub alias: String,
    pub left: bool,
}

/// The tables a condition may name: the base alias and the joins so far.
#[derive(Clone, Debug)]
pub(crate) struct Scope {
    pub base: String,
    pub joined: Vec<Joined>,
    /// Paths a top-level AND-ed condition needs non-NULL: their joins are
    /// INNER (a NULL row could not match anyway).
    pub required: Vec<Vec<TypeId>>,
}

impl Scope {
    /// A scope over `base` for `filter`.
    pub fn new(base: String, filter: Option<&Expr>) -> Self {
        let mut required = Vec::new();
        if let Some(f) = filter {
            required_paths(f, &mut required);
        }
        Scope {
            base,
            joined: Vec::new(),
            required,
        }
    }

    fn find(&self, path: &[TypeId]) -> Option<&Joined> {
        self.joined.iter().find(|j| j.path == path)
    }

    /// Whether the join at `path` must stay LEFT, given its parent's state
    /// and its own nullability. A required path is INNER: the condition
    /// rejects the rows a LEFT join would keep with NULLs.
    pub fn left(&self, path: &[TypeId], parent_left: bool, nullable: bool) -> bool {
        (parent_left || nullable) && !self.required.iter().any(|p| p == path)
    }

    /// The alias of the table at `path` (the base for an empty path).
    pub fn alias_of(&self, path: &[Hop]) -> &str {
        if path.is_empty() {
            return &self.base;
        }
        let ids: Vec<TypeId> = path.iter().map(|h| h.id).collect();
        // Every path of the condition was joined by `add_joins` first.
        self.find(&ids)
            .map_or(self.base.as_str(), |j| j.alias.as_str())
    }
}

/// Collect the paths that top-level AND-ed conditions need non-NULL, each
/// with every prefix (a hop below a NULL hop is NULL too). Under OR and
/// NOT a row with NULLs may still match, so those keep their LEFT joins;
/// `IS NULL` keeps them too.
fn required_paths(expr: &Expr, out: &mut Vec<Vec<TypeId>>) {
    let column = match expr {
        Expr::And(items) => {
            for item in items {
                required_paths(item, out);
            }
            return;
        }
        Expr::Cmp { column, .. } | Expr::In { column, .. } | Expr::Text { column, .. } => column,
        Expr::IsNull {
            column,
            negated: true,
        } => column,
        _ => return,
    };
    for n in 1..=column.path.len() {
        let ids: Vec<TypeId> = column.path[..n].iter().map(|h| h.id).collect();
        if !out.contains(&ids) {
            out.push(ids);
        }
    }
}

/// Write `[LEFT OUTER | INNER] JOIN target alias ON ...` for a single-valued
/// hop from `parent` to `alias`.
pub(crate) fn write_join(
    w: &mut SqlWriter,
    kind: RelationKind,
    source: &ModelInfo,
    target: &ModelInfo,
    parent: &str,
    alias: &str,
    left: bool,
) {
    w.push(if left {
        " LEFT OUTER JOIN "
    } else {
        " INNER JOIN "
    });
    w.ident(target.table);
    if alias != target.table {
        w.push(" ").ident(alias);
    }
    w.push(" ON ");
    hop_condition(w, kind, source, target, parent, alias);
}

/// The condition linking a single-valued hop's two tables.
fn hop_condition(
    w: &mut SqlWriter,
    kind: RelationKind,
    source: &ModelInfo,
    target: &ModelInfo,
    parent: &str,
    alias: &str,
) {
    match kind {
        RelationKind::ForeignKey { column, .. } | RelationKind::OneToOne { column, .. } => {
            w.qualified(parent, column)
                .push(" = ")
                .qualified(alias, target.pk_column().name);
        }
        RelationKind::ReverseOneToOne { column } | RelationKind::ReverseForeignKey { column } => {
            w.qualified(alias, column)
                .push(" = ")
                .qualified(parent, source.pk_column().name);
        }
        // Many-to-many hops go through their link table: see `exists`.
        RelationKind::ManyToMany { .. } | RelationKind::ReverseManyToMany { .. } => {
            w.push("1 = 0");
        }
    }
}

/// Add the JOINs the condition's columns need that are not joined yet
/// (no columns selected from them). Paths inside `EXISTS` are joined in
/// their subquery instead.
pub(crate) fn add_joins(w: &mut SqlWriter, aliases: &mut Aliases, scope: &mut Scope, expr: &Expr) {
    match expr {
        Expr::Cmp { column, .. }
        | Expr::In { column, .. }
        | Expr::IsNull { column, .. }
        | Expr::Text { column, .. } => join_column(w, aliases, scope, column),
        Expr::And(items) | Expr::Or(items) => {
            for item in items {
                add_joins(w, aliases, scope, item);
            }
        }
        Expr::NotTrue(inner) => add_joins(w, aliases, scope, inner),
        Expr::Exists { .. } => {}
    }
}

fn join_column(w: &mut SqlWriter, aliases: &mut Aliases, scope: &mut Scope, column: &ColumnRef) {
    join_path(w, aliases, scope, &column.path);
}

/// Join every hop of a single-valued `path` not joined yet.
pub(crate) fn join_path(w: &mut SqlWriter, aliases: &mut Aliases, scope: &mut Scope, path: &[Hop]) {
    let mut ids = Vec::new();
    for hop in path {
        let (parent, parent_left) = match scope.find(&ids) {
            Some(j) => (j.alias.clone(), j.left),
            None => (scope.base.clone(), false),
        };
        ids.push(hop.id);
        if scope.find(&ids).is_some() {
            continue;
        }
        let source = (hop.info.source)();
        let target = (hop.info.target)();
        let left = scope.left(&ids, parent_left, hop.info.kind.join_is_nullable());
        let alias = aliases.take(target.table);
        write_join(w, hop.info.kind, source, target, &parent, &alias, left);
        scope.joined.push(Joined {
            path: ids.clone(),
            alias,
            left,
        });
    }
}

/// Write a condition, resolving each column's path through `scope`.
pub(crate) fn condition(w: &mut SqlWriter, aliases: &mut Aliases, scope: &Scope, expr: &Expr) {
    match expr {
        Expr::Cmp { column, op, value }
            if matches!(value, Value::Json(_))
                && matches!(op, CmpOp::Eq | CmpOp::Ne)
                && w.dialect != Dialect::Postgres =>
        {
            json_column(w, scope.alias_of(&column.path), column.name);
            w.push(op.sql());
            json_param(w, value.clone());
        }
        Expr::In { column, values }
            if values.iter().any(|v| matches!(v, Value::Json(_)))
                && w.dialect != Dialect::Postgres =>
        {
            json_column(w, scope.alias_of(&column.path), column.name);
            w.push(" IN (");
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    w.push(", ");
                }
                json_param(w, v.clone());
            }
            w.push(")");
        }
        Expr::Cmp { column, op, value } => {
            w.qualified(scope.alias_of(&column.path), column.name);
            match (op, spellings::of(w.dialect.storage(), value)) {
                // A value stored in several spellings: equal to any of them.
                (CmpOp::Eq | CmpOp::Ne, Some(all)) => {
                    w.push(if *op == CmpOp::Eq {
                        " IN ("
                    } else {
                        " NOT IN ("
                    });
                    for (i, v) in all.into_iter().enumerate() {
                        if i > 0 {
                            w.push(", ");
                        }
                        w.param(v);
                    }
                    w.push(")");
                }
                _ => {
                    w.push(op.sql()).param(value.clone());
                }
            }
        }
        Expr::In { column, values } => {
            if values.is_empty() {
                // `IN ()` is a syntax error on most backends; it matches nothing.
                w.push("1 = 0");
            } else {
                // A long list goes as ONE array parameter, as key lists do:
                // one placeholder per value would pass the parameter limit
                // (32,766 on SQLite, 65,535 on PostgreSQL). An `is_in`
                // carries no column width, so no PostgreSQL cast (`I64`).
                let binding = if one_parameter_list(w.dialect, values) {
                    KeyBinding::OneParameter
                } else {
                    KeyBinding::Expanded { max: usize::MAX }
                };
                let alias = scope.alias_of(&column.path);
                w.key_list(alias, column.name, values.clone(), binding, SqlType::I64);
            }
        }
        Expr::IsNull { column, negated } => {
            w.qualified(scope.alias_of(&column.path), column.name)
                .push(if *negated { " IS NOT NULL" } else { " IS NULL" });
        }
        Expr::Text {
            column,
            at,
            fold,
            needle,
        } => text_match(
            w,
            scope.alias_of(&column.path),
            column.name,
            *at,
            *fold,
            needle,
        ),
        Expr::And(items) | Expr::Or(items) => {
            let (sep, empty) = if matches!(expr, Expr::And(_)) {
                (" AND ", "1 = 1")
            } else {
                (" OR ", "1 = 0")
            };
            if items.is_empty() {
                w.push(empty);
                return;
            }
            w.push("(");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    w.push(sep);
                }
                condition(w, aliases, scope, item);
            }
            w.push(")");
        }
        Expr::NotTrue(inner) => {
            w.push("(");
            condition(w, aliases, scope, inner);
            w.push(") IS NOT TRUE");
        }
        Expr::Exists { path, inner } => exists(w, aliases, &scope.base, path, inner),
    }
}

/// A JSON column compared as a document where it is stored as text
/// (SQLite; MariaDB's `JSON` is `LONGTEXT`): the whitespace of its text
/// does not count, so a document Django wrote (`[1, "x"]`, Python's
/// `json.dumps`) equals the one serde writes (`[1,"x"]`). SQLite's `json()`
/// fails on text that is not JSON, so such a cell compares as its text.
/// MySQL's `JSON_EXTRACT(.., '$')` is the document itself (MySQL also
/// ignores the order of an object's keys there; MariaDB does not). Each
/// side goes in a `JSON_ARRAY`: MariaDB compares two top-level documents
/// loosely (the string `"1"` equals the number `1`, and a string never
/// equals itself), two arrays by their normalized text. A NULL cell stays
/// NULL (a `JSON_ARRAY` of it would be `[null]`). PostgreSQL's `jsonb`
/// compares documents by itself.
fn json_column(w: &mut SqlWriter, alias: &str, column: &str) {
    match w.dialect {
        Dialect::Sqlite => {
            w.push("CASE WHEN json_valid(")
                .qualified(alias, column)
                .push(") THEN json(")
                .qualified(alias, column)
                .push(") ELSE ")
                .qualified(alias, column)
                .push(" END");
        }
        Dialect::Mysql => {
            w.push("CASE WHEN ")
                .qualified(alias, column)
                .push(" IS NOT NULL THEN JSON_ARRAY(JSON_EXTRACT(")
                .qualified(alias, column)
                .push(", '$')) END");
        }
        Dialect::Postgres => {
            w.qualified(alias, column);
        }
    }
}

/// The other side of [`json_column`]: a document serde wrote, always JSON
/// (or an SQL NULL of an `is_in` list, which matches nothing).
fn json_param(w: &mut SqlWriter, value: Value) {
    match w.dialect {
        _ if matches!(value, Value::Null) => {
            w.push("NULL");
        }
        Dialect::Sqlite => {
            w.push("json(").param(value).push(")");
        }
        Dialect::Mysql => {
            w.push("JSON_ARRAY(JSON_EXTRACT(")
                .param(value)
                .push(", '$'))");
        }
        Dialect::Postgres => {
            w.param(value);
        }
    }
}

/// An `is_in` list longer than this binds as one array parameter where the
/// dialect has them; shorter ones keep `IN (?, ?, ..)`, as Django writes
/// them.
const LONG_LIST: usize = 999;

/// Whether `values` go as one array parameter: a long list, on SQLite
/// (`rarray`) or PostgreSQL (`= ANY`), of values of one kind with no NULL
/// (an array holds one type, and `IN (.., NULL)` keeps its own meaning).
/// MySQL has no array parameters: its lists stay expanded.
fn one_parameter_list(dialect: Dialect, values: &[Value]) -> bool {
    if values.len() <= LONG_LIST || dialect == Dialect::Mysql {
        return false;
    }
    let kind = std::mem::discriminant(&values[0]);
    !matches!(values[0], Value::Null | Value::List(_))
        && values.iter().all(|v| std::mem::discriminant(v) == kind)
}

/// `expr` as the condition it becomes over `table` (SQLite's quoting, `?`
/// for each value, `rarray(?)` for a long list), for error messages.
pub(crate) fn condition_text(table: &str, expr: &Expr) -> String {
    let mut aliases = Aliases::default();
    aliases.take(table);
    let mut scope = Scope::new(table.to_owned(), Some(expr));
    // The joins a condition across relations needs give its tables their
    // aliases; their text is not part of the description.
    add_joins(
        &mut SqlWriter::new(Dialect::Sqlite),
        &mut aliases,
        &mut scope,
        expr,
    );
    let mut w = SqlWriter::new(Dialect::Sqlite);
    condition(&mut w, &mut aliases, &scope, expr);
    w.sql
}

/// A text match with the same meaning on every backend: case-sensitive
/// unless `fold`, the needle taken literally. MySQL's `LIKE` follows the
/// column's collation, so a case-sensitive match compares `BINARY`; folded
/// matches compare `UPPER` of both sides on the servers, as Django's do
/// (`ς` is `σ` in upper case, not in lower; `LOWER` on SQLite, which folds
/// ASCII letters only either way). SQLite's `LIKE` and `GLOB` read their pattern up to its first NUL
/// (a needle `"\0"` would match every row) and `LIKE` ignores ASCII case:
/// there the match compares bytes (`sqlite_text_match`).
fn text_match(w: &mut SqlWriter, alias: &str, column: &str, at: TextAt, fold: bool, needle: &str) {
    let dialect = w.dialect;
    if dialect == Dialect::Sqlite {
        sqlite_text_match(w, alias, column, at, fold, needle);
        return;
    }
    // `!` escapes, named in an `ESCAPE` clause: MySQL's default escape (a
    // backslash) is none at all under `NO_BACKSLASH_ESCAPES`, and a `'\'`
    // literal reads differently by mode.
    let pattern = like_pattern(at, needle);
    if fold {
        w.push("UPPER(")
            .qualified(alias, column)
            .push(") LIKE UPPER(");
        w.param(Value::Text(pattern)).push(")");
    } else {
        w.qualified(alias, column).push(" LIKE ");
        if dialect == Dialect::Mysql {
            w.push("BINARY ");
        }
        w.param(Value::Text(pattern));
    }
    w.push(" ESCAPE '!'");
}

/// [`text_match`] on SQLite, on the bytes of both sides (`LOWER`ed first
/// when folding): `instr` finds the needle, `substr` reads the end. A
/// needle's NUL bytes are compared like any other.
fn sqlite_text_match(
    w: &mut SqlWriter,
    alias: &str,
    column: &str,
    at: TextAt,
    fold: bool,
    needle: &str,
) {
    let side = |w: &mut SqlWriter, value: Option<&str>| {
        w.push(if fold { "CAST(LOWER(" } else { "CAST((" });
        match value {
            Some(v) => w.param(Value::Text(v.to_owned())),
            None => w.qualified(alias, column),
        };
        w.push(") AS BLOB)");
    };
    match at {
        TextAt::Anywhere | TextAt::Start => {
            w.push("instr(");
            side(w, None);
            w.push(", ");
            side(w, Some(needle));
            w.push(if at == TextAt::Start {
                ") = 1"
            } else {
                ") > 0"
            });
        }
        TextAt::End if needle.is_empty() => {
            // `substr(x, -0)` is all of `x`: every value ends with "".
            w.qualified(alias, column).push(" IS NOT NULL");
        }
        TextAt::End => {
            w.push("substr(");
            side(w, None);
            let bytes = i64::try_from(needle.len()).unwrap_or(i64::MAX);
            w.push(", ").param(Value::I64(-bytes)).push(") = ");
            side(w, Some(needle));
        }
        TextAt::Whole => {
            side(w, None);
            w.push(" = ");
            side(w, Some(needle));
        }
    }
}

/// The `LIKE ... ESCAPE '!'` pattern matching `needle` literally at `at`:
/// `!`, `%` and `_` escaped with `!`, `%` where the match may extend.
fn like_pattern(at: TextAt, needle: &str) -> String {
    let mut escaped = String::with_capacity(needle.len() + 2);
    for c in needle.chars() {
        if matches!(c, '!' | '%' | '_') {
            escaped.push('!');
        }
        escaped.push(c);
    }
    match at {
        TextAt::Anywhere => format!("%{escaped}%"),
        TextAt::Start => format!("{escaped}%"),
        TextAt::End => format!("%{escaped}"),
        TextAt::Whole => escaped,
    }
}

/// `EXISTS (SELECT 1 FROM ... WHERE <correlation> AND <inner>)`: the first
/// hop is correlated with the outer row (`outer`), later hops are INNER
/// joins, and a many-to-many hop reads its link table first, so the
/// correlation is on the link table's column (its index).
fn exists(w: &mut SqlWriter, aliases: &mut Aliases, outer: &str, path: &[Hop], inner: &Expr) {
    w.push("EXISTS (SELECT 1 FROM ");
    let mut parent = outer.to_owned();
    let mut correlation = SqlWriter::new(w.dialect);
    for (i, hop) in path.iter().enumerate() {
        let source = (hop.info.source)();
        let target = (hop.info.target)();
        let first = i == 0;
        // The first table is named bare in the FROM list (its link to the
        // outer row goes to the WHERE clause); later ones are INNER JOINed.
        let open = |w: &mut SqlWriter, table: &str, alias: &str| {
            w.ident(table);
            if alias != table {
                w.push(" ").ident(alias);
            }
        };
        if let Some((through, source_column, target_column)) = hop.info.kind.through() {
            let link = aliases.take(through);
            if !first {
                w.push(" INNER JOIN ");
            }
            open(w, through, &link);
            let on: &mut SqlWriter = if first {
                &mut correlation
            } else {
                w.push(" ON ");
                w
            };
            on.qualified(&link, source_column)
                .push(" = ")
                .qualified(&parent, source.pk_column().name);
            let alias = aliases.take(target.table);
            w.push(" INNER JOIN ");
            open(w, target.table, &alias);
            w.push(" ON ")
                .qualified(&alias, target.pk_column().name)
                .push(" = ")
                .qualified(&link, target_column);
            parent = alias;
        } else {
            let alias = aliases.take(target.table);
            if !first {
                w.push(" INNER JOIN ");
            }
            open(w, target.table, &alias);
            let on: &mut SqlWriter = if first {
                &mut correlation
            } else {
                w.push(" ON ");
                w
            };
            hop_condition(on, hop.info.kind, source, target, &parent, &alias);
            parent = alias;
        }
    }
    let mut scope = Scope::new(parent, Some(inner));
    add_joins(w, aliases, &mut scope, inner);
    w.push(" WHERE ").push(&correlation.sql).push(" AND ");
    condition(w, aliases, &scope, inner);
    w.push(")");
}
