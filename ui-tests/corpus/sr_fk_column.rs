// Mistake: the key column instead of the relation.
// expect: author_id
// fix: author()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().select_related(Post::author_id());
}
