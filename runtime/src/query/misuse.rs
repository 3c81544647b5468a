//! The filter and order methods a relation handle does not have. (The Rust
//! operators a column handle does not take are told by rustc itself: see
//! `Col`.)
//!
//! `Post::author().eq(1)` reads naturally, but a relation is not a column:
//! without these, rustc looks for `eq` elsewhere and offers `Iterator::eq`
//! over a dozen lines. Each method here exists only to be one error that
//! names the relation and the key column to use instead; its bound has no
//! implementation, so none of them can be called.

use crate::model::relation::Relation;
use crate::query::expr::{Filter, Order};

/// The unmet bound of every [`NotAColumn`] method: never implemented.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{R}` is a relation, not a column: filters and orderings take columns",
    label = "a relation handle is not compared or ordered",
    note = "compare its key column, whose handle is named after the column (`Model::{R}_id()` by default): `.eq(1)`, `.is_null()`; or a column of the related model through the relation (`Post::author().col(Author::name()).eq(\"Ann\")`); a many-valued relation filters with `.any(filter)`"
)]
pub trait KeyColumnInstead<R: Relation> {
    /// Never called: there is no implementation.
    fn __filter(self) -> Filter<R::Source>;
    /// Never called: there is no implementation.
    fn __order(self) -> Order<R::Source>;
}

/// The unmet bound of `filter`, `exclude`, `order_by` and `limit` on a
/// relation handle (Django's `Prefetch("tags", queryset=...)` written on the
/// handle): never implemented. Stated on `()`, as `FilterArg` is.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{R}` is a relation handle: the rows it loads are filtered, ordered and limited by a `Prefetch`",
    label = "write `.prefetch(Prefetch::new(Model::{R}()).filter(..))`: `Prefetch` has `filter`, `exclude`, `order_by` and `limit`",
    note = "a filter on the query's own rows through this relation is `Model::{R}().any(filter)`"
)]
pub trait PrefetchInstead<R> {}

/// The unmet bound of `all(..)` and `count()` on a relation handle:
/// never implemented. Stated on `()`, as `KeyColumnInstead` is.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{R}` is a relation handle, with no `all(..)` or `count()`: it filters with `.any(filter)` and is counted with `count_related`",
    label = "no `all(..)` / `count()` on a relation handle",
    note = "rows whose related rows ALL match `f`: `!Model::{R}().any(!f)`; rows with at least one: `Model::{R}().any(f)`; the number of related rows per row: `.count_related(Model::{R}(), Model::<Counted field>())`, filtered with `.count_related_where(..)`"
)]
pub trait AnyInstead<R: Relation> {
    /// Never called: there is no implementation.
    fn __filter(self) -> Filter<R::Source>;
    /// Never called: there is no implementation.
    fn __count(self) -> NoCount<R>;
}

/// What `count()` on a relation handle would give: the comparison written
/// after it (`.gt(3)`) then adds no second error. `count()` itself never
/// compiles, so nothing here runs.
#[doc(hidden)]
pub struct NoCount<R>(std::marker::PhantomData<R>);

macro_rules! no_count_comparisons {
    ($($name:ident)*) => {
        impl<R: Relation> NoCount<R> {
            $(
                #[doc(hidden)]
                pub fn $name<V>(self, _value: V) -> Filter<R::Source> {
                    Filter::new(crate::plan::condition::Expr::And(Vec::new()))
                }
            )*
        }
    };
}
no_count_comparisons!(eq ne lt le gt ge);

