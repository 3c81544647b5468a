//! The rules the derive can check from this struct alone. Facts about other
//! models (the target is a model, a mirrored relation points back here) are
//! left to trait bounds in the expansion, where rustc has the other structs.

use std::borrow::Cow;

use quote::ToTokens;

use crate::ast::{Field, Kind, Model, option_inner, vec_inner};
use crate::attr::Named;
use crate::case::{camel_case, plain, snake_case, type_string};
use crate::ctxt::Ctxt;

/// Handles are inherent associated functions, which shadow trait items of the
/// same name: a field named `query` would turn `Post::query()` into a column.
pub const RESERVED: &[&str] = &["query"];

pub fn check(cx: &Ctxt, model: &Model) {
    empty_names(cx, model);
    primary_key(cx, model);
    columns(cx, model);
    ordering(cx, model);
    for field in &model.fields {
        attributes_fit(cx, model, field);
        needless_option(cx, field);
        key_named_field(cx, model, field);
        reserved(cx, model, field);
        link_columns(cx, field);
        list_column(cx, field);
        non_model_relation(cx, field);
    }
}

fn empty_names(cx: &Ctxt, model: &Model) {
    let field_names = model.fields.iter().flat_map(|f| {
        [
            &f.attrs.column,
            &f.attrs.through,
            &f.attrs.source_column,
            &f.attrs.target_column,
        ]
    });
    for named in [&model.attrs.table, &model.attrs.ordering]
        .into_iter()
        .chain(field_names)
        .flatten()
    {
        if named.value.value().trim().is_empty() {
            cx.error_spanned_by(
                &named.value,
                format!(
                    "`{}` cannot be empty: give a value, or remove the attribute for the default",
                    named.key
                ),
            );
        }
    }
}

fn primary_key(cx: &Ctxt, model: &Model) {
    let mut marked = model
        .fields
        .iter()
        .filter(|f| f.attrs.primary_key.is_some());
    if let Some(first) = marked.next() {
        for again in marked {
            if let Some(key) = &again.attrs.primary_key {
                cx.error_spanned_by(
                    key,
                    format!(
                        "`{}` is already the primary key: a model has exactly one \
                         (composite keys are not supported)",
                        first.ident
                    ),
                );
            }
        }
    }

    let Some(pk) = model.primary_key() else {
        // A misspelt or malformed `primary_key` is already reported.
        if !model.attrs.key_on_struct && !model.fields.iter().any(|f| f.attrs.had_error) {
            cx.error_spanned_by(
                model.ident,
                format!(
                    "`{}` has no primary key: mark one field `#[related(primary_key)]`, \
                     or name it `id`",
                    model.ident
                ),
            );
        }
        return;
    };
    if let Kind::Scalar { .. } = pk.kind {
        if let Some(inner) = option_inner(pk.ty) {
            cx.error_spanned_by(
                pk.ty,
                format!(
                    "the primary key `{}` cannot be `Option<_>`: a primary key is never NULL; \
                     write `{}: {}`, and give each row its key when inserting",
                    plain(pk.ident),
                    plain(pk.ident),
                    type_string(inner)
                ),
            );
        }
        return;
    }
    let kind = pk.kind.name();
    match &pk.attrs.primary_key {
        Some(key) => cx.error_spanned_by(
            key,
            format!(
                "`primary_key` cannot mark a {kind} field: the primary key is a plain column \
                 (an integer, String, Vec<u8>, a date, a UUID, ...)"
            ),
        ),
        None => cx.error_spanned_by(
            pk.ident,
            format!(
                "a field named `id` is the primary key unless another field is marked, \
                 but this one is a {kind}: mark the primary key with `#[related(primary_key)]`"
            ),
        ),
    }
}

