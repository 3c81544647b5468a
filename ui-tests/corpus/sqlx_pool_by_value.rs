// Mistake: a sqlx pool given by value to all_async.
// expect: Pool
// fix: &pool
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(pool: sqlx::PgPool) -> related::Result<()> { let _ = Post::query().all_async(pool).await?; Ok(()) } fn main() {}
