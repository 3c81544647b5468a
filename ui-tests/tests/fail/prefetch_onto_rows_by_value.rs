// `prefetch_onto` fills the caller's rows in place: rows passed by value
// (or by shared reference) are one error naming `&mut rows`, not a type
// mismatch.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts: Vec<Post> = Vec::new();
    Post::query()
        .prefetch_related(Post::tags())
        .prefetch_onto(posts, &db)?;
    Ok(())
}
