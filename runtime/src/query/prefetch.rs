//! prefetch_related: one batched statement per level, stitched in memory.
//!
//! Each level is a small state machine over its parents: collect their keys,
//! send one statement (or one per chunk where the backend limits bind
//! parameters), decode the children once per distinct primary key, run the
//! levels below on those children, then hand each parent its children.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;

use crate::error::{Deferred, Error, Result};
use crate::model::column::{Column, Key, RawRow};
use crate::model::relation::{Cardinality, PrefetchArg, Relation, RelationKind, SingleValued};
use crate::model::table::{FieldError, Model};
use crate::model::typed::{LoadSet, SetVisitor, Union};
use crate::model::value::Value;
use crate::plan::across::condition_text;
use crate::plan::join::{FieldErrorAt, JoinNode, JoinShare, Slot, find_hop};
use crate::plan::select::{KeyList, LinkFilter, SelectParts, Window, render_select};
use crate::plan::spellings;
use crate::plan::sql::{Ctx, KeyBinding, PlannedStatement, Statement};
use crate::query::builder::{CountArg, Query};
use crate::query::expr::{Filter, FilterArg, OrderArg};
use crate::query::path::{Path, PathFrom, PrefetchFrom, SelectFrom};

/// A field declared as `Prefetched<T>`, the target of [`Prefetch::to`]
/// (Django's `to_attr`). Implemented by the derive; the example at
/// [`Prefetch`] fills one.
///
/// ```
/// use related::prelude::*;
/// use related::PrefetchTarget;
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64 }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post { id: i64, tags: ManyToMany<Tag>, top_tags: Prefetched<Tag> }
///
/// fn field_name<A: PrefetchTarget>(_field: A) -> &'static str { A::name() }
/// assert_eq!(field_name(Post::top_tags()), "top_tags");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `Prefetched<_>` field: `Prefetch::to` stores the rows into a field declared `Prefetched<T>`",
    label = "expected a handle of a `Prefetched<T>` field of the same model, e.g. `Post::python_tags()`",
    note = "declare the field, e.g. `python_tags: Prefetched<Tag>`, beside the relation it is loaded from"
)]
pub trait PrefetchTarget: Copy + Default + Send + Sync + 'static {
    /// The model holding the `Prefetched` field.
    type Source: Model;
    /// The model of the rows stored in it.
    type Item: Model;
    /// The field's name.
    fn name() -> &'static str;
    /// Stores `items` in the field of `source`.
    fn attach(source: &mut Self::Source, items: Vec<Arc<Self::Item>>);
    /// The rows stored in the field, for nested prefetches to fill.
    fn loaded_mut(source: &mut Self::Source) -> &mut [Arc<Self::Item>];
    /// The source's loaded set with only this field loaded, `N` below it.
    #[doc(hidden)]
    type Loads<N>;
}

/// A `Prefetched` field of model `S` holding rows of `T`: what
/// [`Prefetch::to`] takes, with `S` and `T` the relation's source and
/// target. Implemented by the derive for each `Prefetched<T>` field; it
/// exists so that every wrong handle gets one error naming it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold the rows of a relation from `{S}` to `{T}`: `Prefetch::to` takes a `Prefetched<{T}>` field of `{S}`",
    label = "expected a `Prefetched<{T}>` field handle of `{S}`",
    note = "declare the field beside the relation it is loaded from, e.g. `python_tags: Prefetched<Tag>` next to `tags: ManyToMany<Tag>`, and pass `Post::python_tags()`"
)]
pub trait TargetFor<S, T>: 'static {
    /// [`PrefetchInto::Dest`].
    #[doc(hidden)]
    type Dest;
    /// [`PrefetchTarget::name`].
    #[doc(hidden)]
    fn name() -> &'static str;
    /// [`PrefetchTarget::attach`].
    #[doc(hidden)]
    fn attach(source: &mut S, items: Vec<Arc<T>>);
}

/// [`TargetFor`] as the derive implements it, one impl per `Prefetched`
/// field. Kept apart from `TargetFor` so that rustc reports a wrong handle
/// with `TargetFor`'s message, and so that the `Prefetch` of a wrong handle
/// has no type to mismatch further on (its `Dest` cannot be found).
#[doc(hidden)]
pub trait PrefetchInto<S, T>: 'static {
    /// `ToField<Self>`: where the rows go, in the `Prefetch`'s type.
    type Dest;
    /// The field's name.
    fn name() -> &'static str;
    /// Stores `items` in the field of `source`.
    fn attach(source: &mut S, items: Vec<Arc<T>>);
}

#[diagnostic::do_not_recommend]
impl<S, T, A: PrefetchInto<S, T>> TargetFor<S, T> for A {
    type Dest = A::Dest;

    fn name() -> &'static str {
        A::name()
    }

    fn attach(source: &mut S, items: Vec<Arc<T>>) {
        A::attach(source, items)
    }
}

/// A prefetch lookup with its own query and/or its own target field
/// (Django's `Prefetch(lookup, queryset=..., to_attr=...)`).
///
/// # Example
///
/// The latest comment of each post into a field of its own, with the
/// comment's author joined and its likes counted, next to all the comments:
///
/// ```
/// use related::prelude::*;
///
/// #[derive(Clone, Debug, Model)]
/// struct User { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post {
///     id: i64,
///     #[related(reverse = Comment::post)]
///     comments: Reverse<Comment>,
///     latest: Prefetched<Comment>,
/// }
///
/// #[derive(Clone, Debug, Model)]
/// struct Comment {
///     id: i64,
///     post: ForeignKey<Post>,
///     author: ForeignKey<User>,
///     #[related(reverse = Like::comment)]
///     likes: Reverse<Like>,
///     like_count: Counted<Like>,
/// }
///
/// #[derive(Clone, Debug, Model)]
/// struct Like { id: i64, comment: ForeignKey<Comment> }
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[User::info(), Post::info(), Comment::info(), Like::info()])?;
/// db.insert(&User { id: 1, name: "Ann".into() })?;
/// db.insert(&Post { id: 1, comments: Default::default(), latest: Default::default() })?;
/// for id in 1..=3 {
///     let (likes, like_count) = Default::default();
///     let (post, author) = (ForeignKey::new(1), ForeignKey::new(1));
///     db.insert(&Comment { id, post, author, likes, like_count })?;
/// }
/// db.insert_all(&[Like { id: 1, comment: ForeignKey::new(3) }, Like { id: 2, comment: ForeignKey::new(3) }])?;
///
/// let posts = Post::query()
///     .prefetch_related(Post::comments())
///     .prefetch(
///         Prefetch::new(Post::comments())
///             .order_by(Comment::id().desc())
///             .limit(1)
///             .select_related(Comment::author())
///             .count_related(Comment::likes(), Comment::like_count())
///             .to(Post::latest()),
///     )
///     .all(&db)?;
/// assert_eq!(posts[0].comments.get()?.len(), 3);
/// let latest = &posts[0].latest.get()?[0];
/// assert_eq!((latest.id, latest.author.get()?.name.as_str()), (3, "Ann"));
/// assert_eq!(latest.like_count.get()?, 2);
/// # Ok(()) }
/// ```
#[must_use = "a `Prefetch`'s methods return the changed `Prefetch`; pass it to `.prefetch(..)`"]
pub struct Prefetch<R: Relation, N = <<R as Relation>::Target as Model>::Empty, D = OwnField> {
    level: Level<R>,
    set: PhantomData<fn() -> (N, D)>,
}

