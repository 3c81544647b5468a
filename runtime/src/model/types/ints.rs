//! The narrow and unsigned integers: read as a 64-bit integer, narrowed with
//! a range check, bound as one. `u64` is deliberately not a column type:
//! SQLite and PostgreSQL have no unsigned 64-bit integer, so half its range
//! could not be stored on two of the three backends.

use crate::error::CellError;
use crate::model::column::{Column, Key, RawRow, narrow, ordered};
use crate::model::value::{SqlType, Value};

macro_rules! narrow_int {
    ($($t:ty => $sql:ident),* $(,)?) => {
        $(
            // Hidden from diagnostics: `Column`'s note lists the column types;
            // rustc's list of impls would repeat part of it.
            #[diagnostic::do_not_recommend]
            impl Column for $t {
                type NotNull = $t;
                const SQL_TYPE: SqlType = SqlType::$sql;
                #[inline]
                fn decode(row: &dyn RawRow, idx: usize) -> Result<Self, CellError> {
                    let v = crate::model::column::required(row.get_i64(idx)?)?;
                    narrow(v, stringify!($t))
                }
                #[inline]
                fn to_value(&self) -> Value {
                    Value::I64(i64::from(*self))
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
                    row.get_i64(idx)?.map(|v| narrow(v, stringify!($t))).transpose()
                }
                #[inline]
                fn to_value(&self) -> Value {
                    self.map_or(Value::Null, |v| Value::I64(i64::from(v)))
                }
            }
            #[diagnostic::do_not_recommend]
            impl Key for $t {}
            ordered!($t);
        )*
    };
}

narrow_int!(i8 => I8, u8 => U8, u16 => U16, u32 => U32);