fn columns(cx: &Ctxt, model: &Model) {
    // SQL folds unquoted names and SQLite compares even quoted ones without
    // regard to ASCII case, so `Title` and `title` are one column.
    let mut seen: Vec<(String, &Field)> = Vec::new();
    for field in &model.fields {
        let Some(column) = field.kind.column() else {
            continue;
        };
        let folded = column.to_ascii_lowercase();
        let Some((_, first)) = seen.iter().find(|(c, _)| *c == folded) else {
            seen.push((folded, field));
            continue;
        };
        // SeaORM's and Diesel's habit: `author_id: i64` beside `author:
        // ForeignKey<Author>`. Renaming a column would make two; the plain
        // field is the one to go.
        let pair = match (&first.kind, &field.kind) {
            (Kind::Forward { .. }, Kind::Scalar { .. }) => Some((*first, field)),
            (Kind::Scalar { .. }, Kind::Forward { .. }) => Some((field, *first)),
            _ => None,
        };
        if let Some((fk, plain)) = pair
            && fk.attrs.column.is_none()
            && plain.attrs.column.is_none()
        {
            cx.error_spanned_by(
                plain.ident,
                format!(
                    "`{}` stores its key in the column `{column}`, the column of the field \
                     `{}` too: remove the field `{}`; the key is `row.{}.key()`, and the \
                     column's filter handle `{}::{column}()` is there without it",
                    fk.ident, plain.ident, plain.ident, fk.ident, model.ident
                ),
            );
            continue;
        }
        let mut message = format!(
            "column `{column}` is already used by field `{}`",
            first.ident
        );
        if let Kind::Forward { .. } = first.kind
            && first.attrs.column.is_none()
        {
            let kind = first.kind.name();
            message.push_str(&format!(" (a {kind} stores its key in `<field>_id`)"));
        }
        message.push_str("; give one of them another name with `#[related(column = \"...\")]`");
        match &field.attrs.column {
            Some(named) => cx.error_spanned_by(&named.value, message),
            None => cx.error_spanned_by(field.ident, message),
        }
    }
}

/// Every term of `ordering` names a stored column, once.
fn ordering(cx: &Ctxt, model: &Model) {
    let Some(named) = &model.attrs.ordering else {
        return;
    };
    if named.value.value().trim().is_empty() {
        // Reported by empty_names.
        return;
    }
    let columns: Vec<&str> = model
        .fields
        .iter()
        .filter_map(|f| f.kind.column())
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    for term in model.ordering_terms() {
        if term.name.is_empty() {
            cx.error_spanned_by(
                &named.value,
                "`ordering` has an empty term: write column or field names separated by \
                 commas, `-` before one for descending order: `ordering = \"-created_at, id\"`",
            );
            continue;
        }
        let name = term.name.as_str();
        match model.order_column(name) {
            Some(column) if seen.contains(&column) => cx.error_spanned_by(
                &named.value,
                format!("`ordering` names column `{column}` twice"),
            ),
            Some(column) => seen.push(column),
            None => {
                let what = match model.fields.iter().find(|f| plain(f.ident) == name) {
                    Some(field) => format!(
                        "`{name}` is a {} field, which stores no column",
                        field.kind.name()
                    ),
                    None => match sql_direction(name) {
                        Some((column, desc)) => {
                            cx.error_spanned_by(
                                &named.value,
                                format!(
                                    "`{name}` is SQL: `ordering` marks a descending column with \
                                     `-`, Django's way: write `{}{column}`",
                                    if desc { "-" } else { "" }
                                ),
                            );
                            continue;
                        }
                        None => format!("`{}` has no field or column `{name}`", model.ident),
                    },
                };
                // Django's `author__name`: an order through a relation,
                // which only a query's `order_by` gives here.
                let across = if name.contains("__") {
                    "; an order through a relation goes in the query: \
                     `.order_by(Post::author().col(Author::name()).asc())`"
                } else {
                    ""
                };
                cx.error_spanned_by(
                    &named.value,
                    format!(
                        "{what}: `ordering` takes the model's columns ({}){across}",
                        columns.join(", ")
                    ),
                );
            }
        }
    }
}

