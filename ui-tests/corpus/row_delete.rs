// Mistake: SeaORM/Django delete() on a row
// expect: delete
// fix: execute
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, p: Post) { let _ = p.delete(db); } fn main() {}
