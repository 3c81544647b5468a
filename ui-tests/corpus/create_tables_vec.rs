// Mistake: create_tables given a Vec by value
// expect: create_tables
// fix: &
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let db = related::Sqlite::open_in_memory().unwrap(); db.create_tables(vec![Post::info()]).unwrap(); }
