//! The ways an untyped relation field is not read.
//!
//! A `ManyToMany`, `Reverse` or `Prefetched` field may not hold its rows:
//! they are read with `.get()?`, which says `NotLoaded` when the query did
//! not load them. Without what is here, `post.tags.len()` is "expected
//! `usize`, found `Result`", `post.tags.first()` "no method named `first`"
//! and `&post.comments[0]` "cannot index", none saying how to read a
//! relation. Each method and impl below exists only to be one error that
//! says so; its bound has no implementation, so none of them can be used.
//! A `for` loop over a field goes through an `Iterator` impl whose bound
//! is unmet (rustc words a missing `IntoIterator` itself, whatever the
//! impls, but reports an unmet bound with its message).
//! Django's related-manager calls on such a field (`post.tags.all()`,
//! `.count()`, `.filter(..)`, `.add(..)`, `.remove(..)`, ...) are one error
//! each too, naming `.get()?`, a `Prefetch`, `db.link(..)` or SQL.
//! A `ForeignKey` compared with a key (`post.author == 3`) is one error
//! naming `.key()`: [`SameField`] is implemented for the field type only.

macro_rules! unmet {
    ($(#[$attr:meta])* $name:ident) => {
        $(#[$attr])*
        #[doc(hidden)]
        pub trait $name {
            /// Never called: there is no implementation.
            fn __never(&self) -> !;
        }
    };
}

unmet!(
    #[diagnostic::on_unimplemented(
        message = "`iter` on `{Self}`: an untyped relation field may not hold its rows; read them with `.get()?`",
        label = "write `.get()?.iter()`: a `NotLoaded` error if the query did not load this relation",
        note = "a row whose query loaded the relation reads it without `?`: `post.tags()` (a slice) on the row `Post::query().prefetch_related(Post::tags())` returns"
    )]
    IterThroughGet
);

/// A `for` loop over a relation field `F`. Stated on `()` (`(): ForThroughGet<F>`):
/// on the field's type, rustc reports `Iterator`'s own "is not an iterator".
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`for` over `{F}`: an untyped relation field may not hold its rows; read them with `.get()?`",
    label = "write `for row in post.tags.get()?`: a `NotLoaded` error if the query did not load this relation",
    note = "a row whose query loaded the relation loops without `?`: `for tag in post.tags()` on the row `Post::query().prefetch_related(Post::tags())` returns"
)]
pub trait ForThroughGet<F> {}

unmet!(
    #[diagnostic::on_unimplemented(
        message = "`len` / `is_empty` on `{Self}`: an untyped relation field may not hold its rows; read them with `.get()?`",
        label = "write `.get()?.len()`: a `NotLoaded` error if the query did not load this relation",
        note = "a row whose query loaded the relation counts without `?`: `post.tags().len()`; counting in the database is `.count_related(..)`"
    )]
    LenThroughGet
);

unmet!(
    #[diagnostic::on_unimplemented(
        message = "`{Self}` cannot be indexed: an untyped relation field may not hold its rows; read them with `.get()?`",
        label = "write `.get()?[i]`: a `NotLoaded` error if the query did not load this relation",
        note = "a row whose query loaded the relation indexes it without `?`: `post.comments()[0]`; `.get()?.first()` is `None` for no rows"
    )]
    IndexThroughGet
);

unmet!(
    #[diagnostic::on_unimplemented(
        message = "`first` / `last` on `{Self}`: an untyped relation field may not hold its rows; read them with `.get()?`",
        label = "write `.get()?.first()`: a `NotLoaded` error if the query did not load this relation",
        note = "a row whose query loaded the relation reads it without `?`: `post.tags().get(0)`, `post.tags().iter().last()`"
    )]
    SliceThroughGet
);

// Django's related manager (`post.tags.all()`, `.count()`, `.filter(..)`,
// `.add(..)`): a field here is what its query loaded, not a query, and
// nothing is fetched behind the user's back.

unmet!(
    #[diagnostic::on_unimplemented(
        message = "`all()` on `{Self}`: Django's related manager; here the field holds the rows its query loaded, read with `.get()?`",
        label = "write `.get()?` (a slice): a `NotLoaded` error if the query did not load this relation",
        note = "nothing is fetched from a row: load the relation with `.prefetch_related(Post::tags())`, whose typed rows read `post.tags()` without `?`"
    )]
    AllThroughGet
);

unmet!(
    #[diagnostic::on_unimplemented(
        message = "`count()` / `exists()` on `{Self}` would be a query; here the field holds the rows its query loaded",
        label = "count the loaded rows: `.get()?.len()` (a `NotLoaded` error if the query did not load this relation)",
        note = "nothing is fetched from a row; counted by the database with the parents: `.count_related(Post::tags(), Post::tag_count())`"
    )]
    CountThroughGet
);

unmet!(
    #[diagnostic::on_unimplemented(
        message = "`filter` / `exclude` / `order_by` on `{Self}` would be a query; here the field holds the rows its query loaded",
        label = "narrow what the query loads: `.prefetch(Prefetch::new(Post::tags()).filter(..))`",
        note = "nothing is fetched from a row; the loaded rows filter as a slice: `.get()?.iter().filter(..)`"
    )]
    FilterThroughPrefetch
);

unmet!(
    #[diagnostic::on_unimplemented(
        message = "`add(..)` / `push(..)` on `{Self}`: Django's related manager; here a link row is written by the executor",
        label = "write `db.link(Post::tags(), &post, &tag)` (a row or key each side; `link_all` for several)",
        note = "the reverse side of a many-to-many links the same way (`db.link(Tag::posts(), &tag, &post)`); the reverse side of a foreign key is set by the key in the row you insert"
    )]
    AddThroughLink
);

unmet!(
    #[diagnostic::on_unimplemented(
        message = "`remove` / `clear` / `set` / `create` on `{Self}`: Django's related manager; `related` loads rows and writes only new ones",
        label = "delete link rows with your own SQL (`db.execute(\"DELETE FROM ...\", &params)` on SQLite); add them with `db.link(..)`",
        note = "a field holds the rows its query loaded; changing it changes nothing in the database"
    )]
    WriteThroughSql
);

/// The right side a `ForeignKey` or `OneToOne` field compares with: the same
/// field type (implemented in `fields`), nothing else.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{F}` is compared with `{Self}`: a relation field compares with the same field type, its key with a key",
    label = "compare the key the field holds: `row.field.key() == &value`",
    note = "the field's key is always there (`.key()`), the related row only when the query loaded it (`.get()?`); both sides of `==` on the whole field must be the same field type, whose target is `PartialEq`"
)]
pub trait SameField<F> {
    /// Whether `self` and `field` hold the same key and the same row.
    fn __same(&self, field: &F) -> bool;
}