/// Where a [`Prefetch`] puts its rows, in its type: [`OwnField`] (the relation's
/// field) until [`Prefetch::to`] names a `Prefetched<T>` field ([`ToField`]).
/// It says which slot of the parent's loaded set the prefetch fills.
#[doc(hidden)]
pub trait Destination<R: Relation> {
    /// The parent's set with only the destination loaded, `N` below it.
    type Loads<N>;
}

/// The relation's own field (see [`Destination`]).
#[doc(hidden)]
pub struct OwnField;

/// The `Prefetched<T>` field `A` (see [`Destination`]).
#[doc(hidden)]
pub struct ToField<A>(PhantomData<A>);

impl<R: Relation> Destination<R> for OwnField {
    type Loads<N> = R::Loads<N>;
}

impl<R: Relation, A: PrefetchTarget> Destination<R> for ToField<A> {
    type Loads<N> = A::Loads<N>;
}

/// What `.prefetch(..)` takes on a query of `M` (or below a `Prefetch` of
/// `M` rows): `(): PrefetchLevel<M, Q>` for a [`Prefetch`] `Q` of a
/// relation of `M`, read through in the return type. On `()`, so that a
/// relation handle given where its `Prefetch` goes (`.prefetch(Post::tags())`)
/// is one short error naming both calls, not rustc's type mismatch.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Q}` is not a `Prefetch`: `.prefetch(..)` takes one `Prefetch::new(..)`, with its own filter, order, limit or `.to(..)` field",
    label = "expected `Prefetch::new(Post::tags())...`, one per call (`.prefetch(a).prefetch(b)`); a relation loaded as it is goes to `.prefetch_related(Post::tags())`"
)]
pub trait PrefetchLevel<M: Model, Q> {
    /// The loaded set it adds.
    #[doc(hidden)]
    type Set;
    /// `query.prefetch_untyped(prefetch)`.
    #[doc(hidden)]
    fn __add(query: Query<M>, prefetch: Q) -> Query<M>;
}

#[diagnostic::do_not_recommend]
impl<M: Model, Q: PrefetchOn<M>> PrefetchLevel<M, Q> for () {
    type Set = Q::Set;
    #[inline]
    fn __add(query: Query<M>, prefetch: Q) -> Query<M> {
        Q::__add(query, prefetch)
    }
}

/// A [`Prefetch`] of a relation of `M` (see [`PrefetchLevel`]): the bound
/// behind it, on the argument, where a relation of another model is
/// reported by `PrefetchFrom`.
#[doc(hidden)]
pub trait PrefetchOn<M: Model>: Sized {
    /// The loaded set it adds.
    #[doc(hidden)]
    type Set;
    /// `query.prefetch_untyped(self)`.
    #[doc(hidden)]
    fn __add(query: Query<M>, prefetch: Self) -> Query<M>;
}

// Hidden from diagnostics: otherwise rustc adds that the trait is
// implemented for `Prefetch<R, N, D>` (five lines); a `Prefetch` of another
// model's relation is still reported by `PrefetchFrom`, naming it.
#[diagnostic::do_not_recommend]
impl<M: Model, R: PrefetchFrom<M>, N, D: Destination<R>> PrefetchOn<M> for Prefetch<R, N, D> {
    type Set = <R as PrefetchFrom<M>>::Gate<<D as Destination<R>>::Loads<N>>;
    #[inline]
    fn __add(query: Query<M>, prefetch: Self) -> Query<M> {
        query.prefetch_untyped(prefetch)
    }
}

/// What `prefetch_below(path, prefetch)` takes on a query of `M`: `Self`, a
/// path of relations from `M`, and a `Prefetch` of `R`, a relation of the
/// model the path ends at. One bound for both, read through in the return
/// type, so that a path that is not one (a column, say) is one error.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a path of relations from `{M}` that the `Prefetch` of `{R}` continues",
    label = "expected a relation handle (or chain) of `{M}`, called: `Model::field()`, ending at the model whose relation the `Prefetch` loads",
    note = "`.prefetch_below(Order::items().then(Item::product()), Prefetch::new(Product::reviews()))` is Django's `Prefetch(\"items__product__reviews\")`; a column handle (`Col<_, _>`) filters and orders, it is not a relation"
)]
pub trait BelowFrom<M: Model, R: Relation>: Sized {
    /// [`Path::SetWith`]: the path's set with `X` below the `Prefetch`.
    #[doc(hidden)]
    type BelowSet<X>;
    /// `query.prefetch_below_untyped(path, prefetch)`.
    #[doc(hidden)]
    fn __below<N, D>(query: Query<M>, path: Self, prefetch: Prefetch<R, N, D>) -> Query<M>;
}

#[diagnostic::do_not_recommend]
impl<M: Model, P: PathFrom<M>, R: PrefetchFrom<P::Target>> BelowFrom<M, R> for P {
    type BelowSet<X> = <P as Path>::SetWith<<R as PrefetchFrom<P::Target>>::Gate<X>>;
    #[inline]
    fn __below<N, D>(query: Query<M>, path: P, prefetch: Prefetch<R, N, D>) -> Query<M> {
        query.prefetch_below_untyped(path, prefetch)
    }
}

/// What [`Prefetch::queryset`] takes for a relation to `T`: a query of `T`
/// (`(): QuerysetOf<T, Q>`; on `()`, as `FilterArg`, so that a query of
/// another model is one error naming both).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Q}` is not a query of `{T}`: a `Prefetch`'s queryset is a query of the model its relation points at",
    label = "expected `{T}::query()` with its filters, order and loads",
    note = "Django's `Prefetch(\"tags\", queryset=Tag.objects.filter(..))` is `Prefetch::new(Post::tags()).queryset(Tag::query().filter(..))`"
)]
pub trait QuerysetOf<T: Model, Q> {
    /// The query's loaded set, which joins the `Prefetch`'s own.
    type Loads;
    /// The query, its loaded set left out.
    fn __query(query: Q) -> Query<T>;
}

// Through a second trait: with the one impl for `Query<T, L>` here, rustc
// would take `Q` to be a query of `T` before checking it, and report a
// mismatch of query types (22 lines) instead of this trait's message.
#[diagnostic::do_not_recommend]
impl<T: Model, Q: QueryOf<T>> QuerysetOf<T, Q> for () {
    type Loads = Q::Loads;
    #[inline]
    fn __query(query: Q) -> Query<T> {
        query.__untyped()
    }
}

/// A query of `T` (see [`QuerysetOf`]).
#[doc(hidden)]
pub trait QueryOf<T: Model> {
    /// Its loaded set.
    type Loads;
    /// The query, its loaded set left out.
    fn __untyped(self) -> Query<T>;
}

impl<T: Model, L> QueryOf<T> for Query<T, L> {
    type Loads = L;
    #[inline]
    fn __untyped(self) -> Query<T> {
        self.retype()
    }
}

impl<R: Relation> Prefetch<R> {
    /// A prefetch of `relation` with no filter, ordering or limit of its
    /// own, into the relation's field (until [`Prefetch::to`]).
    // Bound and signature on one line, as `Query::filter`'s.
    #[rustfmt::skip]
    pub fn new<A>(_relation: A) -> Self where (): PrefetchArg<A, Relation = R> {
        Prefetch {
            level: Level::plain(),
            set: PhantomData,
        }
    }
}

