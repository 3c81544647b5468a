// Mistake: Diesel's then_order_by for a second sort key
// expect: then_order_by
// fix: .order_by(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query()
        .order_by(Post::title().asc())
        .then_order_by(Post::id().desc())
        .all(&db)?;
    println!("{}", posts.len());
    Ok(())
}
