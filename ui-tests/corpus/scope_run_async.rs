// Mistake: Scope::run given a future
// expect: run
// fix: instrument
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(db: &related::AsyncSqlite) { let scope = related::n_plus_one::Scope::new(); let _ = scope.run(Post::query().all_async(db)).await; } fn main() { let _ = f; }
