// Mistake: Prefetch of a column.
// expect: title
// fix: relation
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Prefetch::new(Post::title());
}
