// Mistake: all_async on sync Sqlite
// expect: &related::Sqlite` is not an async
// fix: all(&db)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f() -> related::Result<()> { let db = related::Sqlite::open_in_memory()?; let _ = Post::query().all_async(&db).await?; Ok(()) } fn main() {}
