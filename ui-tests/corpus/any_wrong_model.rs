// Mistake: any given a filter on the query model
// expect: tags
// fix: Tag::name()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::tags().any(Post::title().eq("x"))); }
