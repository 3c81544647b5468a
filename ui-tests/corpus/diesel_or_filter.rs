// Mistake: Diesel's or_filter to OR a second condition
// expect: or_filter
// fix: `|`
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query()
        .filter(Post::views().gt(100))
        .or_filter(Post::title().contains("rust"))
        .all(&db)?;
    println!("{}", posts.len());
    Ok(())
}