/// Column methods on relation handles, each one compile error (see the
/// module comment). In the prelude without a name.
#[doc(hidden)]
pub trait NotAColumn: Relation + Sized {
    /// Not available: compare the key column (`Post::author_id().eq(..)`).
    #[rustfmt::skip]
    fn eq<V>(self, _value: V) -> Filter<Self::Source> where (): KeyColumnInstead<Self> { ().__filter() }
    /// Not available: compare the key column (`Post::author_id().ne(..)`).
    #[rustfmt::skip]
    fn ne<V>(self, _value: V) -> Filter<Self::Source> where (): KeyColumnInstead<Self> { ().__filter() }
    /// Not available: compare the key column.
    #[rustfmt::skip]
    fn lt<V>(self, _value: V) -> Filter<Self::Source> where (): KeyColumnInstead<Self> { ().__filter() }
    /// Not available: compare the key column.
    #[rustfmt::skip]
    fn le<V>(self, _value: V) -> Filter<Self::Source> where (): KeyColumnInstead<Self> { ().__filter() }
    /// Not available: compare the key column.
    #[rustfmt::skip]
    fn gt<V>(self, _value: V) -> Filter<Self::Source> where (): KeyColumnInstead<Self> { ().__filter() }
    /// Not available: compare the key column.
    #[rustfmt::skip]
    fn ge<V>(self, _value: V) -> Filter<Self::Source> where (): KeyColumnInstead<Self> { ().__filter() }
    /// Not available: `Post::author_id().is_in(..)`.
    #[rustfmt::skip]
    fn is_in<V>(self, _values: V) -> Filter<Self::Source> where (): KeyColumnInstead<Self> { ().__filter() }
    // Every bound is stated on `()`, on one line: on `Self` (a type of the
    // user's crate) rustc pointed at the user's field and the error ran to
    // 20 lines; on the value, rustc printed the value's type, which for an
    // iterator of keys (`rows.iter().map(|r| r.id)`) is a closure's long
    // name and two more lines saying where it was written.
    /// Not available: `Post::editor_id().is_null()`.
    #[rustfmt::skip]
    fn is_null(self) -> Filter<Self::Source> where (): KeyColumnInstead<Self> { ().__filter() }
    /// Not available: `Post::editor_id().is_not_null()`.
    #[rustfmt::skip]
    fn is_not_null(self) -> Filter<Self::Source> where (): KeyColumnInstead<Self> { ().__filter() }
    /// Not available: order by a column (`Post::author().col(Author::name()).asc()`).
    #[rustfmt::skip]
    fn asc(self) -> Order<Self::Source> where (): KeyColumnInstead<Self> { ().__order() }
    /// Not available: order by a column (`Post::author().col(Author::name()).desc()`).
    #[rustfmt::skip]
    fn desc(self) -> Order<Self::Source> where (): KeyColumnInstead<Self> { ().__order() }
    // What a `Prefetch` does; each returns the handle, so that the call it
    // sits in (`prefetch_related(..)`) adds no second error.
    /// Not available: `Prefetch::new(handle).filter(..)`.
    #[rustfmt::skip]
    fn filter<F>(self, _filter: F) -> Self where (): PrefetchInstead<Self> { self }
    /// Not available: `Prefetch::new(handle).exclude(..)`.
    #[rustfmt::skip]
    fn exclude<F>(self, _filter: F) -> Self where (): PrefetchInstead<Self> { self }
    /// Not available: `Prefetch::new(handle).order_by(..)`.
    #[rustfmt::skip]
    fn order_by<O>(self, _order: O) -> Self where (): PrefetchInstead<Self> { self }
    /// Not available: `Prefetch::new(handle).limit(..)`.
    #[rustfmt::skip]
    fn limit<N>(self, _n: N) -> Self where (): PrefetchInstead<Self> { self }
    // Quantifiers and counts of other libraries (`all`, Django's
    // annotate-then-filter `count().gt(3)`): without these rustc offers
    // `Iterator::all` and `Iterator::count` over 17 to 27 lines.
    /// Not available: `!handle.any(!filter)`.
    #[rustfmt::skip]
    fn all<F>(self, _filter: F) -> Filter<Self::Source> where (): AnyInstead<Self> { ().__filter() }
    /// Not available: `count_related(handle, Model::count_field())`.
    #[rustfmt::skip]
    fn count(self) -> NoCount<Self> where (): AnyInstead<Self> { ().__count() }
}

impl<R: Relation> NotAColumn for R {}

/// The unmet bound of the column methods on a `Counted` field's handle
/// (`Post::comment_count().desc()`, `.gt(3)`): never implemented. Stated on
/// `()`, as `KeyColumnInstead` is.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{C}` is a `Counted` field, filled after the rows are loaded: it does not filter or order the query",
    label = "order or keep the loaded rows in Rust: `rows.sort_by_key(|p| std::cmp::Reverse(p.<field>.get()))`, `rows.retain(|p| p.<field>.get() > Some(3))`",
    note = "rows with at least one related row matching a filter are `.filter(Model::<relation>().any(filter))`; `count_related_where` counts only the related rows that match"
)]
pub trait CountedInstead<C: crate::query::counted::CountTarget> {
    /// Never called: there is no implementation.
    fn __order(self) -> Order<C::Source>;
    /// Never called: there is no implementation.
    fn __filter(self) -> Filter<C::Source>;
}

