// Mistake: execute without its parameters
// expect: execute
// fix: &[]
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { db.execute("DELETE FROM post")?; Ok(()) } fn main() { let _ = f; }
