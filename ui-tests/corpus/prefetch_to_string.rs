// Mistake: Prefetch::to given a string
// expect: &str
// fix: python_tags()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(related::Prefetch::new(Post::tags()).to("python_tags")); }
