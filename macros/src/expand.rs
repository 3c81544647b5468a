//! Code generation: the `Model` impl, a handle per field (`Post::title()`,
//! `Post::author()`), and per relation a marker type (in the module
//! `__related_<Model>`) with its `Relation` impls. The typed-row items come
//! from typed_expand.rs; the handles seen through a path (`Post::author()
//! .name()`), from reach_expand.rs; what stands in after errors, from
//! fallback.rs; the token helpers they share, from tokens.rs.
//!
//! Every path goes through `::related::`, `::core::` or `::std::`, so user
//! items named `Option`, `Ok` or `Column` cannot capture it. Parameters get a
//! `__related_` prefix: a binding named like a constant in scope is a
//! constant pattern, whatever the hygiene of its span.
//!
//! Code about a field is spanned on the user's tokens (the field type, the
//! relation target), so that a failing bound such as `u128: Column` or
//! `NotAModel: Model` is reported where the user can fix it, and its repeats
//! at one span fold into one error.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Type, Visibility};

use crate::ast::{Field, Kind, Model};
use crate::case::{plain, type_string};
use crate::tokens::{
    Bodies, handle_fields, handle_names, key_handle_ident, key_type, module_ident, narrower,
    one_module_down, relation_target, this_at, unreachable, user_tokens,
};

