// Mistake: a filter value of the wrong type.
// expect: i64
// fix: String
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().filter(Post::title().eq(5i64));
}
