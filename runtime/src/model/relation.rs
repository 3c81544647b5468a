//! Relations as types: every relation field of a model gets a zero-sized
//! marker type implementing [`Relation`]; the query builder takes those
//! markers (and chains of them), so the compiler checks what may be joined.

use std::any::TypeId;
use std::sync::Arc;

use crate::model::column::Key;
use crate::model::table::{KeyOf, Model, ModelInfo};

/// The relation loads at most one row per source row (an example at
/// [`Cardinality`]).
pub enum One {}
/// The relation loads any number of rows per source row (an example at
/// [`Cardinality`]).
pub enum Many {}

/// Marker for [`One`] and [`Many`].
///
/// ```
/// use related::{Cardinality, Many, One};
///
/// assert!(Many::MANY && !One::MANY);
/// ```
pub trait Cardinality: 'static {
    /// Whether the relation loads many rows per source row.
    const MANY: bool;
}
impl Cardinality for One {
    const MANY: bool = false;
}
impl Cardinality for Many {
    const MANY: bool = true;
}

/// The SQL shape of a relation.
///
/// ```
/// use related::prelude::*;
/// use related::{Relation, RelationKind};
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64 }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post { id: i64, tags: ManyToMany<Tag> }
///
/// fn kind<R: Relation>(_relation: R) -> RelationKind {
///     R::info().kind
/// }
///
/// let kind = kind(Post::tags());
/// assert_eq!(kind.through(), Some(("post_tags", "post_id", "tag_id")));
/// assert!(kind.is_many());
/// assert_eq!(kind.reversed().through(), Some(("post_tags", "tag_id", "post_id")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelationKind {
    /// `source.column` holds the target's primary key.
    ForeignKey {
        /// The key column, in the source's table.
        column: &'static str,
        /// Whether the column takes NULL (`Option<ForeignKey<T>>`).
        nullable: bool,
    },
    /// A foreign key whose column is unique.
    OneToOne {
        /// The key column, in the source's table.
        column: &'static str,
        /// Whether the column takes NULL (`Option<OneToOne<T>>`).
        nullable: bool,
    },
    /// Rows of `through` link `source_column` (source pk) to `target_column`
    /// (target pk).
    ManyToMany {
        /// The link table.
        through: &'static str,
        /// The link table's column holding the source's key.
        source_column: &'static str,
        /// The link table's column holding the target's key.
        target_column: &'static str,
    },
    /// `target.column` holds the source's primary key (many rows).
    ReverseForeignKey {
        /// The key column, in the target's table.
        column: &'static str,
    },
    /// `target.column` holds the source's primary key (at most one row).
    ReverseOneToOne {
        /// The key column, in the target's table.
        column: &'static str,
    },
    /// The many-to-many seen from its target: `source_column` holds this
    /// model's key, `target_column` the other side's.
    ReverseManyToMany {
        /// The link table.
        through: &'static str,
        /// The link table's column holding this side's key.
        source_column: &'static str,
        /// The link table's column holding the other side's key.
        target_column: &'static str,
    },
}

impl RelationKind {
    /// Whether this relation loads many rows per source row.
    pub fn is_many(&self) -> bool {
        matches!(
            self,
            RelationKind::ManyToMany { .. }
                | RelationKind::ReverseForeignKey { .. }
                | RelationKind::ReverseManyToMany { .. }
        )
    }

    /// Whether a JOIN over this relation must be LEFT OUTER.
    pub fn join_is_nullable(&self) -> bool {
        match self {
            RelationKind::ForeignKey { nullable, .. } | RelationKind::OneToOne { nullable, .. } => {
                *nullable
            }
            _ => true,
        }
    }

    /// The link table of a many-to-many relation, seen from this side:
    /// `(table, column holding this side's key, column holding the other's)`.
    pub fn through(&self) -> Option<(&'static str, &'static str, &'static str)> {
        match *self {
            RelationKind::ManyToMany {
                through,
                source_column,
                target_column,
            }
            | RelationKind::ReverseManyToMany {
                through,
                source_column,
                target_column,
            } => Some((through, source_column, target_column)),
            _ => None,
        }
    }

    /// The reverse side of a forward relation.
    pub fn reversed(self) -> RelationKind {
        match self {
            RelationKind::ForeignKey { column, .. } => RelationKind::ReverseForeignKey { column },
            RelationKind::OneToOne { column, .. } => RelationKind::ReverseOneToOne { column },
            RelationKind::ManyToMany {
                through,
                source_column,
                target_column,
            } => RelationKind::ReverseManyToMany {
                through,
                source_column: target_column,
                target_column: source_column,
            },
            reverse => reverse,
        }
    }
}

