//! Per-parent counts of a many-valued relation, without loading its rows
//! (Django's `annotate(Count("tags"))` for a prefetch): one
//! `SELECT key, COUNT(*) ... GROUP BY key` statement per level, the counts
//! stitched into a [`Counted`] field of each parent.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use crate::error::NotLoaded;
use crate::error::{Deferred, Error, Result};
use crate::model::column::{Column, Key, RawRow};
use crate::model::fields::FieldName;
use crate::model::relation::{Many, Relation, RelationKind};
use crate::model::table::Model;
use crate::model::typed::Union;
use crate::model::value::Value;
use crate::plan::across::{Scope, add_joins, condition, condition_text};
use crate::plan::condition::Expr;
use crate::plan::join::JoinNode;
use crate::plan::spellings;
use crate::plan::sql::{
    Aliases, Ctx, Dialect, KeyBinding, PlannedStatement, SqlWriter, Statement, key_table_column,
    keys_alias,
};
use crate::query::builder::Query;
use crate::query::expr::{Filter, FilterArg};
use crate::query::prefetch::{KeyHash, Parents, Prefetch, PrefetchNode, add_node, conflict};

/// A model field holding how many `T` rows a relation has for this row,
/// filled by [`Query::count_related`]; no column.
///
/// ```
/// use related::prelude::*;
/// use related::{CountTarget, NotLoaded};
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post {
///     id: i64,
///     tags: ManyToMany<Tag>,
///     tag_count: Counted<Tag>,
///     rust_tag_count: Counted<Tag>,
/// }
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Tag::info(), Post::info()])?;
/// db.insert_all(&[Tag { id: 1, name: "rust".into() }, Tag { id: 2, name: "sql".into() }])?;
/// for id in [1, 2] {
///     let (tags, tag_count, rust_tag_count) = Default::default();
///     db.insert(&Post { id, tags, tag_count, rust_tag_count })?;
/// }
/// db.link(Post::tags(), &1, &1)?;
/// db.link(Post::tags(), &1, &2)?;
///
/// let posts = Post::query()
///     .count_related(Post::tags(), Post::tag_count()) // one GROUP BY statement
///     .count_related_where(Post::tags(), Tag::name().eq("rust"), Post::rust_tag_count())
///     .order_by(Post::id().asc())
///     .all(&db)?;
/// assert_eq!((posts[0].tag_count.get()?, posts[0].rust_tag_count.get()?), (2, 1));
/// assert_eq!(posts[1].tag_count.get()?, 0); // no tags: 0, not an error
///
/// // Not counted by this query: an error naming the call to add.
/// let plain = Post::query().first(&db)?.unwrap();
/// assert!(matches!(plain.tag_count.get(), Err(NotLoaded::NotCounted { field: "tag_count", .. })));
///
/// // The field handle is a `CountTarget`.
/// fn field_name<A: CountTarget>(_field: A) -> &'static str { A::name() }
/// assert_eq!(field_name(Post::tag_count()), "tag_count");
/// # Ok(()) }
/// ```
///
/// The second parameter, `Unused`, is always `()`, as for the relation
/// field types: the derive reports `Counted` without its target, or with
/// two type arguments, as one error naming what to write.
pub struct Counted<T = (), Unused = ()> {
    count: Option<u64>,
    name: &'static FieldName,
    _rows: PhantomData<fn() -> (T, Unused)>,
}

static UNNAMED: FieldName = FieldName {
    model: "?",
    field: "?",
    joinable: false,
};

impl<T> Counted<T> {
    /// A count no query has filled, what a row built by hand holds (the
    /// same as `Default::default()`).
    pub fn new() -> Self {
        Self::default()
    }

    #[doc(hidden)]
    pub fn __unloaded(name: &'static FieldName) -> Self {
        Counted {
            count: None,
            name,
            _rows: PhantomData,
        }
    }

    /// The count, or an error naming the call that fills it.
    pub fn get(&self) -> Result<u64, NotLoaded> {
        self.count.ok_or(NotLoaded::NotCounted {
            model: self.name.model,
            field: self.name.field,
        })
    }