// The merged sets in the return types are what the compiler checks rows
// against; naming them through aliases would hide them from the docs.
#[allow(clippy::type_complexity)]
impl<R: Relation, N, D> Prefetch<R, N, D> {
    /// The same prefetch with another loaded set in its type.
    pub(crate) fn retype<N2, D2>(self) -> Prefetch<R, N2, D2> {
        Prefetch {
            level: self.level,
            set: PhantomData,
        }
    }

    /// Keep only the related rows matching `filter`. Typed rows read the
    /// relation as loaded: it holds the rows that matched.
    // One line: see `Query::filter`.
    #[rustfmt::skip]
    pub fn filter<F>(mut self, filter: F) -> Self where (): FilterArg<R::Target, F> {
        self.level.custom = true;
        let filter = <() as FilterArg<R::Target, F>>::__filter(filter);
        self.level.query = self.level.query.filter::<Filter<R::Target>>(filter);
        self
    }

    /// Drop the related rows matching `filter`, as [`Query::exclude`].
    #[rustfmt::skip]
    pub fn exclude<F>(mut self, filter: F) -> Self where (): FilterArg<R::Target, F> {
        self.level.custom = true;
        self.level.query = self.level.query.exclude::<F>(filter);
        self
    }

    /// Order each parent's related rows (default: primary key), by one
    /// key or several, as [`Query::order_by`](crate::Query::order_by).
    #[rustfmt::skip]
    pub fn order_by<O>(mut self, order: O) -> Self where (): OrderArg<R::Target, O> {
        self.level.custom = true;
        self.level.query = self.level.query.order_by::<O>(order);
        self
    }

    /// Keep at most `n` related rows per parent, in this prefetch's order
    /// (one statement, with `ROW_NUMBER() OVER (PARTITION BY ...)`).
    /// Any integer will do, as for [`Query::limit`](crate::Query::limit).
    #[rustfmt::skip]
    pub fn limit<C>(mut self, n: C) -> Self where (): CountArg<C> {
        self.level.custom = true;
        self.level.per_parent.limit = self.level.query.core.count("limit", n);
        self
    }

    /// Skip each parent's first `n` related rows, in this prefetch's order:
    /// with [`Prefetch::limit`], a page of each parent's rows (Django's
    /// sliced queryset, `[n:n + limit]`), in the same one statement.
    #[rustfmt::skip]
    pub fn offset<C>(mut self, n: C) -> Self where (): CountArg<C> {
        self.level.custom = true;
        self.level.per_parent.offset = self.level.query.core.count("offset", n).unwrap_or(0);
        self
    }

    /// The related rows' own query, as Django's `Prefetch("tags",
    /// queryset=Tag.objects.filter(..))`: a [`Query`] of the target model
    /// whose filters, order, `select_related`, `prefetch_related` and
    /// nested `Prefetch`es apply to this level (the loaded set in its type
    /// joins this `Prefetch`'s), and whose `limit` / `offset` slice each
    /// parent's rows (as a sliced queryset does since Django 4.2). Calls on
    /// the `Prefetch` and in the query combine as if made in one place.
    ///
    /// ```
    /// use related::prelude::*;
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Tag { id: i64, name: String }
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Post { id: i64, tags: ManyToMany<Tag> }
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let db = related::Sqlite::open_in_memory()?;
    /// db.create_tables(&[Tag::info(), Post::info()])?;
    /// db.insert_all(&[Tag { id: 1, name: "rust".into() }, Tag { id: 2, name: "sql".into() }])?;
    /// db.insert(&Post { id: 1, tags: Default::default() })?;
    /// db.link_all(Post::tags(), &[(1, 1), (1, 2)])?;
    /// let rust = Tag::query().filter(Tag::name().starts_with("r"));
    /// let post = Post::query()
    ///     .prefetch(Prefetch::new(Post::tags()).queryset(rust))
    ///     .fetch_one(&db)?;
    /// assert_eq!(post.tags().len(), 1);
    /// # Ok(()) }
    /// ```
    #[rustfmt::skip]
    pub fn queryset<Q>(self, query: Q) -> Prefetch<R, <N as Union<<() as QuerysetOf<R::Target, Q>>::Loads>>::Output, D> where (): QuerysetOf<R::Target, Q>, N: Union<<() as QuerysetOf<R::Target, Q>>::Loads> {
        self.queryset_untyped(query).retype()
    }

    /// [`Prefetch::queryset`] leaving the type as it is.
    #[rustfmt::skip]
    pub fn queryset_untyped<Q>(mut self, query: Q) -> Self where (): QuerysetOf<R::Target, Q> {
        let theirs = <() as QuerysetOf<R::Target, Q>>::__query(query).core;
        self.level.custom = true;
        // The queryset's slice is per parent here, as Django's is.
        if let Some(n) = theirs.limit {
            self.level.per_parent.limit = Some(n);
        }
        if let Some(n) = theirs.offset {
            self.level.per_parent.offset = n;
        }
        self.level.query.core.absorb(theirs);
        self
    }

    /// JOIN a single-valued relation of the related rows into this level's
    /// statement (in the type, as [`Query::select_related`]).
    pub fn select_related<P: SelectFrom<R::Target>>(
        self,
        path: P,
    ) -> Prefetch<R, <N as Union<<P as SelectFrom<R::Target>>::SelectSet>>::Output, D>
    where
        N: Union<<P as SelectFrom<R::Target>>::SelectSet>,
    {
        self.select_related_untyped(path).retype()
    }

    /// [`Prefetch::select_related`] leaving the type as it is (for generic
    /// code, as [`Query::select_related_untyped`]).
    pub fn select_related_untyped<P: Path<Source = R::Target> + SingleValued>(
        mut self,
        path: P,
    ) -> Self {
        self.level.custom = true;
        self.level.query.add_join(path);
        self
    }

    /// Prefetch further levels below the related rows (in the type, as
    /// [`Query::prefetch_related`]).
    pub fn prefetch_related<P: PathFrom<R::Target>>(
        self,
        path: P,
    ) -> Prefetch<R, <N as Union<<P as PathFrom<R::Target>>::FromSet>>::Output, D>
    where
        N: Union<<P as PathFrom<R::Target>>::FromSet>,
    {
        self.prefetch_related_untyped(path).retype()
    }

    /// [`Prefetch::prefetch_related`] leaving the type as it is.
    pub fn prefetch_related_untyped<P: Path<Source = R::Target>>(mut self, path: P) -> Self {
        self.level.query.add_prefetch(path);
        self
    }

    /// A nested `Prefetch` below the related rows.
    #[rustfmt::skip]
    pub fn prefetch<Q>(mut self, nested: Q) -> Prefetch<R, <N as Union<<() as PrefetchLevel<R::Target, Q>>::Set>>::Output, D> where (): PrefetchLevel<R::Target, Q>, N: Union<<() as PrefetchLevel<R::Target, Q>>::Set> {
        let query = std::mem::take(&mut self.level.query);
        self.level.query = <() as PrefetchLevel<R::Target, Q>>::__add(query, nested);
        self.retype()
    }