/// Static description of one relation field (an example at [`Relation`]).
#[derive(Clone, Copy, Debug)]
pub struct RelationInfo {
    /// The model that declares the field (Rust name).
    pub model: &'static str,
    /// The field name.
    pub name: &'static str,
    /// How the tables are linked.
    pub kind: RelationKind,
    /// The model declaring the field.
    pub source: fn() -> &'static ModelInfo,
    /// The model the field loads.
    pub target: fn() -> &'static ModelInfo,
}

/// One relation field of a model. Implemented by the derive on a marker type;
/// `Post::author()` returns that marker.
///
/// ```
/// use related::prelude::*;
/// use related::{Relation, RelationInfo};
///
/// #[derive(Clone, Debug, Model)]
/// struct Author { id: i64 }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post { id: i64, author: ForeignKey<Author> }
///
/// fn info<R: Relation>(_relation: R) -> RelationInfo {
///     R::info()
/// }
///
/// let author = info(Post::author());
/// assert_eq!((author.model, author.name), ("Post", "author"));
/// assert_eq!((author.target)().table, "author");
/// let post = Post { id: 1, author: ForeignKey::new(9) };
/// fn link<R: Relation>(_r: R, row: &R::Source) -> Option<&R::Link> {
///     R::source_link(row)
/// }
/// assert_eq!(link(Post::author(), &post), Some(&9));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a relation",
    label = "expected a relation handle, called: `Post::tags()`",
    note = "relations are the ForeignKey, OneToOne, ManyToMany, Reverse and ReverseOne fields of a model; a column handle (`Col<_, _>`) filters and orders"
)]
pub trait Relation: PrefetchOf<Relation = Self> + Copy + Default + Send + Sync + 'static {
    /// The model declaring the field.
    type Source: Model;
    /// The model the field loads.
    type Target: Model;
    /// [`One`] or [`Many`] rows per source row.
    type Card: Cardinality;
    /// The source's loaded set with only this relation loaded, and `N`
    /// loaded below it (see [`crate::Loaded`]).
    type Loads<N>;
    /// The key that matches a source row to its target rows: the target's
    /// primary key for forward relations, the source's for reverse and
    /// many-to-many ones.
    type Link: Key;

    /// The relation's description.
    fn info() -> RelationInfo;

    /// The key a source row offers (None: a NULL foreign key).
    fn source_link(source: &Self::Source) -> Option<&Self::Link>;

    /// The key a target row answers to. None for many-to-many, whose link
    /// comes from the through table.
    fn target_link(target: &Self::Target) -> Option<&Self::Link>;

    /// Store the loaded rows into the source's field (shared: one `Arc`
    /// per distinct row of the load).
    fn attach(source: &mut Self::Source, targets: Vec<Arc<Self::Target>>);

    /// Store the result of a JOIN (None: the LEFT JOIN found no row).
    fn attach_one(source: &mut Self::Source, target: Option<Arc<Self::Target>>);

    /// The rows loaded into the source's field so far (empty if not loaded).
    fn loaded_mut(source: &mut Self::Source) -> &mut [Arc<Self::Target>];

    /// Whether the source's field holds its loaded rows (a prefetch onto
    /// rows the caller holds keeps them, as Django's
    /// `prefetch_related_objects` does). The default says no: the level
    /// then loads the field again.
    #[doc(hidden)]
    fn __is_loaded(_source: &Self::Source) -> bool {
        false
    }

    /// Called by a prefetch for each child it hands to `parent`: a reverse
    /// foreign key or reverse one-to-one fills the child's forward field
    /// with a copy of its parent, so `author.posts[i].author` needs no
    /// statement. `shared` starts as None for each parent and keeps the
    /// copy its first child made, for the others to share. The default
    /// does nothing.
    #[doc(hidden)]
    fn __back_ref(
        _parent: &Self::Source,
        _shared: &mut Option<Arc<Self::Source>>,
        _child: &mut Self::Target,
        _replace: bool,
    ) {
    }

    /// The relation whose field `__back_ref` fills (the forward side of a
    /// reverse foreign key or reverse one-to-one), if it fills one: a
    /// prefetch of it right below this one needs no statement. None by
    /// default, and then `__back_ref` does nothing.
    #[doc(hidden)]
    fn __forward_id() -> Option<TypeId> {
        None
    }

    /// Identity of the relation, for merging lookups that share a prefix.
    fn id() -> TypeId {
        TypeId::of::<Self>()
    }
}

