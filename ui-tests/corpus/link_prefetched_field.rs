// Mistake: link on a Prefetched field instead of its relation
// expect: python_tags
// fix: Post::tags()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite, post: &Post, tag: &Tag) -> related::Result<()> { db.link(Post::python_tags(), post, tag) }
fn main() { let _ = f; }
