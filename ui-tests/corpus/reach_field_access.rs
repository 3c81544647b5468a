// Mistake: a column through a relation read as a field (author().name) instead of called
// expect: name
// fix: name()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().filter(Post::author().name.eq("Ann")).all(&db)?;
    println!("{}", posts.len());
    Ok(())
}
