// Mistake: count_related with a column.
// expect: title
// fix: Counted
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().count_related(Post::title());
}
