// Mistake: Diesel's first::<Post>(&mut conn) turbofish on first
// expect: first
// fix: first(&db)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let post = Post::query().order_by(Post::id().asc()).first::<Post>(&db)?;
    println!("{:?}", post.map(|p| p.title));
    Ok(())
}
