//! Scalar column types: how a Rust field type decodes from a result row and
//! encodes to a bind parameter.

use std::fmt;
use std::hash::Hash;

use crate::value::{SqlDate, SqlTime, SqlTimestamp, SqlType, Value};

/// Why one cell of a result row could not become the field's type.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum CellError {
    #[error(
        "NULL in a column that is not nullable (declare the field as `Option<_>` if NULL is allowed)"
    )]
    UnexpectedNull,
    #[error("expected {expected}, found {found}")]
    WrongType {
        expected: &'static str,
        found: String,
    },
    #[error("value {value} does not fit in {expected}")]
    OutOfRange {
        value: String,
        expected: &'static str,
    },
    #[error("column index {0} is out of range for this row")]
    NoSuchColumn(usize),
    /// A row read by column name (`raw`) has no column of that name, or
    /// more than one.
    #[error("{0}")]
    NotInResult(String),
    #[error("{0}")]
    Driver(String),
}

/// One row of a result set, as a backend hands it to the loader. Getters are
/// type-directed because PostgreSQL and MySQL rows only decode into a type
/// their driver accepts for the column.
pub trait RawRow {
    /// The number of columns in the row (0 where the backend cannot say).
    fn column_count(&self) -> usize {
        0
    }
    /// The name of column `idx` as the result set labels it, where the
    /// backend knows it. `raw` matches a model's columns by these names.
    fn column_name(&self, idx: usize) -> Option<&str> {
        let _ = idx;
        None
    }
    fn is_null(&self, idx: usize) -> Result<bool, CellError>;
    fn get_bool(&self, idx: usize) -> Result<Option<bool>, CellError>;
    fn get_i16(&self, idx: usize) -> Result<Option<i16>, CellError>;
    fn get_i32(&self, idx: usize) -> Result<Option<i32>, CellError>;
    fn get_i64(&self, idx: usize) -> Result<Option<i64>, CellError>;
    fn get_f32(&self, idx: usize) -> Result<Option<f32>, CellError>;
    fn get_f64(&self, idx: usize) -> Result<Option<f64>, CellError>;
    fn get_string(&self, idx: usize) -> Result<Option<String>, CellError>;
    fn get_bytes(&self, idx: usize) -> Result<Option<Vec<u8>>, CellError>;

    // No default bodies: a row type (or an adapter over one) that forgets
    // a getter must not compile, rather than fail on the first such cell.

    /// A `DATE` cell.
    fn get_date(&self, idx: usize) -> Result<Option<SqlDate>, CellError>;
    /// A time-of-day cell (`TIME`).
    fn get_time(&self, idx: usize) -> Result<Option<SqlTime>, CellError>;
    /// A date-and-time cell without zone (`TIMESTAMP`, `DATETIME`).
    fn get_timestamp(&self, idx: usize) -> Result<Option<SqlTimestamp>, CellError>;
    /// An instant, returned in UTC (`TIMESTAMPTZ`; elsewhere stored in UTC).
    fn get_timestamptz(&self, idx: usize) -> Result<Option<SqlTimestamp>, CellError>;
    /// A UUID cell (`UUID`, or its hyphenated text where there is no UUID
    /// type).
    fn get_uuid(&self, idx: usize) -> Result<Option<[u8; 16]>, CellError>;
    /// An exact decimal cell as plain text (`NUMERIC`, `DECIMAL`).
    fn get_decimal(&self, idx: usize) -> Result<Option<String>, CellError>;
    /// A JSON document as text (`JSONB`, `JSON`, or text).
    fn get_json(&self, idx: usize) -> Result<Option<String>, CellError>;
}

/// A Rust type stored in one column.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a supported column type",
    label = "unsupported column type",
    note = "columns are bool, i8, i16, i32, i64, u8, u16, u32, f32, f64, String, Vec<u8>; with cargo features, chrono and time dates and times, uuid::Uuid, rust_decimal::Decimal, serde_json::Value and related::Json<T>; a type with `#[derive(related::Column)]`; or Option<_> of one of them",
    note = "u64 is not a column type: SQLite and PostgreSQL have no unsigned 64-bit integer (use i64, or rust_decimal::Decimal)",
    note = "relations are ForeignKey<T>, OneToOne<T>, ManyToMany<T>, Reverse<T>, ReverseOne<T>"
)]
pub trait Column: Sized + Clone + Send + Sync + 'static {
    /// The type without its NULL: `T` for both `T` and `Option<T>`. Ordering
    /// comparisons (`lt`, `le`, `gt`, `ge`) take this type, so comparing
    /// with NULL (which SQL never finds true) does not compile.
    type NotNull: Column;
    const SQL_TYPE: SqlType;
    const NULLABLE: bool = false;
    fn decode(row: &dyn RawRow, idx: usize) -> Result<Self, CellError>;
    fn to_value(&self) -> Value;
}

