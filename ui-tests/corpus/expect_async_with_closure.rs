// Mistake: the async statement budget given a closure
// expect: expect_statements_async
// fix: expect_statements(n, || ...)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(db: &related::AsyncSqlite) -> related::Result<()> { let _ = related::expect_statements_async(2, || Post::query().all_async(db)).await; Ok(()) } fn main() { let _ = f; }
