// An async load given the blocking `Sqlite`: one error at the call, naming
// the executors that fit (not also at the future and at its `.await`).
#[path = "common/blog.rs"]
mod blog;

use blog::*;

async fn titles(db: &related::Sqlite) -> related::Result<Vec<String>> {
    let posts = Post::query().all_async(db).await?;
    Ok(posts.into_iter().map(|p| p.title).collect())
}

fn main() {
    let _ = titles;
}
