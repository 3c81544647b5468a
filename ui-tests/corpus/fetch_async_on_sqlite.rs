// Mistake: fetch_async on the blocking Sqlite
// expect: Sqlite
// fix: fetch(&db)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(db: &related::Sqlite) -> related::Result<()> { let _ = Post::query().fetch_async(db).await?; Ok(()) } fn main() { let _ = f; }