    /// Store a count (what a load does).
    pub fn set(&mut self, count: u64) {
        self.count = Some(count);
    }

    /// For a typed row's check: no rows (a count holds none), or
    /// `NotCounted`.
    #[doc(hidden)]
    pub fn __as_loaded(&self) -> Result<&[std::sync::Arc<T>], NotLoaded> {
        self.get().map(|_| &[][..])
    }
}

impl<T> Default for Counted<T> {
    fn default() -> Self {
        Counted::__unloaded(&UNNAMED)
    }
}

impl<T, U> Clone for Counted<T, U> {
    fn clone(&self) -> Self {
        Counted { ..*self }
    }
}

/// The right side a [`Counted`] field compares with: the same field type,
/// nothing else (implemented below).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{F}` is compared with `{Self}`: a `Counted` field holds its count only when the query filled it",
    label = "read the count first: `row.comment_count.get()? > 10` (a typed row: `row.comment_count() > 10`)",
    note = "`==` on the whole field compares two `Counted` fields; `<`, `>` compare counts, read with `.get()?`"
)]
pub trait SameCount<F> {
    /// Whether `self` and `field` hold the same count.
    fn __same(&self, field: &F) -> bool;
}

/// The right side of `<` / `>` on a [`Counted`] field: never implemented
/// (the count is read first), so that `post.comment_count > 10` is one
/// error naming `.get()?` instead of "binary operation `>` cannot be
/// applied".
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{F}` is ordered against `{Self}`: a `Counted` field holds its count only when the query filled it",
    label = "read the count first: `row.comment_count.get()? > 10` (a typed row: `row.comment_count() > 10`)"
)]
pub trait CountOrdered<F>: SameCount<F> {}

#[diagnostic::do_not_recommend]
impl<T> SameCount<Counted<T>> for Counted<T> {
    fn __same(&self, other: &Counted<T>) -> bool {
        self.count == other.count
    }
}

// Generic over the right side only so that `post.comment_count == 3` is
// one error naming `.get()?`; the one right side that compiles is the same
// field type.
impl<T, V: SameCount<Self>> PartialEq<V> for Counted<T> {
    fn eq(&self, other: &V) -> bool {
        other.__same(self)
    }
}

impl<T, V: CountOrdered<Self>> PartialOrd<V> for Counted<T> {
    fn partial_cmp(&self, _other: &V) -> Option<std::cmp::Ordering> {
        None
    }
}

impl<T, U> fmt::Debug for Counted<T, U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.count {
            Some(n) => n.fmt(f),
            None => f.write_str("Counted(not loaded)"),
        }
    }
}

/// A count serializes as a number, `null` when not counted.
#[cfg(feature = "serde")]
impl<T> serde::Serialize for Counted<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.count.serialize(s)
    }
}

/// A [`Counted`] field, as its handle (`Post::tag_count()`) names it.
/// Implemented by the derive.
///
/// The example at [`Counted`] counts into two such fields.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `Counted<_>` field",
    label = "expected the handle of a `Counted<T>` field of the query's model, called: `Model::field()`",
    note = "a count goes into a field declared `Counted<T>` (`pub tag_count: Counted<Tag>`), named by its handle: `.count_related(Post::tags(), Post::tag_count())`"
)]
pub trait CountTarget: Copy + Send + Sync + 'static {
    /// The loaded set of `Source` holding this count (for typed rows).
    type Loads;
    /// The model holding the `Counted` field.
    type Source: Model;
    /// The model whose rows are counted.
    type Item: Model;
    /// The field's name.
    fn name() -> &'static str;
    /// Stores `count` in the field of `source`.
    fn set(source: &mut Self::Source, count: u64);
}

impl<M: Model, L> Query<M, L> {
    /// Count the rows of a many-valued relation for each row into a
    /// `Counted` field, without loading them: one `SELECT key, COUNT(*)
    /// ... GROUP BY key` statement, keyed by the rows loaded.
    /// A row with no related rows gets 0.
    ///
    /// The count is in the rows' type: a typed row reads it as
    /// `post.tag_count()`, a `u64`.
    // One line: rustc quotes the line of the unmet bound (a relation that
    // is not many-valued, a target that is not a `Counted` field), and the
    // error stays within 15 lines.
    #[rustfmt::skip]
    pub fn count_related<R, A>(self, relation: R, target: A) -> Query<M, WithCount<L, M, R, A>> where (): CountRelation<M, R>, CountedRows<M, R>: CountField<A, M, CountedRows<M, R>>, L: Union<LoadsOf<M, R, A>> {
        self.count_related_untyped(relation, target).retype()
    }

    /// [`Query::count_related`], counting only the related rows that match
    /// `filter`.
    #[rustfmt::skip]
    pub fn count_related_where<R, F, A>(self, relation: R, filter: F, target: A) -> Query<M, WithCount<L, M, R, A>> where (): CountRelation<M, R> + FilterArg<CountedRows<M, R>, F>, CountedRows<M, R>: CountField<A, M, CountedRows<M, R>>, L: Union<LoadsOf<M, R, A>> {
        let filter = <() as FilterArg<CountedRows<M, R>, F>>::__filter(filter);
        self.count_related_where_untyped(relation, filter, target).retype()
    }

    /// [`Query::count_related`] leaving the type as it is (for generic
    /// code, as [`Query::select_related_untyped`]).
    pub fn count_related_untyped<R, A>(self, relation: R, target: A) -> Self
    where
        (): CountRelation<M, R>,
        CountedRows<M, R>: CountField<A, M, CountedRows<M, R>>,
    {
        let relation = <() as CountRelation<M, R>>::__relation(relation);
        let target = <CountedRows<M, R> as CountField<A, M, CountedRows<M, R>>>::__field(target);
        self.count_related_where_opt(relation, None, target)
    }

    /// [`Query::count_related_where`] leaving the type as it is.
    pub fn count_related_where_untyped<R, A>(
        self,
        relation: R,
        filter: Filter<CountedRows<M, R>>,
        target: A,
    ) -> Self
    where
        (): CountRelation<M, R>,
        CountedRows<M, R>: CountField<A, M, CountedRows<M, R>>,
    {
        let relation = <() as CountRelation<M, R>>::__relation(relation);
        let target = <CountedRows<M, R> as CountField<A, M, CountedRows<M, R>>>::__field(target);
        self.count_related_where_opt(relation, Some(filter.expr), target)
    }

    fn count_related_where_opt<R, A>(
        mut self,
        _relation: R,
        filter: Option<Expr>,
        _target: A,
    ) -> Self
    where
        R: Relation<Source = M, Card = Many>,
        A: CountTarget<Source = M, Item = R::Target>,
    {
        let node = CountLevel::<R> {
            filter,
            target: TypeId::of::<A>(),
            name: A::name(),
            set: A::set,
            chunks: Vec::new(),
            counts: HashMap::default(),
            fetching: false,
        };
        if let Err(e) = add_node(&mut self.core.prefetch, Box::new(node)) {
            self.core.errors.push(Deferred::at(e, A::name().to_owned()));
        }
        self
    }
}

