//! `#[derive(related::Model)]`: maps a struct to a table and each relation
//! field to a zero-sized marker type, so the query builder can ask the
//! compiler which relations a JOIN may follow.
//!
//! A short pipeline: `ast` reads the struct (with `attr` for
//! `#[related(...)]`), `valid` checks it, `expand` writes the code. Errors are
//! collected in a `Ctxt` along the way and reported together; `fallback`
//! keeps them from cascading into the rest of the crate.

#![warn(missing_docs)]

mod ast;
mod attr;
mod case;
mod column_ast;
mod column_expand;
mod ctxt;
mod expand;
mod fallback;
mod reach_expand;
mod tokens;
mod typed_expand;
mod valid;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Maps a struct with named fields to a table.
///
/// Each field is a column (a type implementing `related::Column`: the
/// integers, floats, `bool`, `String`, `Vec<u8>`, with features dates and
/// times, `Uuid`, `Decimal` and JSON, a `#[derive(related::Column)]` type,
/// or an `Option` of one; README, "Column types") or a relation: `ForeignKey<T>`
/// and `OneToOne<T>` (stored as `<field>_id`; `Option<_>` for a nullable key),
/// `ManyToMany<T>`, `Reverse<T>` / `ReverseOne<T>` (the other side of a
/// relation declared on `T`), `Prefetched<T>` (the target of a custom
/// prefetch), or `Counted<T>` (a count of `T` rows, filled by
/// `count_related`). Each field gets a handle, `Post::title()` or `Post::author()`,
/// and each key column one named after it, `Post::author_id()`.
///
/// Attributes, all optional except `reverse`:
///
/// - on the struct: `#[related(table = "blog_post")]` (default: the struct
///   name in snake case) and `#[related(ordering = "-created_at, id")]` (the
///   default order; each name a stored column or the field storing it);
/// - `#[related(primary_key)]` (default: the field named `id`);
/// - `#[related(column = "...")]` on a column, ForeignKey or OneToOne;
/// - `#[related(through = "...", source_column = "...", target_column =
///   "...")]` on a ManyToMany (defaults: `<table>_<field>`, `<model>_id`,
///   `<target>_id`; `from_<model>_id` / `to_<model>_id` when both sides are
///   the same model);
/// - `#[related(reverse = Post::author)]`, required on `Reverse` and
///   `ReverseOne`: the relation field the reverse side mirrors.
#[proc_macro_derive(Model, attributes(related))]
pub fn derive_model(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

/// A column type of your own, stored as a built-in one:
///
/// - a newtype, `struct UserId(i64);`, stored as its field (a key where the
///   field's type is, ordered where it is);
/// - a fieldless enum stored as text: each variant's name, or
///   `#[related(rename_all = "snake_case")]` (also `lowercase`,
///   `UPPERCASE`, `SCREAMING_SNAKE_CASE`, `kebab-case`) and
///   `#[related(rename = "...")]` on a variant; not ordered (text order is
///   not declaration order);
/// - a fieldless enum stored as its discriminant, `#[related(integer)]`
///   (`BIGINT`), ordered by it.
///
/// A stored text or number with no variant is a decode error naming the
/// model, field, column and statement. Keys need `Hash`, `Eq`, `Ord` and
/// `Debug` as well.
#[proc_macro_derive(Column, attributes(related))]
pub fn derive_column(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let cx = ctxt::Ctxt::new();
    let parsed = column_ast::from_syn(&cx, &input);
    match (cx.check(), parsed) {
        (Ok(()), Some(c)) => column_expand::expand(&c).into(),
        (Ok(()), None) => TokenStream::new(),
        (Err(errors), _) => {
            let mut out = errors.to_compile_error();
            // As for a model: without an impl, every field of this type
            // would add "not a supported column type" to the error above.
            if input.generics.params.is_empty() {
                out.extend(column_expand::fallback(&input.ident));
            }
            out.into()
        }
    }
}

fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::new();
    let model = ast::Model::from_syn(&cx, input);
    if let Some(model) = &model {
        valid::check(&cx, model);
    }
    match (cx.check(), model) {
        (Ok(()), Some(model)) => expand::expand(&model),
        (Ok(()), None) => proc_macro2::TokenStream::new(),
        (Err(errors), model) => {
            let mut out = errors.to_compile_error();
            // A generic struct cannot be named without its parameters; its
            // error says generics are unsupported, which is all there is.
            let generic = !input.generics.params.is_empty();
            if let Some(model) = model.filter(|_| !generic) {
                out.extend(fallback::fallback(&model));
            }
            out
        }
    }
}
