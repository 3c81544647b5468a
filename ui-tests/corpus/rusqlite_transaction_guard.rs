// Mistake: rusqlite's transaction() guard with commit(), without a closure
// expect: transaction
// fix: |tx|
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let tx = db.transaction()?;
    tx.insert(&Publisher { id: 1, name: "Acme".into() })?;
    tx.commit()?;
    Ok(())
}
