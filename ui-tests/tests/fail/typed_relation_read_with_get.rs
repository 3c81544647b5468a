// A typed row's relation accessor returns the loaded row itself: `.get()`
// after it (as on a plain row's field) is one error naming how to read it.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().select_related(Post::author()).fetch(&db)?;
    for post in &posts {
        println!("{}", post.author().get()?.name);
    }
    Ok(())
}
