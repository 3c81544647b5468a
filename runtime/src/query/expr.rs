//! Typed column handles, filters and ordering for a model's own table, and
//! for columns reached through relations (`Post::author().col(Author::name())`).

use std::marker::PhantomData;
use std::ops::{BitAnd, BitAndAssign, BitOr, BitOrAssign, Not};

use crate::model::column::{Column, OrderedColumn};
use crate::model::table::Model;
use crate::model::value::Value;
use crate::plan::condition::{CmpOp, ColumnRef, Expr, Hop, TextAt};
use crate::query::operand::{Bound, BoundPair, InItem, InList, NoArg, Operand};
use crate::query::path::Path;

/// A column of model `M` holding a `T`. The derive generates one associated
/// function per stored column, e.g. `Post::title()`.
///
/// `N` is the column's own marker type, which the derive names after the
/// field (`Post::title()` is a `Col<Post, String, title>`), so that a
/// diagnostic about a column handle names the column as the user wrote it.
/// `P` is the single-valued path from `M` to the table holding the column:
/// `()` for `M`'s own columns, a relation or chain for a column of another
/// model (`Post::author().col(Author::name())` is a `Col<Post, String,
/// name, author>`). Every condition on it is a `Filter<M>`.
///
/// # Example
///
/// Every filter, combined with `&`, `|` and `!`, and both orders:
///
/// ```
/// use related::prelude::*;
/// use related::Filter;
///
/// #[derive(Clone, Debug, Model)]
/// struct Item { id: i64, name: String, price: i32, note: Option<String> }
///
/// # fn main() -> related::Result<()> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Item::info()])?;
/// for (id, name, price, note) in [
///     (1, "apple", 3, None),
///     (2, "pear", 5, Some("ripe")),
///     (3, "plum", 8, None),
///     (4, "peach", 13, Some("soft")),
/// ] {
///     db.insert(&Item { id, name: name.into(), price, note: note.map(Into::into) })?;
/// }
/// let ids = |filter: Filter<Item>| -> related::Result<Vec<i64>> {
///     let rows = Item::query().filter(filter).order_by(Item::id().asc()).all(&db)?;
///     Ok(rows.iter().map(|i| i.id).collect())
/// };
/// assert_eq!(ids(Item::name().eq("pear"))?, [2]);
/// assert_eq!(ids(Item::name().ne("pear"))?, [1, 3, 4]);
/// assert_eq!(ids(Item::price().lt(5))?, [1]);
/// assert_eq!(ids(Item::price().le(5))?, [1, 2]);
/// assert_eq!(ids(Item::price().gt(8))?, [4]);
/// assert_eq!(ids(Item::price().ge(8))?, [3, 4]);
/// assert_eq!(ids(Item::id().is_in([4, 1, 9]))?, [1, 4]);
/// assert_eq!(ids(Item::note().is_null())?, [1, 3]);
/// assert_eq!(ids(Item::note().eq(None))?, [1, 3]); // `IS NULL`, as Django's `note=None`
/// assert_eq!(ids(Item::note().is_not_null())?, [2, 4]);
/// assert_eq!(ids(Item::note().eq(Some("ripe".to_owned())))?, [2]);
/// assert_eq!(ids(Item::name().like("p%"))?, [2, 3, 4]);
/// assert_eq!(ids(Item::name().like("p%") & !Item::name().like("%ch"))?, [2, 3]);
/// assert_eq!(ids(Item::price().lt(4) | Item::price().gt(10))?, [1, 4]);
/// assert_eq!(ids(Item::price().gt(3).and(Item::price().lt(13)).or(Item::id().eq(1)))?, [1, 2, 3]);
///
/// let cheapest_last = Item::query().order_by(Item::price().desc()).all(&db)?;
/// assert_eq!(cheapest_last.last().map(|i| i.id), Some(1));
/// assert_eq!(Item::price().name(), "price");
/// # Ok(()) }
/// ```
// `Col` has no `PartialEq` / `PartialOrd`: `Post::title() == "x"` is then
// rustc's E0369, one error whose note quotes the line below (the comment
// included) and names the fix, and whose result is no `bool` for
// `filter(..)` to reject a second time.
#[rustfmt::skip]
pub struct Col<M, T, N = (), P = ()> { // filter with methods, not operators: `.eq(v)`, `.ne(v)`, `.lt(v)`, ...
    name: &'static str,
    via: P,
    _marker: ColMarker<M, T, N>,
}

