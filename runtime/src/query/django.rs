//! Django's `QuerySet` methods that have no counterpart here, each one
//! compile error saying what to write instead; so are the names sqlx,
//! SeaORM and Diesel users reach for first (`fetch_all`, `find()`,
//! `load`, `belonging_to`).
//!
//! A user who knows Django writes `Post.objects.get(...)`, `.distinct()` or
//! `.values_list(...)` first. Without these, rustc says "no method named
//! `distinct`", which is true and no help. Each method exists only to be
//! that one error; its bound has no implementation, so none can be called.
//! The bounds are stated on `()` (`(): DistinctInstead<M>`), as `FilterArg` is:
//! on the model, rustc would add four lines pointing at the user's struct.

use crate::error::Result;
use crate::model::table::Model;
use crate::query::builder::Query;
use crate::query::expr::Filter;

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

/// As `instead!`, for calls whose result type `R` is left for rustc to
/// infer, which it cannot once the bound fails: so neither `.await` nor `?`
/// after the call (with or without the other) adds a second error.
macro_rules! instead_inferred {
    ($($(#[$doc:meta])* $name:ident<$param:ident>: $message:literal, $label:literal;)*) => {
        $(
            $(#[$doc])*
            #[doc(hidden)]
            #[diagnostic::on_unimplemented(message = $message, label = $label)]
            pub trait $name<$param, R> {
                /// Never called: the trait has no implementation.
                fn out() -> R;
            }
        )*
    };
}

instead_inferred! {
    /// `fetch_all(..)` / `load(..)` (sqlx's, Diesel's).
    FetchAllInstead<M>:
        "`fetch_all(..)` / `load(..)`: a query of `{M}` runs with `.all(&db)`, or `.all_async(&pool).await`",
        "write `.all(&db)` / `.all_async(&pool).await` for `Vec<{M}>`, or `.fetch(..)` / `.fetch_async(..)` for typed rows whose loaded relations read without `?`";
    /// `fetch_optional(..)` (sqlx's).
    FetchOptionalInstead<M>:
        "`fetch_optional(..)`: the first row of a query of `{M}`, if any, is `.first(&db)`, or `.first_async(&pool).await`",
        "write `.first(&db)` / `.first_async(&pool).await` for `Option<{M}>` (`.fetch_first(&db)` for a typed row)";
    /// `db.update(&row)`, `db.delete(&row)`, `db.save(&row)`,
    /// `db.unlink(..)` (SeaORM's, Diesel's, Django's `tags.remove`).
    DbWriteInstead<S>:
        "`update` / `delete` / `save` / `unlink` on a `{S}` database: rows are written with `insert`, `insert_all`, `link` and `link_all`, and other writes with SQL of yours",
        "write `db.execute(\"UPDATE ... WHERE id = ?\", &[..])` (`execute_statement(..).await` on an async one): every value a bind parameter";
    /// `db.insert_many(&rows)` (SeaORM's, Diesel's `insert_into(..).values(&rows)`).
    InsertManyInstead<S>:
        "`insert_many(..)` on a `{S}` database: several rows go in with `insert_all(&rows)`",
        "write `db.insert_all(&rows)`: multi-row INSERTs in one transaction (a savepoint inside yours), all rows or none";
    /// `connect(url)` on an embedded database (sqlx's pools, SeaORM's
    /// `Database::connect`), which opens a file by its path instead.
    ConnectInstead<S>:
        "`connect(..)` is sqlx's: a `{S}` database opens with `open(path)`",
        "write `open(\"blog.db\")` (a file, created if missing) or `open_in_memory()`; a URL such as `sqlite://blog.db` is not a path";
    /// `db.begin()` (sqlx's) on the async embedded database. (Not on
    /// `Sqlite`: there it would hide the `Executor` trait's `begin`, which
    /// a wrapper of the user's may call.)
    BeginInstead<S>:
        "`begin()` on an `{S}`: a transaction here is a closure, ended by what it returns",
        "write `db.with(|db| db.transaction(|db| ...)).await?`: committed if the closure returns `Ok`, rolled back otherwise";
    /// `get(..)` (Django's); its result is left to inference so that `?`
    /// or `.unwrap()` after it adds no error.
    GetInstead<M>:
        "`get(..)` is Django's: a query of `{M}` reads one row with `.filter(..).one(&db)`",
        "write `.filter(..).one(&db)` (`fetch_one` for a typed row): an error if no row or several match";
    /// `explain()` (Django's).
    ExplainInstead<M>:
        "`explain()` is Django's: the statements a query of `{M}` sends are listed by `plan_for(&db)`",
        "write `q.plan_for(&db)` (or `q.plan(Dialect::Sqlite)`): the SQL and bind values of every statement, before anything runs; the database's own EXPLAIN is SQL of yours (`db.raw`)";
    /// `desc(column)` / `asc(column)` (see [`desc`]).
    DirectionInstead<C>:
        "`desc(..)` / `asc(..)` take no column: the direction is a method of the column",
        "write `.order_by(Post::views().desc())` (or `.asc()`); several columns are a tuple: `.order_by((Post::views().desc(), Post::id().asc()))`";
    /// `count()` on loaded rows (see [`LoadedRows`]).
    RowsCountInstead<M>:
        "`count()` on rows of `{M}` already loaded: they are a `Vec`, counted with `len()`",
        "write `rows.len()`; rows not loaded yet are counted in the database: `{M}::query().filter(..).count(&db)?`";
    /// `values_list(..)` / `values(..)` on loaded rows (see [`LoadedRows`]).
    RowsValuesInstead<M>:
        "`values_list(..)` / `values(..)` on rows of `{M}` already loaded: they are a `Vec` of models, whose fields you read",
        "write `rows.iter().map(|row| row.title.clone()).collect::<Vec<_>>()`; a query loads whole rows of its model (a model of its own over the table reads fewer columns)";
    /// `unwrap()` / `expect(..)` on a row (see [`RowAsOption`]).
    UnwrapRowInstead<M>:
        "`unwrap()` / `expect(..)` on a row of `{M}`: it is the row itself, not an `Option`",
        "`one(&db)?` returns the row (an error when there is none or several); a row that may be absent is `.first(&db)?`, an `Option<{M}>`";
    /// `get()` on a row (see [`RowAsOption`]).
    GetRowInstead<M>:
        "`get()` on a row of `{M}`: it is the row itself, no relation field to read through",
        "a typed row's relation accessor, such as `post.author()`, returns the loaded row: read its fields directly (`post.author().name`); `.get()?` reads a relation field of a plain row (`post.author.get()?`)";
    /// `get_results(..)` (Diesel's).
    GetResultsInstead<M>:
        "`get_results(..)` is Diesel's: a query of `{M}` runs with `.all(&db)`, or `.all_async(&pool).await`",
        "write `.all(&db)` / `.all_async(&pool).await` for `Vec<{M}>`, or `.fetch(..)` / `.fetch_async(..)` for typed rows whose loaded relations read without `?`";
    /// `get_result(..)` (Diesel's).
    GetResultInstead<M>:
        "`get_result(..)` is Diesel's: the one row of a query of `{M}` is `.one(&db)`",
        "write `.one(&db)` / `.one_async(&pool).await` (an error if no row or several match); `.first(&db)` for an `Option<{M}>`";
    /// `assert_num_queries(n, block)` (Django's `assertNumQueries`).
    AssertNumQueriesInstead<F>:
        "`assert_num_queries` is Django's: a statement budget is `related::expect_statements(n, || ...)`",
        "write `related::expect_statements(2, || query.all(&db))`: it returns the block's result and fails with the statements sent; `expect_at_most` for a ceiling, `expect_statements_async(n, future).await` for a future";
}

/// `desc(column)` / `asc(column)` as free functions (Diesel's `.desc()` is
/// a method too, SeaORM's `Order::Desc` an argument): one error naming the
/// method on the column. The result is left to inference, so that the
/// `order_by(..)` around the call adds no second error.
#[doc(hidden)]
#[rustfmt::skip]
pub fn desc<C, R>(_column: C) -> R where (): DirectionInstead<C, R> { <() as DirectionInstead<C, R>>::out() }

/// See [`desc`].
#[doc(hidden)]
#[rustfmt::skip]
pub fn asc<C, R>(_column: C) -> R where (): DirectionInstead<C, R> { <() as DirectionInstead<C, R>>::out() }

/// Django's `assertNumQueries`, as a Rust user would name it: one error
/// naming `expect_statements`. Its result is left to inference (see
/// `instead_inferred!`).
#[doc(hidden)]
#[rustfmt::skip]
pub fn assert_num_queries<F, R>(_n: usize, _block: F) -> R where (): AssertNumQueriesInstead<F, R> {
    <() as AssertNumQueriesInstead<F, R>>::out()
}

instead! {
    OrderThenInstead:
        "`then(..)` on an ordering of `{M}` rows: several keys are a tuple",
        "write `.order_by((Post::views().desc(), Post::id().asc()))`, or `.order_by(..)` again: each call adds a key after the ones before";
    OrFilterInstead:
        "`or_filter(..)` is Diesel's: a query of `{M}` joins alternatives with `|`",
        "write `.filter(a | b)`: each `.filter(..)` call adds a condition that must hold as well";
    UsingInstead:
        "`using(..)` is Django's: a query of `{M}` runs on the database it is given when it runs",
        "write `.all(&db)` (`.all_async(&pool).await`) with the database to read: a connection, a pool or a transaction";
    IsNullInstead:
        "`is_none()` / `is_some()` / `isnull(..)` on the `{M}` column: NULL is tested with `is_null` and `is_not_null`",
        "write `.is_null()` (SQL `IS NULL`, Django's `__isnull=True`) or `.is_not_null()`";
    NotLikeInstead:
        "`not_like(..)` on the `{M}` column: a match is negated with `!` or `exclude`",
        "write `.exclude(column.like(pattern))` or `.filter(!column.like(pattern))` (`contains`, `starts_with`, ... the same way)";
    ManagerInstead:
        "`objects()` is Django's manager: a query of `{M}` starts at `{M}::query()`",
        "write `{M}::query()`, then `.filter(..)`, `.select_related(..)`, ...";
    DistinctInstead:
        "`distinct()`: the rows of a query of `{M}` never repeat",
        "remove it: `select_related` follows single-valued relations only, and a filter through a many-valued one is one EXISTS (`Post::tags().any(..)`)";
    ValuesInstead:
        "`values(..)` / `values_list(..)` / `select(..)`: a query of `{M}` loads whole `{M}` rows",
        "load the rows and map them: `.all(&db)?.into_iter().map(|row| row.field)`";
    AnnotateInstead:
        "`annotate(..)` / `aggregate(..)` / `group_by(..)`: a query of `{M}` loads `{M}` rows, not groups",
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
    LastInstead:
        "`last(..)` is Django's: the last row of a query of `{M}` is the first in the other order",
        "write `.order_by({M}::id().desc()).first(&db)` (with the columns you order by, each reversed)";
    LatestInstead:
        "`latest(..)` / `earliest(..)` are Django's: order a query of `{M}` by the column and take the first row",
        "write `.order_by({M}::created().desc()).first(&db)` for `latest` (`.asc()` for `earliest`), with your column's handle";
    InBulkInstead:
        "`in_bulk(..)` is Django's: a query of `{M}` filters on the key and returns a list",
        "write `.filter({M}::id().is_in(&ids)).all(&db)?`, then key the rows yourself: `.into_iter().map(|r| (r.id, r)).collect::<HashMap<_, _>>()`";
    IteratorInstead:
        "`iterator()` is Django's: a query of `{M}` loads its rows in one call",
        "write `.all(&db)?` (then `.into_iter()`); page through many rows with `.order_by(..).limit(n).offset(k)`";
    LockInstead:
        "`select_for_update()` is Django's: a query of `{M}` only reads, it takes no row locks",
        "lock with SQL of yours inside your transaction: `db.raw::<{M}>(\"SELECT * FROM .. WHERE .. FOR UPDATE\", &params)`";
    CreateInstead:
        "`create(..)` / `bulk_create(..)` / `get_or_create(..)` / `update_or_create(..)` are Django's: a query of `{M}` only loads",
        "insert rows with `db.insert(&row)` / `db.insert_all(&rows)`; anything else is SQL of yours (`db.execute(sql, &params)`)";
    QueryToInstead:
        "`.to(..)` is a `Prefetch`'s: a query of `{M}` loads a relation into another field through `Prefetch::new(..).to(..)`",
        "write `.prefetch(Prefetch::new(Post::tags()).filter(..).to(Post::python_tags()))`: the `Prefetched` field named in `.to(..)` holds that level's rows";
    JoinInstead:
        "`join(..)` / `inner_join(..)` / `left_join(..)` / `find_also_related(..)`: a query of `{M}` JOINs a single-valued relation with `select_related`",
        "write `.select_related(Post::author())`: INNER JOIN, LEFT JOIN for a nullable key, the related row in each `{M}` row";
    WithInstead:
        "`with(..)` / `include(..)` / `find_with_related(..)`: a query of `{M}` loads a relation with `prefetch_related`",
        "write `.prefetch_related(Post::tags())` (one batched statement per level), or `.select_related(..)` for a JOIN of a single-valued one";
    PaginateInstead:
        "`paginate(..)` is SeaORM's: a page of a query of `{M}` is a limit and an offset",
        "write `.order_by(..).limit(size).offset(page * size)`, then `.all(&db)`; `.count(&db)` gives the total";
    SliceInstead:
        "a query of `{M}` is not its rows: `query[i]` / `query[a..b]` (Django's slicing) runs nothing",
        "slice in SQL with `.offset(a).limit(b - a)`; index the loaded rows: `query.all(&db)?[i]`";
    NoneInstead:
        "`none()` on a query of `{M}`: an empty result needs no query here",
        "an empty result is `Vec::new()`; a query that matches no row (e.g. to keep its type) filters on an empty list: `.filter({M}::id().is_in(Vec::<i64>::new()))`";
    TakeInstead:
        "`take(n)` / `skip(n)` on a query of `{M}`: a query is not an iterator of its rows, and SQL limits it",
        "write `.limit(n)` / `.offset(n)`: the database returns only those rows";
    LenInstead:
        "`len()` / `is_empty()` on a query of `{M}`: a query is not its rows, and counts in the database",
        "write `.count(&db)?` (one `SELECT COUNT(*)`) or `.exists(&db)?`; rows you load anyway: `.all(&db)?.len()`";
    ForOverQuery:
        "a `Query` of `{M}` is not an iterator of its rows: run it first",
        "run it with `.all(&db)?` (`.fetch(&db)?` for typed rows), then loop over, map or collect the rows: `for row in query.all(&db)?`";
    QueryFromRow:
        "`query()` is called on the model `{M}`, not on a row of it",
        "write `{M}::query()`; the rows you hold gain relations with `{M}::query().prefetch_related(..).prefetch_onto(&mut rows, &db)`";
    RowWriteInstead:
        "`save(..)` / `insert(..)` / `update(..)` / `delete(..)` on a `{M}` row: a row does not write itself",
        "write `db.insert(&row)` (`db.insert_all(&rows)` for several); change or delete rows with SQL of yours, `db.execute(sql, &params)`";
    OntoLoadedInstead:
        "`select_related(..)` / `prefetch_related(..)` on `{M}` rows already loaded: a query loads them, onto the rows",
        "write `{M}::query().prefetch_related(..).prefetch_onto(&mut rows, &db)` (Django's `prefetch_related_objects`); a foreign key prefetches as well as it joins";
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

/// `post.save(&db)`, `post.delete(&db)` (Django's and SeaORM's row
/// methods): one error naming `db.insert(&row)` and SQL, instead of "no
/// method named `save`" listing unrelated traits. The receiver is
/// `&mut self`, the last one rustc tries, so that a trait of the user's
/// own with a `save(&self, ..)` or `save(self, ..)` for its models is
/// picked first, not made ambiguous. In the prelude without a name.
#[doc(hidden)]
#[rustfmt::skip]
pub trait RowWrite<M: Model> {
    /// Not available: `db.insert(&row)`.
    fn save<E>(&mut self, _executor: E) -> Result<()> where (): RowWriteInstead<M> { Ok(()) }
    /// Not available: `db.insert(&row)`.
    fn insert<E>(&mut self, _executor: E) -> Result<()> where (): RowWriteInstead<M> { Ok(()) }
    /// Not available: SQL of the caller's.
    fn update<E>(&mut self, _executor: E) -> Result<()> where (): RowWriteInstead<M> { Ok(()) }
    /// Not available: SQL of the caller's.
    fn delete<E>(&mut self, _executor: E) -> Result<()> where (): RowWriteInstead<M> { Ok(()) }
}

impl<M: Model> RowWrite<M> for M {}

/// `query.one(&db)?.unwrap()` (as if `one` returned an `Option`) and
/// `post.author().get()` (a typed row's loaded relation read as a plain
/// row's field): one error each, naming what the row already is, instead
/// of "no method named `unwrap` found" with unrelated candidates. The
/// receiver is `&mut self`, as for [`RowWrite`], so that a user's own
/// `get(&self)` is picked first, not made ambiguous. In the prelude
/// without a name.
#[doc(hidden)]
#[rustfmt::skip]
pub trait RowAsOption<M: Model> {
    /// Not available: the row is no `Option`.
    fn unwrap<R>(&mut self) -> R where (): UnwrapRowInstead<M, R> { <() as UnwrapRowInstead<M, R>>::out() }
    /// Not available: the row is no `Option`.
    fn expect<T, R>(&mut self, _message: T) -> R where (): UnwrapRowInstead<M, R> { <() as UnwrapRowInstead<M, R>>::out() }
    /// Not available: the row is no relation field.
    fn get<R>(&mut self) -> R where (): GetRowInstead<M, R> { <() as GetRowInstead<M, R>>::out() }
}

impl<M: Model> RowAsOption<M> for M {}

/// `posts.prefetch_related(..)` on rows already loaded (Django's
/// `prefetch_related_objects(posts, ..)` read as a method): one error
/// naming `prefetch_onto`, instead of "no method named `prefetch_related`
/// found for `Vec<Post>`". `&mut self`, as for [`RowWrite`]. In the
/// prelude without a name.
#[doc(hidden)]
#[rustfmt::skip]
pub trait LoadedRows<M: Model> {
    /// Not available: `prefetch_onto`.
    fn select_related<P>(&mut self, _path: P) -> &mut Self where (): OntoLoadedInstead<M> { self }
    /// Not available: `prefetch_onto`.
    fn prefetch_related<P>(&mut self, _path: P) -> &mut Self where (): OntoLoadedInstead<M> { self }
    /// Not available: `len()`.
    fn count<R>(&mut self) -> R where (): RowsCountInstead<M, R> { <() as RowsCountInstead<M, R>>::out() }
    /// Not available: `iter().map(..)`.
    fn values_list<A, R>(&mut self, _fields: A) -> R where (): RowsValuesInstead<M, R> { <() as RowsValuesInstead<M, R>>::out() }
    /// Not available: `iter().map(..)`.
    fn values<A, R>(&mut self, _fields: A) -> R where (): RowsValuesInstead<M, R> { <() as RowsValuesInstead<M, R>>::out() }
}

impl<M: Model> LoadedRows<M> for Vec<M> {}
impl<M: Model> LoadedRows<M> for [M] {}

// `for post in Post::query()` (and `.map(..)`, `.collect()`, `.take(n)`):
// one error naming `.all(&db)?`. An `IntoIterator` impl does not do it:
// rustc words a `for` loop's missing `IntoIterator` itself; it reports an
// `Iterator` impl's unmet bound with the bound's message. Inherent methods
// of the same name (`filter`, `count`, `first`, `last`) come first.
#[doc(hidden)]
#[rustfmt::skip]
impl<M: Model, L> Iterator for Query<M, L> where (): ForOverQuery<M> { type Item = M; fn next(&mut self) -> Option<M> { None } }

// `Post::query()[0]`, `Post::query()[..10]`: one error naming the calls
// that slice and run the query (rustc's own "cannot index" says nothing of
// them).
impl<M: Model, L, I> std::ops::Index<I> for Query<M, L>
where
    (): SliceInstead<M>,
{
    type Output = Self;
    fn index(&self, _index: I) -> &Self {
        self
    }
}

instead! {
    InListInstead:
        "`in_(..)` / `eq_any(..)` / `isin(..)` on the `{M}` column: a list comparison here is `is_in`",
        "write `.is_in(values)` (a `Vec`, a slice or any iterator of values; an empty list matches no row)";
    NotInListInstead:
        "`not_in(..)` / `ne_all(..)` on the `{M}` column: a list exclusion here is a negated `is_in`",
        "write `.exclude(column.is_in(values))` or `.filter(!column.is_in(values))`: both keep the NULL rows, as Django's `exclude` and `~Q`";
    RangeInstead:
        "`range(..)` on the `{M}` column: Django's `__range` is `between`",
        "write `.between(low, high)`: both ends included";
    ExactInstead:
        "`exact(..)` / `is_not(..)` on the `{M}` column: comparisons here are `eq` and `ne`",
        "write `.eq(value)` (`.ne(value)` for `is_not`); with `None` on a nullable column they are IS NULL / IS NOT NULL";
    ToAttrInstead:
        "`to_attr(..)` is Django's: a `Prefetch` of `{M}` rows into a field of its own names a `Prefetched<T>` field by its handle",
        "write `.to(Post::python_tags())`, for a field `python_tags: Prefetched<Tag>` of the model (typed rows read it with `post.python_tags()`)";
    RegexInstead:
        "`regex(..)` / `iregex(..)` on the `{M}` column: regular expressions differ between SQLite, PostgreSQL and MySQL",
        "write `.like(pattern)`, `.contains(..)`, `.starts_with(..)` or `.ends_with(..)` (`i`-prefixed to ignore case), which mean the same on every backend; a regular expression is SQL of yours (`db.raw::<Model>(sql, &params)`)";
    IlikeInstead:
        "`ilike(..)` on the `{M}` column: case-insensitive matches here are named by what they match",
        "write `.icontains(..)`, `.istarts_with(..)`, `.iends_with(..)` or `.iexact(..)` (every backend); `.like(pattern)` is the database's own LIKE";
}

// Django's, SeaORM's and Diesel's names for column lookups: one error each
// naming the method here.
#[rustfmt::skip]
impl<M: Model, T, N, P> crate::query::expr::Col<M, T, N, P> {
    /// Not available: `is_in`.
    #[doc(hidden)] pub fn in_<V>(self, _values: V) -> Filter<M> where (): InListInstead<N> { Filter::new(never_expr()) }
    /// Not available: `is_in`.
    #[doc(hidden)] pub fn eq_any<V>(self, _values: V) -> Filter<M> where (): InListInstead<N> { Filter::new(never_expr()) }
    /// Not available: `is_in`.
    #[doc(hidden)] pub fn isin<V>(self, _values: V) -> Filter<M> where (): InListInstead<N> { Filter::new(never_expr()) }
    /// Not available: `!is_in`.
    #[doc(hidden)] pub fn not_in<V>(self, _values: V) -> Filter<M> where (): NotInListInstead<N> { Filter::new(never_expr()) }
    /// Not available: `!is_in`.
    #[doc(hidden)] pub fn ne_all<V>(self, _values: V) -> Filter<M> where (): NotInListInstead<N> { Filter::new(never_expr()) }
    /// Not available: `between`.
    #[doc(hidden)] pub fn range<L, H>(self, _low: L, _high: H) -> Filter<M> where (): RangeInstead<N> { Filter::new(never_expr()) }
    /// Not available: `eq`.
    #[doc(hidden)] pub fn exact<V>(self, _value: V) -> Filter<M> where (): ExactInstead<N> { Filter::new(never_expr()) }
    /// Not available: `ne`.
    #[doc(hidden)] pub fn is_not<V>(self, _value: V) -> Filter<M> where (): ExactInstead<N> { Filter::new(never_expr()) }
    /// Not available: `icontains` and the other case-insensitive lookups.
    #[doc(hidden)] pub fn ilike<V>(self, _pattern: V) -> Filter<M> where (): IlikeInstead<N> { Filter::new(never_expr()) }
    /// Not available: `like` and its kin.
    #[doc(hidden)] pub fn regex<V>(self, _pattern: V) -> Filter<M> where (): RegexInstead<N> { Filter::new(never_expr()) }
    /// Not available: `like` and its kin.
    #[doc(hidden)] pub fn iregex<V>(self, _pattern: V) -> Filter<M> where (): RegexInstead<N> { Filter::new(never_expr()) }
    /// Not available: `is_null`.
    #[doc(hidden)] pub fn is_none(self) -> Filter<M> where (): IsNullInstead<N> { Filter::new(never_expr()) }
    /// Not available: `is_not_null`.
    #[doc(hidden)] pub fn is_some(self) -> Filter<M> where (): IsNullInstead<N> { Filter::new(never_expr()) }
    /// Not available: `is_null` / `is_not_null`.
    #[doc(hidden)] pub fn isnull<V>(self, _null: V) -> Filter<M> where (): IsNullInstead<N> { Filter::new(never_expr()) }
    /// Not available: `!like`.
    #[doc(hidden)] pub fn not_like<V>(self, _pattern: V) -> Filter<M> where (): NotLikeInstead<N> { Filter::new(never_expr()) }
}

// Django's `order_by("-views")` written as `-Post::views()`: the negated
// column is a value of its own, which `order_by` rejects with `OrderArg`'s
// one error, naming `.desc()` (a unary operator's own error, E0600, cannot
// name the fix).
impl<M, T, N, P> std::ops::Neg for crate::query::expr::Col<M, T, N, P> {
    type Output = MinusColumn<M, N>;
    fn neg(self) -> Self::Output {
        MinusColumn(std::marker::PhantomData)
    }
}

/// `-column`: see the `Neg` impl of `Col`. Nothing takes it.
#[doc(hidden)]
pub struct MinusColumn<M, N>(std::marker::PhantomData<fn() -> (M, N)>);

// SeaORM's and sea-query's `order_by(a).then(b)` habit.
#[rustfmt::skip]
impl<M> crate::query::expr::Order<M> {
    /// Not available: a tuple of orderings.
    #[doc(hidden)] pub fn then<O>(self, _next: O) -> Self where (): OrderThenInstead<M> { self }
}

// Django's `Prefetch(.., to_attr="..")`.
#[rustfmt::skip]
impl<R: crate::model::relation::Relation, N, D> crate::query::prefetch::Prefetch<R, N, D> {
    /// Not available: `.to(Model::field())`.
    #[doc(hidden)] pub fn to_attr<A>(self, _name: A) -> Self where (): ToAttrInstead<R::Source> { self }
}

/// The condition of a method whose bound is never met (it cannot be called).
fn never_expr() -> crate::plan::condition::Expr {
    crate::plan::condition::Expr::And(Vec::new())
}

/// The body of a method whose bound is never met (it cannot be called).
fn never() -> crate::Error {
    crate::Error::Database {
        message: String::new(),
        statement: String::new(),
        source: None,
    }
}

// Each method below takes what its Django namesake is most often given, so
// that the call reaches the bound instead of an argument-count error.
#[rustfmt::skip]
impl<M: Model, L> Query<M, L> {
    /// Not available: `.filter(..).one(&db)`.
    #[doc(hidden)] pub fn get<F, R>(self, _filter: F) -> R where (): GetInstead<M, R> { <() as GetInstead<M, R>>::out() }
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
    /// Not available: a filter matching no row, or no query.
    #[doc(hidden)] pub fn none(self) -> Self where (): NoneInstead<M> { self }
    /// Not available: `select_related`.
    #[doc(hidden)] pub fn inner_join<A>(self, _relation: A) -> Self where (): JoinInstead<M> { self }
    /// Not available: `select_related`.
    #[doc(hidden)] pub fn join<A>(self, _relation: A) -> Self where (): JoinInstead<M> { self }
    /// Not available: map the loaded rows.
    #[doc(hidden)] pub fn select<A>(self, _columns: A) -> Self where (): ValuesInstead<M> { self }
    /// Not available: `count_related`, `count`.
    #[doc(hidden)] pub fn group_by<A>(self, _columns: A) -> Self where (): AnnotateInstead<M> { self }
    /// Not available: `Prefetch::new(..).to(..)`.
    #[doc(hidden)] pub fn to<A>(self, _field: A) -> Self where (): QueryToInstead<M> { self }
    /// Not available: `select_related`.
    #[doc(hidden)] pub fn left_join<A>(self, _relation: A) -> Self where (): JoinInstead<M> { self }
    /// Not available: `select_related`.
    #[doc(hidden)] pub fn find_also_related<A>(self, _relation: A) -> Self where (): JoinInstead<M> { self }
    /// Not available: `prefetch_related`.
    #[doc(hidden)] pub fn with<A>(self, _relation: A) -> Self where (): WithInstead<M> { self }
    /// Not available: `prefetch_related`.
    #[doc(hidden)] pub fn include<A>(self, _relation: A) -> Self where (): WithInstead<M> { self }
    /// Not available: `prefetch_related`.
    #[doc(hidden)] pub fn find_with_related<A>(self, _relation: A) -> Self where (): WithInstead<M> { self }
    /// Not available: `limit` and `offset`.
    #[doc(hidden)] pub fn paginate<E, S>(self, _executor: E, _size: S) -> Self where (): PaginateInstead<M> { self }
    /// Not available: the first row in the other order.
    #[doc(hidden)] pub fn last<E>(&self, _executor: E) -> Result<Option<M>> where (): LastInstead<M> { Ok(None) }
    /// Not available: `order_by` and `first`.
    #[doc(hidden)] pub fn latest<A>(&self, _field: A) -> Result<M> where (): LatestInstead<M> { Err(never()) }
    /// Not available: `order_by` and `first`.
    #[doc(hidden)] pub fn earliest<A>(&self, _field: A) -> Result<M> where (): LatestInstead<M> { Err(never()) }
    /// Not available: `filter(..is_in(..))`.
    #[doc(hidden)] pub fn in_bulk<A>(&self, _keys: A) -> Result<Vec<M>> where (): InBulkInstead<M> { Ok(Vec::new()) }
    /// Not available: `limit`.
    #[doc(hidden)] pub fn take<C>(self, _n: C) -> Self where (): TakeInstead<M> { self }
    /// Not available: `offset`.
    #[doc(hidden)] pub fn skip<C>(self, _n: C) -> Self where (): TakeInstead<M> { self }
    /// Not available: map the rows of `.all(&db)?`.
    #[doc(hidden)] pub fn map<F: FnMut(M) -> B, B>(self, _f: F) -> std::vec::IntoIter<B> where (): ForOverQuery<M> { Vec::new().into_iter() }
    /// Not available: `.all(&db)?`.
    #[doc(hidden)] pub fn collect(self) -> Vec<M> where (): ForOverQuery<M> { Vec::new() }
    /// Not available: `.all(&db)?`.
    #[doc(hidden)] pub fn iter(&self) -> std::vec::IntoIter<M> where (): ForOverQuery<M> { Vec::new().into_iter() }
    /// Not available: `.count(&db)`.
    #[doc(hidden)] pub fn len(&self) -> usize where (): LenInstead<M> { 0 }
    /// Not available: `.exists(&db)`.
    #[doc(hidden)] pub fn is_empty(&self) -> bool where (): LenInstead<M> { true }
    /// Not available: `.all(&db)`.
    #[doc(hidden)] pub fn iterator(&self) -> std::vec::IntoIter<M> where (): IteratorInstead<M> { Vec::new().into_iter() }
    /// Not available: SQL of the caller's.
    #[doc(hidden)] pub fn select_for_update(self) -> Self where (): LockInstead<M> { self }
    /// Not available: `db.insert(&row)`.
    #[doc(hidden)] pub fn create<A>(&self, _row: A) -> Result<M> where (): CreateInstead<M> { Err(never()) }
    /// Not available: `db.insert_all(&rows)`.
    #[doc(hidden)] pub fn bulk_create<A>(&self, _rows: A) -> Result<Vec<M>> where (): CreateInstead<M> { Ok(Vec::new()) }
    /// Not available: SQL of the caller's.
    #[doc(hidden)] pub fn get_or_create<A>(&self, _row: A) -> Result<(M, bool)> where (): CreateInstead<M> { Err(never()) }
    /// Not available: SQL of the caller's.
    #[doc(hidden)] pub fn update_or_create<A>(&self, _row: A) -> Result<(M, bool)> where (): CreateInstead<M> { Err(never()) }
    // The sqlx and Diesel names return what the right call would, so that
    // a `?` after them adds no second error.
    /// Not available: `.all_async(&db)`. A future, as sqlx's is, so that
    /// its `.await` adds no second error.
    #[doc(hidden)] pub fn fetch_all<E, R>(&self, _executor: E) -> R where (): FetchAllInstead<M, R> { <() as FetchAllInstead<M, R>>::out() }
    /// Not available: `.all(&db)`.
    #[doc(hidden)] pub fn load<E, R>(&self, _executor: E) -> R where (): FetchAllInstead<M, R> { <() as FetchAllInstead<M, R>>::out() }
    /// Not available: `.first_async(&db)`.
    #[doc(hidden)] pub fn fetch_optional<E, R>(&self, _executor: E) -> R where (): FetchOptionalInstead<M, R> { <() as FetchOptionalInstead<M, R>>::out() }
    /// Not available: `.all(&db)`.
    #[doc(hidden)] pub fn get_results<E, R>(&self, _executor: E) -> R where (): GetResultsInstead<M, R> { <() as GetResultsInstead<M, R>>::out() }
    /// Not available: `.one(&db)`.
    #[doc(hidden)] pub fn get_result<E, R>(&self, _executor: E) -> R where (): GetResultInstead<M, R> { <() as GetResultInstead<M, R>>::out() }
    /// Not available: `.filter(a | b)`.
    #[doc(hidden)] pub fn or_filter<F>(self, _filter: F) -> Self where (): OrFilterInstead<M> { self }
    /// Not available: the database is the argument of `.all(..)`.
    #[doc(hidden)] pub fn using<A>(self, _database: A) -> Self where (): UsingInstead<M> { self }
    /// Not available: `plan_for(&db)`.
    #[doc(hidden)] pub fn explain<E, R>(&self, _executor: E) -> R where (): ExplainInstead<M, R> { <() as ExplainInstead<M, R>>::out() }
}
