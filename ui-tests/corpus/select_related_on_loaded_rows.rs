// Mistake: select_related called on the loaded Vec
// expect: select_related
// fix: prefetch_onto
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let posts = Post::query().all(db)?; let _ = posts.select_related(Post::author()); Ok(()) } fn main() { let _ = f; }
