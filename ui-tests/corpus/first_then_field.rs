// Mistake: reading a field of first() without handling None
// expect: title
// fix: Option
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<String> { Ok(Post::query().first(db)?.title) } fn main() { let _ = f; }
