//! The sans-IO loader: `Load` hands out the statements of a query one at a
//! time and takes their rows back, then returns the stitched models. It
//! sends nothing itself.
//!
//! Imports `query`, `plan`, `observe`, `model` and `crate::error`; never
//! `exec`.

pub(crate) mod loader;
