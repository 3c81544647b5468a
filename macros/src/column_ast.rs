//! `#[derive(related::Column)]`, reading: a newtype (`struct UserId(i64)`)
//! or a fieldless enum, with its `#[related(...)]` keys. Every mistake is
//! collected in the `Ctxt` with the span of what the user wrote.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{Data, DeriveInput, Fields, Ident, LitStr};

use crate::case;
use crate::ctxt::Ctxt;

/// What the derive writes code for.
pub enum Shape {
    /// `struct Name(Inner);`
    Newtype(TokenStream),
    /// A fieldless enum stored as the text of each variant.
    Text(Vec<(Ident, String)>),
    /// A fieldless enum stored as its discriminant (`#[related(integer)]`).
    Integer(Vec<Ident>),
}

pub struct ColumnType {
    pub name: Ident,
    pub shape: Shape,
}

const RENAMES: &[&str] = &[
    "lowercase",
    "UPPERCASE",
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
];

fn rename(rule: &str, variant: &str) -> String {
    let snake = case::snake_case(variant);
    match rule {
        "lowercase" => variant.to_lowercase(),
        "UPPERCASE" => variant.to_uppercase(),
        "snake_case" => snake,
        "SCREAMING_SNAKE_CASE" => snake.to_uppercase(),
        "kebab-case" => snake.replace('_', "-"),
        _ => variant.to_owned(),
    }
}

/// The type-level keys: `rename_all = "..."` and `integer`.
#[derive(Default)]
struct TypeAttrs {
    rename_all: Option<LitStr>,
    integer: Option<Ident>,
}

fn type_attrs(cx: &Ctxt, input: &DeriveInput) -> TypeAttrs {
    let mut out = TypeAttrs::default();
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("related")) {
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename_all") {
                let value: LitStr = meta.value()?.parse()?;
                if !RENAMES.contains(&value.value().as_str()) {
                    cx.error_spanned_by(
                        &value,
                        format!("unknown `rename_all` rule; expected one of {}", RENAMES.join(", ")),
                    );
                } else if out.rename_all.is_some() {
                    cx.error_spanned_by(&meta.path, "`rename_all` is given twice");
                } else {
                    out.rename_all = Some(value);
                }
            } else if meta.path.is_ident("integer") {
                out.integer = meta.path.get_ident().cloned();
            } else {
                cx.error_spanned_by(
                    &meta.path,
                    "unknown key for `#[derive(Column)]`; expected `rename_all = \"...\"` or `integer` (on an enum)",
                );
            }
            Ok(())
        });
        if let Err(err) = parsed {
            cx.syn_error(err);
        }
    }
    out
}

/// A variant's `#[related(rename = "...")]`.
fn variant_rename(cx: &Ctxt, attrs: &[syn::Attribute]) -> Option<LitStr> {
    let mut out = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("related")) {
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                out = Some(meta.value()?.parse::<LitStr>()?);
            } else {
                cx.error_spanned_by(
                    &meta.path,
                    "unknown key on a variant; expected `rename = \"...\"`",
                );
            }
            Ok(())
        });
        if let Err(err) = parsed {
            cx.syn_error(err);
        }
    }
    out
}

