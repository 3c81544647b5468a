// Mistake: reading a reverse relation the query did not load.
// expect: comments
// fix: .prefetch_related(Post::comments())
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let post = Post::query().select_related(Post::author()).fetch_one(&db)?;
    println!("{}", post.comments().len());
    Ok(())
}
