//! The query builder: what to load, and the base statement's filter, order
//! and limits.

use crate::error::{Deferred, Error, Result};
use crate::model::relation::{Relation, SingleValued};
use crate::model::table::Model;
use crate::model::typed::{LoadSet, Loaded, Union};
use crate::plan::condition::{Expr, Hop};
use crate::plan::join::{JoinNode, Slot, clone_nodes, merge_nodes};
use crate::plan::select::{SelectParts, Window, render_select};
use crate::plan::sql::{Ctx, Dialect, PlannedStatement, Statement};
use crate::query::expr::{Filter, FilterArg, OrderArg};
use crate::query::operand::NoArg;
use crate::query::path::{Path, PathFrom, SelectFrom};
use crate::query::prefetch::{
    BelowFrom, Destination, OntoLevels, Prefetch, PrefetchLevel, PrefetchNode, add_node,
};
use std::marker::PhantomData;
use std::sync::Arc;

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
/// assert_eq!(joins.tags.get()?.len(), 3);
/// assert_eq!(joins.s_tags.get()?.iter().map(|t| &t.name).collect::<Vec<_>>(), ["sqlite"]);
/// assert_eq!(joins.comments.get()?[0].author.get()?.name, "Bob");
///
/// // Rows from elsewhere (here the caller's SQL) get the same prefetches.
/// let mut rows: Vec<Post> = db.raw("SELECT * FROM post WHERE id = ?", &[Value::I64(1)])?;
/// Post::query().prefetch_related(Post::tags()).prefetch_onto(&mut rows, &db)?;
/// assert_eq!(rows[0].tags.get()?.len(), 3);
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
// A Django user writes `qs.filter(..)` and expects `qs` to change; here,
// as there, the builder returns the changed query.
#[must_use = "a query's builder methods return the changed query: write `let q = q.filter(..)`; and nothing runs until `.all(&db)`"]
pub struct Query<M: Model, L = <M as Model>::Empty> {
    pub(crate) core: QueryCore<M>,
    set: PhantomData<fn() -> L>,
}

/// What a query selects and loads, without its loaded set. Everything that
/// plans and runs a query works on this part, so that code is compiled once
/// per model, not once per query shape (`L` changes with every
/// `select_related`).
pub(crate) struct QueryCore<M: Model> {
    pub(crate) joins: Vec<Box<dyn JoinNode<M>>>,
    /// Each `select_related_untyped` path, as the prefetch levels that load
    /// it onto rows the caller already holds (`prefetch_onto`), which no
    /// JOIN can reach. A typed path is in the query's set instead (see
    /// `Query::onto_core`).
    pub(crate) join_levels: Vec<JoinLevelsAny>,
    pub(crate) prefetch: Vec<Box<dyn PrefetchNode<M>>>,
    pub(crate) filter: Option<Expr>,
    pub(crate) order: Vec<(&'static str, bool)>,
    /// The path of each `order` term's table (empty: the base table).
    pub(crate) order_via: Vec<Vec<Hop>>,
    pub(crate) limit: Option<u64>,
    pub(crate) offset: Option<u64>,
    /// Builder mistakes found at runtime (a lookup given twice with
    /// different queries), reported when the query runs.
    pub(crate) errors: Vec<Deferred>,
    /// Whether a load of several statements reads one snapshot (see
    /// [`Query::without_snapshot`]).
    pub(crate) snapshot: bool,
}

/// A `select_related_untyped` path as prefetch levels (see
/// `QueryCore::join_levels`): a [`JoinLevels`] behind `dyn Any`, so that
/// the list is cloned and dropped by code compiled once, not per model.
pub(crate) type JoinLevelsAny = Arc<dyn std::any::Any + Send + Sync>;

/// What a [`JoinLevelsAny`] of a query of `M` holds.
pub(crate) type JoinLevels<M> =
    Box<dyn Fn(&mut Vec<Box<dyn PrefetchNode<M>>>) -> Result<()> + Send + Sync>;

/// What [`Query::select_related_untyped`] takes: a path of single-valued
/// hops ([`SingleValued`]), stated on `()`.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{P}` is a many-valued relation (or a chain through one): select_related follows only ForeignKey and OneToOne hops",
    label = "a JOIN would repeat each row once per related row: use `.prefetch_related_untyped(...)` for this lookup"
)]
pub trait UntypedJoin<P> {}

#[diagnostic::do_not_recommend]
impl<P: SingleValued> UntypedJoin<P> for () {}

