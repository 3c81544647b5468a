// `link` takes the relation's own model first: sides the wrong way round
// (or a key of the wrong type) are one error for both, naming both.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let post = Post::query().first(&db)?.unwrap();
    let tag = Tag::query().first(&db)?.unwrap();
    db.link(Post::tags(), &tag, &post)?;
    Ok(())
}
