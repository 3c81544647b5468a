// Mistake: Django's __range as range(low, high).
// expect: range
// fix: between(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::views().range(1, 5)); }
