// Mistake: Prefetch::new given a lookup string
// expect: &str
// fix: Post::tags()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(related::Prefetch::new("tags")); }