/// A relation handle, as [`Prefetch::new`](crate::Prefetch::new) finds its
/// relation (the derive implements it for each; every [`Relation`] is
/// one). No blanket impl exists, so that anything else passed there (a
/// column) matches no impl: one error, instead of a second one for the type
/// `Prefetch<Col<..>>`, whose parameter must be a relation.
#[doc(hidden)]
pub trait PrefetchOf {
    /// The relation.
    type Relation: Relation;
}

/// What [`Prefetch::new`](crate::Prefetch::new) takes: `(): PrefetchArg<A>`
/// for a relation handle `A`. Stated on `()`, as `FilterArg` is: on the
/// argument's own type, a handle passed without its parentheses (a
/// function) drew rustc's four-line "use parentheses" help besides ours.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{A}` is not a relation: a `Prefetch` loads a relation",
    label = "expected a relation handle, called: `Post::tags()`",
    note = "relations are the ForeignKey, OneToOne, ManyToMany, Reverse and ReverseOne fields of a model; a column handle (`Col<_, _>`) filters and orders; a chain whose last hop has a query of its own is `.prefetch_below(Post::author().then(Author::posts()), Prefetch::new(..))`, naming the last hop's relation; a query of the related rows (Django's `queryset=`) goes to `Prefetch::new(Post::tags()).queryset(Tag::query()..)`"
)]
pub trait PrefetchArg<A> {
    /// The relation.
    type Relation: Relation;
}

#[diagnostic::do_not_recommend]
impl<A: PrefetchOf> PrefetchArg<A> for () {
    type Relation = A::Relation;
}

/// A many-to-many relation, whose rows live in a link table: what `link` and
/// `link_all` take. Implemented by the derive for `ManyToMany<T>` fields and
/// for the `Reverse<T>` fields that mirror one (`db.link(Tag::posts(), &tag,
/// &post)` is Django's `tag.posts.add(post)`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a many-to-many relation: `link` adds a row to a link table, which only ManyToMany fields (and their Reverse sides) have",
    label = "expected the handle of a ManyToMany field, e.g. `Post::tags()`",
    note = "a ForeignKey or OneToOne is set by the key in the row you insert (`ForeignKey::new(key)`), and so is the Reverse side of one: through the key its rows hold"
)]
pub trait LinkTable: Relation {}

/// How `link` and `link_all` ask for a [`LinkTable`]: `(): Linkable<R>`, a
/// bound on `()` rather than on `R`, so that for a relation that is not
/// many-to-many rustc prints one line of help instead of pointing at the
/// user's field to say that `LinkTable` is not implemented for it (which
/// made the error 19 lines).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{R}` is not a many-to-many relation: `link` adds a row to a link table, which only ManyToMany fields (and their Reverse sides) have",
    label = "expected the handle of a ManyToMany field, e.g. `Post::tags()`",
    note = "a ForeignKey or OneToOne is set by the key in the row you insert (`ForeignKey::new(key)`), and so is the Reverse side of one: through the key its rows hold"
)]
pub trait Linkable<R> {}

#[diagnostic::do_not_recommend]
impl<R: LinkTable> Linkable<R> for () {}

/// The two sides `link` and `link_all` take for the relation `R`: a row of
/// its model or its key (`S`), then a row of its target or its key (`T`).
/// One bound on `()` for both, so that sides given the wrong way round are
/// one error rather than one per side, each pointing at a model.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{S}` and `{T}` are not the two sides of `{R}`: `link` takes a row (or key) of the relation's model, then one of the model it points at",
    label = "expected `&post, &tag` (or keys: `&post.id, &tag.id`) for `Post::tags()`; a side that is a reference already (`for tag in &tags`) goes as it is: `tag`",
    note = "the relation's own model comes first; a key is the primary key's type"
)]
pub trait LinkSides<R: Relation, S, T> {
    /// The two keys.
    fn keys<'a>(
        source: &'a S,
        target: &'a T,
    ) -> (&'a <R::Source as Model>::Pk, &'a <R::Target as Model>::Pk);
}

