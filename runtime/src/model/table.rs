//! What `#[derive(Model)]` records about a struct.

use crate::error::{CellError, Error, Result};
use crate::model::column::{Key, RawRow};
use crate::model::relation::RelationInfo;
use crate::model::value::{SqlType, Value};

/// What a relation field's type parameter must be: a model, whose key a
/// `ForeignKey` stores, or one of the std types a relation is often
/// mistakenly given (`ForeignKey<i64>`, `ManyToMany<String>`,
/// `ForeignKey<Vec<Tag>>`). For those the field type stays well-formed and
/// the derive reports the mistake once, at the field: were the field types
/// bounded by `Model`, `#[derive(Clone, Debug)]` and every use of the type
/// would repeat it. No field value exists for them: every constructor
/// requires `T: Model`.
///
/// Every model is one (`Model` requires it, and the derive implements it
/// beside `Model`), but not through a blanket impl over `Model`: then
/// `Box<T>` and `&T` could not be targets here (a user's crate may make
/// `Box<Post>` a model), and `ForeignKey<Box<Author>>` would be reported
/// at every use of the field type instead of once.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a model",
    label = "the target of a relation must be a model",
    note = "a relation names the model it points at (`ForeignKey<Author>`, not `ForeignKey<i64>`: the key column comes from the model); a list of related rows is `ManyToMany<T>` or `Reverse<T>`, not `ForeignKey<Vec<T>>`; a struct of yours becomes a model with `#[derive(related::Model)]`"
)]
pub trait Target: 'static {
    /// The key a `ForeignKey` to it stores: the model's primary key.
    type Key: Clone + std::fmt::Debug + PartialEq + Send + Sync + 'static;
}

/// A struct mapped to a table. Implemented by `#[derive(related::Model)]`;
/// never by hand.
///
/// ```
/// use related::prelude::*;
///
/// #[derive(Clone, Debug, Model)]
/// #[related(table = "app_author")]
/// struct Author {
///     id: i64,                      // the primary key (the field `id`)
///     #[related(column = "full_name")]
///     name: String,
///     email: Option<String>,        // NULL-able
/// }
///
/// let info = Author::info();
/// assert_eq!((info.name, info.table), ("Author", "app_author"));
/// assert_eq!(info.pk_column().name, "id");
/// assert_eq!(info.columns[1].name, "full_name");
/// let ann = Author { id: 1, name: "Ann".into(), email: None };
/// assert_eq!(*ann.pk(), 1);
/// assert_eq!(ann.values()[2], related::Value::Null);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a model",
    label = "`#[derive(related::Model)]` makes a struct a model",
    note = "queries and relations take models; a relation names the model it points at (`ForeignKey<Author>`, not `ForeignKey<i64>`: the key column comes from the model), and a list of related rows is `ManyToMany<T>` or `Reverse<T>`, not `ForeignKey<Vec<T>>`"
)]
pub trait Model: Sized + Clone + Send + Sync + Target<Key = <Self as Model>::Pk> + 'static {
    /// The primary key's Rust type. The derive also lets it stand for a
    /// row where a row or its key will do ([`KeyOf`]).
    type Pk: Key + KeyOf<Self, Key = Self::Pk>;

    /// The loaded set with no relation loaded (see [`crate::Loaded`]).
    type Empty: crate::model::typed::LoadSet<Self>;

    /// What a typed row [`Loaded<Self, L>`](crate::Loaded) derefs to: the
    /// derive's `{Model}Loaded<L>`, `#[repr(transparent)]` over the model.
    /// Its inherent methods are the relation accessors, so that
    /// `post.author()` needs no import; it derefs to the model in turn.
    type View<L>: std::ops::Deref<Target = Self>;

    /// `row` seen as its view (the same place in memory).
    fn view<L>(row: &Self) -> &Self::View<L>;

    /// Table, columns and relations.
    fn info() -> &'static ModelInfo;

    /// The primary key of this row.
    fn pk(&self) -> &Self::Pk;

    /// Decode the model's stored columns, in `info().columns` order, starting
    /// at column `offset` of `row`. Relations come back unloaded.
    fn decode(row: &dyn RawRow, offset: usize) -> Result<Self, FieldError>;

    /// The stored column values, in `info().columns` order (for INSERT).
    fn values(&self) -> Vec<Value>;
}

