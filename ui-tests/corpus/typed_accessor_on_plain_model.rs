// Mistake: a typed accessor on the plain model `all()` returns.
// expect: author
// fix: fetch
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().select_related(Post::author()).all(&db)?;
    println!("{}", posts[0].author().name);
    Ok(())
}
