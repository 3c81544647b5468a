// Mistake: iterating a many-to-many the query did not load.
// expect: tags
// fix: .prefetch_related(Post::tags())
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().select_related(Post::author()).fetch(&db)?;
    for tag in posts[0].tags() {
        println!("{}", tag.name);
    }
    Ok(())
}
