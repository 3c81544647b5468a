// Mistake: reading the relation a Prefetch::to moved elsewhere
// expect: tags
// fix: python_tags()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<()> { let posts = Post::query().prefetch(Prefetch::new(Post::tags()).to(Post::python_tags())).fetch(db)?; let _ = posts[0].tags().len(); Ok(()) } fn main() { let _ = f; }
