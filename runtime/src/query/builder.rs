//! The query builder: what to load, and the base statement's filter, order
//! and limits.

use crate::error::{Error, Result};
use crate::exec::executor::{Executor, drive};
use crate::load::loader::Load;
use crate::model::relation::Relation;
use crate::model::table::Model;
use crate::model::typed::{LoadSet, Loaded, Union};
use crate::model::value::{SqlType, Value};
use crate::plan::across::{Scope, add_joins, condition, join_path};
use crate::plan::join::{JoinNode, Slot, clone_nodes};
use crate::plan::sql::{Aliases, Dialect, KeyBinding, SqlWriter, Statement};
use crate::query::expr::{Expr, Filter, Hop, Order};
use crate::query::path::{Path, PathFrom, SelectFrom};
use crate::query::prefetch::{Destination, Prefetch, PrefetchNode, add_node};
use std::marker::PhantomData;

/// A query over `M`'s table and the relations to load with it.
///
/// # Example
///
/// Every builder method, then every way to run the query, on SQLite in
/// memory:
///
/// ```
/// use related::prelude::*;
/// use related::{Dialect, Error, Found, Sqlite, Value};
///
/// #[derive(Clone, Debug, Model)]
/// struct Author { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post {
///     id: i64,
///     title: String,
///     author: ForeignKey<Author>,
///     tags: ManyToMany<Tag>,
///     #[related(reverse = Comment::post)]
///     comments: Reverse<Comment>,
///     s_tags: Prefetched<Tag>,
/// }
///
/// #[derive(Clone, Debug, Model)]
/// struct Comment {
///     id: i64,
///     post: ForeignKey<Post>,
///     author: ForeignKey<Author>,
///     text: String,
/// }
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let db = Sqlite::open_in_memory()?;
/// db.create_tables(&[Author::info(), Tag::info(), Post::info(), Comment::info()])?;
/// db.insert_all(&[Author { id: 1, name: "Ann".into() }, Author { id: 2, name: "Bob".into() }])?;
/// db.insert_all(&[
///     Tag { id: 1, name: "rust".into() },
///     Tag { id: 2, name: "sql".into() },
///     Tag { id: 3, name: "sqlite".into() },
/// ])?;
/// for (id, title) in [(1, "Joins"), (2, "Batches"), (3, "Drafts")] {
///     let (tags, comments, s_tags) = Default::default();
///     let author = ForeignKey::new(1);
///     db.insert(&Post { id, title: title.into(), author, tags, comments, s_tags })?;
/// }
/// for (post, tag) in [(1, 1), (1, 2), (1, 3), (2, 2)] {
///     db.link(Post::tags(), &post, &tag)?;
/// }
/// db.insert(&Comment { id: 1, post: ForeignKey::new(1), author: ForeignKey::new(2), text: "Nice".into() })?;
///
/// let query = Post::query()
///     .select_related(Post::author()) // in the base statement, with a JOIN
///     .prefetch_related(Post::tags()) // one `IN` statement for every post
///     // A prefetch with its own query, into its own field.
///     .prefetch(
///         Prefetch::new(Post::tags())
///             .filter(Tag::name().like("s%"))
///             .order_by(Tag::name().desc())
///             .limit(1) // per post
///             .to(Post::s_tags()),
///     )
///     // The comments, and below them a prefetch of their authors.
///     .prefetch_below(Post::comments(), Prefetch::new(Comment::author()))
///     .filter(Post::id().le(2) | Post::title().eq("Drafts"))
///     .order_by(Post::id().desc())
///     .limit(2)
///     .offset(1);
///
/// // Nothing ran yet; here is what will: the base statement, then one per
/// // prefetch level.
/// let plan = query.plan(Dialect::Sqlite);
/// let lookups: Vec<&str> = plan.iter().map(|s| s.lookup.as_str()).collect();
/// assert_eq!(lookups, ["base", "tags", "tags -> s_tags", "comments", "comments__author"]);
/// assert!(plan[0].sql.contains("JOIN"));
///
/// let posts = query.all(&db)?; // posts 3, 2, 1 without the first: 2, 1
/// assert_eq!(posts.iter().map(|p| p.id).collect::<Vec<_>>(), [2, 1]);
/// let joins = &posts[1];
/// assert_eq!(joins.author.get()?.name, "Ann");
/// assert_eq!(joins.tags.len()?, 3);
/// assert_eq!(joins.s_tags.get()?.iter().map(|t| &t.name).collect::<Vec<_>>(), ["sqlite"]);
/// assert_eq!(joins.comments.get()?[0].author.get()?.name, "Bob");
///
/// // Rows from elsewhere (here the caller's SQL) get the same prefetches.
/// let mut rows: Vec<Post> = db.raw("SELECT * FROM post WHERE id = ?", &[Value::I64(1)])?;
/// Post::query().prefetch_related(Post::tags()).prefetch_onto(&mut rows, &db)?;
/// assert_eq!(rows[0].tags.len()?, 3);
///
/// // Counting, existence, and one row.
/// assert_eq!(Post::query().count(&db)?, 3);
/// assert!(Post::query().filter(Post::title().eq("Drafts")).exists(&db)?);
/// let first = Post::query().order_by(Post::title().asc()).first(&db)?;
/// assert_eq!(first.map(|p| p.title).as_deref(), Some("Batches"));
/// assert_eq!(Post::query().filter(Post::id().eq(2)).one(&db)?.title, "Batches");
/// let none = Post::query().filter(Post::id().gt(10)).one(&db).unwrap_err();
/// assert!(matches!(none, Error::NotOne { found: Found::None, .. }));
/// # Ok(()) }
/// ```
///
/// Nothing runs until [`Query::all`] (or `first`, `one`); [`Query::plan`]
/// shows every statement beforehand.
///
/// `L` is the query's loaded set: every relation it loads, in the type
/// (`select_related` and `prefetch_related` add to it). [`Query::fetch`]
/// returns rows of type [`Loaded<M, L>`](crate::Loaded), on which reading a
/// relation outside `L` does not compile.
pub struct Query<M: Model, L = <M as Model>::Empty> {
    pub(crate) joins: Vec<Box<dyn JoinNode<M>>>,
    pub(crate) prefetch: Vec<Box<dyn PrefetchNode<M>>>,
    pub(crate) filter: Option<Expr>,
    pub(crate) order: Vec<(&'static str, bool)>,
    /// The path of each `order` term's table (empty: the base table).
    pub(crate) order_via: Vec<Vec<Hop>>,
    pub(crate) limit: Option<u64>,
    pub(crate) offset: Option<u64>,
    /// Builder mistakes found at runtime (a lookup given twice with
    /// different queries), reported when the query runs.
    pub(crate) errors: Vec<String>,
    pub(crate) set: PhantomData<fn() -> L>,
}

impl<M: Model> Default for Query<M> {
    fn default() -> Self {
        Query::new()
    }
}

impl<M: Model, L> Clone for Query<M, L> {
    fn clone(&self) -> Self {
        Query {
            joins: clone_nodes(&self.joins),
            prefetch: self.prefetch.iter().map(|p| p.clone_box()).collect(),
            filter: self.filter.clone(),
            order: self.order.clone(),
            order_via: self.order_via.clone(),
            limit: self.limit,
            offset: self.offset,
            errors: self.errors.clone(),
            set: PhantomData,
        }
    }
}

/// One statement of a plan, before it runs ([`Query::plan`]; the example
/// at [`Dialect`] reads it).
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

impl<M: Model> Query<M> {
    /// A query for every row of `M`, with nothing loaded along (what
    /// `M::query()` returns).
    pub fn new() -> Self {
        Query {
            joins: Vec::new(),
            prefetch: Vec::new(),
            filter: None,
            order: Vec::new(),
            order_via: Vec::new(),
            limit: None,
            offset: None,
            errors: Vec::new(),
            set: PhantomData,
        }
    }
}

impl<M: Model, L> Query<M, L> {
    /// The same query with another loaded set in its type.
    pub(crate) fn retype<L2>(self) -> Query<M, L2> {
        Query {
            joins: self.joins,
            prefetch: self.prefetch,
            filter: self.filter,
            order: self.order,
            order_via: self.order_via,
            limit: self.limit,
            offset: self.offset,
            errors: self.errors,
            set: PhantomData,
        }
    }

