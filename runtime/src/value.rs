//! Values that travel to the database as bind parameters, and the SQL types of
//! columns.

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
        }
    }
}

impl Value {
    /// Whether this is SQL NULL.
    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}
