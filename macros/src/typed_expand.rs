//! Typed rows: the model's loaded set type, its merge, its check, the
//! per-relation "was loaded" traits, and the view `{Model}Loaded<L>` that
//! `related::Loaded<Model, L>` derefs to, with the accessors.

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote, quote_spanned};

use crate::ast::{Field, Kind, Model};
use crate::case::{camel_case, plain};
use crate::tokens::{Bodies, narrower, relation_target, this_at, unreachable, user_tokens};

/// The fields with a slot in the loaded set: every field with a `Relation`
/// impl, the `Prefetched` fields `Prefetch::to` fills and the `Counted`
/// fields `count_related` fills.
pub fn slot_fields<'m, 'a>(model: &'m Model<'a>) -> Vec<&'m Field<'a>> {
    model
        .fields
        .iter()
        // A field whose target cannot be a model has no slot: `Slot<T: Model>`
        // would repeat the one error the derive gives for it.
        .filter(|f| slot_target(f).is_some() && !crate::valid::non_model_target(f))
        .collect()
}

/// The model a slot's rows are of.
fn slot_target<'a>(field: &Field<'a>) -> Option<&'a syn::Type> {
    match field.kind {
        Kind::Prefetched { target } | Kind::Counted { target } => Some(target),
        _ => relation_target(field),
    }
}

