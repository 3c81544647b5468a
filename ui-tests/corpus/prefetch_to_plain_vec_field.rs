// Mistake: Prefetch::to on a Vec field
// expect: to
// fix: Prefetched
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).to(Post::title())); }
