// Mistake: Django's aggregate().
// expect: aggregate
// fix: count
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) { let _ = Post::query().aggregate(db); } fn main() {}
