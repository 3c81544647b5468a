// Mistake: a column handle without its parentheses in a filter
// expect: title
// fix: Post::title()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().filter(Post::title.eq("Rust")).all(&db)?;
    println!("{}", posts.len());
    Ok(())
}
