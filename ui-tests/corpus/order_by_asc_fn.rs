// Mistake: order_by given asc as a function call, with a second column
// expect: asc
// fix: .asc()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let _ = Post::query().order_by((related::asc(Post::title()), Post::id().desc())).all(db)?; Ok(()) } fn main() { let _ = f; }
