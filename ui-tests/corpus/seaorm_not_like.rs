// Mistake: SeaORM's / Diesel's not_like on a text column
// expect: not_like
// fix: !column.like(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().filter(Post::title().not_like("%draft%")).all(&db)?;
    println!("{}", posts.len());
    Ok(())
}
