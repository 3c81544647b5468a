//! Scalar column types: how a Rust field type decodes from a result row and
//! encodes to a bind parameter.

use std::fmt;
use std::hash::Hash;

use crate::error::CellError;
use crate::model::value::{SqlDate, SqlDuration, SqlTime, SqlTimestamp, SqlType, Value};

/// One row of a result set, as a backend hands it to the loader. Getters are
/// type-directed because PostgreSQL and MySQL rows only decode into a type
/// their driver accepts for the column.
///
/// A backend implements it for its row type; [`Column::decode`] reads
/// through it. A row of one integer:
///
/// ```
/// use related::{CellError, Column, RawRow, SqlDate, SqlDuration, SqlTime, SqlTimestamp};
///
/// struct OneInt(Option<i64>);
///
/// impl OneInt {
///     fn wrong<T>(&self) -> Result<Option<T>, CellError> {
///         Err(CellError::WrongType { expected: "another type", found: "integer".into() })
///     }
/// }
///
/// impl RawRow for OneInt {
///     fn is_null(&self, _: usize) -> Result<bool, CellError> { Ok(self.0.is_none()) }
///     fn get_i64(&self, idx: usize) -> Result<Option<i64>, CellError> {
///         if idx == 0 { Ok(self.0) } else { Err(CellError::NoSuchColumn(idx)) }
///     }
///     fn get_bool(&self, _: usize) -> Result<Option<bool>, CellError> { self.wrong() }
///     fn get_i16(&self, _: usize) -> Result<Option<i16>, CellError> { self.wrong() }
///     fn get_i32(&self, _: usize) -> Result<Option<i32>, CellError> { self.wrong() }
///     fn get_f32(&self, _: usize) -> Result<Option<f32>, CellError> { self.wrong() }
///     fn get_f64(&self, _: usize) -> Result<Option<f64>, CellError> { self.wrong() }
///     fn get_string(&self, _: usize) -> Result<Option<String>, CellError> { self.wrong() }
///     fn get_bytes(&self, _: usize) -> Result<Option<Vec<u8>>, CellError> { self.wrong() }
///     fn get_date(&self, _: usize) -> Result<Option<SqlDate>, CellError> { self.wrong() }
///     fn get_time(&self, _: usize) -> Result<Option<SqlTime>, CellError> { self.wrong() }
///     fn get_timestamp(&self, _: usize) -> Result<Option<SqlTimestamp>, CellError> { self.wrong() }
///     fn get_timestamptz(&self, _: usize) -> Result<Option<SqlTimestamp>, CellError> { self.wrong() }
///     fn get_duration(&self, _: usize) -> Result<Option<SqlDuration>, CellError> { self.wrong() }
///     fn get_uuid(&self, _: usize) -> Result<Option<[u8; 16]>, CellError> { self.wrong() }
///     fn get_decimal(&self, _: usize) -> Result<Option<String>, CellError> { self.wrong() }
///     fn get_json(&self, _: usize) -> Result<Option<String>, CellError> { self.wrong() }
/// }
///
/// assert_eq!(i64::decode(&OneInt(Some(7)), 0), Ok(7));
/// assert_eq!(<Option<i64>>::decode(&OneInt(None), 0), Ok(None));
/// assert_eq!(i64::decode(&OneInt(None), 0), Err(CellError::UnexpectedNull));
/// assert_eq!(i64::decode(&OneInt(Some(7)), 1), Err(CellError::NoSuchColumn(1)));
/// assert!(matches!(u8::decode(&OneInt(Some(300)), 0), Err(CellError::OutOfRange { .. })));
/// ```
pub trait RawRow {
    /// The number of columns in the row (0 where the backend cannot say).
    fn column_count(&self) -> usize {
        0
    }
    /// The name of column `idx` as the result set labels it, where the
    /// backend knows it. `raw` matches a model's columns by these names.
    fn column_name(&self, idx: usize) -> Option<&str> {
        let _ = idx;
        None
    }
    /// Whether cell `idx` is NULL.
    fn is_null(&self, idx: usize) -> Result<bool, CellError>;
    /// A boolean cell (`BOOLEAN`; an integer 0/1 where there is none).
    fn get_bool(&self, idx: usize) -> Result<Option<bool>, CellError>;
    /// A 16-bit integer cell (`SMALLINT`).
    fn get_i16(&self, idx: usize) -> Result<Option<i16>, CellError>;
    /// A 32-bit integer cell (`INTEGER`).
    fn get_i32(&self, idx: usize) -> Result<Option<i32>, CellError>;
    /// A 64-bit integer cell (`BIGINT`).
    fn get_i64(&self, idx: usize) -> Result<Option<i64>, CellError>;
    /// A single-precision float cell (`REAL`).
    fn get_f32(&self, idx: usize) -> Result<Option<f32>, CellError>;
    /// A double-precision float cell (`DOUBLE PRECISION`).
    fn get_f64(&self, idx: usize) -> Result<Option<f64>, CellError>;
    /// A text cell.
    fn get_string(&self, idx: usize) -> Result<Option<String>, CellError>;
    /// A binary cell (`BLOB`, `BYTEA`).
    fn get_bytes(&self, idx: usize) -> Result<Option<Vec<u8>>, CellError>;

