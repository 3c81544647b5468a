//! Watching statements.
//!
//! May import `model` and `crate::error`.

pub(crate) mod budget;
pub(crate) mod log;
pub mod n_plus_one;
pub(crate) mod shape;
