// Mistake: create_tables given the model types
// expect: Author
// fix: info()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<()> { db.create_tables(&[Author, Post])?; Ok(()) }
fn main() { let _ = f; }