/// `related::Set<(No, .., Yes<N>, .., No), Model>`: the set with only
/// `field` loaded.
pub fn loads(model: &Model, field: &Field) -> TokenStream {
    let slots = slot_fields(model).into_iter().map(|f| {
        if std::ptr::eq(f, field) {
            quote!(::related::Yes<__RelatedN>)
        } else {
            quote!(::related::No)
        }
    });
    let set = set_of(model, slots.collect());
    quote!(type Loads<__RelatedN> = #set;)
}

/// The set with only the count `field` filled (`Yes<No>`: nothing below a
/// count), the `Loads` of its `CountTarget` impl.
pub fn counts(model: &Model, field: &Field) -> TokenStream {
    let slots = slot_fields(model).into_iter().map(|f| {
        if std::ptr::eq(f, field) {
            quote!(::related::Yes<::related::No>)
        } else {
            quote!(::related::No)
        }
    });
    set_of(model, slots.collect())
}

/// `related::Set<(No, ..), Model>`: nothing loaded.
pub fn empty(model: &Model) -> TokenStream {
    let slots = slot_fields(model)
        .into_iter()
        .map(|_| quote!(::related::No));
    set_of(model, slots.collect())
}

/// `related::Set<(slots..), Model>`: the model's loaded set, its slots
/// nested in tuples of at most 12 (the arities the library merges). Named
/// in full wherever it is used: a model declared inside a function is not
/// reachable from a module of its own.
fn set_of(model: &Model, slots: Vec<TokenStream>) -> TokenStream {
    let ident = model.ident;
    let slots = nest(&slots);
    quote!(::related::Set<#slots, #ident>)
}

fn nest(slots: &[TokenStream]) -> TokenStream {
    if slots.len() <= 12 {
        return quote!((#(#slots,)*));
    }
    let chunks = slots.chunks(12).map(nest);
    quote!((#(#chunks,)*))
}

/// Items at the model's level: the set's `Union`, `LoadSet` and `has_*`
/// impls, the view `{Model}Loaded<L>` with its accessors, and the trait
/// `{Model}Relations` that gives a plain model the same accessors (each one
/// the "not loaded" error).
pub fn items(model: &Model, bodies: Bodies) -> TokenStream {
    let ident = model.ident;
    let vis = model.vis;
    let fields = slot_fields(model);
    let n = fields.len();
    let a: Vec<_> = (0..n).map(|i| format_ident!("A{}", i)).collect();
    let set = set_of(model, a.iter().map(|a| quote!(#a)).collect());
    let targets: Vec<TokenStream> = fields
        .iter()
        .map(|f| user_tokens(slot_target(f).expect("slot field"), ident))
        .collect();
    // What each slot holds: a relation's rows, or none for a count that
    // was filled.
    let loaded: Vec<TokenStream> = fields
        .iter()
        .zip(&targets)
        .map(|(f, target)| {
            let name = f.ident;
            match f.kind {
                Kind::Counted { .. } => quote!(__related_row.#name.__as_loaded()),
                _ => quote!(::related::RelationField::<#target>::loaded(&__related_row.#name)),
            }
        })
        .collect();

    // The relation slots handed to a set visitor: each with its marker (a
    // count or a `Prefetched` field is filled by the query's own levels).
    // The slots' `SlotVisit` bounds sit on the impl, where a relation to no
    // model adds no error of its own.
    let module = crate::tokens::module_ident(model);
    let visited: Vec<(&syn::Ident, TokenStream)> = fields
        .iter()
        .zip(&a)
        .filter(|(f, _)| !matches!(f.kind, Kind::Counted { .. } | Kind::Prefetched { .. }))
        .map(|(f, a)| {
            let name = f.ident;
            (
                a,
                quote!(::related::__private::SlotVisit<#module::#name, #ident>),
            )
        })
        .collect();
    let visit_bounds = visited.iter().map(|(a, visit)| quote!(#a: #visit));
    let visits = visited
        .iter()
        .map(|(a, visit)| quote!(<#a as #visit>::__visit_slot(__related_visitor);));
    let visit = match bodies {
        Bodies::Real => quote! {
            let _ = &__related_visitor;
            #(#visits)*
        },
        Bodies::Unreachable => unreachable(),
    };

    let model_name = crate::case::plain(ident);
    let field_names: Vec<String> = fields.iter().map(|f| crate::case::plain(f.ident)).collect();
    let verify = match bodies {
        Bodies::Real => quote! {
            let _ = __related_row;
            #(
                <#a as ::related::Slot<#targets>>::verify(#loaded)
                    .map_err(|e| e.__named(#model_name, #field_names))?;
            )*
            ::core::result::Result::Ok(())
        },
        Bodies::Unreachable => unreachable(),
    };

    let traits = fields.iter().map(|f| {
        let name = f.ident;
        let span = name.span();
        // Declared on the field name: rustc's help "the trait is not
        // implemented" points at the user's field, not at the derive.
        let has = has_trait(model, f, span);
        let vis = model.vis;
        let field_str = plain(name);
        let model_str = plain(ident);
        let message = match f.kind {
            Kind::Counted { .. } => format!("count `{field_str}` was not filled by this query"),
            _ => format!("relation `{field_str}` was not loaded by this query"),
        };
        let note = match f.kind {
            Kind::Counted { .. } => format!(
                "not counted: add `.count_related({model_str}::<relation>(), {model_str}::{field_str}())` to the query (on the `Prefetch` of `{model_str}` rows if nested)"
            ),
            Kind::Prefetched { .. } => format!(
                "not loaded: add `.prefetch(Prefetch::new({model_str}::<relation>()).to({model_str}::{field_str}()))` to the query (below the path to `{model_str}` if nested)"
            ),
            Kind::Forward { .. } | Kind::Reverse { one: true, .. } => format!(
                "not loaded: add `.select_related({model_str}::{field_str}())` (or `prefetch_related`) to the query (after the path to `{model_str}` if nested)"
            ),
            _ => format!(
                "not loaded: add `.prefetch_related({model_str}::{field_str}())` to the query (after the path to `{model_str}` if nested)"
            ),
        };
        // A `Prefetched` field of the same target is where a
        // `Prefetch::to(..)` of this relation puts its rows: say so.
        let same_target = |t: &syn::Type| {
            f.kind.target().map(|own| own.to_token_stream().to_string())
                == Some(t.to_token_stream().to_string())
        };
        let elsewhere = match f.kind {
            Kind::Counted { .. } | Kind::Prefetched { .. } => None,
            _ => fields.iter().find_map(|g| match g.kind {
                Kind::Prefetched { target } if same_target(target) => Some(plain(g.ident)),
                _ => None,
            }),
        };
        let note = match elsewhere {
            Some(to) => format!(
                "{note}; the rows of a `Prefetch` given `.to({model_str}::{to}())` are read with `.{to}()`"
            ),
            None => note,
        };
        // Said in the label, not in a note: the error stays within 15 lines
        // where a function's bound adds its own.
        let note = format!(
            "{note}; typed rows come from `fetch` (`all` returns plain models, read with `.{field_str}.get()?`); a function generic over the loaded sets asks for it in a bound on the set of `{model_str}` rows: `L: {has}<_>`"
        );
        let doc = format!(" Implemented by the loaded sets of `{model_str}` holding `{field_str}`; `N` is what was loaded below it.");
        quote_spanned! {span=>
            #[doc = #doc]
            #[diagnostic::on_unimplemented(message = #message, label = #note)]
            #vis trait #has<N> {}
        }
    });

    // The view's parameter is named `L`, which rustc prints in its notes
    // (`PostLoaded::<L>::author`), unless a type of the model is named so.
    let l = if mentions(model, "L") {
        format_ident!("__RelatedL")
    } else {
        format_ident!("L")
    };
    let mut has_impls = Vec::new();
    let mut decls = Vec::new();
    let mut defs = Vec::new();
    let mut plain_defs = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        let name = f.ident;
        let has = has_trait(model, f, name.span());
        let target = &targets[i];
        // One impl over every set, with the slot as a bound: rustc then has
        // no "similar impl" to list, and `do_not_recommend` keeps it from
        // reporting the slot's bound instead of the relation's message.
        let slot = &a[i];
        has_impls.push(quote! {
            #[diagnostic::do_not_recommend]
            impl<__RelatedN, #(#a),*> #has<__RelatedN> for #set
            where
                #slot: ::related::__private::IsYes<__RelatedN>,
            {}
        });
        let this = this_at(f.ident.span());
        let (ret, body) = match f.kind {
            Kind::Counted { .. } => (
                quote!(u64),
                quote!(::related::__private::counted(&#this.#name)),
            ),
            Kind::Forward {
                nullable: false, ..
            } => (
                quote!(&::related::Loaded<#target, __RelatedN>),
                quote!(::related::__private::one(::related::RelationField::<#target>::loaded(&#this.#name))),
            ),
            Kind::Forward { nullable: true, .. } | Kind::Reverse { one: true, .. } => (
                quote!(::core::option::Option<&::related::Loaded<#target, __RelatedN>>),
                quote!(::related::__private::optional(::related::RelationField::<#target>::loaded(&#this.#name))),
            ),
            _ => (
                quote!(::related::Rows<'_, #target, __RelatedN>),
                quote!(::related::__private::many(::related::RelationField::<#target>::loaded(&#this.#name))),
            ),
        };
        let body = match bodies {
            Bodies::Real => body,
            Bodies::Unreachable => unreachable(),
        };
        let doc = match f.kind {
            Kind::Counted { .. } => format!(" The count `{}`.", plain(name)),
            _ => format!(
                " The loaded `{}`, with what the query loaded below it.",
                plain(name)
            ),
        };
        let span = name.span();
        // The bound's tokens sit on the field name, so the note "required
        // by this bound" points at one line of the user's struct.
        // `Loaded<T, _>` needs `T: Model`: for a target that is not one,
        // the guard keeps the accessor from reporting it again (see `guard`).
        let guard = quote_spanned!(span=> for<'__r> #target: ::related::Model);
        decls.push(quote_spanned! {span=>
            #[doc = #doc]
            fn #name<__RelatedN>(&#this) -> #ret
            where
                <#ident as ::related::Model>::Empty: #has<__RelatedN>,
                #guard;
        });
        // For a typed row's set, and for the plain model's (nothing loaded).
        let def = |set: TokenStream| {
            quote_spanned! {span=>
                #[doc = #doc]
                fn #name<__RelatedN>(&#this) -> #ret
                where
                    #set: #has<__RelatedN>,
                    #guard,
                {
                    #body
                }
            }
        };
        // An accessor is as visible as the field it reads (and its handle).
        // The set is bound through `Same<S>`: bound directly, rustc blames
        // the row (the receiver) for a relation not loaded; through a
        // parameter of the method, it points at the accessor's name.
        let field_vis = crate::tokens::shown_at(narrower(model.vis, f.vis), span);
        defs.push(quote_spanned! {span=>
            #[doc = #doc]
            #field_vis fn #name<__RelatedN, __RelatedS>(&#this) -> #ret
            where
                #l: ::related::__private::Same<__RelatedS>,
                __RelatedS: #has<__RelatedN>,
                #guard,
            {
                #body
            }
        });
        plain_defs.push(def(quote!(<#ident as ::related::Model>::Empty)));
    }
    let view = view_ident(model);
    let plain_trait = format_ident!("{}Relations", ident);
    let view_doc = format!(
        " A typed row `related::Loaded<{ident}, L>` derefs to this view of the `{ident}` it holds: its methods read the relations the query loaded (`L`), with nothing to import, and it derefs to the `{ident}`."
    );
    let plain_doc = format!(
        " The relation accessors on a plain `{ident}`, which holds no relation in its type: each says the query did not load it, and names `fetch`."
    );
    quote! {
        #(#traits)*

        #[doc = #view_doc]
        #[repr(transparent)]
        #vis struct #view<#l> {
            row: #ident,
            set: ::core::marker::PhantomData<fn() -> #l>,
        }

        #[automatically_derived]
        impl<#l> ::core::ops::Deref for #view<#l> {
            type Target = #ident;

            #[inline]
            fn deref(&self) -> &#ident {
                &self.row
            }
        }

        #[allow(dead_code)]
        impl<#l> #view<#l> {
            #(#defs)*
        }

        #[doc = #plain_doc]
        #[allow(non_camel_case_types, dead_code)]
        #vis trait #plain_trait {
            #(#decls)*
        }

        // A plain model holds no relation in its type: `post.author()` on
        // one is the "not loaded" error (which names `fetch`),
        // instead of rustc's "this is an associated function, not a method".
        #[automatically_derived]
        impl #plain_trait for #ident {
            #(#plain_defs)*
        }

        const _: () = {
            #[automatically_derived]
            impl<#(#a: ::related::Slot<#targets>),*> ::related::LoadSet<#ident> for #set
            where
                #(#visit_bounds,)*
            {
                fn verify(__related_row: &#ident) -> ::core::result::Result<(), ::related::NotLoaded> {
                    #verify
                }

                fn __visit<__RelatedV: ::related::__private::SetVisitor<#ident>>(__related_visitor: &mut __RelatedV) {
                    #visit
                }
            }

            #(#has_impls)*
        };
    }
}

/// Whether the model's name or a field's type names the identifier `name`.
fn mentions(model: &Model, name: &str) -> bool {
    fn walk(tokens: TokenStream, name: &str) -> bool {
        tokens.into_iter().any(|t| match t {
            proc_macro2::TokenTree::Ident(i) => i == name,
            proc_macro2::TokenTree::Group(g) => walk(g.stream(), name),
            _ => false,
        })
    }
    model.ident == name
        || model
            .fields
            .iter()
            .any(|f| walk(f.ty.to_token_stream(), name))
}

/// `PostLoaded` for `Post`: the view a typed row derefs to, which holds
/// the accessors.
pub fn view_ident(model: &Model) -> proc_macro2::Ident {
    format_ident!("{}Loaded", model.ident)
}

/// `PostHasAuthor` for `Post::author`: the bound a function writes to ask
/// for "a Post with its author loaded".
fn has_trait(model: &Model, field: &Field, span: proc_macro2::Span) -> proc_macro2::Ident {
    let camel = camel_case(&plain(field.ident));
    proc_macro2::Ident::new(&format!("{}Has{camel}", plain(model.ident)), span)
}
