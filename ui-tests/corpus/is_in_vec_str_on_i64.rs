// Mistake: is_in over strings on an integer key.
// expect: id
// fix: i64
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let ids = vec!["1"]; let _ = Post::query().filter(Post::id().is_in(&ids)); }
