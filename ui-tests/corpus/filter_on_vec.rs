// Mistake: filter on the loaded Vec instead of the query
// expect: filter
// fix: query()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let posts = Post::query().all(db)?; let _ = posts.filter(Post::views().gt(1)); Ok(()) } fn main() { let _ = f; }
