// Mistake: a column where a relation goes (prefetch_related).
// expect: title
// fix: relation
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().prefetch_related(Post::title());
}