    /// Load a single-valued relation (or chain of them) in the same
    /// statement, with a JOIN. Many-valued relations do not compile here:
    /// use [`Query::prefetch_related`].
    pub fn select_related<P: SelectFrom<M>>(
        mut self,
        path: P,
    ) -> Query<M, <L as Union<<P as SelectFrom<M>>::SelectSet>>::Output>
    where
        L: Union<<P as SelectFrom<M>>::SelectSet>,
    {
        self.add_join(path);
        self.retype()
    }

    /// [`Query::select_related`] for dynamic code: the JOIN is added, the
    /// loaded set in the type stays as it is (rows read the relation through
    /// the model, with its run-time `NotLoaded`). Generic code over any
    /// model uses it, since it cannot name the merged set.
    pub fn select_related_untyped<P: SelectFrom<M>>(mut self, path: P) -> Self {
        self.add_join(path);
        self
    }

    /// [`Query::prefetch_related`] for dynamic code, keeping the type as
    /// [`Query::select_related_untyped`] does.
    pub fn prefetch_related_untyped<P: PathFrom<M>>(mut self, path: P) -> Self {
        self.add_prefetch(path);
        self
    }

    /// [`Query::select_related`] keeping the type (for `Prefetch`, whose
    /// nested loads are not typed).
    pub(crate) fn add_join<P: Path<Source = M>>(&mut self, path: P) {
        path.__add_join(&mut self.joins);
    }