pub fn from_syn(cx: &Ctxt, input: &DeriveInput) -> Option<ColumnType> {
    if !input.generics.params.is_empty() {
        cx.error_spanned_by(
            &input.generics,
            "`#[derive(Column)]` does not support generic types",
        );
        return None;
    }
    let attrs = type_attrs(cx, input);
    let shape = match &input.data {
        Data::Struct(s) => {
            if let Some(rule) = &attrs.rename_all {
                cx.error_spanned_by(rule, "`rename_all` is for enums");
            }
            if let Some(integer) = &attrs.integer {
                cx.error_spanned_by(integer, "`integer` is for enums");
            }
            match &s.fields {
                Fields::Unnamed(f) if f.unnamed.len() == 1 => {
                    let ty = &f.unnamed[0].ty;
                    // A primitive no backend stores: one error here, not
                    // one per impl the derive writes over it.
                    if let Some(bad) = unstored_primitive(ty) {
                        cx.error_spanned_by(
                            ty,
                            format!(
                                "`{bad}` is not a column type (SQLite and PostgreSQL have no \
                                 unsigned 64-bit or 128-bit integer, and `usize` has no fixed \
                                 width): wrap `i64` in `{}` instead, or `rust_decimal::Decimal` \
                                 for values past `i64::MAX`",
                                input.ident
                            ),
                        );
                        return None;
                    }
                    Shape::Newtype(ty.to_token_stream())
                }
                _ => {
                    let name = &input.ident;
                    cx.error_spanned_by(
                        name,
                        format!(
                            "`#[derive(Column)]` on a struct needs exactly one unnamed field: \
                             `struct UserId(i64);`; a struct of several values is stored in one \
                             column as JSON: declare the model's field `related::Json<{name}>` \
                             (`{name}` deriving serde's `Serialize` and `Deserialize`, feature \
                             `serde_json`) instead of deriving `Column`"
                        ),
                    );
                    return None;
                }
            }
        }
        Data::Enum(e) => {
            let mut ok = true;
            for v in &e.variants {
                if !matches!(v.fields, Fields::Unit) {
                    cx.error_spanned_by(
                        &v.ident,
                        format!(
                            "the variant `{}` of `{}` has fields: a `#[derive(related::Column)]` enum \
                             stores which unit variant a value is, by name; keep its data in \
                             columns of the model (or a `Json<T>` column)",
                            v.ident, input.ident
                        ),
                    );
                    ok = false;
                }
            }
            if e.variants.is_empty() {
                cx.error_spanned_by(
                    &input.ident,
                    "an enum without variants has no value to store",
                );
                ok = false;
            }
            if !ok {
                return None;
            }
            if attrs.integer.is_some() {
                if let Some(rule) = &attrs.rename_all {
                    cx.error_spanned_by(
                        rule,
                        "`rename_all` names text; an `integer` enum stores discriminants",
                    );
                }
                for v in &e.variants {
                    if let Some(r) = variant_rename(cx, &v.attrs) {
                        cx.error_spanned_by(
                            r,
                            "`rename` names text; an `integer` enum stores discriminants",
                        );
                    }
                }
                Shape::Integer(e.variants.iter().map(|v| v.ident.clone()).collect())
            } else {
                let rule = attrs
                    .rename_all
                    .as_ref()
                    .map(LitStr::value)
                    .unwrap_or_default();
                let mut seen: Vec<(String, &Ident)> = Vec::new();
                let mut variants = Vec::new();
                for v in &e.variants {
                    let text = match variant_rename(cx, &v.attrs) {
                        Some(r) => r.value(),
                        None => rename(&rule, &case::plain(&v.ident)),
                    };
                    if let Some((_, other)) = seen.iter().find(|(t, _)| *t == text) {
                        cx.error_spanned_by(
                            &v.ident,
                            format!("`{}` and `{other}` are both stored as {text:?}", v.ident),
                        );
                    }
                    seen.push((text.clone(), &v.ident));
                    variants.push((v.ident.clone(), text));
                }
                Shape::Text(variants)
            }
        }
        Data::Union(_) => {
            cx.error_spanned_by(
                &input.ident,
                "`#[derive(Column)]` is for a newtype struct or a fieldless enum",
            );
            return None;
        }
    };
    Some(ColumnType {
        name: input.ident.clone(),
        shape,
    })
}

/// The name of `ty` when it is a primitive integer no backend stores.
fn unstored_primitive(ty: &syn::Type) -> Option<String> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    let name = path.path.get_ident()?.to_string();
    matches!(name.as_str(), "u64" | "u128" | "i128" | "usize" | "isize").then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames() {
        assert_eq!(rename("snake_case", "InReview"), "in_review");
        assert_eq!(rename("SCREAMING_SNAKE_CASE", "InReview"), "IN_REVIEW");
        assert_eq!(rename("kebab-case", "InReview"), "in-review");
        assert_eq!(rename("lowercase", "InReview"), "inreview");
        assert_eq!(rename("", "InReview"), "InReview");
    }
}
