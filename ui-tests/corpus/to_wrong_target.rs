// Mistake: Prefetch::to a Prefetched field of another model.
// expect: python_tags
// fix: Comment
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::comments()).to(Post::python_tags())); }
