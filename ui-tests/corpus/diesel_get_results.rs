// Mistake: Diesel's get_results(&conn) to run a query
// expect: get_results
// fix: .all(&db)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts: Vec<Post> = Post::query().filter(Post::views().gt(10)).get_results(&db)?;
    println!("{}", posts.len());
    Ok(())
}
