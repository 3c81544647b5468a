// Mistake: create_tables given one model's info, not a list
// expect: create_tables
// fix: &[
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { db.create_tables(Post::info())?; Ok(()) } fn main() { let _ = f; }
