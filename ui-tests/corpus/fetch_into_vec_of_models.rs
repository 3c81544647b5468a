// Mistake: typed rows from fetch assigned to a Vec of the model
// expect: fetch
// fix: all(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let posts: Vec<Post> = Post::query().select_related(Post::author()).fetch(db)?; let _ = posts; Ok(()) } fn main() {}
