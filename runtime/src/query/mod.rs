//! Query building: the typed API a user writes. `Query` and its builder
//! methods (`builder`), lookups (`path`), column handles, filters and order
//! (`expr`, `operand`), a relation handle's view of its target's handles
//! (`reach`), `Prefetch` and its levels (`prefetch`), counts of a
//! relation (`counted`), the default order (`ordering`).
//!
//! Imports `plan`, `model` and `crate::error`. A builder turns each typed
//! lookup into a `plan` node as it is added, so the compiler's checks end
//! here and the layers below work on untyped pieces.

pub(crate) mod builder;
pub(crate) mod counted;
pub(crate) mod django;
pub(crate) mod expr;
pub(crate) mod misuse;
pub(crate) mod operand;
pub(crate) mod ordering;
pub(crate) mod path;
pub(crate) mod prefetch;
pub(crate) mod reach;
