#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

mod error;
mod exec;
mod load;
mod model;
mod observe;
mod plan;
mod query;

#[cfg(feature = "sqlite")]
pub use exec::sqlite;
pub use observe::n_plus_one;
pub use plan::schema;

/// The sqlx this crate was built with: pools, connections and transactions
/// from it are what [`Query::all_async`] takes.
#[cfg(any(feature = "postgres", feature = "mysql"))]
pub use sqlx;

pub use error::{CellError, Error, Found, NotLoaded, Result};
#[cfg(feature = "tokio")]
#[doc(hidden)]
pub use exec::async_exec::AsyncArg;
#[cfg(feature = "tokio")]
pub use exec::async_exec::{AsyncExecutor, Logged, Pending};
pub use query::counted::{CountField, CountRelation, CountTarget, Counted};
#[doc(hidden)]
pub use query::counted::{CountOrdered, SameCount};

pub use exec::executor::{Consistency, Executor, Job, run_job};
pub use exec::run::{
    NoRows, Onto, OntoMut, OntoRow, OntoRows, OntoVec, RowOf, RowsIn, SameModel, TypedOnto,
};
pub use load::loader::Load;
pub use model::column::{Column, Key, Ordered, RawRow};
// Bounds stated on `()` for shorter errors (see each); nameable for generic
// code, which otherwise states `Ordered`, `ColumnPath` or `LinkTable`.
#[doc(hidden)]
pub use model::column::OrderedColumn;
pub use model::fields::{
    FieldName, ForeignKey, ManyToMany, OneToOne, Prefetched, RelationField, Reverse, ReverseOne,
};
pub use model::fields::{IsPk, KeyArg};
#[doc(hidden)]
pub use model::table::Target;
// The unmet bounds of the misuse methods and impls (`post.tags.len()`,
// `Post::title() == "x"`, ...): named from the crate root, rustc's help line
// reads `related::LenThroughGet`, not the private module's path.
#[doc(hidden)]
pub use model::misread::{
    AddThroughLink, AllThroughGet, CountThroughGet, FilterThroughPrefetch, ForThroughGet,
    IndexThroughGet, IterThroughGet, LenThroughGet, SameField, SliceThroughGet, WriteThroughSql,
};
pub use model::relation::{
    Cardinality, LinkTable, Many, One, Relation, RelationInfo, RelationKind, ReverseOf,
    SingleValued,
};
#[doc(hidden)]
pub use model::relation::{
    LinkArgs, LinkPairs, LinkSides, LinkTargetArg, LinkTargetOf, Linkable, SideRef,
};
#[doc(hidden)]
pub use model::relation::{PrefetchArg, PrefetchOf};
pub use model::table::{ColumnInfo, FieldError, KeyOf, Model, ModelInfo};
pub use model::typed::{LoadSet, Loaded, No, Plain, Rows, Set, Slot, Union, Yes};
#[doc(hidden)]
pub use model::typed::{PushOntoRows, SortRows};
#[cfg(feature = "serde_json")]
pub use model::types::Json;
#[doc(hidden)]
pub use model::types::stored::OrderedStored;
pub use model::types::stored::StoredAs;
pub use model::value::{SqlDate, SqlDuration, SqlTime, SqlTimestamp, SqlType, Value};
pub use observe::budget::{
    expect_at_most, expect_at_most_async, expect_statements, expect_statements_async,
};
#[doc(hidden)]
pub use observe::log::{LogLenInstead, LogQueriesInstead};
pub use observe::log::{LoggedStatement, StatementLog};
pub use plan::schema::{InfoArg, InsertRow, InsertRows, LinkPair, RowRef, TablesArg};
pub use plan::sql::{Ctx, PlannedStatement};
pub use plan::sql::{Dialect, KeyBinding, Statement};
pub use query::builder::{
    CountArg, DialectArg, ModelQuery, Query, QueryStart, RowCount, UntypedJoin,
};
#[doc(hidden)]
pub use query::django::{
    AnnotateInstead, BeginInstead, ConnectInstead, CreateInstead, DbWriteInstead, DistinctInstead,
    DjangoManager, ExactInstead, ForOverQuery, GetInstead, IlikeInstead, InBulkInstead,
    InListInstead, InsertManyInstead, IteratorInstead, JoinInstead, LastInstead, LatestInstead,
    LenInstead, LockInstead, ManagerInstead, NotInListInstead, OnlyInstead, OntoLoadedInstead,
    PaginateInstead, QueryFromRow, QueryToInstead, RangeInstead, ReverseInstead, RowQuery,
    RowWriteInstead, SliceInstead, TakeInstead, ToAttrInstead, ValuesInstead, WithInstead,
    WriteInstead,
};
#[doc(hidden)]
pub use query::django::{
    AssertNumQueriesInstead, DirectionInstead, ExplainInstead, GetResultInstead, GetResultsInstead,
    GetRowInstead, IsNullInstead, MinusColumn, NoneInstead, NotLikeInstead, OrFilterInstead,
    OrderThenInstead, RegexInstead, RowAsOption, RowsCountInstead, RowsValuesInstead,
    UnwrapRowInstead, UsingInstead, asc, assert_num_queries, desc,
};
pub use query::expr::{
    Col, Filter, FilterArg, Like, LikePattern, Order, OrderArg, RelationInstead,
};
#[doc(hidden)]
pub use query::misuse::{
    AnyInstead, CallTheHandle, ColumnHandle, CountNotColumn, CountedInstead, HandleNotCalled,
    KeyColumnInstead, NoCount, NotAColumn,
};
pub use query::operand::{Bound, BoundPair, InItem, InList, NoArg, Operand};
#[doc(hidden)]
pub use query::path::{
    AnyFilter, ColumnOf, ColumnThrough, ContainsInstead, IsEmptyInstead, NextHop,
};
pub use query::path::{Append, Chain, ColumnPath, Path, PathFrom, PrefetchFrom, SelectFrom};
#[doc(hidden)]
pub use query::prefetch::{
    BelowFrom, Destination, OwnField, PrefetchLevel, PrefetchOn, QueryOf, QuerysetOf, ToField,
};
pub use query::prefetch::{Prefetch, PrefetchTarget, TargetFor};
#[doc(hidden)]
pub use query::reach::Reach;
pub use related_macros::{Column, Model};

