// `prefetch_related(..)` on rows already loaded (Django's
// `prefetch_related_objects` read as a method): one error naming
// `prefetch_onto`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let mut posts = Post::query().all(&db)?;
    posts.prefetch_related(Post::tags());
    Ok(())
}