    /// [`Prefetch::prefetch`] leaving the type as it is.
    pub fn prefetch_untyped<R2, N2, D2>(mut self, nested: Prefetch<R2, N2, D2>) -> Self
    where
        R2: Relation<Source = R::Target>,
    {
        let query = std::mem::take(&mut self.level.query);
        self.level.query = query.prefetch_untyped(nested);
        self
    }

    /// A nested `Prefetch` below a path of the related rows' relations.
    pub fn prefetch_below<P, R2, N2, D2>(
        mut self,
        path: P,
        nested: Prefetch<R2, N2, D2>,
    ) -> Prefetch<
        R,
        <N as Union<
            <P as BelowFrom<R::Target, R2>>::BelowSet<<D2 as Destination<R2>>::Loads<N2>>,
        >>::Output,
        D,
    >
    where
        P: BelowFrom<R::Target, R2>,
        R2: Relation,
        D2: Destination<R2>,
        N: Union<<P as BelowFrom<R::Target, R2>>::BelowSet<<D2 as Destination<R2>>::Loads<N2>>>,
    {
        let query = std::mem::take(&mut self.level.query);
        self.level.query = P::__below(query, path, nested);
        self.retype()
    }

    /// [`Prefetch::prefetch_below`] leaving the type as it is.
    pub fn prefetch_below_untyped<P, R2, N2, D2>(
        mut self,
        path: P,
        nested: Prefetch<R2, N2, D2>,
    ) -> Self
    where
        P: Path<Source = R::Target>,
        R2: Relation<Source = P::Target>,
    {
        let query = std::mem::take(&mut self.level.query);
        self.level.query = query.prefetch_below_untyped(path, nested);
        self
    }

    /// Put the result into a `Prefetched<T>` field instead of the relation's
    /// own field, so both can be loaded by one query. Typed rows read it
    /// with the field's accessor (`post.latest()`).
    pub fn to<A: TargetFor<R::Source, R::Target>>(
        mut self,
        _target: A,
    ) -> Prefetch<R, N, <A as TargetFor<R::Source, R::Target>>::Dest> {
        self.level.target = Target {
            id: TypeId::of::<A>(),
            name: A::name(),
            attach: A::attach,
            own: false,
        };
        self.retype()
    }

    pub(crate) fn into_level(self) -> Level<R> {
        self.level
    }

    /// The level's own query (for builders defined in other modules).
    pub(crate) fn query_mut(&mut self) -> &mut Query<R::Target> {
        &mut self.level.query
    }
}

/// Where a level puts its rows.
struct Target<S, T> {
    id: TypeId,
    name: &'static str,
    attach: fn(&mut S, Vec<Arc<T>>),
    own: bool,
}

impl<S, T> Clone for Target<S, T> {
    fn clone(&self) -> Self {
        Target { ..*self }
    }
}

/// The parents of a level: a slice of rows, or the rows a JOIN loaded into
/// the fields of rows further up.
pub(crate) trait Parents<P> {
    fn for_each(&mut self, f: &mut dyn FnMut(&mut P));

    /// How many parents there are, where known without walking them.
    fn len_hint(&self) -> usize {
        0
    }
}

impl<P> Parents<P> for [P] {
    fn for_each(&mut self, f: &mut dyn FnMut(&mut P)) {
        for p in self.iter_mut() {
            f(p);
        }
    }

    fn len_hint(&self) -> usize {
        self.len()
    }
}

impl<P> Parents<P> for Vec<P> {
    fn for_each(&mut self, f: &mut dyn FnMut(&mut P)) {
        for p in self.iter_mut() {
            f(p);
        }
    }

    fn len_hint(&self) -> usize {
        self.len()
    }
}

/// The targets of relation `R` already loaded into `inner`'s rows.
struct Via<'a, R: Relation> {
    inner: &'a mut dyn Parents<R::Source>,
    _marker: PhantomData<R>,
}

impl<R: Relation> Parents<R::Target> for Via<'_, R> {
    fn for_each(&mut self, f: &mut dyn FnMut(&mut R::Target)) {
        self.inner.for_each(&mut |source| {
            // A level below a JOIN runs only on a load that does not
            // share its JOINed rows (`JoinShare`), so this copies nothing;
            // rows the caller handed in (`keep_loaded`) may be shared, and
            // each parent then gets its own copy to fill.
            for t in R::loaded_mut(source) {
                f(Arc::make_mut(t));
            }
        });
    }
}

/// The parents of the levels below a level that kept some rows' relation
/// (`Level::keep`): the targets those rows hold, then the rows the level
/// loaded for the others. Walked in the same order every time: nothing
/// changes which parents hold the relation until the level's `distribute`,
/// after the levels below are done.
struct KeptAndNew<'a, R: Relation> {
    parents: &'a mut dyn Parents<R::Source>,
    children: &'a mut Vec<R::Target>,
}

impl<R: Relation> Parents<R::Target> for KeptAndNew<'_, R> {
    fn for_each(&mut self, f: &mut dyn FnMut(&mut R::Target)) {
        self.parents.for_each(&mut |source| {
            if R::__is_loaded(source) {
                for t in R::loaded_mut(source) {
                    f(Arc::make_mut(t));
                }
            }
        });
        for child in self.children.iter_mut() {
            f(child);
        }
    }

    fn len_hint(&self) -> usize {
        self.parents.len_hint() + self.children.len()
    }
}

/// One prefetch level whose parents are `P` rows.
pub(crate) trait PrefetchNode<P>: Send + Sync {
    /// Relation and target field: lookups with the same key share a level.
    fn key(&self) -> (TypeId, TypeId);
    fn custom(&self) -> bool;
    fn lookup(&self) -> &'static str;
    /// Builder mistakes recorded by this level's own query (a lookup given
    /// twice inside a `Prefetch`).
    fn errors(&self) -> &[Deferred];
    /// This level's own query, in a few words, for a duplicate lookup's
    /// error.
    fn describe(&self) -> String;
    fn into_any(self: Box<Self>) -> Box<dyn Any>;
    fn clone_box(&self) -> Box<dyn PrefetchNode<P>>;
    /// Fold another level with the same key into this one.
    fn merge(&mut self, other: Box<dyn PrefetchNode<P>>) -> Result<()>;
    /// Decide whether this level's rows were already loaded by a JOIN of the
    /// statement that loaded its parents (then it sends nothing itself).
    fn resolve(&mut self, joins: &[Box<dyn JoinNode<P>>]);
    /// Whether this level's parents are rows a JOIN loaded (as resolved).
    fn through_join(&self) -> bool {
        false
    }
    /// On rows the caller holds (`prefetch_onto`): a level whose field every
    /// parent already holds loaded sends nothing and keeps those rows, with
    /// what is loaded below them; the levels below it run on them. Where
    /// only some parents hold it, the others ask for it (`keep_below`).
    fn keep_loaded(&mut self, _parents: &mut dyn Parents<P>) {}
    /// Below a level that kept some rows' relation: this level's parents
    /// are then a mix, and each one that holds this relation keeps it.
    fn keep_below(&mut self) {}
    /// This level's rows are its parents' parents, filled in by the level
    /// above as back references (`books__author` under `Author`): it sends
    /// nothing, and the levels below run on those rows.
    fn filled_by_back_ref(&mut self) {}
    fn explain(&self, ctx: Ctx, prefix: &str, out: &mut Vec<PlannedStatement>);
    fn next_statement(
        &mut self,
        parents: &mut dyn Parents<P>,
        ctx: Ctx,
    ) -> Result<Option<Statement>>;
    fn accept_row(&mut self, row: &dyn RawRow, sql: &str) -> Result<()>;
    fn attach(&mut self, parents: &mut dyn Parents<P>);
}

