// Mistake: a second sort key chained with then(..), as std::cmp::Ordering::then
// expect: then
// fix: order_by((
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().order_by(Post::title().asc().then(Post::id().desc())).all(&db)?;
    println!("{}", posts.len());
    Ok(())
}
