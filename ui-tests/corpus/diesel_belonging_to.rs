// Mistake: Diesel belonging_to
// expect: belonging_to
// fix: prefetch_onto
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> { let db = related::Sqlite::open_in_memory()?; let authors = Author::query().all(&db)?; let _ = Post::belonging_to(&authors).all(&db)?; Ok(()) }