/// Column methods on `Counted` field handles, each one compile error. In
/// the prelude without a name, as [`NotAColumn`]. Written out, not by a
/// macro: the error quotes the method's line, which a macro would turn into
/// its definition plus the invocation.
#[doc(hidden)]
pub trait CountNotColumn: crate::query::counted::CountTarget {
    /// Not available: sort the loaded rows.
    #[rustfmt::skip]
    fn asc(self) -> Order<Self::Source> where (): CountedInstead<Self> { ().__order() }
    /// Not available: sort the loaded rows.
    #[rustfmt::skip]
    fn desc(self) -> Order<Self::Source> where (): CountedInstead<Self> { ().__order() }
    /// Not available: keep the loaded rows.
    #[rustfmt::skip]
    fn eq<V>(self, _value: V) -> Filter<Self::Source> where (): CountedInstead<Self> { ().__filter() }
    /// Not available: keep the loaded rows.
    #[rustfmt::skip]
    fn ne<V>(self, _value: V) -> Filter<Self::Source> where (): CountedInstead<Self> { ().__filter() }
    /// Not available: keep the loaded rows.
    #[rustfmt::skip]
    fn lt<V>(self, _value: V) -> Filter<Self::Source> where (): CountedInstead<Self> { ().__filter() }
    /// Not available: keep the loaded rows.
    #[rustfmt::skip]
    fn le<V>(self, _value: V) -> Filter<Self::Source> where (): CountedInstead<Self> { ().__filter() }
    /// Not available: keep the loaded rows.
    #[rustfmt::skip]
    fn gt<V>(self, _value: V) -> Filter<Self::Source> where (): CountedInstead<Self> { ().__filter() }
    /// Not available: keep the loaded rows.
    #[rustfmt::skip]
    fn ge<V>(self, _value: V) -> Filter<Self::Source> where (): CountedInstead<Self> { ().__filter() }
}

impl<C: crate::query::counted::CountTarget> CountNotColumn for C {}

/// A column handle named without its call (`Post::title.eq("Rust")`): the
/// function item, not the handle. Without these, rustc lists a dozen
/// unmet bounds of the blanket traits above before its "use parentheses".
/// Each is one error naming the call; the result is left to inference, so
/// that the `filter(..)` or `order_by(..)` around it adds no second error.
/// In the prelude without a name.
#[doc(hidden)]
#[rustfmt::skip]
#[allow(clippy::wrong_self_convention)] // the names are `Col`'s, as the user wrote them
pub trait HandleNotCalled: Sized {
    /// Not available: `Model::column().eq(..)`.
    fn eq<V, R>(self, _value: V) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().ne(..)`.
    fn ne<V, R>(self, _value: V) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().lt(..)`.
    fn lt<V, R>(self, _value: V) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().le(..)`.
    fn le<V, R>(self, _value: V) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().gt(..)`.
    fn gt<V, R>(self, _value: V) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().ge(..)`.
    fn ge<V, R>(self, _value: V) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().is_in(..)`.
    fn is_in<V, R>(self, _values: V) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().between(..)`.
    fn between<L, H, R>(self, _low: L, _high: H) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().like(..)`.
    fn like<V, R>(self, _pattern: V) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().contains(..)`.
    fn contains<V, R>(self, _needle: V) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().icontains(..)`.
    fn icontains<V, R>(self, _needle: V) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().starts_with(..)`.
    fn starts_with<V, R>(self, _prefix: V) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().ends_with(..)`.
    fn ends_with<V, R>(self, _suffix: V) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().is_null()`.
    fn is_null<R>(self) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().is_not_null()`.
    fn is_not_null<R>(self) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().asc()`.
    fn asc<R>(self) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
    /// Not available: `Model::column().desc()`.
    fn desc<R>(self) -> R where (): CallTheHandle<Self, R> { <() as CallTheHandle<Self, R>>::out() }
}

/// A function returning a column handle: what [`HandleNotCalled`] is for.
impl<F, C> HandleNotCalled for F
where
    F: Fn() -> C,
    C: ColumnHandle,
{
}

/// Column handles ([`Col`](crate::Col)): the result of the functions
/// [`HandleNotCalled`] catches.
#[doc(hidden)]
pub trait ColumnHandle {}

impl<M, T, N, P> ColumnHandle for crate::query::expr::Col<M, T, N, P> {}

/// The unmet bound of every [`HandleNotCalled`] method: never implemented.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{F}` is a column handle's function, not the handle: call it",
    label = "add `()`: `Post::title().eq(..)`, `Post::views().desc()`"
)]
pub trait CallTheHandle<F, R> {
    /// Never called.
    fn out() -> R;
}
