// Mistake: insert_all given one row.
// expect: insert_all
// fix: insert(&row)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, p: Author) { let _ = db.insert_all(&p); } fn main() {}
