// Mistake: create_tables given rows of the models
// expect: create_tables
// fix: info()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, p: Post) -> related::Result<()> { db.create_tables(&[p])?; Ok(()) } fn main() { let _ = f; }
