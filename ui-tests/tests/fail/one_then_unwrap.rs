// `one` returns the row, not an `Option`: `.unwrap()` after it is one
// error saying so and naming `first` for a row that may be absent.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let post = Post::query().filter(Post::id().eq(1)).one(&db)?.unwrap();
    println!("{}", post.title);
    Ok(())
}
