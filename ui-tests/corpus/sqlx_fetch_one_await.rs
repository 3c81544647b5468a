// Mistake: sqlx's fetch_one(&pool).await on the blocking Sqlite
// expect: fetch_one
// fix: fetch_one_async
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn one(db: &related::Sqlite) -> related::Result<String> {
    let post = Post::query().filter(Post::id().eq(1)).fetch_one(db).await?;
    Ok(post.title.clone())
}
fn main() { let _ = one; }
