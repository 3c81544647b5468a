// Mistake: SeaORM's find_with_related.
// expect: find_with_related
// fix: prefetch_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().find_with_related(Post::tags()); }
