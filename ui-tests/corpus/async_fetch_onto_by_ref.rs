// Mistake: fetch_onto_async given &mut rows like prefetch_onto
// expect: fetch_onto
// fix: fetch_onto(rows
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(db: &related::AsyncSqlite, mut posts: Vec<Post>) -> related::Result<()> { let _ = Post::query().prefetch_related(Post::tags()).fetch_onto_async(&mut posts, db).await?; Ok(()) } fn main() { let _ = f; }
