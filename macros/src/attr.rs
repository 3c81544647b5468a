//! `#[related(...)]` as written: which keys were given, each with the tokens
//! to point at. Whether a key makes sense for the field it sits on is decided
//! in valid.rs, once the field's kind is known.

use std::fmt::Write as _;

use proc_macro2::TokenTree;
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitStr, Token};

use crate::case;
use crate::case::type_string;
use crate::ctxt::Ctxt;

const STRUCT_KEYS: &[&str] = &["table", "ordering"];
const FIELD_KEYS: &[&str] = &[
    "primary_key",
    "column",
    "through",
    "source_column",
    "target_column",
    "reverse",
    "skip",
];

/// `key = "value"`, keeping both tokens for error spans.
pub struct Named {
    pub key: Ident,
    pub value: LitStr,
}

/// `reverse = Model::field`.
pub struct ReverseAttr {
    pub key: Ident,
    pub path: syn::Path,
}

#[derive(Default)]
pub struct StructAttrs {
    pub table: Option<Named>,
    /// `ordering = "-created_at, id"`: the default order (Django's
    /// `Meta.ordering`).
    pub ordering: Option<Named>,
    /// The primary key was named on the struct (`primary_key = "code"`, as
    /// Diesel and SeaORM write it), which is reported as a misplaced key:
    /// valid.rs then stays quiet about the missing primary key it meant.
    pub key_on_struct: bool,
}

#[derive(Default)]
pub struct FieldAttrs {
    pub primary_key: Option<Ident>,
    pub column: Option<Named>,
    pub through: Option<Named>,
    pub source_column: Option<Named>,
    pub target_column: Option<Named>,
    pub reverse: Option<ReverseAttr>,
    /// `skip`: a field of the struct that is not stored (sqlx's
    /// `#[sqlx(skip)]`, SeaORM's `#[sea_orm(ignore)]`), its type's
    /// `Default` in every loaded row.
    pub skip: Option<Ident>,
    /// A key on this field was unknown or its value malformed: most likely
    /// the very key whose absence valid.rs would report next, so it stays
    /// quiet about missing keys rather than report one typo twice.
    pub had_error: bool,
}

#[derive(Clone, Copy)]
enum Place {
    Struct,
    Field,
}

pub fn struct_attrs(cx: &Ctxt, attrs: &[Attribute]) -> StructAttrs {
    let mut out = StructAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("related")) {
        let parsed = attr.parse_nested_meta(|meta| {
            if meta
                .path
                .get_ident()
                .is_some_and(|k| k.to_string().contains("primary") || k == "pk")
            {
                out.key_on_struct = true;
            }
            let Some(key) = known_key(cx, &meta, Place::Struct)? else {
                return Ok(());
            };
            let slot = if key == "table" {
                &mut out.table
            } else {
                &mut out.ordering
            };
            if let Some(value) = string_value(cx, &meta, &key)? {
                set_once(cx, slot, Named { key, value });
            }
            Ok(())
        });
        if let Err(err) = parsed {
            cx.syn_error(err);
        }
    }
    out
}

pub fn field_attrs(cx: &Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    let errors_before = cx.error_count();
    let mut out = FieldAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("related")) {
        let parsed = attr.parse_nested_meta(|meta| {
            let Some(key) = known_key(cx, &meta, Place::Field)? else {
                return Ok(());
            };
            let named = |slot: &mut Option<Named>, key: Ident| -> syn::Result<()> {
                if let Some(value) = string_value(cx, &meta, &key)? {
                    set_once(cx, slot, Named { key, value });
                }
                Ok(())
            };
            match key.to_string().as_str() {
                "primary_key" => {
                    flag(cx, &meta, &key)?;
                    if out.primary_key.is_some() {
                        duplicate(cx, &key);
                    } else {
                        out.primary_key = Some(key);
                    }
                }
                "skip" => {
                    flag(cx, &meta, &key)?;
                    if out.skip.is_some() {
                        duplicate(cx, &key);
                    } else {
                        out.skip = Some(key);
                    }
                }
                "column" => named(&mut out.column, key)?,
                "through" => named(&mut out.through, key)?,
                "source_column" => named(&mut out.source_column, key)?,
                "target_column" => named(&mut out.target_column, key)?,
                "reverse" => {
                    if let Some(path) = path_value(cx, &meta, &key)? {
                        if out.reverse.is_some() {
                            duplicate(cx, &key);
                        } else {
                            out.reverse = Some(ReverseAttr { key, path });
                        }
                    }
                }
                // known_key admits FIELD_KEYS only.
                _ => {}
            }
            Ok(())
        });
        if let Err(err) = parsed {
            cx.syn_error(err);
        }
    }
    out.had_error = cx.error_count() > errors_before;
    out
}

