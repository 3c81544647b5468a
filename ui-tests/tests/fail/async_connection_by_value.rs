// An async load given its connection by value: one error naming the
// reference to pass (`&db`), not rustc's 18-line "consider borrowing".
#[path = "common/blog.rs"]
mod blog;

use blog::*;

async fn titles(db: related::AsyncSqlite) -> related::Result<Vec<String>> {
    let posts = Post::query().all_async(db).await?;
    Ok(posts.into_iter().map(|p| p.title).collect())
}

fn main() {
    let _ = titles;
}
