//! What the derive emits beside its errors. Without a `Model` impl every
//! other model pointing at this one, and every `Post::author()` in the crate,
//! would fail too, burying the real error under dozens of follow-on ones.
//! So the fallback declares the same names and types as a successful
//! expansion, with bodies that are never reached (the crate does not build).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Kind, Model, option_inner};
use crate::expand::{guard, marker, marker_traits, names, relation_types};
use crate::tokens::{Bodies, relation_target, unreachable, user_tokens};

pub fn fallback(model: &Model) -> TokenStream {
    let ident = model.ident;
    let names = names(model, Bodies::Unreachable);
    let body = unreachable();
    let pk = match model.primary_key() {
        Some(pk) if matches!(pk.kind, Kind::Scalar { .. }) && option_inner(pk.ty).is_none() => {
            user_tokens(pk.ty, ident)
        }
        // Any key type will do: the errors say what the key should be.
        _ => quote!(i64),
    };

    let impls = model.fields.iter().map(|field| {
        if crate::valid::non_model_target(field) {
            // Already reported by rustc at the field; an impl would repeat it.
            return TokenStream::new();
        }
        let marker = marker(model, field);
        if let Kind::Prefetched { target } = field.kind {
            let span = target.span();
            let target = user_tokens(target, ident);
            let guard = guard(&target, span);
            let loads = crate::typed_expand::loads(model, field);
            return quote_spanned! {span=>
                impl ::related::PrefetchTarget for #marker #guard {
                    #loads
                    type Source = #ident;
                    type Item = #target;
                    fn name() -> &'static str { #body }
                    fn attach(_: &mut #ident, _: ::std::vec::Vec<::std::sync::Arc<#target>>) { #body }
                    fn loaded_mut(_: &mut #ident) -> &mut [::std::sync::Arc<#target>] { #body }
                }
                impl ::related::__private::PrefetchInto<#ident, #target> for #marker #guard {
                    type Dest = ::related::ToField<Self>;
                    fn name() -> &'static str { #body }
                    fn attach(_: &mut #ident, _: ::std::vec::Vec<::std::sync::Arc<#target>>) { #body }
                }
            };
        }
        if let Kind::Counted { target } = field.kind {
            let span = target.span();
            let target = user_tokens(target, ident);
            let guard = guard(&target, span);
            let loads = crate::typed_expand::counts(model, field);
            return quote_spanned! {span=>
                impl ::related::CountTarget for #marker #guard {
                    type Loads = #loads;
                    type Source = #ident;
                    type Item = #target;
                    fn name() -> &'static str { #body }
                    fn set(_: &mut #ident, _: u64) { #body }
                }
            };
        }
        let Some(target) = relation_target(field) else {
            return TokenStream::new();
        };
        let span = target.span();
        let target = user_tokens(target, ident);
        let guard = guard(&target, span);
        let types = relation_types(model, field);
        let traits = marker_traits(model, field);
        quote_spanned! {span=>
            impl ::related::Relation for #marker #guard {
                #types
                fn info() -> ::related::RelationInfo { #body }
                fn source_link(_: &#ident) -> ::core::option::Option<&Self::Link> { #body }
                fn target_link(_: &#target) -> ::core::option::Option<&Self::Link> { #body }
                fn attach(_: &mut #ident, _: ::std::vec::Vec<::std::sync::Arc<#target>>) { #body }
                fn attach_one(_: &mut #ident, _: ::core::option::Option<::std::sync::Arc<#target>>) { #body }
                fn loaded_mut(_: &mut #ident) -> &mut [::std::sync::Arc<#target>] { #body }
            }
            impl ::related::__private::SetFrom<#ident> for #marker #guard {
                type Set = <Self as ::related::Relation>::Loads<<#target as ::related::Model>::Empty>;
                type Gate<__RelatedX> = __RelatedX;
            }
            #[automatically_derived]
            impl<__RelatedRest: ::related::Path> ::related::__private::SetFrom<#ident> for ::related::Chain<#marker, __RelatedRest> #guard {
                type Set = <#marker as ::related::Relation>::Loads<<__RelatedRest as ::related::Path>::Set>;
                type Gate<__RelatedX> = __RelatedX;
            }
            #traits
        }
    });

    // No per-model set here: its slots would name the bad targets again
    // (`Slot<T: Model>`), repeating the error the field already gave.
    let empty = quote!(::related::No);
    let view = crate::typed_expand::view_ident(model);
    quote! {
        #names

        const _: () = {
            #(#impls)*

            #[diagnostic::do_not_recommend]
            impl ::related::Target for #ident {
                type Key = <#ident as ::related::Model>::Pk;
            }

            #[diagnostic::do_not_recommend]
            impl ::related::Model for #ident {
                type Pk = #pk;
                type Empty = #empty;
                type View<__RelatedL> = #view<__RelatedL>;
                fn view<__RelatedL>(_: &Self) -> &Self::View<__RelatedL> { #body }
                fn info() -> &'static ::related::ModelInfo { #body }
                fn pk(&self) -> &Self::Pk { #body }
                fn decode(
                    _: &dyn ::related::RawRow,
                    _: usize,
                ) -> ::core::result::Result<Self, ::related::FieldError> {
                    #body
                }
                fn values(&self) -> ::std::vec::Vec<::related::Value> { #body }
            }
            #[diagnostic::do_not_recommend]
            impl ::related::KeyOf<#ident> for #pk {
                type Key = Self;
                fn key_of(&self) -> &Self { self }
            }
        };
    }
}
