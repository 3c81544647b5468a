// Mistake: query() called on a typed row the user holds, to load more onto it.
// expect: query
// fix: prefetch_onto
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> {
    let post = Post::query().select_related(Post::author()).fetch_one(db)?;
    let _ = post.query().prefetch_related(Post::tags());
    Ok(())
}
fn main() { let _ = f; }