/// `Col`'s type parameters, held without owning or requiring anything.
type ColMarker<M, T, N> = PhantomData<fn() -> (M, T, N)>;

impl<M, T, N, P: Copy> Clone for Col<M, T, N, P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<M, T, N, P: Copy> Copy for Col<M, T, N, P> {}

/// Where a column handle's table sits: `()` (the base table) or a path.
#[doc(hidden)]
#[allow(private_interfaces)]
pub trait Via: Copy {
    /// The hops from the base model to the column's table.
    #[doc(hidden)]
    fn __hops(self) -> Vec<Hop>;
}

#[allow(private_interfaces)]
impl Via for () {
    fn __hops(self) -> Vec<Hop> {
        Vec::new()
    }
}

#[allow(private_interfaces)]
impl<P: Path> Via for P {
    fn __hops(self) -> Vec<Hop> {
        let mut out = Vec::new();
        P::__hops(&mut out);
        out
    }
}

/// A boolean condition over the rows of `M`'s table. Every value in it is a
/// bind parameter.
///
/// Built from a column's methods (every one in the example at [`Col`]) and
/// combined with `&`, `|`, `!`; a filter is a value, to build once and
/// reuse:
///
/// ```
/// use related::prelude::*;
/// use related::{Dialect, Filter};
///
/// #[derive(Clone, Debug, Model)]
/// struct Item { id: i64, price: i32 }
///
/// let cheap: Filter<Item> = Item::price().lt(5);
/// let plan = Item::query().filter(!cheap.clone() & Item::id().ne(3)).plan(Dialect::Postgres);
/// assert!(plan[0].sql.contains(r#"WHERE (("item"."price" < $1) IS NOT TRUE AND "item"."id" <> $2)"#));
/// # let _ = cheap;
///
/// // Built in a loop, as Django's `q |= Q(..)`: the same condition as `|`.
/// let mut any_of = Item::id().eq(1);
/// for id in [4, 9] {
///     any_of |= Item::id().eq(id);
/// }
/// let mut both = Item::price().gt(1);
/// both &= Item::price().lt(5);
/// let sql = |f: Filter<Item>| Item::query().filter(f).plan(Dialect::Sqlite)[0].sql.clone();
/// assert_eq!(sql(any_of), sql(Item::id().eq(1) | Item::id().eq(4) | Item::id().eq(9)));
/// assert_eq!(sql(both), sql(Item::price().gt(1) & Item::price().lt(5)));
/// ```
#[must_use = "a filter does nothing until it is passed to `.filter(..)`"]
pub struct Filter<M> {
    pub(crate) expr: Expr,
    _marker: PhantomData<fn() -> M>,
}

impl<M> Clone for Filter<M> {
    fn clone(&self) -> Self {
        Filter::new(self.expr.clone())
    }
}

impl<M> std::fmt::Debug for Filter<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.expr.fmt(f)
    }
}

impl<M> Filter<M> {
    pub(crate) fn new(expr: Expr) -> Self {
        Filter {
            expr,
            _marker: PhantomData,
        }
    }

    /// Both conditions (also `a & b`).
    pub fn and(self, other: Filter<M>) -> Filter<M> {
        let expr = match (self.expr, other.expr) {
            (Expr::And(mut a), Expr::And(b)) => {
                a.extend(b);
                Expr::And(a)
            }
            (Expr::And(mut a), b) => {
                a.push(b);
                Expr::And(a)
            }
            (a, b) => Expr::And(vec![a, b]),
        };
        Filter::new(expr)
    }

    /// Either condition (also `a | b`).
    pub fn or(self, other: Filter<M>) -> Filter<M> {
        let expr = match (self.expr, other.expr) {
            (Expr::Or(mut a), Expr::Or(b)) => {
                a.extend(b);
                Expr::Or(a)
            }
            (Expr::Or(mut a), b) => {
                a.push(b);
                Expr::Or(a)
            }
            (a, b) => Expr::Or(vec![a, b]),
        };
        Filter::new(expr)
    }
}

impl<M> BitAnd for Filter<M> {
    type Output = Filter<M>;
    fn bitand(self, rhs: Self) -> Self {
        self.and(rhs)
    }
}

