// Mistake: create_tables given the info functions.
// expect: info
// fix: info()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) { let _ = db.create_tables(&[Post::info, Tag::info]); } fn main() {}
