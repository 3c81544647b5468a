// Mistake: SeaORM's insert_many
// expect: insert_many
// fix: insert_all
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite, rows: Vec<Tag>) -> related::Result<()> { db.insert_many(&rows)?; Ok(()) }
fn main() { let _ = f; }
