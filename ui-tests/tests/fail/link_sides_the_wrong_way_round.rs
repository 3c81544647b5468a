// `link` takes the relation's own model first: sides the wrong way round
// (or a key of the wrong type) are one error for both, naming both.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

// The async form too: one error, not one at the call, the future and the
// `.await`.
async fn link_async(db: &related::AsyncSqlite, post: Post, tag: Tag) -> related::Result<()> {
    use related::AsyncExecutor as _;
    db.link_all(Post::tags(), &[(tag, post)]).await?;
    Ok(())
}

fn main() -> related::Result<()> {
    let _ = link_async;
    let db = related::Sqlite::open_in_memory()?;
    let post = Post::query().first(&db)?.unwrap();
    let tag = Tag::query().first(&db)?.unwrap();
    db.link(Post::tags(), &tag, &post)?;
    Ok(())
}
