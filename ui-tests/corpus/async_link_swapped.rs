// Mistake: async link_all with sides swapped
// expect: Tag
// fix: own model
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(db: &related::AsyncSqlite, p: Post, t: Tag) -> related::Result<()> { db.link_all(Post::tags(), &[(t, p)]).await?; Ok(()) } fn main() {}
