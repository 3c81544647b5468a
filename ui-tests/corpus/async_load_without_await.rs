// Mistake: ? on an async load that was not awaited.
// expect: ?
// fix: .await
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(db: &related::AsyncSqlite) -> related::Result<()> { let posts = Post::query().all_async(db)?; let _ = posts; Ok(()) } fn main() {}