/// A column type usable as a primary key or a key of a relation: hashable for
/// stitching, never NULL.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a primary key",
    label = "not a key type",
    note = "keys are integers, String, Vec<u8>, dates and times, uuid::Uuid, rust_decimal::Decimal, or a `#[derive(related::Column)]` type over one of them; not floats, bool or JSON"
)]
pub trait Key: Column + Hash + Eq + Ord + fmt::Debug {
    /// Whether every database compares two keys of this type exactly as
    /// Rust's `==` does. Integers and bytes do; text does not: a column's
    /// collation may fold case (`'fr' = 'FR'`) or trailing blanks
    /// (`'fr ' = 'fr'`). Prefetch statements over keys that are not exact
    /// let the database match them and return the key each row matched.
    /// A key type whose equality a collation may change must say `false`.
    const EXACT_EQUALITY: bool = true;
}

/// A column type whose values the database orders as Rust does, so that
/// `lt`, `le`, `gt` and `ge` filters mean what they say. JSON documents,
/// and types whose SQL order differs from their Rust order, are not.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no ordering comparison in SQL",
    label = "`lt`, `le`, `gt` and `ge` need an ordered column type",
    note = "ordering filters need a type whose SQL order is its Rust order: JSON documents and enums stored as text compare only with `eq`, `ne`, `is_in` and `is_null`"
)]
pub trait Ordered: Column {}

macro_rules! scalar {
    ($t:ty, $sql:ident, $get:ident, $variant:ident, $conv:ty) => {
        // Hidden from diagnostics: `Column`'s note lists the column types;
        // rustc's list of impls would repeat part of it.
        #[diagnostic::do_not_recommend]
        impl Column for $t {
            type NotNull = $t;
            const SQL_TYPE: SqlType = SqlType::$sql;
            #[inline]
            fn decode(row: &dyn RawRow, idx: usize) -> Result<Self, CellError> {
                row.$get(idx)?.ok_or(CellError::UnexpectedNull)
            }
            #[inline]
            fn to_value(&self) -> Value {
                Value::$variant(<$conv>::from(self.clone()))
            }
        }
        // Hidden from diagnostics: `Column`'s note lists the column types;
        // rustc's list of impls would repeat part of it.
        #[diagnostic::do_not_recommend]
        impl Column for Option<$t> {
            type NotNull = $t;
            const SQL_TYPE: SqlType = SqlType::$sql;
            const NULLABLE: bool = true;
            #[inline]
            fn decode(row: &dyn RawRow, idx: usize) -> Result<Self, CellError> {
                row.$get(idx)
            }
            #[inline]
            fn to_value(&self) -> Value {
                match self {
                    Some(v) => Value::$variant(<$conv>::from(v.clone())),
                    None => Value::Null,
                }
            }
        }
    };
}

scalar!(bool, Bool, get_bool, Bool, bool);
scalar!(i16, I16, get_i16, I64, i64);
scalar!(i32, I32, get_i32, I64, i64);
scalar!(i64, I64, get_i64, I64, i64);
scalar!(f32, F32, get_f32, F64, f64);
scalar!(f64, F64, get_f64, F64, f64);
scalar!(String, Text, get_string, Text, String);
scalar!(Vec<u8>, Bytes, get_bytes, Bytes, Vec<u8>);

impl Key for i16 {}
impl Key for i32 {}
impl Key for i64 {}
impl Key for String {
    const EXACT_EQUALITY: bool = false;
}
impl Key for Vec<u8> {}

/// `Ordered` for a type and its `Option`.
macro_rules! ordered {
    ($($t:ty),* $(,)?) => {
        $(
            impl $crate::column::Ordered for $t {}
            impl $crate::column::Ordered for Option<$t> {}
        )*
    };
}
pub(crate) use ordered;

ordered!(bool, i16, i32, i64, f32, f64, String, Vec<u8>);

/// Narrow an integer read as i64 (SQLite stores every integer as i64).
#[cfg_attr(
    not(any(feature = "sqlite", feature = "postgres", feature = "mysql")),
    allow(dead_code)
)]
pub(crate) fn narrow<T: TryFrom<i64>>(v: i64, expected: &'static str) -> Result<T, CellError> {
    T::try_from(v).map_err(|_| CellError::OutOfRange {
        value: v.to_string(),
        expected,
    })
}

/// Narrow a float read as f64 to f32. Rounding is what a narrower float
/// means, but a finite value beyond f32's range would become infinity: that
/// is an error, as an out-of-range integer is.
#[cfg_attr(
    not(any(feature = "sqlite", feature = "postgres", feature = "mysql")),
    allow(dead_code)
)]
pub(crate) fn narrow_f32(v: f64) -> Result<f32, CellError> {
    let narrowed = v as f32;
    if narrowed.is_infinite() && v.is_finite() {
        return Err(CellError::OutOfRange {
            value: v.to_string(),
            expected: "f32",
        });
    }
    Ok(narrowed)
}
