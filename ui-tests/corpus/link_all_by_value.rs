// Mistake: link_all given the pairs by value.
// expect: link_all
// fix: &[(post, tag)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, p: Vec<(Post, Tag)>) { let _ = db.link_all(Post::tags(), p); } fn main() {}
