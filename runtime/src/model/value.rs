//! Values that travel to the database as bind parameters, and the SQL types of
//! columns.

pub use crate::model::types::temporal::{SqlDate, SqlDuration, SqlTime, SqlTimestamp};

/// A bind parameter. Every value a query sends is one of these: no value is
/// ever spliced into SQL text.
///
/// ```
/// use related::{Sqlite, Value};
///
/// # fn main() -> related::Result<()> {
/// let db = Sqlite::open_in_memory()?;
/// db.execute("CREATE TABLE t (name TEXT, n INTEGER)", &[])?;
/// let changed = db.execute(
///     "INSERT INTO t VALUES (?, ?)",
///     &[Value::Text("it's".into()), Value::I64(3)],
/// )?;
/// assert_eq!(changed, 1);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// SQL NULL.
    Null,
    /// A boolean (an integer 0/1 on SQLite and MySQL).
    Bool(bool),
    /// Any integer column (`i16`, `i32` and `i64` fields).
    I64(i64),
    /// Any floating-point column (`f32` and `f64` fields).
    F64(f64),
    /// A text column.
    Text(String),
    /// A binary column.
    Bytes(Vec<u8>),
    /// A calendar date (`chrono::NaiveDate`, `time::Date`).
    Date(SqlDate),
    /// A time of day (`chrono::NaiveTime`, `time::Time`).
    Time(SqlTime),
    /// A date and time without zone (`chrono::NaiveDateTime`,
    /// `time::PrimitiveDateTime`).
    Timestamp(SqlTimestamp),
    /// An instant, in UTC (`chrono::DateTime`, `time::OffsetDateTime`).
    TimestampTz(SqlTimestamp),
    /// A length of time (`std::time::Duration`, `chrono::TimeDelta`,
    /// `time::Duration`).
    Duration(SqlDuration),
    /// A UUID's 16 bytes.
    Uuid([u8; 16]),
    /// An exact decimal number in plain text (`-12.50`, no exponent).
    Decimal(String),
    /// A JSON document, serialized.
    Json(String),
    /// A whole key list bound as ONE parameter (SQLite `rarray`, PostgreSQL
    /// arrays). Only the planner produces it.
    List(Vec<Value>),
}

/// The storage type of a column, used for DDL and for type-directed decoding.
///
/// ```
/// use related::prelude::*;
/// use related::SqlType;
///
/// #[derive(Clone, Debug, Model)]
/// struct Item { id: i64, price: f64, note: Option<String> }
///
/// let columns = Item::info().columns;
/// assert_eq!(columns[1].sql_type, SqlType::F64);
/// assert_eq!(columns[2].sql_type.name(), "text");
/// assert!(columns[2].nullable);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SqlType {
    /// `bool`.
    Bool,
    /// `i16`.
    I16,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f32`.
    F32,
    /// `f64`.
    F64,
    /// `String`.
    Text,
    /// `Vec<u8>`.
    Bytes,
    /// `i8`.
    I8,
    /// `u8`.
    U8,
    /// `u16`.
    U16,
    /// `u32`.
    U32,
    /// A date (`chrono::NaiveDate`, `time::Date`).
    Date,
    /// A time of day (`chrono::NaiveTime`, `time::Time`).
    Time,
    /// A date and time without zone (`chrono::NaiveDateTime`,
    /// `time::PrimitiveDateTime`).
    Timestamp,
    /// An instant (`chrono::DateTime<Utc>`, `time::OffsetDateTime`).
    TimestampTz,
    /// A length of time (`std::time::Duration`, `chrono::TimeDelta`,
    /// `time::Duration`).
    Duration,
    /// `uuid::Uuid`.
    Uuid,
    /// `rust_decimal::Decimal`.
    Decimal,
    /// A JSON document (`serde_json::Value`, `Json<T>`).
    Json,
}

impl SqlType {
    /// A short name for error messages.
    pub fn name(self) -> &'static str {
        match self {
            SqlType::Bool => "bool",
            SqlType::I16 => "i16",
            SqlType::I32 => "i32",
            SqlType::I64 => "i64",
            SqlType::F32 => "f32",
            SqlType::F64 => "f64",
            SqlType::Text => "text",
            SqlType::Bytes => "bytes",
            SqlType::I8 => "i8",
            SqlType::U8 => "u8",
            SqlType::U16 => "u16",
            SqlType::U32 => "u32",
            SqlType::Date => "date",
            SqlType::Time => "time",
            SqlType::Timestamp => "timestamp",
            SqlType::TimestampTz => "timestamp with time zone",
            SqlType::Duration => "duration",
            SqlType::Uuid => "uuid",
            SqlType::Decimal => "decimal",
            SqlType::Json => "json",
        }
    }
}

impl Value {
    /// Whether this is SQL NULL.
    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_kinds_keep_value_small() {
        // Every bind parameter is a `Value`: the date, UUID and decimal
        // kinds must not make the common ones (i64, text) bigger to move.
        assert_eq!(std::mem::size_of::<Value>(), 32);
    }
}
