// Mistake: a Prefetch filter with a value of the wrong type.
// expect: name
// fix: &str
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).filter(Tag::name().eq(3))); }
