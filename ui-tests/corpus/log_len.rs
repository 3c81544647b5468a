// Mistake: len() on the statement log
// expect: len
// fix: count()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) { let _ = db.log().len(); } fn main() { let _ = f; }