/// The error for two levels of one lookup that each have a query of their
/// own (`merge` refuses them), naming both.
pub(crate) fn conflict<P>(existing: &dyn PrefetchNode<P>, other: &dyn PrefetchNode<P>) -> Error {
    Error::DuplicateLookup {
        lookup: other.lookup().to_owned(),
        first: existing.describe(),
        second: other.describe(),
    }
}

/// The relations of a query's loaded set as plain prefetch levels, for
/// rows the caller holds (`prefetch_onto`, `fetch_onto`): what the set
/// says the rows hold, a `select_related` path among them, each merged
/// with the query's own level of the same lookup (whose query wins).
pub(crate) struct OntoLevels<'a, M> {
    pub levels: &'a mut Vec<Box<dyn PrefetchNode<M>>>,
    pub errors: &'a mut Vec<Deferred>,
}

impl<M> SetVisitor<M> for OntoLevels<'_, M> {
    fn relation<R: Relation<Source = M>, N: LoadSet<R::Target>>(&mut self) {
        let mut level = Level::<R>::plain();
        N::__visit(&mut OntoLevels {
            levels: level.nested_mut(),
            errors: &mut *self.errors,
        });
        if let Err(e) = add_node(self.levels, Box::new(level)) {
            self.errors.push(Deferred::at(e, R::info().name.to_owned()));
        }
    }
}

/// Add a level to `levels`, merging it with a level of the same lookup.
pub(crate) fn add_node<P>(
    levels: &mut Vec<Box<dyn PrefetchNode<P>>>,
    node: Box<dyn PrefetchNode<P>>,
) -> Result<()> {
    // A duplicate lookup inside a `Prefetch` is recorded in the Prefetch's
    // own query, which no load checks: reject the level here so the error
    // reaches the outer query instead of the second lookup being dropped.
    if let Some(duplicate) = node.errors().first() {
        return Err(duplicate.clone().into_error());
    }
    match levels.iter_mut().find(|l| l.key() == node.key()) {
        Some(existing) => existing.merge(node),
        None => {
            levels.push(node);
            Ok(())
        }
    }
}

enum Phase {
    Start,
    Fetch,
    Nested(usize),
    Done,
}

pub(crate) struct Level<R: Relation> {
    query: Query<R::Target>,
    /// Each parent's slice of the rows (`limit`, `offset`, a sliced
    /// `queryset`).
    per_parent: Window,
    target: Target<R::Source, R::Target>,
    custom: bool,
    joined: bool,
    /// On rows the caller holds, only some of which hold this relation
    /// (`keep_loaded`): the parents that hold it keep it, the others load
    /// it, and the levels below run on both.
    keep: bool,
    // Run state.
    phase: Phase,
    chunks: Vec<Vec<Value>>,
    slots: Vec<Slot>,
    /// Where the key each row matched sits in the rows, and its column's
    /// name: the link table's column, or the matched key list's.
    link_index: Option<(usize, &'static str)>,
    /// The rows this level's own JOINs decoded, shared by primary key.
    share: JoinShare,
    children: Vec<R::Target>,
    /// Children already decoded, by primary key (link tables only: there a
    /// child arrives once per link).
    by_pk: HashMap<<R::Target as Model>::Pk, usize, KeyHash>,
    /// The parents' distinct link keys, numbered in first-seen order.
    groups: HashMap<R::Link, u32, KeyHash>,
    /// One `(group, child index)` per row, in arrival order: flat, so a
    /// load of many parents does not allocate a vector per parent.
    links: Vec<(u32, u32)>,
    /// Each parent's group (`NO_GROUP` for a NULL key), in the order
    /// `collect_keys` walked the parents: `distribute` walks the same
    /// parents in the same order, so it needs no second hash lookup.
    parent_groups: Vec<u32>,
    /// Whether `links` arrived with their groups in order (the statement
    /// returns the rows of one key together, keys in list order)...
    grouped: bool,
    /// ... and each group's children in primary key order: then
    /// `distribute` neither reorders nor sorts.
    sorted: bool,
    /// The children's back references were filled before the levels below
    /// ran (`fill_back_refs_early`).
    back_filled: bool,
}

/// The group of a parent whose key is NULL, or matched no key.
const NO_GROUP: u32 = u32::MAX;

/// The group of a parent that keeps what it holds (`Level::keep`): it
/// asks for nothing and `distribute` leaves it as it is.
const KEPT: u32 = u32::MAX - 1;

pub(crate) use crate::model::column::KeyHash;

impl<R: Relation> Level<R> {
    pub(crate) fn plain() -> Self {
        Level {
            query: Query::new(),
            per_parent: Window::default(),
            target: Target {
                id: TypeId::of::<R>(),
                name: R::info().name,
                attach: R::attach,
                own: true,
            },
            custom: false,
            joined: false,
            keep: false,
            phase: Phase::Start,
            chunks: Vec::new(),
            slots: Vec::new(),
            link_index: None,
            share: JoinShare::new(false),
            children: Vec::new(),
            by_pk: HashMap::default(),
            groups: HashMap::default(),
            links: Vec::new(),
            parent_groups: Vec::new(),
            grouped: true,
            sorted: true,
            back_filled: false,
        }
    }

    pub(crate) fn nested_mut(&mut self) -> &mut Vec<Box<dyn PrefetchNode<R::Target>>> {
        &mut self.query.core.prefetch
    }

    /// The level right below this one that loads the field this level's
    /// back references fill (`books__author` under `Author`, `author`
    /// being the forward side of `books`): Django sends nothing for it,
    /// the rows being the parents themselves. Not one with a query of its
    /// own (a `Prefetch`), which loads what it asks for, nor one a JOIN of
    /// this level loads; nor below rows the caller lent (`keep`), where
    /// each level keeps what a row holds and the levels below decide by
    /// that.
    fn back_ref_below(&self) -> Option<usize> {
        let forward = R::__forward_id()?;
        if self.joined || self.keep {
            return None;
        }
        self.query
            .core
            .prefetch
            .iter()
            .position(|n| n.key() == (forward, forward) && !n.custom() && !n.through_join())
    }

    /// Where a level below loads the field this level's back references
    /// fill (`back_ref_below`), fill it now, before the levels below run:
    /// that level then sends nothing, and the levels below it take their
    /// keys from the parents' copies. (Otherwise the back references are
    /// filled when the children are handed over, `distribute`.)
    fn fill_back_refs_early(&mut self, parents: &mut dyn Parents<R::Source>) {
        let Some(below) = self.back_ref_below() else {
            return;
        };
        self.fill_back_refs(parents, false);
        self.back_filled = true;
        self.query.core.prefetch[below].filled_by_back_ref();
    }

