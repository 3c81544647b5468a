//! The one SELECT shape every statement of a load takes: the base
//! statement and each prefetch level, with their JOINs, conditions, order,
//! limits, and the key list a prefetch level restricts its rows to.

use crate::model::table::ModelInfo;
use crate::model::value::{SqlType, Value};
use crate::plan::across::{Scope, add_joins, condition, join_path};
use crate::plan::condition::{Expr, Hop};
use crate::plan::join::{JoinNode, JoinOut, Slot};
use crate::plan::sql::{
    Aliases, Dialect, KeyBinding, SqlWriter, Statement, key_table_column, keys_alias,
};

/// How a prefetch statement restricts rows to the parents' keys.
pub(crate) enum LinkFilter {
    /// `target.column IN keys`.
    Column { column: &'static str },
    /// `JOIN through ON through.target_column = target.pk`, selecting and
    /// filtering `through.source_column`.
    Through {
        table: &'static str,
        source_column: &'static str,
        target_column: &'static str,
    },
}

pub(crate) struct KeyList {
    pub filter: LinkFilter,
    pub keys: Vec<Value>,
    pub binding: KeyBinding,
    /// Keys whose equality is the column's collation's (text): the key list
    /// becomes a table joined on the link column, and each row carries the
    /// key it matched, so the stitch never compares keys itself. Exact keys
    /// (integers, bytes) take the plain `IN` form.
    pub matched: Option<SqlType>,
    /// The link column's type: PostgreSQL gets the list as an array of the
    /// column's own width (see [`SqlWriter::key_list`]).
    pub key_type: SqlType,
}

pub(crate) struct SelectParts<'a> {
    pub joins: &'a dyn PlanJoins,
    pub filter: Option<&'a Expr>,
    pub order: &'a [(&'static str, bool)],
    /// The path of each `order` term (missing or empty: the base table).
    pub order_via: &'a [Vec<Hop>],
    pub limit: Option<u64>,
    pub offset: Option<u64>,
    pub link: Option<KeyList>,
    /// Each parent's slice of a prefetch level's rows.
    pub per_parent: Window,
}

/// Each parent's slice of a prefetch level's rows, in the level's order:
/// the first `offset` skipped, then at most `limit` kept (Django's sliced
/// `Prefetch` queryset, `[offset:offset + limit]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Window {
    pub limit: Option<u64>,
    pub offset: u64,
}

impl Window {
    /// Every row of every parent: no numbering needed.
    pub fn is_all(self) -> bool {
        self.limit.is_none() && self.offset == 0
    }
}

/// The select_related joins of a statement, whatever the model they start
/// from.
pub(crate) trait PlanJoins {
    /// Add every join (and the ones below each) to the statement.
    fn plan_all(&self, base: &str, out: &mut JoinOut);
}

impl<P> PlanJoins for Vec<Box<dyn JoinNode<P>>> {
    fn plan_all(&self, base: &str, out: &mut JoinOut) {
        for j in self {
            j.plan(base, false, &[], out);
        }
    }
}

