// Mistake: any given a closure over the related rows
// expect: closure
// fix: Tag::name().eq
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::tags().any(|t: &Tag| t.name == "rust")); }
