// Mistake: insert given &mut row
// expect: insert
// fix: &row
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, mut post: Post) -> related::Result<()> { db.insert(&mut post)?; Ok(()) } fn main() { let _ = f; }
