// Mistake: a sqlx pool given to the blocking all(..).
// expect: Pool
// fix: all_async(&pool)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(pool: &sqlx::PgPool) -> related::Result<()> { let _ = Post::query().all(pool)?; Ok(()) } fn main() {}
