// Mistake: insert given the row by value.
// expect: insert
// fix: &row
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, p: Author) { let _ = db.insert(p); } fn main() {}