impl<M> BitOr for Filter<M> {
    type Output = Filter<M>;
    fn bitor(self, rhs: Self) -> Self {
        self.or(rhs)
    }
}

/// `filter |= other` (Django's `q |= Q(..)`), building a condition in a
/// loop.
impl<M> BitOrAssign for Filter<M> {
    fn bitor_assign(&mut self, rhs: Filter<M>) {
        let this = std::mem::replace(self, Filter::new(Expr::And(Vec::new())));
        *self = this.or(rhs);
    }
}

/// `filter &= other`.
impl<M> BitAndAssign for Filter<M> {
    fn bitand_assign(&mut self, rhs: Filter<M>) {
        let this = std::mem::replace(self, Filter::new(Expr::And(Vec::new())));
        *self = this.and(rhs);
    }
}

impl<M> Not for Filter<M> {
    type Output = Filter<M>;
    fn not(self) -> Self {
        Filter::new(Expr::NotTrue(Box::new(self.expr)))
    }
}

/// What [`Query::filter`](crate::Query::filter) and
/// [`Prefetch::filter`](crate::Prefetch::filter) take: `F` is a [`Filter`]
/// over the rows being loaded, `M`. A trait only so that anything else
/// passed there (a bare column, another model's filter, a relation) is one
/// error that names it and says what a filter is. Stated on `()`, as
/// `(): FilterArg<M, F>`, not on `F`: for a relation handle, a type of the
/// user's crate, rustc would add four lines pointing at the user's field.
#[diagnostic::on_unimplemented(
    message = "`{F}` is not a filter over `{M}` rows",
    label = "expected a condition on `{M}`'s columns, such as `Model::column().eq(value)`",
    note = "a column becomes a condition through a comparison (`.eq(..)`, `.lt(..)`, `.is_in(..)`, `.like(..)`); a column of a related model goes through its relation: `Post::author().col(Author::name()).eq(..)`, and a many-valued one with `Post::tags().any(Tag::name().eq(..))`; several conditions combine with `&` and `|` (or `.filter(..)` again)"
)]
pub trait FilterArg<M, F> {
    /// The filter.
    #[doc(hidden)]
    fn __filter(filter: F) -> Filter<M>;
}

#[diagnostic::do_not_recommend]
impl<M> FilterArg<M, Filter<M>> for () {
    fn __filter(filter: Filter<M>) -> Filter<M> {
        filter
    }
}

/// The unmet bound of `any` on a column handle: never implemented.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{N}` is a column: `.any(..)` filters through a relation",
    label = "call `.any(..)` on a relation handle: `Post::tags().any(Tag::name().eq(..))`",
    note = "a column is compared directly: `Model::column().eq(..)`, `.is_in(..)`, `.like(..)`"
)]
pub trait RelationInstead<N, M> {
    /// Never called: there is no implementation.
    fn __never() -> Filter<M>;
}

#[diagnostic::do_not_recommend]
impl<M> FilterArg<M, NoArg> for () {
    fn __filter(filter: NoArg) -> Filter<M> {
        match filter {}
    }
}

/// What [`Query::order_by`](crate::Query::order_by) and
/// [`Prefetch::order_by`](crate::Prefetch::order_by) take: `O` is an
/// [`Order`] over the rows being loaded, `M` (a column with its direction),
/// or several of them, the first the primary key of the sort: a tuple (as
/// Diesel's `order_by((a.asc(), b.desc()))`, Django's `order_by("a",
/// "-b")`), an array or a `Vec` (orderings built at run time). A trait so
/// that a column without `.asc()` / `.desc()`, or a relation, is one error
/// saying so; on `()` as [`FilterArg`] is.
///
/// ```
/// use related::prelude::*;
/// use related::Dialect;
///
/// #[derive(Clone, Debug, Model)]
/// struct Item { id: i64, price: i32 }
///
/// let one_call = Item::query().order_by((Item::price().desc(), Item::id().asc()));
/// let two_calls = Item::query().order_by(Item::price().desc()).order_by(Item::id().asc());
/// let chosen = vec![Item::price().desc(), Item::id().asc()];
/// let kept = Item::query().order_by(&chosen); // borrowed: `chosen` is kept
/// let sliced = Item::query().order_by(&chosen[..]);
/// let at_run_time = Item::query().order_by(chosen);
/// let sql = |q: &related::Query<Item>| q.plan(Dialect::Sqlite)[0].sql.clone();
/// assert_eq!(sql(&one_call), sql(&two_calls));
/// assert_eq!(sql(&at_run_time), sql(&two_calls));
/// assert_eq!(sql(&kept), sql(&two_calls));
/// assert_eq!(sql(&sliced), sql(&two_calls));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{O}` is not an ordering of `{M}` rows",
    label = "expected a column with its direction, such as `Model::column().asc()`, or a tuple of them",
    note = "order by a column with `.asc()` or `.desc()` (Django's `-field` is `.desc()`); by a related model's column through its relation: `Post::author().col(Author::name()).asc()`"
)]
pub trait OrderArg<M, O> {
    /// The keys, first to last.
    #[doc(hidden)]
    type Keys: IntoIterator<Item = Order<M>>;
    /// The keys.
    #[doc(hidden)]
    fn __order(order: O) -> Self::Keys;
}