// Through `T`, the second side, as the trait's `Self`: rustc leaves a bound
// whose `Self` is not yet inferred for later, so the sides are checked once
// both are known, as one error (checking `S` first reported it twice).
#[diagnostic::do_not_recommend]
impl<R: Relation, S, T: LinkTargetOf<R, S>> LinkSides<R, S, T> for () {
    #[inline]
    fn keys<'a>(
        source: &'a S,
        target: &'a T,
    ) -> (&'a <R::Source as Model>::Pk, &'a <R::Target as Model>::Pk) {
        T::keys(source, target)
    }
}

/// What `link` and `link_all` return for a relation with no link table
/// (a compile error for every relation handle the derive makes; a
/// relation type of the caller's own may still reach it).
#[cfg_attr(not(any(feature = "sqlite", feature = "tokio")), allow(dead_code))]
pub(crate) fn not_many_to_many<R: Relation>() -> crate::error::Error {
    crate::error::Error::NotManyToMany {
        relation: format!("{}::{}", R::info().model, R::info().name),
        what: "only many-to-many relations have link rows",
    }
}

/// What `link` takes for the relation `R`: a reference to a row (or key)
/// of its model, then one to a row (or key) of its target. Stated over the
/// arguments' whole types, so that sides given by value are the same one
/// error as sides the wrong way round (a `&S` parameter made them rustc's
/// "mismatched types", 19 lines for one side and 33 for two).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{S}` and `{T}` are not the two sides of `{R}`: `link` takes a reference to a row (or key) of the relation's model, then one of the model it points at",
    label = "expected `&post, &tag` (or keys: `&post.id, &tag.id`) for `Post::tags()`; a side that is a reference already (`for tag in &tags`) goes as it is: `tag`",
    note = "the relation's own model comes first; a key is the primary key's type; several links go in one call with `db.link_all(Post::tags(), &[(post.id, tag.id), ..])`"
)]
pub trait LinkArgs<R: Relation, S, T> {
    /// The two keys.
    fn keys<'a>(
        source: &'a S,
        target: &'a T,
    ) -> (&'a <R::Source as Model>::Pk, &'a <R::Target as Model>::Pk);
}

// Through `T`, the second side, as `LinkSides` is: the sides are checked
// once both are inferred (checked from `S`, a side by value was reported
// twice, once with the second side still `_`).
#[diagnostic::do_not_recommend]
impl<R: Relation, S, T: LinkTargetArg<R, S>> LinkArgs<R, S, T> for () {
    #[inline]
    fn keys<'a>(
        source: &'a S,
        target: &'a T,
    ) -> (&'a <R::Source as Model>::Pk, &'a <R::Target as Model>::Pk) {
        T::keys(source, target)
    }
}

/// `Self`, a reference to a side of `R`'s target, follows `S`, one to a
/// side of `R`'s model (see `LinkArgs`).
#[doc(hidden)]
pub trait LinkTargetArg<R: Relation, S>: Sized {
    /// The two keys.
    fn keys<'a>(
        source: &'a S,
        target: &'a Self,
    ) -> (&'a <R::Source as Model>::Pk, &'a <R::Target as Model>::Pk);
}

impl<R: Relation, S: SideRef, T: SideRef> LinkTargetArg<R, S> for T
where
    (): LinkSides<R, S::Side, T::Side>,
{
    #[inline]
    fn keys<'a>(
        source: &'a S,
        target: &'a T,
    ) -> (&'a <R::Source as Model>::Pk, &'a <R::Target as Model>::Pk) {
        <() as LinkSides<R, S::Side, T::Side>>::keys(source.side(), target.side())
    }
}

/// A reference to one side of a link (see [`LinkArgs`]).
#[doc(hidden)]
pub trait SideRef {
    /// The row or key referred to.
    type Side;
    /// It.
    fn side(&self) -> &Self::Side;
}

impl<X> SideRef for &X {
    type Side = X;
    #[inline]
    fn side(&self) -> &X {
        self
    }
}

