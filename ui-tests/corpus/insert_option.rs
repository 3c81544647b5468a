// Mistake: insert given an Option
// expect: Option
// fix: insert
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let db = related::Sqlite::open_in_memory().unwrap(); let p: Option<Tag> = None; db.insert(&p).unwrap(); }
