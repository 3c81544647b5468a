// Mistake: a text match on a number column.
// expect: views
// fix: eq
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().filter(Post::views().contains("10"));
}
