// Mistake: Django's .in_bulk(ids) on a query.
// expect: in_bulk
// fix: is_in
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().in_bulk(vec![1, 2]); }
