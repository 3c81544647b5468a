// Mistake: SeaORM's find_also_related.
// expect: find_also_related
// fix: select_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().find_also_related(Post::author()); }
