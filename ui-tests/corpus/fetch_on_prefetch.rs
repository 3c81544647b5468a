// Mistake: fetch called on a Prefetch
// expect: fetch
// fix: prefetch
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let db = related::Sqlite::open_in_memory().unwrap(); let _ = related::Prefetch::new(Post::tags()).fetch(&db); }
