//! `#[derive(related::Model)]`: maps a struct to a table and each relation
//! field to a zero-sized marker type, so the query builder can ask the
//! compiler which relations a JOIN may follow.
//!
//! A short pipeline: `ast` reads the struct (with `attr` for
//! `#[related(...)]`), `valid` checks it, `expand` writes the code. Errors are
//! collected in a `Ctxt` along the way and reported together.

mod ast;
mod attr;
mod case;
mod ctxt;
mod expand;
mod valid;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derive `related::Model`; see the `related` crate for the attributes.
#[proc_macro_derive(Model, attributes(related))]
pub fn derive_model(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input)
        .unwrap_or_else(|err| err.to_compile_error())
        .into()
}

fn derive(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let cx = ctxt::Ctxt::new();
    let model = ast::Model::from_syn(&cx, input);
    if let Some(model) = &model {
        valid::check(&cx, model);
    }
    // Only errors when there are errors: half an expansion would add
    // follow-on errors that bury the real ones.
    cx.check()?;
    Ok(model.as_ref().map(expand::expand).unwrap_or_default())
}
