//! The sans-IO loader.
//!
//! May import `query`, `plan`, `observe`, `model` and `crate::error`.

pub(crate) mod loader;
