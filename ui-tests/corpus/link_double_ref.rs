// Mistake: link(&post, &tag) inside a for loop over &tags (a &&Tag)
// expect: link
// fix: goes as it is
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let post = Post::query().one(&db)?;
    let tags = Tag::query().all(&db)?;
    for tag in &tags {
        db.link(Post::tags(), &post, &tag)?;
    }
    Ok(())
}