fn attributes_fit(cx: &Ctxt, model: &Model, field: &Field) {
    let attrs = &field.attrs;
    let kind = field.kind.name();
    let ident = field.ident;
    if let Kind::Skipped = field.kind {
        // Every other key says how the field is stored; one error for the
        // first (the primary key's own check reports `primary_key`).
        let other = [
            &attrs.column,
            &attrs.through,
            &attrs.source_column,
            &attrs.target_column,
        ]
        .into_iter()
        .flatten()
        .map(|n| &n.key)
        .chain(attrs.reverse.as_ref().map(|r| &r.key))
        .next();
        if let Some(key) = other {
            cx.error_spanned_by(
                key,
                format!(
                    "`{key}` does not apply to a `skip` field: `skip` means `{ident}` is not \
                     stored, so it has no column and is no relation"
                ),
            );
        }
        return;
    }

    // `#[related(reverse = ..)] books: Vec<Book>` (or `through` on one):
    // the relation was meant, and its type is the one mistake, reported
    // by `list_column` with the relation type to write.
    if list_item(field).is_some() {
        return;
    }

    if !matches!(field.kind, Kind::ManyToMany { .. }) {
        for named in [&attrs.through, &attrs.source_column, &attrs.target_column]
            .into_iter()
            .flatten()
        {
            // A foreign key's own column is `column`; what it points at is
            // always the target's primary key (Django's `to_field` has no
            // equivalent), which `target_column` is often taken for.
            let hint = match field.kind {
                Kind::Forward { .. } if named.key != "through" => {
                    "; its own column is `column = \"...\"`, and it points at the target's primary key"
                }
                _ => "",
            };
            cx.error_spanned_by(
                &named.key,
                format!(
                    "`{}` only applies to ManyToMany fields; `{ident}` is a {kind}{hint}",
                    named.key
                ),
            );
        }
    }

    match (&field.kind, &attrs.reverse) {
        (Kind::Reverse { .. }, Some(_)) => {}
        (Kind::Reverse { target, one }, None) => {
            if !attrs.had_error {
                let target = type_string(target);
                let mirrored = if *one {
                    "the OneToOne field"
                } else {
                    "the ForeignKey or ManyToMany field"
                };
                cx.error_spanned_by(
                    field.ty,
                    format!(
                        "`{}` needs the relation it mirrors: add \
                         `#[related(reverse = {target}::<field>)]`, naming {mirrored} of \
                         `{target}` that points at this model",
                        type_string(field.ty)
                    ),
                );
            }
        }
        (Kind::Forward { target, .. } | Kind::ManyToMany { target, .. }, Some(reverse)) => {
            let target = type_string(target);
            let one = matches!(
                field.kind,
                Kind::Forward {
                    one_to_one: true,
                    ..
                }
            );
            let (wrapper, plural) = if one {
                ("ReverseOne", "")
            } else {
                ("Reverse", "s")
            };
            let field = snake_case(&plain(model.ident)) + plural;
            // `reverse = Post::tags` on a field whose target is `Post`: either
            // the field was meant as that relation's reverse side (its type
            // is wrong), or `reverse` was written on both sides.
            let mirrored =
                reverse.path.segments.len() == 2 && reverse.path.segments[0].ident == target;
            let message = if mirrored {
                let path = reverse.path.to_token_stream().to_string().replace(' ', "");
                format!(
                    "`reverse` marks the reverse side of a relation, and `{ident}` is a forward \
                     {kind}: if it mirrors `{path}`, declare it `{ident}: {wrapper}<{target}>`; \
                     if `{path}` mirrors it, remove `reverse` here (it belongs on `{path}` only)"
                )
            } else {
                format!(
                    "`reverse` only applies to Reverse and ReverseOne fields; `{ident}` is the \
                     forward side ({kind}): to reach `{model}` rows from `{target}`, give \
                     `{target}` a field `#[related(reverse = {model}::{ident})] {field}: {wrapper}<{model}>`",
                    model = model.ident,
                )
            };
            cx.error_spanned_by(&reverse.key, message);
        }
        (Kind::Counted { .. }, Some(reverse)) => cx.error_spanned_by(
            &reverse.key,
            format!(
                "`reverse` only applies to Reverse and ReverseOne fields; `{ident}` is a {kind}: \
                 remove it, the relation it counts is named by the query: \
                 `.count_related(Post::comments(), Post::{ident}())`"
            ),
        ),
        (_, Some(reverse)) => cx.error_spanned_by(
            &reverse.key,
            format!(
                "`reverse` only applies to Reverse and ReverseOne fields; `{ident}` is a {kind}"
            ),
        ),
        (_, None) => {}
    }

    if let Some(column) = &attrs.column {
        let why: Cow<str> = match field.kind {
            // A `skip` field's keys are reported above.
            Kind::Scalar { .. } | Kind::Forward { .. } | Kind::Skipped => return,
            Kind::ManyToMany { .. } => "it has no column in this table; name the link table and \
                                        its columns with `through`, `source_column` and \
                                        `target_column`"
                .into(),
            Kind::Reverse { .. } => match &attrs.reverse {
                Some(reverse) => format!(
                    "it has no column in this table; the key column belongs to the relation it \
                     mirrors, `{}`: name it there (`column` on a foreign key, `source_column` / \
                     `target_column` on a many-to-many)",
                    reverse.path.to_token_stream().to_string().replace(' ', "")
                )
                .into(),
                None => "it has no column in this table; the key column belongs to the relation \
                         it mirrors, on the other model"
                    .into(),
            },
            Kind::Prefetched { .. } => "it is filled by a prefetch and has no column".into(),
            Kind::Counted { .. } => "it is filled by `count_related` and has no column".into(),
        };
        cx.error_spanned_by(
            &column.key,
            format!("`column` does not apply to a {kind} field: {why}"),
        );
    }
}

