// Mistake: a sqlx transaction given by value to all_async.
// expect: Transaction
// fix: &mut tx
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(tx: sqlx::Transaction<'_, sqlx::Postgres>) -> related::Result<()> { let _ = Post::query().all_async(tx).await?; Ok(()) } fn main() {}
