// Django's `post.tags.remove(tag)` as `db.unlink(..)`: one error naming
// `execute`, where rustc offered `link`, the opposite.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let post = Post::query().first(&db)?.unwrap();
    let tag = Tag::query().first(&db)?.unwrap();
    db.unlink(Post::tags(), &post, &tag)?;
    Ok(())
}
