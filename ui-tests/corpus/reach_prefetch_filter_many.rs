// Mistake: a Prefetch filter with a column through a many-valued relation
// expect: posts
// fix: any
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).filter(Tag::posts().title().eq("x"))); }
