// Mistake: insert_all given the Vec by value.
// expect: insert_all
// fix: &rows
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, p: Vec<Author>) { let _ = db.insert_all(p); } fn main() {}
