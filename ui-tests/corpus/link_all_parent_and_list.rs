// Mistake: link_all given one post and its tags instead of pairs
// expect: link_all
// fix: pairs
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, post: Post, tags: Vec<Tag>) -> related::Result<()> {
    db.link_all(Post::tags(), &post, &tags)
}
fn main() { let _ = f; }
