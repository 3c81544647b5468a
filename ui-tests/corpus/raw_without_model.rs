// Mistake: raw without naming the model
// expect: raw
// fix: raw::<
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let rows = db.raw("SELECT * FROM post", &[])?; let _ = rows; Ok(()) } fn main() { let _ = f; }
