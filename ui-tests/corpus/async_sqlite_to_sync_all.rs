// Mistake: an async connection given to the blocking all(..).
// expect: AsyncSqlite
// fix: all_async
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::AsyncSqlite) { let _ = Post::query().all(db); } fn main() {}
