// Mistake: link given the row first and the relation second, as post.tags.add(tag) reads
// expect: link
// fix: db.link(Post::tags()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let post = Post::query().one(&db)?;
    let tag = Tag::query().one(&db)?;
    db.link(&post, Post::tags(), &tag)?;
    Ok(())
}
