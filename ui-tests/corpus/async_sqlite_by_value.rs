// Mistake: the async connection given by value to all_async.
// expect: AsyncSqlite
// fix: &db
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(db: related::AsyncSqlite) { let _ = Post::query().all_async(db).await; } fn main() {}
