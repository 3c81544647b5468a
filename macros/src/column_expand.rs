//! `#[derive(related::Column)]`, writing: `StoredAs` (how the type maps to
//! its stored representation) and `Column`; `Key` and `Ordered` where the
//! representation has them. Those impls carry their conditions as
//! higher-ranked bounds, so a newtype over `f64` compiles and becomes an
//! error only where it is used as a key.

use proc_macro2::TokenStream;
use quote::quote;

use crate::column_ast::{ColumnType, Shape};
use crate::tokens::unreachable;

pub fn expand(c: &ColumnType) -> TokenStream {
    let name = &c.name;
    let (repr, from_repr, to_repr, ordered) = match &c.shape {
        Shape::Newtype(inner) => (
            quote!(#inner),
            quote!(::core::result::Result::Ok(#name(repr))),
            quote!(::core::clone::Clone::clone(&self.0)),
            true,
        ),
        Shape::Text(variants) => {
            let idents: Vec<_> = variants.iter().map(|(i, _)| i).collect();
            let texts: Vec<_> = variants.iter().map(|(_, t)| t).collect();
            let expected = format!(
                "one of the texts of `{name}`: {}",
                texts
                    .iter()
                    .map(|t| format!("{t:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            (
                quote!(::std::string::String),
                quote! {
                    match repr.as_str() {
                        #(#texts => ::core::result::Result::Ok(#name::#idents),)*
                        _ => ::core::result::Result::Err(::related::CellError::WrongType {
                            expected: #expected,
                            found: ::std::format!("{:?}", repr),
                        }),
                    }
                },
                quote! {
                    ::std::string::String::from(match self {
                        #(#name::#idents => #texts,)*
                    })
                },
                // Text order is not declaration order.
                false,
            )
        }
        Shape::Integer(idents) => {
            let expected = format!("a discriminant of `{name}`");
            (
                quote!(i64),
                quote! {
                    #(
                        if repr == #name::#idents as i64 {
                            return ::core::result::Result::Ok(#name::#idents);
                        }
                    )*
                    ::core::result::Result::Err(::related::CellError::OutOfRange {
                        value: ::std::string::ToString::to_string(&repr),
                        expected: #expected,
                    })
                },
                quote! {
                    match self {
                        #(#name::#idents => #name::#idents as i64,)*
                    }
                },
                true,
            )
        }
    };
    let ordered = ordered.then(|| {
        quote! {
            impl ::related::Ordered for #name where for<'__r> #repr: ::related::Ordered {}
            impl ::related::OrderedStored for #name where for<'__r> #repr: ::related::Ordered {}
        }
    });
    quote! {
        const _: () = {
            impl ::related::StoredAs for #name {
                type Repr = #repr;
                fn from_repr(repr: #repr) -> ::core::result::Result<Self, ::related::CellError> {
                    #from_repr
                }
                fn to_repr(&self) -> #repr {
                    #to_repr
                }
                fn decode_option(
                    row: &dyn ::related::RawRow,
                    idx: usize,
                ) -> ::core::result::Result<::core::option::Option<Self>, ::related::CellError> {
                    match <::core::option::Option<#repr> as ::related::Column>::decode(row, idx)? {
                        ::core::option::Option::Some(repr) => {
                            <Self as ::related::StoredAs>::from_repr(repr).map(::core::option::Option::Some)
                        }
                        ::core::option::Option::None => ::core::result::Result::Ok(::core::option::Option::None),
                    }
                }
            }

            impl ::related::Column for #name {
                type NotNull = #name;
                const SQL_TYPE: ::related::SqlType = <#repr as ::related::Column>::SQL_TYPE;
                fn decode(
                    row: &dyn ::related::RawRow,
                    idx: usize,
                ) -> ::core::result::Result<Self, ::related::CellError> {
                    <Self as ::related::StoredAs>::from_repr(
                        <#repr as ::related::Column>::decode(row, idx)?,
                    )
                }
                fn to_value(&self) -> ::related::Value {
                    ::related::Column::to_value(&<Self as ::related::StoredAs>::to_repr(self))
                }
            }

            #[diagnostic::do_not_recommend]
            impl ::related::Key for #name
            where
                for<'__r> #repr: ::related::Key,
                for<'__r> #name: ::core::hash::Hash
                    + ::core::cmp::Ord
                    + ::core::fmt::Debug,
            {
                // A newtype over text compares as its column's collation
                // does, exactly as the type it wraps.
                const EXACT_EQUALITY: bool = <#repr as ::related::Key>::EXACT_EQUALITY;
            }

            #ordered
        };
    }
}

/// After an error of the derive: a `Column` impl that is never run (the
/// crate does not compile), so that the model fields of this type add no
/// second error.
pub fn fallback(name: &syn::Ident) -> TokenStream {
    let body = unreachable();
    quote! {
        const _: () = {
            impl ::related::Column for #name {
                type NotNull = #name;
                const SQL_TYPE: ::related::SqlType = ::related::SqlType::Text;
                fn decode(
                    _row: &dyn ::related::RawRow,
                    _idx: usize,
                ) -> ::core::result::Result<Self, ::related::CellError> {
                    #body
                }
                fn to_value(&self) -> ::related::Value {
                    #body
                }
            }
        };
    }
}
