// Mistake: awaiting the blocking all() in an async fn
// expect: all
// fix: all_async
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(db: &related::Sqlite) -> related::Result<()> { let _ = Post::query().all(db).await?; Ok(()) } fn main() { let _ = f; }
