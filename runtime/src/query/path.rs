//! Lookups: a relation, or a chain of relations (Django's `author__publisher`)
//! whose hops the compiler checks end to start.

use std::any::TypeId;

use crate::error::Error;
use crate::model::relation::{Relation, SingleValued};
use crate::model::table::Model;
use crate::plan::condition::{Expr, Hop};
use crate::plan::join::{JoinNode, hop_mut};
use crate::query::expr::{Col, Filter};
use crate::query::operand::NoArg;
use crate::query::prefetch::{Level, PrefetchNode, add_node};

/// A relation or a chain of relations starting at `Source`.
///
/// Every relation handle is one, and so is a chain built with `.then()`
/// (the example at [`Chain`]); code of your own can take any path:
///
/// ```
/// use related::prelude::*;
/// use related::{Path, SingleValued};
///
/// #[derive(Clone, Debug, Model)]
/// struct Publisher { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Author { id: i64, publisher: ForeignKey<Publisher> }
///
/// #[derive(Clone, Debug, Model)]
/// struct Book { id: i64, author: ForeignKey<Author> }
///
/// /// Books with `path` loaded by JOINs: only single-valued paths compile.
/// /// (Generic code cannot name the merged loaded set: it loads through
/// /// `select_related_untyped`, and reads relations through the model.)
/// fn books_with<P: Path<Source = Book> + SingleValued>(path: P) -> Query<Book> {
///     Book::query().select_related_untyped(path)
/// }
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Publisher::info(), Author::info(), Book::info()])?;
/// db.insert(&Publisher { id: 1, name: "Hachette".into() })?;
/// db.insert(&Author { id: 1, publisher: ForeignKey::new(1) })?;
/// db.insert(&Book { id: 1, author: ForeignKey::new(1) })?;
/// let books = books_with(Book::author().then(Author::publisher())).all(&db)?;
/// assert_eq!(books[0].author.get()?.publisher.get()?.name, "Hachette");
/// assert_eq!(Book::author().lookup(), "author");
/// # Ok(()) }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a relation of this model, nor a chain of relations",
    label = "expected a relation handle such as `Post::author()` or a chain `Post::author().then(Author::publisher())`",
    note = "call the handle (`Post::author()`, not `Post::author`); a column handle (`Col<_, _>`) filters and orders, it is not a relation"
)]
#[allow(private_interfaces)]
pub trait Path: Copy + Send + Sync + 'static {
    /// The model the path starts at.
    type Source: Model;
    /// The model the path ends at.
    type Target: Model;
    /// The source's loaded set holding this path, at every depth.
    type Set;
    /// [`Path::Set`] with `X` (a set of the target) loaded below the last
    /// hop: what `prefetch_below` adds.
    #[doc(hidden)]
    type SetWith<X>;

    /// Add the JOINs of this path below `joins`.
    #[doc(hidden)]
    fn __add_join(self, joins: &mut Vec<Box<dyn JoinNode<Self::Source>>>);

    /// Add the prefetch levels of this path below `levels`.
    #[doc(hidden)]
    fn __add_prefetch(
        self,
        levels: &mut Vec<Box<dyn PrefetchNode<Self::Source>>>,
    ) -> Result<(), Error>;

    /// Add the levels of this path with `leaf` below its last hop.
    #[doc(hidden)]
    fn __add_below(
        self,
        levels: &mut Vec<Box<dyn PrefetchNode<Self::Source>>>,
        leaf: Box<dyn PrefetchNode<Self::Target>>,
    ) -> Result<(), Error>;

    /// The lookup in Django's notation (`author__publisher`).
    fn lookup(self) -> String;

    /// The hops of this path, first to last.
    #[doc(hidden)]
    fn __hops(out: &mut Vec<Hop>);

    /// A column of the model this single-valued path reaches, seen from the
    /// path's start: `Post::author().col(Author::name()).eq("Ann")` is a
    /// `Filter<Post>` (Django's `author__name="Ann"`). The JOIN is shared
    /// with a `select_related` of the same path.
    ///
    /// A handle or chain is also followed by its target's handles, the
    /// short form of `col` and `then`:
    ///
    /// ```
    /// use related::prelude::*;
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Publisher { id: i64, name: String }
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Author { id: i64, name: String, publisher: ForeignKey<Publisher> }
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Book { id: i64, author: ForeignKey<Author> }
    ///
    /// let short = Book::query()
    ///     .filter(Book::author().name().eq("Ann"))
    ///     .filter(Book::author().publisher().name().ne("Acme"));
    /// let long = Book::query()
    ///     .filter(Book::author().col(Author::name()).eq("Ann"))
    ///     .filter(Book::author().then(Author::publisher()).col(Publisher::name()).ne("Acme"));
    /// let sqlite = related::Dialect::Sqlite;
    /// assert_eq!(short.plan(sqlite), long.plan(sqlite));
    /// assert_eq!(Book::author().publisher().lookup(), "author__publisher");
    /// ```
    // One line, so that a many-valued path's "required by this bound" is one
    // line (see `ColumnThrough`).
    // The column is any `C` with its bound on `()` (`ColumnOf`): typed as
    // `Col<Self::Target, ..>`, another model's column was rustc's 15-line
    // "mismatched types" naming neither the column nor the fix.
    #[rustfmt::skip]
    fn col<C>(self, column: C) -> <() as ColumnOf<Self, Self::Target, C>>::Through where (): ColumnThrough<Self> + ColumnOf<Self, Self::Target, C> {
        <() as ColumnOf<Self, Self::Target, C>>::__through(column, self)
    }

    /// Not available: `any` (Django's `tags__in`, a collection's
    /// `contains`); one error naming it.
    #[doc(hidden)]
    #[rustfmt::skip]
    fn contains<F, R>(self, _filter: F) -> R where (): ContainsInstead<Self, R> { <() as ContainsInstead<Self, R>>::out() }

    /// Not available: a negated `any` (Django's `tags__isnull=True`); one
    /// error naming it.
    #[doc(hidden)]
    #[rustfmt::skip]
    fn is_empty<R>(self) -> R where (): IsEmptyInstead<Self, R> { <() as IsEmptyInstead<Self, R>>::out() }

    /// Rows for which SOME row reached through this path (many-valued or
    /// not) matches `filter`: one correlated `EXISTS`, so rows never
    /// repeat. Conditions inside one `any` must hold on the same related
    /// row, as inside one Django `filter()` call over `tags__...`.
    // A filter over another model is `FilterArg`'s one error, as in
    // `Query::filter`; bound and signature on one line for its note.
    #[rustfmt::skip]
    fn any<F>(self, filter: F) -> Filter<Self::Source> where (): AnyFilter<Self, Self::Target, F> {
        let filter = <() as AnyFilter<Self, Self::Target, F>>::__filter(filter);
        let mut path = Vec::new();
        Self::__hops(&mut path);
        Filter::new(Expr::Exists {
            path,
            inner: Box::new(filter.expr),
        })
    }
}

