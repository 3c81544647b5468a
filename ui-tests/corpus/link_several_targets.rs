// Mistake: link given a list of tags, as Django's post.tags.add(*tags)
// expect: link
// fix: link_all
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, post: Post, t1: Tag, t2: Tag) -> related::Result<()> {
    db.link(Post::tags(), &post, &[t1, t2])
}
fn main() { let _ = f; }
