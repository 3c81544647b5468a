//! Token helpers the expansions share: whether bodies are real, the user's
//! tokens with `Self` named, a relation's target, visibilities, the names of
//! the marker module and of the handles. Kept apart so that expand.rs,
//! typed_expand.rs, reach_expand.rs and fallback.rs import from here and
//! not from each other.

use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Type, Visibility};

use crate::ast::{Field, Kind, Model};
use crate::case::plain;
use crate::valid::RESERVED;

/// Whether generated bodies do the work or only stand in for a derive that
/// reported errors (see fallback.rs).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Bodies {
    Real,
    Unreachable,
}

/// The target of a field that has a `Relation` impl (not `Prefetched`).
pub fn relation_target<'a>(field: &Field<'a>) -> Option<&'a Type> {
    match field.kind {
        Kind::Forward { target, .. }
        | Kind::ManyToMany { target, .. }
        | Kind::Reverse { target, .. } => Some(target),
        Kind::Scalar { .. } | Kind::Prefetched { .. } | Kind::Counted { .. } | Kind::Skipped => {
            None
        }
    }
}

/// `self`, resolved as the derive's own tokens are and shown at `span`. A
/// `self` spanned at a user's token (a field's type, a target model) alone
/// is not the `self` of the method around it when that token came from a
/// `macro_rules!` invocation: hygiene then reads it as another name,
/// "expected value, found module `self`".
pub fn this_at(span: Span) -> Ident {
    Ident::new("self", Span::call_site().located_at(span))
}

/// A body for the fallback. A plain `panic!` with a literal, because the
/// handles are `const fn` and `unreachable!` formats.
pub fn unreachable() -> TokenStream {
    quote!(::core::panic!("a `related` derive reported errors"))
}

/// The user's tokens with `Self` replaced by the model's name: they land in
/// impls whose `Self` is a marker type, not the model.
pub fn user_tokens(tokens: impl ToTokens, model: &Ident) -> TokenStream {
    fn replace(stream: TokenStream, model: &Ident) -> TokenStream {
        stream
            .into_iter()
            .map(|tree| match tree {
                TokenTree::Ident(i) if i == "Self" => {
                    let mut renamed = model.clone();
                    renamed.set_span(i.span());
                    TokenTree::Ident(renamed)
                }
                TokenTree::Group(g) => {
                    let mut inner = Group::new(g.delimiter(), replace(g.stream(), model));
                    inner.set_span(g.span());
                    TokenTree::Group(inner)
                }
                other => other,
            })
            .collect()
    }
    replace(tokens.into_token_stream(), model)
}

fn rank(vis: &Visibility) -> u8 {
    match vis {
        Visibility::Public(_) => 3,
        Visibility::Restricted(r) if r.in_token.is_none() && r.path.is_ident("crate") => 2,
        Visibility::Restricted(r) if r.in_token.is_none() && r.path.is_ident("self") => 0,
        Visibility::Restricted(_) => 1,
        Visibility::Inherited => 0,
    }
}

/// A handle is as visible as its field, never more than the model: a
/// marker nominally more visible than a type its `Relation` impl names is a
/// hard error (E0446), and a handle must not outlive its marker. Two
/// different `pub(in path)` cannot be ordered without name resolution; the
/// model's wins, which is right whenever the field's is the wider one.
pub fn narrower<'v>(model: &'v Visibility, field: &'v Visibility) -> &'v Visibility {
    if rank(field) < rank(model) {
        field
    } else {
        model
    }
}

/// `tokens` shown at `span` (each keeps its hygiene): a generated item
/// whose visibility is the user's `pub` would otherwise span from the
/// struct's first line to the field, and rustc's notes quote all of it.
pub fn shown_at(tokens: impl ToTokens, span: Span) -> TokenStream {
    tokens
        .into_token_stream()
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(g) => {
                let mut inner = Group::new(g.delimiter(), shown_at(g.stream(), span));
                inner.set_span(g.span().located_at(span));
                TokenTree::Group(inner)
            }
            mut other => {
                other.set_span(other.span().located_at(span));
                other
            }
        })
        .collect()
}

/// The same visibility, written one module deeper (inside the marker
/// module): private becomes `pub(super)`, `pub(super)` becomes
/// `pub(in super::super)`.
pub fn one_module_down(vis: &Visibility, span: Span) -> TokenStream {
    match vis {
        Visibility::Public(_) => quote_spanned!(span=> pub),
        Visibility::Inherited => quote_spanned!(span=> pub(super)),
        Visibility::Restricted(r) => {
            let path = &r.path;
            let first = path.segments.first().map(|s| s.ident.to_string());
            match first.as_deref() {
                Some("crate") => quote_spanned!(span=> pub(crate)),
                Some("self") => {
                    let rest = path.segments.iter().skip(1);
                    quote_spanned!(span=> pub(in super #(::#rest)*))
                }
                _ => quote_spanned!(span=> pub(in super::#path)),
            }
        }
    }
}

/// The module that holds a model's marker types: `__related_Post`.
pub fn module_ident(model: &Model) -> Ident {
    format_ident!("__related_{}", model.ident)
}

/// Names taken by a field's own handle (and `query`, which a handle would
/// hide), so a key-column handle that would clash is skipped instead.
pub fn handle_names(model: &Model) -> Vec<String> {
    let mut names: Vec<String> = model.fields.iter().map(|f| plain(f.ident)).collect();
    names.extend(RESERVED.iter().map(|name| (*name).to_owned()));
    names
}

/// The fields that get handles, each with its handles' visibility. After
/// errors, a reserved name gets none: it is reported already, and a handle
/// would hide `ModelQuery::query`.
pub fn handle_fields<'m, 'a>(
    model: &'m Model<'a>,
    bodies: Bodies,
) -> impl Iterator<Item = (&'m Field<'a>, &'m Visibility)> {
    model.fields.iter().filter_map(move |field| {
        let reserved = RESERVED.contains(&plain(field.ident).as_str());
        (bodies == Bodies::Real || !reserved).then(|| (field, narrower(model.vis, field.vis)))
    })
}

/// The name of a key column's handle (`author_id`), if it gets one.
pub fn key_handle_ident(field: &Field, column: &str, taken: &[String]) -> Option<Ident> {
    let mut handle = syn::parse_str::<Ident>(column).ok()?;
    if taken.contains(&plain(&handle)) {
        return None;
    }
    handle.set_span(field.ident.span());
    Some(handle)
}

/// The type of a ForeignKey / OneToOne key column: the target's primary
/// key, in an `Option` for a nullable column. Spanned on the target.
pub fn key_type(target: &Type, nullable: bool, model: &Ident) -> TokenStream {
    let span = target.span();
    let target = user_tokens(target, model);
    let key = quote_spanned!(span=> <#target as ::related::Model>::Pk);
    if nullable {
        quote_spanned!(span=> ::core::option::Option<#key>)
    } else {
        key
    }
}
