//! Running a query on a synchronous [`Executor`]: the load, its first or
//! only row, typed rows, prefetching onto rows the caller holds. The async
//! forms are in `async_exec`.
//!
//! Each public method is one call into [`QueryCore`], which holds the body:
//! the methods are compiled once per query shape `(M, L)`, the bodies once
//! per model.

use crate::error::Result;
use crate::exec::executor::{Executor, drive, drive_keep};
use crate::load::loader::Load;
use crate::model::table::Model;
use crate::model::typed::{LoadSet, Loaded, Union};
use crate::plan::sql::PlannedStatement;
use crate::query::builder::{Query, QueryCore};

/// What `prefetch_onto` takes: the query's own rows, `&mut Vec<M>`, stated
/// as `(): OntoRows<M, R>` for `&mut Vec<R>`. Rows of another model are then
/// one error naming both models, not a type mismatch; the impl is generic
/// over `R` (checked by `SameModel`) so that rustc does not infer `R = M`
/// from the bound before it reads the argument.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`prefetch_onto` on a query of `{M}` takes `{M}` rows, not `{R}`",
    label = "expected `&mut Vec<{M}>`, the query's own rows",
    note = "a query's prefetch lookups load onto rows of its model: for `{R}` rows, start from `{R}::query()`; typed rows (`Loaded<..>`) go through `fetch_onto(rows, ..)`"
)]
pub trait OntoRows<M, R> {
    /// The rows, as the query's model.
    fn rows(rows: &mut Vec<R>) -> &mut Vec<M>;
}

#[diagnostic::do_not_recommend]
impl<M: Model, R: SameModel<M>> OntoRows<M, R> for () {
    #[inline]
    fn rows(rows: &mut Vec<R>) -> &mut Vec<M> {
        R::rows(rows)
    }
}

/// What `prefetch_onto` takes as its rows: `&mut V` with `V` a `Vec`, the
/// caller's rows filled in place. The parameter stays a `&mut` so that a
/// `&mut Vec` binding passed on is reborrowed, not moved; `V` is stated on
/// `()` so that a slice is one error naming `prefetch_onto` and the fix,
/// not a type mismatch. The second impl keeps rustc from inferring `V`
/// from the first before it reads the argument.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`prefetch_onto` takes the rows as `&mut Vec<_>`, not `&mut {V}`",
    label = "write `prefetch_onto(&mut rows, ..)` with `rows` a `Vec` you own: the load moves the rows out and puts them back with their relations (a slice cannot give its rows up; collect it into a `Vec`), or `fetch_onto(rows, ..)` for typed rows"
)]
pub trait OntoMut<V: ?Sized> {
    /// The row type.
    type Row;
    /// The rows.
    fn vec(rows: &mut V) -> &mut Vec<Self::Row>;
}

#[diagnostic::do_not_recommend]
impl<R> OntoMut<Vec<R>> for () {
    type Row = R;
    #[inline]
    fn vec(rows: &mut Vec<R>) -> &mut Vec<R> {
        rows
    }
}

#[diagnostic::do_not_recommend]
impl OntoMut<NoRows> for () {
    type Row = ();
    fn vec(rows: &mut NoRows) -> &mut Vec<()> {
        match *rows {}
    }
}

/// The row type of `prefetch_onto`'s argument `&mut V`.
pub type RowsIn<V> = <() as OntoMut<V>>::Row;

/// `Self` is `M`.
#[doc(hidden)]
pub trait SameModel<M>: Sized {
    /// The rows, as `M`.
    fn rows(rows: &mut Vec<Self>) -> &mut Vec<M>;
}

impl<M> SameModel<M> for M {
    #[inline]
    fn rows(rows: &mut Vec<M>) -> &mut Vec<M> {
        rows
    }
}

impl<M: Model, L> Query<M, L> {
    /// The plan for a specific connection.
    pub fn plan_for(&self, executor: &(impl Executor + ?Sized)) -> Vec<PlannedStatement> {
        self.plan_with(executor.ctx())
    }

    /// Run the query: one statement with its JOINs, then one per prefetch
    /// level. Rows come back in the base statement's order.
    pub fn all(&self, executor: &(impl Executor + ?Sized)) -> Result<Vec<M>> {
        self.core.all(executor)
    }

