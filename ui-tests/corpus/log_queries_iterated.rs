// Mistake: looping over Django's connection.queries on the log
// expect: queries
// fix: statements()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) { for q in db.log().queries() { println!("{}", q.sql); } } fn main() { let _ = f; }
