//! User column types: `#[derive(related::Column)]` implements [`StoredAs`]
//! for a newtype over a column type or a fieldless enum stored as text or
//! as an integer, and `Column` for the type; this module gives their
//! `Option`s the same column.

use crate::column::{CellError, Column, Ordered, RawRow};
use crate::value::{SqlType, Value};

/// A type stored as another column type (`Repr`, never an `Option`).
/// Implemented by `#[derive(related::Column)]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `#[derive(related::Column)]` type",
    label = "not a derived column type"
)]
pub trait StoredAs: Column {
    /// The column type it is stored as.
    type Repr: Column;
    /// The value of a stored representation: an error for one that names
    /// no value (an enum's text with no variant).
    fn from_repr(repr: Self::Repr) -> Result<Self, CellError>;
    /// The stored representation.
    fn to_repr(&self) -> Self::Repr;
}

impl<T> Column for Option<T>
where
    T: StoredAs,
    Option<T::Repr>: Column,
{
    const SQL_TYPE: SqlType = T::SQL_TYPE;
    const NULLABLE: bool = true;
    fn decode(row: &dyn RawRow, idx: usize) -> Result<Self, CellError> {
        <Option<T::Repr> as Column>::decode(row, idx)?
            .map(T::from_repr)
            .transpose()
    }
    fn to_value(&self) -> Value {
        match self {
            Some(v) => v.to_value(),
            None => Value::Null,
        }
    }
}

impl<T> Ordered for Option<T>
where
    T: StoredAs + Ordered,
    Option<T::Repr>: Column,
{
}