/// What `count_related` counts: a many-valued relation (`R`) of the
/// query's model, `M`. Stated on `()`, as `FilterArg` is, so that a
/// foreign key, another model's relation or a handle without its
/// parentheses is one error naming it.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{R}` is not a many-valued relation of `{M}`: `count_related` counts the rows of a ManyToMany or Reverse relation",
    label = "expected a ManyToMany or Reverse relation handle of `{M}`, called: `Model::field()`",
    note = "a ForeignKey or OneToOne has at most one row: load it with `.select_related(..)`, or filter on its key column (`Post::author_id().is_null()`); a relation of a prefetched model is counted below its level: `Prefetch::new(..).count_related(..)`; a relation is a handle, not a string: `\"comments\"` is `Post::comments()`; the relation comes first, then the `Counted` field: `.count_related(Post::comments(), Post::comment_count())`"
)]
pub trait CountRelation<M, R> {
    /// `R` itself, seen as the many-valued relation of `M` it is.
    #[doc(hidden)]
    type Counted: Relation<Source = M, Card = Many>;
    /// The relation handle, as [`CountRelation::Counted`].
    #[doc(hidden)]
    fn __relation(relation: R) -> Self::Counted;
}

#[diagnostic::do_not_recommend]
impl<M, R: Relation<Source = M, Card = Many>> CountRelation<M, R> for () {
    type Counted = R;
    #[inline]
    fn __relation(relation: R) -> R {
        relation
    }
}

