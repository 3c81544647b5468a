// Mistake: create_tables given table names
// expect: create_tables
// fix: info()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { db.create_tables(&["post", "tag"])?; Ok(()) } fn main() { let _ = f; }
