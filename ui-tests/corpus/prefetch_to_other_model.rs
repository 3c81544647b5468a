// Mistake: Prefetch::to a field of another model.
// expect: python_tags
// fix: Prefetched
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Author::query().prefetch(Prefetch::new(Author::posts()).to(Post::python_tags()));
}
