// `prefetch_onto` loads onto rows of the query's model: rows of another
// model are one error naming both, not a type mismatch.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let mut tags: Vec<Tag> = Vec::new();
    Post::query()
        .prefetch_related(Post::tags())
        .prefetch_onto(&mut tags, &db)?;
    Ok(())
}