    // No default bodies: a row type (or an adapter over one) that forgets
    // a getter must not compile, rather than fail on the first such cell.

    /// A `DATE` cell.
    fn get_date(&self, idx: usize) -> Result<Option<SqlDate>, CellError>;
    /// A time-of-day cell (`TIME`).
    fn get_time(&self, idx: usize) -> Result<Option<SqlTime>, CellError>;
    /// A date-and-time cell without zone (`TIMESTAMP`, `DATETIME`).
    fn get_timestamp(&self, idx: usize) -> Result<Option<SqlTimestamp>, CellError>;
    /// An instant, returned in UTC (`TIMESTAMPTZ`; elsewhere stored in UTC).
    fn get_timestamptz(&self, idx: usize) -> Result<Option<SqlTimestamp>, CellError>;
    /// A length of time (`INTERVAL`; elsewhere microseconds in an integer).
    fn get_duration(&self, idx: usize) -> Result<Option<SqlDuration>, CellError>;
    /// A UUID cell (`UUID`, or its hyphenated text where there is no UUID
    /// type).
    fn get_uuid(&self, idx: usize) -> Result<Option<[u8; 16]>, CellError>;
    /// An exact decimal cell as plain text (`NUMERIC`, `DECIMAL`).
    fn get_decimal(&self, idx: usize) -> Result<Option<String>, CellError>;
    /// A JSON document as text (`JSONB`, `JSON`, or text).
    fn get_json(&self, idx: usize) -> Result<Option<String>, CellError>;
}

