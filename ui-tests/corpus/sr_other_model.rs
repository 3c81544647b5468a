// Mistake: a relation of another model.
// expect: publisher
// fix: Post
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().select_related(Author::publisher());
}
