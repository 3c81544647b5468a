// `link` takes references to its two sides: rows (or keys) given by value
// are one error for both sides, naming `&post, &tag`, not one type
// mismatch per side (33 lines).
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let post = Post::query().first(&db)?.unwrap();
    let tag = Tag::query().first(&db)?.unwrap();
    db.link(Post::tags(), post, tag)?;
    Ok(())
}
