// Mistake: count_async on the blocking Sqlite
// expect: `&related::Sqlite` is not an async
// fix: without `_async`
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

async fn f(db: &related::Sqlite) -> related::Result<u64> { Post::query().count_async(db).await }
fn main() { let _ = f; }
