//! The values a filter compares a column with.
//!
//! Filters take these traits rather than `Into<T>`: `Into` has several
//! source types for every integer, so an integer literal could not pick one
//! and fell back to `i32` (`rating().ge(4)` on an `i16` column did not
//! compile). Each impl below names its column type exactly, so a literal
//! infers the column's type, `&str` compares with text columns, and a
//! reference compares like the value (`is_in(&ids)`).

use crate::model::column::Column;

/// Never a value: the second impl of the argument traits (`FilterArg`,
/// `OrderArg`, `ColumnOf`, `AnyFilter`, and `Bound` for `&str`), so that
/// rustc does not infer what the argument must be from a single impl (which
/// turned another model's filter into "mismatched types"). Here, where no
/// query module is imported, so that each of them can name it.
#[doc(hidden)]
pub enum NoArg {}

/// A value that `eq`, `ne` and `is_in` compare a column of type `T` with
/// (`N` is the column's marker, which only names it in errors):
/// a `T`, a reference to one, the inner value of a nullable column, or `&str`
/// for text.
#[diagnostic::on_unimplemented(
    message = "a `{Self}` cannot be compared with the `{N}` column, a `{T}`",
    label = "this value is not a `{T}`",
    note = "a filter takes the column's own type (`{T}`), a reference to it, or `&str` for text; convert other values first (`i64::from(x)`, `x.try_into()?`, `opt.map(String::from)` for an `Option<&str>`; `{T}(x)` where the column is a newtype); where a row stands for its key, pass the key (`row.id`, a relation field's `post.author.key()`; `rows.iter().map(|r| r.id)` for a list); NULL is tested with `.is_null()` / `.is_not_null()`; comparing two columns (Django's `F()`) is SQL of yours (`db.raw`)"
)]
pub trait Operand<T, N = ()> {
    /// The value as the column's type.
    #[doc(hidden)]
    fn __into_column(self) -> T;
}

/// A value that `lt`, `le`, `gt` and `ge` compare a column of type `T` with
/// (`N` names the column in errors)
/// (`T` is the column type without its `Option`): never `None`, because SQL
/// `column < NULL` matches no row.
#[diagnostic::on_unimplemented(
    message = "a `{Self}` cannot bound an ordering comparison of the `{N}` column, a `{T}` (a `None` bound matches no row: use `.is_null()` or `.eq(None)`)",
    label = "`lt`, `le`, `gt` and `ge` take a `{T}`",
    note = "in SQL `column < NULL` is never true; pass a `{T}`, a reference to one, or `&str` for text; a column is not a value here: comparing two columns (Django's `F()`) is SQL of yours (`db.raw`)"
)]
pub trait Bound<T, N = ()> {
    /// The value as the column's type.
    #[doc(hidden)]
    fn __into_bound(self) -> T;
}

/// The two ends [`Col::between`](crate::Col::between) takes, `L` and `H`,
/// as one bound: two ends of the wrong type are one error, not one per end.
/// Stated on `()`, as `FilterArg` is, so that rustc lists no other impl.
#[diagnostic::on_unimplemented(
    message = "`between` on the `{N}` column, a `{T}`, takes two `{T}` values, not `{L}` and `{H}`",
    label = "`between(low, high)` takes two `{T}` (or references to them; `&str` for text)",
    note = "both ends are included; neither may be `None`, since in SQL `column >= NULL` is never true"
)]
pub trait BoundPair<T, N, L, H> {
    /// Both ends as the column's type.
    #[doc(hidden)]
    fn __into_bounds(low: L, high: H) -> (T, T);
}

#[diagnostic::do_not_recommend]
impl<T, N, L: Bound<T, N>, H: Bound<T, N>> BoundPair<T, N, L, H> for () {
    fn __into_bounds(low: L, high: H) -> (T, T) {
        (low.__into_bound(), high.__into_bound())
    }
}

/// The list [`Col::is_in`](crate::Col::is_in) takes, `I`: anything that
/// iterates (a `Vec`, a slice, an array, a reference to one, an iterator),
/// its items checked as [`Operand`]s. Stated on `()`, as `BoundPair` is, so
/// that one value where a list goes is one error naming `is_in` and `eq`,
/// not rustc's "is not an iterator" with its note on ranges.
#[diagnostic::on_unimplemented(
    message = "`is_in` on the `{N}` column takes a list of `{T}` values, not `{I}`",
    label = "`is_in` takes a list (`[a, b]`, `&ids`, `ids.iter()`); one value compares with `.eq(value)`",
    note = "any `IntoIterator` of the column's values, or references to them, is a list; an empty list matches no row"
)]
pub trait InList<T, N, I> {
    /// The list's items.
    type Item;
    /// The list as an iterator.
    #[doc(hidden)]
    fn __items(list: I) -> impl Iterator<Item = Self::Item>;
}

