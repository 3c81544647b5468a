// Mistake: prefetch_onto_async given the rows by value.
// expect: prefetch_onto
// fix: &mut rows
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(db: &related::AsyncSqlite, p: Vec<Post>) { let _ = Post::query().prefetch_related(Post::tags()).prefetch_onto_async(p, db).await; } fn main() {}
