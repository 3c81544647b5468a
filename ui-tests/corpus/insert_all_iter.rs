// Mistake: insert_all given an iterator
// expect: insert_all
// fix: &rows
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, posts: Vec<Post>) -> related::Result<()> { db.insert_all(posts.iter())?; Ok(()) } fn main() { let _ = f; }