    /// Point each child's forward field at a copy of its parent (one copy
    /// per parent). Done again when the rows are handed over (`replace`),
    /// so that the copies are of the parents as they stand then, as every
    /// other back reference is, before the levels below attach to them.
    fn fill_back_refs(&mut self, parents: &mut dyn Parents<R::Source>, replace: bool) {
        let (start, members) = group_members(&self.links, self.groups.len(), self.grouped);
        let children = &mut self.children;
        let mut groups = self.parent_groups.iter();
        parents.for_each(&mut |p| {
            let Some(&g) = groups.next() else {
                return;
            };
            // `NO_GROUP` and `KEPT` are past the last group.
            let (Some(&from), Some(&to)) = (start.get(g as usize), start.get(g as usize + 1))
            else {
                return;
            };
            let mut shared = None;
            for &c in &members[from as usize..to as usize] {
                if let Some(child) = children.get_mut(c as usize) {
                    R::__back_ref(p, &mut shared, child, replace);
                }
            }
        });
    }

    fn matches_nothing(&self) -> bool {
        self.per_parent.limit == Some(0) || self.query.core.matches_nothing()
    }

    fn link_filter() -> LinkFilter {
        let kind = R::info().kind;
        if let Some((table, source_column, target_column)) = kind.through() {
            return LinkFilter::Through {
                table,
                source_column,
                target_column,
            };
        }
        match kind {
            RelationKind::ReverseForeignKey { column }
            | RelationKind::ReverseOneToOne { column } => LinkFilter::Column { column },
            // Forward keys point at the target's primary key.
            _ => LinkFilter::Column {
                column: <R::Target as Model>::info().pk_column().name,
            },
        }
    }

