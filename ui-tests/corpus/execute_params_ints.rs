// Mistake: execute given plain integers as params
// expect: execute
// fix: Value
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { db.execute("DELETE FROM post WHERE id = ?", &[1])?; Ok(()) } fn main() { let _ = f; }
