// Mistake: insert given a list of rows.
// expect: insert
// fix: insert_all
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, p: Vec<Author>) { let _ = db.insert(&p); } fn main() {}