    /// Load a relation (or chain) with one batched `IN` statement per level,
    /// stitched in memory. Every relation kind is allowed; lookups sharing a
    /// prefix share their levels.
    pub fn prefetch_related<P: PathFrom<M>>(
        mut self,
        path: P,
    ) -> Query<M, <L as Union<<P as PathFrom<M>>::FromSet>>::Output>
    where
        L: Union<<P as PathFrom<M>>::FromSet>,
    {
        self.add_prefetch(path);
        self.retype()
    }

    /// [`Query::prefetch_related`] keeping the type.
    pub(crate) fn add_prefetch<P: Path<Source = M>>(&mut self, path: P) {
        let lookup = path.lookup();
        if path.__add_prefetch(&mut self.prefetch).is_err() {
            self.errors.push(lookup);
        }
    }

    /// Load a relation with its own query and/or into its own field. The
    /// rows' type holds the relation (or the `Prefetched` field of
    /// [`Prefetch::to`]) with what the `Prefetch` loaded below it; a
    /// filtered relation reads as loaded, holding the rows that matched.
    pub fn prefetch<R, N, D>(
        self,
        prefetch: Prefetch<R, N, D>,
    ) -> Query<M, <L as Union<<D as Destination<R>>::Loads<N>>>::Output>
    where
        R: Relation<Source = M>,
        D: Destination<R>,
        L: Union<<D as Destination<R>>::Loads<N>>,
    {
        self.prefetch_untyped(prefetch).retype()
    }

    /// [`Query::prefetch`] leaving the type as it is (for generic code, as
    /// [`Query::select_related_untyped`]).
    pub fn prefetch_untyped<R, N, D>(mut self, prefetch: Prefetch<R, N, D>) -> Self
    where
        R: Relation<Source = M>,
    {
        let outer = R::info().name;
        if let Err(e) = add_node(&mut self.prefetch, Box::new(prefetch.into_level())) {
            // A duplicate inside the Prefetch names its own lookup: say
            // where it sits.
            let lookup = match e {
                Error::DuplicateLookup { lookup } if lookup != outer => {
                    format!("{outer}__{lookup}")
                }
                _ => outer.to_owned(),
            };
            self.errors.push(lookup);
        }
        self
    }

