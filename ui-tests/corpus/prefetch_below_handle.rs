// Mistake: prefetch_below given a relation handle as its second argument instead of a Prefetch
// expect: posts
// fix: Prefetch::new
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().prefetch_below(Post::author(), Author::posts()).all(&db)?;
    println!("{}", posts.len());
    Ok(())
}
