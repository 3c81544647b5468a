// Mistake: typed accessors read without the derive's accessor trait in scope (models imported by name).
// expect: author
// fix: PostLoaded
#[path = "common/models.rs"]
mod models;
use models::Post;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let p = Post::query().select_related(Post::author()).fetch(db)?; let _ = &p[0].author().name; Ok(()) } fn main() { let _ = f; }
