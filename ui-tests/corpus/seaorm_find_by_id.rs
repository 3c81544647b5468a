// Mistake: SeaORM find_by_id
// expect: find_by_id
// fix: Post::id().eq(key)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::find_by_id(1); }
