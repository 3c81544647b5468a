// Mistake: an ordering comparison with a Rust operator inside filter.
// expect: views
// fix: .lt(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().filter(Post::views() >= 100);
}
