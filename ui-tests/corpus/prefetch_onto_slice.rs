// Mistake: prefetch_onto given a mutable slice of the rows
// expect: [models::Post]
// fix: &mut Vec
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, posts: &mut [Post]) -> related::Result<()> {
    Post::query().prefetch_related(Post::tags()).prefetch_onto(posts, db)
}
fn main() { let _ = f; }