    /// The first row of the query's result, if any: its offset is kept, and
    /// its limit can only lower the answer to none (`limit(0)`). Sends
    /// `LIMIT 1`.
    pub fn first(&self, executor: &(impl Executor + ?Sized)) -> Result<Option<M>> {
        self.core.first(executor)
    }

    /// The one row of the query's result (its limit and offset apply), or
    /// an error saying whether there was none or more than one. Reads at
    /// most two rows.
    pub fn one(&self, executor: &(impl Executor + ?Sized)) -> Result<M> {
        self.core.one(executor)
    }

    /// Load this query's relations onto rows the caller already holds
    /// (Django's `prefetch_related_objects`), e.g. rows from the caller's
    /// own SQL. No JOIN reaches rows already read: the query's
    /// `select_related` paths load as prefetch levels, one key-list
    /// statement per hop. Its filters, order and limit are not used.
    #[rustfmt::skip]
    pub fn prefetch_onto<V: ?Sized>(&self, rows: &mut V, executor: &(impl Executor + ?Sized)) -> Result<()> where (): OntoMut<V> + OntoRows<M, RowsIn<V>>, L: LoadSet<M> {
        let rows = <() as OntoRows<M, RowsIn<V>>>::rows(<() as OntoMut<V>>::vec(rows));
        self.onto_core().prefetch_onto(rows, executor)
    }

    /// Run the query, as [`Query::all`], and return typed rows: each
    /// relation the query loaded can be read without `?`, and reading one
    /// it did not load does not compile.
    ///
    /// A loaded foreign key whose row does not exist (no foreign-key
    /// constraint) cannot be held by a typed row: the load fails with
    /// [`Error::Untypable`](crate::Error::Untypable) naming the model,
    /// field and statement.
    pub fn fetch(&self, executor: &(impl Executor + ?Sized)) -> Result<Vec<Loaded<M, L>>>
    where
        L: LoadSet<M>,
    {
        let rows = self.core.all(executor)?;
        self.core.typed(rows, executor.ctx().dialect)
    }

    /// [`Query::first`], typed as [`Query::fetch`].
    pub fn fetch_first(&self, executor: &(impl Executor + ?Sized)) -> Result<Option<Loaded<M, L>>>
    where
        L: LoadSet<M>,
    {
        let rows = self.core.first(executor)?.into_iter().collect();
        Ok(self.core.typed(rows, executor.ctx().dialect)?.pop())
    }

    /// [`Query::one`], typed as [`Query::fetch`].
    pub fn fetch_one(&self, executor: &(impl Executor + ?Sized)) -> Result<Loaded<M, L>>
    where
        L: LoadSet<M>,
    {
        let row = self.core.one(executor)?;
        let mut rows = self.core.typed(vec![row], executor.ctx().dialect)?;
        Ok(rows.remove(0))
    }

    /// [`Query::prefetch_onto`] for typed rows: this query's prefetch
    /// levels run on `rows`, which come back with the relations they had and
    /// this query's, in their type. Plain rows of the model (`Vec<Post>`,
    /// e.g. from `raw`) enter claiming no relation.
    // One line for the bound: see `prefetch_onto`.
    #[rustfmt::skip]
    #[allow(clippy::type_complexity)]
    pub fn fetch_onto<V>(&self, rows: V, executor: &(impl Executor + ?Sized)) -> Result<Vec<Loaded<M, <Onto<M, RowOf<V>> as Union<L>>::Output>>> where (): OntoVec<V> + TypedOnto<M, RowOf<V>>, Onto<M, RowOf<V>>: Union<L>, <Onto<M, RowOf<V>> as Union<L>>::Output: LoadSet<M>, L: LoadSet<M> {
        let mut plain = <() as TypedOnto<M, RowOf<V>>>::plain(<() as OntoVec<V>>::into_vec(rows));
        let core = self.onto_core();
        core.prefetch_onto(&mut plain, executor)?;
        core.typed_onto(plain, executor.ctx().dialect)
    }
}

