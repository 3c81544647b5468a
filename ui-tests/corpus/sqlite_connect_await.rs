// Mistake: sqlx's `connect(url).await?` on the embedded database
// expect: connect
// fix: open(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f() -> related::Result<()> { let db = related::AsyncSqlite::connect("sqlite://blog.db").await?; let _ = Post::query().all_async(&db).await?; Ok(()) } fn main() { let _ = f; }