impl<M: Model> Default for Query<M> {
    fn default() -> Self {
        Query::new()
    }
}

impl<M: Model, L> Clone for Query<M, L> {
    fn clone(&self) -> Self {
        Query::from_core(self.core.clone())
    }
}

impl<M: Model> Clone for QueryCore<M> {
    fn clone(&self) -> Self {
        QueryCore {
            joins: clone_nodes(&self.joins),
            join_levels: self.join_levels.clone(),
            prefetch: self.prefetch.iter().map(|p| p.clone_box()).collect(),
            filter: self.filter.clone(),
            order: self.order.clone(),
            order_via: self.order_via.clone(),
            limit: self.limit,
            offset: self.offset,
            errors: self.errors.clone(),
            snapshot: self.snapshot,
        }
    }
}

/// A number of rows, for `limit` and `offset`: any primitive integer, so
/// that a `usize` page size or an `i64` from a request needs no cast.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a number of rows",
    label = "`limit` and `offset` take an integer (`usize`, `u64`, `i64`, ...)"
)]
pub trait RowCount {
    /// The count, or the value itself when it is negative.
    fn rows(self) -> std::result::Result<u64, i64>;
}

/// What [`Query::plan`] takes: a [`Dialect`]. A trait (with a second,
/// never-met impl, so that rustc reads the argument before deciding) only
/// so that a database given there is one error naming `plan_for`.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`plan(..)` takes a `Dialect`, not `{D}`",
    label = "write `.plan(Dialect::Sqlite)` (or `Postgres`, `Mysql`); for the database you hold, `.plan_for(&db)`"
)]
pub trait DialectArg<D> {
    /// The dialect.
    #[doc(hidden)]
    fn __dialect(dialect: D) -> Dialect;
}

#[diagnostic::do_not_recommend]
impl DialectArg<Dialect> for () {
    #[inline]
    fn __dialect(dialect: Dialect) -> Dialect {
        dialect
    }
}

#[diagnostic::do_not_recommend]
impl DialectArg<NoArg> for () {
    fn __dialect(dialect: NoArg) -> Dialect {
        match dialect {}
    }
}

/// How `limit` and `offset` ask for a [`RowCount`]: `(): CountArg<C>`, on
/// `()` so that a float or a string there is one line of help instead of
/// rustc's list of the ten integer types that would do.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`limit` / `offset` take a number of rows, not `{C}`",
    label = "write an integer (`usize`, `u64`, `i64`, ...); an optional one with its default: `n.unwrap_or(20)`, or call `limit` only when it is `Some`",
    note = "rows 10 to 19 (Django's `[10:20]`) are `.offset(10).limit(10)`"
)]
pub trait CountArg<C> {
    /// [`RowCount::rows`].
    fn __rows(count: C) -> std::result::Result<u64, i64>;
}

#[diagnostic::do_not_recommend]
impl<C: RowCount> CountArg<C> for () {
    #[inline]
    fn __rows(count: C) -> std::result::Result<u64, i64> {
        count.rows()
    }
}

macro_rules! row_count {
    ($($t:ty)*) => {$(
        impl RowCount for $t {
            #[inline]
            fn rows(self) -> std::result::Result<u64, i64> {
                // Only a negative value fails, and every negative value of
                // these types fits in an i64.
                u64::try_from(self).map_err(|_| i64::try_from(self).unwrap_or(i64::MIN))
            }
        }
    )*};
}
row_count!(u8 u16 u32 u64 usize i8 i16 i32 i64 isize);

/// `Post::query()`: where every query starts. Implemented for every model,
/// and in the prelude, so `Post::query()` (and `M::query()` in generic code)
/// needs no other import.
///
/// ```
/// use related::prelude::*;
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64 }
///
/// fn everything<M: Model>() -> related::Query<M> {
///     M::query()
/// }
/// assert_eq!(everything::<Tag>().plan(related::Dialect::Sqlite).len(), 1);
/// ```
// Implemented for every type, with the bound on `()` and the query's type
// read through it: on a struct without the derive, `Draft::query()` is then
// one "`Draft` is not a model" error, not rustc's "no function named
// `query`" with its list of unmet bounds (24 lines), nor a second error for
// `Query<Draft>`.
pub trait ModelQuery {
    /// Start a query over this model's table: a [`Query<Self>`].
    #[rustfmt::skip]
    fn query() -> <() as QueryStart<Self>>::Query where (): QueryStart<Self> {
        <() as QueryStart<Self>>::start()
    }
}

