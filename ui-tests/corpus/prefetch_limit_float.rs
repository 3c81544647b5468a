// Mistake: Prefetch limit with a float
// expect: float
// fix: integer
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(related::Prefetch::new(Post::tags()).limit(2.0)); }
