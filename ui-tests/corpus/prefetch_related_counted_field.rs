// Mistake: prefetch_related on a Counted or Prefetched field handle
// expect: python_tags
// fix: Prefetch::new
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related(Post::python_tags()); }
