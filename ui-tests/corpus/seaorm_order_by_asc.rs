// Mistake: SeaORM's order_by_asc.
// expect: order_by_asc
// fix: order_by
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order_by_asc(Post::id()); }
