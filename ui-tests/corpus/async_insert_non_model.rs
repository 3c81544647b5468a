// Mistake: async insert_all of a non-model
// expect: Draft
// fix: derive
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug)] pub struct Draft { pub id: i64 } async fn f(db: &related::AsyncSqlite) -> related::Result<()> { db.insert_all(&[Draft { id: 1 }]).await?; Ok(()) } fn main() {}
