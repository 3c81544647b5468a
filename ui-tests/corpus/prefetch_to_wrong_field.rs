// Mistake: Prefetch::to on a relation field.
// expect: tags
// fix: Prefetched
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().prefetch(Prefetch::new(Post::tags()).to(Post::tags()));
}
