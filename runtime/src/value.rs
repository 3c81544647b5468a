//! Values that travel to the database as bind parameters, and the SQL types of
//! columns.

/// A bind parameter. Every value a query sends is one of these: no value is
/// ever spliced into SQL text.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    I64(i64),
    F64(f64),
    Text(String),
    Bytes(Vec<u8>),
    /// A whole key list bound as ONE parameter (SQLite `rarray`, PostgreSQL
    /// arrays). Only the planner produces it.
    List(Vec<Value>),
}

/// The storage type of a column, used for DDL and for type-directed decoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SqlType {
    Bool,
    I16,
    I32,
    I64,
    F32,
    F64,
    Text,
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
    /// The number of bind slots this value takes in a rendered statement.
    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}