/// Where `count_related` puts its counts: a `Counted<T>` field (`A`) of
/// `M` counting `T` rows. Stated on the counted rows, `T`, which come from
/// the relation: where the relation is wrong (the two arguments swapped),
/// `T` is unknown and only the relation's error is reported.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{A}` is not a `Counted<{T}>` field of `{M}`",
    label = "expected the handle of a `Counted<{T}>` field of `{M}`, called: `Model::field()`",
    note = "a count goes into a field declared `Counted<T>` (`pub tag_count: Counted<Tag>`), named by its handle: `.count_related(Post::tags(), Post::tag_count())`"
)]
pub trait CountField<A, M, T> {
    /// `A` itself, seen as the count field it is.
    #[doc(hidden)]
    type Field: CountTarget<Source = M, Item = T>;
    /// The field handle, as [`CountField::Field`].
    #[doc(hidden)]
    fn __field(field: A) -> Self::Field;
}

// The match on `Source` and `Item` is a bound, not the impl's header: a
// handle of another count is then reported where the return type needs it,
// without the 5-line "required by a bound" note (14 lines, not 19).
#[diagnostic::do_not_recommend]
impl<M, T, A: CountsInto<M, T>> CountField<A, M, T> for T {
    type Field = A;
    #[inline]
    fn __field(field: A) -> A {
        field
    }
}

/// `Self` is a count field of `M` counting `T` rows (see [`CountField`]).
#[doc(hidden)]
pub trait CountsInto<M, T>: CountTarget<Source = M, Item = T> {}

#[diagnostic::do_not_recommend]
impl<M, T, A: CountTarget<Source = M, Item = T>> CountsInto<M, T> for A {}

/// The relation `count_related` was given, as what it counts.
type Counts<M, R> = <() as CountRelation<M, R>>::Counted;
/// The rows that relation counts.
type CountedRows<M, R> = <Counts<M, R> as Relation>::Target;
/// The count field `count_related` was given.
type FieldOf<M, R, A> = <CountedRows<M, R> as CountField<A, M, CountedRows<M, R>>>::Field;
/// What the count field adds to the loaded set.
type LoadsOf<M, R, A> = <FieldOf<M, R, A> as CountTarget>::Loads;
/// The loaded set `S` with that count added.
type WithCount<S, M, R, A> = <S as Union<LoadsOf<M, R, A>>>::Output;

impl<R: Relation, N, D> Prefetch<R, N, D> {
    /// [`Query::count_related`] on the rows of this level (in their type).
    #[rustfmt::skip]
    pub fn count_related<R2, A>(self, relation: R2, target: A) -> Prefetch<R, WithCount<N, R::Target, R2, A>, D> where (): CountRelation<R::Target, R2>, CountedRows<R::Target, R2>: CountField<A, R::Target, CountedRows<R::Target, R2>>, N: Union<LoadsOf<R::Target, R2, A>> {
        self.count_related_untyped(relation, target).retype()
    }

    /// [`Query::count_related_where`] on the rows of this level (in their
    /// type).
    #[rustfmt::skip]
    pub fn count_related_where<R2, F, A>(self, relation: R2, filter: F, target: A) -> Prefetch<R, WithCount<N, R::Target, R2, A>, D> where (): CountRelation<R::Target, R2> + FilterArg<CountedRows<R::Target, R2>, F>, CountedRows<R::Target, R2>: CountField<A, R::Target, CountedRows<R::Target, R2>>, N: Union<LoadsOf<R::Target, R2, A>> {
        let filter = <() as FilterArg<CountedRows<R::Target, R2>, F>>::__filter(filter);
        self.count_related_where_untyped(relation, filter, target).retype()
    }

