// Mistake: sqlx's fetch_optional(..).await on a query.
// expect: fetch_optional
// fix: .first_async(&pool).await
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(db: &related::AsyncSqlite) -> related::Result<()> { let _ = Post::query().fetch_optional(db).await?; Ok(()) }
fn main() { let _ = f; }
