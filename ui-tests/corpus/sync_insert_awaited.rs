// Mistake: awaiting the blocking insert() in an async fn (SeaORM's insert(..).exec(db).await)
// expect: insert
// fix: AsyncSqlite
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn add(db: &related::Sqlite) -> related::Result<()> {
    let p = Publisher { id: 1, name: "Acme".into() };
    db.insert(&p).await?;
    Ok(())
}
fn main() { let _ = add; }
