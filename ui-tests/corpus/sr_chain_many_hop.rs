// Mistake: select_related through a many-valued hop.
// expect: posts
// fix: prefetch_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Author::query().select_related(Author::posts().then(Post::author()));
}
