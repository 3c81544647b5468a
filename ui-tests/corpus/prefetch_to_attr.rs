// Mistake: Django's to_attr on a Prefetch.
// expect: to_attr
// fix: .to(Post::python_tags())
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).to_attr("python_tags")); }
