// Mistake: sqlx's fetch_optional on a query, on a blocking connection and without its .await.
// expect: fetch_optional
// fix: .first(&db)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> { let db = related::Sqlite::open_in_memory()?; let _ = Post::query().fetch_optional(&db)?; Ok(()) }
