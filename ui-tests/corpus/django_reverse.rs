// Mistake: Django's reverse() on a query.
// expect: reverse
// fix: order_by
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().reverse(); }
