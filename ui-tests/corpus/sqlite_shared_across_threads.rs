// Mistake: the blocking Sqlite shared with other threads through an Arc
// expect: Sqlite
// fix: AsyncSqlite
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let db = std::sync::Arc::new(related::Sqlite::open_in_memory().unwrap()); let db2 = db.clone(); let h = std::thread::spawn(move || Post::query().all(&*db2).map(|v| v.len())); let _ = h.join(); }
