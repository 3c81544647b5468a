// Mistake: any on a column
// expect: title
// fix: Post::tags().any
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::title().any(Tag::name().eq("x"))); }
