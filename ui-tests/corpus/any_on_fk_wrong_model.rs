// Mistake: any() given a filter over another model.
// expect: Tag
// fix: Author
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::author().any(Tag::name().eq("x"))); }
