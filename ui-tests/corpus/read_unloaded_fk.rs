// Mistake: reading a relation the query did not load.
// expect: author
// fix: .select_related(Post::author())
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().fetch(&db)?;
    println!("{}", posts[0].author().name);
    Ok(())
}