#[cfg(feature = "sqlite")]
pub use exec::sqlite::Sqlite;
#[cfg(all(feature = "sqlite", feature = "tokio"))]
pub use exec::sqlite_async::AsyncSqlite;

/// What most code needs: `use related::prelude::*;`.
pub mod prelude {
    #[cfg(feature = "tokio")]
    pub use crate::AsyncExecutor;
    pub use crate::{
        Counted, Executor, ForeignKey, Loaded, ManyToMany, Model, ModelQuery, OneToOne, Prefetch,
        Prefetched, Query, Reverse, ReverseOne,
    };
    // Methods a relation handle does not have (`eq`, `asc`, ...), each one
    // error naming the key column to use instead.
    pub use crate::query::misuse::CountNotColumn as _;
    pub use crate::query::misuse::HandleNotCalled as _;
    pub use crate::query::misuse::NotAColumn as _;
    // `Post::objects()`, Django's manager: one error naming `query()`.
    pub use crate::query::django::DjangoManager as _;
    // `post.query()`: one error naming `Post::query()`.
    pub use crate::query::django::RowQuery as _;
    // `post.save(&db)`, `post.delete(&db)`: one error naming `db.insert`.
    pub use crate::query::django::LoadedRows as _;
    pub use crate::query::django::RowAsOption as _;
    pub use crate::query::django::RowWrite as _;
    // The path methods (`col`, `any`) without taking the name `Path`,
    // which `std::path::Path` users already have.
    pub use crate::Path as _;
}

