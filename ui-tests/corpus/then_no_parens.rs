// Mistake: then with a handle without parentheses.
// expect: publisher
// fix: field()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().select_related(Post::author().then(Author::publisher));
}
