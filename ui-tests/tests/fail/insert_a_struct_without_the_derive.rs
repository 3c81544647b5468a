// `insert` / `insert_all` (sync and async) of a struct without the derive:
// one error each, naming the struct.
use related::prelude::*;

#[derive(Clone, Debug)]
pub struct Draft {
    pub id: i64,
}

async fn store(db: &related::AsyncSqlite) -> related::Result<()> {
    db.insert_all(&[Draft { id: 2 }]).await?;
    Ok(())
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    db.insert(&Draft { id: 1 })?;
    let _ = store;
    Ok(())
}
