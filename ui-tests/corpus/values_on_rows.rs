// Mistake: Django values_list on loaded rows
// expect: values_list
// fix: iter().map
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let posts = Post::query().all(db)?; let _ = posts.values_list(Post::title()); Ok(()) } fn main() { let _ = f; }
