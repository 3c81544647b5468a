// Mistake: Django count() on loaded rows
// expect: count
// fix: len()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let posts = Post::query().all(db)?; let _: usize = posts.count(); Ok(()) } fn main() { let _ = f; }
