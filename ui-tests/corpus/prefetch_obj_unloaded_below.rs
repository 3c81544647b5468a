// Mistake: reading below a Prefetch a relation it did not load.
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
    let authors = Author::query()
        .prefetch(related::Prefetch::new(Author::posts()).filter(Post::views().gt(10)))
        .fetch(&db)?;
    for post in authors[0].posts() {
        println!("{}", post.tags().len());
    }
    Ok(())
}
