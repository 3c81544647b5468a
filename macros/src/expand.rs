//! Code generation, per the contract in notes/EXPANSION.md. Every path goes
//! through `::related::` or `::core::`, so user items named `Option`, `Ok` or
//! `Column` cannot capture it; locals use mixed-site hygiene for the same
//! reason. User types are re-emitted with their own spans so that a failing
//! trait bound (`u128: Column`, `NotAModel: Model`) is reported on the
//! user's type, and rustc folds the repeats at one span into one error.

use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Type, Visibility};

use crate::ast::{Field, Kind, Model};
use crate::case::plain;
use crate::valid::type_string;

/// Hygienic names for the parameters of generated functions.
struct Locals {
    row: Ident,
    offset: Ident,
    source: Ident,
    target: Ident,
    error: Ident,
    key: Ident,
}

impl Locals {
    fn new() -> Self {
        let local = |name: &str| Ident::new(name, Span::mixed_site());
        Locals {
            row: local("row"),
            offset: local("offset"),
            source: local("source"),
            target: local("target"),
            error: local("error"),
            key: local("key"),
        }
    }
}

#[derive(Default)]
struct Output {
    markers: Vec<TokenStream>,
    handles: Vec<TokenStream>,
    /// Items for the `const _` block: impls, statics.
    items: Vec<TokenStream>,
    columns: Vec<TokenStream>,
    relations: Vec<TokenStream>,
    decode: Vec<TokenStream>,
    values: Vec<TokenStream>,
}

pub fn expand(model: &Model) -> TokenStream {
    let ident = model.ident;
    let vis = model.vis;
    let module = format_ident!("__related_{}", ident);
    let name = plain(ident);
    let table = &model.table;
    let locals = Locals::new();
    let mut out = Output::default();

    let handle_names = handle_names(model);
    let mut column_index = 0usize;
    let mut pk_index = 0usize;
    let pk = model.primary_key();
    for (i, field) in model.fields.iter().enumerate() {
        if pk.is_some_and(|pk| std::ptr::eq(pk, field)) {
            pk_index = column_index;
        }
        let cx = FieldCx {
            model,
            module: &module,
            field,
            locals: &locals,
            field_name: format_ident!("__RELATED_FIELD_{}", i),
            column_index,
        };
        match &field.kind {
            Kind::Scalar { column } => cx.scalar(&mut out, column),
            Kind::Forward {
                target,
                column,
                nullable,
                one_to_one,
            } => cx.forward(
                &mut out,
                target,
                column,
                *nullable,
                *one_to_one,
                &handle_names,
            ),
            Kind::ManyToMany {
                target,
                through,
                source_column,
                target_column,
            } => cx.many_to_many(&mut out, target, through, source_column, target_column),
            Kind::Reverse { target, one } => cx.reverse(&mut out, target, *one),
            Kind::Prefetched { target } => cx.prefetched(&mut out, target),
        }
        if field.kind.column().is_some() {
            column_index += 1;
        }
    }

    let (pk_ty, pk_ident) = match pk {
        Some(pk) => (user_tokens(pk.ty, ident), pk.ident),
        // valid.rs reports a missing primary key before expansion runs.
        None => return TokenStream::new(),
    };
    let Locals { row, offset, .. } = &locals;
    let Output {
        markers,
        handles,
        items,
        columns,
        relations,
        decode,
        values,
    } = out;

    quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types, non_snake_case, dead_code)]
        #vis mod #module {
            #(
                #[derive(
                    ::core::clone::Clone,
                    ::core::marker::Copy,
                    ::core::default::Default,
                    ::core::fmt::Debug
                )]
                #markers;
            )*
        }

        #[allow(dead_code)]
        impl #ident {
            #(#handles)*
        }

        const _: () = {
            #(#items)*

            #[automatically_derived]
            impl ::related::Model for #ident {
                type Pk = #pk_ty;

                fn info() -> &'static ::related::ModelInfo {
                    static INFO: ::related::ModelInfo = ::related::ModelInfo {
                        name: #name,
                        table: #table,
                        columns: &[#(#columns),*],
                        pk: #pk_index,
                        relations: &[#(#relations),*],
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
        };
    }
}

/// Names already taken by a field's own handle, so a key-column handle that
/// would clash is skipped instead of failing to compile.
fn handle_names(model: &Model) -> Vec<String> {
    let mut names: Vec<String> = model.fields.iter().map(|f| plain(f.ident)).collect();
    names.extend(crate::valid::RESERVED.iter().map(|name| (*name).to_owned()));
    names
}

struct FieldCx<'a> {
    model: &'a Model<'a>,
    module: &'a Ident,
    field: &'a Field<'a>,
    locals: &'a Locals,
    /// The `static` FieldName naming this field in "not loaded" errors.
    field_name: Ident,
    column_index: usize,
}

