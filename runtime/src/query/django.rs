//! Django's `QuerySet` methods that have no counterpart here, each one
//! compile error saying what to write instead; so are the names sqlx,
//! SeaORM and Diesel users reach for first (`fetch_all`, `find()`,
//! `load`, `belonging_to`).
//!
//! A user who knows Django writes `Post.objects.get(...)`, `.distinct()` or
//! `.values_list(...)` first. Without these, rustc says "no method named
//! `distinct`", which is true and no help. Each method exists only to be
//! that one error; its bound has no implementation, so none can be called.
//! The bounds are stated on `()` (`(): GetInstead<M>`), as `FilterArg` is:
//! on the model, rustc would add four lines pointing at the user's struct.

use crate::error::Result;
use crate::model::table::Model;
use crate::query::builder::Query;

/// The unmet bounds, one per method family: `Name: message, label;`.
macro_rules! instead {
    ($($name:ident: $message:literal, $label:literal;)*) => {
        $(
            #[doc(hidden)]
            #[diagnostic::on_unimplemented(message = $message, label = $label)]
            pub trait $name<M> {}
        )*
    };
}

instead! {
    ManagerInstead:
        "`objects()` is Django's manager: a query of `{M}` starts at `{M}::query()`",
        "write `{M}::query()`, then `.filter(..)`, `.select_related(..)`, ...";
    GetInstead:
        "`get(..)` is Django's: a query of `{M}` reads one row with `.filter(..).one(&db)`",
        "write `.filter(..).one(&db)` (`fetch_one` for a typed row): an error if no row or several match";
    DistinctInstead:
        "`distinct()`: the rows of a query of `{M}` never repeat",
        "remove it: `select_related` follows single-valued relations only, and a filter through a many-valued one is one EXISTS (`Post::tags().any(..)`)";
    ValuesInstead:
        "`values(..)` / `values_list(..)` are Django's: a query of `{M}` loads `{M}` rows",
        "load the rows and map them: `.all(&db)?.into_iter().map(|row| row.field)`";
    AnnotateInstead:
        "`annotate(..)` / `aggregate(..)` are Django's: a query of `{M}` loads `{M}` rows",
        "a relation's count goes into a `Counted` field: `.count_related(Post::tags(), Post::tag_count())`; `.count(&db)` counts the rows; other aggregates are SQL of yours (`raw`)";
    WriteInstead:
        "`update(..)` / `delete()` are Django's: a query of `{M}` only loads",
        "write with your own SQL (`db.execute(sql, &params)`) or `db.insert(&row)`";
    OnlyInstead:
        "`only(..)` / `defer(..)` are Django's: a query of `{M}` loads every column of `{M}`",
        "a struct with fewer fields over the same table is a model of its own: `#[related(table = \"..\")] struct PostTitle {{ id: i64, title: String }}`";
    ReverseInstead:
        "`reverse()` is Django's: a query of `{M}` is ordered by what `order_by` names",
        "give the direction in the ordering: `.order_by(Post::id().desc())`";
    FetchAllInstead:
        "`fetch_all(..)` / `load(..)`: a query of `{M}` runs with `.all(&db)`",
        "write `.all(&db)` for `Vec<{M}>`, or `.fetch(&db)` for typed rows whose loaded relations read without `?`";
    FetchOptionalInstead:
        "`fetch_optional(..)`: the first row of a query of `{M}`, if any, is `.first(&db)`",
        "write `.first(&db)` for `Option<{M}>` (`.fetch_first(&db)` for a typed row)";
    FindInstead:
        "`find()` is SeaORM's: a query of `{M}` starts at `{M}::query()`",
        "write `{M}::query()`, then `.filter(..)`, `.select_related(..)`, ...";
    FindByIdInstead:
        "`find_by_id(..)` is SeaORM's: one `{M}` by its key is a filter on the key column",
        "write `{M}::query().filter({M}::id().eq(key)).first(&db)` (with your key column's handle)";
    BelongingToInstead:
        "`belonging_to(..)` is Diesel's: the related rows of rows you hold load with `prefetch_onto`",
        "write `Parent::query().prefetch_related(Parent::children()).prefetch_onto(&mut parents, &db)`, or load both at once with `.prefetch_related(..)`";
}

