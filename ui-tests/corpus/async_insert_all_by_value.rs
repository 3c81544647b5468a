// Mistake: async insert_all given the Vec by value.
// expect: insert_all
// fix: &rows
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(pool: &related::AsyncSqlite, p: Vec<Author>) { let _ = pool.insert_all(p).await; } fn main() {}