/// A Rust type stored in one column.
///
/// Implemented for the built-in column types (README, "Column types") and
/// by `#[derive(related::Column)]` for types of your own:
///
/// ```
/// use related::prelude::*;
/// use related::{Column, SqlType, StoredAs, Value};
///
/// /// A newtype: stored as its field, a key and ordered because `i64` is.
/// #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, related::Column)]
/// struct AccountId(i64);
///
/// /// An enum stored as text, by variant name.
/// #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, related::Column)]
/// #[related(rename_all = "snake_case")]
/// enum Status { Draft, InReview, #[related(rename = "live")] Published }
///
/// /// An enum stored as its discriminant, ordered by it.
/// #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, related::Column)]
/// #[related(integer)]
/// enum Priority { Low = 1, High = 10 }
///
/// #[derive(Clone, Debug, Model)]
/// struct Account { id: AccountId, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Ticket { id: i64, account: ForeignKey<Account>, status: Status, priority: Option<Priority> }
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// assert_eq!(Status::SQL_TYPE, SqlType::Text);
/// assert_eq!(Status::InReview.to_value(), Value::Text("in_review".into()));
/// assert_eq!(Status::Published.to_repr(), "live");
/// assert_eq!(Priority::High.to_value(), Value::I64(10));
/// assert!(<Option<Priority>>::NULLABLE);
/// assert_eq!(AccountId(3).to_value(), Value::I64(3));
///
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Account::info(), Ticket::info()])?;
/// db.insert(&Account { id: AccountId(7), name: "Acme".into() })?;
/// for (id, status, priority) in [
///     (1, Status::Draft, None),
///     (2, Status::Published, Some(Priority::High)),
///     (3, Status::InReview, Some(Priority::Low)),
/// ] {
///     db.insert(&Ticket { id, account: ForeignKey::new(AccountId(7)), status, priority })?;
/// }
/// let urgent = Ticket::query()
///     .select_related(Ticket::account())
///     .filter(Ticket::priority().ge(Priority::High) | Ticket::status().eq(Status::Draft))
///     .order_by(Ticket::id().asc())
///     .all(&db)?;
/// assert_eq!(urgent.iter().map(|t| t.id).collect::<Vec<_>>(), [1, 2]);
/// assert_eq!(urgent[1].status, Status::Published);
/// assert_eq!(urgent[1].account.get()?.name, "Acme");
///
/// // A stored text that names no variant is a decode error.
/// db.execute("UPDATE ticket SET status = 'gone' WHERE id = 1", &[])?;
/// assert!(matches!(Ticket::query().all(&db), Err(related::Error::Decode { field: "status", .. })));
/// # Ok(()) }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a supported column type",
    label = "unsupported column type",
    note = "columns are bool, i8, i16, i32, i64, u8, u16, u32, f32, f64, String, Vec<u8>, std::time::Duration; with cargo features, chrono and time dates, times and durations, uuid::Uuid, rust_decimal::Decimal, serde_json::Value and related::Json<T> (T with serde's Serialize and Deserialize); a type with `#[derive(related::Column)]`; or Option<_> of one of them",
    note = "u64 is not a column type: SQLite and PostgreSQL have no unsigned 64-bit integer (use i64, or rust_decimal::Decimal)",
    note = "relations are ForeignKey<T>, OneToOne<T>, ManyToMany<T>, Reverse<T>, ReverseOne<T>, written as such in the field (the derive reads the field's type: through a type alias a relation reads as a column); a field that is not stored is `#[related(skip)]`"
)]
pub trait Column: Sized + Clone + Send + Sync + 'static {
    /// The type without its NULL: `T` for both `T` and `Option<T>`. Ordering
    /// comparisons (`lt`, `le`, `gt`, `ge`) take this type, so comparing
    /// with NULL (which SQL never finds true) does not compile.
    type NotNull: Column;
    /// The SQL type of the column (`CREATE TABLE` writes it per dialect).
    const SQL_TYPE: SqlType;
    /// Whether the column admits NULL (true for `Option<T>`).
    const NULLABLE: bool = false;
    /// Reads the value from cell `idx` of `row`.
    fn decode(row: &dyn RawRow, idx: usize) -> Result<Self, CellError>;
    /// The value as a bind parameter.
    fn to_value(&self) -> Value;
}