/// Helpers for code generated by the derive. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::model::typed::{IsYes, SetVisitor, SlotVisit, many, one, optional};
    pub use crate::query::counted::counted;
    pub use crate::query::path::SetFrom;
    pub use crate::query::prefetch::PrefetchInto;

    use crate::model::relation::{Relation, RelationInfo};
    use crate::model::table::Model;

    /// `Self` is `T`. A typed row's accessors bound its set through it, so
    /// that rustc points at the accessor, not at the row, when the relation
    /// was not loaded.
    pub trait Same<T> {}

    impl<T> Same<T> for T {}

    /// The value of a `#[related(skip)]` field in a loaded row. (The bound
    /// on `()`: on `T`, rustc would add four lines pointing at the type.)
    #[inline]
    #[rustfmt::skip]
    pub fn skipped<T>() -> T where (): SkippedField<T> {
        <() as SkippedField<T>>::__default()
    }

    /// A type a `#[related(skip)]` field can have: one with a `Default`.
    #[diagnostic::on_unimplemented(
        message = "`{T}` has no `Default`: a `#[related(skip)]` field holds its type's default in every loaded row",
        label = "implement or derive `Default` for `{T}`, or make the field `Option<{T}>`"
    )]
    pub trait SkippedField<T> {
        /// `Default::default()`.
        fn __default() -> T;
    }

    #[diagnostic::do_not_recommend]
    impl<T: Default> SkippedField<T> for () {
        #[inline]
        fn __default() -> T {
            T::default()
        }
    }

    /// `Self` has a many-to-many field whose name hashes to `FIELD`: how
    /// the reverse side of a relation, which names the field it mirrors but
    /// cannot name its type, is a [`crate::LinkTable`] exactly when that
    /// field is many-to-many.
    pub trait ManyToManyNamed<const FIELD: u64> {}

    /// The description of a reverse relation, from the forward relation it
    /// mirrors.
    pub fn reverse_info<F: Relation>(
        _forward: F,
        model: &'static str,
        name: &'static str,
    ) -> RelationInfo {
        let forward = F::info();
        RelationInfo {
            model,
            name,
            kind: forward.kind.reversed(),
            source: forward.target,
            target: forward.source,
        }
    }

    /// Point `child`'s forward field (the relation `forward`) at `parent`,
    /// unless the forward side is many-valued (a many-to-many's other side
    /// holds a list, of which this parent is only one). `shared` is the
    /// parent's copy for its children: made by the first child, then shared
    /// by the others (one copy per parent, not one per child).
    pub fn back_ref<F: Relation>(
        _forward: F,
        parent: &F::Target,
        shared: &mut Option<std::sync::Arc<F::Target>>,
        child: &mut F::Source,
        replace: bool,
    ) {
        // A field a level below loaded already (a JOIN of the level's own)
        // holds more than the copy would: kept, unless `replace`.
        if !F::info().kind.is_many() && (replace || !F::__is_loaded(child)) {
            let parent = shared.get_or_insert_with(|| std::sync::Arc::new(parent.clone()));
            F::attach_one(child, Some(parent.clone()));
        }
    }

    /// The forward relation whose field a reverse relation's back
    /// reference fills ([`back_ref`]), if it fills one: a prefetch of that
    /// relation right below the reverse one is then already loaded.
    pub fn forward_id<F: Relation>(_forward: F) -> Option<std::any::TypeId> {
        (!F::info().kind.is_many()).then(std::any::TypeId::of::<F>)
    }

    /// The key a row of the forward relation's source holds (the reverse
    /// relation's link).
    pub fn forward_link<S, T, C, F>(_forward: F, row: &T) -> Option<&S::Pk>
    where
        S: Model,
        T: Model,
        C: crate::model::relation::Cardinality,
        F: crate::model::relation::ReverseOf<S, T, C>,
    {
        F::reverse_link(row)
    }
}
