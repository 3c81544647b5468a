// Mistake: Django connection.queries on the log
// expect: queries
// fix: statements()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) { let _ = db.log().queries(); } fn main() { let _ = f; }
