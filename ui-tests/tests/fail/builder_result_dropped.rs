// A Django user writes `qs.filter(..)` and expects `qs` to change: here the
// builder returns the changed query, and dropping it is a warning (an error
// under `deny`) that says so.
#![deny(unused_must_use)]

#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let q = Post::query();
    q.clone().filter(Post::title().eq("x"));
    Prefetch::new(Post::tags()).filter(Tag::name().eq("rust"));
    let _ = q.all(&db)?;
    Ok(())
}
