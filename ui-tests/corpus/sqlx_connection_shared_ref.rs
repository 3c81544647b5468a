// Mistake: a shared reference to a PgConnection given to all_async.
// expect: PgConnection
// fix: &mut PgConnection
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(conn: &sqlx::PgConnection) -> related::Result<()> { let _ = Post::query().all_async(conn).await?; Ok(()) } fn main() {}
