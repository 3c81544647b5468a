//! Models and relations: what `#[derive(Model)]` records about a struct,
//! the relation traits and field types, column types and values.
//!
//! The ground floor: it imports nothing of the crate but `crate::error`.

pub(crate) mod column;
pub(crate) mod fields;
pub(crate) mod relation;
pub(crate) mod table;
pub(crate) mod typed;
pub(crate) mod types;
pub(crate) mod value;
