// `Model::pk()` is the primary key column's handle (Django's `pk`), the
// same as the key field's own; `row.pk()` still reads a row's key. A model
// with a field named `pk`, or a key of another name, keeps its handles.
#![deny(warnings)]

use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Code {
    #[related(primary_key)]
    pub code: String,
    pub pk: i64,
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    db.create_tables(&[Author::info(), Code::info()])?;
    db.insert(&Author { id: 1, name: "Ann".into() })?;
    db.insert(&Author { id: 2, name: "Bob".into() })?;
    let by_pk = Author::query().filter(Author::pk().eq(2)).all(&db)?;
    assert_eq!(by_pk.len(), 1);
    assert_eq!(*by_pk[0].pk(), 2);
    assert_eq!(
        Author::query().order_by(Author::pk().desc()).plan(related::Dialect::Sqlite),
        Author::query().order_by(Author::id().desc()).plan(related::Dialect::Sqlite),
    );
    db.insert(&Code { code: "x".into(), pk: 7 })?;
    let codes = Code::query().filter(Code::pk().eq(7)).all(&db)?;
    assert_eq!(codes[0].pk(), "x");
    Ok(())
}
