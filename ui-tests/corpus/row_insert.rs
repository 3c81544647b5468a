// Mistake: SeaORM insert() on a row
// expect: insert
// fix: db.insert
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, p: Post) { let _ = p.insert(db); } fn main() {}