/// What `fetch_onto` takes as its rows `V`: a `Vec`, by value (its rows
/// come back typed). Stated on `()` so that rows passed by reference are
/// one error naming `prefetch_onto`, not a type mismatch; the second impl
/// keeps rustc from inferring `V = Vec<_>` from the first before it reads
/// the argument.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`fetch_onto` takes the rows by value, a `Vec`, not `{V}`",
    label = "write `fetch_onto(rows, ..)`: the rows move in and come back typed, with this query's relations; rows you keep and fill in place go through `prefetch_onto(&mut rows, ..)`"
)]
pub trait OntoVec<V> {
    /// The row type.
    type Row;
    /// The rows.
    fn into_vec(rows: V) -> Vec<Self::Row>;
}

#[diagnostic::do_not_recommend]
impl<R> OntoVec<Vec<R>> for () {
    type Row = R;
    #[inline]
    fn into_vec(rows: Vec<R>) -> Vec<R> {
        rows
    }
}

#[diagnostic::do_not_recommend]
impl OntoVec<NoRows> for () {
    type Row = ();
    fn into_vec(rows: NoRows) -> Vec<()> {
        match rows {}
    }
}

/// No value: the second impl of [`OntoVec`] (see there).
#[doc(hidden)]
pub enum NoRows {}

/// The row type of `fetch_onto`'s argument `V`.
pub type RowOf<V> = <() as OntoVec<V>>::Row;

/// The loaded set rows of type `R` bring to `fetch_onto` on a query of `M`.
pub type Onto<M, R> = <() as TypedOnto<M, R>>::Set;

/// What `fetch_onto` takes: rows of the query's model, typed
/// (`Loaded<M, L0>`, which keep their set `L0`) or plain (`M`, which claim
/// no relation). Stated on `()` as [`OntoRows`] is.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`fetch_onto` on a query of `{M}` takes `{M}` rows (plain or typed), not `{R}`",
    label = "expected `Vec<{M}>` or `Vec<Loaded<{M}, _>>`, the query's own rows",
    note = "a query's prefetch lookups load onto rows of its model: for `{R}` rows, start from that model's `query()`"
)]
pub trait TypedOnto<M, R> {
    /// The relations the rows come with.
    type Set;
    /// The rows as plain models.
    fn plain(rows: Vec<R>) -> Vec<M>;
}

#[diagnostic::do_not_recommend]
impl<M: Model, R: OntoRow<M>> TypedOnto<M, R> for () {
    type Set = R::Set;
    #[inline]
    fn plain(rows: Vec<R>) -> Vec<M> {
        R::plain(rows)
    }
}

/// A row `fetch_onto` on a query of `M` takes (see [`TypedOnto`]).
#[doc(hidden)]
pub trait OntoRow<M>: Sized {
    /// The relations the row comes with.
    type Set;
    /// The rows as plain models, in place.
    fn plain(rows: Vec<Self>) -> Vec<M>;
}

impl<M: Model> OntoRow<M> for M {
    type Set = M::Empty;
    #[inline]
    fn plain(rows: Vec<M>) -> Vec<M> {
        rows
    }
}

impl<M: Model, L> OntoRow<M> for Loaded<M, L> {
    type Set = L;
    #[inline]
    fn plain(rows: Vec<Self>) -> Vec<M> {
        Loaded::models(rows)
    }
}

impl<M: Model> QueryCore<M> {
    pub(crate) fn all(&self, executor: &(impl Executor + ?Sized)) -> Result<Vec<M>> {
        drive(executor, Load::of(self, executor.ctx())?)
    }

    pub(crate) fn first(&self, executor: &(impl Executor + ?Sized)) -> Result<Option<M>> {
        Ok(self.first_query().all(executor)?.into_iter().next())
    }

    pub(crate) fn one(&self, executor: &(impl Executor + ?Sized)) -> Result<M> {
        let q = self.capped(2);
        let rows = q.all(executor)?;
        q.exactly_one(rows, executor.ctx().dialect)
    }

    pub(crate) fn prefetch_onto(
        &self,
        rows: &mut Vec<M>,
        executor: &(impl Executor + ?Sized),
    ) -> Result<()> {
        let load = Load::onto_rows(self, std::mem::take(rows), executor.ctx())?;
        let (loaded, result) = drive_keep(executor, load);
        *rows = loaded;
        result
    }
}