#[diagnostic::do_not_recommend]
impl<M> OrderArg<M, Order<M>> for () {
    type Keys = [Order<M>; 1];
    fn __order(order: Order<M>) -> [Order<M>; 1] {
        [order]
    }
}

#[diagnostic::do_not_recommend]
impl<M> OrderArg<M, Vec<Order<M>>> for () {
    type Keys = Vec<Order<M>>;
    fn __order(order: Vec<Order<M>>) -> Vec<Order<M>> {
        order
    }
}

// Orderings built at run time and kept for several queries.
#[diagnostic::do_not_recommend]
impl<M> OrderArg<M, &Vec<Order<M>>> for () {
    type Keys = Vec<Order<M>>;
    fn __order(order: &Vec<Order<M>>) -> Vec<Order<M>> {
        order.clone()
    }
}

#[diagnostic::do_not_recommend]
impl<M> OrderArg<M, &[Order<M>]> for () {
    type Keys = Vec<Order<M>>;
    fn __order(order: &[Order<M>]) -> Vec<Order<M>> {
        order.to_vec()
    }
}

#[diagnostic::do_not_recommend]
impl<M, const N: usize> OrderArg<M, [Order<M>; N]> for () {
    type Keys = [Order<M>; N];
    fn __order(order: [Order<M>; N]) -> [Order<M>; N] {
        order
    }
}

macro_rules! order_tuples {
    ($($n:literal: ($($t:ident),*);)*) => {
        $(
            #[diagnostic::do_not_recommend]
            impl<M> OrderArg<M, ($(order_tuples!(@ty $t M),)*)> for () {
                type Keys = [Order<M>; $n];
                #[allow(non_snake_case)]
                fn __order(order: ($(order_tuples!(@ty $t M),)*)) -> [Order<M>; $n] {
                    let ($($t,)*) = order;
                    [$($t),*]
                }
            }
        )*
    };
    (@ty $t:ident $m:ident) => { Order<$m> };
}

order_tuples! {
    2: (A, B);
    3: (A, B, C);
    4: (A, B, C, D);
    5: (A, B, C, D, E);
    6: (A, B, C, D, E, F);
}

#[diagnostic::do_not_recommend]
impl<M> OrderArg<M, NoArg> for () {
    type Keys = [Order<M>; 0];
    fn __order(order: NoArg) -> [Order<M>; 0] {
        match order {}
    }
}

/// One ORDER BY term, from [`Col::asc`] or [`Col::desc`]. Each
/// `order_by` call adds a key:
///
/// ```
/// use related::prelude::*;
/// use related::Dialect;
///
/// #[derive(Clone, Debug, Model)]
/// struct Item { id: i64, price: i32 }
///
/// let query = Item::query().order_by(Item::price().desc()).order_by(Item::id().asc());
/// let sql = &query.plan(Dialect::Sqlite)[0].sql;
/// assert!(sql.ends_with(r#"ORDER BY "item"."price" DESC, "item"."id""#), "{sql}");
/// ```
pub struct Order<M> {
    pub(crate) column: &'static str,
    /// Empty for the base table's columns.
    pub(crate) path: Vec<Hop>,
    pub(crate) desc: bool,
    _marker: PhantomData<fn() -> M>,
}

