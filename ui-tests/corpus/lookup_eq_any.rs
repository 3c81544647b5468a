// Mistake: Diesel's eq_any for a list.
// expect: eq_any
// fix: is_in(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::id().eq_any(vec![1, 2])); }