    /// [`Prefetch::count_related`] leaving the type as it is.
    pub fn count_related_untyped<R2, A>(mut self, relation: R2, target: A) -> Self
    where
        (): CountRelation<R::Target, R2>,
        CountedRows<R::Target, R2>: CountField<A, R::Target, CountedRows<R::Target, R2>>,
    {
        let query = std::mem::take(self.query_mut());
        *self.query_mut() = query.count_related_untyped(relation, target);
        self
    }

    /// [`Prefetch::count_related_where`] leaving the type as it is.
    pub fn count_related_where_untyped<R2, A>(
        mut self,
        relation: R2,
        filter: Filter<CountedRows<R::Target, R2>>,
        target: A,
    ) -> Self
    where
        (): CountRelation<R::Target, R2>,
        CountedRows<R::Target, R2>: CountField<A, R::Target, CountedRows<R::Target, R2>>,
    {
        let query = std::mem::take(self.query_mut());
        *self.query_mut() = query.count_related_where_untyped(relation, filter, target);
        self
    }
}

/// A counting level's query in a few words, for a duplicate lookup's
/// error (not generic: compiled once).
fn describe_count(table: &str, filter: Option<&Expr>) -> String {
    match filter {
        Some(filter) => format!(
            "`count_related_where` (filter `{}`)",
            condition_text(table, filter)
        ),
        None => "`count_related`".to_owned(),
    }
}

/// A count of a typed row (the accessor's body): every typed row was
/// checked to hold the counts of its type (see `model::typed`).
#[doc(hidden)]
pub fn counted<T>(count: &Counted<T>) -> u64 {
    count
        .get()
        .expect("a typed row holds the counts of its type")
}

/// The counting level of relation `R` into one `Counted` field.
struct CountLevel<R: Relation> {
    filter: Option<Expr>,
    target: TypeId,
    name: &'static str,
    set: fn(&mut R::Source, u64),
    // Run state.
    chunks: Vec<Vec<Value>>,
    counts: HashMap<R::Link, u64, KeyHash>,
    fetching: bool,
}

impl<R: Relation> CountLevel<R> {
    /// `SELECT link, COUNT(*) FROM target [JOIN through] WHERE link IN keys
    /// [AND filter] GROUP BY link`. Link-table rows are joined to their
    /// target, as a prefetch does, so a link to a missing row is not
    /// counted and a filter can apply.
    fn statement(&self, ctx: Ctx, keys: Vec<Value>) -> Statement {
        if !<R::Link as Key>::EXACT_EQUALITY {
            return self.matched_statement(ctx, keys);
        }
        let target = <R::Target as Model>::info();
        let mut w = SqlWriter::new(ctx.dialect);
        let (alias, column) = match R::info().kind {
            RelationKind::ManyToMany {
                through,
                source_column,
                target_column,
            }
            | RelationKind::ReverseManyToMany {
                through,
                source_column,
                target_column,
            } => {
                w.push("SELECT ")
                    .qualified(through, source_column)
                    .push(", COUNT(*) FROM ")
                    .ident(target.table)
                    .push(" INNER JOIN ")
                    .ident(through)
                    .push(" ON ")
                    .qualified(through, target_column)
                    .push(" = ")
                    .qualified(target.table, target.pk_column().name);
                (through, source_column)
            }
            RelationKind::ReverseForeignKey { column }
            | RelationKind::ReverseOneToOne { column } => {
                w.push("SELECT ")
                    .qualified(target.table, column)
                    .push(", COUNT(*) FROM ")
                    .ident(target.table);
                (target.table, column)
            }
            // `Card = Many` admits only the kinds above.
            RelationKind::ForeignKey { .. } | RelationKind::OneToOne { .. } => {
                let pk = target.pk_column().name;
                w.push("SELECT ")
                    .qualified(target.table, pk)
                    .push(", COUNT(*) FROM ")
                    .ident(target.table);
                (target.table, pk)
            }
        };
        let (mut aliases, scope) = self.filter_joins(&mut w, &[]);
        w.push(" WHERE ");
        w.key_list(
            alias,
            column,
            keys,
            ctx.binding,
            <R::Link as crate::model::column::Column>::SQL_TYPE,
        );
        if let Some(filter) = &self.filter {
            w.push(" AND ");
            condition(&mut w, &mut aliases, &scope, filter);
        }
        w.push(" GROUP BY ").qualified(alias, column);
        w.finish()
    }