/// A path starting at model `M`: what `select_related`, `prefetch_related`
/// and `prefetch_below` on a query of `M` take. Implemented for every
/// [`Path`] whose `Source` is `M`; it exists so that every way of passing
/// something else (a relation of another model, a column, a handle without
/// its parentheses, hops that do not connect) gets one error naming it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a relation of `{M}` (nor a chain of relations starting at `{M}`)",
    label = "expected a relation handle of `{M}`, called: `Model::field()`",
    note = "a chain's hops connect end to start (`Post::author().then(Author::publisher())`); a column handle (`Col<_, _>`) filters and orders, it is not a relation; a lookup is a handle, not a string: `\"tags\"` is `Post::tags()`; several lookups are one call each (`.prefetch_related(Post::tags()).prefetch_related(Post::comments())`); a `Prefetch` goes to `.prefetch(..)`; a `Prefetched<T>` field is filled by `.prefetch(Prefetch::new(relation).to(Post::field()))`"
)]
pub trait PathFrom<M>: Path<Source = M> {
    /// [`Path::Set`], named through this trait so that a query's return
    /// type asks for `PathFrom<M>` (and its message) first.
    #[doc(hidden)]
    type FromSet;
}

#[diagnostic::do_not_recommend]
impl<M: Model, P: Path<Source = M> + SetFrom<M>> PathFrom<M> for P {
    type FromSet = <P as SetFrom<M>>::Set;
}