/// A column type usable as a primary key or a key of a relation: hashable for
/// stitching, never NULL.
///
/// ```
/// use related::prelude::*;
///
/// // Text keys work too; floats, `bool` and JSON do not compile as keys.
/// #[derive(Clone, Debug, Model)]
/// struct Country { #[related(primary_key)] code: String, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct City { id: i64, country: ForeignKey<Country> }
///
/// fn exact<K: related::Key>() -> bool { K::EXACT_EQUALITY }
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// assert!(exact::<i64>());
/// assert!(!exact::<String>()); // a collation may fold case: the database matches them
///
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Country::info(), City::info()])?;
/// db.insert(&Country { code: "cl".into(), name: "Chile".into() })?;
/// db.insert(&City { id: 1, country: ForeignKey::new("cl".to_owned()) })?;
/// let city = City::query().prefetch_related(City::country()).one(&db)?;
/// assert_eq!(city.country.key(), "cl");
/// assert_eq!(city.country.get()?.name, "Chile");
/// # Ok(()) }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a primary key",
    label = "not a key type",
    note = "keys are integers, String, Vec<u8>, dates and times, uuid::Uuid, rust_decimal::Decimal, or a `#[derive(related::Column)]` type over one of them; not floats, bool, durations or JSON"
)]
pub trait Key: Column + Hash + Eq + Ord + fmt::Debug {
    /// Whether every database compares two keys of this type exactly as
    /// Rust's `==` does. Integers do; text does not: a column's collation
    /// may fold case (`'fr' = 'FR'`) or trailing blanks (`'fr ' = 'fr'`),
    /// and bytes may be read from such a column. Prefetch statements over
    /// keys that are not exact let the database match them and return the
    /// key each row matched.
    /// A key type whose equality a collation may change must say `false`.
    const EXACT_EQUALITY: bool = true;
}

/// A column type whose values the database orders as Rust does, so that
/// `lt`, `le`, `gt` and `ge` filters mean what they say. JSON documents,
/// and types whose SQL order differs from their Rust order, are not.
///
/// ```
/// use related::{Ordered, Query};
/// use related::prelude::*;
///
/// #[derive(Clone, Debug, Model)]
/// struct Event { id: i64, day: i32 }
///
/// // A filter generic over ordered columns.
/// fn after<T: Ordered<NotNull = T>, N>(col: related::Col<Event, T, N>, v: T) -> Query<Event> {
///     Event::query().filter(col.gt(v))
/// }
/// # fn main() -> related::Result<()> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Event::info()])?;
/// db.insert_all(&[Event { id: 1, day: 3 }, Event { id: 2, day: 9 }])?;
/// assert_eq!(after(Event::day(), 5).one(&db)?.id, 2);
/// # Ok(()) }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no ordering comparison in SQL",
    label = "`lt`, `le`, `gt` and `ge` need an ordered column type",
    note = "ordering filters need a type whose SQL order is its Rust order: JSON documents and enums stored as text compare only with `eq`, `ne`, `is_in` and `is_null`"
)]
pub trait Ordered: Column {}

/// How `lt`, `le`, `gt` and `ge` ask for [`Ordered`]: `(): OrderedColumn<T>`,
/// a bound on `()` rather than on `T`, so that for a column type of the
/// user's crate (an enum stored as text) rustc prints one line of help
/// instead of pointing at its definition (which made the error 20 lines).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{T}` has no ordering comparison in SQL",
    label = "`lt`, `le`, `gt` and `ge` need an ordered column type",
    note = "ordering filters need a type whose SQL order is its Rust order: JSON documents and enums stored as text compare only with `eq`, `ne`, `is_in` and `is_null`"
)]
pub trait OrderedColumn<T> {}

#[diagnostic::do_not_recommend]
impl<T: Ordered> OrderedColumn<T> for () {}

macro_rules! scalar {
    ($t:ty, $sql:ident, $get:ident, $variant:ident, $conv:ty) => {
        // Hidden from diagnostics: `Column`'s note lists the column types;
        // rustc's list of impls would repeat part of it.
        #[diagnostic::do_not_recommend]
        impl Column for $t {
            type NotNull = $t;
            const SQL_TYPE: SqlType = SqlType::$sql;
            #[inline]
            fn decode(row: &dyn RawRow, idx: usize) -> Result<Self, CellError> {
                required(row.$get(idx)?)
            }
            #[inline]
            fn to_value(&self) -> Value {
                Value::$variant(<$conv>::from(self.clone()))
            }
        }
        // Hidden from diagnostics: `Column`'s note lists the column types;
        // rustc's list of impls would repeat part of it.
        #[diagnostic::do_not_recommend]
        impl Column for Option<$t> {
            type NotNull = $t;
            const SQL_TYPE: SqlType = SqlType::$sql;
            const NULLABLE: bool = true;
            #[inline]
            fn decode(row: &dyn RawRow, idx: usize) -> Result<Self, CellError> {
                row.$get(idx)
            }
            #[inline]
            fn to_value(&self) -> Value {
                match self {
                    Some(v) => Value::$variant(<$conv>::from(v.clone())),
                    None => Value::Null,
                }
            }
        }
    };
}

