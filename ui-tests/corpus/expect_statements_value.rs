// Mistake: a statement budget given the load's result, not a closure
// expect: expect_statements
// fix: || 
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = related::expect_statements(2, Post::query().prefetch_related(Post::tags()).all(&db))?;
    println!("{}", posts.len());
    Ok(())
}
