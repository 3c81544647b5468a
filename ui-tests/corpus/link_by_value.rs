// Mistake: link given the rows by value.
// expect: link
// fix: &post, &tag
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, p: Post, t: Tag) { let _ = db.link(Post::tags(), p, t); } fn main() {}
