// Mistake: prefetch_related with a Prefetch (Django style)
// expect: Prefetch
// fix: .prefetch(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related(Prefetch::new(Post::tags())); }
