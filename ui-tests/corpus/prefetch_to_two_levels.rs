// Mistake: Prefetch::to on a field of the level below
// expect: python_tags
// fix: Post::python_tags()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Author::query().prefetch(Prefetch::new(Author::posts()).to(Post::python_tags())); }