scalar!(bool, Bool, get_bool, Bool, bool);
scalar!(i16, I16, get_i16, I64, i64);
scalar!(i32, I32, get_i32, I64, i64);
scalar!(i64, I64, get_i64, I64, i64);
scalar!(f32, F32, get_f32, F64, f64);
scalar!(f64, F64, get_f64, F64, f64);
scalar!(String, Text, get_string, Text, String);
scalar!(Vec<u8>, Bytes, get_bytes, Bytes, Vec<u8>);

#[diagnostic::do_not_recommend]
impl Key for i16 {}
#[diagnostic::do_not_recommend]
impl Key for i32 {}
#[diagnostic::do_not_recommend]
impl Key for i64 {}
#[diagnostic::do_not_recommend]
impl Key for String {
    const EXACT_EQUALITY: bool = false;
}
/// Not exact either: SQLite and MySQL read a text column as bytes, and
/// its collation may fold case.
#[diagnostic::do_not_recommend]
impl Key for Vec<u8> {
    const EXACT_EQUALITY: bool = false;
}

/// `Ordered` for a type and its `Option`. Hidden from diagnostics: a
/// column type without an order gets `Ordered`'s message, not a list of
/// the types that have one.
macro_rules! ordered {
    ($($t:ty),* $(,)?) => {
        $(
            #[diagnostic::do_not_recommend]
            impl $crate::model::column::Ordered for $t {}
            #[diagnostic::do_not_recommend]
            impl $crate::model::column::Ordered for Option<$t> {}
        )*
    };
}
pub(crate) use ordered;

ordered!(bool, i16, i32, i64, f32, f64, String, Vec<u8>);

/// The value of a cell read for a field that is not an `Option`.
///
/// Runs once per cell: `ok_or(CellError::UnexpectedNull)` built (and
/// dropped) the error value on every call, which showed in profiles; here
/// the NULL case is out of line and the happy path is a branch.
#[inline]
pub(crate) fn required<T>(cell: Option<T>) -> Result<T, CellError> {
    match cell {
        Some(v) => Ok(v),
        None => Err(unexpected_null()),
    }
}

#[cold]
#[inline(never)]
fn unexpected_null() -> CellError {
    CellError::UnexpectedNull
}

/// Narrow an integer read as i64 (SQLite stores every integer as i64).
#[cfg_attr(
    not(any(feature = "sqlite", feature = "postgres", feature = "mysql")),
    allow(dead_code)
)]
pub(crate) fn narrow<T: TryFrom<i64>>(v: i64, expected: &'static str) -> Result<T, CellError> {
    T::try_from(v).map_err(|_| CellError::OutOfRange {
        value: v.to_string(),
        expected,
    })
}

/// Narrow a float read as f64 to f32. Rounding is what a narrower float
/// means, but a finite value beyond f32's range would become infinity: that
/// is an error, as an out-of-range integer is.
#[cfg_attr(
    not(any(feature = "sqlite", feature = "postgres", feature = "mysql")),
    allow(dead_code)
)]
pub(crate) fn narrow_f32(v: f64) -> Result<f32, CellError> {
    let narrowed = v as f32;
    if narrowed.is_infinite() && v.is_finite() {
        return Err(CellError::OutOfRange {
            value: v.to_string(),
            expected: "f32",
        });
    }
    Ok(narrowed)
}

/// The hash of the loader's own maps, whose keys are the keys of rows it
/// just read: foldhash's folded multiply, randomly seeded. SipHash (the std
/// default) made hashing about a tenth of the stitching work
/// (BENCHMARKS.md, "Profile").
pub(crate) type KeyHash = foldhash::fast::RandomState;
