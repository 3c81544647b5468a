// Mistake: unlink, for Django's post.tags.remove(tag)
// expect: unlink
// fix: execute
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, post: Post, tag: Tag) -> related::Result<()> {
    db.unlink(Post::tags(), &post, &tag)
}
fn main() { let _ = f; }
