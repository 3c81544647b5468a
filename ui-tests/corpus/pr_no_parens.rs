// Mistake: prefetch handle without parentheses.
// expect: tags
// fix: field()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().prefetch_related(Post::tags);
}
