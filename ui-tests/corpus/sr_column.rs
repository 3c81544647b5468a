// Mistake: a column where a relation goes (select_related).
// expect: title
// fix: relation
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().select_related(Post::title());
}