    /// A `Prefetch` below a path of relations (Django's
    /// `Prefetch("items__product__reviews", queryset=..., to_attr=...)`):
    /// every hop of `path` is loaded (or reused from a JOIN), and `prefetch`
    /// runs on the rows the last hop reaches. The rows' type holds the
    /// path and, below it, what the `Prefetch` loaded.
    #[allow(clippy::type_complexity)]
    pub fn prefetch_below<P, R, N, D>(
        self,
        path: P,
        prefetch: Prefetch<R, N, D>,
    ) -> Query<M, <L as Union<<P as Path>::SetWith<<D as Destination<R>>::Loads<N>>>>::Output>
    where
        P: PathFrom<M>,
        R: Relation<Source = P::Target>,
        D: Destination<R>,
        L: Union<<P as Path>::SetWith<<D as Destination<R>>::Loads<N>>>,
    {
        self.prefetch_below_untyped(path, prefetch).retype()
    }

    /// [`Query::prefetch_below`] leaving the type as it is.
    pub fn prefetch_below_untyped<P, R, N, D>(
        mut self,
        path: P,
        prefetch: Prefetch<R, N, D>,
    ) -> Self
    where
        P: PathFrom<M>,
        R: Relation<Source = P::Target>,
    {
        let lookup = format!("{}__{}", path.lookup(), R::info().name);
        if path
            .__add_below(&mut self.prefetch, Box::new(prefetch.into_level()))
            .is_err()
        {
            self.errors.push(lookup);
        }
        self
    }

    /// Keep the rows matching `filter` (ANDed with earlier filters).
    pub fn filter(mut self, filter: Filter<M>) -> Self {
        self.filter = Some(match self.filter.take() {
            None => filter.expr,
            Some(prev) => Filter::<M>::new(prev).and(filter).expr,
        });
        self
    }

    /// Order by a column; call again for further keys.
    pub fn order_by(mut self, order: Order<M>) -> Self {
        self.order.push((order.column, order.desc));
        self.order_via.push(order.path);
        self
    }

    /// Return at most `n` rows (`LIMIT`); prefetches load the related rows
    /// of those only.
    pub fn limit(mut self, n: u64) -> Self {
        self.limit = Some(n);
        self
    }

    /// Skip the first `n` rows (`OFFSET`); give an `order_by` so that which
    /// rows are skipped is defined.
    pub fn offset(mut self, n: u64) -> Self {
        self.offset = Some(n);
        self
    }

    /// Every statement this query will send on a connection of this
    /// dialect, without running anything. Prefetch statements show their key
    /// list as an empty parameter: its values come from the rows above.
    pub fn plan(&self, dialect: Dialect) -> Vec<PlannedStatement> {
        let binding = match dialect {
            Dialect::Sqlite | Dialect::Postgres => KeyBinding::OneParameter,
            Dialect::Mysql => KeyBinding::Expanded { max: 65_535 },
        };
        self.plan_with(Ctx { dialect, binding })
    }

    /// The plan for a specific connection.
    pub fn plan_for(&self, executor: &impl Executor) -> Vec<PlannedStatement> {
        self.plan_with(executor.ctx())
    }

    fn plan_with(&self, ctx: Ctx) -> Vec<PlannedStatement> {
        let mut out = vec![PlannedStatement {
            lookup: "base".to_owned(),
            sql: self.base_statement(ctx.dialect).0.sql,
            split_by_keys: false,
        }];
        let mut query = self.clone();
        for node in &mut query.prefetch {
            node.resolve(&self.joins);
            node.explain(ctx, "", &mut out);
        }
        out
    }

    /// Run the query: one statement with its JOINs, then one per prefetch
    /// level. Rows come back in the base statement's order.
    pub fn all(&self, executor: &impl Executor) -> Result<Vec<M>> {
        drive(executor, Load::new(self, executor.ctx())?)
    }

    /// The first row of the query's result, if any: its offset is kept, and
    /// its limit can only lower the answer to none (`limit(0)`). Sends
    /// `LIMIT 1`.
    pub fn first(&self, executor: &impl Executor) -> Result<Option<M>> {
        let q = self.capped(1);
        Ok(q.all(executor)?.into_iter().next())
    }

    /// The one row of the query's result (its limit and offset apply), or
    /// an error saying whether there was none or more than one. Reads at
    /// most two rows.
    pub fn one(&self, executor: &impl Executor) -> Result<M> {
        let q = self.capped(2);
        let rows = q.all(executor)?;
        q.exactly_one(rows, executor.ctx().dialect)
    }

