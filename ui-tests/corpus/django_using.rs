// Mistake: Django's using(alias) to choose the database
// expect: using
// fix: `.all(&db)`
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let replica = related::Sqlite::open_in_memory()?;
    let posts = Post::query().using(&replica).all(&replica)?;
    println!("{}", posts.len());
    Ok(())
}