/// Django's manager, as an associated function of every model: one error
/// naming `query()`. In the prelude without a name, with `ModelQuery`.
#[doc(hidden)]
pub trait DjangoManager: Model {
    /// Not available: `Model::query()`.
    #[rustfmt::skip]
    fn objects() -> Query<Self> where (): ManagerInstead<Self> {
        Query::new()
    }
    /// Not available: `Model::query()`.
    #[rustfmt::skip]
    fn find() -> Query<Self> where (): FindInstead<Self> {
        Query::new()
    }
    /// Not available: a filter on the key column.
    #[rustfmt::skip]
    fn find_by_id<K>(_key: K) -> Query<Self> where (): FindByIdInstead<Self> {
        Query::new()
    }
    /// Not available: `prefetch_onto`.
    #[rustfmt::skip]
    fn belonging_to<P>(_parents: P) -> Query<Self> where (): BelongingToInstead<Self> {
        Query::new()
    }
}

impl<M: Model> DjangoManager for M {}

instead! {
    QueryFromRow:
        "`query()` is called on the model `{M}`, not on a row of it",
        "write `{M}::query()`; the rows you hold gain relations with `{M}::query().prefetch_related(..).prefetch_onto(&mut rows, &db)`";
}

/// `post.query()` (a query started from a row, as `post.tags.all()` is in
/// Django): a method of every reference to a model, whose bound is never
/// met, so the call is one error naming `Post::query()` instead of rustc's
/// "this is an associated function, not a method" with two candidates (23
/// lines). Implemented for `&M` only: generic code's `M::query()` does not
/// see it. In the prelude without a name.
#[doc(hidden)]
pub trait RowQuery<M: Model>: Sized {
    /// Not available: `Model::query()`.
    #[rustfmt::skip]
    fn query(self) -> Query<M> where (): QueryFromRow<M> { Query::new() }
}

impl<M: Model> RowQuery<M> for &M {}

// Each method below takes what its Django namesake is most often given, so
// that the call reaches the bound instead of an argument-count error.
#[rustfmt::skip]
impl<M: Model, L> Query<M, L> {
    /// Not available: `.filter(..).one(&db)`.
    #[doc(hidden)] pub fn get<F>(self, _filter: F) -> Self where (): GetInstead<M> { self }
    /// Not available: rows never repeat.
    #[doc(hidden)] pub fn distinct(self) -> Self where (): DistinctInstead<M> { self }
    /// Not available: map the loaded rows.
    #[doc(hidden)] pub fn values<A>(self, _fields: A) -> Self where (): ValuesInstead<M> { self }
    /// Not available: map the loaded rows.
    #[doc(hidden)] pub fn values_list<A>(self, _fields: A) -> Self where (): ValuesInstead<M> { self }
    /// Not available: `count_related`, `count`.
    #[doc(hidden)] pub fn annotate<A>(self, _annotation: A) -> Self where (): AnnotateInstead<M> { self }
    /// Not available: `count_related`, `count`.
    #[doc(hidden)] pub fn aggregate<A>(self, _aggregate: A) -> Self where (): AnnotateInstead<M> { self }
    /// Not available: a query only loads.
    #[doc(hidden)] pub fn update<A>(self, _changes: A) -> Self where (): WriteInstead<M> { self }
    /// Not available: a query only loads.
    #[doc(hidden)] pub fn delete(self) -> Self where (): WriteInstead<M> { self }
    /// Not available: a model of its own over the table.
    #[doc(hidden)] pub fn only<A>(self, _fields: A) -> Self where (): OnlyInstead<M> { self }
    /// Not available: a model of its own over the table.
    #[doc(hidden)] pub fn defer<A>(self, _fields: A) -> Self where (): OnlyInstead<M> { self }
    /// Not available: `.order_by(column.desc())`.
    #[doc(hidden)] pub fn reverse(self) -> Self where (): ReverseInstead<M> { self }
    // The sqlx and Diesel names return what the right call would, so that
    // a `?` after them adds no second error.
    /// Not available: `.all(&db)`.
    #[doc(hidden)] pub fn fetch_all<E>(&self, _executor: E) -> Result<Vec<M>> where (): FetchAllInstead<M> { Ok(Vec::new()) }
    /// Not available: `.all(&db)`.
    #[doc(hidden)] pub fn load<E>(&self, _executor: E) -> Result<Vec<M>> where (): FetchAllInstead<M> { Ok(Vec::new()) }
    /// Not available: `.first(&db)`.
    #[doc(hidden)] pub fn fetch_optional<E>(&self, _executor: E) -> Result<Option<M>> where (): FetchOptionalInstead<M> { Ok(None) }
}