/// Render the one SELECT shape every statement takes. Returns the
/// statement, the join slots, and the index and name of the column holding
/// each row's key (the through table's link column, or the matched key
/// list's) if one was selected.
///
/// Not generic: compiled once, in this crate, whatever the models.
pub(crate) fn render_select(
    dialect: Dialect,
    info: &'static ModelInfo,
    parts: SelectParts<'_>,
) -> (Statement, Vec<Slot>, Option<(usize, &'static str)>) {
    let mut aliases = Aliases::default();
    let base = aliases.take(info.table);
    let mut columns: Vec<(String, &'static str, bool)> = info
        .columns
        .iter()
        .map(|c| (base.clone(), c.name, info.is_text_key(c)))
        .collect();

    // JOIN clauses carry no parameters, so they can be written apart and
    // spliced in after the column list is known. A matched key list is the
    // first table of the FROM clause and takes its parameters; it is
    // written straight into the statement below.
    let matched = parts.link.as_ref().is_some_and(|l| l.matched.is_some());
    // The key list's alias: none of the tables that keep their names, and
    // reserved from the joins below.
    let keys_as = match &parts.link {
        Some(KeyList {
            matched: Some(_),
            filter,
            ..
        }) => {
            let link = match filter {
                LinkFilter::Through { table, .. } => Some(*table),
                LinkFilter::Column { .. } => None,
            };
            let alias = keys_alias(info.table, link);
            aliases.reserve(alias);
            alias
        }
        _ => "",
    };
    let mut from = SqlWriter::new(dialect);
    if !matched {
        from.push(" FROM ").ident(info.table);
    }
    let mut link_alias = None;
    match &parts.link {
        Some(
            list @ KeyList {
                filter:
                    LinkFilter::Through {
                        table,
                        source_column,
                        target_column,
                    },
                ..
            },
        ) => {
            let alias = aliases.take(table);
            from.push(" INNER JOIN ").ident(table);
            if alias != *table {
                from.push(" ").ident(&alias);
            }
            if matched {
                // keys -> link rows -> targets.
                from.push(" ON ")
                    .qualified(&alias, source_column)
                    .push(" = ")
                    .qualified(keys_as, matched_column(dialect, list));
                from.push(" INNER JOIN ").ident(info.table);
            }
            from.push(" ON ")
                .qualified(&alias, target_column)
                .push(" = ")
                .qualified(&base, info.pk_column().name);
            link_alias = Some(alias);
        }
        Some(
            list @ KeyList {
                filter: LinkFilter::Column { column },
                matched: Some(_),
                ..
            },
        ) => {
            // The table's column on the left: SQLite compares with the
            // left operand's collation, and every backend lets a column's
            // collation win over a parameter's.
            from.push(" INNER JOIN ")
                .ident(info.table)
                .push(" ON ")
                .qualified(&base, column)
                .push(" = ")
                .qualified(keys_as, matched_column(dialect, list));
        }
        _ => {}
    }
    let mut slots = Vec::new();
    let mut scope = Scope::new(base.clone(), parts.filter);
    {
        let mut out = JoinOut {
            w: &mut from,
            columns: &mut columns,
            aliases: &mut aliases,
            slots: &mut slots,
            scope: &mut scope,
        };
        parts.joins.plan_all(&base, &mut out);
    }
    // Columns of other tables in the filter: share the joins above, add
    // the missing ones (selecting nothing from them).
    if let Some(filter) = parts.filter {
        add_joins(&mut from, &mut aliases, &mut scope, filter);
    }
    // Order terms across relations join the same way; they never demote a
    // LEFT join (a row without the related row sorts with the NULLs).
    for path in parts.order_via.iter().filter(|p| !p.is_empty()) {
        join_path(&mut from, &mut aliases, &mut scope, path);
    }
    let order_aliases: Vec<String> = (0..parts.order.len())
        .map(|i| {
            scope
                .alias_of(parts.order_via.get(i).map_or(&[][..], |p| p))
                .to_owned()
        })
        .collect();
    let mut link_index = None;
    let mut partition: Option<(String, &'static str)> = None;
    if let Some(list) = &parts.link {
        match (list.matched, &list.filter) {
            (Some(_), _) => {
                // The key as sent: text already.
                let key = (keys_as.to_string(), matched_column(dialect, list));
                link_index = Some((columns.len(), key.1));
                columns.push((key.0.clone(), key.1, false));
                partition = Some(key);
            }
            (None, LinkFilter::Through { source_column, .. }) => {
                let alias = link_alias.clone().unwrap_or_default();
                link_index = Some((columns.len(), *source_column));
                columns.push((alias.clone(), source_column, list.key_type == SqlType::Text));
                partition = Some((alias, source_column));
            }
            (None, LinkFilter::Column { column }) => partition = Some((base.clone(), column)),
        }
    }

    let mut w = SqlWriter::new(dialect);
    let ranked = !parts.per_parent.is_all() && partition.is_some();
    w.push("SELECT ");
    for (i, (alias, column, text)) in columns.iter().enumerate() {
        if i > 0 {
            w.push(", ");
        }
        w.qualified(alias, column);
        if *text && dialect == Dialect::Postgres {
            // A key read as PostgreSQL compares it: a `CHAR(n)` value
            // without its padding (`'fr   '` is `'fr'` to `=` against
            // text), so that the key lists built from it find its rows.
            // A no-op for `text` and `varchar`.
            w.push("::text");
        }
        if ranked {
            w.push(" AS ").ident(&format!("c{i}"));
        }
    }
    if ranked {
        // Top-N per parent: number each parent's rows in the prefetch order,
        // keep the first N, all in one statement.
        let (alias, column) = partition.clone().unwrap_or_default();
        w.push(", ROW_NUMBER() OVER (PARTITION BY ");
        if matched && dialect == Dialect::Mysql {
            // The keys are parameters, which take the connection's
            // collation (often case-insensitive): two parents' keys `fr`
            // and `FR` must still number their rows apart.
            w.push("CAST(")
                .qualified(&alias, column)
                .push(" AS BINARY)");
        } else {
            w.qualified(&alias, column);
        }
        w.push(" ORDER BY ");
        order_terms(
            &mut w,
            &base,
            &order_aliases,
            parts.order,
            info.pk_column().name,
        );
        w.push(") AS ").ident("__rn");
    }
    let list = match parts.link {
        Some(KeyList {
            keys,
            binding,
            matched: Some(key_type),
            ..
        }) => {
            w.push(" FROM ");
            w.key_table(keys, binding, key_type, keys_as);
            None
        }
        list => list,
    };
    w.push(&from.sql);

    let mut conditions = 0;
    if let Some(list) = list {
        w.push(" WHERE ");
        conditions += 1;
        let (alias, column) = match list.filter {
            LinkFilter::Column { column } => (base.clone(), column),
            LinkFilter::Through { source_column, .. } => {
                (link_alias.clone().unwrap_or_default(), source_column)
            }
        };
        w.key_list(&alias, column, list.keys, list.binding, list.key_type);
    }
    if let Some(filter) = parts.filter {
        w.push(if conditions == 0 { " WHERE " } else { " AND " });
        condition(&mut w, &mut aliases, &scope, filter);
    }
    if ranked {
        let quote = |w: &mut SqlWriter, i: usize| {
            w.ident(&format!("c{i}"));
        };
        let inner = std::mem::replace(&mut w.sql, String::from("SELECT "));
        for i in 0..columns.len() {
            if i > 0 {
                w.push(", ");
            }
            quote(&mut w, i);
        }
        w.push(" FROM (").push(&inner).push(") ");
        w.ident("__ranked").push(" WHERE ");
        let bound = |n: u64| Value::I64(i64::try_from(n).unwrap_or(i64::MAX));
        let skip = parts.per_parent.offset;
        if skip > 0 {
            w.ident("__rn").push(" > ").param(bound(skip));
        }
        if let Some(n) = parts.per_parent.limit {
            if skip > 0 {
                w.push(" AND ");
            }
            w.ident("__rn")
                .push(" <= ")
                .param(bound(skip.saturating_add(n)));
        }
        w.push(" ORDER BY ").ident("__rn");
    } else {
        if !parts.order.is_empty() {
            w.push(" ORDER BY ");
            order_terms(
                &mut w,
                &base,
                &order_aliases,
                parts.order,
                info.pk_column().name,
            );
        }
        w.limit_offset(parts.limit, parts.offset);
    }
    (w.finish(), slots, link_index)
}

/// The column of a matched key list: `value`, except for a `VALUES` list
/// (SQLite with expanded key lists), whose column is `column1`.
fn matched_column(dialect: Dialect, list: &KeyList) -> &'static str {
    key_table_column(dialect, list.binding)
}

fn order_terms(
    w: &mut SqlWriter,
    base: &str,
    aliases: &[String],
    order: &[(&'static str, bool)],
    pk: &'static str,
) {
    if order.is_empty() {
        w.qualified(base, pk);
        return;
    }
    for (i, (column, desc)) in order.iter().enumerate() {
        if i > 0 {
            w.push(", ");
        }
        w.qualified(&aliases[i], column);
        if *desc {
            w.push(" DESC");
        }
    }
}
