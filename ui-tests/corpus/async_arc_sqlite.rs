// Mistake: an axum state's Arc<AsyncSqlite> given as &state.db to all_async
// expect: Arc
// fix: &*
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

use std::sync::Arc;
struct AppState { db: Arc<related::AsyncSqlite> }
async fn list(state: &AppState) -> related::Result<usize> {
    let posts = Post::query().all_async(&state.db).await?;
    Ok(posts.len())
}
fn main() { let _ = list; }
