// Mistake: SeaORM find()
// expect: find
// fix: Post::query()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::find(); }