pub fn expand(model: &Model) -> TokenStream {
    // valid.rs reports a missing primary key before expansion runs.
    let Some(pk) = model.primary_key() else {
        return TokenStream::new();
    };
    let ident = model.ident;
    let name = plain(ident);
    let table = &model.table;
    let names = names(model, Bodies::Real);
    // Terms that name no column are reported by valid.rs.
    let ordering = model.ordering_terms().into_iter().filter_map(|t| {
        let column = model.order_column(&t.name)?;
        let desc = t.desc;
        Some(quote!((#column, #desc)))
    });

    let mut out = Output::default();
    let mut column_index = 0usize;
    let mut pk_index = 0usize;
    for (i, field) in model.fields.iter().enumerate() {
        if std::ptr::eq(pk, field) {
            pk_index = column_index;
        }
        let field_gen = FieldGen {
            model,
            field,
            field_name: format_ident!("__RELATED_FIELD_{}", i),
            column_index,
        };
        match &field.kind {
            Kind::Scalar { column } => field_gen.scalar(&mut out, column),
            Kind::Forward {
                target,
                column,
                nullable,
                one_to_one,
            } => field_gen.forward(&mut out, target, column, *nullable, *one_to_one),
            Kind::ManyToMany {
                target,
                through,
                source_column,
                target_column,
            } => field_gen.many_to_many(&mut out, target, through, source_column, target_column),
            Kind::Reverse { target, one } => field_gen.reverse(&mut out, target, *one),
            Kind::Prefetched { target } => field_gen.prefetched(&mut out, target),
            Kind::Counted { target } => field_gen.counted(&mut out, target),
            Kind::Skipped => field_gen.skipped(&mut out),
        }
        if field.kind.column().is_some() {
            column_index += 1;
        }
    }

    let pk_ty = user_tokens(pk.ty, ident);
    let empty = crate::typed_expand::empty(model);
    let view = crate::typed_expand::view_ident(model);
    let pk_ident = pk.ident;
    let Locals { row, offset, .. } = Locals::at(Span::call_site());
    let Output {
        items,
        columns,
        relations,
        decode,
        values,
    } = out;

    quote! {
        #names

        const _: () = {
            #(#items)*

            // Every model is a relation's target (`Model` requires it).
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl ::related::Target for #ident {
                type Key = <#ident as ::related::Model>::Pk;
            }

            // Hidden from diagnostics: "`X` is not a model" should not list
            // every model of the crate.
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl ::related::Model for #ident {
                type Pk = #pk_ty;
                type Empty = #empty;
                type View<__RelatedL> = #view<__RelatedL>;

                #[inline]
                fn view<__RelatedL>(__related_row: &Self) -> &#view<__RelatedL> {
                    // SAFETY: the view is `repr(transparent)` over the model
                    // (its other field is a zero-sized `PhantomData`): the
                    // same size, alignment and layout, so a `&Self` is a
                    // valid `&View`. (This `unsafe` carries the macro's
                    // span: `forbid(unsafe_code)` in the user's crate does
                    // not reach it, as with `ref-cast`'s derive.)
                    unsafe { &*(__related_row as *const Self as *const #view<__RelatedL>) }
                }

                #[inline]
                fn info() -> &'static ::related::ModelInfo {
                    static INFO: ::related::ModelInfo = ::related::ModelInfo {
                        name: #name,
                        table: #table,
                        columns: &[#(#columns),*],
                        pk: #pk_index,
                        relations: &[#(#relations),*],
                        ordering: &[#(#ordering),*],
                    };
                    &INFO
                }

                fn pk(&self) -> &#pk_ty {
                    &self.#pk_ident
                }

                fn decode(
                    #row: &dyn ::related::RawRow,
                    #offset: usize,
                ) -> ::core::result::Result<Self, ::related::FieldError> {
                    ::core::result::Result::Ok(#ident {
                        #(#decode)*
                    })
                }

                fn values(&self) -> ::std::vec::Vec<::related::Value> {
                    ::std::vec![#(#values),*]
                }
            }

            // The key stands for its row where either will do (`link`).
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl ::related::KeyOf<#ident> for #pk_ty {
                type Key = Self;

                #[inline]
                fn key_of(&self) -> &Self {
                    self
                }
            }
        };
    }
}

/// What user code names: the marker module, the handles, and `then` on each
/// relation marker. Also emitted beside derive errors, so that one mistake
/// does not also break every `Post::author()` and `reverse = Post::author`.
pub fn names(model: &Model, bodies: Bodies) -> TokenStream {
    let ident = model.ident;
    let module = module_ident(model);
    let taken = handle_names(model);
    let mut markers = Vec::new();
    let mut handles = Vec::new();
    let mut thens = Vec::new();
    for (field, vis) in handle_fields(model, bodies) {
        let name = field.ident;
        match &field.kind {
            // Not stored: nothing to filter, order or load by.
            Kind::Skipped => continue,
            Kind::Scalar { column } => {
                let span = field.ty.span();
                let ty = user_tokens(field.ty, ident);
                let body = match bodies {
                    Bodies::Real => quote_spanned!(span=> ::related::Col::__new(#column)),
                    Bodies::Unreachable => unreachable(),
                };
                // An unsupported type is reported by the `Model` impl; the
                // guard keeps the handle from reporting it a second time.
                let guard = quote_spanned!(span=> where for<'__r> #ty: ::related::Column);
                let doc = format!(" The `{column}` column, for filters and ordering.");
                markers.push(column_marker(vis, name));
                handles.push(quote_spanned! {span=>
                    #[doc = #doc]
                    #[inline]
                    #vis const fn #name() -> ::related::Col<#ident, #ty, #module::#name>
                    #guard
                    {
                        #body
                    }
                });
                continue;
            }
            Kind::Forward {
                target,
                column,
                nullable,
                ..
            } => {
                if let Some((marker, handle)) =
                    key_handle(model, field, target, column, *nullable, &taken, bodies)
                {
                    markers.push(marker);
                    handles.push(handle);
                }
            }
            _ => {}
        }

        let span = name.span();
        let marker_vis = one_module_down(vis, span);
        // Rustc's notes point at a type's declaration ("the trait is not
        // implemented for `tags`"): declare the marker on the user's field.
        markers.push(quote_spanned! {span=>
            #[derive(
                ::core::clone::Clone,
                ::core::marker::Copy,
                ::core::default::Default,
                ::core::fmt::Debug
            )]
            #marker_vis struct #name;
        });
        let doc = relation_doc(field);
        handles.push(quote_spanned! {span=>
            #[doc = #doc]
            #[inline]
            #vis const fn #name() -> #module::#name {
                #module::#name
            }
        });

        if let Some(target) = relation_target(field) {
            let span = target.span();
            let target = user_tokens(target, ident);
            let next = Ident::new("__RelatedNext", Span::mixed_site());
            let next_value = Ident::new("__related_next", Span::mixed_site().located_at(span));
            let guard = guard(&target, span);
            thens.push(quote_spanned! {span=>
                #[allow(dead_code)]
                impl #module::#name {
                    /// Follow this relation, then `next` from the model it
                    /// points at. (That `next` is a relation starting there
                    /// is checked where the chain is used, by `PathFrom`,
                    /// so that a mistake is one error naming the chain; that
                    /// it is a relation handle or a chain at all, here, by
                    /// `NextHop`, whose output type a handle without its
                    /// parentheses does not have.)
                    #vis fn then<#next>(
                        self,
                        #next_value: #next,
                    ) -> ::related::Chain<Self, <() as ::related::NextHop<#next>>::Hop>
                    #guard, (): ::related::NextHop<#next>
                    {
                        ::related::Chain::new(
                            self,
                            <() as ::related::NextHop<#next>>::__hop(#next_value),
                        )
                    }
                }
            });
        }
    }

    handles.extend(pk_handle(model, &taken, bodies));

    let vis = model.vis;
    let typed_items = crate::typed_expand::items(model, bodies);
    let (via, via_items) = crate::reach_expand::items(model, bodies);
    quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types, non_snake_case, dead_code)]
        #vis mod #module {
            #(#markers)*
            #via
        }

        #typed_items
        #via_items

        #[allow(dead_code)]
        impl #ident {
            /// A query over this model's table (`ModelQuery::query`, which
            /// generic code over `M: Model` calls), reachable without
            /// importing the trait.
            #[inline]
            #vis fn query() -> ::related::Query<Self> {
                ::related::Query::new()
            }

            #(#handles)*
        }

        #(#thens)*
    }
}