/// The key if it is one this place accepts; otherwise reports it, skips its
/// value so the keys after it are still read, and returns `None`.
fn known_key(cx: &Ctxt, meta: &ParseNestedMeta, place: Place) -> syn::Result<Option<Ident>> {
    let allowed = match place {
        Place::Struct => STRUCT_KEYS,
        Place::Field => FIELD_KEYS,
    };
    if let Some(key) = meta.path.get_ident()
        && allowed.iter().any(|k| key == k)
    {
        return Ok(Some(key.clone()));
    }
    cx.error_spanned_by(&meta.path, unknown_key_message(meta, place));
    skip_value(meta)?;
    Ok(None)
}

fn unknown_key_message(meta: &ParseNestedMeta, place: Place) -> String {
    let written = meta
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::");
    let (here, allowed, elsewhere, other_place) = match place {
        Place::Struct => ("struct", STRUCT_KEYS, FIELD_KEYS, "a field"),
        Place::Field => ("field", FIELD_KEYS, STRUCT_KEYS, "the struct"),
    };
    let mut message = format!("unknown {here} attribute `{written}`");
    if let Some(meaning) = django_option(&written).or_else(|| relation_key(&written)) {
        let _ = write!(message, ": {meaning}");
    } else if elsewhere.contains(&written.as_str()) {
        let _ = write!(message, ": `{written}` goes on {other_place}");
    } else if let Some(close) = allowed
        .iter()
        .map(|k| (case::distance(&written, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
    {
        let _ = write!(message, ": did you mean `{close}`?");
    }
    message.push_str(match place {
        Place::Struct => {
            "\nstruct attributes are: `table = \"...\"`, `ordering = \"-column, column\"`"
        }
        Place::Field => {
            "\nfield attributes are: `primary_key`, `column = \"...\"`, `through = \"...\"`, \
             `source_column = \"...\"`, `target_column = \"...\"`, `reverse = Model::field`, `skip`"
        }
    });
    message
}

/// What a Django field or `Meta` option written here means in `related`:
/// users coming from Django write them first.
fn django_option(written: &str) -> Option<String> {
    Some(match written {
        "null" => "a NULL-able column is an `Option` field: `Option<String>`, \
                   `Option<ForeignKey<T>>`"
            .to_owned(),
        "related_name" | "related_query_name" => {
            "the reverse side is a field of the target model: \
             `#[related(reverse = Post::author)] posts: Reverse<Post>`"
                .to_owned()
        }
        "db_column" => "did you mean `column`?".to_owned(),
        "db_table" => "did you mean `table`?".to_owned(),
        "to_field" => "a ForeignKey points at the target's primary key, and no other column \
                       (`to_field` has no equivalent); its own column is `column = \"...\"`"
            .to_owned(),
        "through_fields" => "the link table's two columns are `source_column = \"...\"` (to \
                             this model) and `target_column = \"...\"` (to the target)"
            .to_owned(),
        "to" | "model" | "target" => {
            "the model a relation points at is in its type: `ForeignKey<Author>`, \
             `ManyToMany<Tag>`"
                .to_owned()
        }
        "symmetrical" => "remove it: a ManyToMany to its own model reads its link table one way \
                          (`from_<model>_id` to `to_<model>_id`); the other way is a \
                          `Reverse<Self>` field with `#[related(reverse = Self::field)]`"
            .to_owned(),
        "ignore" | "transient" | "not_stored" | "exclude" => {
            "a field that is not stored is `#[related(skip)]`".to_owned()
        }
        "on_delete"
        | "blank"
        | "default"
        | "unique"
        | "db_index"
        | "max_length"
        | "max_digits"
        | "decimal_places"
        | "choices"
        | "verbose_name"
        | "verbose_name_plural"
        | "help_text"
        | "editable"
        | "auto_now"
        | "auto_now_add"
        | "validators"
        | "db_constraint"
        | "unique_together"
        | "indexes"
        | "constraints"
        | "managed"
        | "abstract"
        | "db_tablespace"
        | "db_default"
        | "db_comment"
        | "db_collation"
        | "limit_choices_to"
        | "error_messages"
        | "unique_for_date"
        | "unique_for_month"
        | "unique_for_year"
        | "parent_link"
        | "swappable" => format!(
            "Django's `{written}` is a rule of the schema, kept by your migrations: \
             `related` reads the columns as they are; remove it"
        ),
        _ => return None,
    })
}

/// What the relation attributes of other ORMs (SeaORM's `belongs_to`,
/// `has_many`, Diesel's `belongs_to`, ...) are here: a relation is a field
/// whose type says its kind, not an attribute on a key column.
fn relation_key(written: &str) -> Option<String> {
    Some(
        match written {
            "belongs_to" | "foreign_key" | "references" | "fk" | "foreignkey" | "many_to_one" => {
                "a foreign key is a field typed `ForeignKey<Author>`, named after the relation (`author: ForeignKey<Author>` reads the column `author_id`; `#[related(column = \"..\")]` names another)"
            }
            "has_many" | "one_to_many" => {
                "the many side of a foreign key is a field of this model: `#[related(reverse = Post::author)] posts: Reverse<Post>`"
            }
            "has_one" => {
                "the other side of a one-to-one is a field of this model: `#[related(reverse = Profile::user)] profile: ReverseOne<Profile>`"
            }
            "one_to_one" => "a one-to-one is a field typed `OneToOne<Profile>`",
            "many_to_many" | "m2m" | "join_table" | "via" => {
                "a many-to-many is a field typed `ManyToMany<Tag>`; `#[related(through = \"post_tags\")]` names its link table"
            }
            _ => return None,
        }
        .to_owned(),
    )
}

/// Consumes `= value` or `(...)` after a key we are not going to use.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<TokenTree>()?;
    }
    Ok(())
}

fn at_end_of_key(meta: &ParseNestedMeta) -> bool {
    meta.input.is_empty() || meta.input.peek(Token![,])
}

fn flag(cx: &Ctxt, meta: &ParseNestedMeta, key: &Ident) -> syn::Result<()> {
    if !at_end_of_key(meta) {
        cx.error_spanned_by(
            key,
            format!("`{key}` takes no value: write `#[related({key})]`"),
        );
        skip_value(meta)?;
    }
    Ok(())
}

/// The string after `key =`. A value of another shape is reported (and
/// skipped) here so a single bad value does not hide the keys after it.
fn string_value(cx: &Ctxt, meta: &ParseNestedMeta, key: &Ident) -> syn::Result<Option<LitStr>> {
    let example = match key.to_string().as_str() {
        "table" => "blog_post",
        "ordering" => "-created_at, id",
        _ => "name",
    };
    if at_end_of_key(meta) {
        cx.error_spanned_by(
            key,
            format!("`{key}` needs a value: `{key} = \"{example}\"`"),
        );
        return Ok(None);
    }
    if !meta.input.peek(Token![=]) {
        cx.error_spanned_by(key, format!("expected `{key} = \"{example}\"`"));
        skip_value(meta)?;
        return Ok(None);
    }
    match ungroup(meta.value()?.parse::<Expr>()?) {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Ok(Some(lit)),
        other => {
            // A bare name is most likely the value meant, unquoted.
            let example = match &other {
                Expr::Path(p) if p.qself.is_none() => type_string(&p.path),
                _ => example.to_owned(),
            };
            cx.error_spanned_by(other, format!("expected a string: `{key} = \"{example}\"`"));
            Ok(None)
        }
    }
}

/// A value as written, out of the invisible group a `macro_rules!`
/// fragment (`$table:literal`, `$e:expr`) puts around it.
fn ungroup(value: Expr) -> Expr {
    match value {
        Expr::Group(group) => ungroup(*group.expr),
        other => other,
    }
}

/// The `Model::field` path after `reverse =`.
fn path_value(cx: &Ctxt, meta: &ParseNestedMeta, key: &Ident) -> syn::Result<Option<syn::Path>> {
    const SHAPE: &str = "expected `reverse = Model::field`, naming the relation field this one \
                         mirrors, e.g. `reverse = Post::author`";
    if !meta.input.peek(Token![=]) {
        cx.error_spanned_by(key, SHAPE);
        skip_value(meta)?;
        return Ok(None);
    }
    let value = ungroup(meta.value()?.parse::<Expr>()?);
    // Near misses get the exact fix: a quoted path, or a call of a handle.
    let (fix, path) = match &value {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => (
            "write the path without quotes",
            // Django's dotted "app.Model" habit: `Post.author` is `Post::author`.
            syn::parse_str::<syn::Path>(&lit.value().replace('.', "::")).ok(),
        ),
        Expr::Call(call) if call.args.is_empty() => match &*call.func {
            Expr::Path(p) if p.qself.is_none() => (
                "name the relation without calling it",
                Some(syn::parse2::<syn::Path>(p.path.to_token_stream())?),
            ),
            _ => ("", None),
        },
        _ => ("", None),
    };
    let shown = path
        .filter(|p| p.segments.len() >= 2)
        .map(|p| format!("{fix}: `reverse = {}`", type_string(&p)));
    match value {
        Expr::Path(p) if p.qself.is_none() && p.path.segments.len() >= 2 => {
            return Ok(Some(p.path));
        }
        _ => cx.error_spanned_by(&value, shown.as_deref().unwrap_or(SHAPE)),
    }
    Ok(None)
}

fn set_once(cx: &Ctxt, slot: &mut Option<Named>, value: Named) {
    match slot {
        Some(_) => duplicate(cx, &value.key),
        None => *slot = Some(value),
    }
}

fn duplicate(cx: &Ctxt, again: &Ident) {
    cx.error_spanned_by(again, format!("`{again}` is given twice"));
}
