// Mistake: a filter on another model's column without a path.
// expect: name
// fix: Author
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().filter(Author::name().eq("Ann"));
}
