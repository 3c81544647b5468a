// Mistake: select_related on a Prefetched field
// expect: python_tags
// fix: Prefetch
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().select_related(Post::python_tags()); }
