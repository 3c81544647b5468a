// Mistake: the blocking connection given by value to all()
// expect: Sqlite
// fix: &db
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().all(db)?;
    println!("{}", posts.len());
    Ok(())
}
