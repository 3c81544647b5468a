// Mistake: create_table (singular) for one model
// expect: create_table
// fix: create_tables
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<()> { db.create_table(Author::info())?; Ok(()) }
fn main() { let _ = f; }
