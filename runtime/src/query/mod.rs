//! Query building: the typed API a user writes.
//!
//! May import `model`, `plan` and `crate::error`.

pub(crate) mod builder;
pub(crate) mod counted;
pub(crate) mod expr;
pub(crate) mod operand;
pub(crate) mod ordering;
pub(crate) mod path;
pub(crate) mod prefetch;
