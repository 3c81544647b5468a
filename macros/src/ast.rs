//! The model as the derive understands it: each field classified by its type
//! and every SQL name resolved, explicit or default. Nothing here judges
//! whether the combination makes sense; valid.rs does.

use quote::quote;
use syn::{
    Data, DataStruct, DeriveInput, Fields, GenericArgument, Ident, PathArguments, Type, Visibility,
};

use crate::attr::{self, FieldAttrs, StructAttrs};
use crate::case::{plain, snake_case};
use crate::ctxt::Ctxt;

pub struct Model<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    pub attrs: StructAttrs,
    pub table: String,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    /// The type as written, `Option<...>` included.
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
    pub kind: Kind<'a>,
    /// `Option<_>` around a relation that has no NULL to represent
    /// (ManyToMany, Reverse, ReverseOne, Prefetched).
    pub needless_option: bool,
}

pub enum Kind<'a> {
    Scalar {
        column: String,
    },
    /// A stored key column: `ForeignKey<T>`, `OneToOne<T>`, and their
    /// `Option<_>` forms.
    Forward {
        target: &'a Type,
        column: String,
        nullable: bool,
        one_to_one: bool,
    },
    ManyToMany {
        target: &'a Type,
        through: String,
        source_column: String,
        target_column: String,
    },
    /// `Reverse<T>` (`one: false`) or `ReverseOne<T>` (`one: true`); the
    /// mirrored relation is `attrs.reverse`.
    Reverse {
        target: &'a Type,
        one: bool,
    },
    Prefetched {
        target: &'a Type,
    },
    /// `Counted<T>`: how many `T` rows a relation has, filled by
    /// `count_related`; no column.
    Counted {
        target: &'a Type,
    },
    /// `#[related(skip)]`: not stored, `Default::default()` when loaded.
    Skipped,
}

impl<'a> Kind<'a> {
    /// The type parameter of a relation, `Prefetched` or `Counted` field
    /// (`Author` in `ForeignKey<Author>`); none for a column.
    pub fn target(&self) -> Option<&'a Type> {
        match *self {
            Kind::Forward { target, .. }
            | Kind::ManyToMany { target, .. }
            | Kind::Reverse { target, .. }
            | Kind::Prefetched { target }
            | Kind::Counted { target } => Some(target),
            Kind::Scalar { .. } | Kind::Skipped => None,
        }
    }

    /// The column this field stores, if any.
    pub fn column(&self) -> Option<&str> {
        match self {
            Kind::Scalar { column } | Kind::Forward { column, .. } => Some(column),
            _ => None,
        }
    }

    /// The field type's name, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Scalar { .. } => "column",
            Kind::Forward {
                one_to_one: false, ..
            } => "ForeignKey",
            Kind::Forward {
                one_to_one: true, ..
            } => "OneToOne",
            Kind::ManyToMany { .. } => "ManyToMany",
            Kind::Reverse { one: false, .. } => "Reverse",
            Kind::Reverse { one: true, .. } => "ReverseOne",
            Kind::Prefetched { .. } => "Prefetched",
            Kind::Counted { .. } => "Counted",
            Kind::Skipped => "`skip`",
        }
    }
}

/// One term of `#[related(ordering = "...")]`, as written.
pub struct OrderTerm {
    /// A field name or a column name (empty when the term is; reported).
    pub name: String,
    pub desc: bool,
}

impl<'a> Model<'a> {
    /// The terms of `ordering`, comma-separated, `-` for descending.
    pub fn ordering_terms(&self) -> Vec<OrderTerm> {
        let Some(named) = &self.attrs.ordering else {
            return Vec::new();
        };
        named
            .value
            .value()
            .split(',')
            .map(|term| {
                let term = term.trim();
                match term.strip_prefix('-') {
                    Some(name) => OrderTerm {
                        name: name.trim().to_owned(),
                        desc: true,
                    },
                    None => OrderTerm {
                        name: term.to_owned(),
                        desc: false,
                    },
                }
            })
            .collect()
    }