/// [`Path::Set`] of a path starting at `M`, with `M` in the impl's header
/// (the derive implements it for each relation with its own model): for a
/// relation of another model no impl matches, so its set cannot be
/// found and the query's type does not report a second, mismatched-set
/// error after [`PathFrom`]'s.
#[doc(hidden)]
pub trait SetFrom<M> {
    /// [`Path::Set`].
    type Set;
    /// `X` itself, found only when the path starts at `M`: a query's type
    /// that passes through it stays unknown, not mismatched, for a relation
    /// of another model (see [`PrefetchFrom`]).
    type Gate<X>;
}

// A chain's set: the derive implements `SetFrom<Post> for Chain<author, B>`
// beside the handle's own impl, with both the model and the first hop in
// the header. A generic impl here would match a chain starting at another
// model too, and its failing bound would be a second error after
// `PathFrom`'s; with no impl matching, the set is unknown and rustc says
// nothing more. No check that the hops connect: `PathFrom` reports that.

/// The relation of a [`Prefetch`](crate::Prefetch) that `prefetch` on a
/// query of `M` (or a `Prefetch` of rows of `M`) takes: a relation whose
/// source is `M`. A trait only so that a `Prefetch` of another model's
/// relation is one error naming the relation.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a relation of `{M}`: its `Prefetch` cannot load onto `{M}` rows",
    label = "expected `Prefetch::new(..)` of a relation handle of `{M}`",
    note = "a `Prefetch` loads one relation of the rows it is given: of the query's model, or of the rows reached by `prefetch_below(path, ..)`"
)]
pub trait PrefetchFrom<M>: Relation<Source = M> {
    /// `X`, only when the relation starts at `M` (see [`SetFrom::Gate`]).
    #[doc(hidden)]
    type Gate<X>;
}

#[diagnostic::do_not_recommend]
impl<M: Model, R: Relation<Source = M> + SetFrom<M>> PrefetchFrom<M> for R {
    type Gate<X> = <R as SetFrom<M>>::Gate<X>;
}

/// A path that `select_related` on a query of `M` can follow: a
/// [`PathFrom<M>`] whose every hop is single-valued (one JOIN, one row).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be followed by select_related from `{M}`: it takes a ForeignKey or OneToOne relation of `{M}`, or a chain of them",
    label = "expected a ForeignKey or OneToOne relation handle of `{M}`, called: `Model::field()`",
    note = "a many-valued relation (ManyToMany, Reverse), or a chain through one, loads with `.prefetch_related(...)`; a chain starts at the query's model and its hops connect end to start (`Post::author().then(Author::publisher())`); a column handle (`Col<_, _>`) is not a relation: for a key column such as `Post::author_id()`, pass the relation, `Post::author()`; a lookup is a handle, not a string: `\"author\"` is `Post::author()`; a `Prefetch` goes to `.prefetch(..)`"
)]
pub trait SelectFrom<M>: PathFrom<M> + SingleValued {
    /// [`Path::Set`], named through this trait for `select_related`'s
    /// message (see [`PathFrom`]).
    #[doc(hidden)]
    type SelectSet;
}

#[diagnostic::do_not_recommend]
impl<M: Model, P: PathFrom<M> + SingleValued + SetFrom<M>> SelectFrom<M> for P {
    type SelectSet = <P as SetFrom<M>>::Set;
}

// Hidden from diagnostics: a type that is no relation is reported as "not a
// relation path" (Path's message), also when the query's loaded set asks
// for `P::Set`, instead of as a missing `Relation` impl.
#[diagnostic::do_not_recommend]
#[allow(private_interfaces)]
impl<R: Relation> Path for R {
    type Source = R::Source;
    type Target = R::Target;
    type Set = R::Loads<<R::Target as Model>::Empty>;
    type SetWith<X> = R::Loads<X>;

    fn __add_join(self, joins: &mut Vec<Box<dyn JoinNode<R::Source>>>) {
        hop_mut::<R>(joins);
    }

    fn __add_prefetch(
        self,
        levels: &mut Vec<Box<dyn PrefetchNode<R::Source>>>,
    ) -> Result<(), Error> {
        add_node(levels, Box::new(Level::<R>::plain()))
    }

