// Mistake: raw given plain integers as params
// expect: raw
// fix: Value
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let _ = db.raw::<Post>("SELECT * FROM post WHERE id = ?", &[1])?; Ok(()) } fn main() { let _ = f; }
