// Mistake: Prefetch to a field of another target
// expect: python_tags
// fix: Tag
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(related::Prefetch::new(Post::comments()).to(Post::python_tags())); }