    /// The stored column an ordering term names: the column of the field
    /// of that name (`author` is `author_id`), or a column of that name.
    pub fn order_column(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| plain(f.ident) == name)
            .and_then(|f| f.kind.column())
            .or_else(|| {
                self.fields
                    .iter()
                    .filter_map(|f| f.kind.column())
                    .find(|c| *c == name)
            })
    }

    /// `None` when the input is not a struct with named fields (reported).
    pub fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Model<'a>> {
        let attrs = attr::struct_attrs(cx, &input.attrs);
        let generics = &input.generics;
        let borrows = generics
            .params
            .iter()
            .all(|p| matches!(p, syn::GenericParam::Lifetime(_)));
        if !generics.params.is_empty() && borrows {
            cx.error_spanned_by(
                generics,
                format!(
                    "the model `{}` cannot borrow: its rows are loaded from the database and \
                     own their values (`String` for `&str`, `Vec<u8>` for `&[u8]`)",
                    input.ident
                ),
            );
        } else if !generics.params.is_empty() || generics.where_clause.is_some() {
            cx.error_spanned_by(
                generics,
                format!(
                    "the model `{}` cannot be generic: it maps to one table with fixed column types",
                    input.ident
                ),
            );
        }
        let named = match &input.data {
            Data::Struct(DataStruct {
                fields: Fields::Named(named),
                ..
            }) => named,
            Data::Struct(data) => {
                cx.error_spanned_by(
                    {
                        let (keyword, ident) = (&data.struct_token, &input.ident);
                        quote!(#keyword #ident)
                    },
                    format!(
                        "the model `{}` needs named fields: `struct {} {{ id: i64, ... }}`; \
                         each field is a column or a relation",
                        input.ident, input.ident
                    ),
                );
                return None;
            }
            Data::Enum(data) => {
                cx.error_spanned_by(
                    {
                        let (keyword, ident) = (&data.enum_token, &input.ident);
                        quote!(#keyword #ident)
                    },
                    format!(
                        "the model `{}` must be a struct with named fields, not an enum",
                        input.ident
                    ),
                );
                return None;
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    {
                        let (keyword, ident) = (&data.union_token, &input.ident);
                        quote!(#keyword #ident)
                    },
                    format!(
                        "the model `{}` must be a struct with named fields, not a union",
                        input.ident
                    ),
                );
                return None;
            }
        };

        let table = match &attrs.table {
            Some(named) => named.value.value(),
            None => snake_case(&plain(&input.ident)),
        };
        let fields = named
            .named
            .iter()
            .filter_map(|f| Field::from_syn(cx, f, &input.ident, &table))
            .collect();
        Some(Model {
            ident: &input.ident,
            vis: &input.vis,
            attrs,
            table,
            fields,
        })
    }

    /// The field marked `primary_key`, else the field named `id`.
    pub fn primary_key(&self) -> Option<&Field<'a>> {
        self.fields
            .iter()
            .find(|f| f.attrs.primary_key.is_some())
            .or_else(|| {
                self.fields
                    .iter()
                    .find(|f| plain(f.ident) == "id" && !matches!(f.kind, Kind::Skipped))
            })
    }
}

impl<'a> Field<'a> {
    /// `None` for a relation type written without its target (reported).
    fn from_syn(cx: &Ctxt, field: &'a syn::Field, model: &Ident, table: &str) -> Option<Self> {
        let ident = field.ident.as_ref()?;
        let attrs = attr::field_attrs(cx, &field.attrs);
        let ty = &field.ty;
        if attrs.skip.is_some() {
            // Whatever its type: it is not stored, not a relation.
            return Some(Field {
                ident,
                vis: &field.vis,
                ty,
                attrs,
                kind: Kind::Skipped,
                needless_option: false,
            });
        }
        let (optional, inner) = match option_inner(ty) {
            Some(inner) if relation_type(inner).is_some() => (true, inner),
            _ => (false, ty),
        };
        let Some((relation, segment)) = relation_type(inner) else {
            let column = explicit(&attrs.column).unwrap_or_else(|| plain(ident));
            return Some(Field {
                ident,
                vis: &field.vis,
                ty,
                attrs,
                kind: Kind::Scalar { column },
                needless_option: false,
            });
        };
        let Some(target) = single_type_argument(&segment.arguments) else {
            cx.error_spanned_by(inner, arity_message(relation, segment, &attrs));
            return None;
        };
        let kind = match relation {
            Relation::ForeignKey | Relation::OneToOne => Kind::Forward {
                target,
                column: explicit(&attrs.column).unwrap_or_else(|| format!("{}_id", plain(ident))),
                nullable: optional,
                one_to_one: matches!(relation, Relation::OneToOne),
            },
            Relation::ManyToMany => {
                let this = snake_case(&plain(model));
                let (source, target_key) = match last_ident(target) {
                    // A self-referencing link table needs two distinct columns.
                    Some(t) if plain(t) == "Self" || plain(t) == plain(model) => {
                        (format!("from_{this}_id"), format!("to_{this}_id"))
                    }
                    Some(t) => (
                        format!("{this}_id"),
                        format!("{}_id", snake_case(&plain(t))),
                    ),
                    None => (format!("{this}_id"), "target_id".to_owned()),
                };
                Kind::ManyToMany {
                    target,
                    through: explicit(&attrs.through)
                        .unwrap_or_else(|| format!("{table}_{}", plain(ident))),
                    source_column: explicit(&attrs.source_column).unwrap_or(source),
                    target_column: explicit(&attrs.target_column).unwrap_or(target_key),
                }
            }
            Relation::Reverse => Kind::Reverse { target, one: false },
            Relation::ReverseOne => Kind::Reverse { target, one: true },
            Relation::Prefetched => Kind::Prefetched { target },
            Relation::Counted => Kind::Counted { target },
        };
        let needless_option = optional && !matches!(kind, Kind::Forward { .. });
        Some(Field {
            ident,
            vis: &field.vis,
            ty,
            attrs,
            kind,
            needless_option,
        })
    }
}

