// Django's `values_list(..)` on rows already loaded (a `Vec`): one error
// naming `iter().map(..)`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().all(&db)?;
    let titles: Vec<String> = posts.values_list(Post::title());
    println!("{titles:?}");
    Ok(())
}