    /// This query reading at most `n` of its own rows: the limit is the
    /// smaller of `n` and the query's, the offset stays.
    pub(crate) fn capped(&self, n: u64) -> Self {
        let mut q = self.clone();
        q.limit = Some(self.limit.map_or(n, |l| l.min(n)));
        q
    }

    /// The only row of `rows` (read by `capped(2)`), or what was found.
    pub(crate) fn exactly_one(&self, mut rows: Vec<M>, dialect: Dialect) -> Result<M> {
        let found = match rows.len() {
            1 => return Ok(rows.remove(0)),
            0 => crate::error::Found::None,
            _ => crate::error::Found::MoreThanOne,
        };
        Err(Error::NotOne {
            model: M::info().name,
            found,
            statement: self.base_statement(dialect).0.sql,
        })
    }

    /// Run only this query's prefetch lookups for rows the caller already
    /// holds (Django's `prefetch_related_objects`), e.g. rows from the
    /// caller's own SQL. Filters, order and joins of this query are not used.
    pub fn prefetch_onto(&self, rows: &mut Vec<M>, executor: &impl Executor) -> Result<()> {
        let load = Load::onto(self, std::mem::take(rows), executor.ctx())?;
        let (loaded, result) = crate::exec::executor::drive_keep(executor, load);
        *rows = loaded;
        result
    }

    /// Run the query, as [`Query::all`], and return typed rows: each
    /// relation the query loaded can be read without `?`, and reading one
    /// it did not load does not compile.
    ///
    /// A loaded foreign key whose row does not exist (no foreign-key
    /// constraint) cannot be held by a typed row: the load fails with
    /// [`Error::Untypable`] naming the model, field and statement.
    pub fn fetch(&self, executor: &impl Executor) -> Result<Vec<Loaded<M, L>>>
    where
        L: LoadSet<M>,
    {
        let rows = self.all(executor)?;
        self.typed(rows, executor.ctx().dialect)
    }

    /// [`Query::first`], typed as [`Query::fetch`].
    pub fn fetch_first(&self, executor: &impl Executor) -> Result<Option<Loaded<M, L>>>
    where
        L: LoadSet<M>,
    {
        let q = self.capped(1);
        Ok(q.fetch(executor)?.into_iter().next())
    }

    /// [`Query::one`], typed as [`Query::fetch`].
    pub fn fetch_one(&self, executor: &impl Executor) -> Result<Loaded<M, L>>
    where
        L: LoadSet<M>,
    {
        let row = self.one(executor)?;
        Ok(self.typed(vec![row], executor.ctx().dialect)?.remove(0))
    }

    /// [`Query::prefetch_onto`] for typed rows: this query's prefetch
    /// levels run on `rows`, which come back with the relations they had and
    /// this query's, in their type. Rows of a plain model enter as
    /// [`Loaded::plain`].
    pub fn fetch_onto<L0>(
        &self,
        rows: Vec<Loaded<M, L0>>,
        executor: &impl Executor,
    ) -> Result<Vec<Loaded<M, <L0 as Union<L>>::Output>>>
    where
        L0: Union<L>,
        <L0 as Union<L>>::Output: LoadSet<M>,
    {
        let mut plain: Vec<M> = rows.into_iter().map(Loaded::into_inner).collect();
        self.prefetch_onto(&mut plain, executor)?;
        self.typed(plain, executor.ctx().dialect)
    }

    /// Check `rows` hold every relation of `S`.
    pub(crate) fn typed<S>(&self, rows: Vec<M>, dialect: Dialect) -> Result<Vec<Loaded<M, S>>>
    where
        S: LoadSet<M>,
    {
        rows.into_iter()
            .map(|row| {
                Loaded::check(row).map_err(|error| Error::Untypable {
                    error,
                    statement: self.base_statement(dialect).0.sql,
                })
            })
            .collect()
    }

