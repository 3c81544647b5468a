// Mistake: reading the back-reference (post.author()) on rows of a reverse prefetch, as README's author.posts.get()?[0].author
// expect: author
// fix: Post::author()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let authors = Author::query().prefetch_related(Author::posts()).fetch(&db)?;
    for a in &authors {
        for p in a.posts() {
            println!("{} by {}", p.title, p.author().name);
        }
    }
    Ok(())
}
