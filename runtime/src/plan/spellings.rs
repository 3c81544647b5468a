//! Values a text column may hold in more than one spelling, all of which
//! the decoder reads as the same value: a comparison for equality asks for
//! every one, so that whatever a row can be read from, a filter or a key
//! list finds it too.
//!
//! Only UUIDs on SQLite and MySQL, which store them as text (or bytes) and
//! compare that exactly. `related` writes the hyphenated lowercase form;
//! Django and SQLAlchemy write 32 hex digits without hyphens (`char(32)`);
//! other tools write capitals; and on MySQL `BINARY(16)` holds the bytes.
//! A JOIN compares two stored columns, which one application wrote alike,
//! so it needs none of this; a key list was decoded from rows and has lost
//! their spelling.

use crate::model::types::text::uuid_text;
use crate::model::value::Value;

/// How a backend stores a UUID (`Dialect::uuids`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UuidStorage {
    /// A `uuid` type of its own (PostgreSQL): one value, whatever its text.
    Native,
    /// Text (SQLite).
    Text,
    /// Text or the 16 bytes (MySQL's `CHAR(36)`, `CHAR(32)`, `BINARY(16)`).
    TextOrBytes,
}

/// Every spelling of `value` a row may hold where UUIDs are stored as
/// `uuids`, when there is more than one: ours first.
pub(crate) fn of(uuids: UuidStorage, value: &Value) -> Option<Vec<Value>> {
    let Value::Uuid(bytes) = value else {
        return None;
    };
    if uuids == UuidStorage::Native {
        return None;
    }
    let hyphenated = uuid_text(bytes);
    let plain = hyphenated.replace('-', "");
    let mut all = vec![
        Value::Text(hyphenated.clone()),
        Value::Text(plain.clone()),
        Value::Text(plain.to_ascii_uppercase()),
        Value::Text(hyphenated.to_ascii_uppercase()),
    ];
    if uuids == UuidStorage::TextOrBytes {
        all.push(Value::Bytes(bytes.to_vec()));
    }
    Some(all)
}

/// How many parameters one key takes in an expanded key list: a key list
/// of `max` parameters holds `max / per_key` keys.
pub(crate) fn per_key(uuids: UuidStorage, key: &Value) -> usize {
    of(uuids, key).map_or(1, |all| all.len())
}

/// `keys` with each one replaced by all its spellings (see [`of`]).
pub(crate) fn expand(uuids: UuidStorage, keys: Vec<Value>) -> Vec<Value> {
    // The values of one list are of one column's type (or NULL): the first
    // other value says whether they are UUIDs, without a pass over them all.
    let first = keys.iter().find(|k| !matches!(k, Value::Null));
    if uuids == UuidStorage::Native || !matches!(first, Some(Value::Uuid(_))) {
        return keys;
    }
    let mut out = Vec::with_capacity(keys.len() * 5);
    for k in keys {
        match of(uuids, &k) {
            Some(all) => out.extend(all),
            None => out.push(k),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_have_every_stored_spelling_off_postgres() {
        let mut bytes = [0u8; 16];
        bytes[0] = 0xab;
        bytes[15] = 0x0c;
        let u = Value::Uuid(bytes);
        let text = |v: &Value| match v {
            Value::Text(t) => t.clone(),
            Value::Bytes(b) => format!("{} bytes", b.len()),
            other => panic!("{other:?}"),
        };
        let sqlite: Vec<String> = of(UuidStorage::Text, &u)
            .unwrap()
            .iter()
            .map(text)
            .collect();
        assert_eq!(
            sqlite,
            [
                "ab000000-0000-0000-0000-00000000000c",
                "ab00000000000000000000000000000c",
                "AB00000000000000000000000000000C",
                "AB000000-0000-0000-0000-00000000000C",
            ]
        );
        let mysql: Vec<String> = of(UuidStorage::TextOrBytes, &u)
            .unwrap()
            .iter()
            .map(text)
            .collect();
        assert_eq!(mysql.len(), 5);
        assert_eq!(mysql[4], "16 bytes");
        assert!(of(UuidStorage::Native, &u).is_none());
        assert!(of(UuidStorage::Text, &Value::I64(1)).is_none());
        assert_eq!(per_key(UuidStorage::TextOrBytes, &u), 5);
        assert_eq!(
            per_key(UuidStorage::TextOrBytes, &Value::Text("x".into())),
            1
        );
        // A list of one column's values: NULL stays one value, each UUID
        // becomes its four spellings; other lists are left as they are.
        assert_eq!(
            expand(UuidStorage::Text, vec![Value::Null, u.clone(), u.clone()]).len(),
            9
        );
        assert_eq!(
            expand(UuidStorage::TextOrBytes, vec![Value::I64(1), Value::I64(2)]).len(),
            2
        );
        assert_eq!(expand(UuidStorage::Native, vec![u.clone()]).len(), 1);
    }
}
