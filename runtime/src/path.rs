//! Lookups: a relation, or a chain of relations (Django's `author__publisher`)
//! whose hops the compiler checks end to start.

use crate::error::Error;
use crate::join::{JoinNode, hop_mut};
use crate::model::Model;
use crate::prefetch::{Level, PrefetchNode, add_node};
use crate::relation::{Relation, SingleValued};

/// A relation or a chain of relations starting at `Source`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a relation path",
    label = "expected a relation handle such as `Post::author()` or a chain `Post::author().then(Author::publisher())`"
)]
#[allow(private_interfaces)]
pub trait Path: Copy + Send + Sync + 'static {
    type Source: Model;
    type Target: Model;
    /// The source's loaded set holding this path, at every depth.
    type Set;

    /// Add the JOINs of this path below `joins`.
    #[doc(hidden)]
    fn __add_join(self, joins: &mut Vec<Box<dyn JoinNode<Self::Source>>>);

    /// Add the prefetch levels of this path below `levels`.
    #[doc(hidden)]
    fn __add_prefetch(
        self,
        levels: &mut Vec<Box<dyn PrefetchNode<Self::Source>>>,
    ) -> Result<(), Error>;

    /// Add the levels of this path with `leaf` below its last hop.
    #[doc(hidden)]
    fn __add_below(
        self,
        levels: &mut Vec<Box<dyn PrefetchNode<Self::Source>>>,
        leaf: Box<dyn PrefetchNode<Self::Target>>,
    ) -> Result<(), Error>;

    /// The lookup in Django's notation (`author__publisher`).
    fn lookup(self) -> String;
}

// Hidden from diagnostics: a type that is no relation is reported as "not a
// relation path" (Path's message), also when the query's loaded set asks
// for `P::Set`, instead of as a missing `Relation` impl.
#[diagnostic::do_not_recommend]
#[allow(private_interfaces)]
impl<R: Relation> Path for R {
    type Source = R::Source;
    type Target = R::Target;
    type Set = R::Loads<<R::Target as Model>::Empty>;

    fn __add_join(self, joins: &mut Vec<Box<dyn JoinNode<R::Source>>>) {
        hop_mut::<R>(joins);
    }

    fn __add_prefetch(
        self,
        levels: &mut Vec<Box<dyn PrefetchNode<R::Source>>>,
    ) -> Result<(), Error> {
        add_node(levels, Box::new(Level::<R>::plain()))
    }

    fn __add_below(
        self,
        levels: &mut Vec<Box<dyn PrefetchNode<R::Source>>>,
        leaf: Box<dyn PrefetchNode<R::Target>>,
    ) -> Result<(), Error> {
        let mut level = Level::<R>::plain();
        add_node(level.nested_mut(), leaf)?;
        add_node(levels, Box::new(level))
    }

    fn lookup(self) -> String {
        R::info().name.to_owned()
    }
}

/// Two lookups end to start: `a.then(b)` follows `a`, then `b` from where `a`
/// ends.
#[derive(Clone, Copy, Debug, Default)]
pub struct Chain<A, B> {
    first: A,
    rest: B,
}

impl<A, B> Chain<A, B> {
    pub fn new(first: A, rest: B) -> Self {
        Chain { first, rest }
    }
}

impl<A: Relation, B: Path<Source = A::Target>> Chain<A, B> {
    /// Follow one more relation (or chain) from where this chain ends.
    ///
    /// The result stays right-nested whatever the length:
    /// `a.then(b).then(c).then(d)` is `Chain<a, Chain<b, Chain<c, d>>>`, the
    /// one shape [`Path`] and [`SingleValued`] are implemented for.
    pub fn then<C>(self, next: C) -> Chain<A, B::Output>
    where
        C: Path<Source = B::Target>,
        B: Append<C>,
    {
        Chain::new(self.first, self.rest.append(next))
    }
}

/// A path that `next` can be appended to, keeping chains right-nested: a
/// relation `r` becomes `Chain<r, C>`, a chain `Chain<a, b>` becomes
/// `Chain<a, b + C>`. [`Chain::then`] uses it; user code never needs to name
/// it.
pub trait Append<C: Path<Source = Self::Target>>: Path {
    /// The path that follows `self`, then `C`.
    type Output: Path<Source = Self::Source, Target = C::Target>;

    /// `self`, then `next`.
    fn append(self, next: C) -> Self::Output;
}

// The combinator impls are hidden from diagnostics: when a chain does not
// type-check, the error should name the hop at fault, not list these impls.
#[diagnostic::do_not_recommend]
impl<R: Relation, C: Path<Source = R::Target>> Append<C> for R {
    type Output = Chain<R, C>;

    fn append(self, next: C) -> Chain<R, C> {
        Chain::new(self, next)
    }
}

#[diagnostic::do_not_recommend]
impl<A, B, C> Append<C> for Chain<A, B>
where
    A: Relation,
    B: Path<Source = A::Target> + Append<C>,
    C: Path<Source = B::Target>,
{
    type Output = Chain<A, B::Output>;

    fn append(self, next: C) -> Self::Output {
        Chain::new(self.first, self.rest.append(next))
    }
}

#[allow(private_interfaces)]
impl<A: Relation, B: Path<Source = A::Target>> Path for Chain<A, B> {
    type Source = A::Source;
    type Target = B::Target;
    type Set = A::Loads<B::Set>;

    fn __add_join(self, joins: &mut Vec<Box<dyn JoinNode<A::Source>>>) {
        let hop = hop_mut::<A>(joins);
        self.rest.__add_join(&mut hop.children);
    }

    fn __add_prefetch(
        self,
        levels: &mut Vec<Box<dyn PrefetchNode<A::Source>>>,
    ) -> Result<(), Error> {
        let mut level = Level::<A>::plain();
        self.rest.__add_prefetch(level.nested_mut())?;
        add_node(levels, Box::new(level))
    }

    fn __add_below(
        self,
        levels: &mut Vec<Box<dyn PrefetchNode<A::Source>>>,
        leaf: Box<dyn PrefetchNode<B::Target>>,
    ) -> Result<(), Error> {
        let mut level = Level::<A>::plain();
        self.rest.__add_below(level.nested_mut(), leaf)?;
        add_node(levels, Box::new(level))
    }

    fn lookup(self) -> String {
        format!("{}__{}", self.first.lookup(), self.rest.lookup())
    }
}

impl<A: SingleValued, B: SingleValued> SingleValued for Chain<A, B> {}
