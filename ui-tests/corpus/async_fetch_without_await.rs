// Mistake: ? on fetch_async that was not awaited
// expect: ?
// fix: .await
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

async fn f(db: &related::AsyncSqlite) -> related::Result<()> {
    let posts = Post::query().select_related(Post::author()).fetch_async(db)?;
    let _ = posts;
    Ok(())
}
fn main() { let _ = f; }
