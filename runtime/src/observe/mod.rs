//! Watching the statements a program sends: the statement log (`log`), N+1
//! detection (`n_plus_one`, with the statement shapes of `shape`) and
//! statement budgets (`budget`).
//!
//! Imports `model` and `crate::error` only, so the loader and every executor
//! can report to it.

pub(crate) mod budget;
pub(crate) mod log;
pub mod n_plus_one;
pub(crate) mod shape;