#[derive(Clone, Copy)]
enum Relation {
    ForeignKey,
    OneToOne,
    ManyToMany,
    Reverse,
    ReverseOne,
    Prefetched,
    Counted,
}

/// The error for a relation type written without its one type argument, or
/// with more: what to write instead, with the user's model where it is
/// known (the first argument, or the model a `reverse` attribute names).
fn arity_message(
    relation: Relation,
    segment: &syn::PathSegment,
    attrs: &attr::FieldAttrs,
) -> String {
    let name = &segment.ident;
    let args: Vec<&GenericArgument> = match &segment.arguments {
        PathArguments::AngleBracketed(args) => args.args.iter().collect(),
        _ => Vec::new(),
    };
    let first = match args.first() {
        Some(GenericArgument::Type(ty)) => last_ident(ty).map(plain),
        _ => None,
    };
    let from_reverse = attrs.reverse.as_ref().and_then(|r| {
        let n = r.path.segments.len();
        (n >= 2).then(|| r.path.segments[n - 2].ident.to_string())
    });
    let target = first
        .or(from_reverse)
        .unwrap_or_else(|| "Target".to_owned());
    let what = match relation {
        Relation::Counted => "the model whose rows it counts",
        _ => "the model it points at",
    };
    let head = format!("`{name}` takes one type argument, {what}: `{name}<{target}>`");
    if args.len() < 2 {
        return head;
    }
    match relation {
        Relation::ForeignKey | Relation::OneToOne => format!(
            "{head}; the key column's type comes from `{target}`'s primary key, its name from `#[related(column = \"...\")]`"
        ),
        Relation::ManyToMany => format!(
            "{head}; a link table (or a through model's table) is named with `#[related(through = \"...\", source_column = \"...\", target_column = \"...\")]`"
        ),
        Relation::Reverse | Relation::ReverseOne => format!(
            "{head}; the relation it mirrors is named with `#[related(reverse = {target}::field)]`"
        ),
        Relation::Prefetched | Relation::Counted => head,
    }
}

fn explicit(named: &Option<attr::Named>) -> Option<String> {
    named.as_ref().map(|n| n.value.value())
}

/// Types from `macro_rules!` expansions arrive wrapped in invisible groups.
fn ungroup(mut ty: &Type) -> &Type {
    loop {
        match ty {
            Type::Group(g) => ty = &g.elem,
            Type::Paren(p) => ty = &p.elem,
            _ => return ty,
        }
    }
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ungroup(ty) {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        _ => None,
    }
}

/// Classified by the last path segment, so `related::ForeignKey<T>` and a
/// re-export under the same name both count.
fn relation_type(ty: &Type) -> Option<(Relation, &syn::PathSegment)> {
    let segment = last_segment(ty)?;
    let relation = match segment.ident.to_string().as_str() {
        "ForeignKey" => Relation::ForeignKey,
        "OneToOne" => Relation::OneToOne,
        "ManyToMany" => Relation::ManyToMany,
        "Reverse" => Relation::Reverse,
        "ReverseOne" => Relation::ReverseOne,
        "Prefetched" => Relation::Prefetched,
        "Counted" => Relation::Counted,
        _ => return None,
    };
    Some((relation, segment))
}

pub fn option_inner(ty: &Type) -> Option<&Type> {
    let segment = last_segment(ty)?;
    if segment.ident != "Option" {
        return None;
    }
    single_type_argument(&segment.arguments)
}

/// The `T` of `Vec<T>`.
pub fn vec_inner(ty: &Type) -> Option<&Type> {
    let segment = last_segment(ty)?;
    if segment.ident != "Vec" {
        return None;
    }
    single_type_argument(&segment.arguments)
}

fn single_type_argument(arguments: &PathArguments) -> Option<&Type> {
    let PathArguments::AngleBracketed(args) = arguments else {
        return None;
    };
    match (args.args.len(), args.args.first()) {
        (1, Some(GenericArgument::Type(ty))) => Some(ty),
        _ => None,
    }
}

/// `Author` in `crate::blog::Author`.
pub fn last_ident(ty: &Type) -> Option<&Ident> {
    last_segment(ty).map(|s| &s.ident)
}
