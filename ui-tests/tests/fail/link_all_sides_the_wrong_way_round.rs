// `link_all` on an async executor, its pairs the wrong way round: one
// error, not one at the call, the future and the `.await`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::AsyncExecutor as _;

async fn link(db: &related::AsyncSqlite, post: Post, tag: Tag) -> related::Result<()> {
    db.link_all(Post::tags(), &[(tag, post)]).await?;
    Ok(())
}

fn main() {
    let _ = link;
}
