// Mistake: prefetch of another model's relation.
// expect: posts
// fix: Post
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().prefetch_related(Author::posts());
}