/// How [`ModelQuery::query`] asks for a model: `(): QueryStart<M>`, whose
/// `Query` is `Query<M>`.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{M}` is not a model",
    label = "`#[derive(related::Model)]` on `{M}` makes it a model with `{M}::query()`",
    note = "a query starts at a struct that derives `related::Model`"
)]
pub trait QueryStart<M: ?Sized> {
    /// `Query<M>`.
    type Query;
    /// `Query::new()`.
    fn start() -> Self::Query;
}

#[diagnostic::do_not_recommend]
impl<M: Model> QueryStart<M> for () {
    type Query = Query<M>;
    #[inline]
    fn start() -> Query<M> {
        Query::new()
    }
}

impl<T: ?Sized> ModelQuery for T {}

impl<M: Model> Query<M> {
    /// A query for every row of `M`, with nothing loaded along (what
    /// `M::query()` returns).
    pub fn new() -> Self {
        Query::from_core(QueryCore {
            joins: Vec::new(),
            join_levels: Vec::new(),
            prefetch: Vec::new(),
            filter: None,
            order: Vec::new(),
            order_via: Vec::new(),
            limit: None,
            offset: None,
            errors: Vec::new(),
            snapshot: true,
        })
    }
}

impl<M: Model, L> Query<M, L> {
    #[inline]
    pub(crate) fn from_core(core: QueryCore<M>) -> Self {
        Query {
            core,
            set: PhantomData,
        }
    }

