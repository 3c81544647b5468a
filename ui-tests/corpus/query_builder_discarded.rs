// Mistake: calling filter without keeping the new query
// expect: q
// fix: let q = q.filter
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let q = Post::query(); q.filter(Post::views().gt(1)); let _ = q.all(db)?; Ok(()) } fn main() { let _ = f; }