    fn __add_below(
        self,
        levels: &mut Vec<Box<dyn PrefetchNode<R::Source>>>,
        leaf: Box<dyn PrefetchNode<R::Target>>,
    ) -> Result<(), Error> {
        let mut level = Level::<R>::plain();
        add_node(level.nested_mut(), leaf)?;
        add_node(levels, Box::new(level))
    }

    fn lookup(self) -> String {
        R::info().name.to_owned()
    }

    fn __hops(out: &mut Vec<Hop>) {
        out.push(Hop {
            id: TypeId::of::<R>(),
            info: R::info(),
        });
    }
}

/// A path a column may be reached through: single-valued hops only.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is many-valued: a column through it has many values per row",
    label = "`col` follows ForeignKey and OneToOne relations only",
    note = "to keep rows where some related row matches, use `.any(Model::column().eq(...))`: one EXISTS, no repeated rows"
)]
pub trait ColumnPath: Path {}

#[diagnostic::do_not_recommend]
impl<P: Path + SingleValued> ColumnPath for P {}

/// How [`Path::col`] asks for a [`ColumnPath`]: `(): ColumnThrough<P>`, on
/// `()` rather than on `P`, so that for a relation handle (a type of the
/// user's crate) rustc prints one line of help instead of pointing at the
/// user's field (which made the error 20 lines).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{P}` is many-valued: a column through it has many values per row",
    label = "a column is reached through ForeignKey and OneToOne relations only",
    note = "to keep rows where some related row matches, use `.any(Model::column().eq(...))`: one EXISTS, no repeated rows; to order the related rows themselves, prefetch them with `Prefetch::new(..).order_by(..)`"
)]
pub trait ColumnThrough<P> {}

#[diagnostic::do_not_recommend]
impl<P: ColumnPath> ColumnThrough<P> for () {}

/// What [`Path::col`] takes: a column handle (`Author::name()`) of the
/// model the path reaches, `T`. Stated on `()`, as `ColumnThrough` is.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{C}` is not a column of `{T}`, the model `{P}` reaches",
    label = "expected a column handle of `{T}`: `{T}::<column>()`",
    note = "`col` takes a column of the relation's target: `Post::author().col(Author::name())`; a column further on goes through a chain (`Post::author().then(Author::publisher()).col(Publisher::name())`); a column of the query's own model is used as it is (`Post::title().eq(..)`)"
)]
pub trait ColumnOf<P, T, C> {
    /// The column seen from the start of the path.
    type Through;
    /// The column seen from the start of `path`.
    #[doc(hidden)]
    fn __through(column: C, path: P) -> Self::Through;
}

// `T` stands apart from `P::Target` in the impl's head: written as the
// projection, another model's column was a "type mismatch resolving
// `<author as Path>::Target == Publisher`" instead of this trait's message.
#[diagnostic::do_not_recommend]
impl<P: Path<Target = T>, T: Model, V, N> ColumnOf<P, T, Col<T, V, N>> for () {
    type Through = Col<P::Source, V, N, P>;
    #[inline]
    fn __through(column: Col<T, V, N>, path: P) -> Self::Through {
        column.through(path)
    }
}

/// Never a column: the second impl of [`ColumnOf`], so that rustc does not
/// infer the argument's type from a single impl (which turned another
/// model's column back into "mismatched types").
#[diagnostic::do_not_recommend]
impl<P: Path> ColumnOf<P, P::Target, NoArg> for () {
    type Through = Col<P::Source, NoArg, NoArg, P>;
    fn __through(column: NoArg, _path: P) -> Self::Through {
        match column {}
    }
}

/// `path.contains(..)`: no implementation, only the error (see
/// [`Path::contains`]).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`contains(..)` on the relation `{P}`: a filter on related rows is `any(..)`",
    label = "write `Post::tags().any(Tag::name().eq(..))`: the rows with SOME related row that matches (Django's `tags__name=..`); by keys: `.any(Tag::id().is_in(ids))`"
)]
pub trait ContainsInstead<P, R> {
    /// Never called.
    fn out() -> R;
}

/// `path.is_empty()`: no implementation, only the error (see
/// [`Path::is_empty`]).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`is_empty()` on the relation `{P}`: a filter on related rows is `any(..)`",
    label = "rows with none (Django's `tags__isnull=True`): `!Post::tags().any(Tag::id().is_not_null())`; with some: `Post::tags().any(Tag::id().is_not_null())`"
)]
pub trait IsEmptyInstead<P, R> {
    /// Never called.
    fn out() -> R;
}

