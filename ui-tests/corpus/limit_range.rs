// Mistake: limit given a range for a page, as Django's [10:20]
// expect: limit
// fix: .offset(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().order_by(Post::id().asc()).limit(10..20).all(&db)?;
    println!("{}", posts.len());
    Ok(())
}
