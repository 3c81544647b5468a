// Mistake: async link_all on a foreign key
// expect: author
// fix: ManyToMany
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

async fn f(db: &related::AsyncSqlite) -> related::Result<()> { db.link_all(Post::author(), &[(1, 1)]).await?; Ok(()) } fn main() {}
