// Mistake: unwrap on the row one() returns
// expect: unwrap
// fix: one
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let _ = Post::query().filter(Post::id().eq(1)).one(db)?.unwrap(); Ok(()) } fn main() { let _ = f; }
