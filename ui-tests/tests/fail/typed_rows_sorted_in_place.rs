// Sorting a typed row's loaded rows in place: they are read-only, in the
// query's order; the error names the level's `order_by`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().prefetch_related(Post::tags()).fetch(&db)?;
    posts[0].tags().sort_by(|a, b| a.name.cmp(&b.name));
    Ok(())
}
