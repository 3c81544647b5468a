//! User column types: `#[derive(related::Column)]` implements [`StoredAs`]
//! for a newtype over a column type or a fieldless enum stored as text or
//! as an integer, and `Column` for the type; this module gives their
//! `Option`s the same column.

use crate::error::CellError;
use crate::model::column::{Column, Ordered, RawRow};
use crate::model::value::{SqlType, Value};

/// A type stored as another column type (`Repr`, never an `Option`).
/// Implemented by `#[derive(related::Column)]` (more in the example at
/// [`Column`]).
///
/// ```
/// use related::{CellError, StoredAs};
///
/// #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, related::Column)]
/// #[related(rename_all = "kebab-case")]
/// enum Size { Small, ExtraLarge }
///
/// assert_eq!(Size::ExtraLarge.to_repr(), "extra-large");
/// assert_eq!(Size::from_repr("small".to_owned()), Ok(Size::Small));
/// // A text with no variant: an error, which a load reports as `Error::Decode`.
/// assert!(matches!(Size::from_repr("huge".to_owned()), Err(CellError::WrongType { .. })));
/// ```
#[diagnostic::on_unimplemented(
    message = "`Option<{Self}>` is not a supported column type",
    label = "unsupported column type",
    note = "an `Option` is a column when what it holds is one: see the note of `related::Column` for the column types"
)]
pub trait StoredAs: Column {
    /// The column type it is stored as.
    type Repr: Column;
    /// The value of a stored representation: an error for one that names
    /// no value (an enum's text with no variant).
    fn from_repr(repr: Self::Repr) -> Result<Self, CellError>;
    /// The stored representation.
    fn to_repr(&self) -> Self::Repr;
    /// A NULL-able cell (`<Option<Self::Repr> as Column>::decode`, mapped):
    /// written by the derive, which knows `Repr`, so that the `Option`
    /// impl below needs no bound on `Option<Repr>` (which the compiler
    /// would chase forever for a type that is no column at all).
    fn decode_option(row: &dyn RawRow, idx: usize) -> Result<Option<Self>, CellError>;
}

// Hidden from diagnostics, like every `Column` impl: the trait's note
// lists the column types.
#[diagnostic::do_not_recommend]
impl<T: StoredAs> Column for Option<T> {
    type NotNull = T;
    const SQL_TYPE: SqlType = T::SQL_TYPE;
    const NULLABLE: bool = true;
    fn decode(row: &dyn RawRow, idx: usize) -> Result<Self, CellError> {
        T::decode_option(row, idx)
    }
    fn to_value(&self) -> Value {
        match self {
            Some(v) => v.to_value(),
            None => Value::Null,
        }
    }
}

/// A derived column type that is [`Ordered`], so that its `Option` is.
/// Implemented by `#[derive(related::Column)]` where it implements
/// `Ordered`; a trait of its own so that a type without order gets an
/// error about order, not about column types.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`Option<{Self}>` has no ordering comparison in SQL",
    label = "`lt`, `le`, `gt` and `ge` need an ordered column type",
    note = "ordering filters need a type whose SQL order is its Rust order: JSON documents and enums stored as text compare only with `eq`, `ne`, `is_in` and `is_null`"
)]
pub trait OrderedStored: Ordered + StoredAs {}

#[diagnostic::do_not_recommend]
impl<T: OrderedStored> Ordered for Option<T> {}