    /// The JOINs the filter's columns across relations need, after the
    /// target and link tables (and `taken`, other names already in the
    /// statement), and the scope to write the filter in.
    fn filter_joins(&self, w: &mut SqlWriter, taken: &[&str]) -> (Aliases, Scope) {
        let target = <R::Target as Model>::info();
        let mut aliases = Aliases::default();
        for name in taken {
            aliases.take(name);
        }
        aliases.take(target.table);
        if let Some((through, _, _)) = R::info().kind.through() {
            aliases.take(through);
        }
        let mut scope = Scope::new(target.table.to_owned(), self.filter.as_ref());
        if let Some(filter) = &self.filter {
            add_joins(w, &mut aliases, &mut scope, filter);
        }
        (aliases, scope)
    }

    /// For keys the database may match loosely (text, under a collation
    /// that ignores case or trailing blanks, or `CHAR(n)` padding): `SELECT
    /// key, COUNT(*) FROM keys JOIN [through JOIN] target GROUP BY key`.
    /// Each count comes back with the key as sent, as a prefetch's rows
    /// do, so a row the database relates to two parents' keys (`fr`, `FR`)
    /// counts for both, as a JOIN relates it to both.
    fn matched_statement(&self, ctx: Ctx, keys: Vec<Value>) -> Statement {
        let target = <R::Target as Model>::info();
        let dialect = ctx.dialect;
        let key = key_table_column(dialect, ctx.binding);
        let through = R::info().kind.through();
        let keys_as = keys_alias(target.table, through.map(|(table, _, _)| table));
        let mut w = SqlWriter::new(dialect);
        w.push("SELECT ");
        if dialect == Dialect::Mysql {
            // Grouped by the key's bytes below (the keys take the
            // connection's collation, which may fold `fr` and `FR`); every
            // key of a group is the same text.
            w.push("MIN(").qualified(keys_as, key).push(")");
        } else {
            w.qualified(keys_as, key);
        }
        w.push(", COUNT(*) FROM ");
        w.key_table(keys, ctx.binding, <R::Link as Column>::SQL_TYPE, keys_as);
        // The table's column on the left of each comparison: its
        // collation decides (SQLite takes the left operand's).
        match through {
            Some((through, source_column, target_column)) => {
                w.push(" INNER JOIN ")
                    .ident(through)
                    .push(" ON ")
                    .qualified(through, source_column)
                    .push(" = ")
                    .qualified(keys_as, key)
                    .push(" INNER JOIN ")
                    .ident(target.table)
                    .push(" ON ")
                    .qualified(through, target_column)
                    .push(" = ")
                    .qualified(target.table, target.pk_column().name);
            }
            None => {
                let column = match R::info().kind {
                    RelationKind::ReverseForeignKey { column }
                    | RelationKind::ReverseOneToOne { column } => column,
                    _ => target.pk_column().name,
                };
                w.push(" INNER JOIN ")
                    .ident(target.table)
                    .push(" ON ")
                    .qualified(target.table, column)
                    .push(" = ")
                    .qualified(keys_as, key);
            }
        }
        let (mut aliases, scope) = self.filter_joins(&mut w, &[keys_as]);
        if let Some(filter) = &self.filter {
            w.push(" WHERE ");
            condition(&mut w, &mut aliases, &scope, filter);
        }
        w.push(" GROUP BY ");
        if dialect == Dialect::Mysql {
            w.push("CAST(").qualified(keys_as, key).push(" AS BINARY)");
        } else {
            w.qualified(keys_as, key);
        }
        w.finish()
    }
}

impl<R: Relation> PrefetchNode<R::Source> for CountLevel<R> {
    fn key(&self) -> (TypeId, TypeId) {
        (TypeId::of::<R>(), self.target)
    }

    fn custom(&self) -> bool {
        true
    }