    /// The same query with another loaded set in its type.
    #[inline]
    pub(crate) fn retype<L2>(self) -> Query<M, L2> {
        Query::from_core(self.core)
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
    // The bound on `()` (`UntypedJoin`), not `P: SingleValued`: rustc then
    // does not quote the user's field under a many-valued relation's error.
    // One line, so that its "required by this bound" is one line too.
    #[rustfmt::skip]
    pub fn select_related_untyped<P: Path<Source = M>>(mut self, path: P) -> Self where (): UntypedJoin<P> {
        self.add_join(path);
        // Not in the type: onto rows the caller holds, the path loads from
        // here (a typed path loads from the set, see `onto_core`).
        let levels: JoinLevels<M> = Box::new(move |levels| path.__add_prefetch(levels));
        self.core.join_levels.push(Arc::new(levels));
        self
    }

    /// [`Query::prefetch_related`] for dynamic code, keeping the type as
    /// [`Query::select_related_untyped`] does.
    pub fn prefetch_related_untyped<P: Path<Source = M>>(mut self, path: P) -> Self {
        self.add_prefetch(path);
        self
    }

    /// [`Query::select_related`] keeping the type (for `Prefetch`, whose
    /// nested loads are not typed).
    pub(crate) fn add_join<P: Path<Source = M>>(&mut self, path: P) {
        path.__add_join(&mut self.core.joins);
    }

    /// This query for rows the caller holds: its core with every relation
    /// its type holds added as a plain prefetch level (merged with its own
    /// levels), since no JOIN reaches rows already read. Built from the
    /// set `L` here, so that the levels of a `select_related` path are
    /// compiled only where a query runs onto rows, not for every query.
    pub(crate) fn onto_core(&self) -> QueryCore<M>
    where
        L: LoadSet<M>,
    {
        let mut core = self.core.clone();
        let QueryCore {
            prefetch, errors, ..
        } = &mut core;
        L::__visit(&mut OntoLevels {
            levels: prefetch,
            errors,
        });
        core
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
        if let Err(e) = path.__add_prefetch(&mut self.core.prefetch) {
            self.core.errors.push(Deferred::at(e, lookup));
        }
    }

    /// Load a relation with its own query and/or into its own field. The
    /// rows' type holds the relation (or the `Prefetched` field of
    /// [`Prefetch::to`]) with what the `Prefetch` loaded below it; a
    /// filtered relation reads as loaded, holding the rows that matched.
    #[rustfmt::skip]
    pub fn prefetch<Q>(self, prefetch: Q) -> Query<M, <L as Union<<() as PrefetchLevel<M, Q>>::Set>>::Output> where (): PrefetchLevel<M, Q>, L: Union<<() as PrefetchLevel<M, Q>>::Set> {
        <() as PrefetchLevel<M, Q>>::__add(self.retype(), prefetch).retype()
    }

    /// [`Query::prefetch`] leaving the type as it is (for generic code, as
    /// [`Query::select_related_untyped`]).
    pub fn prefetch_untyped<R, N, D>(mut self, prefetch: Prefetch<R, N, D>) -> Self
    where
        R: Relation<Source = M>,
    {
        let outer = R::info().name;
        if let Err(e) = add_node(&mut self.core.prefetch, Box::new(prefetch.into_level())) {
            // A duplicate inside the Prefetch names its own lookup: say
            // where it sits.
            let lookup = match &e {
                Error::DuplicateLookup { lookup, .. } if lookup != outer => {
                    format!("{outer}__{lookup}")
                }
                _ => outer.to_owned(),
            };
            self.core.errors.push(Deferred::at(e, lookup));
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
    ) -> Query<
        M,
        <L as Union<<P as BelowFrom<M, R>>::BelowSet<<D as Destination<R>>::Loads<N>>>>::Output,
    >
    where
        P: BelowFrom<M, R>,
        R: Relation,
        D: Destination<R>,
        L: Union<<P as BelowFrom<M, R>>::BelowSet<<D as Destination<R>>::Loads<N>>>,
    {
        P::__below(self.retype(), path, prefetch).retype()
    }

    /// [`Query::prefetch_below`] leaving the type as it is.
    pub fn prefetch_below_untyped<P, R, N, D>(
        mut self,
        path: P,
        prefetch: Prefetch<R, N, D>,
    ) -> Self
    where
        P: Path<Source = M>,
        R: Relation<Source = P::Target>,
    {
        let lookup = format!("{}__{}", path.lookup(), R::info().name);
        if let Err(e) = path.__add_below(&mut self.core.prefetch, Box::new(prefetch.into_level())) {
            self.core.errors.push(Deferred::at(e, lookup));
        }
        self
    }

    /// Keep the rows matching `filter` (ANDed with earlier filters): a
    /// [`Filter`] over `M` (see [`FilterArg`] for the bound).
    // Bound and signature on one line: a mistake's "required by this bound"
    // is then one line of source.
    #[rustfmt::skip]
    pub fn filter<F>(mut self, filter: F) -> Self where (): FilterArg<M, F> {
        let filter = <() as FilterArg<M, F>>::__filter(filter);
        self.core.and_filter(filter.expr);
        self
    }

    /// Drop the rows matching `filter` (Django's `exclude`), ANDed with the
    /// other filters: every row for which `filter` is not true, including
    /// the rows where it is unknown because a column it compares is NULL
    /// (`exclude(Post::subtitle().eq("x"))` keeps the posts without a
    /// subtitle). The same as `filter(!filter)`: `!` is Django's `~Q`.
    #[rustfmt::skip]
    pub fn exclude<F>(self, filter: F) -> Self where (): FilterArg<M, F> {
        let filter = <() as FilterArg<M, F>>::__filter(filter);
        self.filter::<Filter<M>>(Filter::new(Expr::NotTrue(Box::new(filter.expr))))
    }

    /// Order by a column with its direction (`Post::title().asc()`), or by
    /// several (`(Post::title().asc(), Post::id().desc())`, an array, a
    /// `Vec`); a further call adds keys after these (see [`OrderArg`]).
    #[rustfmt::skip]
    pub fn order_by<O>(mut self, order: O) -> Self where (): OrderArg<M, O> {
        for order in <() as OrderArg<M, O>>::__order(order) {
            self.core.order.push((order.column, order.desc));
            self.core.order_via.push(order.path);
        }
        self
    }

    /// Return at most `n` rows (`LIMIT`); prefetches load the related rows
    /// of those only.
    ///
    /// Any integer will do (`usize`, `u32`, `i64`, a literal); a negative one
    /// is an error when the query runs, before anything is sent.
    #[rustfmt::skip]
    pub fn limit<C>(mut self, n: C) -> Self where (): CountArg<C> {
        self.core.limit = self.core.count("limit", n);
        self
    }

    /// Send the statements of this load one by one, with no read
    /// transaction around them, as Django does. By default a load of more
    /// than one statement (prefetch levels) reads one snapshot of the
    /// database: a read-only `REPEATABLE READ` transaction on PostgreSQL,
    /// `START TRANSACTION WITH CONSISTENT SNAPSHOT` on MySQL, a read
    /// transaction on SQLite, opened only when the caller holds none. Without
    /// it, a load saves those round trips (on PostgreSQL the begin, its
    /// probe and the `COMMIT`) and each level reads the database as it is
    /// when its statement runs: a row written between two levels can be
    /// seen by one and not the other (a post whose new tag is not loaded,
    /// or a tag of a post the first statement did not return, which is
    /// then left out). Inside the caller's own transaction nothing changes.
    ///
    /// ```
    /// use related::prelude::*;
    /// use related::{Consistency, Job, Load};
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Tag { id: i64 }
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Post { id: i64, tags: ManyToMany<Tag> }
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let db = related::Sqlite::open_in_memory()?;
    /// let query = Post::query().prefetch_related(Post::tags());
    /// assert_eq!(Load::new(&query, db.ctx())?.consistency(), Consistency::Snapshot);
    /// let query = query.without_snapshot();
    /// assert_eq!(Load::new(&query, db.ctx())?.consistency(), Consistency::None);
    /// # Ok(()) }
    /// ```
    pub fn without_snapshot(mut self) -> Self {
        self.core.snapshot = false;
        self
    }

    /// Skip the first `n` rows (`OFFSET`); give an `order_by` so that which
    /// rows are skipped is defined.
    ///
    /// Any integer will do, as for [`Query::limit`].
    #[rustfmt::skip]
    pub fn offset<C>(mut self, n: C) -> Self where (): CountArg<C> {
        self.core.offset = self.core.count("offset", n);
        self
    }

    /// Every statement this query will send on a connection of this
    /// dialect, without running anything. Prefetch statements show their key
    /// list as an empty parameter: its values come from the rows above.
    // The dialect through `DialectArg`: the database given instead
    // (`plan(&db)`) is one error naming `plan_for(&db)`.
    #[rustfmt::skip]
    pub fn plan<D>(&self, dialect: D) -> Vec<PlannedStatement> where (): DialectArg<D> {
        self.plan_with(Ctx::planning(<() as DialectArg<D>>::__dialect(dialect)))
    }

    pub(crate) fn plan_with(&self, ctx: Ctx) -> Vec<PlannedStatement> {
        self.core.plan_with(ctx)
    }
}

impl<M: Model> QueryCore<M> {
    /// AND `expr` with the filters so far.
    pub(crate) fn and_filter(&mut self, expr: Expr) {
        self.filter = Some(match self.filter.take() {
            None => expr,
            Some(prev) => Filter::<M>::new(prev).and(Filter::new(expr)).expr,
        });
    }

    /// Take in `other`'s filters (ANDed), order, JOINs, prefetch levels and
    /// recorded mistakes, as if its calls had been made on this query (a
    /// `Prefetch` queryset). Its limit and offset are the caller's to place.
    pub(crate) fn absorb(&mut self, other: QueryCore<M>) {
        let QueryCore {
            joins,
            mut join_levels,
            prefetch,
            filter,
            mut order,
            mut order_via,
            mut errors,
            ..
        } = other;
        if let Some(expr) = filter {
            self.and_filter(expr);
        }
        self.order.append(&mut order);
        self.order_via.append(&mut order_via);
        merge_nodes(&mut self.joins, joins);
        self.join_levels.append(&mut join_levels);
        self.errors.append(&mut errors);
        for node in prefetch {
            let lookup = node.lookup();
            if let Err(e) = add_node(&mut self.prefetch, node) {
                self.errors.push(Deferred::at(e, lookup.to_owned()));
            }
        }
    }

    /// `n` as a row count; a negative one is kept as an error for the run.
    pub(crate) fn count<C>(&mut self, what: &'static str, n: C) -> Option<u64>
    where
        (): CountArg<C>,
    {
        match <() as CountArg<C>>::__rows(n) {
            Ok(n) => Some(n),
            Err(value) => {
                let model = M::info().name;
                self.errors.push(Deferred::Negative { model, what, value });
                None
            }
        }
    }

    pub(crate) fn plan_with(&self, ctx: Ctx) -> Vec<PlannedStatement> {
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

    /// This query reading at most `n` of its own rows: the limit is the
    /// smaller of `n` and the query's, the offset stays.
    pub(crate) fn capped(&self, n: u64) -> Self {
        let mut q = self.clone();
        q.limit = Some(self.limit.map_or(n, |l| l.min(n)));
        q
    }

    /// Whether the query returns no row whatever the data (`limit(0)`, an
    /// empty `is_in`, see `Expr::matches_nothing`): then nothing is sent.
    pub(crate) fn matches_nothing(&self) -> bool {
        self.limit == Some(0) || self.filter.as_ref().is_some_and(Expr::matches_nothing)
    }

    /// The query `first` runs: at most one row, and as Django's `first()`,
    /// in primary key order when the query has no order of its own (no
    /// `order_by`, no default `ordering`): the first row then means the
    /// same on every backend, not whichever row the database met first.
    pub(crate) fn first_query(&self) -> Self {
        let mut q = self.capped(1);
        if q.effective_order().is_empty() {
            q.order.push((M::info().pk_column().name, false));
            q.order_via.push(Vec::new());
        }
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

    /// `rows` as typed rows of set `S`, once each is checked to hold every
    /// relation of `S`. The check runs through a function pointer, so only
    /// the cast is compiled per set.
    pub(crate) fn typed<S>(&self, rows: Vec<M>, dialect: Dialect) -> Result<Vec<Loaded<M, S>>>
    where
        S: LoadSet<M>,
    {
        self.verify(&rows, S::verify, dialect, Self::statement_of)?;
        Ok(Loaded::cast_checked(rows))
    }

    /// [`QueryCore::typed`] for rows this query's levels were loaded onto
    /// (`fetch_onto`): an error names those levels' statements, since no
    /// base statement was sent.
    pub(crate) fn typed_onto<S>(&self, rows: Vec<M>, dialect: Dialect) -> Result<Vec<Loaded<M, S>>>
    where
        S: LoadSet<M>,
    {
        self.verify(&rows, S::verify, dialect, |q, _, dialect| {
            q.onto_statements(dialect)
        })?;
        Ok(Loaded::cast_checked(rows))
    }

    /// `Untypable` for the first row `verify` finds lacking, naming the
    /// statement `statement` gives for its error. A function, not a flag,
    /// picks the statement: the levels' statements of a load onto rows are
    /// then compiled only for the models some code loads onto. A loop, not
    /// `find_map`: the iterator adapters would add functions to each model.
    fn verify(
        &self,
        rows: &[M],
        verify: fn(&M) -> std::result::Result<(), crate::error::NotLoaded>,
        dialect: Dialect,
        statement: fn(&Self, &crate::error::NotLoaded, Dialect) -> String,
    ) -> Result<()> {
        for row in rows {
            if let Err(error) = verify(row) {
                let statement = statement(self, &error, dialect);
                return Err(Error::Untypable { error, statement });
            }
        }
        Ok(())
    }

    fn base_sql(&self, dialect: Dialect) -> String {
        self.base_statement(dialect).0.sql
    }

    /// The statement that should have found what `error` says is missing:
    /// for a relation of the query's own rows that a prefetch level loads
    /// (`Post.editor`, a `Prefetch` whose filter left the row out), that
    /// level's; else the base statement.
    fn statement_of(&self, error: &crate::error::NotLoaded, dialect: Dialect) -> String {
        use crate::error::NotLoaded::*;
        if let Joinable { model, field }
        | PrefetchOnly { model, field }
        | Missing { model, field }
        | NotCounted { model, field } = *error
            && model == M::info().name
            && let Some(level) = self
                .plan_with(Ctx::planning(dialect))
                .into_iter()
                .find(|s| s.lookup == field)
        {
            return level.sql;
        }
        self.base_sql(dialect)
    }

    /// Add the `select_related_untyped` paths as prefetch levels (for rows
    /// the caller holds).
    pub(crate) fn add_join_levels(&mut self) -> Result<()> {
        for levels in &self.join_levels {
            if let Some(levels) = levels.downcast_ref::<JoinLevels<M>>() {
                levels(&mut self.prefetch)?;
            }
        }
        Ok(())
    }

    /// The statements of a load onto rows the caller holds, one per level
    /// (its select_related paths among them), `; `-separated.
    fn onto_statements(&self, dialect: Dialect) -> String {
        let ctx = Ctx::planning(dialect);
        let mut query = self.clone();
        let mut out = Vec::new();
        // The errors were reported when the load ran.
        let _ = query.add_join_levels();
        for node in &mut query.prefetch {
            node.resolve(&[]);
            node.explain(ctx, "", &mut out);
        }
        let sql: Vec<String> = out.into_iter().map(|s| s.sql).collect();
        sql.join("; ")
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
            per_parent: Window::default(),
        };
        let (stmt, slots, _) = render_select(dialect, M::info(), parts);
        (stmt, slots)
    }
}
