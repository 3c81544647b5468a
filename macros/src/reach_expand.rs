//! A model's handles seen through a path that reaches it: the struct
//! `__RelatedVia<P>` (in the marker module) with one method per column and
//! relation handle, the `Reach` impl naming it, and a `Deref` to the
//! target's `__RelatedVia` on each relation marker. So `Post::author().name()` is
//! `Post::author().col(Author::name())` and `Post::author().publisher()` is
//! `Post::author().then(Author::publisher())`, Django's `author__name` and
//! `author__publisher`.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote_spanned;
use syn::spanned::Spanned;

use crate::ast::{Kind, Model};
use crate::case::plain;
use crate::tokens::{
    Bodies, handle_fields, handle_names, key_handle_ident, key_type, module_ident, one_module_down,
    relation_target, unreachable, user_tokens,
};

/// The struct (for the marker module) and the items beside it.
pub fn items(model: &Model, bodies: Bodies) -> (TokenStream, TokenStream) {
    let ident = model.ident;
    let module = module_ident(model);
    // Call-site hygiene for a type parameter; the prefix keeps it apart from
    // the user's names.
    let p = Ident::new("__RelatedP", Span::call_site());
    let path = quote_spanned!(Span::call_site()=> ::related::Path);
    let mut methods = Vec::new();
    let mut derefs = Vec::new();
    let column = |name: &Ident, ty: TokenStream, bound: TokenStream, vis, span| {
        let body = match bodies {
            Bodies::Real => quote_spanned! {span=>
                #path::col(<#p as ::core::default::Default>::default(), #ident::#name())
            },
            Bodies::Unreachable => unreachable(),
        };
        let doc = format!(
            " `{}` of `{}`, seen from where the path starts.",
            plain(name),
            plain(ident)
        );
        quote_spanned! {span=>
            #[doc = #doc]
            #[inline]
            #vis fn #name(&self) -> ::related::Col<<#p as #path>::Source, #ty, #module::#name, #p>
            where #bound, (): ::related::ColumnThrough<#p>
            {
                #body
            }
        }
    };
    let taken = handle_names(model);
    for (field, vis) in handle_fields(model, bodies) {
        let name = field.ident;
        match &field.kind {
            Kind::Scalar { .. } => {
                let span = field.ty.span();
                let ty = user_tokens(field.ty, ident);
                let bound = quote_spanned!(span=> for<'__r> #ty: ::related::Column);
                methods.push(column(name, ty, bound, vis, span));
            }
            Kind::Forward {
                target,
                column: key,
                nullable,
                ..
            } => {
                if let Some(handle) = key_handle_ident(field, key, &taken) {
                    let span = target.span();
                    let ty = key_type(target, *nullable, ident);
                    let target = user_tokens(target, ident);
                    let bound = quote_spanned!(span=> for<'__r> #target: ::related::Model);
                    methods.push(column(&handle, ty, bound, vis, span));
                }
            }
            _ => {}
        }
        let Some(target) = relation_target(field) else {
            continue;
        };
        if crate::valid::non_model_target(field) {
            continue;
        }
        let span = target.span();
        let target = user_tokens(target, ident);
        let body = match bodies {
            Bodies::Real => quote_spanned! {span=>
                ::related::Append::append(<#p as ::core::default::Default>::default(), #module::#name)
            },
            Bodies::Unreachable => unreachable(),
        };
        let doc = format!(
            " The `{}` relation of `{}`, followed after the path.",
            plain(name),
            plain(ident)
        );
        methods.push(quote_spanned! {span=>
            #[doc = #doc]
            #[inline]
            #vis fn #name(&self) -> <#p as ::related::Append<#module::#name>>::Output
            where for<'__r> #target: ::related::Model, #p: ::related::Append<#module::#name>
            {
                #body
            }
        });
        derefs.push(quote_spanned! {span=>
            impl ::core::ops::Deref for #module::#name
            where for<'__r> #target: ::related::Reach
            {
                type Target = <#target as ::related::Reach>::Via<Self>;
                #[inline]
                fn deref(&self) -> &Self::Target {
                    <#target as ::related::Reach>::__via::<Self>()
                }
            }
        });
    }
    let span = ident.span();
    let struct_vis = one_module_down(model.vis, span);
    let inside = quote_spanned! {span=>
        #[doc(hidden)]
        #struct_vis struct __RelatedVia<#p>(pub(super) ::core::marker::PhantomData<#p>);
    };
    let beside = quote_spanned! {Span::call_site()=>
        #[allow(dead_code, clippy::all)]
        impl<#p: #path<Target = #ident> + ::core::default::Default> #module::__RelatedVia<#p> {
            #(#methods)*
        }

        impl ::related::Reach for #ident {
            type Via<#p> = #module::__RelatedVia<#p>;
            #[inline]
            fn __via<#p: 'static>() -> &'static Self::Via<#p> {
                &#module::__RelatedVia(::core::marker::PhantomData)
            }
        }

        #(#derefs)*
    };
    (inside, beside)
}
