//! The ways an untyped relation field is not read.
//!
//! A `ManyToMany`, `Reverse` or `Prefetched` field may not hold its rows:
//! they are read with `.get()?`, which says `NotLoaded` when the query did
//! not load them. Without what is here, `post.tags.len()` is "expected
//! `usize`, found `Result`", `post.tags.first()` "no method named `first`"
//! and `&post.comments[0]` "cannot index", none saying how to read a
//! relation. Each method and impl below exists only to be one error that
//! says so; its bound has no implementation, so none of them can be used.
//! (A `for` loop over a field keeps rustc's "not an iterator": rustc words
//! that error itself, whatever the impls.)
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