    fn statement(
        &self,
        ctx: Ctx,
        keys: Vec<Value>,
    ) -> (Statement, Vec<Slot>, Option<(usize, &'static str)>) {
        render_select(
            ctx.dialect,
            <R::Target as Model>::info(),
            SelectParts {
                joins: &self.query.core.joins,
                filter: self.query.core.filter.as_ref(),
                order: self.query.core.effective_order(),
                order_via: &self.query.core.order_via,
                limit: None,
                offset: None,
                link: Some(KeyList {
                    filter: Self::link_filter(),
                    keys,
                    binding: ctx.binding,
                    matched: (!<R::Link as Key>::EXACT_EQUALITY)
                        .then_some(<R::Link as Column>::SQL_TYPE),
                    key_type: <R::Link as Column>::SQL_TYPE,
                }),
                per_parent: self.per_parent,
            },
        )
    }

    fn label(&self, prefix: &str) -> String {
        let name = if self.target.own {
            R::info().name.to_owned()
        } else {
            format!("{} -> {}", R::info().name, self.target.name)
        };
        if prefix.is_empty() {
            name
        } else {
            format!("{prefix}__{name}")
        }
    }

    /// The distinct keys of the parents, NULLs dropped, in first-seen order;
    /// each becomes a group of `self.groups`, and each parent's group is
    /// recorded in `self.parent_groups`.
    fn collect_keys(&mut self, parents: &mut dyn Parents<R::Source>) -> Vec<Value> {
        let groups = &mut self.groups;
        let parent_groups = &mut self.parent_groups;
        groups.clear();
        parent_groups.clear();
        self.grouped = true;
        self.sorted = true;
        let mut keys = Vec::new();
        let n = parents.len_hint();
        parent_groups.reserve(n);
        if <R::Card as Cardinality>::MANY {
            // The link is the parent's own primary key: one key per parent,
            // so size the tables once instead of growing them step by step.
            groups.reserve(n);
            keys.reserve(n);
        }
        let keep = self.keep;
        parents.for_each(&mut |p| {
            if keep && R::__is_loaded(p) {
                parent_groups.push(KEPT);
                return;
            }
            let g = match R::source_link(p) {
                None => NO_GROUP,
                Some(k) => match groups.get(k) {
                    Some(&g) => g,
                    None => {
                        let g = index_u32(groups.len());
                        keys.push(k.to_value());
                        groups.insert(k.clone(), g);
                        g
                    }
                },
            };
            parent_groups.push(g);
        });
        keys
    }

    fn decode_row(&mut self, row: &dyn RawRow) -> std::result::Result<(), FieldErrorAt> {
        let info = <R::Target as Model>::info();
        let at = |error| FieldErrorAt {
            model: info.name,
            error,
        };
        let idx = match self.link_index {
            // Through a link table, or a matched key list, a child shared by
            // several parents arrives once per link or key: decode it once.
            Some(_) => {
                let pk_col = info.pk_column();
                let pk = <<R::Target as Model>::Pk as Column>::decode(row, info.pk)
                    .map_err(|e| at(FieldError::new(pk_col.field, pk_col.name, e)))?;
                match self.by_pk.get(&pk) {
                    Some(&idx) => idx,
                    None => {
                        let idx = self.push_child(row)?;
                        self.by_pk.insert(pk, idx);
                        idx
                    }
                }
            }
            // Otherwise the key list is distinct, and so are the rows.
            None => self.push_child(row)?,
        };
        let link = match self.link_index {
            // The key is the relation's, not a column of the target: the
            // error names the relation's own model and field.
            Some((i, column)) => {
                Some(
                    <R::Link as Column>::decode(row, i).map_err(|e| FieldErrorAt {
                        model: R::info().model,
                        error: FieldError::new(R::info().name, column, e),
                    })?,
                )
            }
            None => R::target_link(&self.children[idx]).cloned(),
        };
        // Every row matches one of the keys asked for; a row that does not
        // belongs to no parent.
        if let Some(&group) = link.as_ref().and_then(|l| self.groups.get(l)) {
            let idx = index_u32(idx);
            if let Some(&(last_group, last)) = self.links.last() {
                if group < last_group {
                    self.grouped = false;
                } else if group == last_group
                    && self.children[last as usize].pk() > self.children[idx as usize].pk()
                {
                    self.sorted = false;
                }
            }
            self.links.push((group, idx));
        }
        Ok(())
    }

    fn push_child(&mut self, row: &dyn RawRow) -> std::result::Result<usize, FieldErrorAt> {
        let mut child = <R::Target as Model>::decode(row, 0).map_err(|error| FieldErrorAt {
            model: <R::Target as Model>::info().name,
            error,
        })?;
        let mut pos = 0;
        for j in &self.query.core.joins {
            j.decode(row, &mut child, &self.slots, &mut pos, &mut self.share)?;
        }
        self.children.push(child);
        Ok(self.children.len() - 1)
    }

    fn distribute(&mut self, parents: &mut dyn Parents<R::Source>) {
        let groups = std::mem::take(&mut self.groups);
        let links = std::mem::take(&mut self.links);
        let children = std::mem::take(&mut self.children);
        let parent_groups = std::mem::take(&mut self.parent_groups);
        self.by_pk = HashMap::default();
        self.share.clear();
        let (start, mut members) = group_members(&links, groups.len(), self.grouped);
        let group = |g: u32| {
            let g = g as usize;
            start[g] as usize..start[g + 1] as usize
        };
        if self.query.core.effective_order().is_empty() && !(self.grouped && self.sorted) {
            // Without an order_by, each parent's rows come in primary key
            // order; sorting the small groups here is cheaper than an ORDER
            // BY over the whole statement.
            sort_groups(&mut members, &start, &children);
        }
        // How many parents take each child, so the last one can take it
        // out: then a child of one parent is not shared with this table,
        // and a back reference (`__back_ref`) fills it in place.
        let mut group_parents = vec![0u32; groups.len()];
        for &g in &parent_groups {
            if let Some(n) = group_parents.get_mut(g as usize) {
                *n += 1;
            }
        }
        let mut uses = vec![0u32; children.len()];
        for &(g, child) in &links {
            uses[child as usize] += group_parents[g as usize];
        }
        drop((links, group_parents));
        // The levels below have filled the children in already: from here
        // each child is shared by every parent that takes it.
        let mut slots: Vec<Option<Arc<R::Target>>> =
            children.into_iter().map(|c| Some(Arc::new(c))).collect();
        let attach = self.target.attach;
        let back_refs = R::__forward_id().is_some();
        let mut next = parent_groups.into_iter();
        parents.for_each(&mut |p| {
            // The parents are the ones `collect_keys` walked, in the same
            // order (nothing changes them in between); the hash lookup is
            // only a fallback.
            let g = next.next().unwrap_or_else(|| {
                R::source_link(p)
                    .and_then(|k| groups.get(k))
                    .copied()
                    .unwrap_or(NO_GROUP)
            });
            if g == KEPT {
                return;
            }
            let mut items = Vec::new();
            // The parent's copy for its children's back references, made
            // once per parent (by `__back_ref`, for relations that have one).
            let mut shared = None;
            if g != NO_GROUP {
                let m = &members[group(g)];
                items.reserve_exact(m.len());
                for &i in m {
                    let i = i as usize;
                    let child = match uses[i] {
                        // The last parent that takes it (or, never in
                        // practice, one that was not counted: it shares).
                        1 => {
                            uses[i] = 0;
                            slots[i].take()
                        }
                        0 => slots[i].clone(),
                        _ => {
                            uses[i] -= 1;
                            slots[i].clone()
                        }
                    };
                    if let Some(mut child) = child {
                        if back_refs {
                            // A child of one parent is not shared: no copy.
                            R::__back_ref(p, &mut shared, Arc::make_mut(&mut child), false);
                        }
                        items.push(child);
                    }
                }
            }
            attach(p, items);
        });
    }
}

/// The children of each group, from the `(group, child)` links: group `g`
/// is `members[start[g]..start[g + 1]]`, children in arrival order. `in_order`:
/// the links arrived group by group, so they are in place already;
/// otherwise a counting sort, stable within each group.
fn group_members(links: &[(u32, u32)], groups: usize, in_order: bool) -> (Vec<u32>, Vec<u32>) {
    let mut start = vec![0u32; groups + 1];
    for &(g, _) in links {
        start[g as usize + 1] += 1;
    }
    for g in 0..groups {
        start[g + 1] += start[g];
    }
    let members = if in_order {
        links.iter().map(|&(_, child)| child).collect()
    } else {
        let mut fill = start.clone();
        let mut members = vec![0u32; links.len()];
        for &(g, child) in links {
            members[fill[g as usize] as usize] = child;
            fill[g as usize] += 1;
        }
        members
    };
    (start, members)
}

/// Sorts each group's members (`members[start[g]..start[g + 1]]`) by
/// their row's primary key. Generic over the target model only, not the
/// relation; std's sort itself is compiled once, in `sort_by_dyn`.
fn sort_groups<T: Model>(members: &mut [u32], start: &[u32], children: &[T]) {
    let pk = |i: &u32| children[*i as usize].pk();
    for bounds in start.windows(2) {
        let m = &mut members[bounds[0] as usize..bounds[1] as usize];
        if !m.is_sorted_by_key(pk) {
            sort_by_dyn(m, &|a, b| pk(a).cmp(pk(b)));
        }
    }
}

/// `sort_by` through a comparator object: one copy of the sort for every
/// model, at the price of an indirect call per comparison (paid only by a
/// group that is not already in key order).
fn sort_by_dyn(m: &mut [u32], compare: &dyn Fn(&u32, &u32) -> std::cmp::Ordering) {
    m.sort_by(compare);
}

/// A `Prefetch` level's own query in a few words, for a duplicate lookup's
/// error. Not generic: compiled once, whatever the relation.
fn describe_level(
    table: &str,
    filter: Option<&crate::plan::condition::Expr>,
    order: &[(&'static str, bool)],
    per_parent: Window,
    below: &[&str],
) -> String {
    let mut parts = Vec::new();
    if let Some(filter) = filter {
        parts.push(format!("filter `{}`", condition_text(table, filter)));
    }
    if !order.is_empty() {
        let terms: Vec<String> = order
            .iter()
            .map(|(column, desc)| format!("{column}{}", if *desc { " DESC" } else { "" }))
            .collect();
        parts.push(format!("order_by `{}`", terms.join(", ")));
    }
    if per_parent.offset > 0 {
        parts.push(format!("offset {} per parent", per_parent.offset));
    }
    if let Some(n) = per_parent.limit {
        parts.push(format!("limit {n} per parent"));
    }
    if !below.is_empty() {
        parts.push(format!("loading `{}` below", below.join("`, `")));
    }
    if parts.is_empty() {
        "`Prefetch` with no query of its own".to_owned()
    } else {
        format!("`Prefetch` ({})", parts.join(", "))
    }
}

/// An index as stored in the loader's flat tables. A prefetch of more than
/// 4 billion rows cannot fit in memory, so this never saturates in practice.
fn index_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl<R: Relation> PrefetchNode<R::Source> for Level<R> {
    fn key(&self) -> (TypeId, TypeId) {
        (TypeId::of::<R>(), self.target.id)
    }

    fn custom(&self) -> bool {
        self.custom
    }

    fn errors(&self) -> &[Deferred] {
        &self.query.core.errors
    }

    fn describe(&self) -> String {
        let core = &self.query.core;
        let mut below = Vec::new();
        for n in &core.prefetch {
            below.push(n.lookup());
        }
        describe_level(
            <R::Target as Model>::info().table,
            core.filter.as_ref(),
            &core.order,
            self.per_parent,
            &below,
        )
    }

    fn lookup(&self) -> &'static str {
        self.target.name
    }

    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }

    fn clone_box(&self) -> Box<dyn PrefetchNode<R::Source>> {
        Box::new(Level::<R> {
            query: self.query.clone(),
            per_parent: self.per_parent,
            target: self.target.clone(),
            custom: self.custom,
            joined: self.joined,
            keep: self.keep,
            ..Level::plain()
        })
    }

    fn merge(&mut self, other: Box<dyn PrefetchNode<R::Source>>) -> Result<()> {
        if self.custom && other.custom() {
            return Err(conflict(self, other.as_ref()));
        }
        let Ok(other) = other.into_any().downcast::<Level<R>>() else {
            // Same key means same relation type, so this cannot happen; keep
            // the first level rather than fail.
            return Ok(());
        };
        let mut other = *other;
        let nested = std::mem::take(&mut other.query.core.prefetch);
        if other.custom {
            let mine = std::mem::take(&mut self.query.core.prefetch);
            self.query = other.query;
            self.query.core.prefetch = mine;
            self.per_parent = other.per_parent;
            self.custom = true;
        }
        for n in nested {
            add_node(&mut self.query.core.prefetch, n)?;
        }
        Ok(())
    }

    fn resolve(&mut self, joins: &[Box<dyn JoinNode<R::Source>>]) {
        let hop = if !self.custom && self.target.own && !<R::Card as Cardinality>::MANY {
            find_hop::<R>(joins)
        } else {
            None
        };
        match hop {
            Some(hop) => {
                self.joined = true;
                for n in &mut self.query.core.prefetch {
                    n.resolve(&hop.children);
                }
            }
            None => {
                self.joined = false;
                for n in &mut self.query.core.prefetch {
                    n.resolve(&self.query.core.joins);
                }
            }
        }
        self.share = JoinShare::new(!self.query.core.prefetch.iter().any(|n| n.through_join()));
    }

    fn through_join(&self) -> bool {
        self.joined
    }

    fn keep_loaded(&mut self, parents: &mut dyn Parents<R::Source>) {
        // A `Prefetch` with a query of its own, or one into another field,
        // loads what was asked; Django's skips what is cached there, which
        // may hold other rows than the query would.
        if self.custom || !self.target.own {
            return;
        }
        let (mut any, mut all) = (false, true);
        parents.for_each(&mut |p| {
            any = true;
            all &= R::__is_loaded(p);
        });
        if any && all {
            self.joined = true;
            let mut via = Via::<R> {
                inner: parents,
                _marker: PhantomData,
            };
            for n in &mut self.query.core.prefetch {
                n.keep_loaded(&mut via);
            }
        } else if any {
            // Some hold it: as Django's `prefetch_related_objects`, only the
            // others ask for it. Unlike Django, the levels below run on the
            // rows kept as well as on the new ones, skipping (again) the
            // rows that hold their relation: each row then holds everything
            // the query names, as its type says.
            self.keep_below();
        }
    }

    fn filled_by_back_ref(&mut self) {
        self.joined = true;
    }

    fn keep_below(&mut self) {
        if self.custom || !self.target.own {
            return;
        }
        self.keep = true;
        for n in &mut self.query.core.prefetch {
            n.keep_below();
        }
    }

    fn explain(&self, ctx: Ctx, prefix: &str, out: &mut Vec<PlannedStatement>) {
        let label = self.label(prefix);
        if !self.joined {
            let keys = match ctx.binding {
                KeyBinding::OneParameter => Vec::new(),
                KeyBinding::Expanded { .. } => vec![Value::Null],
            };
            out.push(PlannedStatement {
                lookup: label.clone(),
                sql: self.statement(ctx, keys).0.sql,
                split_by_keys: matches!(ctx.binding, KeyBinding::Expanded { .. }),
            });
        }
        let back = self.back_ref_below();
        for (i, n) in self.query.core.prefetch.iter().enumerate() {
            if Some(i) == back {
                let mut filled = n.clone_box();
                filled.filled_by_back_ref();
                filled.explain(ctx, &label, out);
            } else {
                n.explain(ctx, &label, out);
            }
        }
    }

    fn next_statement(
        &mut self,
        parents: &mut dyn Parents<R::Source>,
        ctx: Ctx,
    ) -> Result<Option<Statement>> {
        loop {
            match self.phase {
                Phase::Start => {
                    if self.joined {
                        self.phase = Phase::Nested(0);
                        continue;
                    }
                    // A level whose query no row can match (`Prefetch` of
                    // an empty `is_in`) sends nothing, as in Django: every
                    // parent (but one that keeps what it holds) gets no rows.
                    let mut keys = self.collect_keys(parents);
                    if self.matches_nothing() {
                        keys.clear();
                    }
                    if keys.is_empty() {
                        // No parent, or only NULL keys: nothing to ask for;
                        // rows that kept theirs may still need the levels
                        // below.
                        self.phase = if self.keep {
                            Phase::Nested(0)
                        } else {
                            Phase::Done
                        };
                        continue;
                    }
                    self.chunks = match ctx.binding {
                        KeyBinding::OneParameter => vec![keys],
                        KeyBinding::Expanded { max } => {
                            let own = self.statement(ctx, vec![Value::Null]).0.params.len() - 1;
                            let per_key = spellings::per_key(ctx.dialect.storage(), &keys[0]);
                            let size = (max.saturating_sub(own) / per_key).max(1);
                            crate::plan::schema::key_chunks(keys, size, per_key)
                        }
                    };
                    self.chunks.reverse();
                    self.phase = Phase::Fetch;
                }
                Phase::Fetch => match self.chunks.pop() {
                    Some(keys) => {
                        // Rows are shared within one statement only.
                        self.share.clear();
                        let (stmt, slots, link_index) = self.statement(ctx, keys);
                        self.slots = slots;
                        self.link_index = link_index;
                        return Ok(Some(stmt));
                    }
                    None => {
                        self.fill_back_refs_early(parents);
                        self.phase = Phase::Nested(0);
                    }
                },
                Phase::Nested(i) => {
                    if i >= self.query.core.prefetch.len() {
                        self.phase = Phase::Done;
                        continue;
                    }
                    let next = if self.joined {
                        let mut via = Via::<R> {
                            inner: parents,
                            _marker: PhantomData,
                        };
                        self.query.core.prefetch[i].next_statement(&mut via, ctx)?
                    } else if self.keep {
                        let mut both = KeptAndNew::<R> {
                            parents,
                            children: &mut self.children,
                        };
                        self.query.core.prefetch[i].next_statement(&mut both, ctx)?
                    } else {
                        self.query.core.prefetch[i].next_statement(&mut self.children, ctx)?
                    };
                    match next {
                        Some(stmt) => return Ok(Some(stmt)),
                        None => self.phase = Phase::Nested(i + 1),
                    }
                }
                Phase::Done => return Ok(None),
            }
        }
    }

    fn accept_row(&mut self, row: &dyn RawRow, sql: &str) -> Result<()> {
        match self.phase {
            Phase::Fetch => self.decode_row(row).map_err(|e| e.into_error(sql)),
            Phase::Nested(i) => self.query.core.prefetch[i].accept_row(row, sql),
            // The loader only hands rows to the level that sent the statement.
            Phase::Start | Phase::Done => Ok(()),
        }
    }

    fn attach(&mut self, parents: &mut dyn Parents<R::Source>) {
        if self.joined {
            let mut via = Via::<R> {
                inner: parents,
                _marker: PhantomData,
            };
            for n in &mut self.query.core.prefetch {
                n.attach(&mut via);
            }
            return;
        }
        if self.back_filled {
            self.fill_back_refs(parents, true);
        }
        if self.keep {
            let mut both = KeptAndNew::<R> {
                parents: &mut *parents,
                children: &mut self.children,
            };
            for n in &mut self.query.core.prefetch {
                n.attach(&mut both);
            }
        } else {
            for n in &mut self.query.core.prefetch {
                n.attach(&mut self.children);
            }
        }
        self.distribute(parents);
    }
}

impl<R: Relation> Clone for Level<R> {
    fn clone(&self) -> Self {
        Level {
            query: self.query.clone(),
            per_parent: self.per_parent,
            target: self.target.clone(),
            custom: self.custom,
            joined: self.joined,
            keep: self.keep,
            ..Level::plain()
        }
    }
}

impl<R: Relation, N, D> Clone for Prefetch<R, N, D> {
    fn clone(&self) -> Self {
        Prefetch {
            level: self.level.clone(),
            set: PhantomData,
        }
    }
}
