// Django's `qs.count()` on rows already loaded (a `Vec`): one error naming
// `len()`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().all(&db)?;
    println!("{}", posts.count());
    Ok(())
}
