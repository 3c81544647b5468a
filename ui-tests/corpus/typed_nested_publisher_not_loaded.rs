// Mistake: reading author().publisher() when only author was loaded
// expect: publisher
// fix: Author::publisher()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let posts = Post::query().select_related(Post::author()).fetch(db)?; let _ = posts[0].author().publisher(); Ok(()) } fn main() { let _ = f; }
