// Mistake: AsyncSqlite::open awaited as sqlx's connect
// expect: AsyncSqlite
// fix: remove the `.await`
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

async fn f() -> related::Result<()> {
    let db = related::AsyncSqlite::open("app.db").await?;
    let _ = Post::query().all_async(&db).await?;
    Ok(())
}
fn main() { let _ = f; }
