//! Planning and SQL.
//!
//! May import `model` and `crate::error`.

pub(crate) mod across;
pub(crate) mod condition;
pub(crate) mod join;
pub mod schema;
pub(crate) mod select;
pub(crate) mod sql;
// Used by every executor; a build with none (no default features) has no use for it.
#[cfg_attr(not(any(feature = "sqlite", feature = "tokio")), allow(dead_code))]
pub(crate) mod sql_text;
