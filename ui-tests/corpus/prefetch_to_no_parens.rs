// Mistake: Prefetch::to without parentheses
// expect: python_tags
// fix: ()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(related::Prefetch::new(Post::tags()).to(Post::python_tags)); }
