// Mistake: between given a Rust range, as for a match arm
// expect: between
// fix: between(1, 10)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::views().between(1..=10)); }
