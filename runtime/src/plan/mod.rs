//! Planning and SQL: the untyped pieces a query is made of and how they
//! become statements. The SQL writer and dialects (`sql`), the condition
//! tree (`condition`) and its JOINs and `EXISTS` (`across`), the JOIN tree
//! of `select_related` (`join`), the one SELECT every statement takes
//! (`select`), DDL and inserts (`schema`), the one-statement check
//! (`sql_text`), the spellings of one stored value (`spellings`).
//!
//! Imports `model` and `crate::error` only: the typed builder above
//! assembles these pieces, and nothing here knows it.

pub(crate) mod across;
pub(crate) mod condition;
pub(crate) mod join;
pub mod schema;
pub(crate) mod select;
pub(crate) mod spellings;
pub(crate) mod sql;
// Used by every executor; a build with none (no default features) has no use for it.
#[cfg_attr(not(any(feature = "sqlite", feature = "tokio")), allow(dead_code))]
pub(crate) mod sql_text;