    /// The base statement and where each joined model sits in its rows.
    pub(crate) fn base_statement(&self, dialect: Dialect) -> (Statement, Vec<Slot>) {
        let parts = SelectParts {
            joins: &self.joins,
            filter: self.filter.as_ref(),
            order: self.effective_order(),
            order_via: &self.order_via,
            limit: self.limit,
            offset: self.offset,
            link: None,
            per_parent: None,
        };
        let (stmt, slots, _) = render_select::<M>(dialect, parts);
        (stmt, slots)
    }
}

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
}

pub(crate) struct SelectParts<'a, M: Model> {
    pub joins: &'a [Box<dyn JoinNode<M>>],
    pub filter: Option<&'a Expr>,
    pub order: &'a [(&'static str, bool)],
    /// The path of each `order` term (missing or empty: the base table).
    pub order_via: &'a [Vec<Hop>],
    pub limit: Option<u64>,
    pub offset: Option<u64>,
    pub link: Option<KeyList>,
    pub per_parent: Option<u64>,
}

/// Render the one SELECT shape every statement takes. Returns the
/// statement, the join slots, and the index and name of the column holding
/// each row's key (the through table's link column, or the matched key
/// list's) if one was selected.
pub(crate) fn render_select<M: Model>(
    dialect: Dialect,
    parts: SelectParts<'_, M>,
) -> (Statement, Vec<Slot>, Option<(usize, &'static str)>) {
    let info = M::info();
    let mut aliases = Aliases::default();
    let base = aliases.take(info.table);
    let mut columns: Vec<(String, &'static str)> = info
        .columns
        .iter()
        .map(|c| (base.clone(), c.name))
        .collect();

    // JOIN clauses carry no parameters, so they can be written apart and
    // spliced in after the column list is known. A matched key list is the
    // first table of the FROM clause and takes its parameters; it is
    // written straight into the statement below.
    let matched = parts.link.as_ref().is_some_and(|l| l.matched.is_some());
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
                    .qualified(KEYS, matched_column(dialect, list));
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
                .qualified(KEYS, matched_column(dialect, list));
        }
        _ => {}
    }
    let mut slots = Vec::new();
    let mut scope = Scope::new(base.clone(), parts.filter);
    {
        let mut out = crate::plan::join::JoinOut {
            w: &mut from,
            columns: &mut columns,
            aliases: &mut aliases,
            slots: &mut slots,
            scope: &mut scope,
        };
        for j in parts.joins {
            j.plan(&base, false, &[], &mut out);
        }
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
                let key = (KEYS.to_owned(), matched_column(dialect, list));
                link_index = Some((columns.len(), key.1));
                columns.push(key.clone());
                partition = Some(key);
            }
            (None, LinkFilter::Through { source_column, .. }) => {
                let alias = link_alias.clone().unwrap_or_default();
                link_index = Some((columns.len(), *source_column));
                columns.push((alias.clone(), source_column));
                partition = Some((alias, source_column));
            }
            (None, LinkFilter::Column { column }) => partition = Some((base.clone(), column)),
        }
    }

    let mut w = SqlWriter::new(dialect);
    let ranked = parts.per_parent.is_some() && partition.is_some();
    w.push("SELECT ");
    for (i, (alias, column)) in columns.iter().enumerate() {
        if i > 0 {
            w.push(", ");
        }
        w.qualified(alias, column);
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
            w.key_table(keys, binding, key_type, KEYS);
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
        w.key_list(&alias, column, list.keys, list.binding);
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
        w.ident("__ranked")
            .push(" WHERE ")
            .ident("__rn")
            .push(" <= ");
        let n = parts.per_parent.unwrap_or(u64::MAX);
        w.param(Value::I64(i64::try_from(n).unwrap_or(i64::MAX)));
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

/// The alias of a matched key list in a prefetch statement.
const KEYS: &str = "__k";

/// The column of a matched key list: `value`, except for a `VALUES` list
/// (SQLite with expanded key lists), whose column is `column1`.
fn matched_column(dialect: Dialect, list: &KeyList) -> &'static str {
    match list.binding {
        KeyBinding::Expanded { .. } if dialect != Dialect::Mysql => "column1",
        _ => "value",
    }
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
