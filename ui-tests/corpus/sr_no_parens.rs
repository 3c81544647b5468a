// Mistake: relation handle without parentheses.
// expect: author
// fix: field()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().select_related(Post::author);
}