/// What [`Path::any`] takes: a filter over the rows the path reaches, `T`.
/// Stated on `()` with the path, so that another model's filter is one
/// error naming the relation it was given to.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`.any(..)` on `{P}` takes a filter over `{T}` rows, not a `{F}`",
    label = "expected a condition on a column of `{T}`, the model `{P}` reaches",
    note = "inside `any` the columns are the related model's: `Post::tags().any(Tag::name().eq(\"rust\"))`; a condition on the query's own rows goes to `.filter(..)` beside it"
)]
pub trait AnyFilter<P, T, F> {
    /// The filter.
    #[doc(hidden)]
    fn __filter(filter: F) -> Filter<T>;
}

#[diagnostic::do_not_recommend]
impl<P, T> AnyFilter<P, T, Filter<T>> for () {
    #[inline]
    fn __filter(filter: Filter<T>) -> Filter<T> {
        filter
    }
}

#[diagnostic::do_not_recommend]
impl<P, T> AnyFilter<P, T, NoArg> for () {
    fn __filter(filter: NoArg) -> Filter<T> {
        match filter {}
    }
}

/// What a relation handle's `then` takes, `N`: a relation handle (the
/// derive implements it for each) or a chain. Its output type is the hop; no
/// blanket impl exists, so that a handle without its parentheses
/// (`Author::publisher`, a function) matches none: the chain's type is then
/// unknown, and `select_related` does not report it a second time. Stated on
/// `()` (`(): NextHop<N>`), as `FilterArg` is, for a shorter error.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{N}` is not a relation handle, nor a chain of them",
    label = "call the handle, `Model::field()`: `Post::author().then(Author::publisher())`"
)]
pub trait NextHop<N> {
    /// The hop.
    type Hop;
    /// The hop (the handle itself).
    #[doc(hidden)]
    fn __hop(hop: N) -> Self::Hop;
}

#[diagnostic::do_not_recommend]
impl<A, B> NextHop<Chain<A, B>> for () {
    type Hop = Chain<A, B>;
    #[inline]
    fn __hop(hop: Chain<A, B>) -> Chain<A, B> {
        hop
    }
}

/// Two lookups end to start: `a.then(b)` follows `a`, then `b` from where `a`
/// ends.
///
/// ```
/// use related::prelude::*;
/// use related::Path;
///
/// #[derive(Clone, Debug, Model)]
/// struct Country { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Publisher { id: i64, country: ForeignKey<Country> }
///
/// #[derive(Clone, Debug, Model)]
/// struct Author { id: i64, publisher: ForeignKey<Publisher> }
///
/// #[derive(Clone, Debug, Model)]
/// struct Book { id: i64, author: ForeignKey<Author> }
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let path = Book::author().then(Author::publisher()).then(Publisher::country());
/// assert_eq!(path.lookup(), "author__publisher__country");
///
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Country::info(), Publisher::info(), Author::info(), Book::info()])?;
/// db.insert(&Country { id: 1, name: "Chile".into() })?;
/// db.insert(&Publisher { id: 1, country: ForeignKey::new(1) })?;
/// db.insert(&Author { id: 1, publisher: ForeignKey::new(1) })?;
/// db.insert(&Book { id: 1, author: ForeignKey::new(1) })?;
/// let book = Book::query().select_related(path).one(&db)?; // one statement, three JOINs
/// let country = book.author.get()?.publisher.get()?.country.get()?;
/// assert_eq!(country.name, "Chile");
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Chain<A, B> {
    first: A,
    rest: B,
}

impl<A, B> Chain<A, B> {
    /// `first`, then `rest` from where `first` ends (what `.then()` builds).
    pub fn new(first: A, rest: B) -> Self {
        Chain { first, rest }
    }
}

impl<A: Relation, B: Path<Source = A::Target>> Chain<A, B> {
    /// Follow one more relation (or chain) from where this chain ends.
    ///
    /// The result stays right-nested whatever the length:
    /// `a.then(b).then(c).then(d)` is `Chain<a, Chain<b, Chain<c, d>>>`, the
    /// one shape [`Path`] and [`SingleValued`] are implemented for.
    pub fn then<C>(self, next: C) -> Chain<A, B::Output>
    where
        C: Path<Source = B::Target>,
        B: Append<C>,
    {
        Chain::new(self.first, self.rest.append(next))
    }
}

