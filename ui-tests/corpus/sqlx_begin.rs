// Mistake: sqlx's begin() to open a transaction, then commit()
// expect: begin
// fix: transaction(|
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let tx = db.begin()?;
    db.insert(&Publisher { id: 1, name: "Acme".into() })?;
    let _ = tx;
    Ok(())
}
