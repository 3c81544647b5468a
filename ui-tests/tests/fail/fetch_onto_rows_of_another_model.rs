// `fetch_onto` takes rows of the query's model, plain or typed: rows of
// another model are one error naming both, not a type mismatch.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let tags = Tag::query().all(&db)?;
    let _ = Post::query()
        .prefetch_related(Post::tags())
        .fetch_onto(tags, &db)?;
    Ok(())
}