/// A path that `next` can be appended to, keeping chains right-nested: a
/// relation `r` becomes `Chain<r, C>`, a chain `Chain<a, b>` becomes
/// `Chain<a, b + C>`. [`Chain::then`] uses it; user code never needs to name
/// it.
///
/// ```
/// use related::prelude::*;
/// use related::{Append, Path};
///
/// #[derive(Clone, Debug, Model)]
/// struct A { id: i64, b: ForeignKey<B> }
/// #[derive(Clone, Debug, Model)]
/// struct B { id: i64, c: ForeignKey<C> }
/// #[derive(Clone, Debug, Model)]
/// struct C { id: i64, d: ForeignKey<D> }
/// #[derive(Clone, Debug, Model)]
/// struct D { id: i64 }
///
/// let path = A::b().append(B::c()).append(C::d()); // what `.then()` does
/// assert_eq!(path.lookup(), "b__c__d");
/// ```
pub trait Append<C: Path<Source = Self::Target>>: Path {
    /// The path that follows `self`, then `C`.
    type Output: Path<Source = Self::Source, Target = C::Target>;

    /// `self`, then `next`.
    fn append(self, next: C) -> Self::Output;
}

// The combinator impls are hidden from diagnostics: when a chain does not
// type-check, the error should name the hop at fault, not list these impls.
#[diagnostic::do_not_recommend]
impl<R: Relation, C: Path<Source = R::Target>> Append<C> for R {
    type Output = Chain<R, C>;

    fn append(self, next: C) -> Chain<R, C> {
        Chain::new(self, next)
    }
}

#[diagnostic::do_not_recommend]
impl<A, B, C> Append<C> for Chain<A, B>
where
    A: Relation,
    B: Path<Source = A::Target> + Append<C>,
    C: Path<Source = B::Target>,
{
    type Output = Chain<A, B::Output>;

    fn append(self, next: C) -> Self::Output {
        Chain::new(self.first, self.rest.append(next))
    }
}

// Hidden from diagnostics: a value that is no path is reported with Path's
// message, not as "`Path` is implemented for `Chain<A, B>`".
#[diagnostic::do_not_recommend]
#[allow(private_interfaces)]
impl<A: Relation, B: Path<Source = A::Target>> Path for Chain<A, B> {
    type Source = A::Source;
    type Target = B::Target;
    type Set = A::Loads<B::Set>;
    type SetWith<X> = A::Loads<B::SetWith<X>>;

    fn __add_join(self, joins: &mut Vec<Box<dyn JoinNode<A::Source>>>) {
        let hop = hop_mut::<A>(joins);
        self.rest.__add_join(&mut hop.children);
    }

    fn __add_prefetch(
        self,
        levels: &mut Vec<Box<dyn PrefetchNode<A::Source>>>,
    ) -> Result<(), Error> {
        let mut level = Level::<A>::plain();
        self.rest.__add_prefetch(level.nested_mut())?;
        add_node(levels, Box::new(level))
    }

    fn __add_below(
        self,
        levels: &mut Vec<Box<dyn PrefetchNode<A::Source>>>,
        leaf: Box<dyn PrefetchNode<B::Target>>,
    ) -> Result<(), Error> {
        let mut level = Level::<A>::plain();
        self.rest.__add_below(level.nested_mut(), leaf)?;
        add_node(levels, Box::new(level))
    }

    fn lookup(self) -> String {
        format!("{}__{}", self.first.lookup(), self.rest.lookup())
    }

    fn __hops(out: &mut Vec<Hop>) {
        A::__hops(out);
        B::__hops(out);
    }
}

// Hidden from diagnostics: a many-valued relation should get one message,
// not a list of the types that are single-valued.
#[diagnostic::do_not_recommend]
impl<A: SingleValued, B: SingleValued> SingleValued for Chain<A, B> {}

// A column is no path; this impl keeps `select_related(Post::title())` to the
// one error from `Path` instead of a second one calling it many-valued.
#[diagnostic::do_not_recommend]
impl<M, T, N> SingleValued for crate::query::expr::Col<M, T, N> {}
