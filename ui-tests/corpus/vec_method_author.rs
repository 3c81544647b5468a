// Mistake: calling a row accessor on the Vec of rows.
// expect: author
// fix: iter
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let posts = Post::query().select_related(Post::author()).all(db)?; let _ = posts.author(); Ok(()) } fn main() {}
