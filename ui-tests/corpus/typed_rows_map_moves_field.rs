// Mistake: moving a String out of a borrowed typed row in map
// expect: name
// fix: clone
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<Vec<String>> {
    let post = Post::query().prefetch_related(Post::tags()).fetch_one(db)?;
    Ok(post.tags().iter().map(|t| t.name).collect())
}
fn main() { let _ = f; }
