// Mistake: a Prefetch exclude on the parent's column
// expect: title
// fix: Tag
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).exclude(Post::title().eq("x"))); }
