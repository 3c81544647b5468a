// Mistake: insert on AsyncSqlite without .await
// expect: ?
// fix: .await
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

async fn f(db: &related::AsyncSqlite, tag: Tag) -> related::Result<()> {
    db.insert(&tag)?;
    Ok(())
}
fn main() { let _ = f; }