impl<M> Clone for Order<M> {
    fn clone(&self) -> Self {
        Order {
            column: self.column,
            path: self.path.clone(),
            desc: self.desc,
            _marker: PhantomData,
        }
    }
}

impl<M: Model, T: Column, N> Col<M, T, N> {
    /// Used by the derive.
    #[doc(hidden)]
    pub const fn __new(name: &'static str) -> Self {
        Col {
            name,
            via: (),
            _marker: PhantomData,
        }
    }
}

impl<M: Model, T, N> Col<M, T, N> {
    /// This column seen from the start of `path` (used by [`Path::col`]).
    pub(crate) fn through<P: Path<Target = M>>(self, path: P) -> Col<P::Source, T, N, P> {
        Col {
            name: self.name,
            via: path,
            _marker: PhantomData,
        }
    }
}

impl<M: Model, T: Column, N, P: Via> Col<M, T, N, P> {
    /// The column name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Not available: `any` filters through a relation
    /// (`Post::tags().any(Tag::name().eq(..))`); one error that says so.
    #[doc(hidden)]
    #[rustfmt::skip]
    pub fn any<F>(self, _filter: F) -> Filter<M> where (): RelationInstead<N, M> { <() as RelationInstead<N, M>>::__never() }

    /// Ascending order on this column (through its path, if any: the
    /// JOIN is shared with the filter's and `select_related`'s).
    pub fn asc(self) -> Order<M> {
        Order {
            column: self.name,
            path: self.via.__hops(),
            desc: false,
            _marker: PhantomData,
        }
    }

    /// Descending order on this column.
    pub fn desc(self) -> Order<M> {
        Order {
            column: self.name,
            path: self.via.__hops(),
            desc: true,
            _marker: PhantomData,
        }
    }

    fn column(self) -> ColumnRef {
        ColumnRef {
            path: self.via.__hops(),
            name: self.name,
        }
    }

    fn cmp(self, op: CmpOp, value: Value) -> Filter<M> {
        if value.is_null() {
            // `= NULL` is never true in SQL; Django reads `field=None` as IS
            // NULL and `exclude(field=None)` as IS NOT NULL.
            return Filter::new(Expr::IsNull {
                column: self.column(),
                negated: op != CmpOp::Eq,
            });
        }
        Filter::new(Expr::Cmp {
            column: self.column(),
            op,
            value,
        })
    }

    /// `column = value`; `eq(None)` on a nullable column is `IS NULL`.
    pub fn eq(self, value: impl Operand<T, N>) -> Filter<M> {
        self.cmp(CmpOp::Eq, value.__into_column().to_value())
    }
    /// `column <> value`; `ne(None)` on a nullable column is `IS NOT NULL`.
    pub fn ne(self, value: impl Operand<T, N>) -> Filter<M> {
        self.cmp(CmpOp::Ne, value.__into_column().to_value())
    }
    // Ordering comparisons take the column type without its NULL: in SQL
    // `column < NULL` matches no row, so a `None` here is a mistake the
    // compiler reports. Each signature is one line, so that an unordered
    // column type's "required by this bound" is one line (`OrderedColumn`).
    /// `column < value` (rows where the column is NULL never match).
    #[rustfmt::skip]
    pub fn lt(self, value: impl Bound<T::NotNull, N>) -> Filter<M> where (): OrderedColumn<T> {
        self.cmp(CmpOp::Lt, value.__into_bound().to_value())
    }
    /// `column <= value` (rows where the column is NULL never match).
    #[rustfmt::skip]
    pub fn le(self, value: impl Bound<T::NotNull, N>) -> Filter<M> where (): OrderedColumn<T> {
        self.cmp(CmpOp::Le, value.__into_bound().to_value())
    }
    /// `column > value` (rows where the column is NULL never match).
    #[rustfmt::skip]
    pub fn gt(self, value: impl Bound<T::NotNull, N>) -> Filter<M> where (): OrderedColumn<T> {
        self.cmp(CmpOp::Gt, value.__into_bound().to_value())
    }
    /// `column >= value` (rows where the column is NULL never match).
    #[rustfmt::skip]
    pub fn ge(self, value: impl Bound<T::NotNull, N>) -> Filter<M> where (): OrderedColumn<T> {
        self.cmp(CmpOp::Ge, value.__into_bound().to_value())
    }

