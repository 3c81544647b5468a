//! Models and relations: the `Model` and `Relation` traits and what the
//! derive records about a struct (`table`, `relation`), the relation field
//! types (`fields`) and the ways they are not read (`misread`), the loaded
//! set of a typed row (`typed`), and column types and values (`column`,
//! `value`, `types`).
//!
//! The ground floor of the runtime: it imports `crate::error` and nothing
//! else of the crate.

pub(crate) mod column;
pub(crate) mod fields;
pub(crate) mod misread;
pub(crate) mod relation;
pub(crate) mod table;
pub(crate) mod typed;
pub(crate) mod types;
pub(crate) mod value;
