//! Column types beyond the built-in scalars: narrow and unsigned integers,
//! and, each behind the cargo feature named after its crate, dates and
//! times (`chrono`, `time`), `uuid`, `rust_decimal` and `serde_json`.
//!
//! Backends see crate-independent forms ([`temporal`], 16 UUID bytes,
//! decimal and JSON text), so a backend encodes each kind once and a model
//! that uses none of these types pays nothing for them.

mod durations;
mod ints;
pub(crate) mod stored;
// Each backend uses its own subset of the text forms and parsers.
#[cfg_attr(
    not(all(feature = "sqlite", feature = "postgres", feature = "mysql")),
    allow(dead_code)
)]
pub(crate) mod temporal;
#[cfg_attr(
    not(all(feature = "sqlite", feature = "postgres", feature = "mysql")),
    allow(dead_code)
)]
pub(crate) mod text;

#[cfg(feature = "chrono")]
mod with_chrono;
#[cfg(feature = "rust_decimal")]
mod with_decimal;
#[cfg(feature = "serde_json")]
mod with_json;
#[cfg(feature = "time")]
mod with_time;
#[cfg(feature = "uuid")]
mod with_uuid;

#[cfg(feature = "serde_json")]
pub use with_json::Json;

/// `Column` for a type and its `Option`, through a getter of [`RawRow`]
/// and a `Value` variant: `$from` turns the getter's form into the type
/// (an error for a value the type cannot hold), `$to` the reverse.
///
/// [`RawRow`]: crate::RawRow
#[allow(unused_macros)]
macro_rules! column_via {
    ($t:ty, $sql:ident, $get:ident, $variant:ident, $to:expr, $from:expr) => {
        // Hidden from diagnostics: `Column`'s note lists the column types;
        // rustc's list of impls would repeat part of it.
        #[diagnostic::do_not_recommend]
        impl $crate::model::column::Column for $t {
            type NotNull = $t;
            const SQL_TYPE: $crate::model::value::SqlType = $crate::model::value::SqlType::$sql;
            fn decode(
                row: &dyn $crate::model::column::RawRow,
                idx: usize,
            ) -> Result<Self, $crate::error::CellError> {
                let raw = $crate::model::column::required(row.$get(idx)?)?;
                ($from)(raw)
            }
            fn to_value(&self) -> $crate::model::value::Value {
                $crate::model::value::Value::$variant(($to)(self))
            }
        }
        // Hidden from diagnostics: `Column`'s note lists the column types;
        // rustc's list of impls would repeat part of it.
        #[diagnostic::do_not_recommend]
        impl $crate::model::column::Column for Option<$t> {
            type NotNull = $t;
            const SQL_TYPE: $crate::model::value::SqlType = $crate::model::value::SqlType::$sql;
            const NULLABLE: bool = true;
            fn decode(
                row: &dyn $crate::model::column::RawRow,
                idx: usize,
            ) -> Result<Self, $crate::error::CellError> {
                row.$get(idx)?.map($from).transpose()
            }
            fn to_value(&self) -> $crate::model::value::Value {
                match self {
                    Some(v) => $crate::model::value::Value::$variant(($to)(v)),
                    None => $crate::model::value::Value::Null,
                }
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use column_via;

/// A value the Rust type cannot hold (a date past its range, a leap second
/// in a type without them).
#[allow(dead_code)]
#[cold]
pub(crate) fn out_of_range(
    value: impl std::fmt::Display,
    expected: &'static str,
) -> crate::error::CellError {
    crate::error::CellError::OutOfRange {
        value: value.to_string(),
        expected,
    }
}
