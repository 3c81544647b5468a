// Mistake: Prefetch select_related on a many relation.
// expect: tags
// fix: prefetch_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Author::query().prefetch(Prefetch::new(Author::posts()).select_related(Post::tags()));
}