fn needless_option(cx: &Ctxt, field: &Field) {
    if !field.needless_option {
        return;
    }
    let Some(inner) = option_inner(field.ty) else {
        return;
    };
    let kind = field.kind.name();
    let why = match field.kind {
        Kind::Reverse { one: true, .. } => {
            "when no row points here it loads as `None` (`get()` returns `Ok(None)`)"
        }
        Kind::Counted { .. } => "a row without related rows counts 0",
        _ => "when no row is related it loads as empty",
    };
    cx.error_spanned_by(
        field.ty,
        format!(
            "a {kind} field cannot be `Option<_>`: {why}; write `{}`",
            type_string(inner)
        ),
    );
}

/// A foreign key field named like its column (`author_id`, Django's
/// attname): its column would be `author_id_id`, which no Django table has.
/// Stated once, at the field, before a query finds the missing column.
fn key_named_field(cx: &Ctxt, model: &Model, field: &Field) {
    let Kind::Forward { .. } = field.kind else {
        return;
    };
    let name = plain(field.ident);
    let Some(relation) = name.strip_suffix("_id").filter(|r| !r.is_empty()) else {
        return;
    };
    if field.attrs.column.is_some() {
        return;
    }
    let kind = field.kind.name();
    cx.error_spanned_by(
        field.ident,
        format!(
            "the {kind} field `{name}` would store its key in the column `{name}_id`: \
             name the field after the relation, `{relation}` (its key column is `{name}`, \
             read as `{model}::{name}()`), or give the column: `#[related(column = \"{name}\")]`",
            model = model.ident,
        ),
    );
}

fn reserved(cx: &Ctxt, model: &Model, field: &Field) {
    let name = plain(field.ident);
    if !RESERVED.contains(&name.as_str()) {
        return;
    }
    let keep = match field.kind {
        Kind::Scalar { .. } => {
            format!(" and keep the column with `#[related(column = \"{name}\")]`")
        }
        _ => String::new(),
    };
    cx.error_spanned_by(
        field.ident,
        format!(
            "a field named `{name}` would hide `{}::{name}()`, which starts every query: \
             rename the field{keep}",
            model.ident
        ),
    );
}

fn link_columns(cx: &Ctxt, field: &Field) {
    let Kind::ManyToMany {
        source_column,
        target_column,
        ..
    } = &field.kind
    else {
        return;
    };
    if !source_column.eq_ignore_ascii_case(target_column) {
        return;
    }
    let message = format!(
        "`source_column` and `target_column` are both `{source_column}`: the link table \
         needs one column for each side"
    );
    let attrs = &field.attrs;
    match attrs
        .target_column
        .as_ref()
        .or(attrs.source_column.as_ref())
    {
        Some(Named { value, .. }) => cx.error_spanned_by(value, message),
        None => cx.error_spanned_by(field.ty, message),
    }
}