    /// `low <= column AND column <= high`, both ends included (Django's
    /// `range`); rows where the column is NULL never match.
    #[rustfmt::skip]
    pub fn between<L, H>(self, low: L, high: H) -> Filter<M> where (): OrderedColumn<T> + BoundPair<T::NotNull, N, L, H> {
        let column = self.column();
        let (low, high) = <() as BoundPair<T::NotNull, N, L, H>>::__into_bounds(low, high);
        let bound = |op, value: T::NotNull| Expr::Cmp { column: column.clone(), op, value: value.to_value() };
        Filter::new(Expr::And(vec![bound(CmpOp::Ge, low), bound(CmpOp::Le, high)]))
    }

    /// `column IN (...)`; an empty list matches no row. Takes any list of
    /// the column's values or references to them: a `Vec`, a slice, an
    /// array, `&ids`, an iterator. A `None` in the list is left out, as
    /// Django does: NULL equals nothing, in the list or out of it (and a
    /// negated `is_in` keeps the NULL rows either way, see `!`).
    #[rustfmt::skip]
    pub fn is_in<I>(self, values: I) -> Filter<M> where (): InList<T, N, I>, InItem<T, N, I>: Operand<T, N> {
        Filter::new(Expr::In {
            column: self.column(),
            values: <() as InList<T, N, I>>::__items(values)
                .map(|v| v.__into_column().to_value())
                .filter(|v| !v.is_null())
                .collect(),
        })
    }

    /// `column IS NULL`.
    pub fn is_null(self) -> Filter<M> {
        Filter::new(Expr::IsNull {
            column: self.column(),
            negated: false,
        })
    }

    /// `column IS NOT NULL`.
    pub fn is_not_null(self) -> Filter<M> {
        Filter::new(Expr::IsNull {
            column: self.column(),
            negated: true,
        })
    }

    /// `column LIKE pattern`, on text columns, with `%` and `_` wildcards
    /// (the pattern is bound). The operator is the database's own:
    /// SQLite's `LIKE` folds ASCII case (PostgreSQL's does not, MySQL's
    /// follows the column's collation) and reads a pattern only up to its
    /// first NUL. [`Col::contains`] and the other text matches mean the
    /// same on every backend.
    ///
    /// ```
    /// use related::prelude::*;
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Page { id: i64, slug: String, note: Option<String> }
    ///
    /// # fn main() -> related::Result<()> {
    /// let db = related::Sqlite::open_in_memory()?;
    /// db.create_tables(&[Page::info()])?;
    /// db.insert(&Page { id: 1, slug: "intro_2".into(), note: Some("draft".into()) })?;
    /// db.insert(&Page { id: 2, slug: "intro-3".into(), note: None })?;
    /// // `_` matches any one character; NULL matches no pattern.
    /// assert_eq!(Page::query().filter(Page::slug().like("intro_%")).count(&db)?, 2);
    /// assert_eq!(Page::query().filter(Page::note().like("%")).count(&db)?, 1);
    /// # Ok(()) }
    /// ```
    pub fn like(self, pattern: impl LikePattern<T, N>) -> Filter<M> {
        Filter::new(Expr::Cmp {
            column: self.column(),
            op: CmpOp::Like,
            value: Value::Text(pattern.__pattern()),
        })
    }

    /// The text column holds `needle` (Django's `contains`), taken
    /// literally: `%`, `_` and `*` are plain characters. Case-sensitive on
    /// every backend, as Rust's `str::contains` (SQLite compares the bytes
    /// with `instr`, MySQL with `LIKE BINARY`, PostgreSQL with `LIKE`). NULL never
    /// matches; an empty needle matches every other value.
    ///
    /// ```
    /// use related::prelude::*;
    ///
    /// #[derive(Clone, Debug, Model)]
    /// struct Page { id: i64, title: String }
    ///
    /// # fn main() -> related::Result<()> {
    /// let db = related::Sqlite::open_in_memory()?;
    /// db.create_tables(&[Page::info()])?;
    /// for (id, title) in [(1, "Rust at 100%"), (2, "rusty_tools"), (3, "Trust")] {
    ///     db.insert(&Page { id, title: title.into() })?;
    /// }
    /// let ids = |f| -> related::Result<Vec<i64>> {
    ///     let q = Page::query().filter(f).order_by(Page::id().asc());
    ///     Ok(q.all(&db)?.iter().map(|p| p.id).collect())
    /// };
    /// assert_eq!(ids(Page::title().contains("Rust"))?, [1]);
    /// assert_eq!(ids(Page::title().icontains("rust"))?, [1, 2, 3]);
    /// assert_eq!(ids(Page::title().contains("100%"))?, [1]);
    /// assert_eq!(ids(Page::title().starts_with("rusty_"))?, [2]);
    /// assert_eq!(ids(Page::title().iends_with("RUST"))?, [3]);
    /// assert_eq!(ids(Page::title().iexact("trust"))?, [3]);
    /// # Ok(()) }
    /// ```
    pub fn contains(self, needle: impl LikePattern<T, N>) -> Filter<M> {
        self.text(TextAt::Anywhere, false, needle)
    }

