// Mistake: typed rows collected into a Vec<&Tag>
// expect: Vec<&
// fix: as_model
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<()> {
    let post = Post::query().prefetch_related(Post::tags()).fetch_one(db)?;
    let tags: Vec<&Tag> = post.tags().iter().collect();
    let _ = tags;
    Ok(())
}
fn main() { let _ = f; }
