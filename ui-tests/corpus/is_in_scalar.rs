// Mistake: is_in given a single value instead of a list
// expect: {integer}
// fix: eq(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::views().is_in(3)); }