impl FieldCx<'_> {
    fn scalar(&self, out: &mut Output, column: &str) {
        let model = self.model.ident;
        let field = self.field.ident;
        let field_str = plain(field);
        let ty = user_tokens(self.field.ty, model);
        let span = self.field.ty.span();
        let as_column = quote_spanned!(span=> <#ty as ::related::Column>);
        let new_col = quote_spanned!(span=> ::related::Col::__new(#column));
        let vis = self.handle_vis();
        let doc = format!(" The `{column}` column, for filters and ordering.");
        out.handles.push(quote_spanned! {span=>
            #[doc = #doc]
            #vis fn #field() -> ::related::Col<#model, #ty> {
                #new_col
            }
        });
        out.columns.push(quote_spanned! {span=>
            ::related::ColumnInfo {
                field: #field_str,
                name: #column,
                sql_type: #as_column::SQL_TYPE,
                nullable: #as_column::NULLABLE,
                references: ::core::option::Option::None,
                unique: false,
            }
        });
        let read = self.read_column(&as_column, column, span);
        out.decode.push(quote_spanned!(span=>#field: #read,));
        out.values
            .push(quote_spanned!(span=>#as_column::to_value(&self.#field)));
    }

    fn forward(
        &self,
        out: &mut Output,
        target: &Type,
        column: &str,
        nullable: bool,
        one_to_one: bool,
        taken: &[String],
    ) {
        let model = self.model.ident;
        let field = self.field.ident;
        let field_str = plain(field);
        let target_ty = user_tokens(target, model);
        let span = target.span();
        let key = quote_spanned!(span=> <#target_ty as ::related::Model>::Pk);
        let key_column = quote_spanned!(span=> <#key as ::related::Column>);
        let (wrapper, kind) = if one_to_one {
            (
                quote_spanned!(span=>::related::OneToOne),
                quote_spanned!(span=>OneToOne),
            )
        } else {
            (
                quote_spanned!(span=>::related::ForeignKey),
                quote_spanned!(span=>ForeignKey),
            )
        };
        let field_name = &self.field_name;
        let Locals { key: k, .. } = self.locals;

        if let Ok(mut handle) = syn::parse_str::<Ident>(column) {
            if !taken.iter().any(|t| *t == plain(&handle)) {
                handle.set_span(field.span());
                let ty = if nullable {
                    quote_spanned!(span=>::core::option::Option<#key>)
                } else {
                    key.clone()
                };
                let vis = self.handle_vis();
                let doc = format!(
                    " The `{column}` key column of `{field_str}`, for filters and ordering."
                );
                let new_col = quote_spanned!(span=> ::related::Col::__new(#column));
                out.handles.push(quote_spanned! {span=>
                    #[doc = #doc]
                    #vis fn #handle() -> ::related::Col<#model, #ty> {
                        #new_col
                    }
                });
            }
        }

        out.columns.push(quote_spanned! {span=>
            ::related::ColumnInfo {
                field: #field_str,
                name: #column,
                sql_type: #key_column::SQL_TYPE,
                nullable: #nullable,
                references: ::core::option::Option::Some(<#target_ty as ::related::Model>::info),
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
                #field: match #read {
                    ::core::option::Option::Some(#k) => ::core::option::Option::Some(
                        #wrapper::__from_key(#k, &#field_name),
                    ),
                    ::core::option::Option::None => ::core::option::Option::None,
                },
            });
            out.values.push(quote_spanned! {span=>
                match &self.#field {
                    ::core::option::Option::Some(#k) => #key_column::to_value(#wrapper::key(#k)),
                    ::core::option::Option::None => ::related::Value::Null,
                }
            });
        } else {
            let read = self.read_column(&key_column, column, span);
            out.decode.push(quote_spanned! {span=>
                #field: #wrapper::__from_key(#read, &#field_name),
            });
            out.values
                .push(quote_spanned!(span=>#key_column::to_value(#wrapper::key(&self.#field))));
        }

        let Locals {
            source, target: t, ..
        } = self.locals;
        let name_str = plain(model);
        let card = if one_to_one {
            quote_spanned!(span=>::related::One)
        } else {
            quote_spanned!(span=>::related::Many)
        };
        let body = quote_spanned! {span=>
            type Source = #model;
            type Target = #target_ty;
            type Card = ::related::One;
            type Link = #key;

            fn info() -> ::related::RelationInfo {
                ::related::RelationInfo {
                    model: #name_str,
                    name: #field_str,
                    kind: ::related::RelationKind::#kind { column: #column, nullable: #nullable },
                    source: <#model as ::related::Model>::info,
                    target: <#target_ty as ::related::Model>::info,
                }
            }

            fn source_link(#source: &#model) -> ::core::option::Option<&#key> {
                ::related::RelationField::<#target_ty>::key(&#source.#field)
            }

            fn target_link(#t: &#target_ty) -> ::core::option::Option<&#key> {
                ::core::option::Option::Some(::related::Model::pk(#t))
            }
        };
        self.relation(out, target, body, true);
        let marker = self.marker();
        out.items.push(quote_spanned! {span=>
            #[automatically_derived]
            impl ::related::ReverseOf<#target_ty, #model, #card> for #marker where for<'__r> #target_ty: ::related::Model {}
        });
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
        let field_str = plain(self.field.ident);
        let name_str = plain(model);
        let target_ty = user_tokens(target, model);
        let span = target.span();
        let Locals { source, .. } = self.locals;
        let body = quote_spanned! {span=>
            type Source = #model;
            type Target = #target_ty;
            type Card = ::related::Many;
            type Link = <#model as ::related::Model>::Pk;

            fn info() -> ::related::RelationInfo {
                ::related::RelationInfo {
                    model: #name_str,
                    name: #field_str,
                    kind: ::related::RelationKind::ManyToMany {
                        through: #through,
                        source_column: #source_column,
                        target_column: #target_column,
                    },
                    source: <#model as ::related::Model>::info,
                    target: <#target_ty as ::related::Model>::info,
                }
            }

            fn source_link(#source: &#model) -> ::core::option::Option<&Self::Link> {
                ::core::option::Option::Some(::related::Model::pk(#source))
            }

            fn target_link(_: &#target_ty) -> ::core::option::Option<&Self::Link> {
                ::core::option::Option::None
            }
        };
        self.relation(out, target, body, false);
        self.unloaded(out);
        let marker = self.marker();
        out.items.push(quote_spanned! {span=>
            #[automatically_derived]
            impl ::related::ReverseOf<#target_ty, #model, ::related::Many> for #marker where for<'__r> #target_ty: ::related::Model {}
        });
    }

    fn reverse(&self, out: &mut Output, target: &Type, one: bool) {
        let span = target.span();
        let model = self.model.ident;
        let field_str = plain(self.field.ident);
        let name_str = plain(model);
        let target_ty = user_tokens(target, model);
        let marker = self.marker();
        let card = if one {
            quote_spanned!(span=>::related::One)
        } else {
            quote_spanned!(span=>::related::Many)
        };
        if let Some(reverse) = &self.field.attrs.reverse {
            // The user's path, with its spans: a misspelt relation is reported
            // on the misspelt segment, a mismatched one on the whole path.
            let path = user_tokens(&reverse.path, model);
            let call_span = reverse
                .path
                .segments
                .last()
                .map_or_else(Span::call_site, |s| s.ident.span());
            let call = quote_spanned!(call_span=> ());
            out.items.push(quote_spanned! {span=>
                impl #marker {
                    #[doc(hidden)]
                    pub fn __forward() -> impl ::related::ReverseOf<#model, #target_ty, #card> {
                        #path #call
                    }
                }
            });
        }
        let Locals {
            source, target: t, ..
        } = self.locals;
        let body = quote_spanned! {span=>
            type Source = #model;
            type Target = #target_ty;
            type Card = #card;
            type Link = <#model as ::related::Model>::Pk;

            fn info() -> ::related::RelationInfo {
                ::related::__private::reverse_info(Self::__forward(), #name_str, #field_str)
            }

            fn source_link(#source: &#model) -> ::core::option::Option<&Self::Link> {
                ::core::option::Option::Some(::related::Model::pk(#source))
            }

            fn target_link(#t: &#target_ty) -> ::core::option::Option<&Self::Link> {
                ::related::__private::forward_link(Self::__forward(), #t)
            }
        };
        self.relation(out, target, body, one);
        self.unloaded(out);
    }

    fn prefetched(&self, out: &mut Output, target: &Type) {
        let span = target.span();
        let model = self.model.ident;
        let field = self.field.ident;
        let field_str = plain(field);
        let target_ty = user_tokens(target, model);
        let marker = self.marker();
        let Locals {
            source, target: t, ..
        } = self.locals;
        self.marker_and_handle(out, target, false);
        self.unloaded(out);
        out.items.push(quote_spanned! {span=>
            #[automatically_derived]
            impl ::related::PrefetchTarget for #marker where for<'__r> #target_ty: ::related::Model {
                type Source = #model;
                type Item = #target_ty;

                fn name() -> &'static str {
                    #field_str
                }

                fn attach(#source: &mut #model, #t: ::std::vec::Vec<#target_ty>) {
                    ::related::RelationField::<#target_ty>::set_many(&mut #source.#field, #t)
                }

                fn loaded_mut(#source: &mut #model) -> &mut [#target_ty] {
                    ::related::RelationField::<#target_ty>::loaded_mut(&mut #source.#field)
                }
            }
        });
    }

    /// The marker, its handle, `then`, the `Relation` impl around `body`
    /// (which supplies the associated types, `info` and the links), and
    /// `SingleValued` when a JOIN can load it.
    fn relation(&self, out: &mut Output, target: &Type, body: TokenStream, single: bool) {
        let span = target.span();
        let model = self.model.ident;
        let field = self.field.ident;
        let target_ty = user_tokens(target, model);
        let marker = self.marker();
        let Locals {
            source, target: t, ..
        } = self.locals;
        self.marker_and_handle(out, target, single);
        let next = Ident::new("__RelatedNext", Span::mixed_site());
        let next_value = Ident::new("next", Span::mixed_site());
        out.items.push(quote_spanned! {span=>
            impl #marker {
                /// Follow this relation, then `next` from the model it points at.
                pub fn then<#next: ::related::Path<Source = #target_ty>>(
                    self,
                    #next_value: #next,
                ) -> ::related::Chain<Self, #next> {
                    ::related::Chain::new(self, #next_value)
                }
            }

            #[automatically_derived]
            impl ::related::Relation for #marker where for<'__r> #target_ty: ::related::Model {
                #body

                fn attach(#source: &mut #model, #t: ::std::vec::Vec<#target_ty>) {
                    ::related::RelationField::<#target_ty>::set_many(&mut #source.#field, #t)
                }

                fn attach_one(#source: &mut #model, #t: ::core::option::Option<#target_ty>) {
                    ::related::RelationField::<#target_ty>::set_one(&mut #source.#field, #t)
                }

                fn loaded_mut(#source: &mut #model) -> &mut [#target_ty] {
                    ::related::RelationField::<#target_ty>::loaded_mut(&mut #source.#field)
                }
            }
        });
        out.relations
            .push(quote_spanned!(span=><#marker as ::related::Relation>::info));
        if single {
            out.items.push(quote_spanned! {span=>
                #[automatically_derived]
                impl ::related::SingleValued for #marker {}
            });
        }
    }

    /// The marker type, its handle, and the `FieldName` static.
    fn marker_and_handle(&self, out: &mut Output, target: &Type, joinable: bool) {
        // Rustc points at a type's declaration in its notes ("the trait is
        // not implemented for `tags`"): make that the user's field.
        let span = self.field.ident.span();
        let model = self.model.ident;
        let field = self.field.ident;
        let field_str = plain(field);
        let name_str = plain(model);
        let marker = self.marker();
        let field_name = &self.field_name;
        let vis = self.handle_vis();
        let marker_vis = one_module_down(vis);
        out.markers
            .push(quote_spanned!(span=>#marker_vis struct #field));

        let kind = self.field.kind.name();
        let target_str = type_string(target);
        let doc = if joinable {
            format!(
                " The `{field_str}` relation ({kind} to `{target_str}`): pass it to \
                 `select_related` (one JOIN) or `prefetch_related`."
            )
        } else if let Kind::Prefetched { .. } = self.field.kind {
            format!(
                " The `{field_str}` field, the target of a custom prefetch of `{target_str}` rows."
            )
        } else {
            format!(
                " The `{field_str}` relation ({kind} to `{target_str}`): pass it to \
                 `prefetch_related`."
            )
        };
        out.handles.push(quote_spanned! {span=>
            #[doc = #doc]
            #vis fn #field() -> #marker {
                #marker
            }
        });
        out.items.push(quote_spanned! {span=>
            static #field_name: ::related::FieldName = ::related::FieldName {
                model: #name_str,
                field: #field_str,
                joinable: #joinable,
            };
        });
    }

    /// `decode`'s value for a field without a column: unloaded, but knowing
    /// its name for the "not loaded" error.
    fn unloaded(&self, out: &mut Output) {
        let span = self.field.ty.span();
        let field = self.field.ident;
        let field_name = &self.field_name;
        let wrapper = Ident::new(self.field.kind.name(), Span::call_site());
        out.decode
            .push(quote_spanned!(span=>#field: ::related::#wrapper::__unloaded(&#field_name),));
    }

    /// Handles are as visible as the field they stand for, and never more
    /// than the model. The marker must not be nominally more visible than
    /// the types its `Relation` impl names (E0446 is a hard error for
    /// associated types), and a handle must not outlive its marker.
    fn handle_vis(&self) -> &Visibility {
        narrower(self.model.vis, self.field.vis)
    }

    fn marker(&self) -> TokenStream {
        let module = self.module;
        let field = self.field.ident;
        quote!(#module::#field)
    }

    /// Decode this field's column, naming field and column on failure.
    fn read_column(&self, as_column: &TokenStream, column: &str, span: Span) -> TokenStream {
        let Locals {
            row, offset, error, ..
        } = self.locals;
        let index = self.column_index;
        let field_str = plain(self.field.ident);
        quote_spanned! {span=>
            #as_column::decode(#row, #offset + #index)
                .map_err(|#error| ::related::FieldError::new(#field_str, #column, #error))?
        }
    }
}

/// The user's tokens with `Self` replaced by the model's name: the tokens
/// land inside impls whose `Self` is a marker type, not the model.
fn user_tokens(tokens: impl ToTokens, model: &Ident) -> TokenStream {
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

/// The less visible of two visibilities written in the same module. Two
/// different `pub(in path)` cannot be ordered without name resolution; the
/// model's wins, which is right whenever the field's is the wider one.
fn narrower<'v>(model: &'v Visibility, field: &'v Visibility) -> &'v Visibility {
    if rank(field) < rank(model) {
        field
    } else {
        model
    }
}

/// The same visibility, written one module deeper (inside the marker
/// module): private becomes `pub(super)`, `pub(super)` becomes
/// `pub(in super::super)`.
fn one_module_down(vis: &Visibility) -> TokenStream {
    match vis {
        Visibility::Public(_) => quote!(pub),
        Visibility::Inherited => quote!(pub(super)),
        Visibility::Restricted(r) => {
            let path = &r.path;
            let first = path.segments.first().map(|s| s.ident.to_string());
            match first.as_deref() {
                Some("crate") => quote!(#vis),
                Some("self") => {
                    let rest = path.segments.iter().skip(1);
                    quote!(pub(in super #(::#rest)*))
                }
                _ => quote!(pub(in super::#path)),
            }
        }
    }
}
