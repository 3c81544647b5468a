// Mistake: sqlx's &mut conn habit: all_async(&mut db) on an AsyncSqlite
// expect: &mut
// fix: &db
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn list() -> related::Result<usize> {
    let mut db = related::AsyncSqlite::open_in_memory()?;
    let posts = Post::query().all_async(&mut db).await?;
    Ok(posts.len())
}
fn main() { let _ = list; }
