// Mistake: the sync statement budget given an async load
// expect: expect_statements
// fix: expect_statements_async
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(db: &related::AsyncSqlite) -> related::Result<()> { let _ = related::expect_statements(2, Post::query().all_async(db)); Ok(()) } fn main() { let _ = f; }