    fn lookup(&self) -> &'static str {
        self.name
    }

    fn errors(&self) -> &[Deferred] {
        &[]
    }

    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }

    fn clone_box(&self) -> Box<dyn PrefetchNode<R::Source>> {
        Box::new(CountLevel::<R> {
            filter: self.filter.clone(),
            target: self.target,
            name: self.name,
            set: self.set,
            chunks: Vec::new(),
            counts: HashMap::default(),
            fetching: false,
        })
    }

    fn merge(&mut self, other: Box<dyn PrefetchNode<R::Source>>) -> Result<()> {
        // The same field counted twice.
        Err(conflict(self, other.as_ref()))
    }

    fn describe(&self) -> String {
        describe_count(<R::Target as Model>::info().table, self.filter.as_ref())
    }

    fn resolve(&mut self, _joins: &[Box<dyn JoinNode<R::Source>>]) {}

    fn explain(&self, ctx: Ctx, prefix: &str, out: &mut Vec<PlannedStatement>) {
        let keys = match ctx.binding {
            KeyBinding::OneParameter => Vec::new(),
            KeyBinding::Expanded { .. } => vec![Value::Null],
        };
        let name = format!("{} -> {} (count)", R::info().name, self.name);
        out.push(PlannedStatement {
            lookup: if prefix.is_empty() {
                name
            } else {
                format!("{prefix}__{name}")
            },
            sql: self.statement(ctx, keys).sql,
            split_by_keys: matches!(ctx.binding, KeyBinding::Expanded { .. }),
        });
    }

    fn next_statement(
        &mut self,
        parents: &mut dyn Parents<R::Source>,
        ctx: Ctx,
    ) -> Result<Option<Statement>> {
        if !self.fetching {
            self.fetching = true;
            let mut seen: HashMap<R::Link, (), KeyHash> = HashMap::default();
            let mut keys = Vec::new();
            parents.for_each(&mut |p| {
                if let Some(k) = R::source_link(p)
                    && seen.insert(k.clone(), ()).is_none()
                {
                    keys.push(k.to_value());
                }
            });
            // A filter no row can match counts 0 for every parent, unsent.
            if keys.is_empty() || self.filter.as_ref().is_some_and(Expr::matches_nothing) {
                return Ok(None);
            }
            self.chunks = match ctx.binding {
                KeyBinding::OneParameter => vec![keys],
                KeyBinding::Expanded { max } => {
                    let own = self.statement(ctx, vec![Value::Null]).params.len() - 1;
                    let per_key = spellings::per_key(ctx.dialect.storage(), &keys[0]);
                    let size = (max.saturating_sub(own) / per_key).max(1);
                    crate::plan::schema::key_chunks(keys, size, per_key)
                }
            };
            self.chunks.reverse();
        }
        Ok(self.chunks.pop().map(|keys| self.statement(ctx, keys)))
    }

    fn accept_row(&mut self, row: &dyn RawRow, sql: &str) -> Result<()> {
        let source = <R::Source as Model>::info().name;
        let decode = |column: &'static str, error| Error::Decode {
            model: source,
            field: self.name,
            column,
            error,
            statement: sql.to_owned(),
        };
        let key = <R::Link as Column>::decode(row, 0).map_err(|e| decode("key", e))?;
        let count = row
            .get_i64(1)
            .and_then(|n| n.ok_or(crate::error::CellError::UnexpectedNull))
            .map_err(|e| decode("COUNT(*)", e))?;
        let count = u64::try_from(count).map_err(|_| {
            decode(
                "COUNT(*)",
                crate::error::CellError::OutOfRange {
                    value: count.to_string(),
                    expected: "a count (u64)",
                },
            )
        })?;
        // Split key lists never repeat a key; add in case a backend splits
        // one group.
        *self.counts.entry(key).or_insert(0) += count;
        Ok(())
    }

    fn attach(&mut self, parents: &mut dyn Parents<R::Source>) {
        let counts = std::mem::take(&mut self.counts);
        let set = self.set;
        parents.for_each(&mut |p| {
            let n = R::source_link(p)
                .and_then(|k| counts.get(k))
                .copied()
                .unwrap_or(0);
            set(p, n);
        });
        self.fetching = false;
    }
}
