// Mistake: Diesel's ne_all.
// expect: ne_all
// fix: is_in(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::id().ne_all(vec![1])); }