/// `tags: Vec<Tag>` (or `Option<Vec<Tag>>`) reads like a to-many relation,
/// but a plain field is a column and no list is a column type. Said here
/// once, at the type, instead of by every use of `Column` in the expansion.
fn list_column(cx: &Ctxt, field: &Field) {
    // A key of its attribute was wrong (`ignore` for `skip`, say): that
    // error already stands for this field.
    if field.attrs.had_error {
        return;
    }
    let Some(item) = list_item(field) else {
        return;
    };
    let name = field.ident;
    let ty = field.ty.to_token_stream().to_string().replace(' ', "");
    let shown = item.to_token_stream().to_string().replace(' ', "");
    let message = if never_a_model(item) {
        // `nicks: Vec<String>`: a list of values, never of related rows.
        format!(
            "`{name}: {ty}` is not a column: a list of values stored in one column is \
             `related::Json<Vec<{shown}>>` (cargo feature `serde_json`); a field that is \
             not stored is `#[related(skip)]`; a list of related rows is \
             `ManyToMany<T>` or `Reverse<T>` of a model `T`"
        )
    } else {
        format!(
            "`{name}: {ty}` is not a column: a list of related rows is `ManyToMany<{shown}>` \
             (through a link table) or `Reverse<{shown}>` (`{shown}` has a ForeignKey to this \
             model); a list stored in one column is `related::Json<Vec<{shown}>>`; a field \
             that is not stored is `#[related(skip)]`"
        )
    };
    cx.error_spanned_by(field.ty, message);
}

/// The item of a plain field typed as a list (`Vec<Tag>`, `Vec<String>`,
/// `Option<Vec<Tag>>`; not `Vec<u8>`, a BLOB): no column type.
fn list_item<'a>(field: &Field<'a>) -> Option<&'a syn::Type> {
    let Kind::Scalar { .. } = field.kind else {
        return None;
    };
    let ty = option_inner(field.ty).unwrap_or(field.ty);
    let item = vec_inner(ty)?;
    (item.to_token_stream().to_string() != "u8").then_some(item)
}

/// A relation to a type that cannot be a model (`ForeignKey<i64>`,
/// `ForeignKey<Vec<Tag>>`, `ManyToMany<String>`), said once at the target
/// with what to write instead. The relation field types accept these
/// targets (`related::Target`), so neither `#[derive(Clone, Debug)]` nor
/// the fallback, which leaves these fields out, repeats it.
fn non_model_relation(cx: &Ctxt, field: &Field) {
    if !non_model_target(field) || !accepted_by_target(field) {
        return;
    }
    let Some(target) = field.kind.target() else {
        return;
    };
    let relation = field.kind.name();
    let written = type_string(target);
    // The model the field is likely named after, for the example.
    let name = plain(field.ident);
    let model = match field.kind {
        Kind::ManyToMany { .. } | Kind::Reverse { .. } => camel_case(&singular(&name)),
        Kind::Forward { .. } => camel_case(&name),
        _ => "T".to_owned(),
    };
    let forward = matches!(field.kind, Kind::Forward { .. });
    let message = if let Some(inner) = boxed_inner(target) {
        let inner = type_string(inner);
        format!(
            "`{relation}<{written}>`: a relation names the model itself, `{relation}<{inner}>`; \
             it holds the loaded rows behind an `Arc` already, so it needs no `Box` or \
             reference (and a model may point at its own type: `Option<{relation}<Self>>`)"
        )
    } else if let Some(inner) = shared_inner(target) {
        let inner = type_string(inner);
        let read = match field.kind {
            Kind::Forward { .. } | Kind::Reverse { one: true, .. } => {
                "`.shared()` hands out the `Arc`"
            }
            _ => "`.get()?` is a slice of them",
        };
        format!(
            "`{relation}<{written}>`: a relation names the model itself, `{relation}<{inner}>`; \
             the rows a load brings are shared as `Arc<{inner}>` already, one per key ({read})"
        )
    } else if let Some(item) = vec_inner(option_inner(target).unwrap_or(target)) {
        let item = type_string(item);
        format!(
            "`{relation}<{written}>`: a relation points at a model, not a list: a list of \
             related rows is `ManyToMany<{item}>` (through a link table) or `Reverse<{item}>` \
             (`{item}` has a ForeignKey to this model)"
        )
    } else if let (true, Some(inner)) = (forward, option_inner(target)) {
        let inner = type_string(inner);
        format!(
            "`{relation}<{written}>`: a nullable key is `Option<{relation}<{inner}>>`, \
             the relation inside the `Option`"
        )
    } else if forward {
        format!(
            "`{relation}<{written}>` names a key type, not a model: write the model it points \
             at, `{relation}<{model}>` (its key is stored in the column `{}`)",
            field.kind.column().unwrap_or_default()
        )
    } else {
        format!(
            "`{relation}<{written}>`: `{written}` is not a model; a relation names the model \
             its rows are (`{relation}<{model}>`, a struct with `#[derive(related::Model)]`); \
             values stored in one column are `related::Json<Vec<{written}>>`"
        )
    };
    cx.error_spanned_by(target, message);
}