/// `Post::pk()`, the primary key column's handle under Django's name for it
/// (`filter(pk=1)`): the same column and marker as the key field's own
/// handle. None when a field is named `pk` or the key is a relation.
fn pk_handle(model: &Model, taken: &[String], bodies: Bodies) -> Option<TokenStream> {
    let field = model.primary_key()?;
    let Kind::Scalar { column } = &field.kind else {
        return None;
    };
    if taken.iter().any(|name| name == "pk") || plain(field.ident) == "pk" {
        return None;
    }
    let ident = model.ident;
    let module = module_ident(model);
    let name = field.ident;
    let vis = narrower(model.vis, field.vis);
    let span = field.ty.span();
    let ty = user_tokens(field.ty, ident);
    let body = match bodies {
        Bodies::Real => quote_spanned!(span=> ::related::Col::__new(#column)),
        Bodies::Unreachable => unreachable(),
    };
    let doc = format!(
        " The primary key column, `{column}` (Django's `pk`): the same handle as `{name}()`."
    );
    Some(quote_spanned! {span=>
        #[doc = #doc]
        #[inline]
        #vis const fn pk() -> ::related::Col<#ident, #ty, #module::#name>
        where for<'__r> #ty: ::related::Column
        {
            #body
        }
    })
}

/// The handle of a ForeignKey / OneToOne key column, named after the column
/// (`author_id`), unless the column is not an identifier or the name is
/// already a handle.
fn key_handle(
    model: &Model,
    field: &Field,
    target: &Type,
    column: &str,
    nullable: bool,
    taken: &[String],
    bodies: Bodies,
) -> Option<(TokenStream, TokenStream)> {
    let handle = key_handle_ident(field, column, taken)?;
    let ident = model.ident;
    let module = module_ident(model);
    let vis = narrower(model.vis, field.vis);
    let marker = column_marker(vis, &handle);
    let span = target.span();
    let ty = key_type(target, nullable, ident);
    let target = user_tokens(target, ident);
    let body = match bodies {
        Bodies::Real => quote_spanned!(span=> ::related::Col::__new(#column)),
        Bodies::Unreachable => unreachable(),
    };
    let guard = guard(&target, span);
    let doc = format!(
        " The `{column}` key column of `{}`, for filters and ordering.",
        plain(field.ident)
    );
    let handle = quote_spanned! {span=>
        #[doc = #doc]
        #[inline]
        #vis const fn #handle() -> ::related::Col<#ident, #ty, #module::#handle>
        #guard
        {
            #body
        }
    };
    Some((marker, handle))
}

fn relation_doc(field: &Field) -> String {
    let name = plain(field.ident);
    let kind = field.kind.name();
    let target = relation_target(field)
        .or(match &field.kind {
            Kind::Prefetched { target } | Kind::Counted { target } => Some(*target),
            _ => None,
        })
        .map(type_string)
        .unwrap_or_default();
    match field.kind {
        Kind::Forward { .. } | Kind::Reverse { one: true, .. } => format!(
            " The `{name}` relation ({kind} to `{target}`): pass it to `select_related` \
             (one JOIN) or `prefetch_related`."
        ),
        Kind::Prefetched { .. } => {
            format!(" The `{name}` field: the target of a custom prefetch of `{target}` rows.")
        }
        Kind::Counted { .. } => {
            format!(" The `{name}` field: a count of `{target}` rows, for `count_related`.")
        }
        _ => {
            format!(" The `{name}` relation ({kind} to `{target}`): pass it to `prefetch_related`.")
        }
    }
}

/// A column handle's marker type (`Col<Post, String, title>`): it only
/// names the column in diagnostics, so it has no traits.
fn column_marker(vis: &Visibility, name: &Ident) -> TokenStream {
    let span = name.span();
    let marker_vis = one_module_down(vis, span);
    quote_spanned!(span=> #marker_vis struct #name;)
}

pub fn marker(model: &Model, field: &Field) -> TokenStream {
    let module = module_ident(model);
    let name = field.ident;
    quote!(#module::#name)
}

/// A field's name as a number a type can carry (FNV-1a, 64 bits): the
/// const parameter of `ManyToManyNamed`.
fn field_hash(ident: &Ident) -> u64 {
    plain(ident).bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `where for<'__r> Target: Model`. Rustc does not reject this bound when it
/// is false (it does reject the same bound without the binder), and checks
/// the item under it: a target that is not a model is then reported once,
/// where the item is used, instead of once per line of the item.
pub fn guard(target: &TokenStream, span: Span) -> TokenStream {
    quote_spanned!(span=> where for<'__r> #target: ::related::Model)
}

/// The associated types of a field's `Relation` impl: the JOIN direction
/// (`Source` to `Target`), how many rows it loads, and the key matching them.
pub fn relation_types(model: &Model, field: &Field) -> TokenStream {
    let ident = model.ident;
    let (target, card, link) = match &field.kind {
        Kind::Forward { target, .. } => {
            let span = target.span();
            let t = user_tokens(target, ident);
            (
                t.clone(),
                quote!(::related::One),
                quote_spanned!(span=> <#t as ::related::Model>::Pk),
            )
        }
        Kind::ManyToMany { target, .. } | Kind::Reverse { target, one: false } => (
            user_tokens(target, ident),
            quote!(::related::Many),
            quote!(<#ident as ::related::Model>::Pk),
        ),
        Kind::Reverse { target, one: true } => (
            user_tokens(target, ident),
            quote!(::related::One),
            quote!(<#ident as ::related::Model>::Pk),
        ),
        Kind::Scalar { .. } | Kind::Prefetched { .. } | Kind::Counted { .. } | Kind::Skipped => {
            return TokenStream::new();
        }
    };
    let loads = crate::typed_expand::loads(model, field);
    quote! {
        #loads
        type Source = #ident;
        type Target = #target;
        type Card = #card;
        type Link = #link;
    }
}

/// `SingleValued` (what a JOIN may follow) and `ReverseOf` (what a reverse
/// field may mirror) for a relation marker.
pub fn marker_traits(model: &Model, field: &Field) -> TokenStream {
    let Some(target) = relation_target(field) else {
        return TokenStream::new();
    };
    let ident = model.ident;
    let span = target.span();
    let marker = marker(model, field);
    let target = user_tokens(target, ident);
    let guard = guard(&target, span);
    let single = match field.kind {
        Kind::ManyToMany { .. } => {
            let named = field_hash(field.ident);
            quote_spanned! {span=>
                // Hidden from diagnostics, like `SingleValued` below.
                #[automatically_derived]
                #[diagnostic::do_not_recommend]
                impl ::related::LinkTable for #marker #guard {}

                // So that the reverse side can ask, knowing only the
                // model and this field's name, whether it mirrors a
                // many-to-many (see `ManyToManyNamed`).
                #[automatically_derived]
                #[diagnostic::do_not_recommend]
                impl ::related::__private::ManyToManyNamed<#named> for #ident #guard {}
            }
        }
        // The other side of a many-to-many links too (Django's
        // `tag.posts.add(post)`); of a foreign key it does not. Which one
        // it mirrors the derive cannot see from here, so the impl holds
        // only if the target has a many-to-many field of that name.
        Kind::Reverse { one: false, .. } => match field
            .attrs
            .reverse
            .as_ref()
            .and_then(|r| r.path.segments.last())
        {
            Some(forward) => {
                let named = field_hash(&forward.ident);
                quote_spanned! {span=>
                    #[automatically_derived]
                    #[diagnostic::do_not_recommend]
                    impl ::related::LinkTable for #marker
                    where
                        for<'__r> #target: ::related::__private::ManyToManyNamed<#named>,
                    {}
                }
            }
            None => TokenStream::new(),
        },
        Kind::Forward { .. } | Kind::Reverse { one: true, .. } => quote_spanned! {span=>
            // Hidden from diagnostics: rustc would list every single-valued
            // relation of the crate under a many-valued one's error.
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl ::related::SingleValued for #marker {}
        },
        _ => TokenStream::new(),
    };
    // What `Prefetch::new` and `then` take (see the traits): one impl per
    // relation, not a blanket one, so that a column or a handle without its
    // parentheses there matches no impl at all.
    let single = quote_spanned! {span=>
        #single

        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl ::related::PrefetchOf for #marker #guard {
            type Relation = Self;
        }

        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl ::related::NextHop<#marker> for () #guard {
            type Hop = #marker;
            #[inline]
            fn __hop(hop: #marker) -> #marker {
                hop
            }
        }
    };
    let mirrored_as = match field.kind {
        Kind::Forward {
            one_to_one: true, ..
        } => quote!(::related::One),
        Kind::Forward { .. } | Kind::ManyToMany { .. } => quote!(::related::Many),
        _ => return single,
    };
    let field_ident = field.ident;
    // A forward key names its target in the row; a many-to-many row does
    // not (its link comes from the link table).
    let link = match field.kind {
        Kind::Forward { .. } => quote_spanned! {span=>
            ::related::RelationField::<#target>::key(&__related_row.#field_ident)
        },
        _ => quote_spanned!(span=> ::core::option::Option::None),
    };
    quote_spanned! {span=>
        #single

        // Not listed as "other types implementing ReverseOf" when a reverse
        // field names the wrong relation: the trait's message says what fits.
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl ::related::ReverseOf<#target, #ident, #mirrored_as> for #marker #guard {
            #[inline]
            fn reverse_link(
                __related_row: &#ident,
            ) -> ::core::option::Option<&<#target as ::related::Model>::Pk> {
                #link
            }
        }
    }
}

/// Names for the parameters of generated functions, located at the tokens
/// the surrounding code is spanned on.
struct Locals {
    row: Ident,
    offset: Ident,
    source: Ident,
    target: Ident,
    error: Ident,
    key: Ident,
    shared: Ident,
}

impl Locals {
    fn at(span: Span) -> Self {
        let local = |name: &str| {
            Ident::new(
                &format!("__related_{name}"),
                Span::mixed_site().located_at(span),
            )
        };
        Locals {
            row: local("row"),
            offset: local("offset"),
            source: local("source"),
            target: local("target"),
            error: local("error"),
            key: local("key"),
            shared: local("shared"),
        }
    }
}

/// The pieces of the `Model` impl and the `const _` block, field by field.
#[derive(Default)]
struct Output {
    items: Vec<TokenStream>,
    columns: Vec<TokenStream>,
    relations: Vec<TokenStream>,
    decode: Vec<TokenStream>,
    values: Vec<TokenStream>,
}

struct FieldGen<'a> {
    model: &'a Model<'a>,
    field: &'a Field<'a>,
    /// The `static` FieldName naming this field in "not loaded" errors.
    field_name: Ident,
    column_index: usize,
}

impl FieldGen<'_> {
    fn scalar(&self, out: &mut Output, column: &str) {
        let name = self.field.ident;
        let name_str = plain(name);
        let span = self.field.ty.span();
        let this = this_at(span);
        let ty = user_tokens(self.field.ty, self.model.ident);
        let as_column = quote_spanned!(span=> <#ty as ::related::Column>);
        out.columns.push(quote_spanned! {span=>
            ::related::ColumnInfo {
                field: #name_str,
                name: #column,
                sql_type: #as_column::SQL_TYPE,
                nullable: #as_column::NULLABLE,
                references: ::core::option::Option::None,
                unique: false,
            }
        });
        let read = self.read_column(&as_column, column, span);
        out.decode.push(quote_spanned!(span=> #name: #read,));
        out.values
            .push(quote_spanned!(span=> #as_column::to_value(&#this.#name)));
    }

    fn forward(
        &self,
        out: &mut Output,
        target: &Type,
        column: &str,
        nullable: bool,
        one_to_one: bool,
    ) {
        let model = self.model.ident;
        let name = self.field.ident;
        let name_str = plain(name);
        let model_str = plain(model);
        let span = target.span();
        let this = this_at(span);
        let target = user_tokens(target, model);
        let key = quote_spanned!(span=> <#target as ::related::Model>::Pk);
        let key_column = quote_spanned!(span=> <#key as ::related::Column>);
        let kind = Ident::new(self.field.kind.name(), span);
        let wrapper = quote_spanned!(span=> ::related::#kind);
        let field_name = &self.field_name;
        let Locals {
            source,
            target: t,
            key: k,
            ..
        } = Locals::at(span);

        out.columns.push(quote_spanned! {span=>
            ::related::ColumnInfo {
                field: #name_str,
                name: #column,
                sql_type: #key_column::SQL_TYPE,
                nullable: #nullable,
                references: ::core::option::Option::Some(<#target as ::related::Model>::info),
                unique: #one_to_one,
            }
        });
        if nullable {
            let read = self.read_column(
                &quote_spanned!(span=> <::core::option::Option<#key> as ::related::Column>),
                column,
                span,
            );
            out.decode.push(quote_spanned! {span=>
                #name: ::core::option::Option::map(#read, |#k| #wrapper::__from_key(#k, &#field_name)),
            });
            out.values.push(quote_spanned! {span=>
                ::core::option::Option::map_or(
                    ::core::option::Option::as_ref(&#this.#name),
                    ::related::Value::Null,
                    |#k| #key_column::to_value(#wrapper::key(#k)),
                )
            });
        } else {
            let read = self.read_column(&key_column, column, span);
            out.decode
                .push(quote_spanned!(span=> #name: #wrapper::__from_key(#read, &#field_name),));
            out.values
                .push(quote_spanned!(span=> #key_column::to_value(#wrapper::key(&#this.#name))));
        }

        self.relation(
            out,
            span,
            quote_spanned! {span=>
                #[inline]
                fn info() -> ::related::RelationInfo {
                    ::related::RelationInfo {
                        model: #model_str,
                        name: #name_str,
                        kind: ::related::RelationKind::#kind { column: #column, nullable: #nullable },
                        source: <#model as ::related::Model>::info,
                        target: <#target as ::related::Model>::info,
                    }
                }

                #[inline]
                fn source_link(#source: &#model) -> ::core::option::Option<&Self::Link> {
                    ::related::RelationField::<#target>::key(&#source.#name)
                }

                #[inline]
                fn target_link(#t: &#target) -> ::core::option::Option<&Self::Link> {
                    ::core::option::Option::Some(::related::Model::pk(#t))
                }
            },
            true,
        );
    }

    fn many_to_many(
        &self,
        out: &mut Output,
        target: &Type,
        through: &str,
        source_column: &str,
        target_column: &str,
    ) {
        let model = self.model.ident;
        let name_str = plain(self.field.ident);
        let model_str = plain(model);
        let span = target.span();
        let target = user_tokens(target, model);
        let Locals { source, .. } = Locals::at(span);
        self.relation(
            out,
            span,
            quote_spanned! {span=>
                #[inline]
                fn info() -> ::related::RelationInfo {
                    ::related::RelationInfo {
                        model: #model_str,
                        name: #name_str,
                        kind: ::related::RelationKind::ManyToMany {
                            through: #through,
                            source_column: #source_column,
                            target_column: #target_column,
                        },
                        source: <#model as ::related::Model>::info,
                        target: <#target as ::related::Model>::info,
                    }
                }

                #[inline]
                fn source_link(#source: &#model) -> ::core::option::Option<&Self::Link> {
                    ::core::option::Option::Some(::related::Model::pk(#source))
                }

                // The link comes from the through table, not the target row.
                #[inline]
                fn target_link(_: &#target) -> ::core::option::Option<&Self::Link> {
                    ::core::option::Option::None
                }
            },
            false,
        );
        self.unloaded(out);
    }

    fn reverse(&self, out: &mut Output, target: &Type, one: bool) {
        let model = self.model.ident;
        let name_str = plain(self.field.ident);
        let model_str = plain(model);
        let span = target.span();
        let target = user_tokens(target, model);
        let marker = marker(self.model, self.field);
        let card = if one {
            quote!(::related::One)
        } else {
            quote!(::related::Many)
        };
        if let Some(reverse) = &self.field.attrs.reverse {
            // The user's path keeps its spans: a misspelt relation is
            // reported on the misspelt segment, a mismatched one on the path.
            let path = user_tokens(&reverse.path, model);
            let call_span = reverse
                .path
                .segments
                .last()
                .map_or(span, |s| s.ident.span());
            let call = quote_spanned!(call_span=> ());
            out.items.push(quote_spanned! {span=>
                impl #marker {
                    fn __forward() -> impl ::related::ReverseOf<#model, #target, #card> {
                        #path #call
                    }
                }
            });
        }
        let Locals {
            source,
            target: t,
            shared,
            ..
        } = Locals::at(span);
        self.relation(
            out,
            span,
            quote_spanned! {span=>
                #[inline]
                fn info() -> ::related::RelationInfo {
                    ::related::__private::reverse_info(Self::__forward(), #model_str, #name_str)
                }

                #[inline]
                fn source_link(#source: &#model) -> ::core::option::Option<&Self::Link> {
                    ::core::option::Option::Some(::related::Model::pk(#source))
                }

                #[inline]
                fn target_link(#t: &#target) -> ::core::option::Option<&Self::Link> {
                    ::related::__private::forward_link(Self::__forward(), #t)
                }

                #[inline]
                fn __back_ref(
                    #source: &#model,
                    #shared: &mut ::core::option::Option<::std::sync::Arc<#model>>,
                    #t: &mut #target,
                    __related_replace: bool,
                ) {
                    ::related::__private::back_ref(Self::__forward(), #source, #shared, #t, __related_replace)
                }

                #[inline]
                fn __forward_id() -> ::core::option::Option<::core::any::TypeId> {
                    ::related::__private::forward_id(Self::__forward())
                }
            },
            one,
        );
        self.unloaded(out);
    }

    fn prefetched(&self, out: &mut Output, target: &Type) {
        let model = self.model.ident;
        let name = self.field.ident;
        let name_str = plain(name);
        let span = target.span();
        let target = user_tokens(target, model);
        let marker = marker(self.model, self.field);
        let guard = guard(&target, span);
        let Locals {
            source, target: t, ..
        } = Locals::at(span);
        let loads = crate::typed_expand::loads(self.model, self.field);
        self.field_name(out, false);
        self.unloaded(out);
        out.items.push(quote_spanned! {span=>
            // Hidden from diagnostics: `PrefetchTarget`'s message says what
            // `Prefetch::to` takes.
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl ::related::PrefetchTarget for #marker #guard {
                #loads
                type Source = #model;
                type Item = #target;

                fn name() -> &'static str {
                    #name_str
                }

                #[inline]
                fn attach(#source: &mut #model, #t: ::std::vec::Vec<::std::sync::Arc<#target>>) {
                    ::related::RelationField::<#target>::set_many(&mut #source.#name, #t)
                }

                #[inline]
                fn loaded_mut(#source: &mut #model) -> &mut [::std::sync::Arc<#target>] {
                    ::related::RelationField::<#target>::loaded_mut(&mut #source.#name)
                }
            }

            // What `Prefetch::to` asks for, with the relation's two models
            // in the trait: a handle of another model or item type matches
            // no impl, so its one error names it and nothing follows.
            #[automatically_derived]
            impl ::related::__private::PrefetchInto<#model, #target> for #marker #guard {
                type Dest = ::related::ToField<Self>;

                fn name() -> &'static str {
                    #name_str
                }

                #[inline]
                fn attach(#source: &mut #model, #t: ::std::vec::Vec<::std::sync::Arc<#target>>) {
                    ::related::RelationField::<#target>::set_many(&mut #source.#name, #t)
                }
            }
        });
    }

    /// `#[related(skip)]`: no column, no handle; `Default::default()` in
    /// every decoded row (a type without `Default` is one error at the
    /// field, naming the attribute).
    fn skipped(&self, out: &mut Output) {
        let span = self.field.ty.span();
        let name = self.field.ident;
        let ty = user_tokens(self.field.ty, self.model.ident);
        out.decode
            .push(quote_spanned!(span=> #name: ::related::__private::skipped::<#ty>(),));
    }

    fn counted(&self, out: &mut Output, target: &Type) {
        let model = self.model.ident;
        let name = self.field.ident;
        let name_str = plain(name);
        let span = target.span();
        let target = user_tokens(target, model);
        let marker = marker(self.model, self.field);
        let guard = guard(&target, span);
        let Locals { source, .. } = Locals::at(span);
        let count = Ident::new("__related_count", Span::mixed_site().located_at(span));
        let loads = crate::typed_expand::counts(self.model, self.field);
        self.field_name(out, false);
        self.unloaded(out);
        // Not listed as "implemented for `comment_count`" when a column is
        // passed: `CountTarget`'s message already says what fits.
        out.items.push(quote_spanned! {span=>
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl ::related::CountTarget for #marker #guard {
                type Loads = #loads;
                type Source = #model;
                type Item = #target;

                fn name() -> &'static str {
                    #name_str
                }

                fn set(#source: &mut #model, #count: u64) {
                    #source.#name.set(#count)
                }
            }
        });
    }

    /// The `Relation` impl around `methods` (`info` and the two links, which
    /// differ by kind), its entry in `ModelInfo::relations`, the marker
    /// traits and the `FieldName` static.
    fn relation(&self, out: &mut Output, span: Span, methods: TokenStream, joinable: bool) {
        let model = self.model.ident;
        let name = self.field.ident;
        let marker = marker(self.model, self.field);
        let types = relation_types(self.model, self.field);
        let Some(target) = relation_target(self.field) else {
            return;
        };
        let target = user_tokens(target, model);
        let guard = guard(&target, span);
        let Locals {
            source, target: t, ..
        } = Locals::at(span);
        out.items.push(quote_spanned! {span=>
            // Hidden from diagnostics: `Relation`'s own message says what
            // was expected; a list of the crate's relations would not.
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl ::related::Relation for #marker #guard {
                #types

                #methods

                #[inline]
                fn attach(#source: &mut #model, #t: ::std::vec::Vec<::std::sync::Arc<#target>>) {
                    ::related::RelationField::<#target>::set_many(&mut #source.#name, #t)
                }

                #[inline]
                fn attach_one(
                    #source: &mut #model,
                    #t: ::core::option::Option<::std::sync::Arc<#target>>,
                ) {
                    ::related::RelationField::<#target>::set_one(&mut #source.#name, #t)
                }

                #[inline]
                fn loaded_mut(#source: &mut #model) -> &mut [::std::sync::Arc<#target>] {
                    ::related::RelationField::<#target>::loaded_mut(&mut #source.#name)
                }

                #[inline]
                fn __is_loaded(#source: &#model) -> bool {
                    ::related::RelationField::<#target>::loaded(&#source.#name).is_ok()
                }
            }
        });
        // `SetFrom` with the model in the impl's header: a relation of
        // another model matches no impl (see the trait).
        out.items.push(quote_spanned! {span=>
            #[automatically_derived]
            impl ::related::__private::SetFrom<#model> for #marker #guard {
                type Set = <Self as ::related::Relation>::Loads<<#target as ::related::Model>::Empty>;
                type Gate<__RelatedX> = __RelatedX;
            }
            #[automatically_derived]
            impl<__RelatedRest: ::related::Path> ::related::__private::SetFrom<#model> for ::related::Chain<#marker, __RelatedRest> #guard {
                type Set = <#marker as ::related::Relation>::Loads<<__RelatedRest as ::related::Path>::Set>;
                type Gate<__RelatedX> = __RelatedX;
            }
        });
        out.items.push(marker_traits(self.model, self.field));
        out.relations
            .push(quote_spanned!(span=> <#marker as ::related::Relation>::info));
        self.field_name(out, joinable);
    }

    fn field_name(&self, out: &mut Output, joinable: bool) {
        let field_name = &self.field_name;
        let model_str = plain(self.model.ident);
        let name_str = plain(self.field.ident);
        out.items.push(quote! {
            static #field_name: ::related::FieldName = ::related::FieldName {
                model: #model_str,
                field: #name_str,
                joinable: #joinable,
            };
        });
    }

    /// `decode`'s value for a field without a column: unloaded, and knowing
    /// its name for the "not loaded" error.
    fn unloaded(&self, out: &mut Output) {
        let span = self.field.ty.span();
        let name = self.field.ident;
        let field_name = &self.field_name;
        let wrapper = Ident::new(self.field.kind.name(), span);
        out.decode
            .push(quote_spanned!(span=> #name: ::related::#wrapper::__unloaded(&#field_name),));
    }

    /// Decode this field's column, naming field and column on failure.
    fn read_column(&self, as_column: &TokenStream, column: &str, span: Span) -> TokenStream {
        // The `decode` parameters: identifiers resolve by name and hygiene,
        // not by location.
        let Locals {
            row, offset, error, ..
        } = Locals::at(span);
        let index = self.column_index;
        let name_str = plain(self.field.ident);
        quote_spanned! {span=>
            #as_column::decode(#row, #offset + #index)
                .map_err(|#error| ::related::FieldError::new(#name_str, #column, #error))?
        }
    }
}
