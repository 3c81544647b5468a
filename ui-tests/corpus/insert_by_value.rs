// Mistake: insert by value
// expect: insert
// fix: &
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, p: Post) { let _ = db.insert(p); } fn main() {}