    /// [`Col::contains`] ignoring case (Django's `icontains`): both sides
    /// are compared in upper case, as Django's are (SQLite folds ASCII
    /// letters only).
    pub fn icontains(self, needle: impl LikePattern<T, N>) -> Filter<M> {
        self.text(TextAt::Anywhere, true, needle)
    }

    /// The text column starts with `needle` (Django's `startswith`), as
    /// [`Col::contains`]: literal and case-sensitive.
    pub fn starts_with(self, needle: impl LikePattern<T, N>) -> Filter<M> {
        self.text(TextAt::Start, false, needle)
    }

    /// [`Col::starts_with`] ignoring case (Django's `istartswith`).
    pub fn istarts_with(self, needle: impl LikePattern<T, N>) -> Filter<M> {
        self.text(TextAt::Start, true, needle)
    }

    /// The text column ends with `needle` (Django's `endswith`), as
    /// [`Col::contains`]: literal and case-sensitive.
    pub fn ends_with(self, needle: impl LikePattern<T, N>) -> Filter<M> {
        self.text(TextAt::End, false, needle)
    }

    /// [`Col::ends_with`] ignoring case (Django's `iendswith`).
    pub fn iends_with(self, needle: impl LikePattern<T, N>) -> Filter<M> {
        self.text(TextAt::End, true, needle)
    }

    /// The text column equals `value` ignoring case (Django's `iexact`),
    /// whatever the column's collation.
    pub fn iexact(self, value: impl LikePattern<T, N>) -> Filter<M> {
        self.text(TextAt::Whole, true, value)
    }

    fn text(self, at: TextAt, fold: bool, needle: impl LikePattern<T, N>) -> Filter<M> {
        Filter::new(Expr::Text {
            column: self.column(),
            at,
            fold,
            needle: needle.__pattern(),
        })
    }
}

/// The column types [`Col::like`], [`Col::contains`] and the other text
/// matches apply to: text (`String` and `Option<String>`).
pub trait Like: Column {}
impl Like for String {}
impl Like for Option<String> {}

/// What [`Col::like`] and the other text matches take: a `&str` or
/// `String`, for a text column. A trait of the column's type (and of its
/// marker `N`, which names the column in the error), so that `like` on
/// another column is one error saying so, not "no method named `like`".
#[diagnostic::on_unimplemented(
    message = "`{N}` column: a text match (`like`, `contains`, `starts_with`, ...) takes text for a text column, not `{Self}` for a `{T}` column",
    label = "a pattern for a `{T}` column",
    note = "text matches take a `&str` or `String`, on `String` and `Option<String>` columns; compare other columns with `.eq(..)`, `.lt(..)`, `.is_in(..)`"
)]
pub trait LikePattern<T, N = ()> {
    /// The pattern.
    #[doc(hidden)]
    fn __pattern(self) -> String;
}

#[diagnostic::do_not_recommend]
impl<T: Like, N> LikePattern<T, N> for &str {
    fn __pattern(self) -> String {
        self.to_owned()
    }
}

#[diagnostic::do_not_recommend]
impl<T: Like, N> LikePattern<T, N> for &String {
    fn __pattern(self) -> String {
        self.clone()
    }
}

#[diagnostic::do_not_recommend]
impl<T: Like, N> LikePattern<T, N> for String {
    fn __pattern(self) -> String {
        self
    }
}
