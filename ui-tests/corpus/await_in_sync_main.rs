// Mistake: awaiting an async load in a main that is not async (no #[tokio::main])
// expect: await
// fix: async
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::AsyncSqlite::open_in_memory()?;
    let posts = Post::query().all_async(&db).await?;
    println!("{}", posts.len());
    Ok(())
}
