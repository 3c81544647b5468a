//! A relation handle followed by a handle of its target:
//! `Post::author().name()` is `Post::author().col(Author::name())`, and
//! `Post::author().publisher()` is `Post::author().then(Author::publisher())`
//! (Django's `author__name`, `author__publisher`).
//!
//! The derive gives each model a struct of its handles generic over the path
//! that reaches it (`Reach::Via<P>`); a relation handle and a chain
//! dereference to the one of their target. A handle's own methods (`col`,
//! `any`, `then`, `lookup`) come first: a target column of one of those
//! names stays reachable through `col`.

use std::ops::Deref;

use crate::model::relation::Relation;
use crate::query::path::{Chain, Path};

/// The handles of a model seen from the start of a path `P` that ends at
/// it. Implemented by the derive; user code never names it.
#[doc(hidden)]
pub trait Reach {
    /// The model's column and relation handles through `P`.
    type Via<P>;

    /// The one value of [`Reach::Via`] (a struct without data).
    fn __via<P: 'static>() -> &'static Self::Via<P>;
}

impl<A, B> Deref for Chain<A, B>
where
    A: Relation,
    B: Path<Source = A::Target>,
    B::Target: Reach,
{
    type Target = <B::Target as Reach>::Via<Self>;

    #[inline]
    fn deref(&self) -> &Self::Target {
        <B::Target as Reach>::__via::<Self>()
    }
}