/// A row of `M` or its primary key: what `link` takes for each side, as
/// Django's `post.tags.add(...)` takes a tag or its id. Implemented for `M`,
/// for typed rows of `M` and (by the derive) for `M::Pk`.
///
/// ```
/// use related::prelude::*;
/// use related::KeyOf;
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64, name: String }
///
/// fn key<S: KeyOf<Tag, Key = i64>>(side: &S) -> i64 { *side.key_of() }
/// assert_eq!(key(&Tag { id: 7, name: "rust".into() }), 7);
/// assert_eq!(key(&7), 7);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is neither a `{M}` row nor the key of one",
    label = "expected a `{M}` or its primary key",
    note = "`link(Post::tags(), &post, &tag)` takes the relation's own model first, then the model it points at; each side is a row or its primary key (`&post` or `&post.id`)"
)]
pub trait KeyOf<M> {
    /// `M`'s primary key type. (Not `M::Pk`: the trait names no bound on
    /// `M`, so that a model whose derive failed is not reported again here.)
    type Key;

    /// The primary key of the row this stands for.
    fn key_of(&self) -> &Self::Key;
}

#[diagnostic::do_not_recommend]
impl<M: Model> KeyOf<M> for M {
    type Key = M::Pk;

    #[inline]
    fn key_of(&self) -> &M::Pk {
        self.pk()
    }
}

/// A decode failure located on a field; the loader adds the statement.
///
/// ```
/// use related::{CellError, FieldError};
///
/// let e = FieldError::new("name", "name", CellError::UnexpectedNull);
/// assert_eq!((e.field, e.column), ("name", "name"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// The Rust field.
    pub field: &'static str,
    /// The column it is read from.
    pub column: &'static str,
    /// What was wrong with the value.
    pub error: CellError,
}

/// Decode a row of `M` at column 0; a failure names the model, field,
/// column and statement.
pub(crate) fn decode_at_start<M: Model>(row: &dyn RawRow, statement: &str) -> Result<M> {
    M::decode(row, 0).map_err(|e| Error::Decode {
        model: M::info().name,
        field: e.field,
        column: e.column,
        error: e.error,
        statement: statement.to_owned(),
    })
}

impl FieldError {
    /// The failure `error` on `field`, read from `column`.
    pub fn new(field: &'static str, column: &'static str, error: CellError) -> Self {
        FieldError {
            field,
            column,
            error,
        }
    }
}

/// Static description of a model, generated by the derive
/// ([`Model::info`]; an example there).
#[derive(Debug)]
pub struct ModelInfo {
    /// The Rust struct name.
    pub name: &'static str,
    /// The table name.
    pub table: &'static str,
    /// Stored columns, in decode order. Foreign keys appear as their key column.
    pub columns: &'static [ColumnInfo],
    /// Index of the primary key in `columns`.
    pub pk: usize,
    /// Every relation field, forward and reverse.
    pub relations: &'static [fn() -> RelationInfo],
    /// The default order, `(column, descending)` (Django's `Meta.ordering`,
    /// from `#[related(ordering = "...")]`): used by a query, and by every
    /// prefetch level of this model, that has no `order_by` of its own.
    pub ordering: &'static [(&'static str, bool)],
}

impl ModelInfo {
    /// The primary key's column.
    pub fn pk_column(&self) -> &'static ColumnInfo {
        &self.columns[self.pk]
    }

    /// Whether `column` is a text key: the primary key, or a key pointing
    /// at another model's, stored as text. PostgreSQL reads these as
    /// `text` (a `CHAR(n)` key without its padding, as `=` compares it).
    pub(crate) fn is_text_key(&self, column: &ColumnInfo) -> bool {
        column.sql_type == SqlType::Text
            && (column.references.is_some() || std::ptr::eq(column, self.pk_column()))
    }
}

/// One stored column ([`ModelInfo::columns`]; an example at [`Model`]).
#[derive(Debug)]
pub struct ColumnInfo {
    /// The Rust field the column belongs to.
    pub field: &'static str,
    /// The column name in the table.
    pub name: &'static str,
    /// Its storage type.
    pub sql_type: SqlType,
    /// Whether it takes NULL (an `Option` field).
    pub nullable: bool,
    /// For a foreign key / one-to-one column: the model it points at.
    pub references: Option<fn() -> &'static ModelInfo>,
    /// One-to-one columns are UNIQUE.
    pub unique: bool,
}