/// Whether the runtime's `Target` accepts this field's (non-model) target,
/// so that the field type stays well-formed and the derive's error is the
/// only one. The others (`str`, slices, longer tuples, a reference that is
/// not `'static`: types that cannot be a field's parameter or that the
/// field's lifetime rules out) are reported by rustc, at the field.
fn accepted_by_target(field: &Field) -> bool {
    let Some(target) = field.kind.target() else {
        return false;
    };
    match target {
        syn::Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident != "str"),
        syn::Type::Tuple(tuple) => matches!(tuple.elems.len(), 2 | 3),
        syn::Type::Array(_) => true,
        syn::Type::Reference(reference) => reference
            .lifetime
            .as_ref()
            .is_some_and(|lifetime| lifetime.ident == "static"),
        _ => false,
    }
}

/// `comments` -> `comment`, `categories` -> `category`: good enough for an
/// example in an error, which is all it is used for.
fn singular(name: &str) -> String {
    if let Some(stem) = name.strip_suffix("ies") {
        format!("{stem}y")
    } else if name.ends_with('s') && !name.ends_with("ss") {
        name[..name.len() - 1].to_owned()
    } else {
        name.to_owned()
    }
}

/// Relation fields whose target cannot be a model (`ForeignKey<i64>`,
/// `ForeignKey<Vec<Tag>>`): [`non_model_relation`] reports them, and the
/// derive emits only its fallback, without these fields' impls.
pub fn non_model_target(field: &Field) -> bool {
    field.kind.target().is_some_and(never_a_model)
}

/// Types that cannot be models: std's and this crate's, references, slices,
/// arrays, tuples and pointers.
fn never_a_model(target: &syn::Type) -> bool {
    match target {
        syn::Type::Path(path) => {
            let Some(last) = path.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            path.qself.is_none()
                && matches!(
                    name.as_str(),
                    "i8" | "i16"
                        | "i32"
                        | "i64"
                        | "i128"
                        | "isize"
                        | "u8"
                        | "u16"
                        | "u32"
                        | "u64"
                        | "u128"
                        | "usize"
                        | "f32"
                        | "f64"
                        | "bool"
                        | "char"
                        | "str"
                        | "String"
                        | "Vec"
                        | "Option"
                        | "Box"
                        | "Arc"
                        | "Rc"
                        | "ForeignKey"
                        | "OneToOne"
                        | "ManyToMany"
                        | "Reverse"
                        | "ReverseOne"
                )
        }
        syn::Type::Reference(_)
        | syn::Type::Slice(_)
        | syn::Type::Array(_)
        | syn::Type::Tuple(_)
        | syn::Type::Ptr(_) => true,
        _ => false,
    }
}

/// `title desc` / `title ASC` in an `ordering` term: the column and whether
/// it was descending.
fn sql_direction(term: &str) -> Option<(&str, bool)> {
    let (column, direction) = term.trim().rsplit_once(char::is_whitespace)?;
    let desc = match direction.to_ascii_lowercase().as_str() {
        "desc" => true,
        "asc" => false,
        _ => return None,
    };
    Some((column.trim(), desc))
}

/// `Box<T>` (any path ending so) or `&T`: `T`.
fn boxed_inner(ty: &syn::Type) -> Option<&syn::Type> {
    match ty {
        syn::Type::Reference(reference) => Some(&reference.elem),
        _ => wrapped(ty, &["Box"]),
    }
}

/// `Arc<T>` / `Rc<T>` (any path ending so): `T`.
fn shared_inner(ty: &syn::Type) -> Option<&syn::Type> {
    wrapped(ty, &["Arc", "Rc"])
}

/// `W<T>` for a path ending in one of `wrappers`: `T`.
fn wrapped<'t>(ty: &'t syn::Type, wrappers: &[&str]) -> Option<&'t syn::Type> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if !wrappers.iter().any(|w| last.ident == w) {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}
