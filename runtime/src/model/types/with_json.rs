//! JSON documents: `serde_json::Value`, and any `T: Serialize +
//! DeserializeOwned` through [`Json`]. `JSONB` on PostgreSQL, `JSON` on
//! MySQL/MariaDB, text on SQLite. JSON columns are not ordered and cannot
//! be keys.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::column_via;
use crate::error::CellError;

/// A column holding `T` as a JSON document.
///
/// ```
/// use std::collections::BTreeMap;
/// use related::prelude::*;
/// use related::Json;
///
/// #[derive(Clone, Debug, Model)]
/// struct Event { id: i64, labels: Json<BTreeMap<String, u32>>, raw: serde_json::Value }
///
/// # fn main() -> related::Result<()> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Event::info()])?;
/// let labels = Json(BTreeMap::from([("retries".to_owned(), 3)]));
/// db.insert(&Event { id: 1, labels, raw: serde_json::json!({ "ok": true }) })?;
/// let event = Event::query().one(&db)?;
/// assert_eq!(event.labels["retries"], 3); // `Json<T>` derefs to `T`
/// assert_eq!(event.raw["ok"], true);
/// assert!(Event::query().filter(Event::raw().is_not_null()).exists(&db)?);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    /// The wrapped value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> From<T> for Json<T> {
    fn from(v: T) -> Self {
        Json(v)
    }
}

impl<T> std::ops::Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> std::ops::DerefMut for Json<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

// Transparent, so a model deriving `Serialize` shows the document itself.
impl<T: Serialize> Serialize for Json<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Json<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(Json)
    }
}

fn to_text<T: Serialize>(v: &T) -> String {
    // Serializing to a String fails only for a map with non-string keys
    // or a Serialize impl that reports an error; store JSON null then
    // rather than panicking in `to_value`, which cannot fail.
    serde_json::to_string(v).unwrap_or_else(|_| "null".to_owned())
}

#[cold]
fn malformed(e: serde_json::Error) -> CellError {
    CellError::WrongType {
        expected: "a JSON document of the field's type",
        found: format!("a document that does not decode ({e})"),
    }
}

fn from_text<T: DeserializeOwned>(s: String) -> Result<T, CellError> {
    serde_json::from_str(&s).map_err(malformed)
}

column_via!(serde_json::Value, Json, get_json, Json, to_text, from_text);

#[diagnostic::do_not_recommend]
impl<T> crate::model::column::Column for Json<T>
where
    T: Serialize + DeserializeOwned + Clone + Send + Sync + 'static,
{
    type NotNull = Json<T>;
    const SQL_TYPE: crate::model::value::SqlType = crate::model::value::SqlType::Json;
    fn decode(row: &dyn crate::model::column::RawRow, idx: usize) -> Result<Self, CellError> {
        let raw = row.get_json(idx)?.ok_or(CellError::UnexpectedNull)?;
        from_text(raw).map(Json)
    }
    fn to_value(&self) -> crate::model::value::Value {
        crate::model::value::Value::Json(to_text(&self.0))
    }
}

#[diagnostic::do_not_recommend]
impl<T> crate::model::column::Column for Option<Json<T>>
where
    T: Serialize + DeserializeOwned + Clone + Send + Sync + 'static,
{
    type NotNull = Json<T>;
    const SQL_TYPE: crate::model::value::SqlType = crate::model::value::SqlType::Json;
    const NULLABLE: bool = true;
    fn decode(row: &dyn crate::model::column::RawRow, idx: usize) -> Result<Self, CellError> {
        row.get_json(idx)?
            .map(|s| from_text(s).map(Json))
            .transpose()
    }
    fn to_value(&self) -> crate::model::value::Value {
        match self {
            Some(v) => crate::model::value::Value::Json(to_text(&v.0)),
            None => crate::model::value::Value::Null,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_the_document() {
        assert_eq!(serde_json::to_string(&Json(vec![1, 2])).unwrap(), "[1,2]");
        let back: Json<Vec<i64>> = serde_json::from_str("[3]").unwrap();
        assert_eq!(back, Json(vec![3]));
        assert!(from_text::<Vec<i64>>("{\"a\":".to_owned()).is_err());
    }
}
