// Mistake: all() with a path string.
// expect: &str
// fix: Executor
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().all("sqlite::memory:");
}
