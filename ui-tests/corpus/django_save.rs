// Mistake: Django's save() on a row.
// expect: save
// fix: insert
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, p: Post) { p.save(db); } fn main() {}
