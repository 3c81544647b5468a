// Mistake: Diesel's order(..).
// expect: order
// fix: order_by
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order(Post::id().desc()); }
