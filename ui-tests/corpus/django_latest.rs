// Mistake: Django's .latest(field) on a query.
// expect: latest
// fix: order_by
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().latest(Post::id()); }