#[diagnostic::do_not_recommend]
impl<T, N, I: IntoIterator> InList<T, N, I> for () {
    type Item = I::Item;
    #[inline]
    fn __items(list: I) -> impl Iterator<Item = I::Item> {
        list.into_iter()
    }
}

/// The items of `is_in`'s list `I`.
pub type InItem<T, N, I> = <() as InList<T, N, I>>::Item;

// Hidden from diagnostics: the trait's own message says what a filter
// takes; a list of these impls would only add noise.
#[diagnostic::do_not_recommend]
impl<T: Column, N> Operand<T, N> for T {
    fn __into_column(self) -> T {
        self
    }
}

// Hidden from diagnostics: the trait's own message says what a filter
// takes; a list of these impls would only add noise.
#[diagnostic::do_not_recommend]
impl<T: Column, N> Operand<Option<T>, N> for T {
    fn __into_column(self) -> Option<T> {
        Some(self)
    }
}

// Hidden from diagnostics: the trait's own message says what a filter
// takes; a list of these impls would only add noise.
#[diagnostic::do_not_recommend]
impl<T: Column, N> Operand<T, N> for &T {
    fn __into_column(self) -> T {
        self.clone()
    }
}

// Hidden from diagnostics: the trait's own message says what a filter
// takes; a list of these impls would only add noise.
#[diagnostic::do_not_recommend]
impl<T: Column, N> Operand<Option<T>, N> for &T {
    fn __into_column(self) -> Option<T> {
        Some(self.clone())
    }
}

// Hidden from diagnostics: the trait's own message says what a filter
// takes; a list of these impls would only add noise.
#[diagnostic::do_not_recommend]
impl<N> Operand<String, N> for &str {
    fn __into_column(self) -> String {
        self.to_owned()
    }
}

// Hidden from diagnostics: the trait's own message says what a filter
// takes; a list of these impls would only add noise.
#[diagnostic::do_not_recommend]
impl<N> Operand<Option<String>, N> for &str {
    fn __into_column(self) -> Option<String> {
        Some(self.to_owned())
    }
}

// `["a", "b"].iter()` yields `&&str`.
// Hidden from diagnostics: the trait's own message says what a filter
// takes; a list of these impls would only add noise.
#[diagnostic::do_not_recommend]
impl<N> Operand<String, N> for &&str {
    fn __into_column(self) -> String {
        (*self).to_owned()
    }
}

// Hidden from diagnostics: the trait's own message says what a filter
// takes; a list of these impls would only add noise.
#[diagnostic::do_not_recommend]
impl<N> Operand<Option<String>, N> for &&str {
    fn __into_column(self) -> Option<String> {
        Some((*self).to_owned())
    }
}

// No impl for `Option<&T>` or `Option<&str>`: a second impl for an
// `Option` would make `eq(None)` ambiguous. The note names the conversion.

// Hidden from diagnostics: the trait's own message says what a filter
// takes; a list of these impls would only add noise.
#[diagnostic::do_not_recommend]
impl<T: Column, N> Bound<T, N> for T {
    fn __into_bound(self) -> T {
        self
    }
}

// Hidden from diagnostics: the trait's own message says what a filter
// takes; a list of these impls would only add noise.
#[diagnostic::do_not_recommend]
impl<T: Column, N> Bound<T, N> for &T {
    fn __into_bound(self) -> T {
        self.clone()
    }
}

// Hidden from diagnostics: the trait's own message says what a filter
// takes; a list of these impls would only add noise.
#[diagnostic::do_not_recommend]
impl<N> Bound<String, N> for &str {
    fn __into_bound(self) -> String {
        self.to_owned()
    }
}

/// Never a bound: a second impl for `&str`, so that a `&str` on a column
/// of another type is the trait's own message alone (with one impl, rustc
/// added six lines pointing at `Bound<String, _> for &str`).
#[diagnostic::do_not_recommend]
impl<N> Bound<NoArg, N> for &str {
    fn __into_bound(self) -> NoArg {
        // `lt`/`le`/`gt`/`ge` ask for `Bound<T::NotNull, _>` of a column
        // type, and `NoArg` is none: this is never called.
        unreachable!("no column has the type `NoArg`")
    }
}
