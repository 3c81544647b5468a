// Mistake: calling get()? on typed tags
// expect: get
// fix: tags()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<()> { let posts = Post::query().prefetch_related(Post::tags()).fetch(db)?; for t in posts[0].tags().get()? { let _ = t; } Ok(()) } fn main() { let _ = f; }
