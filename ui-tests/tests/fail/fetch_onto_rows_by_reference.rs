// `fetch_onto` takes the rows by value and returns them typed: rows passed
// by reference (as `prefetch_onto` takes them) are one error naming both.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let mut posts: Vec<Post> = Vec::new();
    let _typed = Post::query()
        .prefetch_related(Post::tags())
        .fetch_onto(&mut posts, &db)?;
    Ok(())
}