/// What `link_all` takes for the relation `R`: a reference to a `Vec`, a
/// slice or an array of `(source, target)` pairs, each side a row or key
/// as for `link`; stated over the argument's whole type, as [`LinkArgs`].
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{P}` is not a list of `{R}` pairs: `link_all` takes `&pairs`, each a row (or key) of the relation's model, then one of the model it points at",
    label = "expected `&[(post, tag), ..]` (or key pairs: `&[(post.id, tag.id)]`) for `Post::tags()`",
    note = "in each pair the relation's own model comes first; a key is the primary key's type; the list is a `Vec`, a slice or an array, by reference"
)]
pub trait LinkPairs<R: Relation, P> {
    /// A pair's first side.
    type S;
    /// A pair's second side.
    type T;
    /// The pairs as a slice.
    fn as_slice(pairs: &P) -> &[(Self::S, Self::T)];
    /// The two keys of a pair.
    fn keys<'a>(
        source: &'a Self::S,
        target: &'a Self::T,
    ) -> (&'a <R::Source as Model>::Pk, &'a <R::Target as Model>::Pk);
}

macro_rules! link_pairs {
    ($([$($params:tt)*] $ty:ty),* $(,)?) => {
        $(
            #[diagnostic::do_not_recommend]
            impl<R: Relation, S, T, $($params)*> LinkPairs<R, $ty> for ()
            where
                (): LinkSides<R, S, T>,
            {
                type S = S;
                type T = T;
                #[inline]
                fn as_slice<'p>(pairs: &'p $ty) -> &'p [(S, T)] {
                    &pairs[..]
                }
                #[inline]
                fn keys<'a>(
                    source: &'a S,
                    target: &'a T,
                ) -> (&'a <R::Source as Model>::Pk, &'a <R::Target as Model>::Pk) {
                    <() as LinkSides<R, S, T>>::keys(source, target)
                }
            }
        )*
    };
}

link_pairs!([] &[(S, T)], [] &Vec<(S, T)>, [const N: usize] &[(S, T); N]);

/// `Self`, a row or key of `R`'s target, follows `S`, a row or key of `R`'s
/// model (see `LinkSides`).
#[doc(hidden)]
pub trait LinkTargetOf<R: Relation, S>: Sized {
    /// The two keys.
    fn keys<'a>(
        source: &'a S,
        target: &'a Self,
    ) -> (&'a <R::Source as Model>::Pk, &'a <R::Target as Model>::Pk);
}

impl<R, S, T> LinkTargetOf<R, S> for T
where
    R: Relation,
    S: KeyOf<R::Source, Key = <R::Source as Model>::Pk>,
    T: KeyOf<R::Target, Key = <R::Target as Model>::Pk>,
{
    #[inline]
    fn keys<'a>(
        source: &'a S,
        target: &'a T,
    ) -> (&'a <R::Source as Model>::Pk, &'a <R::Target as Model>::Pk) {
        (source.key_of(), target.key_of())
    }
}

/// A relation that `select_related` can follow: one JOIN, one row.
/// Implemented for `ForeignKey`, `OneToOne` and `ReverseOne` handles and for
/// chains of them; the example at [`Path`](crate::Path) takes one as a bound.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is a many-valued relation (or a chain through one): select_related follows only ForeignKey and OneToOne hops",
    label = "a JOIN would repeat each row once per related row: use `.prefetch_related(...)` for this lookup"
)]
pub trait SingleValued {}

/// A forward relation that a reverse field may mirror.
///
/// `S` is the model declaring the reverse field, `T` the model declaring the
/// forward relation, `C` the reverse field's cardinality.
///
/// ```
/// use related::prelude::*;
/// use related::{Many, ReverseOf};
///
/// #[derive(Clone, Debug, Model)]
/// struct Author { id: i64, #[related(reverse = Post::author)] posts: Reverse<Post> }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post { id: i64, author: ForeignKey<Author> }
///
/// /// The author a post points at, through the relation `Author.posts` mirrors.
/// fn author_of<F: ReverseOf<Author, Post, Many>>(_relation: F, post: &Post) -> Option<&i64> {
///     F::reverse_link(post)
/// }
/// let post = Post { id: 1, author: ForeignKey::new(7) };
/// assert_eq!(author_of(Post::author(), &post), Some(&7));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{T}::{Self}` cannot be mirrored by this reverse field",
    label = "`Reverse<{T}>` mirrors a ForeignKey<{S}> or ManyToMany<{S}> field of `{T}`, `ReverseOne<{T}>` a OneToOne<{S}>"
)]
pub trait ReverseOf<S: Model, T: Model, C: Cardinality>: Relation<Source = T, Target = S> {
    /// The key of `S` a row of `T` holds (None for many-to-many, whose link
    /// is in the link table, and for a NULL key).
    fn reverse_link(row: &T) -> Option<&S::Pk>;
}
