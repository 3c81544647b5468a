// Mistake: Option's is_none() on a nullable column handle, for IS NULL
// expect: is_none
// fix: is_null()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().filter(Post::subtitle().is_none()).all(&db)?;
    println!("{}", posts.len());
    Ok(())
}
